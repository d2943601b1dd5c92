"""A tidy stand-in for a page that a later version builds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.i18n import _
from app.ui.icons import pixmap
from app.ui.pages.page_frame import PageFrame
from app.ui.widgets.labels import hint_label, lead_label, role_label


class PlaceholderPage(PageFrame):
    def __init__(self, title: str, summary: str, icon_name: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        card = QFrame()
        card.setProperty("card", True)
        card.setMaximumWidth(640)
        symbol = QLabel()
        symbol.setObjectName("placeholderIcon")
        symbol.setFixedSize(56, 56)
        symbol.setAlignment(Qt.AlignmentFlag.AlignCenter)
        symbol.setPixmap(pixmap(icon_name, 28, "accent"))
        heading = role_label(title, "section")
        sentence = lead_label(summary)
        note = hint_label(_("This part of Lotse is being built and arrives with a later update."))
        layout = QVBoxLayout(card)
        layout.setContentsMargins(28, 28, 28, 28)
        layout.setSpacing(8)
        layout.addWidget(symbol)
        layout.addSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(sentence)
        layout.addSpacing(6)
        layout.addWidget(note)
        self.body.addWidget(card)
        self.body.addStretch(1)
        self.summary_label = sentence
