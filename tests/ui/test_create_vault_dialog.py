"""First run: the create-vault dialog makes a real vault and shows its recovery code once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.settings import app_home
from app.storage.keywrap import normalize_recovery_code
from app.storage.vault import Vault, recover
from app.ui.dialogs.create_vault import CreateVaultDialog
from tests.ui.helpers import click, type_text

PASSWORD = "Leuchtturm am Rhein 42"


def open_dialog(qtbot, vault_dir) -> CreateVaultDialog:
    dialog = CreateVaultDialog(vault_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fill_form(qtbot, dialog: CreateVaultDialog, password: str = PASSWORD, repeat: str | None = None) -> None:
    type_text(qtbot, dialog.name_input, "Miriam Okafor")
    type_text(qtbot, dialog.passwords.password, password)
    type_text(qtbot, dialog.passwords.repeat, password if repeat is None else repeat)


def test_the_code_shown_is_the_one_that_recovers_the_vault(qtbot, vault_dir):
    dialog = open_dialog(qtbot, vault_dir)
    fill_form(qtbot, dialog)
    assert dialog.create_button.isEnabled()

    click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: dialog.steps.currentWidget() is dialog.code_step, timeout=30_000)

    shown = dialog.code_view.code_label.text()
    code = normalize_recovery_code(shown)
    assert len(code.replace("-", "")) == 24
    assert dialog.vault is not None and not dialog.vault.is_locked
    assert dialog.vault.user_name == "Miriam Okafor"

    # Continue stays off until the user confirms, and Escape cannot throw the code away.
    assert not dialog.continue_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    click(qtbot, dialog.confirm_box)
    assert dialog.confirm_box.isChecked()
    assert dialog.continue_button.isEnabled()
    click(qtbot, dialog.continue_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.code_view.code() == ""  # the widget forgot it

    dialog.vault.lock()
    # What the person copied by hand opens the vault and sets a new password.
    recovered = recover(vault_dir, shown.lower().replace("\n", " "), "a brand new passphrase")
    assert not recovered.is_locked
    recovered.lock()
    Vault.unlock(vault_dir, "a brand new passphrase").lock()


def test_the_recovery_code_is_never_written_to_settings_or_logs(qtbot, vault_dir):
    dialog = open_dialog(qtbot, vault_dir)
    fill_form(qtbot, dialog)
    click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: dialog.vault is not None, timeout=30_000)
    code = dialog.code_view.code()
    click(qtbot, dialog.confirm_box)
    click(qtbot, dialog.continue_button)
    dialog.vault.lock()

    raw_code = code.replace("-", "").encode()
    for path in app_home().rglob("*"):
        if path.is_file():
            content = path.read_bytes().replace(b"-", b"")
            assert raw_code not in content, path
            assert PASSWORD.encode() not in path.read_bytes(), path


def test_different_passwords_are_said_inline_and_block_creation(qtbot, vault_dir):
    dialog = open_dialog(qtbot, vault_dir)
    fill_form(qtbot, dialog, repeat="Leuchtturm am Rhein 43")

    assert dialog.passwords.message.isVisible()
    assert dialog.passwords.message.text() == "The two passwords are not the same."
    assert not dialog.create_button.isEnabled()
    assert not vault_dir.exists()


def test_a_short_password_gets_a_hint_and_cannot_be_used(qtbot, vault_dir):
    dialog = open_dialog(qtbot, vault_dir)
    fill_form(qtbot, dialog, password="kurz12")

    assert dialog.passwords.strength_label.text() == "Strength: Too short"
    assert not dialog.create_button.isEnabled()
    dialog.create_vault()  # Enter on the form goes the same way
    assert dialog.passwords.message.text() == "The password must have at least 8 characters."
    assert not vault_dir.exists()


def test_a_vault_that_already_exists_is_reported_in_the_form(qtbot, vault_dir, vault):
    dialog = open_dialog(qtbot, vault_dir)
    fill_form(qtbot, dialog)
    click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=30_000)

    assert "already exists" in dialog.message.text()
    assert dialog.vault is None
    assert dialog.steps.currentWidget() is dialog.form_step
    assert dialog.create_button.isEnabled()


def test_cancel_before_creating_leaves_nothing_behind(qtbot, vault_dir):
    dialog = open_dialog(qtbot, vault_dir)
    type_text(qtbot, dialog.name_input, "Miriam Okafor")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not vault_dir.exists()


def test_inputs_and_buttons_have_accessible_names(qtbot, vault_dir):
    dialog = open_dialog(qtbot, vault_dir)
    for widget in (dialog.name_input, dialog.passwords.password, dialog.passwords.repeat,
                   dialog.create_button, dialog.cancel_button, dialog.confirm_box,
                   dialog.continue_button, dialog.code_view.copy_button, dialog.code_view.print_button):
        assert widget.accessibleName(), widget
    assert dialog.create_button.isDefault()
