"""The desktop case list's page: rows and total from list_cases, plus a snippet per row when searching."""

from __future__ import annotations

from app.services.case_list_page import case_list_page
from app.services.contacts import add_contact
from tests.unit.case_factory import days_ago, new_case


def test_snippets_come_with_the_rows_of_a_search(vault):
    haddad = new_case(vault, family_name="Haddad")
    other = new_case(vault, given_names="Olena", family_name="Kravchenko")
    add_contact(vault, case_id=other.case_id, date=days_ago(3), kind="phone",
                note="Termin bei der Ausländerbehörde wegen der Duldung vereinbart.")

    by_name = case_list_page(vault, search="hadd", sort="relevance")
    assert [row.case_id for row in by_name.rows] == [haddad.case_id]
    assert by_name.total == 1
    assert by_name.snippets[haddad.case_id] == ("name", "Amina [Haddad]")

    by_note = case_list_page(vault, search="duldung")
    assert [row.case_id for row in by_note.rows] == [other.case_id]
    field, snippet = by_note.snippets[other.case_id]
    assert field == "notes"
    assert "[Duldung]" in snippet


def test_no_search_no_snippets_and_paging_passes_through(vault):
    for index in range(5):
        new_case(vault, family_name=f"Name{index}")
    page = case_list_page(vault, sort="name", offset=2, limit=2)
    assert page.total == 5
    assert [row.name for row in page.rows] == ["Amina Name2", "Amina Name3"]
    assert page.snippets == {}
