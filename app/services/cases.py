"""Opening a case, changing it, and moving it through the DGCC cycle."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.code_labels import phase_label
from app.errors import ValidationError
from app.i18n import _, ngettext
from app.models import Case, Person, PhaseTransition
from app.models.case_codes import ClosingReason
from app.models.codes import CaseStatus, CaseType, Phase
from app.services import audit
from app.services import validation as v
from app.services.case_fields import (
    CASE_FIELDS,
    PERSON_FIELDS,
    SEARCHABLE_CASE_FIELDS,
    check_person,
    sort_name,
)
from app.services.lookup import actor, case_by_ref, get_case
from app.services.phases import check_transition, gather_facts, missing_for_next_phase, phase_order
from app.services.references import clean_reference, next_reference
from app.services.search import index_case


@dataclass(frozen=True)
class CaseRef:
    case_id: str
    person_id: str
    ref: str


@dataclass(frozen=True)
class PhaseChange:
    case_id: str
    phase: str
    status: str
    missing_for_next_phase: tuple[str, ...]


# --- creating ----------------------------------------------------------------------------


def split_fields(fields: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Route keyword fields to the person or the case; anything else is an error."""
    unknown = sorted(set(fields) - set(PERSON_FIELDS) - set(CASE_FIELDS))
    if unknown:
        raise ValidationError(ngettext("Unknown case field: {fields}.", "Unknown case fields: {fields}.", len(unknown)).format(
            fields=", ".join(unknown)))
    person = {k: val for k, val in fields.items() if k in PERSON_FIELDS}
    case = {k: val for k, val in fields.items() if k in CASE_FIELDS}
    return person, case


def insert_case(
    session: Session, *, person_values: dict[str, Any], case_values: dict[str, Any], ref: str | None, by: str
) -> Case:
    """Add a person and their case in the intake phase (values already cleaned).

    Shared by ``create_case`` and the CSV import so both produce the same rows.
    """
    opened: date = case_values["opened"]
    if ref is None:
        ref = next_reference(session, opened)
    elif session.scalar(select(Case.id).where(Case.ref == ref)) is not None:
        raise ValidationError(_("The case reference {ref} is already in use.").format(ref=ref))
    person = Person(
        **{"aliases": [], "nationalities": [], "languages": [], **person_values},
    )
    values = {"indication": [], **case_values}
    case = Case(
        ref=ref,
        person=person,
        phase=Phase.INTAKE.value,
        status=values.pop("status", CaseStatus.ACTIVE.value),
        sort_name=sort_name(person.family_name or "", person.given_names or ""),
        **values,
    )
    case.transitions.append(PhaseTransition(phase=Phase.INTAKE.value, on=opened, by=by))
    session.add(case)
    session.flush()
    index_case(session, case)
    return case


def create_case(
    vault,
    *,
    given_names: str = "",
    family_name: str = "",
    case_type: str = CaseType.CASE_MANAGEMENT.value,
    opened: date | str | None = None,
    ref: str | None = None,
    user: str | None = None,
    **fields: Any,
) -> CaseRef:
    """Open a case for a new person in the intake phase.

    ``fields`` are further person fields (``birth_date``, ``nationalities`` …,
    see ``PERSON_FIELDS``) and case fields (``case_manager``, ``intake_source``,
    ``consent_to_case_management`` …, see ``CASE_FIELDS``). ``ref`` is allocated
    when not given.
    """
    person_raw, case_raw = split_fields(fields)
    person_values = v.clean_fields(PERSON_FIELDS, {"given_names": given_names, "family_name": family_name, **person_raw}, "person")
    check_person(person_values)
    case_values = v.clean_fields(
        CASE_FIELDS, {"case_type": case_type, "opened": opened or v.today(), **case_raw}, "case"
    )
    clean_ref = clean_reference(ref) if ref is not None else None
    by = actor(vault, user)
    with vault.session() as session:
        case = insert_case(session, person_values=person_values, case_values=case_values, ref=clean_ref, by=by)
        audit.record(session, by, "case.create", case.id, f"case_id={case.id} person_id={case.person_id}")
        return CaseRef(case.id, case.person_id, case.ref)


def case_id_for_ref(vault, ref: str) -> str:
    with vault.read_session() as session:
        return case_by_ref(session, ref).id


# --- changing ----------------------------------------------------------------------------


def apply_case_values(session: Session, case: Case, values: dict[str, Any]) -> None:
    """Set cleaned case fields, checking what depends on the rest of the case."""
    case_type = values.get("case_type", case.case_type)
    if case_type == CaseType.REFERRAL_ADVICE and case.phase not in (Phase.INTAKE, Phase.CLOSED):
        raise ValidationError(
            _("A case in the {phase} phase cannot become a Verweisberatung (referral advice); "
              "that type only has intake and closed.").format(phase=phase_label(case.phase))
        )
    opened = values.get("opened", case.opened)
    v.not_before(case.closed, opened, "closing date", "opening date")
    for field, value in values.items():
        setattr(case, field, value)
    if SEARCHABLE_CASE_FIELDS & set(values):
        session.flush()
        index_case(session, case)


