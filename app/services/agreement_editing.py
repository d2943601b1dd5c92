"""Drafting and amending Zug-um-Zug agreements: the agreement, its parties and its chain of steps.

Each function is one use case with its own transaction and audit entry (ids
and field names only) and returns the agreement as it is afterwards
(:class:`AgreementView`), so a screen can redraw the chain from it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.errors import ValidationError
from app.i18n import _
from app.models import Agreement, AgreementStep
from app.models.codes import AgreementStatus, StepStatus
from app.services import audit
from app.services.agreement_progress import settle_agreement_if_complete
from app.services.agreement_support import (
    MAX_TITLE_LENGTH,
    as_date,
    clean_days,
    clean_party,
    get_agreement,
    get_step,
    open_case,
    renumber,
    require_editable,
)
from app.services.agreement_templates import get_template, instantiate
from app.services.agreement_views import AgreementView, agreement_view
from app.services.lookup import actor
from app.services.validation import clean_text

# "Leave this field as it is" for edit_step, where None is a value (no date).
UNCHANGED: Any = object()


def create_agreement(
    vault,
    *,
    case_id: str,
    title: str = "",
    authority_name: str = "",
    authority_officer: str = "",
    other_parties: str | list[str] = "",
    template_id: str | None = None,
    start: date | str | None = None,
    user: str | None = None,
    today: date | None = None,
) -> AgreementView:
    """A draft agreement, with the steps of template ``template_id`` counted from ``start`` (default today),
    or with no steps. Without a title the template's title is used."""
    today = today or date.today()
    start_day = as_date(start, "start date") or today
    steps: list[dict[str, Any]] = []
    template_title = ""
    if template_id:
        template = get_template(template_id)
        steps = instantiate(template, start_day)
        template_title = template.title
    title_text = clean_text(title, "title", max_length=MAX_TITLE_LENGTH) or template_title
    if not title_text:
        raise ValidationError(_("An agreement needs a title."))
    if isinstance(other_parties, list | tuple):
        other_parties = "\n".join(clean_text(party, "other party") for party in other_parties if party)
    by = actor(vault, user)
    with vault.session() as session:
        case = open_case(session, case_id)
        agreement = Agreement(
            case_id=case.id,
            title=title_text,
            status=AgreementStatus.DRAFT.value,
            authority_name=clean_text(authority_name, "authority", max_length=300),
            authority_officer=clean_text(authority_officer, "responsible officer", max_length=200),
            other_parties=clean_text(other_parties, "other parties"),
            template=template_id or "",
            ended_reason="",
        )
        agreement.steps = [
            AgreementStep(
                position=step["position"],
                party=step["party"],
                action=step["action"],
                due=step["due"],
                within_days_after_previous=step["within_days_after_previous"],
                proof_required=step["proof_required"] or "",
                status=StepStatus.OPEN.value,
                status_reason="",
            )
            for step in steps
        ]
        session.add(agreement)
        session.flush()
        detail = f"agreement_id={agreement.id} steps={len(steps)}"
        if template_id:
            detail += f" template={template_id}"
        audit.record(session, by, "agreement.create", case.id, detail)
        return agreement_view(agreement, today)


def update_agreement(
    vault,
    agreement_id: str,
    *,
    title: str | None = None,
    authority_name: str | None = None,
    authority_officer: str | None = None,
    other_parties: str | None = None,
    user: str | None = None,
    today: date | None = None,
) -> AgreementView:
    """Change the title or the parties (None leaves a field as it is)."""
    by = actor(vault, user)
    with vault.session() as session:
        agreement = get_agreement(session, agreement_id)
        open_case(session, agreement.case_id)
        require_editable(agreement)
        changed = []
        if title is not None:
            agreement.title = clean_text(title, "title", required=True, max_length=MAX_TITLE_LENGTH)
            changed.append("title")
        if authority_name is not None:
            agreement.authority_name = clean_text(authority_name, "authority", max_length=300)
            changed.append("authority_name")
        if authority_officer is not None:
            agreement.authority_officer = clean_text(authority_officer, "responsible officer", max_length=200)
            changed.append("authority_officer")
        if other_parties is not None:
            agreement.other_parties = clean_text(other_parties, "other parties")
            changed.append("other_parties")
        audit.record(session, by, "agreement.update", agreement.case_id,
                     f"agreement_id={agreement.id} fields={','.join(changed)}")
        return agreement_view(agreement, today or date.today())


def add_step(
    vault,
    agreement_id: str,
    *,
    party: str,
    action: str,
    due: date | str | None = None,
    within_days_after_previous: int | None = None,
    proof_required: str = "",
    position: int | None = None,
    user: str | None = None,
    today: date | None = None,
) -> AgreementView:
    """Add a step at ``position`` (1-based; default: at the end). It is due on ``due``, or
    ``within_days_after_previous`` days after the previous step is settled."""
    step = AgreementStep(
        party=clean_party(party),
        action=clean_text(action, "action", required=True),
        due=as_date(due, "due date"),
        within_days_after_previous=clean_days(within_days_after_previous),
        proof_required=clean_text(proof_required, "proof required"),
        status=StepStatus.OPEN.value,
        status_reason="",
    )
    by = actor(vault, user)
    with vault.session() as session:
        agreement = get_agreement(session, agreement_id)
        open_case(session, agreement.case_id)
        require_editable(agreement)
        index = _index_for(position, len(agreement.steps) + 1)
        agreement.steps.insert(index, step)
        renumber(agreement)
        session.flush()
        audit.record(session, by, "agreement.step_add", agreement.case_id,
                     f"agreement_id={agreement.id} step_id={step.id} position={step.position}")
        return agreement_view(agreement, today or date.today())


