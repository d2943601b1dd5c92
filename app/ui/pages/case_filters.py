"""The case list's filters: one compact combo per criterion, combined with AND in SQL."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from app.i18n import _
from app.models.codes import GOAL_AREAS, PHASES, ResidenceDocumentType
from app.ui import labels
from app.ui.widgets.buttons import link_button
from app.ui.widgets.flow_layout import FlowLayout

# Open cases are what a case manager works on; closed ones stay one click away.
OPEN_STATUSES = ("active", "paused")


def _combo(accessible_name: str) -> QComboBox:
    combo = QComboBox()
    combo.setProperty("compact", True)
    combo.setAccessibleName(accessible_name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    combo.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    combo.setMaxVisibleItems(14)
    combo.currentIndexChanged.connect(lambda _index, combo=combo: _fit(combo))
    return combo


def _fit(combo: QComboBox) -> None:
    """As wide as the chosen entry (the style sheet's padding is not in Qt's size hint)."""
    text = combo.currentText()
    combo.ensurePolished()  # the style sheet's font and padding, not the defaults
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    content = QSize(combo.fontMetrics().horizontalAdvance(text), combo.fontMetrics().height())
    # The style (style sheet included) adds padding and the arrow: a fixed allowance clipped labels.
    size = combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, content, combo)
    combo.setFixedWidth(size.width() + 8)


class CaseFilterBar(QWidget):
    """Emits ``changed`` whenever a filter changes; ``values()`` gives list_cases keywords."""

    changed = Signal()

    def __init__(self, case_managers: list[str], my_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = _combo(_("Status filter"))
        self.status.addItem(_("Open cases"), OPEN_STATUSES)
        self.status.addItem(_("Any status"), None)
        for text, code in labels.choices(labels.CASE_STATUS_LABELS):
            self.status.addItem(text, code)

        self.phase = _combo(_("Phase filter"))
        self.phase.addItem(_("Phase"), None)
        for code in PHASES:
            self.phase.addItem(labels.phase_state(code), code)

        self.case_type = _combo(_("Case type filter"))
        self.case_type.addItem(_("Case type"), None)
        for text, code in labels.choices(labels.CASE_TYPE_LABELS):
            self.case_type.addItem(text, code)

        self.goal_area = _combo(_("Goal area filter"))
        self.goal_area.addItem(_("Goal area"), None)
        for code in GOAL_AREAS:
            self.goal_area.addItem(labels.goal_area_short(code), code)
            self.goal_area.setItemData(self.goal_area.count() - 1, labels.goal_area(code),
                                       Qt.ItemDataRole.ToolTipRole)

        self.programme = _combo(_("Programme filter"))
        self.programme.addItem(_("Programme"), None)
        for text, code in labels.choices(labels.PROGRAMME_LABELS):
            self.programme.addItem(text, code)

        self.case_manager = _combo(_("Case manager filter"))
        self.case_manager.addItem(_("Case manager"), None)
        if my_name:
            self.case_manager.addItem(_("My cases"), my_name)
        for name in case_managers:
            if name != my_name:
                self.case_manager.addItem(name, name)

        self.residence_status = _combo(_("Residence status filter"))
        self.residence_status.addItem(_("Residence status"), None)
        for code in (t.value for t in ResidenceDocumentType):
            self.residence_status.addItem(labels.residence_status(code), code)

        self.clear_button = link_button(_("Clear filters"), _("Clear all filters"))
        self.clear_button.clicked.connect(self.clear)
        self.clear_button.hide()

        self._combos: dict[str, QComboBox] = {
            "status": self.status,
            "phase": self.phase,
            "case_type": self.case_type,
            "goal_area": self.goal_area,
            "programme": self.programme,
            "case_manager": self.case_manager,
            "residence_status": self.residence_status,
        }
        # A row that wraps: seven filters with German labels do not fit one line of a laptop window.
        layout = FlowLayout(self, spacing=6)
        layout.setContentsMargins(0, 0, 0, 0)
        for combo in self._combos.values():
            layout.addWidget(combo)
            combo.currentIndexChanged.connect(self._changed)
        layout.addWidget(self.clear_button)
        for combo in self._combos.values():
            _fit(combo)
        self._update_marks()

    def combo(self, key: str) -> QComboBox:
        return self._combos[key]

    def values(self) -> dict[str, Any]:
        return {key: combo.currentData() for key, combo in self._combos.items() if combo.currentData()}

    def set_value(self, key: str, value: Any) -> None:
        """Choose the entry whose value is ``value`` (tests, and links from other pages)."""
        combo = self._combos[key]
        for index in range(combo.count()):
            if combo.itemData(index) == value:
                combo.setCurrentIndex(index)
                return
        raise KeyError(f"{key}={value!r}")

    def is_default(self) -> bool:
        return all(combo.currentIndex() == 0 for combo in self._combos.values())

    @Slot()
    def clear(self) -> None:
        for combo in self._combos.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._changed()

    @Slot()
    def _changed(self, *_args: object) -> None:
        self._update_marks()
        self.changed.emit()

    def _update_marks(self) -> None:
        for combo in self._combos.values():
            active = combo.currentIndex() != 0
            if bool(combo.property("active")) != active:
                combo.setProperty("active", active)
                combo.style().unpolish(combo)
                combo.style().polish(combo)
        self.clear_button.setVisible(not self.is_default())
