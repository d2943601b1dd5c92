"""Labels with a text role the stylesheet knows (title, lead, hint, field label)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


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


class ElidedLabel(QLabel):
    """One line that takes the room it is given and ends in "…" when the text is longer.

    For values whose length nobody controls (a deadline's text, a long German
    office name): cut visibly instead of clipped mid-word; the whole text is in
    the tooltip, and ``text()`` returns it whole.
    """

    def __init__(self, text: str = "", role: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if role:
            self.setProperty("role", role)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = ""
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._full = text or ""
        self._show()

    def text(self) -> str:
        return self._full

    def _show(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(self.contentsRect().width(), 12))
        super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._show()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._show()  # the role's font (bold, larger) arrives with the stylesheet


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
