"""The residence check for the person of a case: facts from the case file, the rule engine's answer."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.errors import UsageError
from app.models import AuditEntry
from app.services.case_file import case_detail
from app.services.cases import create_case
from app.services.residence_for_case import (
    facts_from_person,
    residence_check_for_case,
    residence_check_for_person,
)

ON = date(2026, 6, 1)


@pytest.fixture
def case(vault):
    return create_case(vault, given_names="Yonas", family_name="Tesfay", birth_date="2000-02-29",
                       entry_date="2016-08-31", duldung_since="2019-03-15", school_years=4, german_level="B1",
                       identity_clarified=False)


def test_facts_come_from_the_person_of_the_case_file(vault, case):
    facts = facts_from_person(case_detail(vault, case_id=case.case_id)["person"])

    assert facts.birth_date.earliest == date(2000, 2, 29) and not facts.birth_date.is_partial
    assert facts.entry_date == date(2016, 8, 31) and facts.duldung_since == date(2019, 3, 15)
    assert facts.school_years == 4.0 and facts.german_level == "B1" and facts.identity_clarified is False
    assert facts.qualification is None  # free text in the case file says nothing about recognition
    assert facts.employment_since is None and facts.minor_child is None


def test_25a_deadline_for_someone_born_on_29_february(vault, case):
    person = case_detail(vault, case_id=case.case_id)["person"]
    result = residence_check_for_person(person, ON)

    # The 27th birthday falls on 1 March 2027 (no 29 February in 2027); the last day is the day before.
    assert result.rules["25a"].application_deadline == date(2027, 2, 28)
    assert result.rules["25a"].available
    assert set(result.rules) == {"25a", "25b", "60c", "60d"}
    assert result.rules_version == "2026-01-01"


def test_the_check_read_from_the_vault_is_logged_as_a_view(vault, case):
    result = residence_check_for_case(vault, case.case_id, on=ON)

    assert result.rules["25a"].application_deadline == date(2027, 2, 28)
    with vault.session() as session:
        actions = list(session.scalars(select(AuditEntry.action).where(AuditEntry.case_id == case.case_id)))
    assert "case.residence_check" in actions


def test_a_partial_birth_date_is_checked_conservatively(vault):
    case = create_case(vault, given_names="Ali", family_name="Rahimi", birth_date="2001")
    result = residence_check_for_person(case_detail(vault, case_id=case.case_id)["person"], ON)

    # Only the year: counted from the earliest possible birthday (1 January), so never too late.
    assert result.rules["25a"].application_deadline == date(2027, 12, 31)
    assert any(note.startswith("Only the birth year is known (2001)") for note in result.rules["25a"].notes)


def test_a_malformed_fact_is_a_clear_error():
    with pytest.raises(UsageError, match="german_level"):
        facts_from_person({"german_level": "fluent"})
