"""Measures and the Maßnahme-Karriere warning."""

from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.services.case_file import case_detail
from app.services.measures import add_measure, case_measure_warnings, delete_measure, update_measure
from tests.unit.case_factory import days_ago, days_ahead, new_case


def test_three_failed_measures_in_one_area_warn_and_name_the_area(vault):
    ref = new_case(vault)
    for title, outcome in (("Integrationskurs A", "dropped_out"), ("Integrationskurs B", "not_attained")):
        saved = add_measure(vault, case_id=ref.case_id, area="language", kind="language_course", title=title,
                            start=days_ago(300), end=days_ago(200), outcome=outcome)
        assert saved.warnings == ()
    # Failures in another area or ongoing measures do not count toward the language area.
    add_measure(vault, case_id=ref.case_id, area="education_work", kind="training", title="BvB",
                start=days_ago(100), end=days_ago(50), outcome="dropped_out")
    ongoing = add_measure(vault, case_id=ref.case_id, area="language", kind="language_course", title="Kurs C",
                          start=days_ago(30))
    assert ongoing.warnings == ()
    saved = update_measure(vault, measure_id=ongoing.measure_id, end=days_ago(1), outcome="not_attained")
    [warning] = saved.warnings
    assert (warning.area, warning.count) == ("language", 3)
    assert "language" in warning.message and "Maßnahme-Karriere" in warning.message

    detail = case_detail(vault, ref.ref)
    assert [w["area"] for w in detail["measure_warnings"]] == ["language"]
    assert len(detail["measures"]) == 4

    delete_measure(vault, measure_id=ongoing.measure_id)
    assert case_measure_warnings(vault, case_id=ref.case_id) == []


def test_attained_measures_do_not_warn(vault):
    ref = new_case(vault)
    for n in range(4):
        add_measure(vault, case_id=ref.case_id, area="language", kind="language_course", title=f"Kurs {n}",
                    start=days_ago(100), end=days_ago(10), outcome="attained")
    assert case_measure_warnings(vault, case_id=ref.case_id) == []


def test_measure_bad_input(vault):
    ref = new_case(vault)
    with pytest.raises(ValidationError, match="end date .* lies before the start date"):
        add_measure(vault, case_id=ref.case_id, area="language", kind="language_course", title="Kurs",
                    start=days_ago(10), end=days_ago(20))
    with pytest.raises(ValidationError, match="Unknown measure outcome 'failed'"):
        add_measure(vault, case_id=ref.case_id, area="language", kind="language_course", title="Kurs",
                    outcome="failed")
    with pytest.raises(ValidationError, match="Unknown measure kind"):
        add_measure(vault, case_id=ref.case_id, area="language", kind="course", title="Kurs")
    with pytest.raises(ValidationError, match="end date of a finished measure .* lies in the future"):
        add_measure(vault, case_id=ref.case_id, area="language", kind="language_course", title="Kurs",
                    end=days_ahead(10), outcome="attained")
    with pytest.raises(ValidationError, match="title of the measure is empty"):
        add_measure(vault, case_id=ref.case_id, area="language", kind="language_course", title="")
