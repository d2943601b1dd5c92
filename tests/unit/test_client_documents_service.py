"""Client documents from the case file in the person's language: defaults, appointment letter, consent form."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from app.documents.data import Organisation
from app.errors import ValidationError
from app.models import AuditEntry
from app.services.agreement_document import consent_form_pdf
from app.services.appointment_letter import appointment_letter_pdf
from app.services.document_language import (
    client_languages,
    default_document_language,
    document_language,
)
from app.services.persons import update_person
from tests.unit.document_case import (
    ARABIC_NAME,
    JOBCENTER,
    ORGANISATION,
    REF,
    TODAY,
    build_document_case,
)
from tests.unit.pdf_inspect import pdf_text, rtl_reading

PROBE = "<b>Ali & Söhne</b>"


def test_the_default_is_the_persons_first_language_the_documents_have(vault):
    case = build_document_case(vault, languages=("ku", "uk", "de"))
    assert client_languages(vault, case_id=case.case_id) == ["uk", "de"]
    assert default_document_language(vault, case_id=case.case_id) == "uk"
    update_person(vault, case_id=case.case_id, languages=["ku"])
    assert default_document_language(vault, case_id=case.case_id) == "de"
    assert document_language("prs") == "fa" and document_language("fa-AF") == "fa"
    assert document_language("ku") == ""


def test_appointment_letter_from_the_case_file_in_ukrainian(vault):
    case = build_document_case(vault)
    starts = datetime.combine(TODAY + timedelta(days=7), datetime.min.time()).replace(hour=14, minute=15)
    pdf = appointment_letter_pdf(vault, case_id=case.case_id, starts_at=starts, organisation=ORGANISATION,
                                 lang="uk", bring=["bring_passport", "Mietvertrag"])
    text = " ".join(pdf_text(pdf).split())
    assert "Запрошення на зустріч" in text and "Amina Haddad" in text and REF in text
    assert "14:15" in text and starts.strftime("%d.%m.%Y") in text
    assert "Kreishausplatz 1" in text  # the place defaults to the organisation's address
    assert "Mietvertrag" in text and "Паспорт" in text
    with vault.session() as session:
        [entry] = session.scalars(select(AuditEntry).where(AuditEntry.action == "appointment_letter.print"))
    assert "lang=uk" in entry.detail and "Amina" not in entry.detail


def test_appointment_letter_refuses_an_unknown_language(vault):
    case = build_document_case(vault)
    with pytest.raises(ValidationError):
        appointment_letter_pdf(vault, case_id=case.case_id, starts_at=datetime(2026, 5, 4, 9, 0),
                               organisation=ORGANISATION, lang="xx")


def test_appointment_letter_refuses_a_day_gone_by_but_not_today(vault):
    case = build_document_case(vault)
    yesterday = datetime.combine(TODAY - timedelta(days=1), datetime.min.time()).replace(hour=9)
    with pytest.raises(ValidationError, match="passed"):
        appointment_letter_pdf(vault, case_id=case.case_id, starts_at=yesterday, organisation=ORGANISATION)
    later_today = datetime.combine(TODAY, datetime.min.time()).replace(hour=23, minute=59)
    assert appointment_letter_pdf(vault, case_id=case.case_id, starts_at=later_today, organisation=ORGANISATION,
                                  record=False).startswith(b"%PDF")


def test_appointment_letter_without_a_place_or_an_address_to_print_is_refused(vault):
    case = build_document_case(vault)
    starts = datetime.combine(TODAY + timedelta(days=7), datetime.min.time()).replace(hour=10)
    nowhere = Organisation(name="", address_lines=(), phone="0251 1", email="")
    with pytest.raises(ValidationError, match="place"):
        appointment_letter_pdf(vault, case_id=case.case_id, starts_at=starts, organisation=nowhere, place="  \n ")
    pdf = appointment_letter_pdf(vault, case_id=case.case_id, starts_at=starts, organisation=nowhere,
                                 place="Raum 3\nMarktstraße 1", record=False)
    assert "Marktstraße 1" in pdf_text(pdf)


def test_ukrainian_consent_form_prints_german_beside_ukrainian_and_names_literally(vault):
    case = build_document_case(vault)
    update_person(vault, case_id=case.case_id, given_names=PROBE, family_name=ARABIC_NAME)
    pdf = consent_form_pdf(vault, case_id=case.case_id, recipient_ids=[JOBCENTER],
                           categories=["identity", "health"], purpose="Vermittlung", valid_until=None,
                           organisation=ORGANISATION, lang="uk", record=False)
    raw = pdf_text(pdf)
    text = " ".join(raw.split())
    assert "Згода та звільнення від обов’язку конфіденційності" in text  # the Ukrainian title
    assert "Einwilligung und Schweigepflichtentbindung" in text  # and the binding German one
    assert "Art. 7 Abs. 3 DSGVO" in text and "ст. 7 ч. 3 GDPR" in text
    assert "Gesundheit / Здоров’я" in text  # categories in both languages
    assert PROBE in text  # markup in a name prints literally
    assert ARABIC_NAME in rtl_reading(raw)


def test_arabic_agreement_prints_the_german_intro_and_the_arabic_one(vault):
    from app.documents.labels import labels_for
    from app.services.agreement_document import agreement_pdf

    case = build_document_case(vault)
    pdf = agreement_pdf(vault, agreement_id=case.agreement_id, organisation=ORGANISATION, lang="ar", record=False)
    raw = pdf_text(pdf)
    assert "Die Beteiligten vereinbaren die folgenden Schritte" in " ".join(raw.split())
    assert labels_for("ar")["agreement_intro"].split(".")[0] in rtl_reading(raw)
