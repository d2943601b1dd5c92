"""Deadlines entered by hand (or copied), marked done, deleted.

The list of deadlines coming up is the deadline engine's (``deadline_engine``):
it merges these stored rows with the dates derived from residence documents,
passports, agreement steps and the residence rules, for open cases only.
"""

from __future__ import annotations

from datetime import date

from app.models import Deadline
from app.models.codes import DeadlineKind
from app.services import audit
from app.services import validation as v
from app.services.lookup import actor, get_case, get_row

DEADLINE_KINDS = tuple(kind.value for kind in DeadlineKind)
MANUAL_SOURCE = "manual"


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
