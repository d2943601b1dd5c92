"""The password form that opens a vault: used at start and on the lock screen.

Key derivation runs on a worker thread with a busy bar. A wrong password is
said inline (the AuthenticationError's message); a damaged vault gets a
dialog, because typing again will not help. "Forgot password?" opens the
recovery dialog, whose vault is reported like a normal unlock.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QDialog, QHBoxLayout, QMessageBox, QVBoxLayout, QWidget

from app.errors import AuthenticationError
from app.i18n import _
from app.storage.vault import Vault
from app.ui.error_dialogs import as_lotse_error, report_unexpected, show_error
from app.ui.widgets.busy_bar import BusyBar
from app.ui.widgets.buttons import link_button, primary_button
from app.ui.widgets.inline_message import InlineMessage
from app.ui.widgets.labels import field_label
from app.ui.widgets.password_field import PasswordField
from app.ui.workers import BackgroundTask, run_in_background


class UnlockForm(QWidget):
    unlocked = Signal(object)  # the unlocked Vault
    busy_changed = Signal(bool)

    def __init__(self, vault_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault_dir = Path(vault_dir)
        self._task: BackgroundTask | None = None
        self.error_box: QMessageBox | None = None  # the last "cannot open" dialog (tests look at it)
        self.recover_dialog: QDialog | None = None

        self.password = PasswordField(_("Password"))
        self.password.setPlaceholderText(_("Your password"))
        self.message = InlineMessage()
        self.busy = BusyBar(_("Unlocking…"))
        self.unlock_button = primary_button(_("Unlock"), _("Unlock the vault"))
        self.forgot_button = link_button(
            _("Forgot password? Use the recovery code"), _("Forgot password? Use the recovery code")
        )
        self.password.returnPressed.connect(self.submit)
        self.unlock_button.clicked.connect(self.submit)
        self.forgot_button.clicked.connect(self.open_recovery)

        # Buttons on the right; a dialog may add its own (Quit) before Unlock.
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(8)
        self.buttons.addWidget(self.forgot_button)
        self.buttons.addWidget(self.busy)  # takes the link's place while unlocking
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.unlock_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(field_label(_("&Password"), self.password))
        layout.addWidget(self.password)
        layout.addWidget(self.message)
        layout.addSpacing(18)
        layout.addLayout(self.buttons)
        QWidget.setTabOrder(self.password, self.unlock_button)
        QWidget.setTabOrder(self.unlock_button, self.forgot_button)

    @property
    def is_busy(self) -> bool:
        return self._task is not None

    def focus_password(self) -> None:
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def reset(self) -> None:
        """Back to an empty form (the lock screen calls this each time it locks)."""
        self.password.wipe()
        self.message.clear_message()

    @Slot()
    def submit(self) -> None:
        if self._task is not None:
            return  # Enter and the default button both arrive here; unlock once
        if not self.password.text():
            self.message.show_message(_("Please enter your password."))
            self.focus_password()
            return
        self.message.clear_message()
        self._set_busy(True)
        self._task = run_in_background(
            Vault.unlock, self.vault_dir, self.password.text(),
            on_success=self._unlocked, on_failure=self._failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self.password.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)
        self.forgot_button.setVisible(not busy)
        self.busy.setVisible(busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)
        self.busy_changed.emit(busy)

    @Slot(object)
    def _unlocked(self, vault: Vault) -> None:
        self._task = None
        self._set_busy(False)
        self.password.wipe()
        self.unlocked.emit(vault)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self._set_busy(False)
        if isinstance(exc, AuthenticationError):
            self.message.show_message(exc.message)
            self.password.selectAll()
            self.focus_password()
            return
        if as_lotse_error(exc) is None:
            report_unexpected(type(exc), exc, exc.__traceback__, self.window())
            return
        self.error_box = show_error(self.window(), exc, heading=_("The vault cannot be opened"))

    @Slot()
    def open_recovery(self) -> None:
        from app.ui.dialogs.recover import RecoverDialog

        dialog = RecoverDialog(self.vault_dir, self.window())
        self.recover_dialog = dialog
        dialog.recovered.connect(self._recovered)
        dialog.open()

    @Slot(object)
    def _recovered(self, vault: Vault) -> None:
        self.recover_dialog = None
        self.reset()
        self.unlocked.emit(vault)
