"""A message shown inside a form (a wrong password, passwords that differ).

Inline rather than a dialog: the user keeps typing where they are. Hidden
while empty, so the form does not reserve space for an error it may never show.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.i18n import _
from app.ui.dialogs.layout import fit_dialog_later


class InlineMessage(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "error")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(_("Message"))
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleDescription(text)
        was_visible = self.isVisible()
        self.setVisible(bool(text))
        if bool(text) != was_visible or text:
            fit_dialog_later(self)

    def clear_message(self) -> None:
        self.show_message("")
