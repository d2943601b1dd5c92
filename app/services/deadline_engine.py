"""The deadline engine: every date a case manager must not miss, from every source, in one list.

Sources (DOMAIN.md, "Deadlines a case manager must never miss"):

a. deadlines entered by hand (``deadlines`` table, not done) — also review dates;
b. expiry of the latest Duldung, Gestattung and residence permit per person;
c. passport expiry;
d. the residence rules: the last day before the 27th birthday while § 25a can
   still be used, the day a stay requirement is met, the § 60c identity time limit;
e. agreement steps that are due, overdue or missed;
f. consents that expire within 30 days;
g. target dates of open goals not yet reviewed on or after that date.

Closed cases are left out. Overdue deadlines are always listed, the others up
to ``today + within_days``. Stored rows with a derived source (e.g. a
``residence_document:<id>`` row from an import or the demo) do not stand on
their own: the live item of that source and kind is listed instead, carrying
the row's id; a row ticked off as done hides the live item with the same date
(so a deadline ticked off comes back when its date changes).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.gc_pause import collector_paused
from app.i18n import _
from app.services.deadline_item import DeadlineItem, sort_key
from app.services.deadline_sources import (
    Window,
    agreement_step_deadlines,
    consent_deadlines,
    document_deadlines,
    goal_deadlines,
    open_cases,
    passport_deadlines,
    rule_deadline_items,
    stored_deadlines,
)

__all__ = ["DeadlineItem", "case_deadlines", "collect_deadlines", "deadline_list"]

LIVE_SOURCES = (
    document_deadlines,
    passport_deadlines,
    rule_deadline_items,
    agreement_step_deadlines,
    consent_deadlines,
    goal_deadlines,
)


def collect_deadlines(
    session: Session, *, today: date, within_days: int | None = None, case_id: str | None = None,
    case_manager: str | None = None,
) -> list[DeadlineItem]:
    """Open deadlines of open cases: overdue ones, and the others due by ``today + within_days``
    (all of them when None); for one case with ``case_id``, for the open cases ``case_manager``
    is responsible for with ``case_manager``. Overdue first, then by due date."""
    if within_days is not None and (isinstance(within_days, bool) or within_days < 0):
        raise ValidationError(_("The number of days ahead cannot be negative."))
    last = today + timedelta(days=within_days) if within_days is not None else None
    with collector_paused():  # thousands of rows without cycles: see gc_pause
        return _collect(session, today, last, case_id, case_manager)


def _collect(
    session: Session, today: date, last: date | None, case_id: str | None, case_manager: str | None
) -> list[DeadlineItem]:
    window = Window(today=today, last=last, case_id=case_id, cases=open_cases(session, case_id, case_manager),
                    case_manager=case_manager)

    stored = stored_deadlines(session, window)
    items = list(stored.items)
    for source in LIVE_SOURCES:
        for item in source(session, window):
            if (item.case_id, item.source, item.kind, item.due) in stored.done:
                continue
            row_id = stored.row_ids.get((item.case_id, item.source, item.kind))
            if row_id is not None:
                item = item._replace(deadline_id=row_id)
            items.append(item)
    return sorted(items, key=sort_key)


def deadline_list(
    vault, *, today: date | None = None, within_days: int | None = None, case_id: str | None = None
) -> list[DeadlineItem]:
    """:func:`collect_deadlines` in its own transaction, for screens and commands."""
    with vault.read_session() as session:
        return collect_deadlines(session, today=today or date.today(), within_days=within_days, case_id=case_id)


def case_deadlines(vault, case_id: str, stored: list[dict], *, today: date | None = None) -> list[dict]:
    """A case's deadlines for ``case show``: every open one from every source (as the deadline list
    has them, whatever their date) and the stored ones ticked off, by due date.

    ``stored`` are the case file's ``deadlines`` rows; they hold only what was entered or
    copied, so a case's Duldung, passport, agreement steps and rule dates would be missing.
    A closed case has no live deadlines: its stored rows stand as they are.
    """
    today = today or date.today()
    live = deadline_list(vault, today=today, case_id=case_id)
    if not live:
        return stored
    notes = {row["id"]: row.get("note", "") for row in stored}
    rows = [{
        "id": item.deadline_id, "kind": item.kind, "due": item.due.isoformat(), "done": False, "done_on": None,
        "source": item.source, "note": notes.get(item.deadline_id, ""), "text": item.text,
        "overdue": item.overdue,
    } for item in live]
    rows.extend(row for row in stored if row["done"])
    return sorted(rows, key=lambda row: (row["due"] or "", row["kind"], row["source"]))
