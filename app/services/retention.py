"""Retention: which closed cases are past their period, and erasing them for good.

A case may be kept for a period after closing that depends on its type
(settings ``retention/*_years``; the CLI and GUI read them and pass them in).
After that it is erased: the person, the case and every row about it
(contacts, goals, assessments, documents and their bytes, consents, letters,
referrals, barriers, agreements, deadlines …) — except what the reports need,
which is kept first as anonymous facts (``report_tombstones``).

Erasure is final in this vault:
- the FTS row goes, and the FTS index is rebuilt (``optimize``) so no term
  survives in an old segment; ``secure_delete`` is on, so freed pages are
  zeroed; the WAL is checkpointed and truncated so no old page stays there;
- the audit log keeps *that* something happened (action, user, time) for
  accountability, but the entries of the case lose their case id and detail,
  so the log no longer points to the person. The erasure itself is logged
  without a reference, for the same reason;
- the erasure goes to the team through ``erasure_hooks.after_local_erasure``.

Not reached from here: backups the user wrote elsewhere and the pre-migration
copies in ``<vault>/backups``; they keep the case until they are deleted.

A legal hold (``Case.legal_hold``) stops erasure with its reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session

from app.errors import NotFoundError, PolicyError, UsageError
from app.i18n import _
from app.models import AuditEntry, Base, Case, Person, ResidenceDocument
from app.services import audit, erasure_hooks, search
from app.services.reporting.tombstones import record_tombstones

ERASED_ACTION = "case.erased"


# The settings that hold each case type's period, in years after closing.
PERIOD_SETTINGS = {
    "case_management": "retention/case_management_years",
    "referral_advice": "retention/referral_advice_years",
}


def retention_periods(settings) -> dict[str, int]:
    """The periods per case type from ``settings`` (anything with ``get(key)``, e.g. app.settings.Settings)."""
    return {case_type: int(settings.get(key)) for case_type, key in PERIOD_SETTINGS.items()}


@dataclass(frozen=True)
class RetentionCase:
    case_id: str
    ref: str
    case_type: str
    closed: date
    retention_ends: date  # the last day the case may be kept
    legal_hold_reason: str = ""
    person_name: str = ""  # for the case manager's own retention screen; never logged or exported


@dataclass(frozen=True)
class RetentionOverview:
    due: list[RetentionCase]  # past their period: to be erased
    held: list[RetentionCase]  # past their period, but under a legal hold


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


def cases_past_retention(session: Session, today: date, periods: Mapping[str, int]) -> RetentionOverview:
    """Closed cases whose retention period (``closed`` + years of their type) has ended
    before ``today``. Types without a period are never listed: no rule, no erasure."""
    for case_type, years in periods.items():
        if years < 0:
            raise UsageError(_("The retention period for {case_type} cannot be negative.").format(case_type=case_type))
    due, held = [], []
    rows = session.execute(
        select(Case.id, Case.ref, Case.case_type, Case.closed, Case.legal_hold, Case.legal_hold_reason,
               Person.given_names, Person.family_name)
        .outerjoin(Person, Person.id == Case.person_id)
        .where(Case.closed.is_not(None), Case.case_type.in_(list(periods)))
        .order_by(Case.closed, Case.ref)
    )
    for case_id, ref, case_type, closed, legal_hold, reason, given, family in rows:
        ends = add_years(closed, periods[case_type])
        if ends >= today:
            continue
        name = " ".join(part for part in (given, family) if part)
        if legal_hold:
            held.append(RetentionCase(case_id, ref, case_type, closed, ends, reason or "", name))
        else:
            due.append(RetentionCase(case_id, ref, case_type, closed, ends, person_name=name))
    return RetentionOverview(due, held)


def purge_case(session: Session, case_id: str, user: str, today: date, *, reason: str = "retention") -> str:
    """Erase a case in the caller's transaction; returns its reference (for the caller's
    own output only: nothing stored keeps it). Raises PolicyError under a legal hold.

    Sync applies an erasure that arrives from another device with this function.
    """
    case = session.get(Case, case_id)
    if case is None:
        raise NotFoundError(_("There is no such case."))
    if case.legal_hold:
        raise PolicyError(
            _("Case {ref} is under a legal hold and cannot be erased: {reason}.").format(
                ref=case.ref, reason=case.legal_hold_reason or _("no reason given"))
        )
    ref, person_id = case.ref, case.person_id
    record_tombstones(session, case, today)
    search.remove_case(session, case_id)  # before the rows go: search_docs maps the FTS row
    _delete_case_rows(session, case_id)
    session.execute(delete(Case).where(Case.id == case_id))
    if not session.scalar(select(func.count()).select_from(Case).where(Case.person_id == person_id)):
        session.execute(delete(ResidenceDocument).where(ResidenceDocument.person_id == person_id))
        session.execute(delete(Person).where(Person.id == person_id))
    _scrub_audit_log(session, (case_id, person_id), ref)
    audit.record(session, user, ERASED_ACTION, None, reason)
    session.flush()
    session.expunge_all()  # nothing of the case may linger in the identity map
    return ref


def erase_case(vault, case_id: str, user: str, today: date | None = None, *, reason: str = "retention") -> str:
    """Erase one case for good (see the module doc); returns its reference."""
    return erase_cases(vault, [case_id], user, today, reason=reason)[0]


def erase_cases(vault, case_ids: Iterable[str], user: str, today: date | None = None, *, reason: str = "retention") -> list[str]:
    """Erase several cases, each in its own transaction, then rebuild the FTS index and
    truncate the WAL once. A legal hold raises PolicyError before anything of that case
    goes; the cases erased before it stay erased (and are cleaned up)."""
    today = today or date.today()
    refs = []
    try:
        for case_id in case_ids:
            with vault.session() as session:
                refs.append(purge_case(session, case_id, user, today, reason=reason))
                erasure_hooks.after_local_erasure(session, case_id)
    finally:
        if refs:
            remove_leftovers(vault)
    return refs


def remove_leftovers(vault) -> None:
    """Merge the FTS index into one segment (dropping deleted terms) and truncate the WAL."""
    with vault.session() as session:
        session.execute(text("INSERT INTO search_fts(search_fts) VALUES('optimize')"))
    if not vault.checkpoint():
        # Another connection is reading: the old pages stay in the WAL until the next checkpoint.
        raise PolicyError(_("The case was erased, but the vault is busy; lock and reopen it to finish the clean-up."))


def _delete_case_rows(session: Session, case_id: str) -> None:
    """Every row of every table that belongs to the case: tables with a ``case_id`` and,
    one level down, tables hanging off them (goal steps, document bytes …). Children
    first; this does not rely on the foreign keys' ON DELETE CASCADE alone."""
    tables = [t for t in reversed(Base.metadata.sorted_tables) if t.name not in ("audit_log", "cases")]
    with_case = {t.name: t for t in tables if "case_id" in t.c}
    for table in tables:
        for fk in table.foreign_keys:
            parent = with_case.get(fk.column.table.name)
            if parent is not None and table.name not in with_case:
                owned = select(parent.c.id).where(parent.c.case_id == case_id)
                session.execute(delete(table).where(fk.parent.in_(owned)))
    for table in tables:
        if table.name in with_case:
            session.execute(delete(table).where(table.c.case_id == case_id))


def _scrub_audit_log(session: Session, ids: tuple[str, ...], ref: str) -> None:
    """Entries of the case keep action, user and time; case id and detail go. Entries
    of other cases whose detail names this case (by id or reference) lose the detail."""
    session.execute(update(AuditEntry).where(AuditEntry.case_id == ids[0]).values(case_id=None, detail=""))
    ref_pattern = re.compile(rf"(?<![\w-]){re.escape(ref)}(?![\w-])")
    for needle in (*ids, ref):
        for entry_id, detail in session.execute(
            select(AuditEntry.id, AuditEntry.detail).where(AuditEntry.detail.contains(needle))
        ):
            if needle != ref or ref_pattern.search(detail):
                session.execute(update(AuditEntry).where(AuditEntry.id == entry_id).values(detail=""))


def retention_overview(vault, today: date, periods: Mapping[str, int]) -> RetentionOverview:
    """For the GUI's retention screen: the overview in its own transaction."""
    with vault.read_session() as session:
        return cases_past_retention(session, today, periods)
