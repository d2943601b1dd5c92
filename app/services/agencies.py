"""The agency directory: services a case is referred to, with legal domain and address.

A vault starts with the default directory of ``resources/agencies.json``.
Seeding is explicit: the CLI commands and the GUI call
``ensure_default_agencies(vault)`` right after unlocking, and it adds the
defaults only while the vault's directory is empty (so a team's own edits and
deletions are never overwritten). The default rows carry fixed UUIDs, so every
device of a team seeds the same ids and sync sees one directory, not copies.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select

from app.errors import ValidationError
from app.i18n import ngettext
from app.models import Agency, Consent, Letter, Referral
from app.models.codes import LegalDomain
from app.services import audit
from app.services import validation as v
from app.services.lookup import actor, get_agency
from app.services.resource_files import load_json

LEGAL_DOMAINS = tuple(domain.value for domain in LegalDomain)
DEFAULT_AGENCIES_FILE = "agencies.json"


@dataclass(frozen=True)
class AgencyInfo:
    id: str
    name: str
    department: str
    legal_domain: str
    contact_person: str
    street: str
    postcode: str
    city: str
    phone: str
    email: str
    notes: str
    active: bool

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def agency_info(agency: Agency) -> AgencyInfo:
    return AgencyInfo(
        agency.id, agency.name, agency.department, agency.legal_domain, agency.contact_person, agency.street,
        agency.postcode, agency.city, agency.phone, agency.email, agency.notes, bool(agency.active),
    )


_FIELDS: dict[str, v.Cleaner] = {
    "name": lambda x: v.clean_text(x, "agency name", max_length=300, required=True),
    "department": lambda x: v.clean_text(x, "department", max_length=300),
    "legal_domain": lambda x: v.clean_code(x, LEGAL_DOMAINS, "legal domain"),
    "contact_person": lambda x: v.clean_text(x, "contact person", max_length=200),
    "street": lambda x: v.clean_text(x, "street", max_length=200),
    "postcode": lambda x: v.clean_text(x, "postcode", max_length=10),
    "city": lambda x: v.clean_text(x, "city", max_length=100),
    "phone": lambda x: v.clean_text(x, "phone number", max_length=100),
    "email": lambda x: v.clean_text(x, "e-mail address", max_length=200),
    "notes": lambda x: v.clean_text(x, "notes"),
    "active": lambda x: bool(v.clean_bool(x, "active flag")),
}


def default_agencies() -> list[dict[str, Any]]:
    """The rows of resources/agencies.json, checked like user input."""
    rows = []
    for entry in load_json(DEFAULT_AGENCIES_FILE)["agencies"]:
        values = v.clean_fields(_FIELDS, {k: val for k, val in entry.items() if k != "id"}, "agency")
        rows.append({"id": entry["id"], **values})
    return rows


def ensure_default_agencies(vault, *, user: str | None = None) -> int:
    """Seed the default directory into an empty agencies table; returns how many were added."""
    with vault.session() as session:
        if session.scalar(select(func.count()).select_from(Agency)):
            return 0
        rows = default_agencies()
        session.add_all(Agency(**row) for row in rows)
        audit.record(session, actor(vault, user), "agency.seed", None, f"count={len(rows)}")
        return len(rows)


def list_agencies(vault, *, include_inactive: bool = False) -> list[AgencyInfo]:
    with vault.read_session() as session:
        query = select(Agency).order_by(Agency.name, Agency.department)
        if not include_inactive:
            query = query.where(Agency.active.is_(True))
        return [agency_info(agency) for agency in session.scalars(query)]


def get_agency_info(vault, *, agency_id: str) -> AgencyInfo:
    with vault.read_session() as session:
        return agency_info(get_agency(session, agency_id))


def add_agency(vault, *, name: str, legal_domain: str, user: str | None = None, **fields: Any) -> str:
    values = v.clean_fields(_FIELDS, {"name": name, "legal_domain": legal_domain, **fields}, "agency")
    with vault.session() as session:
        agency = Agency(**{"active": True, **values})
        session.add(agency)
        session.flush()
        audit.record(session, actor(vault, user), "agency.add", None, f"agency_id={agency.id}")
        return agency.id


def update_agency(vault, *, agency_id: str, user: str | None = None, **fields: Any) -> None:
    """Change directory fields; ``active=False`` hides an agency that referrals still point to."""
    values = v.clean_fields(_FIELDS, fields, "agency")
    with vault.session() as session:
        agency = get_agency(session, agency_id)
        for field, value in values.items():
            setattr(agency, field, value)
        audit.record(session, actor(vault, user), "agency.update", None,
                     "agency_id={} fields={}".format(agency.id, ",".join(sorted(values))))


def delete_agency(vault, *, agency_id: str, user: str | None = None) -> None:
    """Remove an agency no case refers to; one in use can only be deactivated."""
    with vault.session() as session:
        agency = get_agency(session, agency_id)
        uses = sum(
            session.scalar(select(func.count()).select_from(model).where(column == agency.id)) or 0
            for model, column in ((Referral, Referral.agency_id), (Consent, Consent.recipient_id),
                                  (Letter, Letter.agency_id))
        )
        if uses:
            raise ValidationError(
                ngettext("The agency is named in {n} referral, consent or letter; deactivate it instead of deleting it.",
                         "The agency is named in {n} referrals, consents or letters; deactivate it instead "
                         "of deleting it.", uses).format(n=uses)
            )
        session.delete(agency)
        audit.record(session, actor(vault, user), "agency.delete", None, f"agency_id={agency_id}")
