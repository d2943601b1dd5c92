"""The workbench as a case manager uses it: real widgets in the main window on a real vault.

Create a case through the intake form, assess a goal area with a goal and a
review, find the case by typing in the list and open it with Enter, lock and
unlock without losing an unsaved edit, and be asked before unsaved input in
one case could be lost by opening another.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.services.agencies import list_agencies
from app.services.case_file import case_detail
from app.services.cases import create_case
from app.ui.main_window import MainWindow
from app.ui.pages.case_list_model import MATCH_COLUMN
from tests.conftest import TEST_PASSWORD
from tests.ui.helpers import click, type_text

LOAD_TIMEOUT = 10_000


@pytest.fixture
def window(qtbot, vault, settings):
    main = MainWindow(vault, settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    # The agency seeding writes right after unlock; let it finish before the test writes too.
    qtbot.waitUntil(lambda: main.startup.task is None, timeout=LOAD_TIMEOUT)
    yield main
    main._closed = True  # teardown closes the window: no question about leftover input
    main.vault.lock()


def cases_page(qtbot, window):
    page = window.show_page("cases")
    qtbot.waitUntil(lambda: not page.model.is_loading() and page.count_label.text() != "", timeout=LOAD_TIMEOUT)
    return page


def wait_loaded(qtbot, page):
    qtbot.waitUntil(lambda: page.case_view is not None and page.case_view.detail is not None
                    and not page.case_view.is_loading(), timeout=LOAD_TIMEOUT)
    return page.case_view


def answer_prompt(button_name: str) -> None:
    """Click a button of the Save/Discard/Cancel question as soon as it is up."""

    def click_it() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click_it)
            return
        box.findChild(QWidget, button_name).click()

    QTimer.singleShot(0, click_it)


def unlock(qtbot, window) -> None:
    form = window.lock_screen.form
    type_text(qtbot, form.password, TEST_PASSWORD)
    with qtbot.waitSignal(form.unlocked, timeout=30_000):
        click(qtbot, form.unlock_button)


def test_the_default_agencies_are_seeded_after_unlock(qtbot, window, vault):
    qtbot.waitUntil(lambda: window.startup.task is None, timeout=LOAD_TIMEOUT)
    assert len(list_agencies(vault)) > 5


def test_create_a_case_and_fill_a_goal_area(qtbot, window, vault):
    page = cases_page(qtbot, window)
    qtbot.keyClick(page.search_field, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.new_case_dialog
    qtbot.waitUntil(dialog.isVisible)
    type_text(qtbot, dialog.given_names, "Amina")
    type_text(qtbot, dialog.family_name, "Haddad")
    dialog.name_original.setText("أمينة حداد")  # key clicks are ASCII only; a paste is what users do too
    type_text(qtbot, dialog.birth_date, "2001")
    type_text(qtbot, dialog.nationality, "Syria")
    type_text(qtbot, dialog.languages, "Arabic, Kurdish")
    dialog.intake_source.setCurrentIndex(dialog.intake_source.findData("shelter"))
    dialog.indications["complex_needs"].setChecked(True)
    dialog.indications["several_services"].setChecked(True)
    dialog.consent.setChecked(True)
    dialog.programme_gk.setChecked(True)
    type_text(qtbot, dialog.notes, "Came with the shelter's social worker.")
    click(qtbot, dialog.create_button)

    view = wait_loaded(qtbot, page)
    detail = view.detail
    assert detail["phase"] == "intake" and detail["name"] == "Amina Haddad"
    assert detail["person"]["name_original"] == "أمينة حداد"
    assert detail["person"]["nationalities"] == ["SY"] and detail["person"]["languages"] == ["ar", "ku"]
    assert detail["indication"] == ["complex_needs", "several_services"]
    assert detail["consent_to_case_management"] and detail["programme_gk"]
    assert detail["case_manager"] == "Test Case Manager"
    assert view.header.original_label.text() == "أمينة حداد"
    assert view.header.age.value.text() == f"about {date.today().year - 2001}"
    assert page.recent[0].case_id == detail["case_id"]

    with qtbot.waitSignal(view.loaded, timeout=LOAD_TIMEOUT):
        click(qtbot, view.next_phase_button)
    assert view.detail["phase"] == "assessment"
    assert "Before Goals and plan" in view.missing_label.text()

    tab = view.show_tab("goal_areas")
    card = tab.overview.cards["language"]
    card.setFocus()
    qtbot.keyClick(card, Qt.Key.Key_Return)
    area = tab.pages["language"]
    assert tab.stack.currentWidget() is area
    type_text(qtbot, area.situation, "Waiting for an integration course place since March.")
    area.need_level.setCurrentIndex(area.need_level.findData(3))
    assert view.has_unsaved_changes() and view.tab_widget.tabText(view.tab_keys().index("goal_areas")).endswith("•")
    with qtbot.waitSignal(view.loaded, timeout=LOAD_TIMEOUT):
        click(qtbot, area.save_bar.save_button)
    assert view.detail["goal_areas"]["language"]["need_level"] == 3
    assert tab.overview.cards["language"].need_text.text() == "High need"
    assert not view.has_unsaved_changes()

    click(qtbot, area.add_goal_button)
    goal_dialog = area.dialog
    type_text(qtbot, goal_dialog.text, "Attend an integration course")
    type_text(qtbot, goal_dialog.criterion, "B1 certificate")
    type_text(qtbot, goal_dialog.target_date, (date.today() + timedelta(days=180)).isoformat())
    with qtbot.waitSignal(view.loaded, timeout=LOAD_TIMEOUT):
        click(qtbot, goal_dialog.ok_button)
    assert [g["text"] for g in view.detail["goal_areas"]["language"]["goals"]] == ["Attend an integration course"]
    assert len(area.goal_cards) == 1 and area.goal_cards[0].bar.value() == 0

    click(qtbot, area.goal_cards[0].review_button)
    review = area.dialog
    review.attainment.setValue(60)
    assert review.slider.value() == 60
    type_text(qtbot, review.note, "Course started, attends regularly.")
    with qtbot.waitSignal(view.loaded, timeout=LOAD_TIMEOUT):
        click(qtbot, review.ok_button)
    assert area.goal_cards[0].bar.value() == 60
    assert area.goal_cards[0].percent.text() == "60 %"
    assert tab.overview.cards["language"].percent.text() == "60 %"
    assert view.detail["goal_areas"]["language"]["goals"][0]["status"] == "in_progress"


def test_search_as_you_type_enter_opens_and_a_lock_keeps_unsaved_input(qtbot, window, vault):
    olena = create_case(vault, given_names="Olena", family_name="Kravchenko", consent_to_case_management=True)
    amina = create_case(vault, given_names="Amina", family_name="Haddad")
    for given in ("Jonas", "Mariam", "Yusuf"):
        create_case(vault, given_names=given, family_name="Tesfaye")
    page = cases_page(qtbot, window)
    assert page.model.total == 5

    page.search_field.setFocus()
    for char in "krav":  # one key at a time, as typed
        qtbot.keyClick(page.search_field, char)
    qtbot.waitUntil(lambda: page.model.query.search == "krav" and not page.model.is_loading()
                    and page.model.rowCount() == 1, timeout=LOAD_TIMEOUT)
    assert page.model.row(0).case_id == olena.case_id
    assert not page.table.isColumnHidden(MATCH_COLUMN)
    assert page.model.snippet(olena.case_id) == ("name", "Olena [Kravchenko]")
    assert page.count_label.text() == "1 case matches “krav”"

    qtbot.keyClick(page.search_field, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    view = wait_loaded(qtbot, page)
    assert view.case_id == olena.case_id

    person = view.show_tab("person")
    type_text(qtbot, person.phone, "0151 2345678")
    assert person.has_unsaved_changes()

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked and vault.is_locked
    assert page.model.rowCount() == 0  # the list forgot its rows while locked
    unlock(qtbot, window)
    assert not window.is_locked
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=LOAD_TIMEOUT)
    assert page.case_view is view
    assert person.phone.text() == "0151 2345678"
    assert person.has_unsaved_changes() and view.tab_widget.tabText(0).endswith("•")
    assert view.context.vault is window.vault

    # Opening another case asks first; Cancel keeps this one, with the input.
    page.show_list()
    answer_prompt("cancelButton")
    assert page.open_case(amina.case_id) is None
    assert page.case_view is view and person.phone.text() == "0151 2345678"

    # Save stores the edit, then the other case opens.
    answer_prompt("saveButton")
    other = page.open_case(amina.case_id)
    assert other is not None and other.case_id == amina.case_id
    assert case_detail(window.vault, case_id=olena.case_id)["person"]["phone"] == "0151 2345678"
    wait_loaded(qtbot, page)
    assert [r.case_id for r in page.recent[:2]] == [amina.case_id, olena.case_id]


def test_discard_drops_the_edit_and_closing_the_window_asks_too(qtbot, window, vault):
    first = create_case(vault, given_names="Samir", family_name="Nasser")
    second = create_case(vault, given_names="Lina", family_name="Nasser")
    page = cases_page(qtbot, window)
    page.open_case(first.case_id)
    view = wait_loaded(qtbot, page)
    person = view.tab("person")
    type_text(qtbot, person.employment, "Kitchen help")

    window._closed = False
    answer_prompt("cancelButton")
    assert window.close() is False  # Cancel keeps the window (and the input)
    assert person.employment.text() == "Kitchen help"

    answer_prompt("discardButton")
    assert page.open_case(second.case_id) is not None
    assert case_detail(window.vault, case_id=first.case_id)["person"]["employment"] == ""
