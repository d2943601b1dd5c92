"""A calm stand-in for a case tab that a later version builds."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.i18n import _
from app.ui.widgets.labels import hint_label, role_label


class PlaceholderTab(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(role_label(title, "section"))
        layout.addWidget(hint_label(_("This part of the case file arrives with a later update.")))
        layout.addStretch(1)

    def show_case(self, detail: dict) -> None:
        """Nothing to show yet."""