def edit_step(
    vault,
    step_id: str,
    *,
    party: str = UNCHANGED,
    action: str = UNCHANGED,
    due: date | str | None = UNCHANGED,
    within_days_after_previous: int | None = UNCHANGED,
    proof_required: str = UNCHANGED,
    user: str | None = None,
    today: date | None = None,
) -> AgreementView:
    """Change what a step says; fields left out stay as they are (``due=None`` removes the date)."""
    by = actor(vault, user)
    with vault.session() as session:
        step, agreement = get_step(session, step_id)
        open_case(session, agreement.case_id)
        require_editable(agreement)
        changed = []
        if party is not UNCHANGED:
            step.party = clean_party(party)
            changed.append("party")
        if action is not UNCHANGED:
            step.action = clean_text(action, "action", required=True)
            changed.append("action")
        if due is not UNCHANGED:
            step.due = as_date(due, "due date")
            changed.append("due")
        if within_days_after_previous is not UNCHANGED:
            step.within_days_after_previous = clean_days(within_days_after_previous)
            changed.append("within_days_after_previous")
        if proof_required is not UNCHANGED:
            step.proof_required = clean_text(proof_required, "proof required")
            changed.append("proof_required")
        audit.record(session, by, "agreement.step_edit", agreement.case_id,
                     f"agreement_id={agreement.id} step_id={step.id} fields={','.join(changed)}")
        return agreement_view(agreement, today or date.today())


def move_step(
    vault, step_id: str, *, to_position: int, user: str | None = None, today: date | None = None
) -> AgreementView:
    """Move a step to ``to_position`` (1-based) in its chain."""
    by = actor(vault, user)
    with vault.session() as session:
        step, agreement = get_step(session, step_id)
        open_case(session, agreement.case_id)
        require_editable(agreement)
        agreement.steps.remove(step)
        agreement.steps.insert(_index_for(to_position, len(agreement.steps) + 1), step)
        renumber(agreement)
        audit.record(session, by, "agreement.step_move", agreement.case_id,
                     f"agreement_id={agreement.id} step_id={step.id} position={step.position}")
        return agreement_view(agreement, today or date.today())


def reorder_steps(
    vault, agreement_id: str, step_ids: list[str], *, user: str | None = None, today: date | None = None
) -> AgreementView:
    """Put the chain in the order of ``step_ids``, which must name each of its steps once."""
    by = actor(vault, user)
    with vault.session() as session:
        agreement = get_agreement(session, agreement_id)
        open_case(session, agreement.case_id)
        require_editable(agreement)
        by_id = {step.id: step for step in agreement.steps}
        if sorted(step_ids) != sorted(by_id):
            raise ValidationError(_("The new order must name each step of the agreement exactly once."))
        for position, step_id in enumerate(step_ids, start=1):
            by_id[step_id].position = position
        session.flush()
        session.expire(agreement, ["steps"])
        audit.record(session, by, "agreement.step_reorder", agreement.case_id, f"agreement_id={agreement.id}")
        return agreement_view(agreement, today or date.today())


def remove_step(vault, step_id: str, *, user: str | None = None, today: date | None = None) -> AgreementView:
    """Remove a step. In an agreement in force only open steps can go (what happened stays on record);
    if the remaining steps are all settled, the agreement is fulfilled."""
    today = today or date.today()
    by = actor(vault, user)
    with vault.session() as session:
        step, agreement = get_step(session, step_id)
        open_case(session, agreement.case_id)
        require_editable(agreement)
        if agreement.status == AgreementStatus.IN_FORCE and step.status != StepStatus.OPEN:
            raise ValidationError(
                _("Only an open step can be removed from an agreement in force; a fulfilled, missed or waived "
                  "step stays on record.")
            )
        if agreement.status == AgreementStatus.IN_FORCE and len(agreement.steps) == 1:
            raise ValidationError(_("The last step of an agreement in force cannot be removed; end the agreement instead."))
        agreement.steps.remove(step)
        renumber(agreement)
        audit.record(session, by, "agreement.step_remove", agreement.case_id,
                     f"agreement_id={agreement.id} step_id={step_id}")
        settle_agreement_if_complete(session, agreement, by)
        return agreement_view(agreement, today)


def delete_agreement(vault, agreement_id: str, *, user: str | None = None) -> None:
    """Delete a draft. An agreement that was concluded is ended with a reason instead, never deleted."""
    by = actor(vault, user)
    with vault.session() as session:
        agreement = get_agreement(session, agreement_id)
        open_case(session, agreement.case_id)
        if agreement.status != AgreementStatus.DRAFT:
            raise ValidationError(_("Only a draft can be deleted; end an agreement that was concluded, with a reason."))
        session.delete(agreement)
        audit.record(session, by, "agreement.delete", agreement.case_id, f"agreement_id={agreement_id}")


def _index_for(position: int | None, last_position: int) -> int:
    """The list index for a 1-based position from 1 to ``last_position`` (None: the end)."""
    if position is None:
        return last_position - 1
    if isinstance(position, bool) or not isinstance(position, int) or not 1 <= position <= last_position:
        raise ValidationError(_("The position must be a number from 1 to {last_position}.").format(last_position=last_position))
    return position - 1
