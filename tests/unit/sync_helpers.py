"""Helpers for the sync tests: real vaults, a real shared folder, cases made with the ORM."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

from sqlalchemy import select, text

from app.models import Case, Contact, Person
from app.storage.sync import create_team, join_team, set_clock
from app.storage.sync.entities import entities
from app.storage.vault import Vault

PASSWORD = "correct horse battery"
PASSPHRASE = "team passphrase for tests"


class FakeClock:
    """A wall clock a test moves by hand; each device may run ahead or behind."""

    def __init__(self, start_ms: int = 1_790_000_000_000, offset_ms: int = 0) -> None:
        self.now = start_ms
        self.offset = offset_ms

    def __call__(self) -> int:
        self.now += 1
        return self.now + self.offset


def new_vault(path: Path, clock: FakeClock | None = None) -> Vault:
    vault, _code = Vault.create(path, PASSWORD, user_name="tester")
    if clock is not None:
        set_clock(vault, clock)
    return vault


def team_of(share: Path, *vault_dirs: Path, clocks=None) -> list[Vault]:
    """Vaults in one team: the first creates it, the others join."""
    vaults = [new_vault(d, (clocks or {}).get(i)) for i, d in enumerate(vault_dirs)]
    create_team(vaults[0], share, PASSPHRASE, name="Test team")
    for vault in vaults[1:]:
        join_team(vault, share, PASSPHRASE)
    return vaults


_numbers = itertools.count(1)


def add_case(vault: Vault, *, ref: str | None = None, given: str = "Amina", family: str = "Yusuf",
             notes: str = "", shared: bool = True, original: str = "") -> str:
    with vault.session() as session:
        person = Person(given_names=given, family_name=family, name_original=original)
        session.add(person)
        session.flush()
        case = Case(
            ref=ref or f"2026-{next(_numbers):04d}",
            person_id=person.id,
            case_type="case_management",
            opened=date(2026, 3, 1),
            intake_notes=notes,
            shared=shared,
            sort_name=f"{family}, {given}".lower(),
        )
        session.add(case)
        session.flush()
        return case.id


def add_contact(vault: Vault, case_id: str, note: str) -> str:
    with vault.session() as session:
        contact = Contact(case_id=case_id, date=date(2026, 3, 2), kind="meeting", note=note)
        session.add(contact)
        session.flush()
        return contact.id


def set_field(vault: Vault, model, row_id: str, field: str, value) -> None:
    with vault.session() as session:
        obj = session.get(model, row_id)
        setattr(obj, field, value)


def get_field(vault: Vault, model, row_id: str, field: str):
    with vault.session() as session:
        obj = session.get(model, row_id)
        return None if obj is None else getattr(obj, field)


def delete_row(vault: Vault, model, row_id: str) -> None:
    with vault.session() as session:
        obj = session.get(model, row_id)
        if obj is not None:
            session.delete(obj)


def delete_case(vault: Vault, case_id: str) -> None:
    """As the case service does it: the search entry first, then the case (its rows go by cascade)."""
    from app.services.search import remove_case

    with vault.session() as session:
        case = session.get(Case, case_id)
        if case is not None:
            remove_case(session, case_id)
            session.delete(case)


def dump(vault: Vault) -> dict[str, list[tuple]]:
    """Every syncable table, every row, sorted: what must be equal on converged devices."""
    result = {}
    with vault.session() as session:
        for name, spec in entities().items():
            columns = ["id", *spec.columns]
            rows = session.execute(select(*[spec.table.c[c] for c in columns]).order_by(spec.table.c.id)).all()
            result[name] = [tuple(r) for r in rows]
    return result


def open_conflicts(vault: Vault) -> list[dict]:
    from app.storage.sync import list_conflicts

    with vault.session() as session:
        return list_conflicts(session)


def case_refs(vault: Vault) -> dict[str, str]:
    with vault.session() as session:
        return dict(session.execute(select(Case.id, Case.ref)).all())


def search_names(vault: Vault, query: str) -> list[str]:
    from app.services.search import search

    with vault.session() as session:
        return [hit.case_id for hit in search(session, query)]


def count(vault: Vault, table: str) -> int:
    with vault.session() as session:
        return session.execute(text(f"SELECT count(*) FROM {table}")).scalar()


