"""Opening an existing vault: wrong password inline, right password opens, damage gets a dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.storage.vault import KEYFILE_NAME
from app.ui.dialogs.unlock import UnlockDialog
from tests.conftest import TEST_PASSWORD
from tests.ui.helpers import click, type_text


def open_dialog(qtbot, vault_dir) -> UnlockDialog:
    dialog = UnlockDialog(vault_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_wrong_then_the_right_password(qtbot, vault, vault_dir):
    vault.lock()
    dialog = open_dialog(qtbot, vault_dir)
    form = dialog.form

    type_text(qtbot, form.password, "not my password")
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.message.isVisible(), timeout=30_000)
    assert form.message.text() == "The password is not correct."
    assert dialog.vault is None and dialog.isVisible()
    assert form.password.selectedText() == "not my password"  # typing again replaces it

    form.password.clear()
    type_text(qtbot, form.password, TEST_PASSWORD)
    with qtbot.waitSignal(form.unlocked, timeout=30_000):
        click(qtbot, form.unlock_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.vault is not None and not dialog.vault.is_locked
    assert dialog.vault.user_name == "Test Case Manager"
    assert form.password.text() == ""
    dialog.vault.lock()


def test_the_form_is_busy_while_the_key_is_derived(qtbot, vault, vault_dir):
    vault.lock()
    dialog = open_dialog(qtbot, vault_dir)
    type_text(qtbot, dialog.form.password, TEST_PASSWORD)
    with qtbot.waitSignal(dialog.form.busy_changed, timeout=5_000) as started:
        click(qtbot, dialog.form.unlock_button)
    assert started.args == [True]
    assert not dialog.form.password.isEnabled()
    qtbot.waitUntil(lambda: dialog.vault is not None, timeout=30_000)
    assert not dialog.form.busy.isVisible()
    dialog.vault.lock()


def test_an_empty_password_is_asked_for(qtbot, vault, vault_dir):
    vault.lock()
    dialog = open_dialog(qtbot, vault_dir)
    click(qtbot, dialog.form.unlock_button)
    assert dialog.form.message.text() == "Please enter your password."
    assert not dialog.form.is_busy


def test_a_damaged_key_file_gets_a_clear_dialog(qtbot, vault, vault_dir):
    vault.lock()
    keyfile = vault_dir / KEYFILE_NAME
    original = keyfile.read_bytes()
    keyfile.write_bytes(b"{ this is not json")
    dialog = open_dialog(qtbot, vault_dir)

    type_text(qtbot, dialog.form.password, TEST_PASSWORD)
    click(qtbot, dialog.form.unlock_button)
    qtbot.waitUntil(lambda: dialog.form.error_box is not None and dialog.form.error_box.isVisible(),
                    timeout=30_000)
    box = dialog.form.error_box
    assert "The vault cannot be opened" in box.text()
    assert "damaged" in box.informativeText()
    assert dialog.vault is None
    assert keyfile.read_bytes() == b"{ this is not json"  # nothing overwritten
    box.accept()
    keyfile.write_bytes(original)


def test_escape_quits_and_keyboard_order_is_sensible(qtbot, vault, vault_dir):
    vault.lock()
    dialog = open_dialog(qtbot, vault_dir)
    assert dialog.form.unlock_button.isDefault()
    assert dialog.form.password.accessibleName() == "Password"
    assert dialog.form.password.nextInFocusChain() is dialog.form.unlock_button
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
