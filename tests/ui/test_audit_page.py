"""The audit log viewer pages through the log (fetchMore), filters it and exports it."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog

from app.models import AuditEntry, Case, Person
from app.services.audit_queries import audit_csv
from app.ui.pages.audit_model import PAGE_SIZE
from app.ui.pages.audit_page import AuditPage, action_choices
from tests.ui.helpers import click, type_text

WAIT_MS = 20_000
ENTRIES = 500
START = datetime(2026, 3, 1, 12, 0)


@pytest.fixture
def logged_vault(vault):
    """500 entries: every 5th a change by "ben", the others views by "anna"; 40 of them on case 2026-0001."""
    with vault.session() as session:
        case = Case(ref="2026-0001", person=Person(given_names="A", family_name="B"), case_type="case_management",
                    opened=date(2026, 1, 1))
        session.add(case)
        session.flush()
        session.add_all([
            AuditEntry(at=START - timedelta(hours=i), user="ben" if i % 5 == 0 else "anna",
                       action="case.changed" if i % 5 == 0 else "case.viewed",
                       case_id=case.id if i < 40 else None, detail=f"n={i}")
            for i in range(ENTRIES)
        ])
    return vault


@pytest.fixture
def page(qtbot, logged_vault):
    page = AuditPage(logged_vault)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitUntil(lambda: not page.tasks.busy and page.user.count() > 1, timeout=WAIT_MS)
    return page


def scroll_to_end(page: AuditPage) -> None:
    page.table.scrollToBottom()
    QApplication.processEvents()


def test_rows_load_page_by_page_as_the_view_scrolls(page, qtbot):
    model = page.model
    assert model.total == ENTRIES
    assert model.rowCount() == PAGE_SIZE  # never everything at once
    assert model.canFetchMore()
    scroll_to_end(page)
    qtbot.waitUntil(lambda: model.rowCount() == 2 * PAGE_SIZE, timeout=WAIT_MS)
    scroll_to_end(page)
    qtbot.waitUntil(lambda: model.rowCount() == ENTRIES, timeout=WAIT_MS)
    assert not model.canFetchMore()
    assert model.fetches == 3
    # Newest first, no gaps or repeats across page boundaries.
    assert [model.entry(row).detail for row in range(ENTRIES)] == [f"n={i}" for i in range(ENTRIES)]
    assert "500 entries" in page.count_label.text()


def test_filtering_by_action_reduces_the_rows(page, qtbot):
    page.action.setCurrentIndex(page.action.findData("case.changed"))
    assert page.model.total == ENTRIES // 5
    assert page.model.rowCount() == ENTRIES // 5  # 100: one page holds them
    assert {page.model.entry(r).action for r in range(page.model.rowCount())} == {"case.changed"}
    assert "100 entries" in page.count_label.text()
    page.action.setCurrentIndex(page.action.findData("case.*"))
    assert page.model.total == ENTRIES


def test_filter_by_user_date_and_case(page, qtbot):
    page.user.setCurrentIndex(page.user.findData("anna"))
    assert page.model.total == ENTRIES - ENTRIES // 5
    page.user.setCurrentIndex(0)
    type_text(qtbot, page.case_ref, "2026-0001")
    qtbot.waitUntil(lambda: page.model.total == 40, timeout=WAIT_MS)  # after a pause in typing
    assert page.model.data(page.model.index(0, 3)) == "2026-0001"
    page.case_ref.clear()
    qtbot.waitUntil(lambda: page.model.total == ENTRIES, timeout=WAIT_MS)
    # Local days: START (12:00 UTC) minus 0..500 hours covers 1 March back to 9 February.
    local_day = (START - timedelta(hours=100)).replace(tzinfo=UTC).astimezone().date()
    page.date_from.set_value(local_day)
    page.date_to.set_value(local_day)
    shown = [page.model.entry(r).at for r in range(page.model.rowCount())]
    assert 0 < len(shown) <= 24
    assert {t.replace(tzinfo=UTC).astimezone().date() for t in shown} == {local_day}


def test_an_unknown_case_says_so(page, qtbot):
    type_text(qtbot, page.case_ref, "2026-9999")
    qtbot.keyClick(page.case_ref, "\r")
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "No entries for case 2026-9999."
    assert not page.export_button.isEnabled()


def test_reset_filters_shows_everything_again(page, qtbot):
    page.user.setCurrentIndex(page.user.findData("ben"))
    page.date_from.set_value(date(2026, 2, 20))
    click(qtbot, page.reset_button)
    assert page.model.total == ENTRIES
    assert page.user.currentIndex() == 0 and page.date_from.value() is None


def test_export_writes_the_services_csv_of_the_filtered_entries(page, logged_vault, qtbot, tmp_path, monkeypatch):
    page.action.setCurrentIndex(page.action.findData("case.changed"))
    target = tmp_path / "audit.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    click(qtbot, page.export_button)
    qtbot.waitUntil(lambda: target.exists() and "audit.csv" in page.status.text(), timeout=WAIT_MS)
    rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
    assert len(rows) == 1 + ENTRIES // 5 and {row[2] for row in rows[1:]} == {"case.changed"}
    # The same bytes the service gives (that second export is logged too, which changes nothing here).
    assert target.read_bytes() == audit_csv(logged_vault, "x", action="case.changed", local_days=True)
    # The export was logged, and the viewer offers the new action after refreshing.
    qtbot.waitUntil(lambda: page.action.findData("audit.exported") >= 0, timeout=WAIT_MS)


def test_action_groups_are_offered_before_their_actions():
    assert action_choices(["audit.exported", "case.changed", "case.viewed", "vault.unlocked"]) == [
        "audit.exported", "case.*", "case.changed", "case.viewed", "vault.unlocked"]


def test_locking_empties_the_table_and_unlocking_reloads(page, logged_vault, qtbot):
    from app.storage.vault import Vault
    from tests.conftest import TEST_PASSWORD

    page.user.setCurrentIndex(page.user.findData("ben"))
    page.on_vault_locked()
    logged_vault.lock()
    assert page.model.rowCount() == 0
    again = Vault.unlock(logged_vault.directory, TEST_PASSWORD)
    try:
        page.on_vault_unlocked(again)
        qtbot.waitUntil(lambda: page.model.total == ENTRIES // 5 and not page.tasks.busy, timeout=WAIT_MS)
        assert page.user.currentData() == "ben"  # the filter survived the lock
    finally:
        again.lock()
