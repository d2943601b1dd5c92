"""list_cases: filters, full-text search, sorting and paging done in SQL."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import ValidationError
from app.services.case_list import case_page, list_cases
from app.services.cases import change_phase, close_case, update_case
from app.services.deadlines import add_deadline, mark_deadline_done
from app.services.goal_areas import add_goal, save_assessment
from tests.unit.case_factory import days_ago, days_ahead, new_case

PEOPLE = [
    # given, family, opened, case manager, residence status, programme_gk
    ("Zainab", "Ahmadi", date(2025, 1, 10), "Jana", "duldung", True),
    ("Omar", "Barakzai", date(2024, 6, 1), "Tom", "gestattung", False),
    ("Mariam", "Ćosić", date(2025, 3, 5), "Jana", "aufenthaltserlaubnis", False),
    ("Dawit", "Tesfay", date(2023, 11, 20), "Tom", "duldung", True),
    ("Olena", "Kovalenko", date(2025, 2, 1), "Ali", "aufenthaltserlaubnis", False),
    ("Yusuf", "Müller", date(2024, 9, 9), "Jana", "duldung", False),
]


@pytest.fixture
def cases(vault):
    refs = {}
    for given, family, opened, manager, residence, gk in PEOPLE:
        refs[family] = new_case(vault, given_names=given, family_name=family, opened=opened, case_manager=manager,
                                residence_status=residence, programme_gk=gk, consent_to_case_management=True)
    change_phase(vault, case_id=refs["Tesfay"].case_id, phase="assessment")
    save_assessment(vault, case_id=refs["Tesfay"].case_id, area="health", need_level=2)
    change_phase(vault, case_id=refs["Tesfay"].case_id, phase="planning")
    add_goal(vault, case_id=refs["Ahmadi"].case_id, area="language", text="Deutschkurs B1")
    close_case(vault, case_id=refs["Barakzai"].case_id, closing_reason="moved_away", closed_on=days_ago(3))
    update_case(vault, case_id=refs["Kovalenko"].case_id, status="paused")
    add_deadline(vault, case_id=refs["Müller"].case_id, kind="duldung_expiry", due=days_ahead(3))
    add_deadline(vault, case_id=refs["Ahmadi"].case_id, kind="review", due=days_ahead(20))
    add_deadline(vault, case_id=refs["Ahmadi"].case_id, kind="review", due=days_ago(1))
    done = add_deadline(vault, case_id=refs["Tesfay"].case_id, kind="review", due=days_ago(30))
    mark_deadline_done(vault, deadline_id=done)
    return refs


def families(rows) -> list[str]:
    return [row.name.split(" ", 1)[1] for row in rows]


def test_sort_by_each_key_both_ways(vault, cases):
    with vault.session() as session:
        rows, total = list_cases(session, sort="name")
        assert total == 6 and families(rows) == ["Ahmadi", "Barakzai", "Ćosić", "Kovalenko", "Müller", "Tesfay"]
        rows, _ = list_cases(session, sort="opened", descending=True)
        assert families(rows) == ["Ćosić", "Kovalenko", "Ahmadi", "Müller", "Barakzai", "Tesfay"]
        rows, _ = list_cases(session, sort="ref")
        assert [r.ref for r in rows] == sorted(r.ref for r in rows)
        rows, _ = list_cases(session, sort="ref", descending=True)
        assert [r.ref for r in rows] == sorted((r.ref for r in rows), reverse=True)
        rows, _ = list_cases(session, sort="phase")
        assert [r.phase for r in rows] == ["intake"] * 4 + ["planning", "closed"]
        rows, _ = list_cases(session, sort="status")
        assert [r.status for r in rows] == ["active"] * 4 + ["paused", "closed"]
        rows, _ = list_cases(session, sort="next_deadline")
        # Overdue first (yesterday), then in 3 days; cases without an open deadline last.
        assert families(rows)[:2] == ["Ahmadi", "Müller"]
        assert rows[0].next_deadline == days_ago(1) and rows[1].next_deadline == days_ahead(3)
        assert all(r.next_deadline is None for r in rows[2:])
        rows, _ = list_cases(session, sort="next_deadline", descending=True)
        assert families(rows)[:2] == ["Müller", "Ahmadi"]


def test_filters(vault, cases):
    with vault.session() as session:
        def fams(**filters):
            rows, total = list_cases(session, sort="name", **filters)
            assert total == len(rows)
            return families(rows)

        assert fams(status="active") == ["Ahmadi", "Ćosić", "Müller", "Tesfay"]
        assert fams(status=["paused", "closed"]) == ["Barakzai", "Kovalenko"]
        assert fams(phase="planning") == ["Tesfay"]
        assert fams(case_manager="Jana") == ["Ahmadi", "Ćosić", "Müller"]
        assert fams(residence_status="duldung") == ["Ahmadi", "Müller", "Tesfay"]
        assert fams(programme="gk") == ["Ahmadi", "Tesfay"]
        assert fams(goal_area="language") == ["Ahmadi"]
        assert fams(goal_area="health") == ["Tesfay"]
        assert fams(case_type="referral_advice") == []
        assert fams(residence_status="duldung", case_manager="Jana", status="active") == ["Ahmadi", "Müller"]


def test_search_combines_with_filters_and_can_rank(vault, cases):
    with vault.session() as session:
        rows, total = list_cases(session, search="Mueller")
        assert (families(rows), total) == (["Müller"], 1)
        rows, _ = list_cases(session, search="Muller", status="active")
        assert families(rows) == ["Müller"]
        rows, total = list_cases(session, search="Muller", status="closed")
        assert (rows, total) == ([], 0)
        rows, _ = list_cases(session, search="Deutschkurs", sort="relevance")
        assert families(rows) == ["Ahmadi"]
        rows, total = list_cases(session, search="  ")  # no words: no search filter
        assert total == 6


def test_paging_returns_every_row_once(vault, cases):
    seen = []
    offset = 0
    while True:
        rows, total = case_page(vault, sort="name", offset=offset, limit=4)
        if not rows:
            break
        seen += [r.ref for r in rows]
        offset += len(rows)
    assert total == 6 and len(seen) == len(set(seen)) == 6
    rows, _ = case_page(vault, limit=None)
    assert len(rows) == 6


def test_rows_are_small_and_frozen(vault, cases):
    rows, _ = case_page(vault, sort="name", limit=1)
    row = rows[0]
    assert (row.name, row.case_manager, row.residence_status, row.next_deadline) == (
        "Zainab Ahmadi", "Jana", "duldung", days_ago(1))
    with pytest.raises(AttributeError):
        row.name = "x"


def test_bad_list_arguments(vault):
    with vault.session() as session:
        with pytest.raises(ValidationError, match="Unknown sort key 'age'"):
            list_cases(session, sort="age")
        with pytest.raises(ValidationError, match="Unknown programme 'xyz'"):
            list_cases(session, programme="xyz")
        with pytest.raises(ValidationError, match="cannot be negative"):
            list_cases(session, offset=-1)
