"""The DGCC cycle: no phase skipped, and the message names what is missing."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.errors import ValidationError
from app.models import AuditEntry
from app.services.case_file import case_detail
from app.services.cases import change_phase, close_case, phase_status, reopen_case, update_case
from app.services.goal_areas import add_goal, save_assessment
from app.services.phases import (
    PhaseFacts,
    check_transition,
    missing_for_next_phase_from_facts,
    next_phase,
)
from app.services.referrals import add_referral
from tests.unit.case_factory import JOBCENTER_ID, agencies, days_ago, days_ahead, new_case


def facts(**changes) -> PhaseFacts:
    values = dict(case_type="case_management", phase="intake", consent_to_case_management=False,
                  assessments_with_need=0, goals=0, referrals=0, closing_reason="")
    values.update(changes)
    return PhaseFacts(**values)


def test_next_phase_follows_the_cycle():
    assert next_phase("case_management", "intake") == "assessment"
    assert next_phase("case_management", "monitoring") == "closed"
    assert next_phase("case_management", "closed") is None
    assert next_phase("referral_advice", "intake") == "closed"


def test_skipping_a_phase_names_the_phase_that_comes_next():
    with pytest.raises(ValidationError, match="after Intake comes Assessment, not Goals and plan"):
        check_transition(facts(consent_to_case_management=True, assessments_with_need=2), "planning")


def test_what_is_missing_is_named_per_phase():
    with pytest.raises(ValidationError, match="move to Assessment, record: the person's consent to case management"):
        check_transition(facts(), "assessment")
    with pytest.raises(ValidationError, match="an assessment with a need level in at least one goal area"):
        check_transition(facts(phase="assessment"), "planning")
    with pytest.raises(ValidationError, match="move to Implementation, record: at least one goal"):
        check_transition(facts(phase="planning"), "implementation")
    with pytest.raises(ValidationError, match="record: a closing reason"):
        check_transition(facts(phase="monitoring"), "closed")
    with pytest.raises(ValidationError, match="a referral to the responsible agency"):
        check_transition(facts(case_type="referral_advice", closing_reason="referral_completed"), "closed")
    with pytest.raises(ValidationError, match="goes from intake straight to closed; it has no Assessment phase"):
        check_transition(facts(case_type="referral_advice", consent_to_case_management=True), "assessment")
    assert missing_for_next_phase_from_facts(facts()) == ["the person's consent to case management (recorded at intake)"]
    assert missing_for_next_phase_from_facts(facts(phase="assessment", assessments_with_need=1)) == []


def test_a_case_goes_through_the_whole_cycle(vault):
    ref = new_case(vault, opened=days_ago(60))
    detail = case_detail(vault, ref.ref)
    assert detail["next_phase"] == "assessment"
    assert detail["missing_for_next_phase"] == ["the person's consent to case management (recorded at intake)"]

    with pytest.raises(ValidationError, match="consent to case management"):
        change_phase(vault, case_id=ref.case_id, phase="assessment")
    update_case(vault, case_id=ref.case_id, consent_to_case_management=True)
    result = change_phase(vault, case_id=ref.case_id, phase="assessment", on=days_ago(50))
    assert result.phase == "assessment"
    assert result.missing_for_next_phase == ("an assessment with a need level in at least one goal area",)

    save_assessment(vault, case_id=ref.case_id, area="language", situation="A1 begonnen", need_level=2)
    change_phase(vault, case_id=ref.case_id, phase="planning", on=days_ago(40))
    with pytest.raises(ValidationError, match="at least one goal"):
        change_phase(vault, case_id=ref.case_id, phase="implementation")
    assert phase_status(vault, case_id=ref.case_id).missing_for_next_phase == ("at least one goal",)
    add_goal(vault, case_id=ref.case_id, area="language", text="B1-Zertifikat", target_date=days_ahead(200))
    change_phase(vault, case_id=ref.case_id, phase="implementation", on=days_ago(30))
    change_phase(vault, case_id=ref.case_id, phase="monitoring", on=days_ago(10))
    with pytest.raises(ValidationError, match="cannot be closed without a reason: use one of goals_attained"):
        close_case(vault, case_id=ref.case_id, closing_reason="")
    closed = close_case(vault, case_id=ref.case_id, closing_reason="goals_attained", outcome="B1 bestanden")
    assert (closed.phase, closed.status) == ("closed", "closed")

    detail = case_detail(vault, ref.ref)
    assert [h["phase"] for h in detail["phase_history"]] == [
        "intake", "assessment", "planning", "implementation", "monitoring", "closed"]
    assert detail["closed"] and detail["closing_reason"] == "goals_attained" and detail["outcome"] == "B1 bestanden"
    assert detail["next_phase"] is None and detail["missing_for_next_phase"] == []

    with pytest.raises(ValidationError, match="closed; reopen it first"):
        change_phase(vault, case_id=ref.case_id, phase="monitoring")
    reopened = reopen_case(vault, case_id=ref.case_id)
    assert (reopened.phase, reopened.status) == ("monitoring", "active")
    detail = case_detail(vault, ref.ref)
    assert detail["closed"] is None and detail["closing_reason"] == ""

    with vault.session() as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.case_id == ref.case_id)).all()
    assert actions.count("case.phase") == 4 and "case.close" in actions and "case.reopen" in actions


def test_going_back_to_reassess_is_allowed(vault):
    ref = new_case(vault, consent_to_case_management=True)
    change_phase(vault, case_id=ref.case_id, phase="assessment")
    save_assessment(vault, case_id=ref.case_id, area="health", need_level=1)
    change_phase(vault, case_id=ref.case_id, phase="planning")
    assert change_phase(vault, case_id=ref.case_id, phase="assessment").phase == "assessment"
    with pytest.raises(ValidationError, match="already in the Assessment phase"):
        change_phase(vault, case_id=ref.case_id, phase="assessment")
    with pytest.raises(ValidationError, match="Unknown phase 'review'"):
        change_phase(vault, case_id=ref.case_id, phase="review")


def test_closing_from_intake_needs_only_a_reason(vault):
    ref = new_case(vault)
    close_case(vault, case_id=ref.case_id, closing_reason="not_indicated")
    with pytest.raises(ValidationError, match="Unknown closing reason 'bored'"):
        close_case(vault, case_id=new_case(vault).case_id, closing_reason="bored")


def test_closing_date_checks(vault):
    ref = new_case(vault, opened=days_ago(10))
    with pytest.raises(ValidationError, match="closing date .* lies before the opening date"):
        close_case(vault, case_id=ref.case_id, closing_reason="moved_away", closed_on=days_ago(11))
    with pytest.raises(ValidationError, match="closing date .* lies in the future"):
        close_case(vault, case_id=ref.case_id, closing_reason="moved_away", closed_on=days_ahead(1))


def test_referral_advice_goes_from_intake_to_closed_with_a_referral(vault):
    agencies(vault)
    ref = new_case(vault, case_type="referral_advice")
    assert case_detail(vault, ref.ref)["missing_for_next_phase"] == [
        "a closing reason", "a referral to the responsible agency (the handover of the Verweisberatung)"]
    with pytest.raises(ValidationError, match="no Assessment phase"):
        change_phase(vault, case_id=ref.case_id, phase="assessment")
    with pytest.raises(ValidationError, match="a referral to the responsible agency"):
        close_case(vault, case_id=ref.case_id, closing_reason="referral_completed")
    add_referral(vault, case_id=ref.case_id, agency_id=JOBCENTER_ID, purpose="SGB II", handover=True)
    assert close_case(vault, case_id=ref.case_id, closing_reason="handed_over").phase == "closed"


def test_a_case_in_assessment_cannot_become_referral_advice(vault):
    ref = new_case(vault, consent_to_case_management=True)
    change_phase(vault, case_id=ref.case_id, phase="assessment")
    with pytest.raises(ValidationError, match="cannot become a Verweisberatung"):
        update_case(vault, case_id=ref.case_id, case_type="referral_advice")
