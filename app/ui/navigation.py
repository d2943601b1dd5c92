"""The left sidebar: the brand, one entry per registered page, and the lock button."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.ui.icons import app_icon, icon
from app.ui.pages import PageSpec

SIDEBAR_WIDTH = 232
KEY_ROLE = Qt.ItemDataRole.UserRole


class Sidebar(QFrame):
    page_selected = Signal(str)

    def __init__(self, specs: list[PageSpec], lock_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setFixedWidth(SIDEBAR_WIDTH)

        brand_icon = QLabel()
        brand_icon.setPixmap(app_icon().pixmap(30, 30))
        brand_name = QLabel("Lotse")
        brand_name.setObjectName("sidebarBrand")
        brand = QHBoxLayout()
        brand.setContentsMargins(20, 20, 20, 18)
        brand.setSpacing(10)
        brand.addWidget(brand_icon)
        brand.addWidget(brand_name)
        brand.addStretch(1)

        self.list = QListWidget()
        self.list.setObjectName("navigation")
        self.list.setAccessibleName(_("Navigation"))
        self.list.setIconSize(QSize(20, 20))
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        for spec in specs:
            item = QListWidgetItem(icon(spec.icon), _(spec.label))
            item.setData(KEY_ROLE, spec.key)
            item.setSizeHint(QSize(SIDEBAR_WIDTH - 20, 40))
            item.setToolTip(_(spec.summary) if spec.summary else _(spec.label))
            self.list.addItem(item)
        self.list.currentItemChanged.connect(self._current_changed)

        self.lock_button = QToolButton()
        self.lock_button.setDefaultAction(lock_action)
        self.lock_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.lock_button.setIconSize(QSize(18, 18))
        self.lock_button.setAccessibleName(_("Lock the vault"))
        footer = QHBoxLayout()
        footer.setContentsMargins(14, 10, 14, 14)
        footer.addWidget(self.lock_button)
        footer.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(brand)
        layout.addWidget(self.list, 1)
        layout.addLayout(footer)

    def select(self, key: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(KEY_ROLE) == key:
                self.list.setCurrentRow(row)
                return
        raise KeyError(key)

    def current_key(self) -> str | None:
        item = self.list.currentItem()
        return item.data(KEY_ROLE) if item else None

    def _current_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.page_selected.emit(current.data(KEY_ROLE))
