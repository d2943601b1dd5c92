"""Demo data: deterministic, covering the whole domain, and consistent with the case-file rules."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import func, select, text

from app import models
from app.errors import UsageError
from app.models import (
    Agreement,
    AgreementStep,
    Assessment,
    Barrier,
    Case,
    Consent,
    Contact,
    Deadline,
    Goal,
    Measure,
    Person,
    PhaseTransition,
    Referral,
)
from app.models.codes import GOAL_AREAS
from app.services.case_fields import sort_name
from app.services.demo import generate_demo
from app.services.demo_data.directory import _default_agencies
from app.services.search import _case_texts, search
from app.storage.vault import Vault
from tests.conftest import TEST_PASSWORD

TODAY = date(2026, 3, 1)
CM_ORDER = ["intake", "assessment", "planning", "implementation", "monitoring"]
ARABIC = re.compile(r"[\u0600-\u06ff]")
REF = re.compile(r"^\d{4}-\d{4,6}$")
DEMO_TABLES = (
    models.Agency, models.Person, models.ResidenceDocument, models.Case, models.PhaseTransition,
    models.Assessment, models.Goal, models.GoalStep, models.GoalReview, models.Contact, models.Measure,
    models.Barrier, models.Referral, models.Consent, models.Agreement, models.AgreementStep, models.Deadline,
)


def rows_of(session, model, case: Case) -> int:
    return session.scalar(select(func.count()).select_from(model).where(model.case_id == case.id))


def dump(vault: Vault) -> dict[str, list[tuple]]:
    """Every row the demo writes, table by table, plus the search index."""
    tables = {}
    with vault.session() as session:
        for model in DEMO_TABLES:
            table = model.__table__
            tables[table.name] = [tuple(row) for row in session.execute(select(table).order_by(table.c.id))]
        tables["search_fts"] = [
            tuple(row) for row in session.execute(text("SELECT rowid, * FROM search_fts ORDER BY rowid"))
        ]
    return tables


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory):
    """60 demo cases, made once for the read-only checks of this module."""
    vault, _code = Vault.create(tmp_path_factory.mktemp("demo") / "vault", TEST_PASSWORD)
    summary = generate_demo(vault, cases=60, seed=11, today=TODAY)
    yield vault, summary
    vault.lock()


def test_same_seed_and_day_give_identical_data(tmp_path):
    vaults = [Vault.create(tmp_path / name, TEST_PASSWORD)[0] for name in ("a", "b", "c")]
    for vault, seed in zip(vaults, (5, 5, 6), strict=True):
        generate_demo(vault, cases=30, seed=seed, today=TODAY)
    first, second, other = (dump(vault) for vault in vaults)
    assert first == second
    assert first["persons"] and first["contacts"]
    assert first["persons"] != other["persons"]


def test_every_phase_of_both_case_types(demo_vault):
    vault, summary = demo_vault
    with vault.session() as session:
        kinds = set(session.execute(select(Case.case_type, Case.phase)).all())
    assert {("case_management", phase) for phase in [*CM_ORDER, "closed"]} <= kinds
    assert {("referral_advice", "intake"), ("referral_advice", "closed")} <= kinds
    assert summary.cases == 60 and sum(summary.by_phase.values()) == 60


def test_all_eight_goal_areas_assessed_and_set_as_goals(demo_vault):
    vault, _ = demo_vault
    with vault.session() as session:
        assessed = set(session.scalars(select(Assessment.area).distinct()))
        with_goals = set(session.scalars(select(Goal.area).distinct()))
    assert assessed == set(GOAL_AREAS)
    assert len(with_goals) >= 6


def test_names_in_many_scripts(demo_vault):
    vault, _ = demo_vault
    with vault.session() as session:
        originals = list(session.scalars(select(Person.name_original)))
        nationalities = {code for row in session.scalars(select(Person.nationalities)) for code in row}
    assert any(ARABIC.search(name) for name in originals)
    assert len(nationalities) >= 8


def test_agreements_in_every_status_with_ordered_steps(demo_vault):
    vault, _ = demo_vault
    with vault.session() as session:
        statuses = set(session.scalars(select(Agreement.status)))
        for agreement in session.scalars(select(Agreement)):
            positions = [step.position for step in agreement.steps]
            assert positions == list(range(1, len(positions) + 1))
            step_statuses = {step.status for step in agreement.steps}
            if agreement.status == "draft":
                assert step_statuses == {"open"} and agreement.concluded_on is None
            if agreement.status == "fulfilled":
                assert step_statuses <= {"fulfilled", "waived"}
            if agreement.status == "ended":
                assert "missed" in step_statuses and agreement.ended_reason
        parties = set(session.scalars(select(AgreementStep.party)))
    assert statuses == {"draft", "in_force", "fulfilled", "ended"}
    assert {"person", "authority"} <= parties


def test_steps_in_every_status_and_every_waiver_and_ending_has_a_reason(demo_vault):
    vault, _ = demo_vault
    with vault.session() as session:
        steps = list(session.scalars(select(AgreementStep)))
        ended = list(session.scalars(select(Agreement).where(Agreement.status == "ended")))
    assert {step.status for step in steps} == {"open", "fulfilled", "missed", "waived"}
    assert all(step.status_reason.strip() for step in steps if step.status == "waived")
    assert all(step.fulfilled_on is not None for step in steps if step.status in ("fulfilled", "waived"))
    assert ended and all(agreement.ended_reason.strip() for agreement in ended)


def test_cases_follow_the_case_file_rules(demo_vault):
    vault, _ = demo_vault
    with vault.session() as session:
        cases = list(session.scalars(select(Case)))
        refs = [case.ref for case in cases]
        assert len(set(refs)) == len(refs) and all(REF.match(ref) for ref in refs)
        for case in cases:
            person = case.person
            assert case.sort_name == sort_name(person.family_name, person.given_names)
            assert person.birth_date[:4] <= str(TODAY.year) and person.birth_date <= TODAY.isoformat()
            assert person.entry_date is None or person.entry_date <= case.opened
            phases = [t.phase for t in case.transitions]
            days = [t.on for t in case.transitions]
            assert days == sorted(days) and days[0] == case.opened and days[-1] <= TODAY
            if case.case_type == "case_management":
                worked = [p for p in phases if p != "closed"]
                assert worked == CM_ORDER[: len(worked)], phases
            else:
                assert phases in (["intake"], ["intake", "closed"])
            assert phases[-1] == case.phase
            if "assessment" in phases:
                assert case.consent_to_case_management
            if "planning" in phases:
                needs = session.scalars(select(Assessment.need_level).where(Assessment.case_id == case.id)).all()
                assert len(needs) == 8 and None not in needs
            if case.phase in ("implementation", "monitoring") or "implementation" in phases:
                assert rows_of(session, Goal, case) >= 1
            if case.phase == "closed":
                assert case.closing_reason and case.closed == days[-1] and case.status == "closed"
                if case.case_type == "referral_advice":
                    assert rows_of(session, Referral, case) >= 1
            else:
                assert case.closed is None and not case.closing_reason and case.status in ("active", "paused")
            end = case.closed or TODAY
            for goal in session.scalars(select(Goal).where(Goal.case_id == case.id)):
                assert case.opened <= goal.created_on <= end
                assert goal.target_date > case.opened
                assert all(review.on <= end for review in goal.reviews)
            contact_days = session.scalars(select(Contact.date).where(Contact.case_id == case.id)).all()
            assert contact_days and all(case.opened <= day <= end for day in contact_days)
            assert len(set(contact_days)) == len(contact_days)
            for consent in session.scalars(select(Consent).where(Consent.case_id == case.id)):
                assert case.opened <= consent.given <= end
                assert consent.withdrawn is None or consent.given <= consent.withdrawn <= TODAY


def test_deadlines_fall_in_the_past_and_the_coming_weeks(demo_vault):
    vault, _ = demo_vault
    with vault.session() as session:
        open_deadlines = session.execute(select(Deadline.due, Deadline.kind).where(Deadline.done.is_(False))).all()
        closed_with_deadlines = session.scalar(
            select(func.count()).select_from(Deadline).join(Case, Case.id == Deadline.case_id).where(Case.phase == "closed")
        )
    overdue = [kind for due, kind in open_deadlines if due < TODAY]
    soon = [kind for due, kind in open_deadlines if TODAY <= due <= date(2026, 3, 29)]
    assert overdue and soon
    assert closed_with_deadlines == 0


def test_consents_barriers_measures_and_referrals(demo_vault):
    vault, _ = demo_vault
    with vault.session() as session:
        consents = list(session.scalars(select(Consent)))
        referral_agencies = set(session.execute(select(Referral.case_id, Referral.agency_id)).all())
        barrier_categories = set(session.scalars(select(Barrier.category)))
        measures = session.scalar(select(func.count()).select_from(Measure))
        conferences = session.scalars(select(Contact.participants).where(Contact.kind == "case_conference")).all()
    assert any(c.valid_until < TODAY for c in consents)  # expired
    assert any(c.withdrawn for c in consents)
    assert any("health" in c.categories for c in consents)
    assert {(c.case_id, c.recipient_id) for c in consents} == referral_agencies  # one consent per recipient
    assert len(barrier_categories) >= 5 and measures > 0
    assert conferences and all(conferences)


def test_search_index_holds_exactly_what_the_services_would_index(demo_vault):
    vault, _ = demo_vault
    with vault.session() as session:
        for case in session.scalars(select(Case)):
            stored = session.execute(
                text("SELECT name, ref, notes, goals, barriers FROM search_fts "
                     "WHERE rowid = (SELECT id FROM search_docs WHERE case_id = :id)"),
                {"id": case.id},
            ).one()
            assert dict(zip(("name", "ref", "notes", "goals", "barriers"), stored, strict=True)) == _case_texts(session, case)


def test_search_finds_a_family_name_and_an_original_script_name(demo_vault):
    vault, _ = demo_vault
    with vault.session() as session:
        person, ref = session.execute(
            select(Person, Case.ref).join(Case, Case.person_id == Person.id).where(Person.name_original != "")
            .order_by(Case.ref)
        ).first()
        by_family = {hit.ref for hit in search(session, person.family_name, limit=100)}
        by_original = {hit.ref for hit in search(session, person.name_original.split()[-1], limit=100)}
    assert ref in by_family
    assert ref in by_original


def test_a_second_demo_in_the_same_vault_adds_new_cases(vault):
    progress = []
    generate_demo(vault, cases=12, seed=3, today=TODAY)
    generate_demo(vault, cases=12, seed=3, today=TODAY, progress=lambda done, total: progress.append((done, total)))
    with vault.session() as session:
        refs = list(session.scalars(select(Case.ref)))
        agencies = session.scalar(select(func.count()).select_from(models.Agency))
        intakes = session.scalar(select(func.count()).select_from(PhaseTransition).where(PhaseTransition.phase == "intake"))
    assert len(refs) == len(set(refs)) == 24
    assert intakes == 24
    assert agencies == len(_default_agencies())  # the default directory, seeded once
    assert progress[-1] == (12, 12)


def test_a_wrong_number_of_cases_is_refused(vault):
    for cases in (0, -5, 10**7):
        with pytest.raises(UsageError, match="between 1 and"):
            generate_demo(vault, cases=cases, seed=1)
