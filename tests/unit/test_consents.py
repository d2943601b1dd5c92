"""Consents per recipient, category and purpose; their state on a day."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.errors import ValidationError
from app.models import Consent
from app.services.case_file import case_detail
from app.services.consents import (
    add_consent,
    consent_state,
    update_consent,
    valid_consents,
    withdraw_consent,
)
from app.services.documents import add_document
from tests.unit.case_factory import (
    ABH_ID,
    JOBCENTER_ID,
    TODAY,
    agencies,
    days_ago,
    days_ahead,
    new_case,
)


def test_consent_state_on_a_day():
    consent = Consent(given=TODAY - timedelta(days=100), valid_until=TODAY + timedelta(days=60), withdrawn=None)
    assert consent_state(consent, TODAY) == "valid"
    assert consent_state(consent, TODAY + timedelta(days=30)) == "expiring"
    assert consent_state(consent, TODAY + timedelta(days=60)) == "expiring"
    assert consent_state(consent, TODAY + timedelta(days=61)) == "expired"
    assert consent_state(consent, TODAY - timedelta(days=101)) == "not_yet_valid"
    consent.withdrawn = TODAY
    assert consent_state(consent, TODAY) == "withdrawn"
    assert consent_state(consent, TODAY - timedelta(days=1)) == "valid"
    assert consent_state(Consent(given=TODAY, valid_until=None, withdrawn=None)) == "valid"


def test_valid_consents_match_recipient_day_and_categories(vault):
    agencies(vault)
    ref = new_case(vault, opened=days_ago(200))
    health = add_consent(vault, case_id=ref.case_id, recipient_id=JOBCENTER_ID, categories=["identity", "health"],
                         purpose="Vermittlung in Reha", given=days_ago(100), valid_until=days_ahead(10))
    plain = add_consent(vault, case_id=ref.case_id, recipient_id=JOBCENTER_ID, categories="identity|education_work",
                        purpose="Ausbildungsvermittlung", given=days_ago(50))
    add_consent(vault, case_id=ref.case_id, recipient_id=ABH_ID, categories=["residence"], purpose="Bleiberecht",
                given=days_ago(50))
    with vault.session() as session:
        ids = lambda rows: sorted(c.id for c in rows)  # noqa: E731
        assert ids(valid_consents(session, ref.case_id, JOBCENTER_ID, TODAY)) == sorted([health, plain])
        assert ids(valid_consents(session, ref.case_id, JOBCENTER_ID, TODAY, ["health"])) == [health]
        assert valid_consents(session, ref.case_id, JOBCENTER_ID, days_ahead(11), ["health"]) == []
        assert ids(valid_consents(session, ref.case_id, JOBCENTER_ID, days_ago(60))) == [health]
    withdraw_consent(vault, consent_id=health, withdrawn_on=days_ago(1))
    with vault.session() as session:
        assert valid_consents(session, ref.case_id, JOBCENTER_ID, TODAY, ["health"]) == []
        assert len(valid_consents(session, ref.case_id, JOBCENTER_ID, days_ago(2), ["health"])) == 1
    states = {c["id"]: c["state"] for c in case_detail(vault, ref.ref)["consents"]}
    assert states[health] == "withdrawn" and states[plain] == "valid"
    with pytest.raises(ValidationError, match="already withdrawn on"):
        withdraw_consent(vault, consent_id=health)


def test_signed_form_is_linked_as_a_document_of_the_case(vault):
    agencies(vault)
    ref, other = new_case(vault), new_case(vault)
    form = add_document(vault, case_id=ref.case_id, data=b"%PDF-1.4 signed", title="Einwilligung", filename="e.pdf",
                        doc_type="consent_form")
    foreign = add_document(vault, case_id=other.case_id, data=b"x", title="fremd")
    consent = add_consent(vault, case_id=ref.case_id, recipient_id=ABH_ID, categories=["residence"],
                          purpose="Passbeschaffung", document_id=form)
    assert case_detail(vault, ref.ref)["consents"][0]["document_id"] == form
    with pytest.raises(ValidationError, match="same case"):
        update_consent(vault, consent_id=consent, document_id=foreign)


def test_consent_bad_input(vault):
    agencies(vault)
    ref = new_case(vault)
    with pytest.raises(ValidationError, match="Unknown data category 'medical'"):
        add_consent(vault, case_id=ref.case_id, recipient_id=ABH_ID, categories=["medical"], purpose="x")
    with pytest.raises(ValidationError, match="at least one data category"):
        add_consent(vault, case_id=ref.case_id, recipient_id=ABH_ID, categories=[], purpose="x")
    with pytest.raises(ValidationError, match="purpose is empty"):
        add_consent(vault, case_id=ref.case_id, recipient_id=ABH_ID, categories=["identity"], purpose="")
    with pytest.raises(ValidationError, match="validity date .* lies before the date the consent was given"):
        add_consent(vault, case_id=ref.case_id, recipient_id=ABH_ID, categories=["identity"], purpose="x",
                    given=days_ago(5), valid_until=days_ago(6))
    with pytest.raises(ValidationError, match="date the consent was given .* lies in the future"):
        add_consent(vault, case_id=ref.case_id, recipient_id=ABH_ID, categories=["identity"], purpose="x",
                    given=days_ahead(1))
    consent = add_consent(vault, case_id=ref.case_id, recipient_id=ABH_ID, categories=["identity"], purpose="x",
                          given=days_ago(5))
    with pytest.raises(ValidationError, match="withdrawal date .* lies before"):
        withdraw_consent(vault, consent_id=consent, withdrawn_on=days_ago(6))
