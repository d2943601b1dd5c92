"""The deadlines page: window, kind filter, the 500-row cap's note, mark done, open case."""

from __future__ import annotations

import pytest

from app.i18n import N_
from app.services.deadlines import add_deadline
from app.services.persons import update_person
from app.ui.main_window import MainWindow
from app.ui.pages import PageSpec
from app.ui.pages.deadline_table import DeadlineTableModel
from app.ui.pages.deadlines_page import DeadlinesPage
from tests.ui.agreement_cases import case_with_expiring_duldung, days, new_case
from tests.ui.cases_host import CasesHostPage


@pytest.fixture
def cases(vault):
    duldung = case_with_expiring_duldung(vault, in_days=5)
    review = new_case(vault, "Samir", "Rahimi")
    add_deadline(vault, case_id=review.case_id, kind="review", due=days(20), note="Überprüfung der Ziele")
    passport = new_case(vault, "Olena", "Kovalenko", passport_status="has")
    update_person(vault, case_id=passport.case_id, passport_valid_until=days(-3))
    return duldung, review, passport


@pytest.fixture
def page(qtbot, vault, cases):
    widget = DeadlinesPage(vault)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitUntil(lambda: not widget.tasks.busy and widget.model.rowCount() > 0, timeout=15_000)
    return widget


def shown(page) -> list[tuple[str, str, str]]:
    model = page.model
    return [(model.index(row, 2).data(), model.index(row, 4).data(), model.index(row, 1).data())
            for row in range(model.rowCount())]


def reload(qtbot, page, key: str) -> None:
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        page.show_window(key)


def test_the_default_window_lists_overdue_first_then_by_date(page, cases):
    duldung, review, passport = cases
    assert page.window_key() == "30"
    assert shown(page) == [
        (passport.ref, "Passport expires", "overdue by 3 days"),
        (duldung.ref, "Duldung expires", "in 5 days"),
        (review.ref, "Review", "in 20 days"),
    ]
    assert page.count_label.text() == "3 deadlines · 1 overdue"


def test_window_and_kind_filter(qtbot, page, cases):
    duldung, review, passport = cases
    reload(qtbot, page, "7")
    assert [ref for ref, _kind, _when in shown(page)] == [passport.ref, duldung.ref]
    reload(qtbot, page, "overdue")
    assert [ref for ref, _kind, _when in shown(page)] == [passport.ref]
    reload(qtbot, page, "90")
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("review"))
    page.kind_combo.activated.emit(page.kind_combo.currentIndex())
    assert shown(page) == [(review.ref, "Review", "in 20 days")]
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("consent_expiry"))
    page.kind_combo.activated.emit(page.kind_combo.currentIndex())
    assert page.model.rowCount() == 0 and page.empty_label.isVisibleTo(page)


def test_mark_done_is_for_stored_deadlines_and_removes_them(qtbot, page, cases):
    _duldung, review, _passport = cases
    page.table.selectRow(0)  # the passport: computed from the case file
    assert not page.done_button.isEnabled()
    assert "computed from the case file" in page.done_button.toolTip()
    page.table.selectRow(2)  # the review entered by hand
    assert page.done_button.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        page.done_button.click()
    assert review.ref not in [ref for ref, _kind, _when in shown(page)]


def test_a_computed_deadline_says_why_it_is_not_ticked_off_here_and_opens_its_source(qtbot, page, cases):
    _duldung, review, passport = cases
    page.table.selectRow(0)  # the passport's expiry: computed from the person's passport
    note = page.source_note
    assert note.isVisibleTo(page)
    assert note.text.text().startswith("This date comes from the passport in the case file")
    assert note.open_button.text() == "Open case: Person"
    with qtbot.waitSignal(page.case_requested, timeout=5_000) as opened:
        note.open_button.click()
    assert opened.args == [passport.case_id, "person"]
    page.table.selectRow(2)  # the review entered by hand: ticked off here, nothing to explain
    assert page.done_button.isEnabled() and not note.isVisibleTo(page)


def test_a_long_list_is_capped_with_a_note(vault):
    from datetime import date

    from app.services.deadline_item import DeadlineItem

    items = [DeadlineItem(f"c{i}", f"2026-{i:04d}", "N", "review", date(2026, 1, 1), True, "manual", "")
             for i in range(620)]
    model = DeadlineTableModel()
    model.set_items(items, date(2026, 2, 1))
    assert model.rowCount() == 500 and model.matching == 620


def test_enter_opens_the_case(qtbot, vault, settings, cases):
    duldung, _review, _passport = cases
    specs = [PageSpec("deadlines", N_("Deadlines"), "deadlines", DeadlinesPage),
             PageSpec("cases", N_("Cases"), "cases", CasesHostPage)]
    window = MainWindow(vault, settings, pages=specs)
    qtbot.addWidget(window)
    window.show()
    page = window.pages.page("deadlines")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=15_000)
    page.table.selectRow(1)
    with qtbot.waitSignal(page.case_requested) as requested:
        page.open_button.click()
    assert requested.args == [duldung.case_id, "person"]
    assert window.pages.page("cases").opened[0][0] == duldung.case_id
