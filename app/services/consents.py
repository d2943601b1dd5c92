"""Consents per recipient, data categories and purpose; their state on a given day.

A letter to a recipient needs a valid consent covering it (the documents
service asks ``valid_consents``). Health categories are GDPR Art. 9 data and
count only when a consent names them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.formatting import format_date
from app.i18n import _
from app.models import Consent, Document
from app.models.codes import DataCategory
from app.services import audit
from app.services import validation as v
from app.services.lookup import actor, get_agency, get_case, get_row

DATA_CATEGORIES = tuple(category.value for category in DataCategory)
EXPIRING_WITHIN_DAYS = 30


class ConsentState(StrEnum):
    VALID = "valid"
    EXPIRING = "expiring"  # valid, but ends within EXPIRING_WITHIN_DAYS
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"
    NOT_YET_VALID = "not_yet_valid"  # asked about a day before it was given


def consent_state(consent: Consent, on: date | None = None) -> str:
    day = on or v.today()
    if consent.withdrawn is not None and consent.withdrawn <= day:
        return ConsentState.WITHDRAWN.value
    if consent.given > day:
        return ConsentState.NOT_YET_VALID.value
    if consent.valid_until is not None:
        if consent.valid_until < day:
            return ConsentState.EXPIRED.value
        if consent.valid_until <= day + timedelta(days=EXPIRING_WITHIN_DAYS):
            return ConsentState.EXPIRING.value
    return ConsentState.VALID.value


def valid_consents(
    session: Session, case_id: str, recipient_id: str, on: date, categories: Iterable[str] | None = None
) -> list[Consent]:
    """Consents of the case for this recipient that hold on ``on`` (expiring ones included),
    and, when ``categories`` are given, cover every one of them."""
    rows = session.scalars(
        select(Consent)
        .where(
            Consent.case_id == case_id,
            Consent.recipient_id == recipient_id,
            Consent.given <= on,
            or_(Consent.valid_until.is_(None), Consent.valid_until >= on),
            or_(Consent.withdrawn.is_(None), Consent.withdrawn > on),
        )
        .order_by(Consent.given.desc())
    )
    wanted = set(categories or ())
    return [consent for consent in rows if wanted <= set(consent.categories or ())]


_FIELDS: dict[str, v.Cleaner] = {
    "categories": lambda x: v.clean_codes(x, DATA_CATEGORIES, "data category"),
    "purpose": lambda x: v.clean_text(x, "purpose", required=True),
    "given": lambda x: v.past_date(x, "date the consent was given"),
    "valid_until": lambda x: v.parse_date(x, "validity date"),
    "withdrawn": lambda x: v.past_date(x, "withdrawal date"),
}


def _check(values: dict[str, Any]) -> None:
    if not values.get("categories"):
        raise ValidationError(_("A consent must name at least one data category."))
    v.not_before(values.get("valid_until"), values.get("given"), "validity date", "date the consent was given")
    v.not_before(values.get("withdrawn"), values.get("given"), "withdrawal date", "date the consent was given")


def _check_document(session: Session, document_id: str | None, case_id: str) -> None:
    if document_id is None:
        return
    document = get_row(session, Document, document_id, "document")
    if document.case_id != case_id:
        raise ValidationError(_("The signed form must be a document of the same case."))


def add_consent(
    vault,
    *,
    case_id: str,
    recipient_id: str,
    categories: list[str] | str,
    purpose: str,
    given: date | str | None = None,
    valid_until: date | str | None = None,
    document_id: str | None = None,
    user: str | None = None,
) -> str:
    """Record a consent to share ``categories`` with the agency ``recipient_id`` for ``purpose``;
    ``document_id`` links the signed form (a document of the case)."""
    values = v.clean_fields(
        _FIELDS, {"categories": categories, "purpose": purpose, "given": given, "valid_until": valid_until}, "consent"
    )
    values["given"] = values["given"] or v.today()
    _check(values)
    by = actor(vault, user)
    with vault.session() as session:
        case = get_case(session, case_id)
        agency = get_agency(session, recipient_id)
        _check_document(session, document_id, case.id)
        consent = Consent(case_id=case.id, recipient_id=agency.id, document_id=document_id, **values)
        session.add(consent)
        session.flush()
        audit.record(session, by, "consent.add", case.id,
                     f"case_id={case.id} consent_id={consent.id} recipient_id={agency.id}")
        return consent.id


def update_consent(vault, *, consent_id: str, user: str | None = None, **fields: Any) -> None:
    """Correct a consent (categories, purpose, dates, ``document_id`` of the signed form)."""
    document_id = fields.pop("document_id", ...)
    values = v.clean_fields(_FIELDS, fields, "consent")
    if "given" in values and values["given"] is None:
        raise ValidationError(_("The date the consent was given is missing."))
    by = actor(vault, user)
    with vault.session() as session:
        consent = get_row(session, Consent, consent_id, "consent")
        merged = {field: getattr(consent, field) for field in _FIELDS} | values
        _check(merged)
        if document_id is not ...:
            _check_document(session, document_id, consent.case_id)
            values["document_id"] = document_id
        for field, value in values.items():
            setattr(consent, field, value)
        audit.record(session, by, "consent.update", consent.case_id,
                     "consent_id={} fields={}".format(consent.id, ",".join(sorted(values))))


def withdraw_consent(vault, *, consent_id: str, withdrawn_on: date | str | None = None, user: str | None = None) -> None:
    """The person withdrew the consent on ``withdrawn_on`` (today when not given)."""
    day = v.past_date(withdrawn_on, "withdrawal date") or v.today()
    by = actor(vault, user)
    with vault.session() as session:
        consent = get_row(session, Consent, consent_id, "consent")
        if consent.withdrawn is not None:
            raise ValidationError(
                _("The consent was already withdrawn on {date}.").format(date=format_date(consent.withdrawn))
            )
        v.not_before(day, consent.given, "withdrawal date", "date the consent was given")
        consent.withdrawn = day
        audit.record(session, by, "consent.withdraw", consent.case_id, f"consent_id={consent.id}")


def delete_consent(vault, *, consent_id: str, user: str | None = None) -> None:
    """Remove a consent entered by mistake (a withdrawal is recorded with ``withdraw_consent``)."""
    by = actor(vault, user)
    with vault.session() as session:
        consent = get_row(session, Consent, consent_id, "consent")
        session.delete(consent)
        audit.record(session, by, "consent.delete", consent.case_id, f"consent_id={consent_id}")
