"""One contact in the timeline: a rail with the kind's symbol, then date, kind, duration,
the goal areas as chips, the participants and the note (long notes folded)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from app.i18n import _
from app.ui.case_view.casework_format import format_date, format_duration
from app.ui.case_view.casework_labels import (
    CONTACT_KIND_ICONS,
    CONTACT_KIND_LABELS,
    GOAL_AREA_LABELS,
    label,
)
from app.ui.case_view.casework_widgets import Chip, plain_label
from app.ui.icons import pixmap
from app.ui.theme import COLORS
from app.ui.widgets.buttons import link_button
from app.ui.widgets.labels import role_label

FOLD_CHARACTERS = 320
FOLD_LINES = 5
RAIL_WIDTH = 44
SYMBOL = 32


def folded(note: str) -> str | None:
    """The beginning of a long note ending in '…', or None when the note is short enough."""
    lines = note.splitlines()
    if len(note) <= FOLD_CHARACTERS and len(lines) <= FOLD_LINES:
        return None
    head = "\n".join(lines[:FOLD_LINES])[:FOLD_CHARACTERS]
    cut = head.rfind(" ")
    if cut > FOLD_CHARACTERS * 0.6:
        head = head[:cut]
    return head.rstrip() + " …"


class TimelineRail(QWidget):
    """The vertical line of the timeline with the kind's symbol in a circle."""

    def __init__(self, icon_name: str, *, last: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(RAIL_WIDTH)
        self._symbol = pixmap(icon_name, 18, "accent_text")
        self._last = last

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre = self.width() / 2
        top = 14
        if not self._last:
            painter.setPen(QPen(QColor(COLORS["border"]), 2))
            painter.drawLine(QPointF(centre, top + SYMBOL), QPointF(centre, self.height()))
        painter.setPen(QPen(QColor("#BFD7E1"), 1))
        painter.setBrush(QColor(COLORS["accent_soft"]))
        circle = QRectF(centre - SYMBOL / 2, top, SYMBOL, SYMBOL)
        painter.drawEllipse(circle)
        size = self._symbol.deviceIndependentSize()
        painter.drawPixmap(QPointF(centre - size.width() / 2, top + (SYMBOL - size.height()) / 2), self._symbol)
        painter.end()


class ContactCard(QWidget):
    edit_requested = Signal(str)
    delete_requested = Signal(str)

    def __init__(self, contact: dict[str, Any], *, last: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contact_id = contact["id"]
        kind = contact.get("kind") or "other"
        kind_text = label(CONTACT_KIND_LABELS, kind)
        self.rail = TimelineRail(CONTACT_KIND_ICONS.get(kind, "contact-other"), last=last)

        card = QFrame()
        card.setProperty("card", True)
        card.setObjectName("contactCard")
        body = QVBoxLayout(card)
        body.setContentsMargins(18, 12, 14, 14)
        body.setSpacing(6)

        self.date_label = role_label(format_date(contact.get("date")), "card-title", wrap=False)
        self.kind_label = plain_label(kind_text)
        self.kind_label.setProperty("role", "card-kind")
        duration = format_duration(contact.get("duration_minutes"))
        self.duration_label = role_label(duration, "hint", wrap=False)
        self.duration_label.setVisible(bool(duration))
        self.edit_button = link_button(_("Edit"), _("Edit the contact of {date}").format(
            date=format_date(contact.get("date"))))
        self.delete_button = link_button(_("Delete"), _("Delete the contact of {date}").format(
            date=format_date(contact.get("date"))))
        self.delete_button.setProperty("dangerLink", True)
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.contact_id))
        self.delete_button.clicked.connect(lambda: self.delete_requested.emit(self.contact_id))
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.date_label)
        top.addWidget(self.kind_label)
        top.addWidget(self.duration_label)
        top.addStretch(1)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        body.addLayout(top)

        areas = list(contact.get("areas") or [])
        self.chips = [Chip(label(GOAL_AREA_LABELS, code)) for code in areas]
        if self.chips:
            row = QHBoxLayout()
            row.setSpacing(6)
            for chip in self.chips:
                row.addWidget(chip)
            row.addStretch(1)
            body.addLayout(row)

        participants = (contact.get("participants") or "").strip()
        self.participants_label = plain_label(
            _("Participants: {names}").format(names=participants), wrap=True, selectable=True)
        self.participants_label.setProperty("role", "lead")
        self.participants_label.setVisible(bool(participants))
        body.addWidget(self.participants_label)

        self.note = (contact.get("note") or "").strip()
        self._short = folded(self.note)
        self.note_label = plain_label(self._short or self.note, wrap=True, selectable=True)
        self.note_label.setProperty("role", "note")
        self.note_label.setVisible(bool(self.note))
        body.addWidget(self.note_label)
        self.expand_button = link_button(_("Show the whole note"), _("Show the whole note"))
        self.expand_button.setVisible(self._short is not None)
        self.expand_button.clicked.connect(self.toggle_note)
        body.addWidget(self.expand_button, 0, Qt.AlignmentFlag.AlignLeft)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.rail)
        column = QVBoxLayout()
        column.setContentsMargins(0, 4, 0, 10)
        column.addWidget(card)
        layout.addLayout(column, 1)
        self.setAccessibleName(_("{kind} on {date}").format(kind=kind_text, date=format_date(contact.get("date"))))

    @property
    def expanded(self) -> bool:
        return self._short is not None and self.note_label.text() == self.note

    def toggle_note(self) -> None:
        if self._short is None:
            return
        expand = not self.expanded
        self.note_label.setText(self.note if expand else self._short)
        self.expand_button.setText(_("Show less") if expand else _("Show the whole note"))
        self.expand_button.setAccessibleName(self.expand_button.text())
