"""The agreement and the consent form printed from the case file."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.documents.labels import labels_for
from app.errors import NotFoundError, ValidationError
from app.models import Agreement, AuditEntry
from app.services.agreement_document import (
    agreement_case,
    agreement_pdf,
    choose_agreement,
    consent_form_pdf,
)
from app.services.document_language import default_document_language
from tests.unit.document_case import (
    ABH,
    HEALTH_OFFICE,
    JOBCENTER,
    ORGANISATION,
    REF,
    STEP_ACTIONS,
    TODAY,
    build_document_case,
)
from tests.unit.pdf_inspect import find_line, lines, normalised_text, pdf_text, rtl_reading


def _actions(vault, action):
    with vault.session() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_german_agreement_shows_parties_and_steps_in_order(vault):
    case = build_document_case(vault)
    pdf = agreement_pdf(vault, agreement_id=case.agreement_id, organisation=ORGANISATION)
    text = " ".join(pdf_text(pdf).split())
    assert "Zug-um-Zug-Vereinbarung" in text and REF in text
    assert "Amina Haddad" in text and "Herr Brinkmann" in text and "Ausländerbehörde Kreis Emsbruch" in text
    assert "Test Case Manager" in text  # the vault's user, as the case names no case manager
    # Two columns, one chain: each step stands lower on the page than the one before.
    page = lines(pdf, 0)
    tops = [find_line(page, action).top_mm for action in STEP_ACTIONS]
    assert tops == sorted(tops)
    # The first step was fulfilled two days ago: the paper says so, as the tracker does.
    assert (TODAY - timedelta(days=2)).strftime("%d.%m.%Y") in text
    [entry] = _actions(vault, "agreement.print")
    assert entry.detail == f"agreement_id={case.agreement_id} lang=de"


def test_the_client_reads_it_in_arabic(vault):
    case = build_document_case(vault)
    case_id, ref = agreement_case(vault, agreement_id=case.agreement_id)
    assert ref == REF
    assert default_document_language(vault, case_id=case_id) == "ar"  # what the dialog and --lang client take
    pdf = agreement_pdf(vault, agreement_id=case.agreement_id, organisation=ORGANISATION, lang="ar")
    reading = rtl_reading(pdf_text(pdf))
    assert labels_for("ar")["agreement_title"].split(" (")[0] in reading
    assert "سوريا" in reading  # the nationality in the reader's language
    assert REF in normalised_text(pdf)


def test_preview_is_not_logged_and_unknown_languages_are_refused(vault):
    case = build_document_case(vault)
    agreement_pdf(vault, agreement_id=case.agreement_id, organisation=ORGANISATION, record=False)
    assert _actions(vault, "agreement.print") == []
    with pytest.raises(ValidationError, match="cannot be printed in 'xx'"):
        agreement_pdf(vault, agreement_id=case.agreement_id, organisation=ORGANISATION, lang="xx")


def test_the_newest_agreement_in_force_is_chosen_before_a_draft(vault):
    case = build_document_case(vault)
    with vault.session() as session:
        draft = Agreement(case_id=case.case_id, title="Entwurf", status="draft")
        ended = Agreement(case_id=case.case_id, title="Alt", status="ended")
        session.add_all([draft, ended])
        session.flush()
        draft_id = draft.id
    assert choose_agreement(vault, ref=REF) == (case.case_id, case.agreement_id)
    assert choose_agreement(vault, ref=REF, agreement_id=draft_id) == (case.case_id, draft_id)
    with vault.session() as session:
        session.get(Agreement, case.agreement_id).status = "fulfilled"
    assert choose_agreement(vault, ref=REF)[1] == draft_id


def test_a_case_without_agreement_says_so(vault):
    from app.services.cases import create_case

    create_case(vault, ref="2026-0100", given_names="Ali", family_name="Rahimi")
    with pytest.raises(NotFoundError, match="has no Zug-um-Zug agreement"):
        choose_agreement(vault, ref="2026-0100")


def test_consent_form_names_recipients_categories_and_purpose(vault):
    case = build_document_case(vault)
    pdf = consent_form_pdf(vault, case_id=case.case_id, recipient_ids=[JOBCENTER, HEALTH_OFFICE, ABH],
                           categories="identity,health", purpose="Vermittlung in Arbeit und Behandlung",
                           valid_until="2027-06-30", organisation=ORGANISATION)
    text = " ".join(pdf_text(pdf).split())
    for expected in ("Jobcenter Kreis Emsbruch", "Gesundheitsamt Kreis Emsbruch", "Ausländerbehörde Kreis Emsbruch",
                     "Personalien und Identität", "Gesundheit", "Vermittlung in Arbeit und Behandlung",
                     "30.06.2027", "Amina Haddad"):
        assert expected in text, expected
    [entry] = _actions(vault, "consent_form.print")
    assert "categories=identity,health" in entry.detail


def test_consent_form_needs_a_recipient_and_a_purpose(vault):
    case = build_document_case(vault)
    with pytest.raises(ValidationError, match="at least one recipient"):
        consent_form_pdf(vault, case_id=case.case_id, recipient_ids=[], categories="identity", purpose="x",
                         valid_until=None, organisation=ORGANISATION)
    with pytest.raises(ValidationError, match="purpose"):
        consent_form_pdf(vault, case_id=case.case_id, recipient_ids=[JOBCENTER], categories="identity",
                         purpose="  ", valid_until=None, organisation=ORGANISATION)


def test_consent_form_refuses_a_validity_that_has_ended(vault):
    # Prefilled from an expired consent to renew it: the new form must not end before it is signed.
    case = build_document_case(vault)
    with pytest.raises(ValidationError, match="passed"):
        consent_form_pdf(vault, case_id=case.case_id, recipient_ids=[JOBCENTER], categories="identity",
                         purpose="Vermittlung", valid_until=TODAY - timedelta(days=1), organisation=ORGANISATION)
    pdf = consent_form_pdf(vault, case_id=case.case_id, recipient_ids=[JOBCENTER], categories="identity",
                           purpose="Vermittlung", valid_until=TODAY, organisation=ORGANISATION, record=False)
    assert TODAY.strftime("%d.%m.%Y") in pdf_text(pdf)
