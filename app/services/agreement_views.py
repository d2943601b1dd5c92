"""Zug-um-Zug agreements as plain data: one agreement with its chain, a case's agreements,
and the overview across cases (agreements in force, overdue first).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.errors import NotFoundError
from app.models import Agreement, Case, Person
from app.models.codes import AgreementStatus, CaseStatus
from app.services.agreement_steps import StepView, late_steps, next_open_step, step_views


@dataclass(frozen=True)
class AgreementView:
    """An agreement with its steps as views (see :class:`StepView`), detached from the session."""

    id: str
    case_id: str
    title: str
    status: str  # AgreementStatus
    concluded_on: date | None
    authority_name: str
    authority_officer: str
    other_parties: str
    ended_reason: str
    template: str
    steps: list[StepView] = field(default_factory=list)

    @property
    def next_step(self) -> StepView | None:
        return next_open_step(self.steps)

    @property
    def late_steps(self) -> list[StepView]:
        """Overdue and missed steps."""
        return late_steps(self.steps)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "status": self.status,
            "concluded_on": self.concluded_on.isoformat() if self.concluded_on else None,
            "authority_name": self.authority_name,
            "authority_officer": self.authority_officer,
            "other_parties": self.other_parties,
            "ended_reason": self.ended_reason,
            "template": self.template,
            "steps": [step.to_json() for step in self.steps],
        }


@dataclass(frozen=True)
class AgreementSummary:
    """A line of the agreements overview: where an agreement in force stands."""

    agreement_id: str
    case_id: str
    ref: str
    name: str
    title: str
    concluded_on: date | None
    next_step: StepView | None
    late_steps: list[StepView]
    steps_total: int
    steps_settled: int

    @property
    def days_overdue(self) -> int:
        """How late the latest-running step is (0 when none is late)."""
        return max((step.days_overdue for step in self.late_steps), default=0)


def agreement_view(agreement: Agreement, today: date) -> AgreementView:
    """The view of a loaded agreement (its steps are read here)."""
    return AgreementView(
        id=agreement.id,
        case_id=agreement.case_id,
        title=agreement.title,
        status=agreement.status,
        concluded_on=agreement.concluded_on,
        authority_name=agreement.authority_name,
        authority_officer=agreement.authority_officer,
        other_parties=agreement.other_parties,
        ended_reason=agreement.ended_reason,
        template=agreement.template,
        steps=step_views(
            agreement.steps,
            today=today,
            in_force=agreement.status == AgreementStatus.IN_FORCE,
            concluded_on=agreement.concluded_on,
        ),
    )


def case_agreements(session: Session, case_id: str, today: date) -> list[AgreementView]:
    """A case's agreements, those in force first, then drafts, fulfilled and ended ones."""
    if session.get(Case, case_id) is None:
        raise NotFoundError(f"No case with id {case_id}.")
    agreements = session.scalars(
        select(Agreement).where(Agreement.case_id == case_id).options(selectinload(Agreement.steps))
    ).all()
    order = {status.value: index for index, status in enumerate(
        (AgreementStatus.IN_FORCE, AgreementStatus.DRAFT, AgreementStatus.FULFILLED, AgreementStatus.ENDED)
    )}
    views = [agreement_view(agreement, today) for agreement in agreements]
    return sorted(views, key=lambda view: (order.get(view.status, 9), view.concluded_on or date.max, view.title))


def agreements_overview(session: Session, today: date) -> list[AgreementSummary]:
    """Agreements in force across all open cases with their next step and late steps.

    Agreements with late (overdue or missed) steps come first, the latest
    running first; then the others by their next step's due date.
    """
    rows = session.execute(
        select(Agreement, Case.ref, Person.given_names, Person.family_name)
        .join(Case, Case.id == Agreement.case_id)
        .join(Person, Person.id == Case.person_id)
        .where(Agreement.status == AgreementStatus.IN_FORCE, Case.status != CaseStatus.CLOSED)
        .options(selectinload(Agreement.steps))
    ).all()
    summaries = []
    for agreement, ref, given, family in rows:
        view = agreement_view(agreement, today)
        summaries.append(AgreementSummary(
            agreement_id=view.id,
            case_id=view.case_id,
            ref=ref,
            name=_name(given, family),
            title=view.title,
            concluded_on=view.concluded_on,
            next_step=view.next_step,
            late_steps=view.late_steps,
            steps_total=len(view.steps),
            steps_settled=sum(1 for step in view.steps if step.state in ("fulfilled", "waived")),
        ))

    def order(summary: AgreementSummary) -> tuple:
        next_due = summary.next_step.effective_due if summary.next_step else None
        return (not summary.late_steps, -summary.days_overdue, next_due or date.max, summary.ref)

    return sorted(summaries, key=order)


def _name(given: str, family: str) -> str:
    return " ".join(part for part in (given, family) if part)
