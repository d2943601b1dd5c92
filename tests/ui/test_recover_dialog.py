"""Forgotten password: the recovery code opens the vault and sets a new password."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from app.storage.vault import Vault
from app.ui.dialogs.recover import RecoverDialog
from app.ui.dialogs.unlock import UnlockDialog
from tests.ui.helpers import click, type_text

NEW_PASSWORD = "Neues Passwort fuer Rheine"


@pytest.fixture
def vault_with_code(vault_dir):
    vault, code = Vault.create(vault_dir, "the old forgotten one", user_name="Jonas Berg")
    vault.lock()
    return code


def fill(qtbot, dialog: RecoverDialog, code: str) -> None:
    type_text(qtbot, dialog.code_input, code)
    type_text(qtbot, dialog.passwords.password, NEW_PASSWORD)
    type_text(qtbot, dialog.passwords.repeat, NEW_PASSWORD)


def test_the_code_as_typed_by_hand_opens_the_vault_with_a_new_password(qtbot, vault_dir, vault_with_code):
    dialog = RecoverDialog(vault_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    # Lower case, spaces instead of dashes: what people type from paper.
    fill(qtbot, dialog, vault_with_code.lower().replace("-", " "))
    assert dialog.recover_button.isEnabled()

    with qtbot.waitSignal(dialog.recovered, timeout=30_000) as signal:
        click(qtbot, dialog.recover_button)
    recovered = signal.args[0]
    assert not recovered.is_locked
    assert dialog.result() == QDialog.DialogCode.Accepted
    recovered.lock()
    Vault.unlock(vault_dir, NEW_PASSWORD).lock()


def test_a_wrong_code_is_said_inline(qtbot, vault_dir, vault_with_code):
    dialog = RecoverDialog(vault_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    wrong = "0000-0000-0000-0000-0000-0000"
    assert wrong != vault_with_code
    fill(qtbot, dialog, wrong)
    click(qtbot, dialog.recover_button)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=30_000)

    assert dialog.message.text() == "The recovery code is not correct."
    assert dialog.vault is None and dialog.isVisible()
    Vault.unlock(vault_dir, "the old forgotten one").lock()  # nothing was changed


def test_an_incomplete_code_keeps_the_button_off(qtbot, vault_dir, vault_with_code):
    dialog = RecoverDialog(vault_dir)
    qtbot.addWidget(dialog)
    fill(qtbot, dialog, vault_with_code[:10])
    assert not dialog.recover_button.isEnabled()
    dialog.submit()
    assert dialog.message.text() == "The recovery code has 24 letters and digits."


def test_forgot_password_in_the_unlock_dialog_leads_through_recovery(qtbot, vault_dir, vault_with_code):
    unlock = UnlockDialog(vault_dir)
    qtbot.addWidget(unlock)
    unlock.show()
    click(qtbot, unlock.form.forgot_button)
    recover = unlock.form.recover_dialog
    assert recover is not None and recover.isVisible()

    fill(qtbot, recover, vault_with_code)
    with qtbot.waitSignal(unlock.form.unlocked, timeout=30_000):
        click(qtbot, recover.recover_button)
    assert unlock.result() == QDialog.DialogCode.Accepted
    assert unlock.vault is not None and not unlock.vault.is_locked
    unlock.vault.lock()
