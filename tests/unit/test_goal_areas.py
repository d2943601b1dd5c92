"""Assessments, goals, reviews and steps in the eight goal areas."""

from __future__ import annotations

import pytest

from app.errors import NotFoundError, ValidationError
from app.services.case_file import case_detail
from app.services.case_search import search_cases
from app.services.goal_areas import (
    add_goal,
    add_review,
    add_step,
    complete_step,
    delete_goal,
    save_assessment,
    update_goal,
    update_step,
)
from tests.unit.case_factory import TODAY, days_ago, days_ahead, new_case


def test_assessment_is_saved_per_area_and_replaced_on_save(vault):
    ref = new_case(vault, opened=days_ago(20))
    first = save_assessment(vault, case_id=ref.case_id, area="residence", situation="Duldung bis März",
                            resources="Unterstützerkreis", need_level=3, assessed_on=days_ago(5))
    second = save_assessment(vault, case_id=ref.case_id, area="residence", situation="Duldung verlängert",
                             need_level="2")
    assert first == second
    area = case_detail(vault, ref.ref)["goal_areas"]["residence"]
    assert (area["need_level"], area["situation"], area["resources"]) == (2, "Duldung verlängert", "")
    assert area["assessed_on"] == TODAY.isoformat()


def test_assessment_bad_input(vault):
    ref = new_case(vault, opened=days_ago(20))
    with pytest.raises(ValidationError, match="need level must be between 0 and 3; 4 is not"):
        save_assessment(vault, case_id=ref.case_id, area="health", need_level=4)
    with pytest.raises(ValidationError, match="Unknown goal area 'work'"):
        save_assessment(vault, case_id=ref.case_id, area="work", need_level=1)
    with pytest.raises(ValidationError, match="assessment date .* lies in the future"):
        save_assessment(vault, case_id=ref.case_id, area="health", need_level=1, assessed_on=days_ahead(2))
    with pytest.raises(ValidationError, match="lies before the opening date of the case"):
        save_assessment(vault, case_id=ref.case_id, area="health", need_level=1, assessed_on=days_ago(21))


def test_goals_with_target_dates_and_searchable_text(vault):
    ref = new_case(vault, opened=days_ago(20))
    goal = add_goal(vault, case_id=ref.case_id, area="education_work", text="Ausbildungsplatz als Elektroniker",
                    criterion="Vertrag unterschrieben", target_date=days_ahead(180))
    with pytest.raises(ValidationError, match="target date .* lies before the opening date of the case"):
        add_goal(vault, case_id=ref.case_id, area="language", text="B1", target_date=days_ago(21))
    with pytest.raises(ValidationError, match="The goal text is empty"):
        add_goal(vault, case_id=ref.case_id, area="language", text="  ")
    with pytest.raises(ValidationError, match="Unknown goal area"):
        add_goal(vault, case_id=ref.case_id, area="jobs", text="x")
    assert [h.field for h in search_cases(vault, query="Elektroniker")] == ["goals"]
    update_goal(vault, goal_id=goal, text="Ausbildungsplatz als Mechatroniker")
    assert search_cases(vault, query="Elektroniker") == []
    with pytest.raises(ValidationError, match="target date .* lies before"):
        update_goal(vault, goal_id=goal, target_date=days_ago(30))
    delete_goal(vault, goal_id=goal)
    assert search_cases(vault, query="Mechatroniker") == []
    assert case_detail(vault, ref.ref)["goal_areas"]["education_work"]["goals"] == []


def test_reviews_set_attainment_and_status(vault):
    ref = new_case(vault, opened=days_ago(90))
    goal = add_goal(vault, case_id=ref.case_id, area="language", text="B1", created_on=days_ago(80))
    add_review(vault, goal_id=goal, attainment=40, on=days_ago(40), note="A2 bestanden")
    [g] = case_detail(vault, ref.ref)["goal_areas"]["language"]["goals"]
    assert (g["attainment"], g["status"], g["closed_on"]) == (40, "in_progress", None)
    add_review(vault, goal_id=goal, attainment=20, on=days_ago(60))  # an older review recorded late
    [g] = case_detail(vault, ref.ref)["goal_areas"]["language"]["goals"]
    assert g["attainment"] == 40 and [r["attainment"] for r in g["reviews"]] == [20, 40]
    add_review(vault, goal_id=goal, attainment="100", on=days_ago(1))
    [g] = case_detail(vault, ref.ref)["goal_areas"]["language"]["goals"]
    assert (g["attainment"], g["status"], g["closed_on"]) == (100, "attained", days_ago(1).isoformat())
    add_review(vault, goal_id=goal, attainment=10, status="dropped")
    [g] = case_detail(vault, ref.ref)["goal_areas"]["language"]["goals"]
    assert (g["attainment"], g["status"]) == (10, "dropped")


def test_review_bad_input(vault):
    ref = new_case(vault, opened=days_ago(30))
    goal = add_goal(vault, case_id=ref.case_id, area="language", text="B1")
    for value in (101, -5, "viel"):
        with pytest.raises(ValidationError, match="attainment"):
            add_review(vault, goal_id=goal, attainment=value)
    with pytest.raises(ValidationError, match="review date .* lies in the future"):
        add_review(vault, goal_id=goal, attainment=50, on=days_ahead(1))
    with pytest.raises(ValidationError, match="Unknown goal status"):
        add_review(vault, goal_id=goal, attainment=50, status="great")
    with pytest.raises(NotFoundError, match="No goal with id"):
        add_review(vault, goal_id="missing", attainment=50)


def test_steps_what_who_by_when(vault):
    ref = new_case(vault, opened=days_ago(30))
    goal = add_goal(vault, case_id=ref.case_id, area="residence", text="Pass beantragen")
    step = add_step(vault, goal_id=goal, action="Termin Botschaft buchen", responsible="Klient", due=days_ahead(14))
    add_step(vault, goal_id=goal, action="Gebühren klären", responsible="Case Managerin", due=days_ahead(7))
    complete_step(vault, step_id=step, done_on=days_ago(1))
    steps = case_detail(vault, ref.ref)["goal_areas"]["residence"]["goals"][0]["steps"]
    assert [(s["action"], s["done"]) for s in steps] == [("Gebühren klären", False), ("Termin Botschaft buchen", True)]
    update_step(vault, step_id=step, done_on=None)
    steps = case_detail(vault, ref.ref)["goal_areas"]["residence"]["goals"][0]["steps"]
    assert all(not s["done"] for s in steps)
    with pytest.raises(ValidationError, match="The step is empty"):
        add_step(vault, goal_id=goal, action="")
    with pytest.raises(ValidationError, match="date the step was done .* lies in the future"):
        complete_step(vault, step_id=step, done_on=days_ahead(1))
