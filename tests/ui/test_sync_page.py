"""The sync page and the conflicts tab on two real vaults sharing a real temp folder."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.services import cases, team_sync
from app.services.case_file import case_detail
from app.storage.vault import Vault
from app.ui.case_view.conflicts_tab import ConflictsTab
from app.ui.case_view.context import CaseContext
from app.ui.pages.sync_page import UNREACHABLE_TEXT, SyncPage

PASSWORD = "correct horse battery"
PASSPHRASE = "a team passphrase for the test"
WAIT = 30_000  # Argon2id and syncs run in workers; generous for a loaded machine


@pytest.fixture
def vaults(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    a, _ = Vault.create(tmp_path / "a", PASSWORD, user_name="anna")
    b, _ = Vault.create(tmp_path / "b", PASSWORD, user_name="ben")
    yield share, a, b
    for vault in (a, b):
        if not vault.is_locked:
            vault.lock()


def _page(qtbot, vault, settings) -> SyncPage:
    page = SyncPage(vault, settings=settings)
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.setup_page, timeout=WAIT)
    return page


def _message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def _sync(qtbot, page: SyncPage) -> None:
    page.result_label.clear()
    page.sync_button.click()
    assert page.syncing
    qtbot.waitUntil(lambda: not page.syncing and "sent" in page.result_label.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: not page.tasks.busy, timeout=WAIT)


def test_create_join_sync_resolve_and_a_missing_folder(qtbot, vaults, settings):
    share, a, b = vaults
    page_a = _page(qtbot, a, settings)
    setup = page_a.setup
    setup.create_folder.setText(str(share))
    setup.team_name.setText("Team Nord")
    setup.create_passphrase.setText(PASSPHRASE)
    setup.create_repeat.setText(PASSPHRASE + "x")
    setup.create_button.click()
    assert "not the same" in setup.create_message.text()  # checked before any slow work
    setup.create_repeat.setText(PASSPHRASE)
    setup.create_button.click()
    assert setup.create_passphrase.text() == ""  # wiped once handed to the worker
    qtbot.waitUntil(lambda: page_a.stack.currentWidget() is page_a.team_page, timeout=WAIT)
    assert page_a.team_name_value.text() == "Team Nord"
    assert page_a.reachable_value.text() == "Reachable"
    assert settings.get("sync/folder") == str(share)

    # B: a wrong passphrase says so and leaves B outside; the right one joins.
    page_b = _page(qtbot, b, settings)
    assert page_b.setup.join_folder.text() == str(share)  # prefilled from sync/folder
    page_b.setup.join_passphrase.setText("not the team passphrase")
    page_b.setup.join_button.click()
    qtbot.waitUntil(lambda: any("passphrase is not correct" in box.informativeText() for box in _message_boxes()),
                    timeout=WAIT)
    for box in _message_boxes():
        box.accept()
    assert page_b.stack.currentWidget() is page_b.setup_page
    assert not team_sync.team_status(b).in_team
    page_b.setup.join_passphrase.setText(PASSPHRASE)
    page_b.setup.join_button.click()
    qtbot.waitUntil(lambda: page_b.stack.currentWidget() is page_b.team_page, timeout=WAIT)

    # A's case reaches B through "Sync now" on both pages.
    case_id = cases.create_case(a, given_names="Amina", family_name="Yusuf", ref="2026-0001").case_id
    _sync(qtbot, page_a)
    assert page_a.result_label.text().startswith(f"{page_a.last_result.sent} sent")
    assert page_a.last_result.sent > 0
    _sync(qtbot, page_b)
    assert page_b.last_result.received > 0
    assert cases.case_id_for_ref(b, "2026-0001") == case_id
    assert page_b.conflict_list.empty_label.isVisible()

    # The same field edited on both devices: a conflict in B's list and in the case's tab.
    cases.update_case(a, case_id=case_id, intake_notes="A: spoke with the Jobcenter")
    cases.update_case(b, case_id=case_id, intake_notes="B: passport appointment on Monday")
    _sync(qtbot, page_a)
    _sync(qtbot, page_b)
    qtbot.waitUntil(lambda: len(page_b.conflict_list.conflicts()) == 1, timeout=WAIT)
    [conflict] = page_b.conflict_list.conflicts()
    assert conflict["ref"] == "2026-0001" and conflict["field"] == "intake_notes"
    assert page_b.conflict_list.table.item(0, 0).text() == "2026-0001"
    assert page_b.conflicts_value.text() == "1 unresolved"
    assert page_b.result_label.text().endswith("1 conflict")

    ctx = CaseContext(b, case_id, "2026-0001")
    ctx.detail = case_detail(b, case_id=case_id)
    tab = ConflictsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    assert [c["id"] for c in tab.conflict_list.conflicts()] == [conflict["id"]]
    assert not tab.conflict_list.empty_label.isVisible()

    # Resolve on the page: keep theirs (A's text, which arrived on B).
    theirs = conflict["theirs"]
    page_b.conflict_list.table.selectRow(0)
    page_b.conflict_list.resolve_button.click()
    dialog = page_b.conflict_list.dialog
    assert dialog is not None and dialog.isVisible()
    assert conflict["mine"] in dialog.merged_text.toPlainText() and theirs in dialog.merged_text.toPlainText()
    dialog.choose("theirs")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: page_b.conflict_list.conflicts() == [] and page_b.status.unresolved_conflicts == 0,
                    timeout=WAIT)
    assert page_b.conflict_list.empty_label.isVisible()
    assert case_detail(b, case_id=case_id)["intake_notes"] == theirs
    tab.show_case(case_detail(b, case_id=case_id))
    assert tab.conflict_list.empty_label.isVisible()
    assert tab.conflict_list.empty_label.text() == "No sync conflicts"

    # The folder goes away (unmounted): a calm line, no error dialog, nothing deleted.
    share.rename(share.with_name("share-unmounted"))
    page_b.refresh()
    qtbot.waitUntil(lambda: page_b.reachable_value.text() == UNREACHABLE_TEXT, timeout=WAIT)
    page_b.sync_button.click()
    qtbot.waitUntil(lambda: not page_b.syncing and not page_b.tasks.busy, timeout=WAIT)
    assert _message_boxes() == []
    page_b.auto_sync()  # the timer's tick: skips quietly
    qtbot.waitUntil(lambda: not page_b.syncing and not page_b.tasks.busy, timeout=WAIT)
    assert _message_boxes() == []
    assert cases.case_id_for_ref(b, "2026-0001") == case_id
    assert page_b.reachable_value.text() == UNREACHABLE_TEXT


def test_the_conflicts_tab_is_visibly_empty_without_conflicts(qtbot, vault):
    case_id = cases.create_case(vault, given_names="Omar", family_name="Haddad").case_id
    ctx = CaseContext(vault, case_id)
    ctx.detail = case_detail(vault, case_id=case_id)
    tab = ConflictsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.conflict_list.empty_label.isVisible()
    assert tab.conflict_list.empty_label.text() == "No sync conflicts"
    assert not tab.conflict_list.table.isVisible()


def test_locking_stops_the_timer_and_forgets_the_vault(qtbot, vaults, settings):
    _share, a, _b = vaults
    settings.set("sync/interval_minutes", 5)
    page = _page(qtbot, a, settings)
    assert page.timer.isActive() and page.timer.interval() == 5 * 60_000
    page.on_vault_locked()
    assert not page.timer.isActive() and page.vault is None
    page.on_vault_unlocked(a)
    assert page.timer.isActive()
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.setup_page, timeout=WAIT)
