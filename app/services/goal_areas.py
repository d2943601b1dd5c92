"""The eight goal areas: assessment, goals, reviews of attainment, agreed steps."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import N_
from app.models import Assessment, Case, Goal, GoalReview, GoalStep
from app.models.codes import GOAL_AREAS, GoalStatus
from app.services import audit
from app.services import validation as v
from app.services.lookup import actor, get_case, get_row
from app.services.search import index_case

GOAL_STATUSES = tuple(status.value for status in GoalStatus)
# A review with one of these ends the goal (closed_on is set).
FINAL_GOAL_STATUSES = frozenset(
    {GoalStatus.ATTAINED, GoalStatus.PARTLY_ATTAINED, GoalStatus.NOT_ATTAINED, GoalStatus.DROPPED}
)


def clean_area(value: Any) -> str:
    return v.clean_code(value, GOAL_AREAS, "goal area")


def _dated_in_case(value: Any, case: Case, label: str) -> date:
    """A date that has happened, within the case's lifetime; today when not given."""
    day = v.past_date(value, label) or v.today()
    v.not_before(day, case.opened, label, "opening date of the case")
    return day


# --- assessment ----------------------------------------------------------------------------


def save_assessment(
    vault,
    *,
    case_id: str,
    area: str,
    situation: str = "",
    resources: str = "",
    need_level: int | str | None = None,
    assessed_on: date | str | None = None,
    need_level_at_closure: int | str | None = None,
    user: str | None = None,
) -> str:
    """Record (or replace) the assessment of one goal area. Need level 0 none … 3 high."""
    area = clean_area(area)
    situation_text = v.clean_text(situation, "situation")
    resources_text = v.clean_text(resources, "resources")
    level = v.clean_need_level(need_level)
    closing_level = v.clean_int(need_level_at_closure, "need level at closure", 0, 3)
    by = actor(vault, user)
    with vault.session() as session:
        case = get_case(session, case_id)
        day = _dated_in_case(assessed_on, case, N_("assessment date"))
        assessment = session.scalars(
            select(Assessment).where(Assessment.case_id == case.id, Assessment.area == area)
        ).first()
        if assessment is None:
            assessment = Assessment(case_id=case.id, area=area)
            session.add(assessment)
        assessment.situation = situation_text
        assessment.resources = resources_text
        assessment.need_level = level
        assessment.assessed_on = day
        if closing_level is not None:
            assessment.need_level_at_closure = closing_level
        session.flush()
        index_case(session, case)
        audit.record(session, by, "assessment.save", case.id, f"case_id={case.id} area={area}")
        return assessment.id


# --- goals ---------------------------------------------------------------------------------


def _check_target(target: date | None, case: Case, created_on: date | None) -> None:
    v.not_before(target, case.opened, "target date", "opening date of the case")
    v.not_before(target, created_on, "target date", "date the goal was set")


def add_goal(
    vault,
    *,
    case_id: str,
    area: str,
    text: str,
    criterion: str = "",
    target_date: date | str | None = None,
    created_on: date | str | None = None,
    user: str | None = None,
) -> str:
    """A goal in one area: specific, with a measurable criterion and a target date."""
    area = clean_area(area)
    goal_text = v.clean_text(text, "goal text", required=True)
    criterion_text = v.clean_text(criterion, "criterion")
    target = v.parse_date(target_date, "target date")
    by = actor(vault, user)
    with vault.session() as session:
        case = get_case(session, case_id)
        created = _dated_in_case(created_on, case, N_("date the goal was set"))
        _check_target(target, case, created)
        goal = Goal(
            case_id=case.id, area=area, text=goal_text, criterion=criterion_text, target_date=target,
            created_on=created, status=GoalStatus.OPEN.value, attainment=0,
        )
        session.add(goal)
        session.flush()
        index_case(session, case)
        audit.record(session, by, "goal.add", case.id, f"case_id={case.id} goal_id={goal.id} area={area}")
        return goal.id


_GOAL_FIELDS: dict[str, v.Cleaner] = {
    "area": clean_area,
    "text": lambda x: v.clean_text(x, "goal text", required=True),
    "criterion": lambda x: v.clean_text(x, "criterion"),
    "target_date": lambda x: v.parse_date(x, "target date"),
    "status": lambda x: v.clean_code(x, GOAL_STATUSES, "goal status"),
}


def update_goal(vault, *, goal_id: str, user: str | None = None, **fields: Any) -> None:
    """Change a goal's area, text, criterion, target date or status."""
    values = v.clean_fields(_GOAL_FIELDS, fields, "goal")
    by = actor(vault, user)
    with vault.session() as session:
        goal = get_row(session, Goal, goal_id, "goal")
        case = get_case(session, goal.case_id)
        _check_target(values.get("target_date", goal.target_date), case, goal.created_on)
        for field, value in values.items():
            setattr(goal, field, value)
        if "status" in values:
            goal.closed_on = (goal.closed_on or v.today()) if goal.status in FINAL_GOAL_STATUSES else None
        session.flush()
        index_case(session, case)
        audit.record(session, by, "goal.update", case.id,
                     "goal_id={} fields={}".format(goal.id, ",".join(sorted(values))))


