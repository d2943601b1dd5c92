"""The audit log for the data-protection officer: filter, page, export.

Times are stored in UTC; ``date_from``/``date_to`` are calendar days, both
included: UTC days by default (the CLI, the CSV's ``at_utc``), the computer's
local days with ``local_days=True`` (the GUI, which shows local times).
``case_ref`` selects the entries of the case with that reference (an erased
case's entries no longer point to it). ``action`` matches exactly, or as a prefix when it ends with
``*`` (``case.*``). The CSV export carries a BOM so spreadsheet programs on
German Windows read the umlauts right; exporting is itself logged.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import UsageError
from app.i18n import _
from app.models import AuditEntry, Case
from app.services import audit

MAX_PAGE = 1000
CSV_HEADER = ("at_utc", "user", "action", "case_ref", "case_id", "detail")


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    user: str
    action: str
    case_id: str | None
    case_ref: str  # "" when the case was erased or the entry is about no case
    detail: str


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditRow]
    total: int  # matching entries in all pages
    offset: int


def _day_start(day: date, local_days: bool) -> datetime:
    """The first moment of ``day`` as a naive UTC time, like the stored ones."""
    start = datetime.combine(day, time.min)
    if local_days:
        start = start.astimezone().astimezone(UTC).replace(tzinfo=None)  # naive means local here
    return start


def _conditions(case_id, user, action, date_from, date_to, case_ref=None, local_days=False) -> list:
    if date_from and date_to and date_from > date_to:
        raise UsageError(_("The audit period ends before it starts."))
    conditions = []
    if case_id is not None:
        conditions.append(AuditEntry.case_id == case_id)
    if case_ref:
        conditions.append(AuditEntry.case_id.in_(select(Case.id).where(Case.ref == case_ref.strip())))
    if user:
        conditions.append(AuditEntry.user == user)
    if action:
        if action.endswith("*"):
            prefix = action[:-1].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            conditions.append(AuditEntry.action.like(prefix + "%", escape="\\"))
        else:
            conditions.append(AuditEntry.action == action)
    if date_from:
        conditions.append(AuditEntry.at >= _day_start(date_from, local_days))
    if date_to:
        conditions.append(AuditEntry.at < _day_start(date_to + timedelta(days=1), local_days))
    return conditions


def audit_entries(
    session: Session,
    *,
    case_id: str | None = None,
    user: str | None = None,
    action: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    case_ref: str | None = None,
    local_days: bool = False,
    offset: int = 0,
    limit: int = 100,
) -> AuditPage:
    """One page of matching entries, newest first, with the total count for paging."""
    if offset < 0 or not 0 < limit <= MAX_PAGE:
        raise UsageError(_("Ask for 1 to {max} audit entries from a position of 0 or more.").format(max=MAX_PAGE))
    conditions = _conditions(case_id, user, action, date_from, date_to, case_ref, local_days)
    total = session.scalar(select(func.count()).select_from(AuditEntry).where(*conditions))
    rows = session.execute(
        select(AuditEntry, Case.ref)
        .outerjoin(Case, Case.id == AuditEntry.case_id)
        .where(*conditions)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return AuditPage(
        [AuditRow(e.id, e.at, e.user, e.action, e.case_id, ref or "", e.detail) for e, ref in rows],
        total,
        offset,
    )


def audit_users_and_actions(session: Session) -> tuple[list[str], list[str]]:
    """The values the viewer's filter boxes offer."""
    users = list(session.scalars(select(AuditEntry.user).distinct().order_by(AuditEntry.user)))
    actions = list(session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action)))
    return users, actions


def export_audit_csv(
    session: Session,
    exported_by: str,
    *,
    case_id: str | None = None,
    user: str | None = None,
    action: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    case_ref: str | None = None,
    local_days: bool = False,
) -> bytes:
    """All matching entries, oldest first, as CSV (UTF-8 with BOM); the export is logged."""
    conditions = _conditions(case_id, user, action, date_from, date_to, case_ref, local_days)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    count = 0
    for entry, ref in session.execute(
        select(AuditEntry, Case.ref)
        .outerjoin(Case, Case.id == AuditEntry.case_id)
        .where(*conditions)
        .order_by(AuditEntry.at, AuditEntry.id)
        .execution_options(yield_per=1000)
    ):
        writer.writerow((entry.at.isoformat(timespec="seconds"), entry.user, entry.action, ref or "", entry.case_id or "", entry.detail))
        count += 1
    if case_id is None and case_ref:
        case_id = session.scalar(select(Case.id).where(Case.ref == case_ref.strip()))
    audit.record(session, exported_by, "audit.exported", case_id, f"entries={count}")
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def audit_page(vault, **filters) -> AuditPage:
    """For the GUI's audit viewer: one page in its own transaction (filters as ``audit_entries``)."""
    with vault.read_session() as session:
        return audit_entries(session, **filters)


def audit_filter_values(vault) -> tuple[list[str], list[str]]:
    """For the GUI's filter boxes: the users and actions in the log, in their own transaction."""
    with vault.read_session() as session:
        return audit_users_and_actions(session)


def audit_csv(vault, exported_by: str, **filters) -> bytes:
    """For the GUI's export button: the CSV in its own transaction, the export logged."""
    with vault.session() as session:
        return export_audit_csv(session, exported_by, **filters)
