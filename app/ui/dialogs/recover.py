"""Forgotten password: open the vault with the recovery code and set a new password."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QWidget

from app.errors import AuthenticationError
from app.i18n import _
from app.storage.keywrap import RECOVERY_GROUP_LEN, RECOVERY_GROUPS, normalize_recovery_code
from app.storage.vault import Vault, recover
from app.ui.dialogs.layout import CONTENT_WIDTH, dialog_layout
from app.ui.error_dialogs import as_lotse_error, report_unexpected
from app.ui.icons import app_icon
from app.ui.theme import mono_font
from app.ui.widgets.busy_bar import BusyBar
from app.ui.widgets.buttons import primary_button, secondary_button
from app.ui.widgets.header import Header
from app.ui.widgets.inline_message import InlineMessage
from app.ui.widgets.labels import field_label, hint_label
from app.ui.widgets.new_password_fields import NewPasswordFields
from app.ui.workers import BackgroundTask, run_in_background

CODE_LENGTH = RECOVERY_GROUPS * RECOVERY_GROUP_LEN


class RecoverDialog(QDialog):
    """Emits ``recovered(vault)`` and accepts once the vault is open under the new password."""

    recovered = Signal(object)

    def __init__(self, vault_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault_dir = Path(vault_dir)
        self.vault: Vault | None = None
        self._task: BackgroundTask | None = None
        self.setWindowTitle(_("Recover access"))
        self.setWindowIcon(app_icon())

        header = Header(
            _("Recover access with your code"),
            _("Enter the recovery code you wrote down when the vault was created, "
              "then choose a new password. The recovery code stays valid."),
        )
        self.code_input = QLineEdit()
        self.code_input.setObjectName("recoveryCodeInput")
        self.code_input.setFont(mono_font(13))
        self.code_input.setAccessibleName(_("Recovery code"))
        self.code_input.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        code_hint = hint_label(_("Upper or lower case, with or without dashes."))
        self.passwords = NewPasswordFields(
            first_label=_("&New password"), repeat_label=_("&Repeat new password"))
        self.passwords.password.setAccessibleName(_("New password"))
        self.passwords.repeat.setAccessibleName(_("Repeat new password"))
        self.message = InlineMessage()
        self.busy = BusyBar(_("Checking the code and setting the new password…"))
        self.cancel_button = secondary_button(_("Cancel"), _("Cancel recovery"))
        self.recover_button = primary_button(_("Set password and unlock"), _("Set password and unlock"))
        self.recover_button.setDefault(True)

        self.cancel_button.clicked.connect(self.reject)
        self.recover_button.clicked.connect(self.submit)
        self.code_input.textChanged.connect(self._update_button)
        self.passwords.changed.connect(self._update_button)

        buttons = QHBoxLayout()
        buttons.addWidget(self.busy)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.recover_button)

        header.setMinimumWidth(CONTENT_WIDTH)
        layout = dialog_layout(self)
        layout.addWidget(header)
        layout.addSpacing(22)
        layout.addWidget(field_label(_("Recovery &code"), self.code_input))
        layout.addWidget(self.code_input)
        layout.addWidget(code_hint)
        layout.addSpacing(14)
        layout.addWidget(self.passwords)
        layout.addWidget(self.message)
        layout.addSpacing(18)
        layout.addStretch(1)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.code_input, self.passwords.password)
        QWidget.setTabOrder(self.passwords.password, self.passwords.repeat)
        QWidget.setTabOrder(self.passwords.repeat, self.recover_button)
        QWidget.setTabOrder(self.recover_button, self.cancel_button)
        self._update_button()
        self.code_input.setFocus()

    def _code_complete(self) -> bool:
        return len(normalize_recovery_code(self.code_input.text()).replace("-", "")) == CODE_LENGTH

    def _update_button(self) -> None:
        self.recover_button.setEnabled(
            self._task is None and self._code_complete() and self.passwords.is_valid()
        )

    @Slot()
    def submit(self) -> None:
        if self._task is not None:
            return
        if not self._code_complete():
            self.message.show_message(
                _("The recovery code has {count} letters and digits.").format(count=CODE_LENGTH)
            )
            self.code_input.setFocus()
            return
        problem = self.passwords.problem()
        if problem:
            self.passwords.message.show_message(problem)
            return
        self.message.clear_message()
        self._set_busy(True)
        self._task = run_in_background(
            recover, self.vault_dir, self.code_input.text(), self.passwords.value(),
            on_success=self._recovered, on_failure=self._failed,
        )

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.code_input, self.passwords, self.cancel_button, self.recover_button):
            widget.setEnabled(not busy)
        self.busy.setVisible(busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    @Slot(object)
    def _recovered(self, vault: Vault) -> None:
        self._task = None
        self._set_busy(False)
        self.vault = vault
        self.code_input.clear()
        self.passwords.wipe()
        self.recovered.emit(vault)
        super().accept()

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self._set_busy(False)
        self._update_button()
        error = as_lotse_error(exc)
        if error is None:
            report_unexpected(type(exc), exc, exc.__traceback__, self)
            return
        self.message.show_message(error.message)
        if isinstance(exc, AuthenticationError):
            self.code_input.selectAll()
            self.code_input.setFocus()

    def accept(self) -> None:
        self.submit()  # Enter submits; the dialog closes itself when the vault is open

    def reject(self) -> None:
        if self._task is not None:
            return  # the new password is being written: let it finish
        super().reject()
