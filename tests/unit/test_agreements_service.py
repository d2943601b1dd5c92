"""The agreement services on a real SQLCipher vault: drafting, concluding, progress, audit."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.errors import NotFoundError, ValidationError
from app.models import Agreement, AgreementStep, AuditEntry, Case
from app.services import agreements as svc
from tests.deadline_builders import make_case, make_document

TODAY = date(2026, 3, 16)


@pytest.fixture
def case_id(vault) -> str:
    with vault.session() as session:
        return make_case(session, ref="2026-0001", birth_date="2001-05-14").id


def concluded_chain(vault, case_id: str) -> svc.AgreementView:
    """person (fixed 20 March) -> authority (14 days after) -> person (fixed 30 April)."""
    view = svc.create_agreement(vault, case_id=case_id, title="Passbeschaffung", authority_name="ABH Rheine",
                                authority_officer="Frau Berg", today=TODAY)
    svc.add_step(vault, view.id, party="person", action="Termin bei der Botschaft buchen",
                 due=date(2026, 3, 20), proof_required="Terminbestätigung", today=TODAY)
    svc.add_step(vault, view.id, party="authority", action="Beschäftigungserlaubnis erteilen",
                 within_days_after_previous=14, today=TODAY)
    svc.add_step(vault, view.id, party="person", action="Pass vorlegen", due="30.04.2026", today=TODAY)
    return svc.conclude_agreement(vault, view.id, on=date(2026, 3, 2), today=TODAY)


def audit_actions(vault) -> list[str]:
    with vault.session() as session:
        return [entry.action for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.at))]


# --- creating -------------------------------------------------------------------------------

def test_create_from_a_template_fills_the_steps_counted_from_the_start(vault, case_id):
    view = svc.create_agreement(vault, case_id=case_id, title="", authority_name="Kreis Steinfurt",
                                authority_officer="Herr Kaya", other_parties=["Caritas Rheine"],
                                template_id="identitaet_pass", start=date(2026, 3, 2), today=TODAY)

    assert view.status == "draft" and view.concluded_on is None
    assert view.title == "Identitätsklärung und Passbeschaffung"
    assert view.template == "identitaet_pass" and view.other_parties == "Caritas Rheine"
    assert [step.position for step in view.steps] == list(range(1, len(view.steps) + 1))
    first, second = view.steps[:2]
    # offset 7 days from 2 March; the next step is planned 14 days later but counts from step 1's fulfilment.
    assert (first.party, first.planned_due, first.within_days_after_previous) == ("case_manager", date(2026, 3, 9), None)
    assert (second.party, second.planned_due, second.within_days_after_previous) == ("person", date(2026, 3, 23), 14)
    assert second.proof_required == "Terminbestätigung der Auslandsvertretung"
    assert all(step.state == "waiting" for step in view.steps)  # a draft: nothing is due yet
    assert svc.list_case_agreements(vault, case_id, today=TODAY)[0].id == view.id


def test_a_template_without_a_start_counts_from_today_and_the_chain_moves_with_the_fulfilment(vault, case_id):
    view = svc.create_agreement(vault, case_id=case_id, title="", authority_name="Kreis Steinfurt",
                                template_id="identitaet_pass", today=TODAY)
    explain, appointment, papers = view.steps[:3]
    # Today 16.03.2026: explaining +7 days -> 23.03.; the appointment is planned 14 days later -> 06.04.,
    # the identity papers 30 days after that -> 06.05.
    assert [step.planned_due for step in (explain, appointment, papers)] == [
        date(2026, 3, 23), date(2026, 4, 6), date(2026, 5, 6)]

    svc.conclude_agreement(vault, view.id, on=TODAY, today=TODAY)
    view = svc.fulfil_step(vault, explain.id, on=date(2026, 3, 18), today=date(2026, 3, 18))
    # Fulfilled five days early: the appointment is due 14 days after the real day, 01.04., not the plan.
    assert (view.steps[1].state, view.steps[1].effective_due) == ("due", date(2026, 4, 1))
    assert view.steps[2].state == "waiting" and view.steps[2].effective_due is None
    late = svc.get_agreement_view(vault, view.id, today=date(2026, 4, 3))
    assert (late.steps[1].state, late.steps[1].days_overdue) == ("overdue", 2)


def test_create_an_empty_agreement_needs_a_title(vault, case_id):
    with pytest.raises(ValidationError, match="needs a title"):
        svc.create_agreement(vault, case_id=case_id, title="  ", today=TODAY)
    view = svc.create_agreement(vault, case_id=case_id, title="Eigene Vereinbarung", today=TODAY)
    assert view.steps == []


def test_unknown_case_and_unknown_template_are_clear_errors(vault, case_id):
    with pytest.raises(NotFoundError, match="No case with id nope"):
        svc.create_agreement(vault, case_id="nope", title="X")
    with pytest.raises(NotFoundError, match="no agreement template 'nope'"):
        svc.create_agreement(vault, case_id=case_id, title="X", template_id="nope")


def test_a_closed_case_takes_no_new_agreement(vault):
    with vault.session() as session:
        closed = make_case(session, ref="2024-0007", status="closed").id

    with pytest.raises(ValidationError, match="2024-0007 is closed"):
        svc.create_agreement(vault, case_id=closed, title="X")


# --- editing --------------------------------------------------------------------------------

def test_add_insert_move_reorder_and_remove_steps_keep_positions_1_to_n(vault, case_id):
    view = svc.create_agreement(vault, case_id=case_id, title="Kette", today=TODAY)
    for action in ("A", "B", "C"):
        view = svc.add_step(vault, view.id, party="person", action=action, today=TODAY)
    view = svc.add_step(vault, view.id, party="authority", action="X", position=2, today=TODAY)
    assert [step.action for step in view.steps] == ["A", "X", "B", "C"]

    view = svc.move_step(vault, view.steps[0].id, to_position=4, today=TODAY)
    assert [step.action for step in view.steps] == ["X", "B", "C", "A"]

    ids = {step.action: step.id for step in view.steps}
    view = svc.reorder_steps(vault, view.id, [ids["C"], ids["A"], ids["B"], ids["X"]], today=TODAY)
    assert [(step.position, step.action) for step in view.steps] == [(1, "C"), (2, "A"), (3, "B"), (4, "X")]

    view = svc.remove_step(vault, ids["A"], today=TODAY)
    assert [(step.position, step.action) for step in view.steps] == [(1, "C"), (2, "B"), (3, "X")]
    with vault.session() as session:
        assert session.scalar(select(AgreementStep).where(AgreementStep.id == ids["A"])) is None


def test_edit_step_changes_only_the_fields_given(vault, case_id):
    view = concluded_chain(vault, case_id)
    step = view.steps[0]

    view = svc.edit_step(vault, step.id, action="Termin im Konsulat buchen", due=None, within_days_after_previous=10,
                         today=TODAY)

    edited = view.steps[0]
    assert edited.action == "Termin im Konsulat buchen"
    assert edited.planned_due is None and edited.within_days_after_previous == 10
    assert edited.proof_required == "Terminbestätigung" and edited.party == "person"
    assert edited.effective_due == date(2026, 3, 12)  # 10 days after the conclusion on 2 March


@pytest.mark.parametrize(("fields", "message"), [
    ({"party": "embassy"}, "party must be one of person, authority, case_manager, other"),
    ({"action": "   "}, "The action is empty"),
    ({"due": "2026-02-30"}, "does not exist in the calendar"),
    ({"due": "next week"}, "is not a date: use YYYY-MM-DD"),
    ({"within_days_after_previous": -3}, "whole number of 0 or more"),
])
def test_bad_step_input_is_refused_with_a_message(vault, case_id, fields, message):
    view = svc.create_agreement(vault, case_id=case_id, title="Kette", today=TODAY)
    step = {"party": "person", "action": "A", **fields}

    with pytest.raises(ValidationError, match=message):
        svc.add_step(vault, view.id, **step)


def test_a_bad_position_is_refused(vault, case_id):
    view = svc.create_agreement(vault, case_id=case_id, title="Kette", today=TODAY)

    with pytest.raises(ValidationError, match="position must be a number from 1 to 1"):
        svc.add_step(vault, view.id, party="person", action="A", position=3)


def test_reorder_must_name_every_step_once(vault, case_id):
    view = concluded_chain(vault, case_id)

    with pytest.raises(ValidationError, match="each step of the agreement exactly once"):
        svc.reorder_steps(vault, view.id, [view.steps[0].id, view.steps[0].id, view.steps[1].id])


# --- concluding and progress ------------------------------------------------------------------

def test_conclude_needs_steps_and_an_authority_and_a_date_not_in_the_future(vault, case_id):
    empty = svc.create_agreement(vault, case_id=case_id, title="Leer", authority_name="ABH", today=TODAY)
    with pytest.raises(ValidationError, match="at least one step"):
        svc.conclude_agreement(vault, empty.id, today=TODAY)

    nameless = svc.create_agreement(vault, case_id=case_id, title="Ohne Behörde", today=TODAY)
    svc.add_step(vault, nameless.id, party="person", action="A", today=TODAY)
    with pytest.raises(ValidationError, match="Name the foreign nationals authority"):
        svc.conclude_agreement(vault, nameless.id, today=TODAY)

    svc.update_agreement(vault, nameless.id, authority_name="ABH Rheine", today=TODAY)
    with pytest.raises(ValidationError, match="date of conclusion 2026-03-17 lies in the future"):
        svc.conclude_agreement(vault, nameless.id, on=date(2026, 3, 17), today=TODAY)

    view = svc.conclude_agreement(vault, nameless.id, today=TODAY)
    assert (view.status, view.concluded_on) == ("in_force", TODAY)
    with pytest.raises(ValidationError, match="Only a draft can be concluded"):
        svc.conclude_agreement(vault, nameless.id, today=TODAY)


def test_a_step_of_a_draft_cannot_be_fulfilled(vault, case_id):
    view = svc.create_agreement(vault, case_id=case_id, title="Entwurf", authority_name="ABH", today=TODAY)
    view = svc.add_step(vault, view.id, party="person", action="A", today=TODAY)

    with pytest.raises(ValidationError, match="still a draft: conclude it"):
        svc.fulfil_step(vault, view.steps[0].id, on=TODAY, today=TODAY)


def test_fulfilment_in_the_future_is_refused(vault, case_id):
    view = concluded_chain(vault, case_id)

    with pytest.raises(ValidationError, match="date the step was fulfilled 2026-03-17 lies in the future"):
        svc.fulfil_step(vault, view.steps[0].id, on=date(2026, 3, 17), today=TODAY)
    with pytest.raises(ValidationError, match="date the step was fulfilled is missing"):
        svc.fulfil_step(vault, view.steps[0].id, on=None, today=TODAY)


def test_the_chain_in_force_the_authority_waits_and_then_falls_due_from_the_fulfilment(vault, case_id):
    view = concluded_chain(vault, case_id)
    person, authority, passport = view.steps
    assert (person.state, authority.state, passport.state) == ("due", "waiting", "due")
    assert passport.effective_due == date(2026, 4, 30)  # given as 30.04.2026, as a form may send it

    late = svc.get_agreement_view(vault, view.id, today=date(2026, 3, 25))
    assert [(step.state, step.days_overdue) for step in late.steps] == [("overdue", 5), ("waiting", 0), ("due", 0)]

    view = svc.fulfil_step(vault, person.id, on=date(2026, 3, 16), today=TODAY)
    person, authority, passport = view.steps
    assert (person.state, person.fulfilled_on, person.proof_missing) == ("fulfilled", date(2026, 3, 16), True)
    assert (authority.state, authority.effective_due) == ("due", date(2026, 3, 30))


def test_proof_document_must_belong_to_the_case(vault, case_id):
    view = concluded_chain(vault, case_id)
    with vault.session() as session:
        other = make_case(session, ref="2026-0002")
        foreign = make_document(session, other).id
        own = make_document(session, session.get(Case, case_id)).id

    with pytest.raises(ValidationError, match="belongs to another case"):
        svc.fulfil_step(vault, view.steps[0].id, on=TODAY, proof_document_id=foreign, today=TODAY)
    with pytest.raises(NotFoundError, match="No document with id missing"):
        svc.fulfil_step(vault, view.steps[0].id, on=TODAY, proof_document_id="missing", today=TODAY)

    view = svc.fulfil_step(vault, view.steps[0].id, on=TODAY, proof_document_id=own, today=TODAY)
    assert view.steps[0].proof_document_id == own and view.steps[0].proof_missing is False
    view = svc.set_step_proof(vault, view.steps[0].id, proof_document_id=None, today=TODAY)
    assert view.steps[0].proof_missing is True


def test_waiving_needs_a_reason_and_counts_as_done(vault, case_id):
    view = concluded_chain(vault, case_id)
    person = view.steps[0]

    with pytest.raises(ValidationError, match="Give a reason for waiving the step"):
        svc.waive_step(vault, person.id, reason="  ", today=TODAY)

    view = svc.waive_step(vault, person.id, reason="Termin wird von der ABH vermittelt", on=date(2026, 3, 10),
                          today=TODAY)
    person, authority, _ = view.steps
    assert (person.state, person.status_reason, person.settled_on) == (
        "waived", "Termin wird von der ABH vermittelt", date(2026, 3, 10))
    assert (authority.state, authority.effective_due) == ("due", date(2026, 3, 24))


def test_missed_step_stays_visible_and_can_be_fulfilled_late(vault, case_id):
    view = concluded_chain(vault, case_id)
    person, authority = view.steps[:2]
    # Not missed before its day (due 20.03.2026), nor while the authority waits for the person.
    with pytest.raises(ValidationError, match="due on 2026-03-20; it can be recorded as missed only after that day"):
        svc.miss_step(vault, person.id, today=date(2026, 3, 20))
    with pytest.raises(ValidationError, match="waits for the steps before it"):
        svc.miss_step(vault, authority.id, today=date(2026, 5, 1))

    view = svc.miss_step(vault, person.id, reason="Nicht erschienen", today=date(2026, 3, 25))
    assert (view.steps[0].state, view.steps[0].days_overdue, view.steps[0].status_reason) == (
        "missed", 5, "Nicht erschienen")
    assert [step.position for step in view.late_steps] == [1]
    with pytest.raises(ValidationError, match="Only an open step can be recorded as missed"):
        svc.miss_step(vault, person.id, today=date(2026, 3, 25))

    view = svc.fulfil_step(vault, person.id, on=date(2026, 3, 26), today=date(2026, 3, 27))
    assert view.steps[0].state == "fulfilled" and view.steps[0].status_reason == ""
    assert view.steps[1].effective_due == date(2026, 4, 9)


def test_the_last_settled_step_fulfils_the_agreement_and_reopening_puts_it_back_in_force(vault, case_id):
    view = concluded_chain(vault, case_id)
    person, authority, passport = view.steps

    svc.fulfil_step(vault, person.id, on=date(2026, 3, 10), today=TODAY)
    svc.waive_step(vault, authority.id, reason="Erlaubnis lag schon vor", today=TODAY)
    view = svc.fulfil_step(vault, passport.id, on=TODAY, today=TODAY)

    assert view.status == "fulfilled"
    with pytest.raises(ValidationError, match="agreement is fulfilled; its steps can no longer change"):
        svc.add_step(vault, view.id, party="person", action="Noch was")

    view = svc.reopen_step(vault, passport.id, today=TODAY)
    assert view.status == "in_force" and view.steps[2].state == "due" and view.steps[2].settled_on is None
    assert audit_actions(vault)[-3:] == ["agreement.fulfilled", "agreement.step_reopen", "agreement.reopen"]


def test_removing_the_last_open_step_fulfils_the_agreement(vault, case_id):
    view = concluded_chain(vault, case_id)
    svc.fulfil_step(vault, view.steps[0].id, on=date(2026, 3, 10), today=TODAY)
    svc.fulfil_step(vault, view.steps[1].id, on=date(2026, 3, 12), today=TODAY)

    with pytest.raises(ValidationError, match="Only an open step can be removed"):
        svc.remove_step(vault, view.steps[0].id, today=TODAY)
    view = svc.remove_step(vault, view.steps[2].id, today=TODAY)

    assert view.status == "fulfilled" and len(view.steps) == 2


def test_ending_needs_a_reason_and_freezes_the_chain(vault, case_id):
    view = concluded_chain(vault, case_id)

    with pytest.raises(ValidationError, match="Give a reason for ending the agreement"):
        svc.end_agreement(vault, view.id, reason="")
    view = svc.end_agreement(vault, view.id, reason="Person ist verzogen", today=date(2026, 4, 1))

    assert (view.status, view.ended_reason) == ("ended", "Person ist verzogen")
    assert all(step.state == "waiting" for step in view.steps)  # nothing falls due any more
    with pytest.raises(ValidationError, match="agreement has ended; its steps can no longer change"):
        svc.fulfil_step(vault, view.steps[0].id, on=date(2026, 3, 15), today=TODAY)
    with pytest.raises(ValidationError, match="has ended already"):
        svc.end_agreement(vault, view.id, reason="again")


def test_only_a_draft_can_be_deleted(vault, case_id):
    draft = svc.create_agreement(vault, case_id=case_id, title="Entwurf", template_id="beschaeftigungserlaubnis",
                                 today=TODAY)
    in_force = concluded_chain(vault, case_id)

    with pytest.raises(ValidationError, match="Only a draft can be deleted"):
        svc.delete_agreement(vault, in_force.id)
    svc.delete_agreement(vault, draft.id)

    with vault.session() as session:
        assert session.get(Agreement, draft.id) is None
        assert session.scalars(select(AgreementStep).where(AgreementStep.agreement_id == draft.id)).all() == []


def test_audit_log_names_ids_never_reasons_or_actions(vault, case_id):
    view = concluded_chain(vault, case_id)
    svc.waive_step(vault, view.steps[0].id, reason="Geheimer Grund Amina", today=TODAY)

    with vault.session() as session:
        entries = session.scalars(select(AuditEntry)).all()
    actions = [entry.action for entry in entries]
    assert actions[:6] == ["agreement.create", "agreement.step_add", "agreement.step_add", "agreement.step_add",
                           "agreement.conclude", "agreement.step_waive"]
    assert all(entry.case_id == case_id for entry in entries)
    assert f"agreement_id={view.id}" in entries[0].detail
    details = " ".join(entry.detail for entry in entries)
    assert "Geheim" not in details and "Amina" not in details and "Botschaft" not in details


def test_overview_puts_agreements_with_late_steps_first(vault, case_id):
    on_time = concluded_chain(vault, case_id)
    svc.fulfil_step(vault, on_time.steps[0].id, on=date(2026, 3, 20), today=date(2026, 3, 20))
    with vault.session() as session:
        late_case = make_case(session, ref="2026-0002", given="Dawit", family="Tesfaye").id
        closed_case = make_case(session, ref="2026-0003").id
    late = concluded_chain(vault, late_case)
    concluded_chain(vault, closed_case)
    with vault.session() as session:
        session.get(Case, closed_case).status = "closed"
    svc.create_agreement(vault, case_id=case_id, title="Nur ein Entwurf", today=TODAY)

    overview = svc.list_agreements_overview(vault, today=date(2026, 3, 25))

    assert [(line.ref, line.agreement_id) for line in overview] == [("2026-0002", late.id), ("2026-0001", on_time.id)]
    first, second = overview
    assert first.name == "Dawit Tesfaye" and first.days_overdue == 5
    assert [step.position for step in first.late_steps] == [1] and first.next_step.position == 1
    assert second.late_steps == [] and second.days_overdue == 0
    assert (second.next_step.position, second.next_step.state, second.next_step.effective_due) == (
        2, "due", date(2026, 4, 3))
    assert (second.steps_total, second.steps_settled) == (3, 1)
