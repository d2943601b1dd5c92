"""Retention: which cases are due, legal holds, and reports that still add up after erasure."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.errors import PolicyError
from app.models import Base, Case, Person, ReportTombstone
from app.services.reporting import ReportScope, build_report
from app.services.retention import add_years, cases_past_retention, erase_case, erase_cases
from tests.unit.known_report_vault import PERIOD, build_known_vault

PERIODS = {"case_management": 3, "referral_advice": 2}


def add_case(session, ref, case_type, closed, hold=""):
    case = Case(ref=ref, person=Person(given_names="A", family_name=ref), case_type=case_type,
                opened=date(2019, 1, 1), closed=closed, legal_hold=bool(hold), legal_hold_reason=hold)
    session.add(case)
    session.flush()
    return case


def test_due_and_held_cases(vault):
    with vault.session() as session:
        add_case(session, "A-1", "case_management", date(2022, 6, 30))  # ends 30.06.2025
        add_case(session, "A-2", "case_management", date(2022, 7, 1))  # ends 01.07.2025: not yet
        add_case(session, "A-3", "referral_advice", date(2023, 6, 1))  # 2 years: ends 01.06.2025
        add_case(session, "A-4", "case_management", date(2020, 1, 1), hold="Klage beim VG Münster anhängig")
        add_case(session, "A-5", "case_management", None)  # open
        add_case(session, "A-6", "other_type", date(2000, 1, 1))  # no rule for it: never listed
    with vault.session() as session:
        overview = cases_past_retention(session, date(2025, 7, 1), PERIODS)
    assert [c.ref for c in overview.due] == ["A-1", "A-3"]
    assert overview.due[0].retention_ends == date(2025, 6, 30)
    assert [(c.ref, c.legal_hold_reason) for c in overview.held] == [("A-4", "Klage beim VG Münster anhängig")]


def test_leap_day():
    assert add_years(date(2024, 2, 29), 3) == date(2027, 2, 28)


def test_legal_hold_blocks_erasure_with_its_reason(vault):
    with vault.session() as session:
        case_id = add_case(session, "H-1", "case_management", date(2020, 1, 1), hold="Auskunftsersuchen Gericht").id
    with pytest.raises(PolicyError, match="Auskunftsersuchen Gericht") as info:
        erase_case(vault, case_id, "cm")
    assert info.value.exit_code == 5
    with vault.session() as session:
        assert session.get(Case, case_id) is not None


def test_report_over_a_past_period_is_the_same_after_erasure(vault):
    with vault.session() as session:
        cases = build_known_vault(session)
        # Closed in 2025 with goals, need levels, referrals, barriers, a case conference;
        # a referral-advice case; and one closed in 2024.
        victims = [cases["opened_cm"][0].id, cases["opened_cm"][1].id, cases["active"][12].id, cases["inactive"][0].id]
    scopes = [ReportScope(*PERIOD), ReportScope(*PERIOD, case_manager="Anna Berger"),
              ReportScope(date(2024, 1, 1), date(2024, 12, 31)), ReportScope(*PERIOD, programme="gk")]
    with vault.session() as session:
        before = [build_report(session, scope).sections for scope in scopes]
    assert erase_cases(vault, victims, "cm", date(2030, 1, 1)) == ["T-0001", "T-0002", "T-0013", "T-0023"]
    with vault.session() as session:
        after = [build_report(session, scope).sections for scope in scopes]
        assert session.scalar(select(func.count()).select_from(Case)) == 25 - 4
        assert session.scalar(select(func.count()).select_from(ReportTombstone)) > 4
    assert after == before


def test_erasure_removes_every_row_of_the_case(vault):
    with vault.session() as session:
        cases = build_known_vault(session)
        victim = cases["opened_cm"][0]
        victim_id, person_id = victim.id, victim.person_id
    erase_case(vault, victim_id, "cm", date(2030, 1, 1))
    with vault.session() as session:
        for table in Base.metadata.sorted_tables:
            for column in ("case_id", "person_id"):
                if column in table.c and table.name != "audit_log":
                    left = session.scalar(select(func.count()).select_from(table).where(table.c[column].in_([victim_id, person_id])))
                    assert left == 0, table.name
        assert session.get(Person, person_id) is None


def test_an_open_case_erased_on_request_ends_on_that_day(vault):
    with vault.session() as session:
        case_id = add_case(session, "O-1", "case_management", None).id
    erase_case(vault, case_id, "cm", date(2025, 3, 1), reason="request")
    with vault.session() as session:
        assert build_report(session, ReportScope(date(2025, 1, 1), date(2025, 12, 31))).sections["cases_closed"]["case_management"] == 1
        assert build_report(session, ReportScope(date(2025, 4, 1), date(2025, 12, 31))).sections["cases_active"]["case_management"] == 0


def test_overview_names_the_person_for_the_case_managers_own_screen(vault):
    from app.services.retention import retention_overview

    with vault.session() as session:
        add_case(session, "N-1", "case_management", date(2020, 1, 1))
        add_case(session, "N-2", "case_management", date(2020, 1, 1), hold="Verfahren anhängig")
    overview = retention_overview(vault, date(2025, 1, 1), PERIODS)
    assert [(c.ref, c.person_name) for c in overview.due] == [("N-1", "A N-1")]
    assert [(c.ref, c.person_name, c.legal_hold_reason) for c in overview.held] == [("N-2", "A N-2", "Verfahren anhängig")]


def test_periods_come_from_the_settings():
    from app.services.retention import retention_periods
    from app.settings import Settings

    settings = Settings()
    settings.set("retention/referral_advice_years", 1)
    assert retention_periods(settings) == {"case_management": 3, "referral_advice": 1}
