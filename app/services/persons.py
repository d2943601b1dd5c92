"""Changing the person of a case, and their residence documents."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case, ResidenceDocument
from app.models.codes import ResidenceDocumentType
from app.services import audit
from app.services import validation as v
from app.services.case_fields import (
    PERSON_FIELDS,
    SEARCHABLE_PERSON_FIELDS,
    check_person,
    sort_name,
)
from app.services.lookup import actor, get_case, get_row
from app.services.search import index_case

RESIDENCE_DOCUMENT_TYPES = tuple(t.value for t in ResidenceDocumentType)


def update_person(vault, *, case_id: str, user: str | None = None, **fields: Any) -> None:
    """Change fields of the case's person (``PERSON_FIELDS``); names are stored as typed."""
    values = v.clean_fields(PERSON_FIELDS, fields, "person")
    by = actor(vault, user)
    with vault.session() as session:
        case = get_case(session, case_id)
        person = case.person
        check_person(
            {
                "given_names": values.get("given_names", person.given_names),
                "family_name": values.get("family_name", person.family_name),
            }
        )
        for field, value in values.items():
            setattr(person, field, value)
        case.sort_name = sort_name(person.family_name, person.given_names)
        if SEARCHABLE_PERSON_FIELDS & set(values):
            session.flush()
            index_case(session, case)
        audit.record(
            session, by, "person.update", case.id,
            "case_id={} person_id={} fields={}".format(case.id, person.id, ",".join(sorted(values))),
        )


def _clean_document(values: dict[str, Any]) -> dict[str, Any]:
    cleaners = {
        "doc_type": lambda x: v.clean_code(x, RESIDENCE_DOCUMENT_TYPES, "residence document type"),
        "paragraph": lambda x: v.clean_text(x, "paragraph", max_length=40),
        "number": lambda x: v.clean_text(x, "document number", max_length=60),
        "issued": lambda x: v.past_date(x, "issue date"),
        "valid_until": lambda x: v.parse_date(x, "validity date"),
        "months_valid": lambda x: v.clean_int(x, "months of validity", 0, 240),
    }
    return v.clean_fields(cleaners, values, "residence document")


def _check_validity(issued: date | None, valid_until: date | None) -> None:
    v.not_before(valid_until, issued, "validity date", "issue date")


def add_residence_document(
    vault,
    *,
    case_id: str,
    doc_type: str,
    paragraph: str = "",
    number: str = "",
    issued: date | str | None = None,
    valid_until: date | str | None = None,
    months_valid: int | None = None,
    current: bool = True,
    user: str | None = None,
) -> str:
    """Record a Duldung, Gestattung, permit …; ``current`` makes its type the person's residence status."""
    values = _clean_document(
        {"doc_type": doc_type, "paragraph": paragraph, "number": number, "issued": issued,
         "valid_until": valid_until, "months_valid": months_valid}
    )
    _check_validity(values["issued"], values["valid_until"])
    by = actor(vault, user)
    with vault.session() as session:
        case = get_case(session, case_id)
        document = ResidenceDocument(**values)
        case.person.residence_documents.append(document)
        if current:
            case.person.residence_status = values["doc_type"]
        session.flush()
        audit.record(session, by, "residence_document.add", case.id, f"case_id={case.id} document_id={document.id}")
        return document.id


def update_residence_document(vault, *, document_id: str, user: str | None = None, **fields: Any) -> None:
    values = _clean_document(fields)
    by = actor(vault, user)
    with vault.session() as session:
        document = get_row(session, ResidenceDocument, document_id, "residence document")
        _check_validity(values.get("issued", document.issued), values.get("valid_until", document.valid_until))
        for field, value in values.items():
            setattr(document, field, value)
        case_id = _case_of_person(session, document.person_id)
        audit.record(session, by, "residence_document.update", case_id,
                     "document_id={} fields={}".format(document.id, ",".join(sorted(values))))


def delete_residence_document(vault, *, document_id: str, user: str | None = None) -> None:
    by = actor(vault, user)
    with vault.session() as session:
        document = get_row(session, ResidenceDocument, document_id, "residence document")
        case_id = _case_of_person(session, document.person_id)
        session.delete(document)
        audit.record(session, by, "residence_document.delete", case_id, f"document_id={document_id}")


def _case_of_person(session: Session, person_id: str) -> str | None:
    return session.scalar(select(Case.id).where(Case.person_id == person_id))

