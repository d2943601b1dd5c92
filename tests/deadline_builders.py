"""Rows for agreement and deadline tests, written straight through the ORM into a real vault.

The case-file services live in another branch; these tests build only what
they need so they also show which columns the agreement and deadline code reads.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.models import Agency, Case, Consent, Document, Person


def make_case(session, *, ref: str, given: str = "Amina", family: str = "Yousef", status: str = "active",
              opened: date = date(2025, 1, 15), **person_fields: Any) -> Case:
    person = Person(given_names=given, family_name=family, **person_fields)
    case = Case(ref=ref, person=person, case_type="case_management", status=status, opened=opened,
                phase="implementation", sort_name=f"{family}, {given}".lower())
    session.add(case)
    session.flush()
    return case


def make_agency(session, name: str = "Ausländerbehörde Kreis Steinfurt", legal_domain: str = "AufenthG") -> Agency:
    agency = Agency(name=name, legal_domain=legal_domain)
    session.add(agency)
    session.flush()
    return agency


def make_consent(session, case: Case, agency: Agency, *, given: date, valid_until: date | None,
                 withdrawn: date | None = None) -> Consent:
    consent = Consent(case_id=case.id, recipient_id=agency.id, categories=["identity", "residence"],
                      purpose="Aufenthaltssicherung", given=given, valid_until=valid_until, withdrawn=withdrawn)
    session.add(consent)
    session.flush()
    return consent


def make_document(session, case: Case, title: str = "Terminbestätigung Botschaft") -> Document:
    document = Document(case_id=case.id, title=title, doc_type="certificate")
    session.add(document)
    session.flush()
    return document
