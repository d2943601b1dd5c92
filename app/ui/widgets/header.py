"""The top of a dialog or screen: a symbol, a title and one or two sentences."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.ui.icons import app_icon
from app.ui.widgets.labels import lead_label, title_label


class Header(QWidget):
    def __init__(self, title: str, lead: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        symbol = QLabel()
        symbol.setPixmap(app_icon().pixmap(44, 44))
        symbol.setFixedSize(44, 44)
        symbol.setAccessibleName("Lotse")
        self.title = title_label(title)
        self.lead = lead_label(lead)
        self.lead.setVisible(bool(lead))
        texts = QVBoxLayout()
        texts.setSpacing(4)
        texts.addWidget(self.title)
        texts.addWidget(self.lead)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(symbol, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(texts, 1)

    def set_texts(self, title: str, lead: str = "") -> None:
        self.title.setText(title)
        self.title.setAccessibleName(title)
        self.lead.setText(lead)
        self.lead.setVisible(bool(lead))
