"""Search as a use case: spelling variants, scripts, snippets, audit."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.errors import ValidationError
from app.models import AuditEntry
from app.services.case_search import search_cases
from app.services.contacts import add_contact
from tests.unit.case_factory import new_case


@pytest.fixture
def people(vault):
    return {
        "mueller": new_case(vault, given_names="Hans", family_name="Müller").ref,
        "arabic": new_case(vault, given_names="Ahmad", family_name="Al-Hassan", name_original="أحمد الحسن").ref,
        "cyrillic": new_case(vault, given_names="Olena", family_name="Kovalenko", name_original="Олена Коваленко").ref,
        "markup": new_case(vault, given_names="<b>Ali", family_name="& Söhne'\"").ref,
    }


@pytest.mark.parametrize("query", ["Müller", "Mueller", "Muller", "müll", "MUELLER"])
def test_mueller_in_every_spelling(vault, people, query):
    assert [hit.ref for hit in search_cases(vault, query=query)] == [people["mueller"]]


def test_arabic_and_cyrillic_names(vault, people):
    assert [hit.ref for hit in search_cases(vault, query="أحمد")] == [people["arabic"]]
    assert [hit.ref for hit in search_cases(vault, query="الحسن")] == [people["arabic"]]
    assert [hit.ref for hit in search_cases(vault, query="Коваленко")] == [people["cyrillic"]]


def test_markup_in_names_is_plain_text(vault, people):
    [hit] = search_cases(vault, query="Söhne")
    assert hit.ref == people["markup"] and hit.name == "<b>Ali & Söhne'\""


def test_hits_name_the_field_with_a_snippet_and_are_audited_without_the_query(vault, people):
    ref = new_case(vault, given_names="Sara", family_name="Idris")
    add_contact(vault, case_id=ref.case_id, kind="phone", note="Termin bei der Ausländerbehörde vereinbart")
    [hit] = search_cases(vault, query="Ausländerbehörde")
    assert (hit.ref, hit.field) == (ref.ref, "notes") and "[Ausländerbehörde]" in hit.snippet
    with vault.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "search")).first()
    assert entry.detail == "hits=1" and "Ausländer" not in entry.detail
    with pytest.raises(ValidationError, match="limit must be between 1 and 500"):
        search_cases(vault, query="x", limit=0)
