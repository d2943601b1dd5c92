"""A case manager's deadline list is filtered in SQL (``case_manager=``) and must equal the
team's list cut down to that manager's open cases — item for item, in the same order."""

from __future__ import annotations

import gc
import threading
from datetime import date

import pytest
from sqlalchemy import select, text

from app.gc_pause import collector_paused
from app.models import Case
from app.services.deadline_engine import collect_deadlines
from app.services.demo import generate_demo
from app.services.overview import deadlines_for, managed_case_ids, overview

TODAY = date(2026, 3, 16)


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory):
    from app.storage.vault import Vault
    from tests.conftest import TEST_PASSWORD

    vault, _code = Vault.create(tmp_path_factory.mktemp("scope") / "vault", TEST_PASSWORD, user_name="Anna Becker")
    generate_demo(vault, cases=80, seed=7, today=TODAY)
    yield vault
    vault.lock()


@pytest.mark.parametrize("within_days", [0, 14, 90, None])
def test_a_managers_list_is_the_teams_list_cut_to_their_open_cases(demo_vault, within_days):
    with demo_vault.read_session() as session:
        team = collect_deadlines(session, today=TODAY, within_days=within_days)
        managers = [m for m in session.scalars(select(Case.case_manager).distinct()) if m]
        assert len(managers) > 3 and len(team) > 10
        for manager in managers + ["nobody"]:
            mine = managed_case_ids(session, manager)
            expected = [item for item in team if item.case_id in mine]
            assert collect_deadlines(session, today=TODAY, within_days=within_days, case_manager=manager) == expected


def test_overview_and_deadlines_page_scopes_match_the_team_list(demo_vault):
    team = deadlines_for(demo_vault, today=TODAY, within_days=14)
    with demo_vault.read_session() as session:
        mine = managed_case_ids(session, "Anna Becker")
    expected = [item for item in team if item.case_id in mine]
    assert expected
    assert deadlines_for(demo_vault, today=TODAY, within_days=14, scope="mine") == expected
    data = overview(demo_vault, today=TODAY)
    assert data.scope == "mine" and data.deadlines == expected
    assert overview(demo_vault, user="Koordination", today=TODAY).deadlines == team


def test_migration_0007_indexes_serve_the_deadline_queries(demo_vault):
    with demo_vault.engine.connect() as conn:
        names = set(conn.scalars(text("SELECT name FROM sqlite_master WHERE type = 'index'")))
        assert {"ix_goal_reviews_goal_on", "ix_persons_passport_valid_until", "ix_cases_case_manager"} <= names
        assert "ix_goal_reviews_goal_id" not in names  # a prefix of the new one
        passport_plan = " ".join(row[3] for row in conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM persons WHERE passport_valid_until <= '2026-04-01'"))
        review_plan = " ".join(row[3] for row in conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT 1 FROM goal_reviews WHERE goal_id = 'x' AND \"on\" >= '2026-01-01'"))
    assert "ix_persons_passport_valid_until" in passport_plan
    assert "COVERING INDEX ix_goal_reviews_goal_on" in review_plan


def test_the_collector_is_paused_inside_and_restored_after_nesting_and_threads():
    assert gc.isenabled()
    entered, leave = threading.Event(), threading.Event()

    def worker():
        with collector_paused():
            entered.set()
            leave.wait(5)

    thread = threading.Thread(target=worker)
    with collector_paused():
        assert not gc.isenabled()
        thread.start()
        entered.wait(5)
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert not gc.isenabled()  # the worker is still inside
    leave.set()
    thread.join(5)
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_comes_back_when_the_body_raises():
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()
