"""Shared checks of the agreement services: finding rows, reading dates (as the case file does), step fields."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.errors import NotFoundError, ValidationError
from app.i18n import _
from app.models import Agreement, AgreementStep, Case
from app.models.codes import AgreementStatus, CaseStatus, StepParty
from app.services import validation

PARTIES = tuple(party.value for party in StepParty)
MAX_TITLE_LENGTH = 300


def as_date(value: date | str | None, label: str, *, required: bool = False) -> date | None:
    """A ``date``, or ``YYYY-MM-DD`` (or ``DD.MM.YYYY``) text, as everywhere in the case file."""
    return validation.require_date(value, label) if required else validation.parse_date(value, label)


def not_in_future(day: date, label: str, today: date) -> date:
    validation.not_in_future(day, label, on=today)
    return day


def clean_party(value: str) -> str:
    if value not in PARTIES:
        raise ValidationError(
            _("A step's party must be one of {parties}, not '{value}'.").format(parties=", ".join(PARTIES), value=value)
        )
    return value


def clean_days(value: int | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError(_("The days after the previous step must be a whole number of 0 or more."))
    return value


def open_case(session: Session, case_id: str) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFoundError(_("No case with id {case_id}.").format(case_id=case_id))
    if case.status == CaseStatus.CLOSED:
        raise ValidationError(_("The case {ref} is closed; its agreements can no longer change.").format(ref=case.ref))
    return case


def get_agreement(session: Session, agreement_id: str) -> Agreement:
    agreement = session.get(Agreement, agreement_id)
    if agreement is None:
        raise NotFoundError(_("No agreement with id {agreement_id}.").format(agreement_id=agreement_id))
    return agreement


def get_step(session: Session, step_id: str) -> tuple[AgreementStep, Agreement]:
    step = session.get(AgreementStep, step_id)
    if step is None:
        raise NotFoundError(_("No agreement step with id {step_id}.").format(step_id=step_id))
    return step, get_agreement(session, step.agreement_id)


def require_editable(agreement: Agreement) -> None:
    """Steps can be planned in a draft and amended while in force, not after the end."""
    if agreement.status == AgreementStatus.FULFILLED:
        raise ValidationError(_("The agreement is fulfilled; its steps can no longer change."))
    if agreement.status == AgreementStatus.ENDED:
        raise ValidationError(_("The agreement has ended; its steps can no longer change."))


def require_in_force(agreement: Agreement) -> None:
    """Progress (fulfilled, missed, waived) is recorded only on an agreement in force."""
    if agreement.status == AgreementStatus.DRAFT:
        raise ValidationError(_("The agreement is still a draft: conclude it before recording the progress of a step."))
    require_editable(agreement)


def renumber(agreement: Agreement) -> None:
    """Positions 1..n in the current order of ``agreement.steps``."""
    for index, step in enumerate(agreement.steps, start=1):
        step.position = index
