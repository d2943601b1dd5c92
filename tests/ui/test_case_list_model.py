"""The case list model pages, sorts and filters in SQL (never all rows, no proxy model)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services.case_list import list_cases
from app.ui.pages.case_list_model import COLUMN_KEYS, PAGE_SIZE, CaseListModel, CaseQuery
from tests.ui.demo_vault import DEMO_CASES, demo_vault  # noqa: F401 - the fixture

pytestmark = pytest.mark.usefixtures("demo_vault")


def run_query(qtbot, model: CaseListModel, query: CaseQuery) -> None:
    with qtbot.waitSignal(model.results_ready, timeout=10_000):
        model.set_query(query, force=True)


def all_rows(model: CaseListModel) -> list:
    while model.canFetchMore():
        model.fetchMore()
    return model.rows()


def test_the_model_pages_100_rows_at_a_time(qtbot, demo_vault):  # noqa: F811
    model = CaseListModel(demo_vault)
    run_query(qtbot, model, CaseQuery(sort="ref"))
    assert model.total == DEMO_CASES
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE_SIZE
    model.fetchMore()
    assert model.rowCount() == DEMO_CASES
    assert not model.canFetchMore()
    refs = [row.ref for row in model.rows()]
    assert refs == sorted(refs) and len(set(refs)) == DEMO_CASES


def test_a_view_asks_for_more_rows_only_when_scrolled(qtbot, demo_vault):  # noqa: F811
    from PySide6.QtWidgets import QTableView

    model = CaseListModel(demo_vault)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(800, 400)
    view.show()
    run_query(qtbot, model, CaseQuery(sort="ref"))
    assert model.rowCount() == PAGE_SIZE
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > PAGE_SIZE, timeout=5_000)
    assert model.rowCount() == 2 * PAGE_SIZE


def test_sorting_by_name_asks_sql_in_both_directions(qtbot, demo_vault):  # noqa: F811
    model = CaseListModel(demo_vault)
    run_query(qtbot, model, CaseQuery(sort="ref"))
    name_column = COLUMN_KEYS.index("name")
    with qtbot.waitSignal(model.results_ready, timeout=10_000):
        model.sort(name_column, Qt.SortOrder.AscendingOrder)
    assert model.query.sort == "name" and not model.query.descending
    with demo_vault.session() as session:
        expected, _total = list_cases(session, status=None, sort="name", limit=None)
    assert [row.case_id for row in all_rows(model)] == [row.case_id for row in expected]
    # And the order is right on its own terms: by the folded "family, given" key.
    from sqlalchemy import select

    from app.models import Case

    with demo_vault.session() as session:
        keys = dict(session.execute(select(Case.id, Case.sort_name)).all())
    shown = [keys[row.case_id] for row in model.rows()]
    assert shown == sorted(shown)

    with qtbot.waitSignal(model.results_ready, timeout=10_000):
        model.sort(name_column, Qt.SortOrder.DescendingOrder)
    shown = [keys[row.case_id] for row in all_rows(model)]
    assert shown == sorted(shown, reverse=True)
    with demo_vault.session() as session:
        expected, _total = list_cases(session, sort="name", descending=True, limit=None)
    assert [row.case_id for row in model.rows()] == [row.case_id for row in expected]


def test_filters_combine(qtbot, demo_vault):  # noqa: F811
    model = CaseListModel(demo_vault)
    filters = {"status": "active", "case_type": "case_management", "residence_status": "duldung"}
    run_query(qtbot, model, CaseQuery(sort="ref").with_filters(filters))
    rows = all_rows(model)
    assert rows, "the demo data has active Duldung cases in case management"
    assert all(r.status == "active" and r.case_type == "case_management" and r.residence_status == "duldung"
               for r in rows)
    with demo_vault.session() as session:
        _rows, only_status = list_cases(session, status="active", limit=1)
        _rows, both = list_cases(session, status="active", case_type="case_management", limit=1)
    assert len(rows) == model.total < both <= only_status

    run_query(qtbot, model, model.query.with_filters({**filters, "goal_area": "health", "phase": "monitoring"}))
    narrower = all_rows(model)
    assert {r.case_id for r in narrower} <= {r.case_id for r in rows}
    assert all(r.phase == "monitoring" for r in narrower)


def test_a_stale_answer_is_dropped(qtbot, demo_vault):  # noqa: F811
    """Two queries in quick succession: only the second one's rows are ever shown."""
    model = CaseListModel(demo_vault)
    shown: list[str] = []
    model.results_ready.connect(lambda _total: shown.append(model.query.search))
    model.set_query(CaseQuery(search="a", sort="relevance"))
    with qtbot.waitSignal(model.results_ready, timeout=10_000):
        model.set_query(CaseQuery(search="zzzzunknown", sort="relevance"))
    qtbot.wait(200)  # let the first worker finish too: its answer must not arrive late
    assert shown == ["zzzzunknown"]
    assert model.rowCount() == 0 and model.total == 0
