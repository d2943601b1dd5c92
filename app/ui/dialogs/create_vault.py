"""First run: create the vault, then show the recovery code once.

Two steps in one dialog. The vault is created on a worker thread (key
derivation is calibrated to about half a second, several times over). Once
it exists the dialog cannot be dismissed until the user confirms that the
recovery code is written down: closing earlier would lose the only copy.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.storage.vault import Vault
from app.ui.dialogs.layout import CONTENT_WIDTH, dialog_layout, fit_dialog_later
from app.ui.error_dialogs import as_lotse_error, report_unexpected
from app.ui.icons import app_icon
from app.ui.widgets.busy_bar import BusyBar
from app.ui.widgets.buttons import primary_button, secondary_button
from app.ui.widgets.header import Header
from app.ui.widgets.inline_message import InlineMessage
from app.ui.widgets.labels import field_label, hint_label, lead_label
from app.ui.widgets.new_password_fields import NewPasswordFields
from app.ui.widgets.recovery_code_view import RecoveryCodeView
from app.ui.workers import BackgroundTask, run_in_background


class CreateVaultDialog(QDialog):
    """``exec()`` returns Accepted with ``self.vault`` unlocked, or Rejected before creation."""

    def __init__(self, vault_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault_dir = Path(vault_dir)
        self.vault: Vault | None = None
        self._task: BackgroundTask | None = None
        self.setWindowTitle(_("Create your vault"))
        self.setWindowIcon(app_icon())

        self.steps = QStackedWidget()
        self.form_step = self._build_form_step()
        self.code_step = self._build_code_step()
        self.steps.addWidget(self.form_step)
        self.steps.addWidget(self.code_step)
        self.steps.setMinimumWidth(CONTENT_WIDTH)
        layout = dialog_layout(self)
        layout.addWidget(self.steps)
        self._update_create_button()
        self.name_input.setFocus()

    # --- step 1: name and password -----------------------------------------------

    def _build_form_step(self) -> QWidget:
        page = QWidget()
        self.header = Header(
            _("Create your vault"),
            _("Lotse keeps all case files in an encrypted vault on this computer. "
              "Only your password opens it; nobody can reset it for you."),
        )
        self.name_input = QLineEdit()
        self.name_input.setAccessibleName(_("Your name"))
        self.name_input.setPlaceholderText(_("First and last name"))
        self.name_input.setMaxLength(120)
        name_hint = hint_label(_("Shown in the audit log and on letters you send."))
        self.passwords = NewPasswordFields()
        self.location = hint_label(_("Vault folder: {path}").format(path=self.vault_dir))
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = InlineMessage()
        self.busy = BusyBar(_("Creating the encrypted vault…"))
        self.cancel_button = secondary_button(_("Cancel"), _("Cancel and quit"))
        self.create_button = primary_button(_("Create vault"), _("Create vault"))
        self.create_button.setDefault(True)

        self.cancel_button.clicked.connect(self.reject)
        self.create_button.clicked.connect(self.create_vault)
        self.name_input.textChanged.connect(self._update_create_button)
        self.passwords.changed.connect(self._update_create_button)

        buttons = QHBoxLayout()
        buttons.addWidget(self.busy)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.create_button)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.header)
        layout.addSpacing(22)
        layout.addWidget(field_label(_("Your &name"), self.name_input))
        layout.addWidget(self.name_input)
        layout.addWidget(name_hint)
        layout.addSpacing(14)
        layout.addWidget(self.passwords)
        layout.addSpacing(14)
        layout.addWidget(self.location)
        layout.addWidget(self.message)
        layout.addSpacing(18)
        layout.addStretch(1)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.name_input, self.passwords.password)
        QWidget.setTabOrder(self.passwords.password, self.passwords.repeat)
        QWidget.setTabOrder(self.passwords.repeat, self.create_button)
        QWidget.setTabOrder(self.create_button, self.cancel_button)
        return page

    def _update_create_button(self) -> None:
        ready = bool(self.name_input.text().strip()) and self.passwords.is_valid()
        self.create_button.setEnabled(ready and self._task is None)

    @Slot()
    def create_vault(self) -> None:
        if self._task is not None:
            return
        if not self.name_input.text().strip():
            self.message.show_message(_("Please enter your name."))
            self.name_input.setFocus()
            return
        problem = self.passwords.problem()
        if problem:
            self.passwords.message.show_message(problem)
            self.passwords.password.setFocus()
            return
        self.message.clear_message()
        self._set_busy(True)
        self._task = run_in_background(
            Vault.create,
            self.vault_dir,
            self.passwords.value(),
            user_name=self.name_input.text().strip(),
            on_success=self._created,
            on_failure=self._creation_failed,
        )

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.name_input, self.passwords, self.cancel_button):
            widget.setEnabled(not busy)
        self.create_button.setEnabled(not busy)
        self.busy.setVisible(busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    @Slot(object)
    def _created(self, result: tuple[Vault, str]) -> None:
        self._task = None
        self._set_busy(False)
        self.vault, code = result
        self.passwords.wipe()
        self.code_view.set_code(code)
        self.steps.setCurrentWidget(self.code_step)
        fit_dialog_later(self.steps)
        self.setWindowTitle(_("Your recovery code"))
        self.continue_button.setDefault(True)
        self.code_view.code_label.setFocus()

    @Slot(object)
    def _creation_failed(self, exc: BaseException) -> None:
        self._task = None
        self._set_busy(False)
        error = as_lotse_error(exc)
        if error is None:
            report_unexpected(type(exc), exc, exc.__traceback__, self)
            return
        self.message.show_message(error.message)
        self._update_create_button()

    # --- step 2: the recovery code -----------------------------------------------

    def _build_code_step(self) -> QWidget:
        page = QWidget()
        header = Header(
            _("Write down your recovery code"),
            _("If you forget your password, this code is the only way into your vault. "
              "It is shown only now. Write it on paper and keep it somewhere safe, away from this laptop."),
        )
        self.code_view = RecoveryCodeView()
        self.confirm_box = QCheckBox(_("I have &written the recovery code down and keep it safe"))
        self.confirm_box.setAccessibleName(_("I have written the recovery code down and keep it safe"))
        self.continue_button = primary_button(_("Continue"), _("Continue to Lotse"))
        self.continue_button.setEnabled(False)
        self.confirm_box.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self._finish)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.continue_button)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(header)
        layout.addSpacing(22)
        layout.addWidget(self.code_view)
        layout.addSpacing(16)
        layout.addWidget(self._advice())
        layout.addSpacing(12)
        layout.addWidget(self.confirm_box)
        layout.addStretch(1)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.code_view.code_label, self.code_view.copy_button)
        QWidget.setTabOrder(self.code_view.copy_button, self.code_view.print_button)
        QWidget.setTabOrder(self.code_view.print_button, self.confirm_box)
        QWidget.setTabOrder(self.confirm_box, self.continue_button)
        return page

    @staticmethod
    def _advice() -> QWidget:
        box = QFrame()
        box.setProperty("card", True)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(6)
        for sentence in (
            _("Keep it on paper, not in a file or photo on this laptop."),
            _("Whoever has the code and the laptop can open the vault: keep it as safe as a key."),
            _("Lotse asks for it only when you have forgotten your password."),
        ):
            line = lead_label("•  " + sentence)
            layout.addWidget(line)
        return box

    @Slot()
    def _finish(self) -> None:
        if not self.confirm_box.isChecked():
            return
        self.code_view.forget()
        super().accept()

    # --- leaving -----------------------------------------------------------------

    def accept(self) -> None:
        """Enter on the form creates; only ``_finish`` ends the dialog."""
        if self.steps.currentWidget() is self.form_step:
            self.create_vault()
        else:
            self._finish()

    def reject(self) -> None:
        # While creating, or once the vault exists, Escape must not throw the code away.
        if self._task is not None or self.vault is not None:
            if self.vault is not None:
                self.confirm_box.setFocus()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self._task is not None or (self.vault is not None and self.result() != QDialog.DialogCode.Accepted):
            event.ignore()
            return
        super().closeEvent(event)
