"""What the start page shows: deadlines coming up, my cases by phase, the cases I opened last.

:func:`overview` answers all of it in one read transaction (the page asks for
it off the GUI thread); the parts are functions of their own for the
deadlines page, the CLI and tests.

"Mine" means the cases whose responsible case manager is the vault's user
(``Case.case_manager == vault.user_name``); a user who manages no open case
(a coordinator, a new colleague) sees the whole team's deadlines instead, and
is told so (``OverviewData.scope``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEntry, Case, Person
from app.models.codes import PHASES, CaseStatus
from app.services.deadline_engine import DeadlineItem, collect_deadlines
from app.services.deadline_item import person_name

# How many of the user's latest "case.view" entries are read to find the cases opened last. One case
# opened many times in a row shows once; this bounds the work on a vault with years of audit log.
RECENT_SCAN = 400
SCOPE_MINE = "mine"
SCOPE_ALL = "all"


@dataclass(frozen=True)
class RecentCase:
    """A case the user opened lately (newest first), with what the list shows about it."""

    case_id: str
    ref: str
    name: str
    phase: str
    status: str
    viewed_at: datetime  # UTC, as the audit log stores it


@dataclass(frozen=True)
class OverviewData:
    today: date
    within_days: int
    scope: str  # SCOPE_MINE or SCOPE_ALL: whose deadlines ``deadlines`` holds
    deadlines: list[DeadlineItem]
    cases_by_phase: dict[str, int]  # the user's active cases per phase (all phases, zeros included)
    paused_cases: int  # the user's paused cases, shown apart
    recent: list[RecentCase] = field(default_factory=list)

    @property
    def active_cases(self) -> int:
        return sum(self.cases_by_phase.values())


def recent_cases(vault, user: str, limit: int = 8) -> list[RecentCase]:
    """The cases ``user`` opened most recently (from the audit log's ``case.view``), newest first.

    Erased cases (no longer in the vault) are left out. Reading the list is not itself a view of a
    case, so nothing is written to the audit log."""
    with vault.read_session() as session:
        return recent_cases_in(session, user, limit)


def recent_cases_in(session: Session, user: str, limit: int = 8) -> list[RecentCase]:
    if limit <= 0:
        return []
    # Newest first along ix_audit_log_at; stops after RECENT_SCAN matching entries.
    views = session.execute(
        select(AuditEntry.case_id, AuditEntry.at)
        .where(AuditEntry.user == user, AuditEntry.action == "case.view", AuditEntry.case_id.is_not(None))
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(RECENT_SCAN)
    ).all()
    latest: dict[str, datetime] = {}
    for case_id, at in views:
        latest.setdefault(case_id, at)
    if not latest:
        return []
    rows = session.execute(
        select(Case.id, Case.ref, Case.phase, Case.status, Person.given_names, Person.family_name)
        .join(Person, Person.id == Case.person_id)
        .where(Case.id.in_(list(latest)))
    ).all()
    found = {row.id: row for row in rows}
    recent = [
        RecentCase(case_id, found[case_id].ref, person_name(found[case_id].given_names, found[case_id].family_name),
                   found[case_id].phase, found[case_id].status, at)
        for case_id, at in latest.items() if case_id in found
    ]
    return recent[:limit]


def cases_by_phase(vault, case_manager: str) -> tuple[dict[str, int], int]:
    """(active cases of ``case_manager`` per phase — every phase of the cycle, zeros included —,
    number of their paused cases)."""
    with vault.read_session() as session:
        return cases_by_phase_in(session, case_manager)


def cases_by_phase_in(session: Session, case_manager: str) -> tuple[dict[str, int], int]:
    rows = session.execute(
        select(Case.phase, Case.status)
        .where(Case.case_manager == case_manager, Case.status != CaseStatus.CLOSED, Case.closed.is_(None))
    ).all()
    counts = Counter(phase for phase, status in rows if status == CaseStatus.ACTIVE)
    paused = sum(1 for _phase, status in rows if status == CaseStatus.PAUSED)
    return {phase: counts.get(phase, 0) for phase in PHASES if phase != "closed"}, paused


def _managed_open_cases(case_manager: str):
    return select(Case.id).where(Case.case_manager == case_manager, Case.status != CaseStatus.CLOSED,
                                 Case.closed.is_(None))


def managed_case_ids(session: Session, case_manager: str) -> set[str]:
    """The open cases ``case_manager`` is responsible for."""
    return set(session.scalars(_managed_open_cases(case_manager)))


def manages_open_cases_in(session: Session, case_manager: str) -> bool:
    """Whether ``case_manager`` is responsible for any open case (stops at the first)."""
    return session.scalar(_managed_open_cases(case_manager).limit(1)) is not None


def manages_open_cases(vault, user: str | None = None) -> bool:
    """Whether ``user`` (default: the vault's user) is the case manager of any open case."""
    with vault.read_session() as session:
        return manages_open_cases_in(session, user or vault.user_name)


def overview(vault, *, user: str | None = None, today: date | None = None, within_days: int = 14,
             scope: str | None = None, recent_limit: int = 8) -> OverviewData:
    """Everything the start page shows, in one read transaction.

    ``scope``: ``"mine"`` (deadlines of the user's cases), ``"all"`` (the whole vault), or None:
    mine when the user manages any open case, else all."""
    user = user or vault.user_name
    today = today or date.today()
    with vault.read_session() as session:
        chosen = scope or (SCOPE_MINE if manages_open_cases_in(session, user) else SCOPE_ALL)
        items = collect_deadlines(session, today=today, within_days=within_days,
                                  case_manager=user if chosen == SCOPE_MINE else None)
        by_phase, paused = cases_by_phase_in(session, user)
        recent = recent_cases_in(session, user, recent_limit)
    return OverviewData(today=today, within_days=within_days, scope=chosen, deadlines=items,
                        cases_by_phase=by_phase, paused_cases=paused, recent=recent)


def deadlines_for(vault, *, user: str | None = None, today: date | None = None, within_days: int | None = None,
                  scope: str = SCOPE_ALL) -> list[DeadlineItem]:
    """The deadline list (overdue first) of the whole vault, or with ``scope="mine"`` of the cases
    ``user`` (default: the vault's user) is responsible for."""
    with vault.read_session() as session:
        return collect_deadlines(session, today=today or date.today(), within_days=within_days,
                                 case_manager=(user or vault.user_name) if scope == SCOPE_MINE else None)


__all__ = ["SCOPE_ALL", "SCOPE_MINE", "OverviewData", "RecentCase", "cases_by_phase", "deadlines_for", "managed_case_ids", "manages_open_cases",
           "overview", "recent_cases"]
