"""One case's whole file as plain data: the case view and ``lotse case show --json``.

The shape is the contract of shared/CLI.md (``case show --json``). It is
loaded with a fixed number of queries whatever the case holds (one per kind of
entry, children with ``selectinload``), never one query per row.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from app.models import (
    Agency,
    Agreement,
    Assessment,
    Barrier,
    Case,
    Consent,
    Contact,
    Deadline,
    Document,
    Goal,
    Measure,
    Person,
    Referral,
)
from app.models.codes import GOAL_AREAS
from app.services import audit
from app.services.conflicts_view import conflicts_for_case
from app.services.consents import consent_state
from app.services.lookup import actor, case_by_ref, get_case
from app.services.measures import measure_warnings
from app.services.phases import PhaseFacts, missing_for_next_phase_from_facts, next_phase
from app.services.validation import today


def iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def person_dict(person: Person) -> dict[str, Any]:
    return {
        "id": person.id,
        "given_names": person.given_names,
        "family_name": person.family_name,
        "name_original": person.name_original,
        "aliases": list(person.aliases or []),
        "birth_date": person.birth_date,
        "gender": person.gender,
        "nationalities": list(person.nationalities or []),
        "languages": list(person.languages or []),
        "interpreter_language": person.interpreter_language,
        "phone": person.phone,
        "email": person.email,
        "address": person.address,
        "household": person.household,
        "minor_child": person.minor_child,
        "entry_date": iso(person.entry_date),
        "residence_status": person.residence_status,
        "duldung_since": iso(person.duldung_since),
        "identity_clarified": person.identity_clarified,
        "passport_status": person.passport_status,
        "passport_valid_until": iso(person.passport_valid_until),
        "school_years": person.school_years,
        "qualifications": person.qualifications,
        "german_level": person.german_level,
        "employment": person.employment,
        "employment_since": iso(person.employment_since),
        "weekly_hours": person.weekly_hours,
        "residence_documents": [
            {
                "id": doc.id,
                "doc_type": doc.doc_type,
                "paragraph": doc.paragraph,
                "number": doc.number,
                "issued": iso(doc.issued),
                "valid_until": iso(doc.valid_until),
                "months_valid": doc.months_valid,
            }
            for doc in person.residence_documents
        ],
    }


def goal_dict(goal: Goal) -> dict[str, Any]:
    return {
        "id": goal.id,
        "text": goal.text,
        "criterion": goal.criterion,
        "target_date": iso(goal.target_date),
        "status": goal.status,
        "attainment": goal.attainment,
        "created_on": iso(goal.created_on),
        "closed_on": iso(goal.closed_on),
        "steps": [
            {"id": s.id, "action": s.action, "responsible": s.responsible, "due": iso(s.due), "done_on": iso(s.done_on),
             "done": s.done_on is not None}
            for s in goal.steps
        ],
        "reviews": [{"id": r.id, "on": iso(r.on), "attainment": r.attainment, "note": r.note} for r in goal.reviews],
    }


def goal_areas_dict(assessments: list[Assessment], goals: list[Goal]) -> dict[str, Any]:
    """All eight areas, always: an area without assessment shows ``need_level: null``."""
    by_area = {a.area: a for a in assessments}
    areas: dict[str, Any] = {}
    for code in GOAL_AREAS:
        assessment = by_area.get(code)
        areas[code] = {
            "assessment_id": assessment.id if assessment else None,
            "need_level": assessment.need_level if assessment else None,
            "situation": assessment.situation if assessment else "",
            "resources": assessment.resources if assessment else "",
            "assessed_on": iso(assessment.assessed_on) if assessment else None,
            "need_level_at_closure": assessment.need_level_at_closure if assessment else None,
            "goals": [goal_dict(goal) for goal in goals if goal.area == code],
        }
    return areas


def _agreement_dict(agreement: Agreement) -> dict[str, Any]:
    return {
        "id": agreement.id,
        "title": agreement.title,
        "status": agreement.status,
        "concluded_on": iso(agreement.concluded_on),
        "authority_name": agreement.authority_name,
        "authority_officer": agreement.authority_officer,
        "other_parties": agreement.other_parties,
        "ended_reason": agreement.ended_reason,
        "template": agreement.template,
        "steps": [
            {
                "id": step.id,
                "position": step.position,
                "party": step.party,
                "action": step.action,
                "due": iso(step.due),
                "within_days_after_previous": step.within_days_after_previous,
                "proof_required": step.proof_required,
                "proof_document_id": step.proof_document_id,
                "status": step.status,
                "status_reason": step.status_reason,
                "fulfilled_on": iso(step.fulfilled_on),
            }
            for step in agreement.steps
        ],
    }


def _rows(session: Session, model, case_id: str, *order) -> list:
    return list(session.scalars(select(model).where(model.case_id == case_id).order_by(*order)))


def load_case_file(session: Session, case: Case, *, on: date | None = None) -> dict[str, Any]:
    """The dict of the contract for a case already loaded in ``session``."""
    day = on or today()
    assessments = _rows(session, Assessment, case.id, Assessment.area)
    goals = list(
        session.scalars(
            select(Goal)
            .where(Goal.case_id == case.id)
            .options(selectinload(Goal.steps), selectinload(Goal.reviews))
            .order_by(Goal.created_on, Goal.id)
        )
    )
    contacts = _rows(session, Contact, case.id, Contact.date.desc(), Contact.id)
    referrals = _rows(session, Referral, case.id, Referral.date, Referral.id)
    consents = _rows(session, Consent, case.id, Consent.given, Consent.id)
    barriers = _rows(session, Barrier, case.id, Barrier.occurred_on, Barrier.id)
    measures = _rows(session, Measure, case.id, Measure.start, Measure.id)
    documents = _rows(session, Document, case.id, Document.doc_date, Document.title)
    deadlines = _rows(session, Deadline, case.id, Deadline.due, Deadline.id)
    agreements = list(
        session.scalars(
            select(Agreement).where(Agreement.case_id == case.id).options(selectinload(Agreement.steps))
            .order_by(Agreement.concluded_on, Agreement.id)
        )
    )
    agency_ids = {r.agency_id for r in referrals} | {c.recipient_id for c in consents}
    agencies = (
        {a.id: a for a in session.scalars(select(Agency).where(Agency.id.in_(agency_ids)))} if agency_ids else {}
    )
    person = case.person
    facts = PhaseFacts(
        case_type=case.case_type,
        phase=case.phase,
        consent_to_case_management=bool(case.consent_to_case_management),
        assessments_with_need=sum(1 for a in assessments if a.need_level is not None),
        goals=len(goals),
        referrals=len(referrals),
        closing_reason="",
    )
    return {
        "case_id": case.id,
        "ref": case.ref,
        "name": person.display_name,
        "name_original": person.name_original,
        "status": case.status,
        "phase": case.phase,
        "case_type": case.case_type,
        "opened": iso(case.opened),
        "closed": iso(case.closed),
        "case_manager": case.case_manager,
        "programme_kim": case.programme_kim,
        "programme_gk": case.programme_gk,
        "intake_source": case.intake_source,
        "indication": list(case.indication or []),
        "consent_to_case_management": case.consent_to_case_management,
        "intake_notes": case.intake_notes,
        "closing_reason": case.closing_reason,
        "outcome": case.outcome,
        "shared": case.shared,
        "person": person_dict(person),
        "goal_areas": goal_areas_dict(assessments, goals),
        "contacts": [
            {"id": c.id, "date": iso(c.date), "kind": c.kind, "duration_minutes": c.duration_minutes,
             "participants": c.participants, "areas": list(c.areas or []), "note": c.note}
            for c in contacts
        ],
        "referrals": [
            {"id": r.id, "agency_id": r.agency_id, "agency_name": _agency_name(agencies, r.agency_id),
             "legal_domain": agencies[r.agency_id].legal_domain if r.agency_id in agencies else None,
             "date": iso(r.date), "area": r.area, "purpose": r.purpose, "status": r.status, "handover": r.handover}
            for r in referrals
        ],
        "consents": [
            {"id": c.id, "recipient_id": c.recipient_id, "recipient_name": _agency_name(agencies, c.recipient_id),
             "categories": list(c.categories or []), "purpose": c.purpose, "given": iso(c.given),
             "valid_until": iso(c.valid_until), "withdrawn": iso(c.withdrawn), "document_id": c.document_id,
             "state": consent_state(c, day)}
            for c in consents
        ],
        "barriers": [
            {"id": b.id, "category": b.category, "description": b.description, "area": b.area,
             "institution": b.institution, "occurred_on": iso(b.occurred_on), "structural": b.structural,
             "shareable": b.shareable}
            for b in barriers
        ],
        "measures": [
            {"id": m.id, "area": m.area, "kind": m.kind, "title": m.title, "provider": m.provider,
             "start": iso(m.start), "end": iso(m.end), "outcome": m.outcome}
            for m in measures
        ],
        "measure_warnings": [
            {"area": w.area, "count": w.count, "measure_ids": list(w.measure_ids), "message": w.message}
            for w in measure_warnings(measures)
        ],
        "documents": [
            {"id": d.id, "title": d.title, "doc_type": d.doc_type, "doc_date": iso(d.doc_date),
             "filename": d.filename, "mime_type": d.mime_type, "size": d.size, "sha256": d.sha256}
            for d in documents
        ],
        "agreements": [_agreement_dict(a) for a in agreements],
        "deadlines": [
            {"id": d.id, "kind": d.kind, "due": iso(d.due), "done": d.done, "done_on": iso(d.done_on),
             "source": d.source, "note": d.note, "overdue": not d.done and d.due < day}
            for d in deadlines
        ],
        "phase_history": [
            {"phase": t.phase, "on": iso(t.on), "by": t.by} for t in _ordered_transitions(case)
        ],
        "next_phase": next_phase(case.case_type, case.phase),
        "missing_for_next_phase": missing_for_next_phase_from_facts(facts),
        "conflicts": conflicts_for_case(session, case.id),
    }


def _agency_name(agencies: dict[str, Agency], agency_id: str) -> str | None:
    agency = agencies.get(agency_id)
    return agency.name if agency else None


def _ordered_transitions(case: Case) -> list:
    """By date; on the same day in the order they were made (insertion order from the load)."""
    loaded = list(case.transitions)
    position = {id(t): i for i, t in enumerate(loaded)}
    return sorted(loaded, key=lambda t: (t.on, position[id(t)]))


def case_detail(
    vault, ref: str | None = None, *, case_id: str | None = None, user: str | None = None, on: date | None = None
) -> dict[str, Any]:
    """The whole case file (by reference, or by ``case_id``); the view is written to the audit log."""
    with vault.session() as session:
        loader = select(Case).options(
            selectinload(Case.transitions), joinedload(Case.person).selectinload(Person.residence_documents)
        )
        case = (
            session.scalars(loader.where(Case.id == case_id)).first() if case_id is not None
            else session.scalars(loader.where(Case.ref == (ref or "").strip())).first()
        )
        if case is None:
            # Same message as everywhere else for an unknown reference or id.
            case = get_case(session, case_id) if case_id is not None else case_by_ref(session, ref or "")
        detail = load_case_file(session, case, on=on)
        audit.record(session, actor(vault, user), "case.view", case.id, f"case_id={case.id}")
        return detail

