"""Property: three devices, any interleaving of edits, deletions and syncs, converge —
and no text edit is lost: each one is in effect, or was overwritten or deleted by
someone who had seen it, or sits in its writer's conflict list.

Three real vaults and a real shared folder. The vaults are made once (key
derivation is the slow part) and copied for every example.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models import Case, Contact
from app.storage.sync import set_clock, sync_now
from app.storage.vault import Vault
from tests.unit.sync_helpers import (
    PASSWORD,
    FakeClock,
    add_case,
    add_contact,
    dump,
    open_conflicts,
    team_of,
)

DEVICES = 3
CASE_FIELDS = ("intake_notes", "outcome")
STATUSES = ("active", "paused", "closed")
_template: dict[str, object] = {}


def template() -> Path:
    """Three synced vaults with two cases (one contact each), made once per test run."""
    if "dir" not in _template:
        root = Path(tempfile.mkdtemp(prefix="lotse-sync-template-"))
        share = root / "share"
        share.mkdir()
        vaults = team_of(share, *(root / f"v{i}" for i in range(DEVICES)))
        cases, contacts = [], []
        for i in range(2):
            case_id = add_case(vaults[0], given=f"Person{i}", notes=f"base note {i}")
            cases.append(case_id)
            contacts.append(add_contact(vaults[0], case_id, f"base contact {i}"))
        for _ in range(2):
            for vault in vaults:
                sync_now(vault)
        for vault in vaults:
            vault.lock()
        _template.update(dir=root, cases=cases, contacts=contacts)
    return _template["dir"]  # type: ignore[return-value]


@dataclass
class Write:
    device: int
    entity: str
    row_id: str
    field: str
    value: str
    at: int


@dataclass
class World:
    vaults: list[Vault]
    share: Path
    cases: list[str]
    contacts: list[str]
    contact_case: dict[str, str]
    clock: int = 0
    writes: list[Write] = field(default_factory=list)
    deletions: list[tuple[int, str, str, int]] = field(default_factory=list)  # device, entity, row, at
    published_at: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # device -> [(sync time, up to)]
    read_at: dict[int, list[int]] = field(default_factory=dict)

    def tick(self) -> int:
        self.clock += 1
        return self.clock

    def sync(self, device: int) -> None:
        now = self.tick()
        sync_now(self.vaults[device], self.share)
        self.published_at.setdefault(device, []).append(now)
        self.read_at.setdefault(device, []).append(now)

    def knew(self, device: int, write: Write, at: int) -> bool:
        """Whether ``device`` had seen ``write`` at time ``at`` (it reads what others sent before)."""
        if device == write.device:
            return write.at < at
        published = [t for t in self.published_at.get(write.device, []) if t > write.at]
        if not published:
            return False
        return any(published[0] < t < at for t in self.read_at.get(device, []))


def exists(vault: Vault, model, row_id: str) -> bool:
    with vault.session() as session:
        return session.get(model, row_id) is not None


def run_op(world: World, op: tuple) -> None:
    kind, device = op[0], op[1]
    if kind == "edit_twice":
        _kind, first, step, case, field_name, words = op
        run_op(world, ("edit_case", first, case, field_name, words))
        run_op(world, ("edit_case", (first + step) % DEVICES, case, field_name, words))
        return
    vault = world.vaults[device]
    if kind == "sync":
        world.sync(device)
        return
    if kind in ("edit_case", "status", "delete_case"):
        case_id = world.cases[op[2] % len(world.cases)]
        if not exists(vault, Case, case_id):
            return
        at = world.tick()
        with vault.session() as session:
            case = session.get(Case, case_id)
            if kind == "edit_case":
                value = f"{op[4]} #{at}"
                setattr(case, op[3], value)
                world.writes.append(Write(device, "cases", case_id, op[3], value, at))
            elif kind == "status":
                case.status = op[3]
            else:
                from app.services.search import remove_case

                remove_case(session, case_id)
                session.delete(case)
                world.deletions.append((device, "cases", case_id, at))
        return
    if kind == "add_contact":
        case_id = world.cases[op[2] % len(world.cases)]
        if not exists(vault, Case, case_id):
            return
        at = world.tick()
        value = f"{op[3]} #{at}"
        contact_id = add_contact(vault, case_id, value)
        world.contacts.append(contact_id)
        world.contact_case[contact_id] = case_id
        world.writes.append(Write(device, "contacts", contact_id, "note", value, at))
        return
    contact_id = world.contacts[op[2] % len(world.contacts)]
    if not exists(vault, Contact, contact_id):
        return
    at = world.tick()
    with vault.session() as session:
        contact = session.get(Contact, contact_id)
        if kind == "edit_contact":
            value = f"{op[3]} #{at}"
            contact.note = value
            world.writes.append(Write(device, "contacts", contact_id, "note", value, at))
        else:
            session.delete(contact)
            world.deletions.append((device, "contacts", contact_id, at))


def quiesce(world: World) -> None:
    for _ in range(8):
        moved = 0
        for device in range(DEVICES):
            result = sync_now(world.vaults[device], world.share)
            moved += result.sent + result.received
        if moved == 0:
            return
    raise AssertionError("the devices did not stop exchanging changes")


def final_value(world: World, write: Write):
    model = Case if write.entity == "cases" else Contact
    with world.vaults[0].session() as session:
        row = session.get(model, write.row_id)
        return None if row is None else getattr(row, write.field)


def lost_knowingly(world: World, write: Write) -> bool:
    """Overwritten or deleted by a device that had seen it."""
    for other in world.writes:
        same_field = (other.entity, other.row_id, other.field) == (write.entity, write.row_id, write.field)
        if same_field and other.at > write.at and world.knew(other.device, write, other.at):
            return True
    for device, entity, row_id, at in world.deletions:
        gone = row_id == write.row_id or (entity == "cases" and world.contact_case.get(write.row_id) == row_id)
        if gone and world.knew(device, write, at):
            return True
    return False


sync_op = st.tuples(st.just("sync"), st.integers(0, DEVICES - 1))
edit_case = st.tuples(st.just("edit_case"), st.integers(0, DEVICES - 1), st.integers(0, 9),
                      st.sampled_from(CASE_FIELDS), st.sampled_from(["Termin", "Notiz", "ملاحظة", "Ausweis"]))
edit_contact = st.tuples(st.just("edit_contact"), st.integers(0, DEVICES - 1), st.integers(0, 9),
                         st.sampled_from(["Gespräch", "Telefonat", "زيارة"]))
# Weighted by repetition: edits and syncs often (concurrent edits of one field are the
# point), deletions rarely (a deleted case ends the story of everything in it).
ops = st.one_of(
    sync_op, sync_op, sync_op,
    edit_case, edit_case, edit_case,
    edit_contact, edit_contact,
    st.tuples(st.just("status"), st.integers(0, DEVICES - 1), st.integers(0, 9), st.sampled_from(STATUSES)),
    st.tuples(st.just("add_contact"), st.integers(0, DEVICES - 1), st.integers(0, 9), st.just("Neuer Kontakt")),
    st.tuples(st.just("delete_contact"), st.integers(0, DEVICES - 1), st.integers(0, 9)),
    st.tuples(st.just("delete_case"), st.integers(0, DEVICES - 1), st.integers(0, 9)).filter(lambda op: op[2] > 7),
    # The same field edited on two devices before either syncs.
    st.tuples(st.just("edit_twice"), st.integers(0, DEVICES - 1), st.integers(1, DEVICES - 1), st.integers(0, 9),
              st.sampled_from(CASE_FIELDS), st.sampled_from(["Zuerst", "أولا"])),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ops, min_size=5, max_size=30), st.lists(st.integers(-300_000, 300_000), min_size=DEVICES, max_size=DEVICES))
def test_three_devices_converge_and_lose_no_text(operations, skews):
    source = template()
    work = Path(tempfile.mkdtemp(prefix="lotse-sync-example-"))
    try:
        shutil.copytree(source, work, dirs_exist_ok=True)
        vaults = [Vault.unlock(work / f"v{i}", PASSWORD) for i in range(DEVICES)]
        for vault, skew in zip(vaults, skews, strict=True):
            set_clock(vault, FakeClock(start_ms=1_800_000_000_000, offset_ms=skew))
        world = World(
            vaults, work / "share", list(_template["cases"]), list(_template["contacts"]),
            dict(zip(_template["contacts"], _template["cases"], strict=True)),
        )
        for op in operations:
            run_op(world, op)
        quiesce(world)

        dumps = [dump(v) for v in vaults]
        assert dumps[0] == dumps[1] == dumps[2]

        conflicts = [open_conflicts(v) for v in vaults]
        for write in world.writes:
            if final_value(world, write) == write.value or lost_knowingly(world, write):
                continue
            kept = {c["mine"] for c in conflicts[write.device]} | {c["theirs"] for c in conflicts[write.device]}
            assert write.value in kept, f"text lost: {write}"
    finally:
        for vault in locals().get("vaults", []):
            vault.lock()
        shutil.rmtree(work, ignore_errors=True)


def test_the_template_is_really_synced():
    """Guards the property test: its starting point is three vaults with the same two cases."""
    source = template()
    vaults = [Vault.unlock(source / f"v{i}", PASSWORD) for i in range(DEVICES)]
    try:
        dumps = [dump(v) for v in vaults]
        assert dumps[0] == dumps[1] == dumps[2]
        assert len(dumps[0]["cases"]) == 2 and len(dumps[0]["contacts"]) == 2
    finally:
        for vault in vaults:
            vault.lock()

