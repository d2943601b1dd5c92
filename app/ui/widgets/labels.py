"""Labels with a text role the stylesheet knows (title, lead, hint, field label)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def set_role(widget: QWidget, role: str) -> None:
    """Give a widget a stylesheet role and re-polish it so the change shows at once."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def role_label(text: str, role: str, *, wrap: bool = True, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", role)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)  # labels never interpret markup in text
    return label


def title_label(text: str) -> QLabel:
    label = role_label(text, "title")
    label.setAccessibleName(text)
    return label


def lead_label(text: str) -> QLabel:
    return role_label(text, "lead")


def hint_label(text: str) -> QLabel:
    return role_label(text, "hint")


def field_label(text: str, buddy: QWidget | None = None) -> QLabel:
    """A label above an input; ``&`` in ``text`` marks the Alt shortcut to the buddy."""
    label = QLabel(text)
    label.setProperty("role", "field-label")
    if buddy is not None:
        label.setBuddy(buddy)
    return label
