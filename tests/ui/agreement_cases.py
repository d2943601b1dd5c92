"""Cases for the overview, deadlines and agreements tests, built through the real services."""

from __future__ import annotations

from datetime import date, timedelta

from app.services import agreements as svc
from app.services.cases import CaseRef, create_case
from app.services.persons import add_residence_document

TODAY = date.today()


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


def new_case(vault, given: str, family: str, **fields) -> CaseRef:
    values = {"opened": days(-400), "consent_to_case_management": True, "case_manager": vault.user_name}
    values.update(fields)
    return create_case(vault, given_names=given, family_name=family, **values)


def case_with_overdue_step(vault, given: str = "Amina", family: str = "Haddad") -> tuple[CaseRef, svc.AgreementView]:
    """An agreement in force whose first (person) step was due 12 days ago."""
    case = new_case(vault, given, family)
    view = svc.create_agreement(vault, case_id=case.case_id, title="Passbeschaffung", authority_name="ABH Rheine",
                                authority_officer="Frau Berg")
    svc.add_step(vault, view.id, party="person", action="Termin bei der Botschaft buchen", due=days(-12),
                 proof_required="Terminbestätigung")
    svc.add_step(vault, view.id, party="authority", action="Beschäftigungserlaubnis erteilen",
                 within_days_after_previous=14)
    return case, svc.conclude_agreement(vault, view.id, on=days(-30))


def case_with_expiring_duldung(vault, in_days: int = 5, given: str = "Dawit", family: str = "Tesfaye") -> CaseRef:
    case = new_case(vault, given, family, residence_status="duldung")
    add_residence_document(vault, case_id=case.case_id, doc_type="duldung", issued=days(-170),
                           valid_until=days(in_days))
    return case
