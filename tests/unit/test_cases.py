"""Opening and changing cases: references, names in any script, the audit log."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.errors import NotFoundError, ValidationError
from app.models import AuditEntry, Case, Person, PhaseTransition
from app.services.case_file import case_detail
from app.services.cases import case_id_for_ref, create_case, update_case
from app.services.persons import update_person
from app.services.references import next_reference
from tests.unit.case_factory import TODAY, days_ago, days_ahead, new_case


def test_a_new_case_starts_in_intake_with_a_reference_of_its_year(vault):
    ref = new_case(vault, opened=date(2025, 3, 1), case_manager="K. Schmidt", intake_source="shelter")
    assert ref.ref == "2025-0001"
    with vault.session() as session:
        case = session.get(Case, ref.case_id)
        assert (case.phase, case.status, case.case_type) == ("intake", "active", "case_management")
        assert case.sort_name == "haddad, amina"
        transitions = session.scalars(select(PhaseTransition).where(PhaseTransition.case_id == case.id)).all()
        assert [(t.phase, t.on, t.by) for t in transitions] == [("intake", date(2025, 3, 1), "Test Case Manager")]


def test_references_count_up_per_year_from_the_highest(vault):
    assert new_case(vault, opened=date(2025, 1, 2)).ref == "2025-0001"
    assert new_case(vault, opened=date(2025, 6, 2)).ref == "2025-0002"
    assert new_case(vault, opened=date(2024, 6, 2)).ref == "2024-0001"
    assert new_case(vault, opened=date(2025, 6, 2), ref="2025-0041").ref == "2025-0041"
    assert new_case(vault, opened=date(2025, 7, 1)).ref == "2025-0042"
    with vault.session() as session:
        assert next_reference(session, date(2023, 1, 1)) == "2023-0001"
        assert next_reference(session, date(2025, 12, 31)) == "2025-0043"


def test_a_reference_in_use_or_malformed_is_refused(vault):
    new_case(vault, ref="2025-0007", opened=date(2025, 1, 1))
    with pytest.raises(ValidationError, match="2025-0007 is already in use"):
        new_case(vault, ref="2025-0007", opened=date(2025, 1, 1))
    with pytest.raises(ValidationError, match="not of the form YYYY-NNNN"):
        new_case(vault, ref="KIM-7")


@pytest.mark.parametrize("given, family, original", [
    ("أحمد", "الحسن", "أحمد الحسن"),
    ("Олена", "Коваленко", "Олена Коваленко"),
    ("<b>Ali", "& Söhne</b>", "'\"<script>"),
])
def test_names_in_any_script_are_stored_and_shown_as_typed(vault, given, family, original):
    ref = new_case(vault, given_names=given, family_name=family, name_original=original)
    detail = case_detail(vault, ref.ref)
    assert detail["name"] == f"{given} {family}"
    assert (detail["person"]["given_names"], detail["person"]["family_name"]) == (given, family)
    assert detail["person"]["name_original"] == original


def test_bad_input_when_opening_a_case(vault):
    with pytest.raises(ValidationError, match="both are empty"):
        new_case(vault, given_names=" ", family_name="")
    with pytest.raises(ValidationError, match="birth date .* lies in the future"):
        new_case(vault, birth_date=days_ahead(3).isoformat())
    with pytest.raises(ValidationError, match="not a date: use YYYY-MM-DD, YYYY-MM or YYYY"):
        new_case(vault, birth_date="12/04/2001")
    with pytest.raises(ValidationError, match="Unknown case type 'cm'"):
        new_case(vault, case_type="cm")
    with pytest.raises(ValidationError, match="opening date .* lies in the future"):
        new_case(vault, opened=days_ahead(1))
    with pytest.raises(ValidationError, match="Unknown case field"):
        new_case(vault, favourite_colour="blue")
    with pytest.raises(ValidationError, match="Unknown intake source"):
        new_case(vault, intake_source="newspaper")
    with vault.session() as session:
        assert session.scalar(select(Case.id)) is None  # nothing half-saved


def test_partial_birth_date_and_person_fields(vault):
    ref = new_case(vault, birth_date="1998", nationalities="AF", languages=["prs", "ps"], gender="male",
                   entry_date=date(2016, 5, 1), residence_status="duldung", passport_status="none",
                   school_years="2,5", german_level="a2", minor_child="no")
    person = case_detail(vault, ref.ref)["person"]
    assert person["birth_date"] == "1998"
    assert person["nationalities"] == ["AF"] and person["languages"] == ["prs", "ps"]
    assert person["german_level"] == "A2" and person["school_years"] == 2.5 and person["minor_child"] is False


def test_update_person_refreshes_sort_name_and_search(vault):
    from app.services.case_search import search_cases

    ref = new_case(vault)
    update_person(vault, case_id=ref.case_id, family_name="Müller", aliases=["Mueller Amina"])
    with vault.session() as session:
        assert session.get(Case, ref.case_id).sort_name == "muller, amina"
    assert [hit.ref for hit in search_cases(vault, query="Muller")] == [ref.ref]
    with pytest.raises(ValidationError, match="both are empty"):
        update_person(vault, case_id=ref.case_id, given_names="", family_name="")
    with pytest.raises(ValidationError, match="Unknown person field"):
        update_person(vault, case_id=ref.case_id, phase="closed")
    with pytest.raises(NotFoundError):
        update_person(vault, case_id="no-such-id", family_name="X")


def test_update_case_fields_and_rules(vault):
    ref = new_case(vault, opened=days_ago(30))
    update_case(vault, case_id=ref.case_id, case_manager="Jana Weber", programme_gk=True, status="paused",
                intake_notes="Kam über die Unterkunft Lindenweg.")
    detail = case_detail(vault, ref.ref)
    assert (detail["case_manager"], detail["programme_gk"], detail["status"]) == ("Jana Weber", True, "paused")
    with pytest.raises(ValidationError, match="use one of active, paused"):
        update_case(vault, case_id=ref.case_id, status="closed")
    with pytest.raises(ValidationError, match="Unknown case field"):
        update_case(vault, case_id=ref.case_id, phase="planning")


def test_every_change_and_view_is_audited_with_ids_only(vault):
    ref = new_case(vault, given_names="Yusuf", family_name="Abdi")
    update_case(vault, case_id=ref.case_id, case_manager="Jana Weber")
    update_person(vault, case_id=ref.case_id, phone="0151 000")
    case_detail(vault, ref.ref, user="Auditor")
    with vault.session() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.case_id == ref.case_id).order_by(AuditEntry.id)).all()
    assert [r.action for r in rows] == ["case.create", "case.update", "person.update", "case.view"]
    assert rows[-1].user == "Auditor" and rows[0].user == "Test Case Manager"
    assert "fields=case_manager" in rows[1].detail
    assert all("Yusuf" not in r.detail and "Abdi" not in r.detail for r in rows)


def test_case_id_for_ref(vault):
    ref = new_case(vault)
    assert case_id_for_ref(vault, f" {ref.ref} ") == ref.case_id
    with pytest.raises(NotFoundError, match="No case with reference 1999-0001"):
        case_id_for_ref(vault, "1999-0001")


def test_create_case_defaults_to_today(vault):
    ref = create_case(vault, family_name="Tesfay")
    with vault.session() as session:
        assert session.get(Case, ref.case_id).opened == TODAY
        assert session.get(Person, ref.person_id).family_name == "Tesfay"
