"""Consent: valid on the day, not withdrawn, the right recipient, every category (Art. 9 named)."""

from __future__ import annotations

from datetime import date

import pytest

from app.models import Agency, Case, Consent, Person
from app.services.consent_expiry import expiring_consents
from app.services.consent_gate import check_consent, consent_allows


@pytest.fixture
def setup(vault):
    with vault.session() as session:
        jobcenter = Agency(name="Jobcenter", legal_domain="SGB II")
        clinic = Agency(name="Klinik", legal_domain="health")
        case = Case(ref="C-1", person=Person(given_names="A", family_name="B"), case_type="case_management", opened=date(2025, 1, 1))
        session.add_all([jobcenter, clinic, case])
        session.flush()
        consent = Consent(case_id=case.id, recipient_id=jobcenter.id, categories=["identity", "residence", "social"],
                          given=date(2025, 2, 1), valid_until=date(2025, 12, 31))
        session.add(consent)
        session.add(Consent(case_id=case.id, recipient_id=clinic.id, categories=["identity", "health"], given=date(2025, 2, 1)))
        session.flush()
        ids = {"case": case.id, "jobcenter": jobcenter.id, "clinic": clinic.id, "consent": consent.id}
    return vault, ids


def allows(vault, ids, recipient, categories, on):
    with vault.session() as session:
        return consent_allows(session, ids["case"], ids[recipient], categories, on)


def test_valid_consent_allows(setup):
    vault, ids = setup
    assert allows(vault, ids, "jobcenter", ["identity", "social"], date(2025, 6, 1)) == (True, "Consent given on 2025-02-01 until 2025-12-31.")
    with vault.session() as session:
        assert check_consent(session, ids["case"], ids["jobcenter"], ["identity"], date(2025, 6, 1)).consent_id == ids["consent"]


def test_before_given_after_expiry_and_other_recipient(setup):
    vault, ids = setup
    assert allows(vault, ids, "jobcenter", ["identity"], date(2025, 1, 31)) == (False, "The consent is only given from 2025-02-01.")
    assert allows(vault, ids, "jobcenter", ["identity"], date(2025, 12, 31))[0] is True
    assert allows(vault, ids, "jobcenter", ["identity"], date(2026, 1, 1)) == (False, "The consent expired on 2025-12-31.")
    with vault.session() as session:
        other = Agency(name="Jugendamt", legal_domain="SGB VIII")
        session.add(other)
        session.flush()
        assert consent_allows(session, ids["case"], other.id, ["identity"], date(2025, 6, 1)) == (False, "There is no consent for this recipient.")


def test_health_only_where_named(setup):
    vault, ids = setup
    assert allows(vault, ids, "jobcenter", ["identity", "health"], date(2025, 6, 1)) == (
        False, "The consent does not cover these data categories: health.")
    assert allows(vault, ids, "jobcenter", ["mental_health"], date(2025, 6, 1))[0] is False
    assert allows(vault, ids, "clinic", ["health"], date(2025, 6, 1))[0] is True
    assert allows(vault, ids, "clinic", ["mental_health"], date(2025, 6, 1))[0] is False


def test_withdrawal_blocks_from_its_day_on(setup):
    vault, ids = setup
    assert allows(vault, ids, "jobcenter", ["identity"], date(2025, 6, 10))[0] is True
    with vault.session() as session:
        session.get(Consent, ids["consent"]).withdrawn = date(2025, 6, 10)
    assert allows(vault, ids, "jobcenter", ["identity"], date(2025, 6, 9))[0] is True
    assert allows(vault, ids, "jobcenter", ["identity"], date(2025, 6, 10)) == (False, "The consent was withdrawn on 2025-06-10.")
    assert allows(vault, ids, "jobcenter", ["identity"], date(2025, 7, 1))[0] is False


def test_expiring_consents_for_the_deadlines(setup):
    vault, ids = setup
    with vault.session() as session:
        soon = expiring_consents(session, date(2025, 12, 1))
        assert [(c.ref, c.recipient_name, c.valid_until, c.days_left) for c in soon] == [("C-1", "Jobcenter", date(2025, 12, 31), 30)]
        assert expiring_consents(session, date(2025, 11, 30)) == []  # 31 days ahead
        assert expiring_consents(session, date(2025, 12, 1), within_days=10) == []
        assert len(expiring_consents(session, date(2025, 12, 31))) == 1  # the last valid day itself
        assert expiring_consents(session, date(2026, 1, 1)) == []  # already expired
        session.get(Consent, ids["consent"]).withdrawn = date(2025, 11, 1)
    with vault.session() as session:
        assert expiring_consents(session, date(2025, 12, 1)) == []  # withdrawn: nothing to renew
        case = session.get(Case, ids["case"])
        case.closed, case.status = date(2025, 11, 1), "closed"
        session.get(Consent, ids["consent"]).withdrawn = None
    with vault.session() as session:
        assert expiring_consents(session, date(2025, 12, 1)) == []  # closed case
