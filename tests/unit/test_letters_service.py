"""Referral letters from the case file, behind the consent gate (issue 6, issue 8)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.documents.data import Organisation
from app.errors import PolicyError, ValidationError
from app.formatting import format_date  # the interface language's date format
from app.models import AuditEntry, Letter
from app.services.consents import withdraw_consent
from app.services.letters import (
    issue_referral_letter,
    prepare_referral_letter,
    preview_referral_letter,
)
from tests.unit.document_case import (
    HEALTH_GOAL,
    HEALTH_OFFICE,
    JOBCENTER,
    LANGUAGE_GOAL,
    NETWORK_GOAL,
    ORGANISATION,
    REF,
    TODAY,
    WORK_GOAL,
    build_document_case,
    give_consent,
)
from tests.unit.pdf_inspect import pdf_text

REASON = "Kindeswohlgefährdung, Meldung nach § 8a SGB VIII mit der Leitung abgestimmt"


@pytest.fixture
def case(vault):
    return build_document_case(vault)


def _issue(vault, case, draft=None, **changes):
    draft = draft or prepare_referral_letter(vault, case_id=case.case_id, agency_id=JOBCENTER,
                                             organisation=ORGANISATION)
    values = dict(case_id=case.case_id, agency_id=JOBCENTER, subject=draft.subject, body=draft.body,
                  categories=draft.categories, organisation=ORGANISATION)
    values.update(changes)
    return issue_referral_letter(vault, **values)


def _audit(vault, action):
    with vault.session() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def _letters(vault):
    with vault.session() as session:
        return list(session.scalars(select(Letter)))


def test_draft_fills_the_jobcenter_template_from_the_case_file(vault, case):
    draft = prepare_referral_letter(vault, case_id=case.case_id, agency_id=JOBCENTER, organisation=ORGANISATION)
    text = "\n".join(draft.body)
    assert draft.subject == "Verweisung von Amina Haddad, geb. 12.04.2001, an das Jobcenter"
    assert "Staatsangehörigkeit Syrien" in text
    assert "Duldung (§ 60a AufenthG), gültig bis" in text
    # The Jobcenter hears of language and work, not of the person's networks or health.
    assert LANGUAGE_GOAL in text and WORK_GOAL in text
    assert NETWORK_GOAL not in text and HEALTH_GOAL not in text
    assert draft.categories == ("identity", "residence", "education_work")
    assert draft.consent is None
    assert draft.refusal == (
        "No letter to Jobcenter Kreis Emsbruch without a valid consent: There is no consent for this recipient."
    )


def test_no_letter_without_a_consent(vault, case):
    with pytest.raises(PolicyError, match="Jobcenter Kreis Emsbruch.*There is no consent for this recipient"):
        _issue(vault, case)
    assert _letters(vault) == []
    assert _audit(vault, "letter.print") == []


def test_letter_with_a_consent_names_it_and_is_recorded(vault, case):
    consent_id = give_consent(vault, case.case_id)
    draft = prepare_referral_letter(vault, case_id=case.case_id, agency_id=JOBCENTER, organisation=ORGANISATION)
    assert draft.allowed and draft.consent_id == consent_id
    pdf = _issue(vault, case, draft)
    assert pdf.startswith(b"%PDF")
    text = " ".join(pdf_text(pdf).split())
    assert REF in text
    assert "Einwilligung und Schweigepflichtentbindung von Amina Haddad vom " \
           f"{(TODAY - timedelta(days=10)).strftime('%d.%m.%Y')} gegenüber dem Jobcenter Kreis Emsbruch" in text
    [letter] = _letters(vault)
    assert (letter.agency_id, letter.consent_id, letter.override_reason) == (JOBCENTER, consent_id, "")
    [entry] = _audit(vault, "letter.print")
    assert f"consent_id={consent_id}" in entry.detail and "categories=identity,residence,education_work" in entry.detail
    assert "Amina" not in entry.detail


def test_withdrawing_the_consent_blocks_the_next_letter_at_once(vault, case):
    consent_id = give_consent(vault, case.case_id)
    _issue(vault, case)
    withdraw_consent(vault, consent_id=consent_id)
    with pytest.raises(PolicyError, match=f"withdrawn on {format_date(TODAY)}"):
        _issue(vault, case)
    draft = prepare_referral_letter(vault, case_id=case.case_id, agency_id=JOBCENTER, organisation=ORGANISATION)
    assert draft.consent is None and "withdrawn" in draft.refusal
    assert len(_letters(vault)) == 1


def test_an_expired_consent_says_when_it_expired(vault, case):
    ended = TODAY - timedelta(days=3)
    give_consent(vault, case.case_id, given=TODAY - timedelta(days=400), valid_until=ended)
    with pytest.raises(PolicyError, match=f"expired on {format_date(ended)}"):
        _issue(vault, case)


def test_health_data_only_with_a_consent_that_names_it(vault, case):
    give_consent(vault, case.case_id, HEALTH_OFFICE, ("identity",))
    default = prepare_referral_letter(vault, case_id=case.case_id, agency_id=HEALTH_OFFICE,
                                      organisation=ORGANISATION)
    assert HEALTH_GOAL not in " ".join(default.body)  # no opt-in, no health text
    opted = prepare_referral_letter(vault, case_id=case.case_id, agency_id=HEALTH_OFFICE,
                                    categories=["health"], organisation=ORGANISATION)
    assert HEALTH_GOAL in " ".join(opted.body)
    assert opted.categories == ("identity", "health")
    assert "does not cover these data categories: health" in opted.refusal
    with pytest.raises(PolicyError, match="does not cover these data categories: health"):
        _issue(vault, case, opted, agency_id=HEALTH_OFFICE)
    give_consent(vault, case.case_id, HEALTH_OFFICE, ("identity", "health"))
    pdf = _issue(vault, case, opted, agency_id=HEALTH_OFFICE)
    assert "Gesundheit" in pdf_text(pdf)


def test_by_default_the_letter_says_no_more_than_the_consent_allows(vault, case):
    give_consent(vault, case.case_id, categories=("identity", "education_work"))
    draft = prepare_referral_letter(vault, case_id=case.case_id, agency_id=JOBCENTER, organisation=ORGANISATION)
    assert draft.categories == ("identity", "education_work")
    assert draft.allowed
    text = " ".join(draft.body)
    assert "Aufenthaltsstatus: wird mit diesem Schreiben nicht übermittelt" in text
    assert "Duldung" not in text and LANGUAGE_GOAL in text
    # Ticking residence by hand asks for more than the consent covers.
    wider = prepare_referral_letter(vault, case_id=case.case_id, agency_id=JOBCENTER,
                                    categories="identity,residence,education_work", organisation=ORGANISATION)
    assert "does not cover these data categories: residence" in wider.refusal


def test_override_needs_a_real_reason(vault, case):
    with pytest.raises(ValidationError, match="at least 10 characters"):
        _issue(vault, case, override_reason="weil")
    assert _letters(vault) == []


def test_override_prints_without_consent_and_logs_the_reason_only(vault, case):
    pdf = _issue(vault, case, override_reason=REASON)
    text = pdf_text(pdf)
    assert REF in text
    assert "Einwilligung" not in text and "8a" not in text and "Kindeswohl" not in text
    [override] = _audit(vault, "letter.override")
    assert override.detail.endswith(f"reason={REASON}")
    [letter] = _letters(vault)
    assert letter.override_reason == REASON and letter.consent_id is None
    [printed] = _audit(vault, "letter.print")
    assert "override" in printed.detail


def test_a_valid_consent_wins_over_an_override(vault, case):
    consent_id = give_consent(vault, case.case_id)
    pdf = _issue(vault, case, override_reason=REASON)
    assert "Einwilligung" in pdf_text(pdf)
    assert _audit(vault, "letter.override") == []
    [letter] = _letters(vault)
    assert letter.consent_id == consent_id and letter.override_reason == ""


def test_edited_text_is_what_prints(vault, case):
    give_consent(vault, case.case_id)
    pdf = _issue(vault, case, subject="Betreff: Bitte um einen Termin.",
                 body="Erster Absatz <b>& Co</b>.\n\nZweiter Absatz.")
    text = pdf_text(pdf)
    assert "Bitte um einen Termin" in text and "Betreff" not in text
    assert "Erster Absatz <b>& Co</b>." in text and "Zweiter Absatz." in text


def test_a_letter_needs_a_sender(vault, case):
    give_consent(vault, case.case_id)
    with pytest.raises(ValidationError, match="org/name"):
        _issue(vault, case, organisation=Organisation(name="", address_lines=()))


def test_unknown_category_is_a_clear_error(vault, case):
    with pytest.raises(ValidationError, match="Unknown data category: blood"):
        prepare_referral_letter(vault, case_id=case.case_id, agency_id=JOBCENTER, categories="blood",
                                organisation=ORGANISATION)


def test_preview_writes_nothing(vault, case):
    draft = prepare_referral_letter(vault, case_id=case.case_id, agency_id=JOBCENTER, organisation=ORGANISATION)
    pdf = preview_referral_letter(draft, ORGANISATION, body=["Nur ein Absatz zur Vorschau."])
    assert "Nur ein Absatz zur Vorschau." in pdf_text(pdf)
    assert _letters(vault) == [] and _audit(vault, "letter.print") == []
