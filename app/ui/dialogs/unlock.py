"""At start: the password for an existing vault."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QDialog, QWidget

from app.i18n import _
from app.storage.vault import Vault
from app.ui.dialogs.layout import CONTENT_WIDTH, dialog_layout
from app.ui.icons import app_icon
from app.ui.widgets.buttons import secondary_button
from app.ui.widgets.header import Header
from app.ui.widgets.labels import hint_label
from app.ui.widgets.unlock_form import UnlockForm


class UnlockDialog(QDialog):
    """``exec()`` returns Accepted with ``self.vault`` unlocked."""

    def __init__(self, vault_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault_dir = Path(vault_dir)
        self.vault: Vault | None = None
        self.setWindowTitle(_("Unlock"))
        self.setWindowIcon(app_icon())

        header = Header(_("Welcome back"), _("Enter your password to open your case files."))
        self.form = UnlockForm(self.vault_dir)
        self.quit_button = secondary_button(_("Quit"), _("Quit Lotse"))
        self.form.buttons.insertWidget(self.form.buttons.count() - 1, self.quit_button)
        self.form.unlock_button.setDefault(True)
        location = hint_label(_("Vault folder: {path}").format(path=self.vault_dir))
        location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.quit_button.clicked.connect(self.reject)
        self.form.unlocked.connect(self._unlocked)
        self.form.busy_changed.connect(lambda busy: self.quit_button.setEnabled(not busy))

        header.setMinimumWidth(CONTENT_WIDTH)
        layout = dialog_layout(self)
        layout.addWidget(header)
        layout.addSpacing(22)
        layout.addWidget(self.form)
        layout.addSpacing(12)
        layout.addWidget(location)
        QWidget.setTabOrder(self.form.unlock_button, self.quit_button)
        QWidget.setTabOrder(self.quit_button, self.form.forgot_button)
        self.form.focus_password()

    @Slot(object)
    def _unlocked(self, vault: Vault) -> None:
        self.vault = vault
        super().accept()

    def accept(self) -> None:
        self.form.submit()  # only a successful unlock ends the dialog

    def reject(self) -> None:
        if self.form.is_busy:
            return  # let the key derivation finish; the vault must not stay open unseen
        super().reject()
