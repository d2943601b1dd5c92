"""A password input with a show/hide toggle."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QWidget

from app.i18n import _
from app.ui.icons import icon


class PasswordField(QLineEdit):
    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setAccessibleName(accessible_name)
        # No autocomplete or drag-out: the password must not end up anywhere else.
        self.setDragEnabled(False)
        self.toggle_action = QAction(icon("eye"), _("Show password"), self)
        self.toggle_action.setCheckable(True)
        self.toggle_action.setToolTip(_("Show password"))
        self.toggle_action.toggled.connect(self._set_revealed)
        self.addAction(self.toggle_action, QLineEdit.ActionPosition.TrailingPosition)

    def _set_revealed(self, revealed: bool) -> None:
        self.setEchoMode(QLineEdit.EchoMode.Normal if revealed else QLineEdit.EchoMode.Password)
        self.toggle_action.setIcon(icon("eye-off" if revealed else "eye"))
        text = _("Hide password") if revealed else _("Show password")
        self.toggle_action.setText(text)
        self.toggle_action.setToolTip(text)

    def wipe(self) -> None:
        """Clear the text and hide it again (used after unlock and on lock)."""
        self.clear()
        self.toggle_action.setChecked(False)
