"""The contact log."""

from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.services.case_file import case_detail
from app.services.case_search import search_cases
from app.services.contacts import add_contact, delete_contact, update_contact
from tests.unit.case_factory import TODAY, days_ago, days_ahead, new_case


def test_contacts_are_logged_newest_first_with_areas(vault):
    ref = new_case(vault, opened=days_ago(30))
    add_contact(vault, case_id=ref.case_id, kind="meeting", date=days_ago(20), duration_minutes=45,
                areas=["language", "residence"], note="Erstgespräch mit Dolmetscherin")
    add_contact(vault, case_id=ref.case_id, kind="case_conference", participants="Jobcenter, ABH, Klient",
                areas="education_work|residence", note="Fallkonferenz zur Ausbildungsduldung")
    contacts = case_detail(vault, ref.ref)["contacts"]
    assert [c["kind"] for c in contacts] == ["case_conference", "meeting"]
    assert contacts[0]["date"] == TODAY.isoformat()
    assert contacts[0]["areas"] == ["education_work", "residence"]
    assert contacts[1]["duration_minutes"] == 45


def test_contact_notes_are_searchable_and_follow_edits(vault):
    ref = new_case(vault)
    contact = add_contact(vault, case_id=ref.case_id, kind="phone", note="Rückruf wegen Wohnberechtigungsschein")
    assert [h.field for h in search_cases(vault, query="Wohnberechtigungsschein")] == ["notes"]
    update_contact(vault, contact_id=contact, note="Rückruf wegen Kita-Platz")
    assert search_cases(vault, query="Wohnberechtigungsschein") == []
    assert len(search_cases(vault, query="Kita")) == 1
    delete_contact(vault, contact_id=contact)
    assert search_cases(vault, query="Kita") == []


def test_contact_bad_input(vault):
    ref = new_case(vault, opened=days_ago(10))
    with pytest.raises(ValidationError, match="contact date .* lies in the future"):
        add_contact(vault, case_id=ref.case_id, kind="meeting", date=days_ahead(1))
    with pytest.raises(ValidationError, match="lies before the opening date"):
        add_contact(vault, case_id=ref.case_id, kind="meeting", date=days_ago(11))
    with pytest.raises(ValidationError, match="Unknown contact kind 'visit'"):
        add_contact(vault, case_id=ref.case_id, kind="visit")
    with pytest.raises(ValidationError, match="case conference needs its participants"):
        add_contact(vault, case_id=ref.case_id, kind="case_conference")
    with pytest.raises(ValidationError, match="Unknown goal area 'housing'"):
        add_contact(vault, case_id=ref.case_id, kind="phone", areas=["housing"])
    with pytest.raises(ValidationError, match="duration in minutes must be between 1 and 1440"):
        add_contact(vault, case_id=ref.case_id, kind="phone", duration_minutes=0)
    contact = add_contact(vault, case_id=ref.case_id, kind="phone")
    with pytest.raises(ValidationError, match="contact date is missing"):
        update_contact(vault, contact_id=contact, date=None)
    with pytest.raises(ValidationError, match="case conference needs its participants"):
        update_contact(vault, contact_id=contact, kind="case_conference")
