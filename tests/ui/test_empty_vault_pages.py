"""A new, empty vault: each list page says so in one sentence and offers the next step."""

from __future__ import annotations

import pytest

from app.services.cases import create_case
from app.ui.main_window import MainWindow
from app.ui.pages.agreements_page import AgreementsPage
from app.ui.pages.deadlines_page import DeadlinesPage
from app.ui.pages.overview_page import OverviewPage

LOAD_TIMEOUT = 15_000




def test_the_overview_of_an_empty_vault_says_there_are_no_cases_and_offers_new_case(qtbot, vault):
    page = OverviewPage(vault)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=LOAD_TIMEOUT):
        page.show()
    assert page.empty_state.isVisibleTo(page)
    assert page.empty_state.label.text() == "No cases yet — create the first one with “New case”."
    assert page.empty_state.new_case_button.isVisibleTo(page)
    assert not page.active_tile.isVisibleTo(page)  # no wall of zeros


def test_the_overview_with_a_case_shows_its_figures(qtbot, vault):
    create_case(vault, given_names="Amina", family_name="Yusuf")
    page = OverviewPage(vault)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=LOAD_TIMEOUT):
        page.show()
    assert not page.empty_state.isVisibleTo(page) and page.active_tile.isVisibleTo(page)


def test_deadlines_of_an_empty_vault_say_where_deadlines_come_from(qtbot, vault):
    page = DeadlinesPage(vault)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.empty_state.isVisibleTo(page), timeout=LOAD_TIMEOUT)
    assert page.empty_label.text().startswith("No deadlines yet: they come from the cases'")
    assert page.empty_state.new_case_button.isVisibleTo(page)
    assert not page.done_button.isVisibleTo(page)  # nothing to tick off: no greyed-out button


def test_deadlines_with_cases_but_none_due_ask_for_a_longer_window(qtbot, vault):
    create_case(vault, given_names="Amina", family_name="Yusuf")
    page = DeadlinesPage(vault)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.empty_state.isVisibleTo(page), timeout=LOAD_TIMEOUT)
    assert page.empty_label.text() == "No deadline in this window. Choose a longer window or another kind."
    assert not page.empty_state.new_case_button.isVisibleTo(page)


def test_agreements_of_an_empty_vault_say_where_agreements_are_made(qtbot, vault):
    page = AgreementsPage(vault)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=LOAD_TIMEOUT):
        page.show()
    assert page.empty_state.isVisibleTo(page)
    assert page.empty_label.text().startswith("No agreements yet: they are made in a case, on its Agreements tab")
    assert page.empty_state.new_case_button.isVisibleTo(page)


@pytest.fixture
def window(qtbot, vault, settings):
    main = MainWindow(vault, settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.startup.task is None, timeout=LOAD_TIMEOUT)
    yield main
    main._closed = True
    main.vault.lock()


def test_new_case_on_an_empty_page_opens_the_new_case_form_on_the_cases_page(qtbot, window):
    overview = window.show_page("overview")
    qtbot.waitUntil(lambda: overview.empty_state.isVisibleTo(overview), timeout=LOAD_TIMEOUT)
    overview.empty_state.new_case_button.click()
    cases = window.pages.page("cases")
    assert window.pages.current_key() == "cases"
    qtbot.waitUntil(lambda: cases.new_case_dialog is not None and cases.new_case_dialog.isVisible(),
                    timeout=LOAD_TIMEOUT)
    qtbot.waitUntil(lambda: "No open cases yet" in cases.empty_label.text(), timeout=LOAD_TIMEOUT)
    cases.new_case_dialog.reject()
