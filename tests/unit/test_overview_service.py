"""The start page's data: deadlines mine or all, my active cases by phase, the cases I opened last."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select

from app.models import AuditEntry
from app.services.case_file import case_detail
from app.services.cases import change_phase, create_case
from app.services.overview import cases_by_phase, overview, recent_cases
from app.services.persons import add_residence_document
from app.services.retention import erase_case

TODAY = date.today()


def make(vault, given: str, family: str, manager: str = "", **fields):
    return create_case(vault, given_names=given, family_name=family, case_manager=manager,
                       opened=TODAY - timedelta(days=200), consent_to_case_management=True, **fields)


def test_recent_cases_are_the_users_own_views_newest_first_each_once(vault):
    first, second, third = (make(vault, "Amina", "Haddad"), make(vault, "Dawit", "Tesfaye"),
                            make(vault, "Olena", "Kovalenko"))
    for case in (first, second, first, third):  # first viewed twice: shown once, at its latest view
        case_detail(vault, case_id=case.case_id)
    case_detail(vault, case_id=second.case_id, user="Jonas Weber")  # someone else's view does not count
    # The audit clock has a resolution of microseconds; make the order explicit.
    with vault.session() as session:
        entries = list(session.scalars(select(AuditEntry).where(AuditEntry.action == "case.view")
                                       .order_by(AuditEntry.id)))
        start = datetime(2026, 1, 1, 9, 0)
        for minutes, entry in enumerate(entries):
            entry.at = start + timedelta(minutes=minutes)

    recent = recent_cases(vault, vault.user_name)

    assert [r.ref for r in recent] == [third.ref, first.ref, second.ref]
    assert recent[0].name == "Olena Kovalenko" and recent[0].phase == "intake" and recent[0].status == "active"
    assert recent_cases(vault, vault.user_name, limit=2) == recent[:2]
    assert [r.ref for r in recent_cases(vault, "Jonas Weber")] == [second.ref]
    assert recent_cases(vault, "Nobody") == []


def test_recent_cases_leave_out_erased_cases(vault):
    kept, erased = make(vault, "Amina", "Haddad"), make(vault, "Samir", "Rahimi")
    case_detail(vault, case_id=kept.case_id)
    case_detail(vault, case_id=erased.case_id)
    erase_case(vault, erased.case_id, vault.user_name)

    assert [r.ref for r in recent_cases(vault, vault.user_name)] == [kept.ref]


def test_cases_by_phase_counts_the_managers_active_cases_in_every_phase(vault):
    me = vault.user_name
    a, b = make(vault, "A", "One", me), make(vault, "B", "Two", me)
    make(vault, "C", "Three", me, status="paused")
    make(vault, "D", "Four", "Jonas Weber")
    change_phase(vault, case_id=b.case_id, phase="assessment")

    counts, paused = cases_by_phase(vault, me)

    assert list(counts) == ["intake", "assessment", "planning", "implementation", "monitoring"]
    assert counts == {"intake": 1, "assessment": 1, "planning": 0, "implementation": 0, "monitoring": 0}
    assert paused == 1
    assert a.case_id  # the intake one


def test_overview_shows_my_deadlines_or_everyones_when_i_manage_no_case(vault):
    me = vault.user_name
    mine = make(vault, "Amina", "Haddad", me)
    theirs = make(vault, "Dawit", "Tesfaye", "Jonas Weber")
    for case, days in ((mine, -3), (theirs, 5)):
        add_residence_document(vault, case_id=case.case_id, doc_type="duldung", issued=TODAY - timedelta(days=90),
                               valid_until=TODAY + timedelta(days=days))

    data = overview(vault, today=TODAY)
    assert data.scope == "mine"
    assert [(item.ref, item.kind, item.overdue) for item in data.deadlines] == [(mine.ref, "duldung_expiry", True)]
    assert data.active_cases == 1

    everyone = overview(vault, today=TODAY, scope="all")
    assert {item.ref for item in everyone.deadlines} == {mine.ref, theirs.ref}

    coordinator = overview(vault, user="Koordination", today=TODAY)
    assert coordinator.scope == "all" and len(coordinator.deadlines) == 2
    assert coordinator.active_cases == 0 and coordinator.recent == []

    assert overview(vault, today=TODAY, within_days=3).deadlines[0].ref == mine.ref
    assert [item.ref for item in overview(vault, today=TODAY, within_days=3, scope="all").deadlines] == [mine.ref]


def test_deadlines_for_the_deadlines_page_all_or_mine(vault):
    me = vault.user_name
    mine = make(vault, "Amina", "Haddad", me)
    theirs = make(vault, "Dawit", "Tesfaye", "Jonas Weber")
    for case, days in ((mine, 40), (theirs, -1)):
        add_residence_document(vault, case_id=case.case_id, doc_type="duldung", issued=TODAY - timedelta(days=90),
                               valid_until=TODAY + timedelta(days=days))

    from app.services.overview import deadlines_for

    assert [i.ref for i in deadlines_for(vault, today=TODAY, within_days=30)] == [theirs.ref]
    assert [i.ref for i in deadlines_for(vault, today=TODAY, within_days=90)] == [theirs.ref, mine.ref]
    assert [i.ref for i in deadlines_for(vault, today=TODAY, within_days=90, scope="mine")] == [mine.ref]

    from app.services.overview import manages_open_cases

    assert manages_open_cases(vault) and not manages_open_cases(vault, "Koordination")