def delete_goal(vault, *, goal_id: str, user: str | None = None) -> None:
    by = actor(vault, user)
    with vault.session() as session:
        goal = get_row(session, Goal, goal_id, "goal")
        case = get_case(session, goal.case_id)
        session.delete(goal)
        session.flush()
        index_case(session, case)
        audit.record(session, by, "goal.delete", case.id, f"goal_id={goal_id}")


# --- reviews -------------------------------------------------------------------------------


def _derived_status(attainment: int, current: str) -> str:
    if attainment >= 100:
        return GoalStatus.ATTAINED.value
    if current in FINAL_GOAL_STATUSES or current == GoalStatus.OPEN:
        return GoalStatus.IN_PROGRESS.value
    return current


def add_review(
    vault,
    *,
    goal_id: str,
    attainment: int | str,
    on: date | str | None = None,
    note: str = "",
    status: str | None = None,
    user: str | None = None,
) -> str:
    """Record the degree of attainment at a monitoring review (0–100 %).

    The goal takes the attainment of its latest review; its status becomes
    ``status`` if given, otherwise attained at 100 % and in progress below.
    """
    percent = v.clean_attainment(attainment)
    note_text = v.clean_text(note, "review note")
    new_status = v.clean_code(status, GOAL_STATUSES, "goal status") if status is not None else None
    by = actor(vault, user)
    with vault.session() as session:
        goal = get_row(session, Goal, goal_id, "goal")
        case = get_case(session, goal.case_id)
        day = _dated_in_case(on, case, N_("review date"))
        review = GoalReview(on=day, attainment=percent, note=note_text)
        goal.reviews.append(review)
        latest = max(goal.reviews, key=lambda r: r.on)
        goal.attainment = latest.attainment
        if latest is review:
            goal.status = new_status or _derived_status(percent, goal.status)
            goal.closed_on = day if goal.status in FINAL_GOAL_STATUSES else None
        session.flush()
        audit.record(session, by, "goal.review", case.id, f"goal_id={goal.id} review_id={review.id}")
        return review.id


# --- steps ---------------------------------------------------------------------------------


def add_step(
    vault,
    *,
    goal_id: str,
    action: str,
    responsible: str = "",
    due: date | str | None = None,
    user: str | None = None,
) -> str:
    """An agreed step toward a goal: what, who, by when."""
    action_text = v.clean_text(action, "step", required=True)
    responsible_text = v.clean_text(responsible, "responsible party", max_length=200)
    due_date = v.parse_date(due, "due date")
    by = actor(vault, user)
    with vault.session() as session:
        goal = get_row(session, Goal, goal_id, "goal")
        case = get_case(session, goal.case_id)
        v.not_before(due_date, case.opened, "due date", "opening date of the case")
        step = GoalStep(action=action_text, responsible=responsible_text, due=due_date)
        goal.steps.append(step)
        session.flush()
        audit.record(session, by, "goal_step.add", case.id, f"goal_id={goal.id} step_id={step.id}")
        return step.id


_STEP_FIELDS: dict[str, v.Cleaner] = {
    "action": lambda x: v.clean_text(x, "step", required=True),
    "responsible": lambda x: v.clean_text(x, "responsible party", max_length=200),
    "due": lambda x: v.parse_date(x, "due date"),
    "done_on": lambda x: v.past_date(x, "date the step was done"),
}


def update_step(vault, *, step_id: str, user: str | None = None, **fields: Any) -> None:
    """Change a step; ``done_on=None`` marks it open again."""
    values = v.clean_fields(_STEP_FIELDS, fields, "step")
    by = actor(vault, user)
    with vault.session() as session:
        step = get_row(session, GoalStep, step_id, "step")
        case_id = _case_of_goal(session, step.goal_id)
        for field, value in values.items():
            setattr(step, field, value)
        audit.record(session, by, "goal_step.update", case_id,
                     "step_id={} fields={}".format(step.id, ",".join(sorted(values))))


def complete_step(vault, *, step_id: str, done_on: date | str | None = None, user: str | None = None) -> None:
    day = v.past_date(done_on, "date the step was done") or v.today()
    by = actor(vault, user)
    with vault.session() as session:
        step = get_row(session, GoalStep, step_id, "step")
        case_id = _case_of_goal(session, step.goal_id)
        step.done_on = day
        audit.record(session, by, "goal_step.done", case_id, f"step_id={step.id}")


def delete_step(vault, *, step_id: str, user: str | None = None) -> None:
    by = actor(vault, user)
    with vault.session() as session:
        step = get_row(session, GoalStep, step_id, "step")
        case_id = _case_of_goal(session, step.goal_id)
        session.delete(step)
        audit.record(session, by, "goal_step.delete", case_id, f"step_id={step_id}")


def _case_of_goal(session: Session, goal_id: str) -> str | None:
    return session.scalar(select(Goal.case_id).where(Goal.id == goal_id))
