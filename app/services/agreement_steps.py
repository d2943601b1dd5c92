"""The logic of a Zug-um-Zug step chain: when each step falls due and what state it is in.

Pure functions over anything with the step attributes (the ORM's
``AgreementStep``, a SQL row, a test's dataclass), so the case view, the
deadline list, the agreements overview and the printed agreement all agree.

The rules (DOMAIN.md, "Zug-um-Zug agreement"):

* A step is due on its fixed ``due`` date, or — when it has
  ``within_days_after_previous`` — that many days after the previous step was
  settled (fulfilled or waived). Until then it has no effective due date: it
  is *waiting*. The first step of a chain counts from the day the agreement
  was concluded. A template fills ``due`` of a relative step with the planned
  date; that plan is shown (``planned_due``) but the chain counts from the
  real day the previous step was settled.
* A step of the authority falls due only when the person's preceding steps
  are fulfilled or waived; until then it is *waiting*, even after its date.
* An open step whose effective due date has passed is *overdue* at once; a
  step recorded as missed stays *missed*.
* Only an agreement in force has steps that fall due: in a draft or an ended
  agreement the open steps are *waiting*.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Protocol

from app.models.codes import StepParty, StepStatus

# Plain strings: these are compared for every step of every agreement on each overview refresh.
FULFILLED, WAIVED, MISSED = StepStatus.FULFILLED.value, StepStatus.WAIVED.value, StepStatus.MISSED.value
PERSON, AUTHORITY = StepParty.PERSON.value, StepParty.AUTHORITY.value
SETTLED = frozenset({FULFILLED, WAIVED})


class StepState(StrEnum):
    """What a step means today, for colours in the chain and for the deadline list."""

    WAITING = "waiting"  # not yet due: the previous step or the person's steps come first
    DUE = "due"  # open, due today or later (or with no date)
    OVERDUE = "overdue"  # open and its effective due date has passed
    FULFILLED = "fulfilled"
    MISSED = "missed"
    WAIVED = "waived"


class StepLike(Protocol):
    """The attributes the chain logic reads (``AgreementStep`` has them all)."""

    position: int
    party: str
    due: date | None
    within_days_after_previous: int | None
    status: str
    fulfilled_on: date | None


@dataclass(frozen=True)
class StepView:
    """One step as the GUI's two-column chain and the printed agreement show it.

    ``effective_due`` is the day the step is due now (None while waiting, or
    when the step has no date at all); ``planned_due`` the stored date (for a
    relative step, the plan from the template). ``settled_on`` is the day it
    was fulfilled or waived; ``fulfilled_on`` only for a fulfilled step.
    ``days_overdue`` counts for overdue and missed steps, else 0.
    """

    id: str
    position: int
    party: str
    action: str
    effective_due: date | None
    state: str  # StepState
    days_overdue: int
    planned_due: date | None
    within_days_after_previous: int | None
    proof_required: str
    proof_document_id: str | None
    status: str  # StepStatus, as stored
    status_reason: str
    settled_on: date | None

    @property
    def fulfilled_on(self) -> date | None:
        return self.settled_on if self.status == StepStatus.FULFILLED else None

    @property
    def proof_missing(self) -> bool:
        """A proof is asked for and no document is linked yet."""
        return bool(self.proof_required.strip()) and self.proof_document_id is None

    @property
    def is_open(self) -> bool:
        return self.status == StepStatus.OPEN

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "position": self.position,
            "party": self.party,
            "action": self.action,
            "due": _iso(self.effective_due),
            "planned_due": _iso(self.planned_due),
            "within_days_after_previous": self.within_days_after_previous,
            "state": self.state,
            "days_overdue": self.days_overdue,
            "status": self.status,
            "status_reason": self.status_reason,
            "settled_on": _iso(self.settled_on),
            "proof_required": self.proof_required,
            "proof_document_id": self.proof_document_id,
        }


def in_chain_order(steps: Sequence[StepLike]) -> list[StepLike]:
    # Two devices may reorder the same chain concurrently and leave equal positions; the id
    # keeps the order stable everywhere until the chain is renumbered.
    return sorted(steps, key=lambda step: (step.position, getattr(step, "id", "") or ""))


def effective_due_dates(steps: Sequence[StepLike], *, concluded_on: date | None) -> list[date | None]:
    """The effective due date of each step, in chain order (``steps`` must be in chain order).

    A relative step counts from the day the previous step was settled (the
    first step from ``concluded_on``); while that has not happened it has
    none. A waived step without a date passes on the date it was due.
    """
    dues: list[date | None] = []
    anchor = concluded_on  # the day the previous step was settled
    for step in steps:
        if step.within_days_after_previous is not None:
            due = anchor + timedelta(days=step.within_days_after_previous) if anchor is not None else None
        else:
            due = step.due
        dues.append(due)
        anchor = (step.fulfilled_on or due) if step.status in SETTLED else None
    return dues


def step_states(
    steps: Sequence[StepLike], *, today: date, in_force: bool, concluded_on: date | None
) -> list[tuple[date | None, StepState, int]]:
    """(effective due, state, days overdue) per step, in chain order (``steps`` must be in chain order)."""
    dues = effective_due_dates(steps, concluded_on=concluded_on)
    results: list[tuple[date | None, StepState, int]] = []
    person_steps_settled = True  # all person steps so far fulfilled or waived
    for step, due in zip(steps, dues, strict=True):
        late_by = (today - due).days if due is not None and due < today else 0
        status = step.status
        if status == FULFILLED:
            results.append((due, StepState.FULFILLED, 0))
        elif status == WAIVED:
            results.append((due, StepState.WAIVED, 0))
        elif status == MISSED:
            results.append((due, StepState.MISSED, late_by))
        else:
            waiting = (
                not in_force
                # The authority acts only once the person has done (or been let off) their part.
                or (step.party == AUTHORITY and not person_steps_settled)
                # A relative step whose previous step is not settled yet has no date.
                or (step.within_days_after_previous is not None and due is None)
            )
            if waiting:
                results.append((due, StepState.WAITING, 0))
            elif late_by > 0:
                results.append((due, StepState.OVERDUE, late_by))
            else:
                results.append((due, StepState.DUE, 0))
        if step.party == PERSON and status not in SETTLED:
            person_steps_settled = False
    return results


def step_views(
    steps: Sequence, *, today: date, in_force: bool, concluded_on: date | None
) -> list[StepView]:
    """The chain as views, in chain order; ``steps`` need ``id``, ``action``, ``proof_required``,
    ``proof_document_id`` and ``status_reason`` besides the :class:`StepLike` attributes."""
    ordered = in_chain_order(steps)
    states = step_states(ordered, today=today, in_force=in_force, concluded_on=concluded_on)
    return [_view(step, *state) for step, state in zip(ordered, states, strict=True)]


@dataclass(frozen=True)
class ChainSummary:
    """Where a chain stands, for overviews: built without a view for every step."""

    next_step: StepView | None
    late_steps: list[StepView]
    steps_total: int
    steps_settled: int


def chain_summary(steps: Sequence, *, today: date, in_force: bool, concluded_on: date | None) -> ChainSummary:
    """The first open step and the overdue or missed steps of a chain (same attributes as :func:`step_views`)."""
    ordered = in_chain_order(steps)
    states = step_states(ordered, today=today, in_force=in_force, concluded_on=concluded_on)
    next_step = None
    late = []
    settled = 0
    for step, state in zip(ordered, states, strict=True):
        if step.status in SETTLED:
            settled += 1
        elif next_step is None and step.status == StepStatus.OPEN:
            next_step = _view(step, *state)
        if state[1] in (StepState.OVERDUE, StepState.MISSED):
            late.append(next_step if next_step is not None and next_step.id == step.id else _view(step, *state))
    return ChainSummary(next_step, late, len(ordered), settled)


def _view(step, due: date | None, state: StepState, late_by: int) -> StepView:
    return StepView(
        id=step.id,
        position=step.position,
        party=step.party,
        action=step.action,
        # A waiting step has no effective due date yet, even if its plan or fixed date is known.
        effective_due=due if state != StepState.WAITING else None,
        state=state.value,
        days_overdue=late_by,
        planned_due=step.due,
        within_days_after_previous=step.within_days_after_previous,
        proof_required=step.proof_required or "",
        proof_document_id=step.proof_document_id,
        status=step.status,
        status_reason=step.status_reason or "",
        settled_on=step.fulfilled_on if step.status in SETTLED else None,
    )


def all_steps_settled(steps: Sequence[StepLike]) -> bool:
    """True when the chain has steps and each is fulfilled or waived: the agreement is fulfilled."""
    return bool(steps) and all(step.status in SETTLED for step in steps)


def next_open_step(views: Sequence[StepView]) -> StepView | None:
    """The first open step in chain order (due, overdue or waiting), or None."""
    return next((view for view in views if view.is_open), None)


def late_steps(views: Sequence[StepView]) -> list[StepView]:
    """Steps that need attention now: overdue ones and ones recorded as missed."""
    return [view for view in views if view.state in (StepState.OVERDUE, StepState.MISSED)]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None
