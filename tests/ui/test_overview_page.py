"""The start page: overdue agreement steps and expiring papers, grouped; a click opens the case."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.i18n import N_
from app.services.case_file import case_detail
from app.ui.deadline_texts import group_deadlines
from app.ui.main_window import MainWindow
from app.ui.pages import PageSpec
from app.ui.pages.overview_page import OverviewPage
from app.ui.pages.overview_widgets import DeadlineRow
from app.ui.pages.sync_card import SyncCard
from tests.ui.agreement_cases import case_with_expiring_duldung, case_with_overdue_step, new_case
from tests.ui.cases_host import CasesHostPage


def rows(page: OverviewPage) -> list[DeadlineRow]:
    return page.findChildren(DeadlineRow)


def visible_texts(row: DeadlineRow) -> tuple[str, str, str, str]:
    return row.day.text(), row.who.text(), row.what.text(), row.due.text()


@pytest.fixture
def filled(vault):
    step_case, agreement = case_with_overdue_step(vault)
    duldung_case = case_with_expiring_duldung(vault, in_days=5)
    new_case(vault, "Olena", "Kovalenko", case_manager="Jonas Weber")  # someone else's case
    return step_case, agreement, duldung_case


def test_overview_groups_an_overdue_agreement_step_and_an_expiring_duldung(qtbot, vault, filled):
    step_case, agreement, duldung_case = filled
    page = OverviewPage(vault)
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    qtbot.waitUntil(lambda: page.data is not None, timeout=15_000)

    by_case = {row.item.case_id: row for row in rows(page)}
    step_row, duldung_row = by_case[step_case.case_id], by_case[duldung_case.case_id]
    step = agreement.steps[0]
    assert visible_texts(step_row) == (step.effective_due.isoformat(), "Amina Haddad",
                                       f"{step_case.ref} · Agreement step", "overdue by 12 days")
    assert step_row.item.source == f"agreement_step:{step.id}"
    assert visible_texts(duldung_row)[1:] == ("Dawit Tesfaye", f"{duldung_case.ref} · Duldung expires", "in 5 days")
    groups = {key: [item.case_id for item in items]
              for key, items in group_deadlines(page.data.deadlines, page.data.today).items()}
    assert step_case.case_id in groups["overdue"] and duldung_case.case_id in groups["this_week"]
    assert page.tiles["overdue"].figure.text() == "1"
    assert page.tiles["this_week"].figure.text() == "1"
    assert page.active_tile.figure.text() == "2"  # the user's two cases; Jonas Weber's is not counted
    assert page.phase_bars.counts()["intake"] == 2
    assert page.data.scope == "mine"
    # No team in this vault (and on a version without sync, no sync at all): the card says so.
    assert page.sync_card.line.text() == "Team sync not set up"


def test_recently_opened_cases_come_from_the_users_views(qtbot, vault, filled):
    step_case, _agreement, duldung_case = filled
    case_detail(vault, case_id=duldung_case.case_id)
    page = OverviewPage(vault)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.data is not None, timeout=15_000)
    assert [case.ref for case in page.data.recent] == [duldung_case.ref]
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        case_detail(vault, case_id=step_case.case_id)
        page.refresh()
    assert [case.ref for case in page.data.recent][0] == step_case.ref


def test_clicking_a_row_opens_the_case_at_its_agreements(qtbot, vault, settings, filled):
    step_case, _agreement, _duldung = filled
    specs = [PageSpec("overview", N_("Overview"), "overview", OverviewPage),
             PageSpec("cases", N_("Cases"), "cases", CasesHostPage)]
    window = MainWindow(vault, settings, pages=specs)
    qtbot.addWidget(window)
    window.show()
    page = window.pages.page("overview")
    qtbot.waitUntil(lambda: page.data is not None, timeout=15_000)
    row = next(row for row in rows(page) if row.item.case_id == step_case.case_id)

    with qtbot.waitSignal(page.case_requested) as requested:
        qtbot.mouseClick(row, Qt.MouseButton.LeftButton)

    assert requested.args == [step_case.case_id, "agreements"]
    assert window.pages.current_key() == "cases"
    cases = window.pages.page("cases")
    assert cases.opened == [(step_case.case_id, step_case.ref, "Amina Haddad")]
    view = cases.case_view
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)
    assert view.tab_widget.currentWidget() is view.tab("agreements")


def test_overview_without_a_cases_page_still_says_which_case(qtbot, vault, filled):
    step_case, _agreement, _duldung = filled
    page = OverviewPage(vault)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.data is not None, timeout=15_000)
    row = next(row for row in rows(page) if row.item.case_id == step_case.case_id)
    with qtbot.waitSignal(page.case_requested) as requested:
        row.setFocus()
        qtbot.keyClick(row, Qt.Key.Key_Return)
    assert requested.args == [step_case.case_id, "agreements"]


def test_locking_clears_the_names_and_unlocking_loads_again(qtbot, vault, vault_dir, filled):
    from app.storage.vault import Vault
    from tests.conftest import TEST_PASSWORD

    page = OverviewPage(vault)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.data is not None, timeout=15_000)
    page.on_vault_locked()
    vault.lock()
    assert rows(page) == [] or all(not row.isVisible() for row in rows(page))
    assert page.data is None
    reopened = Vault.unlock(vault_dir, TEST_PASSWORD)
    try:
        page.on_vault_unlocked(reopened)
        qtbot.waitUntil(lambda: page.data is not None, timeout=15_000)
        assert len(page.data.deadlines) == 2
    finally:
        reopened.lock()


def test_sync_card_says_not_set_up_without_sync():
    from app.ui.pages.sync_card import SyncReading

    card = SyncCard()
    card.show_reading(SyncReading(available=False))
    assert card.line.text() == "Team sync not set up"
    assert not card.link.isVisibleTo(card)
