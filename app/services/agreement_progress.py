"""The life of an agreement: concluded, steps fulfilled, missed or waived, fulfilled or ended.

An agreement is fulfilled by itself when its last open step is fulfilled or
waived. Each function is one transaction with an audit entry (ids only; the
reasons people give stay in the case file, not in the log).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.errors import NotFoundError, ValidationError
from app.formatting import format_date
from app.i18n import _
from app.models import Agreement, Document
from app.models.codes import AgreementStatus, StepStatus
from app.services import audit
from app.services.agreement_steps import StepState, all_steps_settled
from app.services.agreement_support import (
    as_date,
    get_agreement,
    get_step,
    not_in_future,
    open_case,
    require_in_force,
)
from app.services.agreement_views import AgreementView, agreement_view
from app.services.lookup import actor
from app.services.validation import clean_text


def conclude_agreement(
    vault, agreement_id: str, *, on: date | str | None = None, user: str | None = None, today: date | None = None
) -> AgreementView:
    """A draft comes into force on ``on`` (default today): its steps start to fall due."""
    today = today or date.today()
    day = not_in_future(as_date(on, "date of conclusion") or today, "date of conclusion", today)
    by = actor(vault, user)
    with vault.session() as session:
        agreement = get_agreement(session, agreement_id)
        open_case(session, agreement.case_id)
        if agreement.status != AgreementStatus.DRAFT:
            raise ValidationError(_("Only a draft can be concluded; this agreement was concluded before."))
        if not agreement.steps:
            raise ValidationError(_("An agreement needs at least one step before it can be concluded."))
        if not agreement.authority_name.strip():
            raise ValidationError(_("Name the foreign nationals authority before concluding the agreement."))
        agreement.status = AgreementStatus.IN_FORCE.value
        agreement.concluded_on = day
        audit.record(session, by, "agreement.conclude", agreement.case_id, f"agreement_id={agreement.id}")
        return agreement_view(agreement, today)


def fulfil_step(
    vault,
    step_id: str,
    *,
    on: date | str,
    proof_document_id: str | None = None,
    user: str | None = None,
    today: date | None = None,
) -> AgreementView:
    """Record that a step was fulfilled on ``on``, with the document that proves it if there is one.

    A missed step can still be fulfilled late. The last settled step fulfils the agreement.
    """
    today = today or date.today()
    day = not_in_future(as_date(on, "date the step was fulfilled", required=True), "date the step was fulfilled", today)
    by = actor(vault, user)
    with vault.session() as session:
        step, agreement = get_step(session, step_id)
        open_case(session, agreement.case_id)
        require_in_force(agreement)
        if step.status == StepStatus.FULFILLED:
            raise ValidationError(_("This step is already fulfilled; reopen it first to correct the date."))
        if step.status == StepStatus.WAIVED:
            raise ValidationError(_("This step was waived; reopen it first to record it as fulfilled."))
        if proof_document_id:
            step.proof_document_id = _proof_document(session, agreement, proof_document_id).id
        step.status = StepStatus.FULFILLED.value
        step.fulfilled_on = day
        step.status_reason = ""
        detail = f"agreement_id={agreement.id} step_id={step.id}"
        if proof_document_id:
            detail += f" document_id={proof_document_id}"
        audit.record(session, by, "agreement.step_fulfil", agreement.case_id, detail)
        settle_agreement_if_complete(session, agreement, by)
        return agreement_view(agreement, today)


def miss_step(
    vault, step_id: str, *, reason: str = "", user: str | None = None, today: date | None = None
) -> AgreementView:
    """Record that an open step was missed; it stays visible as missed until fulfilled late or waived.

    Only a step that has fallen due can be missed: one that still waits for earlier steps, or whose
    due date is still ahead, has not been missed yet (a step without any date can be).
    """
    today = today or date.today()
    by = actor(vault, user)
    with vault.session() as session:
        step, agreement = get_step(session, step_id)
        open_case(session, agreement.case_id)
        require_in_force(agreement)
        if step.status != StepStatus.OPEN:
            raise ValidationError(_("Only an open step can be recorded as missed."))
        _require_fallen_due(agreement, step.id, today)
        step.status = StepStatus.MISSED.value
        step.status_reason = clean_text(reason, "reason")
        audit.record(session, by, "agreement.step_miss", agreement.case_id,
                     f"agreement_id={agreement.id} step_id={step.id}")
        return agreement_view(agreement, today)


def waive_step(
    vault,
    step_id: str,
    *,
    reason: str,
    on: date | str | None = None,
    user: str | None = None,
    today: date | None = None,
) -> AgreementView:
    """Waive an open or missed step, with the reason (required). A waived step counts as done: the
    next step counts from ``on`` (default today), and the person's waived steps no longer hold up
    the authority."""
    today = today or date.today()
    reason_text = clean_text(reason, "reason")
    if not reason_text:
        raise ValidationError(_("Give a reason for waiving the step."))
    day = not_in_future(as_date(on, "date the step was waived") or today, "date the step was waived", today)
    by = actor(vault, user)
    with vault.session() as session:
        step, agreement = get_step(session, step_id)
        open_case(session, agreement.case_id)
        require_in_force(agreement)
        if step.status not in (StepStatus.OPEN, StepStatus.MISSED):
            raise ValidationError(_("Only an open or missed step can be waived."))
        step.status = StepStatus.WAIVED.value
        step.status_reason = reason_text
        # The day the step was settled; the chain counts the next step from it.
        step.fulfilled_on = day
        audit.record(session, by, "agreement.step_waive", agreement.case_id,
                     f"agreement_id={agreement.id} step_id={step.id}")
        settle_agreement_if_complete(session, agreement, by)
        return agreement_view(agreement, today)


def reopen_step(vault, step_id: str, *, user: str | None = None, today: date | None = None) -> AgreementView:
    """Correct a mistake: a fulfilled, missed or waived step is open again (its proof stays linked).
    An agreement that was fulfilled by that step is in force again."""
    by = actor(vault, user)
    with vault.session() as session:
        step, agreement = get_step(session, step_id)
        open_case(session, agreement.case_id)
        if agreement.status not in (AgreementStatus.IN_FORCE, AgreementStatus.FULFILLED):
            raise ValidationError(_("Steps can be reopened only in an agreement in force or fulfilled."))
        if step.status == StepStatus.OPEN:
            raise ValidationError(_("This step is open already."))
        step.status = StepStatus.OPEN.value
        step.fulfilled_on = None
        step.status_reason = ""
        detail = f"agreement_id={agreement.id} step_id={step.id}"
        audit.record(session, by, "agreement.step_reopen", agreement.case_id, detail)
        if agreement.status == AgreementStatus.FULFILLED:
            agreement.status = AgreementStatus.IN_FORCE.value
            audit.record(session, by, "agreement.reopen", agreement.case_id, f"agreement_id={agreement.id}")
        return agreement_view(agreement, today or date.today())


def set_step_proof(
    vault, step_id: str, *, proof_document_id: str | None, user: str | None = None, today: date | None = None
) -> AgreementView:
    """Link the document that proves a step (a proof often arrives after the step), or unlink it (None)."""
    by = actor(vault, user)
    with vault.session() as session:
        step, agreement = get_step(session, step_id)
        open_case(session, agreement.case_id)
        if proof_document_id:
            step.proof_document_id = _proof_document(session, agreement, proof_document_id).id
        else:
            step.proof_document_id = None
        audit.record(session, by, "agreement.step_proof", agreement.case_id,
                     f"agreement_id={agreement.id} step_id={step.id} document_id={proof_document_id or ''}")
        return agreement_view(agreement, today or date.today())


def end_agreement(
    vault, agreement_id: str, *, reason: str, user: str | None = None, today: date | None = None
) -> AgreementView:
    """End a draft or an agreement in force before it is fulfilled, with the reason (required)."""
    reason_text = clean_text(reason, "reason")
    if not reason_text:
        raise ValidationError(_("Give a reason for ending the agreement."))
    by = actor(vault, user)
    with vault.session() as session:
        agreement = get_agreement(session, agreement_id)
        open_case(session, agreement.case_id)
        if agreement.status == AgreementStatus.FULFILLED:
            raise ValidationError(_("The agreement is fulfilled; there is nothing left to end."))
        if agreement.status == AgreementStatus.ENDED:
            raise ValidationError(_("The agreement has ended already."))
        agreement.status = AgreementStatus.ENDED.value
        agreement.ended_reason = reason_text
        audit.record(session, by, "agreement.end", agreement.case_id, f"agreement_id={agreement.id}")
        return agreement_view(agreement, today or date.today())


def settle_agreement_if_complete(session: Session, agreement: Agreement, by: str) -> bool:
    """An agreement in force whose steps are all fulfilled or waived is fulfilled; True if that happened."""
    if agreement.status != AgreementStatus.IN_FORCE or not all_steps_settled(agreement.steps):
        return False
    agreement.status = AgreementStatus.FULFILLED.value
    audit.record(session, by, "agreement.fulfilled", agreement.case_id, f"agreement_id={agreement.id}")
    return True


def _require_fallen_due(agreement: Agreement, step_id: str, today: date) -> None:
    view = next(view for view in agreement_view(agreement, today).steps if view.id == step_id)
    if view.state == StepState.WAITING:
        raise ValidationError(_("This step is not due yet: it waits for the steps before it, so it cannot be missed."))
    if view.state == StepState.DUE and view.effective_due is not None:
        raise ValidationError(
            _("This step is due on {date}; it can be recorded as missed only after that day.").format(
                date=format_date(view.effective_due))
        )


def _proof_document(session: Session, agreement: Agreement, document_id: str) -> Document:
    document = session.get(Document, document_id)
    if document is None:
        raise NotFoundError(_("No document with id {document_id}.").format(document_id=document_id))
    if document.case_id != agreement.case_id:
        raise ValidationError(_("The proof document belongs to another case."))
    return document
