"""Deadlines a case manager must not miss, and the list of those coming up.

``upcoming_deadlines`` reads the ``deadlines`` table only; deadlines derived
from residence documents, rules and agreement steps are merged in by the
deadline engine on top of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import false, select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import _
from app.models import Case, Deadline, Person
from app.models.codes import DeadlineKind
from app.services import audit
from app.services import validation as v
from app.services.lookup import actor, get_case, get_row

DEADLINE_KINDS = tuple(kind.value for kind in DeadlineKind)
MANUAL_SOURCE = "manual"


@dataclass(frozen=True)
class UpcomingDeadline:
    deadline_id: str
    case_id: str
    ref: str
    name: str
    kind: str
    due: date
    overdue: bool
    source: str
    note: str


def upcoming_deadlines(session: Session, within_days: int, today: date) -> list[UpcomingDeadline]:
    """Open deadlines due by ``today + within_days`` (overdue ones included), soonest first."""
    horizon = today + timedelta(days=within_days)
    rows = session.execute(
        select(Deadline, Case.ref, Person.given_names, Person.family_name)
        .join(Case, Case.id == Deadline.case_id)
        .join(Person, Person.id == Case.person_id)
        .where(Deadline.done == false(), Deadline.due <= horizon)
        .order_by(Deadline.due, Case.ref)
    )
    return [
        UpcomingDeadline(
            deadline.id, deadline.case_id, ref, " ".join(p for p in (given, family) if p), deadline.kind,
            deadline.due, deadline.due < today, deadline.source, deadline.note,
        )
        for deadline, ref, given, family in rows
    ]


def list_upcoming_deadlines(vault, *, within_days: int = 14, today: date | None = None) -> list[UpcomingDeadline]:
    if within_days < 0:
        raise ValidationError(_("The number of days ahead cannot be negative."))
    with vault.read_session() as session:
        return upcoming_deadlines(session, within_days, today or v.today())


def add_deadline(
    vault,
    *,
    case_id: str,
    kind: str,
    due: date | str,
    note: str = "",
    source: str = MANUAL_SOURCE,
    user: str | None = None,
) -> str:
    """A deadline entered by hand (``source`` says where a derived one came from)."""
    kind_code = v.clean_code(kind, DEADLINE_KINDS, "deadline kind")
    due_date = v.require_date(due, "due date")
    note_text = v.clean_text(note, "note")
    source_text = v.clean_text(source, "source", max_length=80, required=True)
    by = actor(vault, user)
    with vault.session() as session:
        case = get_case(session, case_id)
        deadline = Deadline(case_id=case.id, kind=kind_code, due=due_date, note=note_text, source=source_text,
                            done=False)
        session.add(deadline)
        session.flush()
        audit.record(session, by, "deadline.add", case.id, f"case_id={case.id} deadline_id={deadline.id}")
        return deadline.id


def mark_deadline_done(
    vault, *, deadline_id: str, done: bool = True, done_on: date | str | None = None, user: str | None = None
) -> None:
    """Tick a deadline off (or, with ``done=False``, open it again)."""
    day = v.past_date(done_on, "date it was done") or v.today()
    by = actor(vault, user)
    with vault.session() as session:
        deadline = get_row(session, Deadline, deadline_id, "deadline")
        deadline.done = done
        deadline.done_on = day if done else None
        audit.record(session, by, "deadline.done" if done else "deadline.reopen", deadline.case_id,
                     f"deadline_id={deadline.id}")


def delete_deadline(vault, *, deadline_id: str, user: str | None = None) -> None:
    by = actor(vault, user)
    with vault.session() as session:
        deadline = get_row(session, Deadline, deadline_id, "deadline")
        session.delete(deadline)
        audit.record(session, by, "deadline.delete", deadline.case_id, f"deadline_id={deadline_id}")
