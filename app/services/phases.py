"""The DGCC cycle's rules: which phase comes next and what must be recorded first.

Case management: intake → assessment → planning → implementation → monitoring
→ closed, no phase skipped. Going back (re-assessment, re-planning) is allowed;
closing is allowed from any phase with a reason. A Verweisberatung (referral
advice) goes from intake straight to closed once a referral is recorded.

The rules work on :class:`PhaseFacts`, so the case view can compute "what is
still missing" from data it already loaded, without extra queries.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.code_labels import phase_label
from app.errors import ValidationError
from app.i18n import _
from app.models import Assessment, Case, Goal, Referral
from app.models.codes import PHASES, CaseType, Phase

_CM_ORDER = (Phase.INTAKE, Phase.ASSESSMENT, Phase.PLANNING, Phase.IMPLEMENTATION, Phase.MONITORING, Phase.CLOSED)
_RA_ORDER = (Phase.INTAKE, Phase.CLOSED)


@dataclass(frozen=True)
class PhaseFacts:
    case_type: str
    phase: str
    consent_to_case_management: bool
    assessments_with_need: int
    goals: int
    referrals: int
    closing_reason: str = ""


def phase_order(case_type: str) -> tuple[str, ...]:
    order = _RA_ORDER if case_type == CaseType.REFERRAL_ADVICE else _CM_ORDER
    return tuple(phase.value for phase in order)


def next_phase(case_type: str, phase: str) -> str | None:
    order = phase_order(case_type)
    if phase not in order:
        return None
    index = order.index(phase)
    return order[index + 1] if index + 1 < len(order) else None


def missing_for_phase(facts: PhaseFacts, target: str) -> list[str]:
    """What must be recorded before the case may enter ``target`` (empty: nothing)."""
    missing = []
    if target == Phase.ASSESSMENT and not facts.consent_to_case_management:
        missing.append(_("the person's consent to case management (recorded at intake)"))
    if target == Phase.PLANNING and facts.assessments_with_need < 1:
        missing.append(_("an assessment with a need level in at least one goal area"))
    if target in (Phase.IMPLEMENTATION, Phase.MONITORING) and facts.goals < 1:
        missing.append(_("at least one goal"))
    if target == Phase.CLOSED:
        if not facts.closing_reason:
            missing.append(_("a closing reason"))
        if facts.case_type == CaseType.REFERRAL_ADVICE and facts.referrals < 1:
            missing.append(_("a referral to the responsible agency (the handover of the Verweisberatung)"))
    return missing


def missing_for_next_phase_from_facts(facts: PhaseFacts) -> list[str]:
    target = next_phase(facts.case_type, facts.phase)
    return missing_for_phase(facts, target) if target else []


def check_transition(facts: PhaseFacts, target: str) -> None:
    """Raise a ValidationError that names the next phase or the missing data."""
    if target not in PHASES:
        raise ValidationError(
            _("Unknown phase '{target}': use one of {phases}.").format(target=target, phases=", ".join(PHASES))
        )
    if target == facts.phase:
        raise ValidationError(_("The case is already in the {target} phase.").format(target=phase_label(target)))
    if facts.phase == Phase.CLOSED:
        raise ValidationError(_("The case is closed; reopen it first."))
    order = phase_order(facts.case_type)
    if target not in order:
        raise ValidationError(
            _("A Verweisberatung (referral advice) case goes from intake straight to closed; "
              "it has no {target} phase.").format(target=phase_label(target))
        )
    current, wanted = order.index(facts.phase), order.index(target)
    if target != Phase.CLOSED and wanted > current + 1:
        raise ValidationError(
            _("A case cannot skip phases: after {current} comes {next}, not {target}.").format(
                current=phase_label(facts.phase), next=phase_label(order[current + 1]), target=phase_label(target))
        )
    if wanted < current:
        return  # back to re-assess or re-plan: the data from the first pass is there
    missing = missing_for_phase(facts, target)
    if missing:
        raise ValidationError(
            _("Before the case can move to {target}, record: {missing}.").format(target=phase_label(target), missing="; ".join(missing))
        )


def gather_facts(session: Session, case: Case, *, closing_reason: str | None = None) -> PhaseFacts:
    """The counts the rules need, in three small indexed queries."""
    assessed = session.scalar(
        select(func.count()).select_from(Assessment).where(Assessment.case_id == case.id, Assessment.need_level.is_not(None))
    )
    goals = session.scalar(select(func.count()).select_from(Goal).where(Goal.case_id == case.id))
    referrals = session.scalar(select(func.count()).select_from(Referral).where(Referral.case_id == case.id))
    return PhaseFacts(
        case_type=case.case_type,
        phase=case.phase,
        consent_to_case_management=bool(case.consent_to_case_management),
        assessments_with_need=int(assessed or 0),
        goals=int(goals or 0),
        referrals=int(referrals or 0),
        closing_reason=case.closing_reason if closing_reason is None else closing_reason,
    )


def missing_for_next_phase(session: Session, case: Case) -> list[str]:
    """What is still missing before the case can enter its next phase (the GUI shows it)."""
    return missing_for_next_phase_from_facts(gather_facts(session, case, closing_reason=""))