def update_case(vault, *, case_id: str, user: str | None = None, **fields: Any) -> None:
    """Change case fields (``CASE_FIELDS``); the phase changes through ``change_phase``."""
    values = v.clean_fields(CASE_FIELDS, fields, "case")
    by = actor(vault, user)
    with vault.session() as session:
        case = get_case(session, case_id)
        if "status" in values and case.status == CaseStatus.CLOSED:
            raise ValidationError(_("The case is closed; reopen it to change its status."))
        apply_case_values(session, case, values)
        audit.record(session, by, "case.update", case.id, "case_id={} fields={}".format(case.id, ",".join(sorted(values))))


def change_phase(
    vault,
    *,
    case_id: str,
    phase: str,
    on: date | str | None = None,
    closing_reason: str | None = None,
    outcome: str | None = None,
    user: str | None = None,
) -> PhaseChange:
    """Move the case to ``phase`` if the cycle allows it; the message says what is missing."""
    if phase == Phase.CLOSED:
        return close_case(vault, case_id=case_id, closing_reason=closing_reason or "", outcome=outcome, closed_on=on, user=user)
    day = v.past_date(on, "date of the phase change") or v.today()
    by = actor(vault, user)
    with vault.session() as session:
        case = get_case(session, case_id)
        check_transition(gather_facts(session, case), phase)
        v.not_before(day, case.opened, "date of the phase change", "opening date")
        previous = case.phase
        case.phase = phase
        case.transitions.append(PhaseTransition(phase=phase, on=day, by=by))
        audit.record(session, by, "case.phase", case.id, f"case_id={case.id} from={previous} to={phase}")
        session.flush()
        return PhaseChange(case.id, case.phase, case.status, tuple(missing_for_next_phase(session, case)))


def clean_closing_reason(value: Any) -> str:
    if v.is_blank(value):
        raise ValidationError(
            _("A case cannot be closed without a reason: use one of {codes}.").format(
                codes=", ".join(reason.value for reason in ClosingReason)
            )
        )
    return v.clean_code(value, [reason.value for reason in ClosingReason], "closing reason")


def close_case(
    vault,
    *,
    case_id: str,
    closing_reason: str,
    outcome: str | None = None,
    closed_on: date | str | None = None,
    user: str | None = None,
) -> PhaseChange:
    """Close the case with a reason (and, for a Verweisberatung, a recorded referral)."""
    reason = clean_closing_reason(closing_reason)
    outcome_text = v.clean_text(outcome, "outcome") if outcome is not None else None
    day = v.past_date(closed_on, "closing date") or v.today()
    by = actor(vault, user)
    with vault.session() as session:
        case = get_case(session, case_id)
        check_transition(gather_facts(session, case, closing_reason=reason), Phase.CLOSED.value)
        v.not_before(day, case.opened, "closing date", "opening date")
        previous = case.phase
        case.phase = Phase.CLOSED.value
        case.status = CaseStatus.CLOSED.value
        case.closed = day
        case.closing_reason = reason
        if outcome_text is not None:
            case.outcome = outcome_text
        case.transitions.append(PhaseTransition(phase=Phase.CLOSED.value, on=day, by=by))
        audit.record(
            session, by, "case.close", case.id, f"case_id={case.id} from={previous} reason={reason}"
        )
        return PhaseChange(case.id, case.phase, case.status, ())


def reopen_case(
    vault, *, case_id: str, phase: str | None = None, on: date | str | None = None, user: str | None = None
) -> PhaseChange:
    """Reopen a closed case, by default in the phase it had before closing."""
    day = v.past_date(on, "date of reopening") or v.today()
    by = actor(vault, user)
    with vault.session() as session:
        case = get_case(session, case_id)
        if case.phase != Phase.CLOSED:
            raise ValidationError(_("The case is not closed."))
        before = [t.phase for t in case.transitions if t.phase != Phase.CLOSED]
        target = phase or (before[-1] if before else Phase.INTAKE.value)
        if target == Phase.CLOSED or target not in _open_phases(case.case_type):
            raise ValidationError(
                _("A reopened case goes to one of {phases}, not {target}.").format(
                    phases=", ".join(_open_phases(case.case_type)), target=phase_label(target)
                )
            )
        v.not_before(day, case.closed, "date of reopening", "closing date")
        case.phase = target
        case.status = CaseStatus.ACTIVE.value
        case.closed = None
        case.closing_reason = ""
        case.transitions.append(PhaseTransition(phase=target, on=day, by=by))
        audit.record(session, by, "case.reopen", case.id, f"case_id={case.id} to={target}")
        session.flush()
        return PhaseChange(case.id, case.phase, case.status, tuple(missing_for_next_phase(session, case)))


def _open_phases(case_type: str) -> tuple[str, ...]:
    return tuple(p for p in phase_order(case_type) if p != Phase.CLOSED)


def phase_status(vault, *, case_id: str) -> PhaseChange:
    """Where the case stands in the cycle and what is missing before its next phase
    (for the phase widget; a read, not audited as a view of the file)."""
    with vault.read_session() as session:
        case = get_case(session, case_id)
        return PhaseChange(case.id, case.phase, case.status, tuple(missing_for_next_phase(session, case)))
