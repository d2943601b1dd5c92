"""The desktop entry point end to end: first run creates a vault, the window opens, closing locks."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.settings import Settings
from app.storage.vault import Vault, vault_exists
from app.ui.application import run_gui
from app.ui.dialogs.create_vault import CreateVaultDialog
from app.ui.main_window import MainWindow

PASSWORD = "Leuchtturm am Rhein 42"


def test_first_run_creates_the_vault_opens_the_window_and_closing_locks(qtbot, vault_dir, monkeypatch):
    seen: dict[str, object] = {}
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own

    def drive() -> None:
        """Play the user, one step per tick, without blocking the event loop."""
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, CreateVaultDialog):
            if dialog.steps.currentWidget() is dialog.form_step and dialog.vault is None:
                if not dialog.name_input.text():
                    dialog.name_input.setText("Miriam Okafor")
                    dialog.passwords.password.setText(PASSWORD)
                    dialog.passwords.repeat.setText(PASSWORD)
                    dialog.create_button.click()
            elif dialog.steps.currentWidget() is dialog.code_step:
                seen["code"] = dialog.code_view.code()
                dialog.confirm_box.setChecked(True)
                dialog.continue_button.click()
            return
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows:
            window = windows[0]
            seen["vault"] = window.vault
            seen["title"] = window.windowTitle()
            window.close()
            timer.stop()

    timer = QTimer()
    timer.timeout.connect(drive)
    timer.start(50)
    assert run_gui(vault_dir) == 0

    assert seen["title"] == "Lotse"
    assert vault_exists(vault_dir)
    assert seen["vault"].is_locked  # closing the window locked it
    assert Settings().get("vault/last_dir") == str(vault_dir)
    recovered = Vault.unlock_with_recovery_code(vault_dir, seen["code"])
    assert recovered.user_name == "Miriam Okafor"
    recovered.lock()
