"""Structural barriers with categories from the maintained list."""

from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.services.barriers import add_barrier, barrier_categories, delete_barrier, update_barrier
from app.services.case_file import case_detail
from app.services.case_search import search_cases
from tests.unit.case_factory import days_ago, days_ahead, new_case


def test_the_maintained_list_has_codes_and_both_labels():
    categories = {c.code: c for c in barrier_categories()}
    for code in ("office_refuses_form", "waiting_list", "no_course_available", "missing_documents",
                 "language_barrier_at_authority", "discrimination", "childcare_missing", "transport",
                 "digital_access", "housing_market", "recognition_of_qualifications", "other"):
        assert categories[code].label_de and categories[code].label_en
    assert len(categories) == len(barrier_categories())  # codes are unique


def test_barriers_are_recorded_and_searchable(vault):
    ref = new_case(vault, opened=days_ago(40))
    barrier = add_barrier(vault, case_id=ref.case_id, category="waiting_list", description="Wartezeit PSZ acht Monate",
                          area="mental_health", institution="PSZ", occurred_on=days_ago(3))
    [shown] = case_detail(vault, ref.ref)["barriers"]
    assert (shown["category"], shown["area"], shown["structural"], shown["shareable"]) == (
        "waiting_list", "mental_health", True, False)
    assert [h.field for h in search_cases(vault, query="Wartezeit")] == ["barriers"]
    update_barrier(vault, barrier_id=barrier, shareable=True, description="Wartezeit Therapie")
    assert case_detail(vault, ref.ref)["barriers"][0]["shareable"] is True
    delete_barrier(vault, barrier_id=barrier)
    assert search_cases(vault, query="Wartezeit") == []


def test_barrier_bad_input(vault):
    ref = new_case(vault)
    with pytest.raises(ValidationError, match="Unknown barrier category 'bureaucracy'"):
        add_barrier(vault, case_id=ref.case_id, category="bureaucracy")
    with pytest.raises(ValidationError, match="date of the barrier .* lies in the future"):
        add_barrier(vault, case_id=ref.case_id, category="transport", occurred_on=days_ahead(1))
    with pytest.raises(ValidationError, match="Unknown goal area"):
        add_barrier(vault, case_id=ref.case_id, category="transport", area="mobility")
