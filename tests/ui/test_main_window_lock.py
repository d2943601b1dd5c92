"""Locking hides the case file and drops the key; unlocking brings back the same widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout, QWidget

from app.storage.vault import Vault
from app.ui.main_window import MainWindow
from app.ui.pages import PAGES, PageSpec
from tests.conftest import TEST_PASSWORD
from tests.ui.helpers import click, type_text


class DraftPage(QWidget):
    """A page as the workbench will write them: a form with unsaved input and the lock hooks."""

    def __init__(self, vault: Vault) -> None:
        super().__init__()
        self.vault: Vault | None = vault
        self.events: list[str] = []
        self.note = QLineEdit()
        self.note.setAccessibleName("Note")
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)

    def on_vault_locked(self) -> None:
        # The protocol promises the vault is still open during this call (to save a draft).
        self.events.append(f"locked (vault open: {not self.vault.is_locked})")
        self.vault = None

    def on_vault_unlocked(self, vault: Vault) -> None:
        self.events.append("unlocked")
        self.vault = vault

    def open_editor(self) -> QDialog:
        """A modal edit dialog, as a page opens one for a contact or a goal."""
        self.dialog = QDialog(self.window())
        self.dialog.setWindowTitle("Edit contact")
        self.dialog.field = QLineEdit(self.dialog)
        QVBoxLayout(self.dialog).addWidget(self.dialog.field)
        self.dialog.open()
        return self.dialog


@pytest.fixture
def window(qtbot, vault, settings):
    pages = [spec for spec in PAGES if spec.key != "cases"]
    pages.insert(1, PageSpec("cases", "Cases", "cases", DraftPage, "A test page."))
    main = MainWindow(vault, settings, pages=pages)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    yield main
    main.vault.lock()


def unlock_from_lock_screen(qtbot, window: MainWindow, password: str = TEST_PASSWORD) -> None:
    form = window.lock_screen.form
    type_text(qtbot, form.password, password)
    with qtbot.waitSignal(form.unlocked, timeout=30_000):
        click(qtbot, form.unlock_button)


def test_ctrl_l_locks_hides_everything_and_unlock_restores_unsaved_input(qtbot, window, vault):
    page = window.show_page("cases")
    type_text(qtbot, page.note, "half-written note about the appointment")

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert vault.is_locked
    assert window.is_locked
    assert not window.workspace.isVisible()
    assert not page.isVisible() and not page.note.isVisible()
    assert window.lock_screen.isVisible()
    assert window.lock_screen.form.password.hasFocus()
    assert page.events == ["locked (vault open: True)"]
    assert page.vault is None

    unlock_from_lock_screen(qtbot, window)

    assert not window.is_locked
    assert window.show_page("cases") is page  # the very same widget
    assert page.note.text() == "half-written note about the appointment"
    assert page.isVisible()
    assert page.events == ["locked (vault open: True)", "unlocked"]
    assert page.vault is window.vault and not window.vault.is_locked
    assert window.vault is not vault  # a fresh Vault for the same folder
    assert window.lock_screen.form.password.text() == ""


def test_a_wrong_password_on_the_lock_screen_keeps_it_locked(qtbot, window):
    window.lock()
    form = window.lock_screen.form
    type_text(qtbot, form.password, "guessing")
    click(qtbot, form.unlock_button)
    qtbot.waitUntil(form.message.isVisible, timeout=30_000)

    assert form.message.text() == "The password is not correct."
    assert window.is_locked and not window.workspace.isVisible()


def test_idle_time_locks_the_vault(qtbot, window, vault):
    window.idle_lock.set_timeout_ms(150)
    qtbot.waitUntil(lambda: vault.is_locked, timeout=5_000)
    assert window.is_locked
    assert not window.workspace.isVisible()

    unlock_from_lock_screen(qtbot, window)
    assert window.idle_lock.is_armed  # counting again after unlock


def test_the_idle_time_comes_from_settings(qtbot, vault, settings):
    settings.set("ui/idle_lock_minutes", 12)
    main = MainWindow(vault, settings)
    qtbot.addWidget(main)
    assert main.idle_lock.timeout_ms == 12 * 60_000
    assert "12 idle minutes" in main.lock_hint.text()


def test_input_restarts_the_idle_timer(qtbot, window):
    window.idle_lock.set_timeout_ms(60_000)
    window.idle_lock.stop_timers()  # as if the timer had run out of attention
    assert window.idle_lock.remaining_ms() == -1
    qtbot.keyClick(window.sidebar.list, Qt.Key.Key_Down)
    assert window.idle_lock.remaining_ms() > 50_000


def test_an_open_dialog_is_covered_while_locked_and_comes_back(qtbot, window):
    page = window.show_page("cases")
    dialog = page.open_editor()
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.field, "Ahmad called about the course")

    window.lock()

    assert dialog.isVisible()  # closing it would lose the input
    assert not dialog.field.isVisible()
    assert dialog.windowTitle() == "Lotse is locked"
    covers = window._lock_guard.covered
    assert len(covers) == 1 and covers[0].cover.isVisible()
    prompt = window._lock_guard.prompt
    assert prompt is not None and prompt.isVisible()  # the dialog is modal: unlock above it
    form = prompt.form

    type_text(qtbot, form.password, TEST_PASSWORD)
    with qtbot.waitSignal(form.unlocked, timeout=30_000):
        click(qtbot, form.unlock_button)

    assert not window.is_locked
    assert dialog.isVisible() and dialog.field.isVisible()
    assert dialog.field.text() == "Ahmad called about the course"
    assert dialog.windowTitle() == "Edit contact"
    assert window._lock_guard.covered == []
    assert not prompt.isVisible()
    dialog.reject()


def test_closing_the_window_locks_the_vault_and_remembers_the_geometry(qtbot, vault, settings):
    main = MainWindow(vault, settings)
    qtbot.addWidget(main)
    main.show()
    main.resize(800, 655)  # the offscreen screen is 800×800
    qtbot.waitUntil(lambda: main.height() == 655)
    main.close()

    assert vault.is_locked
    assert settings.get("ui/window_geometry")

    again = Vault.unlock(vault.directory, TEST_PASSWORD)
    second = MainWindow(again, settings)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (800, 655)
    second.close()
    assert again.is_locked


def test_lock_shortcut_and_menu_are_there_for_keyboard_users(window):
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.windowTitle() == "Lotse"
    assert window.vault_label.text().startswith("Vault: ")
    assert "Test Case Manager" in window.user_label.text()
