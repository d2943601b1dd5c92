"""case_detail: the contract of ``case show --json`` and its fixed number of queries."""

from __future__ import annotations

import json

from sqlalchemy import event, select

from app.models import Agreement, AgreementStep, AuditEntry
from app.models.codes import GOAL_AREAS
from app.services.barriers import add_barrier
from app.services.case_file import case_detail
from app.services.consents import add_consent
from app.services.contacts import add_contact
from app.services.deadlines import add_deadline
from app.services.goal_areas import add_goal, add_review, add_step, save_assessment
from app.services.measures import add_measure
from app.services.persons import add_residence_document
from app.services.referrals import add_referral
from tests.unit.case_factory import ABH_ID, JOBCENTER_ID, agencies, days_ago, days_ahead, new_case

CONTRACT_TOP = {"ref", "name", "status", "phase", "case_type", "opened", "closed", "person", "goal_areas", "contacts",
                "referrals", "consents", "barriers", "agreements", "deadlines", "conflicts"}


def fill(vault, case_id: str, n: int) -> None:
    """n entries of every kind, so a per-row query would show in the count."""
    add_residence_document(vault, case_id=case_id, doc_type="duldung", paragraph="§ 60a AufenthG",
                           issued=days_ago(30), valid_until=days_ahead(60))
    for i in range(n):
        area = GOAL_AREAS[i % len(GOAL_AREAS)]
        save_assessment(vault, case_id=case_id, area=area, situation=f"Lage {i}", need_level=i % 4)
        goal = add_goal(vault, case_id=case_id, area=area, text=f"Ziel {i}", target_date=days_ahead(90))
        add_step(vault, goal_id=goal, action=f"Schritt {i}", due=days_ahead(10))
        add_review(vault, goal_id=goal, attainment=10 * i % 100)
        add_contact(vault, case_id=case_id, kind="meeting", note=f"Gespräch {i}", areas=[area])
        add_referral(vault, case_id=case_id, agency_id=JOBCENTER_ID if i % 2 else ABH_ID)
        add_consent(vault, case_id=case_id, recipient_id=JOBCENTER_ID, categories=["identity"], purpose=f"Zweck {i}")
        add_barrier(vault, case_id=case_id, category="waiting_list", description=f"Warteliste {i}")
        add_measure(vault, case_id=case_id, area=area, kind="programme", title=f"Maßnahme {i}")
        add_deadline(vault, case_id=case_id, kind="review", due=days_ahead(i + 1))
    with vault.session() as session:
        agreement = Agreement(case_id=case_id, title="Zug um Zug", status="in_force", concluded_on=days_ago(5))
        agreement.steps = [AgreementStep(position=p, party=party, action=f"Schritt {p}", due=days_ahead(p * 30))
                           for p, party in enumerate(("person", "authority", "person"))]
        session.add(agreement)


def count_queries(vault, ref: str) -> int:
    statements: list[str] = []

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(vault.engine, "before_cursor_execute", record)
    try:
        case_detail(vault, ref)
    finally:
        event.remove(vault.engine, "before_cursor_execute", record)
    return len(statements)


def test_case_detail_has_the_contract_and_all_eight_goal_areas(vault):
    agencies(vault)
    ref = new_case(vault, given_names="<b>Ali", family_name="& Söhne'\"", name_original="علي")
    fill(vault, ref.case_id, 3)
    detail = case_detail(vault, ref.ref)
    json.dumps(detail)  # plain data, dates as ISO strings
    assert set(detail) >= CONTRACT_TOP
    assert list(detail["goal_areas"]) == list(GOAL_AREAS)
    for area in detail["goal_areas"].values():
        assert {"need_level", "situation", "resources", "assessed_on", "goals"} <= set(area)
    goal = detail["goal_areas"]["residence"]["goals"][0]
    assert {"text", "status", "attainment", "target_date", "criterion", "steps", "reviews"} <= set(goal)
    assert {"date", "kind"} <= set(detail["contacts"][0])
    assert {"agency_id", "date"} <= set(detail["referrals"][0])
    assert {"recipient_id", "categories", "purpose", "given", "valid_until", "withdrawn", "state"} <= set(
        detail["consents"][0])
    assert {"category"} <= set(detail["barriers"][0])
    [agreement] = detail["agreements"]
    assert agreement["status"] == "in_force" and agreement["concluded_on"] == days_ago(5).isoformat()
    assert [s["party"] for s in agreement["steps"]] == ["person", "authority", "person"]
    assert {"party", "action", "due", "status"} <= set(agreement["steps"][0])
    assert {"kind", "due", "done", "source"} <= set(detail["deadlines"][0])
    assert detail["conflicts"] == []
    person = detail["person"]
    assert {"given_names", "family_name", "name_original", "birth_date", "nationalities", "residence_status",
            "passport_status", "residence_documents"} <= set(person)
    assert person["residence_documents"][0]["paragraph"] == "§ 60a AufenthG"
    assert person["residence_status"] == "duldung"
    assert detail["name"] == "<b>Ali & Söhne'\""


def test_loading_a_case_takes_the_same_number_of_queries_whatever_it_holds(vault):
    agencies(vault)
    small, large = new_case(vault), new_case(vault)
    fill(vault, small.case_id, 1)
    fill(vault, large.case_id, 12)
    assert count_queries(vault, large.ref) == count_queries(vault, small.ref) <= 25


def test_viewing_is_audited(vault):
    ref = new_case(vault)
    case_detail(vault, ref.ref)
    case_detail(vault, case_id=ref.case_id, user="Vertretung")
    with vault.session() as session:
        views = session.scalars(
            select(AuditEntry).where(AuditEntry.case_id == ref.case_id, AuditEntry.action == "case.view")).all()
    assert [v.user for v in views] == ["Test Case Manager", "Vertretung"]
    assert views[0].detail == f"case_id={ref.case_id}"
