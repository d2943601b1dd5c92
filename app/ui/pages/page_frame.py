"""The common frame of a page: a title at the top and a scrollable body below."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from app.ui.widgets.labels import role_label

PAGE_MARGIN = 32


class PageFrame(QWidget):
    """Subclass and add widgets to ``self.body`` (a QVBoxLayout)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageArea")
        self.title_label = role_label(title, "page-title", wrap=False)
        self.title_label.setAccessibleName(title)
        content = QWidget()
        content.setObjectName("pageScrollContent")
        self.body = QVBoxLayout(content)
        self.body.setContentsMargins(PAGE_MARGIN, 8, PAGE_MARGIN, PAGE_MARGIN)
        self.body.setSpacing(16)
        scroll = QScrollArea()
        scroll.setObjectName("pageScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        header = QVBoxLayout()
        header.setContentsMargins(PAGE_MARGIN, 28, PAGE_MARGIN, 12)
        header.addWidget(self.title_label)
        layout.addLayout(header)
        layout.addWidget(scroll, 1)
