"""The contact log: meetings, calls, home visits, case conferences, with the areas touched."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.errors import ValidationError
from app.i18n import _
from app.models import Contact
from app.models.codes import GOAL_AREAS, ContactKind
from app.services import audit
from app.services import validation as v
from app.services.lookup import actor, get_case, get_row
from app.services.search import index_case

CONTACT_KINDS = tuple(kind.value for kind in ContactKind)
MAX_CONTACT_MINUTES = 24 * 60

_FIELDS: dict[str, v.Cleaner] = {
    "date": lambda x: v.past_date(x, "contact date"),
    "kind": lambda x: v.clean_code(x, CONTACT_KINDS, "contact kind"),
    "duration_minutes": lambda x: v.clean_int(x, "duration in minutes", 1, MAX_CONTACT_MINUTES),
    "participants": lambda x: v.clean_text(x, "participants"),
    "areas": lambda x: v.clean_codes(x, GOAL_AREAS, "goal area"),
    "note": lambda x: v.clean_text(x, "note"),
}


def _check(values: dict[str, Any], opened: date) -> None:
    v.not_before(values.get("date"), opened, "contact date", "opening date of the case")
    if values.get("kind") == ContactKind.CASE_CONFERENCE and not values.get("participants"):
        raise ValidationError(_("A case conference needs its participants."))


def add_contact(
    vault,
    *,
    case_id: str,
    kind: str,
    date: date | str | None = None,
    duration_minutes: int | str | None = None,
    areas: list[str] | str | None = None,
    participants: str = "",
    note: str = "",
    user: str | None = None,
) -> str:
    """Log a contact (today when no date is given; a contact cannot lie in the future)."""
    values = v.clean_fields(
        _FIELDS,
        {"date": date, "kind": kind, "duration_minutes": duration_minutes, "areas": areas,
         "participants": participants, "note": note},
        "contact",
    )
    values["date"] = values["date"] or v.today()
    by = actor(vault, user)
    with vault.session() as session:
        case = get_case(session, case_id)
        _check(values, case.opened)
        contact = Contact(case_id=case.id, **values)
        session.add(contact)
        session.flush()
        index_case(session, case)
        audit.record(session, by, "contact.add", case.id, f"case_id={case.id} contact_id={contact.id}")
        return contact.id


def update_contact(vault, *, contact_id: str, user: str | None = None, **fields: Any) -> None:
    values = v.clean_fields(_FIELDS, fields, "contact")
    if "date" in values and values["date"] is None:
        raise ValidationError(_("The contact date is missing."))
    by = actor(vault, user)
    with vault.session() as session:
        contact = get_row(session, Contact, contact_id, "contact")
        case = get_case(session, contact.case_id)
        merged = {"date": contact.date, "kind": contact.kind, "participants": contact.participants, **values}
        _check(merged, case.opened)
        for field, value in values.items():
            setattr(contact, field, value)
        session.flush()
        if "note" in values:
            index_case(session, case)
        audit.record(session, by, "contact.update", case.id,
                     "contact_id={} fields={}".format(contact.id, ",".join(sorted(values))))


def delete_contact(vault, *, contact_id: str, user: str | None = None) -> None:
    by = actor(vault, user)
    with vault.session() as session:
        contact = get_row(session, Contact, contact_id, "contact")
        case = get_case(session, contact.case_id)
        session.delete(contact)
        session.flush()
        index_case(session, case)
        audit.record(session, by, "contact.delete", case.id, f"contact_id={contact_id}")
