"""The retention screen lists cases past their period, erases only after confirmation, never a held case."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models import AuditEntry, Case, Person
from app.services.retention import retention_overview
from app.ui.dialogs.erase_cases import EraseCasesDialog
from app.ui.pages.retention_page import RetentionPage
from tests.ui.helpers import click, type_text

WAIT_MS = 20_000
TODAY = date(2026, 11, 21)
PERIODS = {"case_management": 3, "referral_advice": 3}


def add_case(session, ref, closed, *, given="Amira", family="Haddad", hold="", case_type="case_management"):
    case = Case(ref=ref, person=Person(given_names=given, family_name=family), case_type=case_type,
                opened=date(2019, 1, 1), closed=closed, status="closed" if closed else "active",
                legal_hold=bool(hold), legal_hold_reason=hold)
    session.add(case)
    session.flush()
    return case.id


@pytest.fixture
def retention_vault(vault):
    with vault.session() as session:
        add_case(session, "2021-0007", date(2021, 9, 30))  # due since 01.10.2024
        add_case(session, "2022-0003", date(2022, 6, 30), given="Olena", family="Kovalenko")  # due since 01.07.2025
        add_case(session, "2022-0011", date(2021, 11, 2), given="Samir", family="Rahimi",
                 hold="Klage beim VG Münster anhängig")
        add_case(session, "2024-0100", date(2024, 5, 1), given="Not", family="Due")  # kept until 2027
        add_case(session, "2025-0001", None, given="Still", family="Open")
    return vault


@pytest.fixture
def page(qtbot, retention_vault, settings):
    page = RetentionPage(retention_vault, settings=settings, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    qtbot.waitUntil(lambda: not page.tasks.busy and page.due_model.rowCount() > 0, timeout=WAIT_MS)
    return page


def cell(model, row, column):
    return model.data(model.index(row, column))


def test_lists_due_cases_with_name_type_closing_and_due_date(page):
    model = page.due_model
    assert [(cell(model, r, 0), cell(model, r, 1)) for r in range(model.rowCount())] == [
        ("2021-0007", "Amira Haddad"), ("2022-0003", "Olena Kovalenko")]
    assert cell(model, 0, 2) == "Case Management"
    assert cell(model, 0, 3) == "2021-09-30"
    assert cell(model, 0, 4) == "2024-10-01"  # the day after the last day it may be kept
    assert "Case Management: 3 years" in page.periods_note.text()
    assert page.due_card.heading.text() == "Past their retention period (2)"


def test_a_held_case_shows_its_reason_and_cannot_be_ticked(page):
    held = page.held_model
    assert held.rowCount() == 1
    assert [cell(held, 0, c) for c in (0, 1, 4)] == ["2022-0011", "Samir Rahimi", "Klage beim VG Münster anhängig"]
    index = held.index(0, 0)
    assert not held.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert held.data(index, Qt.ItemDataRole.CheckStateRole) is None
    assert not held.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    held.set_all_checked(True)
    assert held.checked_cases() == []
    page.due_model.set_all_checked(True)
    assert "2022-0011" not in [c.ref for c in page.due_model.checked_cases()]


def test_erasing_needs_the_typed_number_then_the_case_is_gone(page, retention_vault, qtbot):
    assert not page.erase_button.isEnabled()  # nothing ticked
    model = page.due_model
    model.setData(model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert page.erase_button.isEnabled() and "1 selected case" in page.erase_button.text()
    click(qtbot, page.erase_button)
    dialog = page.dialog
    assert isinstance(dialog, EraseCasesDialog) and dialog.isVisible()
    assert dialog.cases_label.text() == "Case: 2021-0007"
    assert not dialog.erase_button.isEnabled()
    type_text(qtbot, dialog.confirm_input, "2")  # the wrong number: still no erasure
    assert not dialog.erase_button.isEnabled()
    qtbot.keyClick(dialog.confirm_input, Qt.Key.Key_Return)
    assert dialog.isVisible() and not page.tasks.busy
    dialog.confirm_input.clear()
    type_text(qtbot, dialog.confirm_input, "1")
    click(qtbot, dialog.erase_button)
    qtbot.waitUntil(lambda: not page.tasks.busy and model.rowCount() == 1, timeout=WAIT_MS)

    assert cell(model, 0, 0) == "2022-0003"
    assert page.status.text() == "Erased 1 case: 2021-0007."
    overview = retention_overview(retention_vault, TODAY, PERIODS)
    assert [c.ref for c in overview.due] == ["2022-0003"]
    with retention_vault.session() as session:
        assert session.scalar(select(Case).where(Case.ref == "2021-0007")) is None
        assert session.scalar(select(Person).where(Person.family_name == "Haddad")) is None
        erased = session.scalars(select(AuditEntry).where(AuditEntry.action == "case.erased")).all()
        assert [(e.user, e.case_id) for e in erased] == [("Test Case Manager", None)]


def test_cancel_erases_nothing(page, retention_vault, qtbot):
    page.due_model.set_all_checked(True)
    click(qtbot, page.erase_button)
    click(qtbot, page.dialog.cancel_button)
    assert not page.dialog.isVisible() and not page.tasks.busy
    assert len(retention_overview(retention_vault, TODAY, PERIODS).due) == 2


def test_a_hold_set_meanwhile_stops_erasure_with_its_reason(page, retention_vault, qtbot):
    from PySide6.QtWidgets import QMessageBox

    page.due_model.set_all_checked(True)
    with retention_vault.session() as session:  # another device's sync sets a hold while the list is open
        case = session.scalar(select(Case).where(Case.ref == "2022-0003"))
        case.legal_hold, case.legal_hold_reason = True, "Auskunftsersuchen Gericht"
    page.erase([c.case_id for c in page.due_model.checked_cases()])
    qtbot.waitUntil(lambda: not page.tasks.busy and page.held_model.rowCount() == 2, timeout=WAIT_MS)
    boxes = [box for box in page.findChildren(QMessageBox) if box.isVisible()]
    assert boxes and "Auskunftsersuchen Gericht" in boxes[0].informativeText()
    assert page.due_model.rowCount() == 0  # 2021-0007 went before the held case was reached
    assert {cell(page.held_model, r, 0) for r in range(2)} == {"2022-0011", "2022-0003"}


def test_periods_follow_the_settings(page, settings, qtbot):
    from app.ui.app_signals import app_signals

    settings.set("retention/case_management_years", 6)
    app_signals().setting_changed.emit("retention/case_management_years")
    qtbot.waitUntil(lambda: not page.tasks.busy and page.due_model.rowCount() == 0, timeout=WAIT_MS)
    assert page.due_empty.isVisibleTo(page) and not page.due_table.isVisibleTo(page)
    assert "Case Management: 6 years" in page.periods_note.text()


def test_the_retention_page_sits_before_the_audit_log(qtbot, retention_vault, settings):
    from app.ui import pages as registry
    from app.ui.main_window import MainWindow

    keys = [spec.key for spec in registry.PAGES]
    assert keys.index("retention") == keys.index("audit") - 1
    window = MainWindow(retention_vault, settings)
    qtbot.addWidget(window)
    assert isinstance(window.show_page("retention"), RetentionPage)


def test_the_window_lock_clears_the_lists_and_unlocking_loads_them_again(qtbot, retention_vault, settings):
    from app.storage.vault import Vault
    from app.ui.main_window import MainWindow
    from tests.conftest import TEST_PASSWORD

    window = MainWindow(retention_vault, settings)
    qtbot.addWidget(window)
    page = window.show_page("retention")
    page._today = TODAY
    page.refresh()
    qtbot.waitUntil(lambda: not page.tasks.busy and page.due_model.rowCount() == 2, timeout=WAIT_MS)
    page.due_model.set_all_checked(True)
    window.lock()
    assert page.vault is None and page.due_model.rowCount() == 0 and not page.erase_button.isEnabled()
    window.unlock_with(Vault.unlock(retention_vault.directory, TEST_PASSWORD))
    qtbot.waitUntil(lambda: not page.tasks.busy and page.due_model.rowCount() == 2, timeout=WAIT_MS)
    assert page.due_model.checked_cases() == []  # nothing stays ticked for erasure across a lock
    window.vault.lock()
