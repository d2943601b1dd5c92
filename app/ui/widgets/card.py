"""A white card with a heading and an optional sentence: how pages group their content."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from app.ui.widgets.labels import hint_label, role_label


class Card(QFrame):
    """Add content to ``self.content`` (a QVBoxLayout below the heading)."""

    def __init__(self, title: str = "", description: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 22)
        layout.setSpacing(4)
        self.heading = role_label(title, "section")
        self.heading.setVisible(bool(title))
        self.description = hint_label(description)
        self.description.setVisible(bool(description))
        layout.addWidget(self.heading)
        layout.addWidget(self.description)
        layout.addSpacing(8 if title or description else 0)
        self.content = QVBoxLayout()
        self.content.setSpacing(10)
        layout.addLayout(self.content)
