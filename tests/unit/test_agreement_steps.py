"""The chain logic of Zug-um-Zug steps, with every date written out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.services.agreement_steps import (
    StepState,
    all_steps_settled,
    effective_due_dates,
    late_steps,
    next_open_step,
    step_views,
)

CONCLUDED = date(2026, 3, 2)


@dataclass
class Step:
    position: int
    party: str
    due: date | None = None
    within_days_after_previous: int | None = None
    status: str = "open"
    fulfilled_on: date | None = None
    action: str = "step"
    proof_required: str = ""
    proof_document_id: str | None = None
    status_reason: str = ""

    @property
    def id(self) -> str:
        return f"s{self.position}"


def states(steps, today, *, in_force=True, concluded_on=CONCLUDED):
    return [(view.state, view.effective_due, view.days_overdue)
            for view in step_views(steps, today=today, in_force=in_force, concluded_on=concluded_on)]


# --- effective due dates ----------------------------------------------------------------------

def test_a_fixed_date_is_the_due_date():
    steps = [Step(1, "person", due=date(2026, 3, 20))]

    assert effective_due_dates(steps, concluded_on=CONCLUDED) == [date(2026, 3, 20)]


def test_within_days_counts_from_the_day_the_previous_step_was_fulfilled():
    steps = [
        Step(1, "person", due=date(2026, 3, 20), status="fulfilled", fulfilled_on=date(2026, 3, 25)),
        Step(2, "authority", due=date(2026, 4, 3), within_days_after_previous=14),
        Step(3, "person", within_days_after_previous=30),
    ]

    # Step 2 counts from 25 March, not from its planned 3 April; step 3 waits for step 2.
    assert effective_due_dates(steps, concluded_on=CONCLUDED) == [date(2026, 3, 20), date(2026, 4, 8), None]


def test_a_chain_of_within_days_steps_moves_with_each_fulfilment():
    steps = [
        Step(1, "person", within_days_after_previous=7, status="fulfilled", fulfilled_on=date(2026, 3, 5)),
        Step(2, "person", within_days_after_previous=14, status="fulfilled", fulfilled_on=date(2026, 3, 31)),
        Step(3, "person", within_days_after_previous=30),
    ]

    # The first step counts from the conclusion on 2 March; 31 March + 30 days = 30 April.
    assert effective_due_dates(steps, concluded_on=CONCLUDED) == [date(2026, 3, 9), date(2026, 3, 19),
                                                                   date(2026, 4, 30)]


def test_within_days_over_a_month_end_and_a_leap_day():
    steps = [
        Step(1, "person", due=date(2028, 2, 20), status="fulfilled", fulfilled_on=date(2028, 2, 15)),
        Step(2, "authority", within_days_after_previous=14),
    ]

    assert effective_due_dates(steps, concluded_on=date(2028, 1, 10))[1] == date(2028, 2, 29)


def test_a_first_step_with_within_days_counts_from_the_conclusion_and_waits_in_a_draft():
    steps = [Step(1, "person", within_days_after_previous=10)]

    assert effective_due_dates(steps, concluded_on=date(2026, 5, 25)) == [date(2026, 6, 4)]
    assert effective_due_dates(steps, concluded_on=None) == [None]


def test_a_waived_step_passes_on_the_day_it_was_waived():
    steps = [
        Step(1, "person", due=date(2026, 3, 10), status="waived", fulfilled_on=date(2026, 3, 12)),
        Step(2, "authority", within_days_after_previous=28),
    ]

    assert effective_due_dates(steps, concluded_on=CONCLUDED)[1] == date(2026, 4, 9)


def test_a_waived_step_without_a_date_passes_on_its_due_date():
    steps = [
        Step(1, "person", due=date(2026, 3, 10), status="waived"),
        Step(2, "authority", within_days_after_previous=28),
    ]

    assert effective_due_dates(steps, concluded_on=CONCLUDED)[1] == date(2026, 4, 7)


def test_a_missed_step_holds_up_the_next_relative_step():
    steps = [
        Step(1, "person", due=date(2026, 3, 10), status="missed"),
        Step(2, "case_manager", within_days_after_previous=7),
    ]

    assert effective_due_dates(steps, concluded_on=CONCLUDED)[1] is None


# --- states -----------------------------------------------------------------------------------

def test_open_step_before_its_date_is_due_on_its_date_due_and_after_it_overdue():
    steps = [Step(1, "person", due=date(2026, 3, 20))]

    assert states(steps, date(2026, 3, 19)) == [("due", date(2026, 3, 20), 0)]
    assert states(steps, date(2026, 3, 20)) == [("due", date(2026, 3, 20), 0)]
    assert states(steps, date(2026, 3, 21)) == [("overdue", date(2026, 3, 20), 1)]
    assert states(steps, date(2026, 4, 20)) == [("overdue", date(2026, 3, 20), 31)]


def test_an_authority_step_waits_for_the_persons_preceding_steps_even_after_its_date():
    steps = [
        Step(1, "person", due=date(2026, 3, 10)),
        Step(2, "case_manager", due=date(2026, 3, 12)),
        Step(3, "authority", due=date(2026, 3, 15)),
    ]

    # On 1 April the person's step is 22 days late; the authority's date has passed, but it waits.
    assert states(steps, date(2026, 4, 1)) == [
        ("overdue", date(2026, 3, 10), 22),
        ("overdue", date(2026, 3, 12), 20),
        ("waiting", None, 0),
    ]


def test_an_authority_step_falls_due_once_the_person_steps_are_fulfilled_or_waived():
    steps = [
        Step(1, "person", due=date(2026, 3, 10), status="fulfilled", fulfilled_on=date(2026, 3, 9)),
        Step(2, "person", due=date(2026, 3, 11), status="waived", fulfilled_on=date(2026, 3, 11),
             status_reason="Proof given otherwise"),
        Step(3, "case_manager", due=date(2026, 3, 12)),  # an open case-manager step does not hold it up
        Step(4, "authority", due=date(2026, 3, 15)),
    ]

    assert states(steps, date(2026, 4, 1)) == [
        ("fulfilled", date(2026, 3, 10), 0),
        ("waived", date(2026, 3, 11), 0),
        ("overdue", date(2026, 3, 12), 20),
        ("overdue", date(2026, 3, 15), 17),
    ]


def test_only_preceding_person_steps_hold_up_the_authority():
    steps = [
        Step(1, "person", due=date(2026, 3, 10), status="fulfilled", fulfilled_on=date(2026, 3, 10)),
        Step(2, "authority", due=date(2026, 3, 20)),
        Step(3, "person", due=date(2026, 3, 30)),
    ]

    assert [state for state, _, _ in states(steps, date(2026, 3, 25))] == ["fulfilled", "overdue", "due"]


def test_an_authority_step_behind_a_missed_person_step_waits():
    steps = [
        Step(1, "person", due=date(2026, 3, 10), status="missed", status_reason="No appointment booked"),
        Step(2, "authority", due=date(2026, 3, 15)),
    ]

    assert states(steps, date(2026, 4, 1)) == [("missed", date(2026, 3, 10), 22), ("waiting", None, 0)]


def test_a_relative_authority_step_is_due_from_the_fulfilment_and_overdue_after():
    steps = [
        Step(1, "person", due=date(2026, 3, 10), status="fulfilled", fulfilled_on=date(2026, 3, 16)),
        Step(2, "authority", due=date(2026, 3, 24), within_days_after_previous=14),
    ]

    assert states(steps, date(2026, 3, 29)) == [("fulfilled", date(2026, 3, 10), 0), ("due", date(2026, 3, 30), 0)]
    assert states(steps, date(2026, 3, 31)) == [("fulfilled", date(2026, 3, 10), 0),
                                                ("overdue", date(2026, 3, 30), 1)]


def test_a_relative_step_after_an_open_step_waits_and_keeps_its_plan():
    steps = [
        Step(1, "person", due=date(2026, 3, 10)),
        Step(2, "person", due=date(2026, 3, 24), within_days_after_previous=14),
    ]

    views = step_views(steps, today=date(2026, 4, 1), in_force=True, concluded_on=CONCLUDED)
    assert [view.state for view in views] == ["overdue", "waiting"]
    assert views[1].effective_due is None
    assert views[1].planned_due == date(2026, 3, 24)


def test_a_step_without_any_date_is_due_but_never_overdue():
    steps = [Step(1, "case_manager")]

    assert states(steps, date(2030, 1, 1)) == [("due", None, 0)]


def test_in_a_draft_or_an_ended_agreement_open_steps_wait():
    steps = [Step(1, "person", due=date(2026, 3, 10)), Step(2, "authority", due=date(2026, 3, 15))]

    assert states(steps, date(2026, 4, 1), in_force=False, concluded_on=None) == [
        ("waiting", None, 0), ("waiting", None, 0)]


def test_a_missed_step_stays_missed_and_counts_its_days():
    steps = [Step(1, "person", due=date(2026, 3, 10), status="missed")]

    assert states(steps, date(2026, 3, 11)) == [("missed", date(2026, 3, 10), 1)]


def test_steps_are_taken_in_position_order_whatever_order_they_come_in():
    steps = [
        Step(2, "authority", within_days_after_previous=14),
        Step(1, "person", due=date(2026, 3, 10), status="fulfilled", fulfilled_on=date(2026, 3, 10)),
    ]

    views = step_views(steps, today=date(2026, 3, 11), in_force=True, concluded_on=CONCLUDED)
    assert [(view.position, view.state, view.effective_due) for view in views] == [
        (1, "fulfilled", date(2026, 3, 10)), (2, "due", date(2026, 3, 24))]


# --- the agreement as a whole -------------------------------------------------------------

def test_waived_counts_as_done_for_the_agreement():
    steps = [
        Step(1, "person", status="fulfilled", fulfilled_on=date(2026, 3, 10)),
        Step(2, "authority", status="waived", fulfilled_on=date(2026, 3, 12)),
    ]

    assert all_steps_settled(steps) is True


def test_an_open_or_missed_step_keeps_the_agreement_open_and_an_empty_one_is_not_fulfilled():
    fulfilled = Step(1, "person", status="fulfilled", fulfilled_on=date(2026, 3, 10))

    assert all_steps_settled([fulfilled, Step(2, "authority")]) is False
    assert all_steps_settled([fulfilled, Step(2, "person", status="missed")]) is False
    assert all_steps_settled([]) is False


def test_next_open_step_and_late_steps():
    steps = [
        Step(1, "person", due=date(2026, 3, 10), status="fulfilled", fulfilled_on=date(2026, 3, 10)),
        Step(2, "person", due=date(2026, 3, 12), status="missed"),
        Step(3, "person", due=date(2026, 3, 20)),
        Step(4, "authority", due=date(2026, 3, 25)),
    ]

    views = step_views(steps, today=date(2026, 3, 22), in_force=True, concluded_on=CONCLUDED)
    assert next_open_step(views).position == 3
    assert [(view.position, view.state, view.days_overdue) for view in late_steps(views)] == [
        (2, "missed", 10), (3, "overdue", 2)]


def test_the_view_says_when_a_proof_is_missing_and_when_a_step_was_settled():
    steps = [
        Step(1, "person", status="fulfilled", fulfilled_on=date(2026, 3, 10), proof_required="Terminbestätigung"),
        Step(2, "person", status="waived", fulfilled_on=date(2026, 3, 11), proof_required="Kopie",
             proof_document_id="doc-1", status_reason="Nicht nötig"),
        Step(3, "case_manager"),
    ]

    first, second, third = step_views(steps, today=date(2026, 3, 22), in_force=True, concluded_on=CONCLUDED)
    assert first.proof_missing is True and first.fulfilled_on == date(2026, 3, 10)
    assert second.proof_missing is False and second.fulfilled_on is None
    assert second.settled_on == date(2026, 3, 11) and second.status_reason == "Nicht nötig"
    assert third.proof_missing is False and third.settled_on is None
    assert StepState(third.state) is StepState.DUE
    assert {"position": 1, "state": "fulfilled", "due": None, "settled_on": "2026-03-10",
            "proof_required": "Terminbestätigung", "proof_document_id": None}.items() <= first.to_json().items()
