"""Deadlines entered by hand and the list of those coming up."""

from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.services.case_file import case_detail
from app.services.deadline_engine import deadline_list
from app.services.deadlines import add_deadline, mark_deadline_done
from tests.unit.case_factory import TODAY, days_ago, days_ahead, new_case


def test_upcoming_deadlines_include_overdue_and_exclude_done_and_far_ones(vault):
    first = new_case(vault, given_names="Samir", family_name="Nouri")
    second = new_case(vault, given_names="Lina", family_name="Yousef")
    overdue = add_deadline(vault, case_id=first.case_id, kind="duldung_expiry", due=days_ago(2), note="verlängern")
    soon = add_deadline(vault, case_id=second.case_id, kind="review", due=days_ahead(5))
    add_deadline(vault, case_id=first.case_id, kind="passport_expiry", due=days_ahead(40))
    done = add_deadline(vault, case_id=second.case_id, kind="other", due=days_ahead(1))
    mark_deadline_done(vault, deadline_id=done)

    rows = deadline_list(vault, within_days=14, today=TODAY)
    assert [(r.deadline_id, r.ref, r.overdue) for r in rows] == [(overdue, first.ref, True), (soon, second.ref, False)]
    assert rows[0].name == "Samir Nouri" and rows[0].source == "manual" and rows[0].kind == "duldung_expiry"
    assert len(deadline_list(vault, within_days=60, today=TODAY)) == 3

    deadlines = case_detail(vault, second.ref)["deadlines"]
    assert [(d["kind"], d["done"], d["source"]) for d in deadlines] == [("other", True, "manual"), ("review", False, "manual")]
    mark_deadline_done(vault, deadline_id=done, done=False)
    assert len(deadline_list(vault, within_days=14, today=TODAY)) == 3


def test_deadline_bad_input(vault):
    ref = new_case(vault)
    with pytest.raises(ValidationError, match="Unknown deadline kind 'birthday'"):
        add_deadline(vault, case_id=ref.case_id, kind="birthday", due=days_ahead(1))
    with pytest.raises(ValidationError, match="due date is missing"):
        add_deadline(vault, case_id=ref.case_id, kind="review", due="")
    with pytest.raises(ValidationError, match="cannot be negative"):
        deadline_list(vault, within_days=-1)
