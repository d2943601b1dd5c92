"""Form fields the casework dialogs share: dates as DD.MM.YYYY, code combos, goal-area checkboxes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QWidget,
)

from app.formatting import qt_date_format
from app.i18n import _
from app.models.codes import GOAL_AREAS
from app.ui.case_view.casework_labels import GOAL_AREA_LABELS, GOAL_AREA_TITLES, label

EARLIEST = QDate(1990, 1, 1)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class DateField(QDateEdit):
    """A date typed as the interface language writes it (DD.MM.YYYY in German, ISO in
    English) or picked from the calendar; today unless set."""

    def __init__(self, accessible_name: str, *, not_after_today: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(qt_date_format())
        self.setCalendarPopup(True)
        self.setMinimumDate(EARLIEST)
        if not_after_today:
            self.setMaximumDate(QDate.currentDate())
        self.setDate(QDate.currentDate())
        self.setAccessibleName(accessible_name)
        self.setFixedWidth(150)

    def value(self) -> date:
        return from_qdate(self.date())

    def set_value(self, day: date | None) -> None:
        self.setDate(to_qdate(day) if day else QDate.currentDate())


class OptionalDateField(QWidget):
    """A date that may be left out ("valid until", "end"): a checkbox switches it on."""

    changed = Signal()

    def __init__(self, check_text: str, accessible_name: str, *, not_after_today: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(check_text)
        self.enabled.setAccessibleName(check_text)
        self.date = DateField(accessible_name, not_after_today=not_after_today)
        self.date.setEnabled(False)
        self.enabled.toggled.connect(self.date.setEnabled)
        self.enabled.toggled.connect(self.changed)
        self.date.dateChanged.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.enabled)
        layout.addWidget(self.date)
        layout.addStretch(1)
        self.setFocusProxy(self.enabled)

    def value(self) -> date | None:
        return self.date.value() if self.enabled.isChecked() else None

    def set_value(self, day: date | None) -> None:
        self.enabled.setChecked(day is not None)
        self.date.set_value(day)


class CodeCombo(QComboBox):
    """A choice among stored codes, showing their labels; ``blank`` adds a 'none' entry first."""

    def __init__(self, labels: dict[str, str], accessible_name: str, *, codes: tuple[str, ...] | None = None,
                 blank: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        if blank is not None:
            self.addItem(blank, "")
        for code in codes if codes is not None else tuple(labels):
            self.addItem(label(labels, code), code)

    def code(self) -> str:
        return str(self.currentData() or "")

    def set_code(self, code: str | None) -> None:
        index = self.findData(code or "")
        if index < 0 and code:
            self.addItem(code, code)  # a code from a newer version: keep it rather than lose it
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))


class AreaChecks(QWidget):
    """The eight goal areas as checkboxes in two columns (keyboard: Tab, Space)."""

    changed = Signal()

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(0)
        for index, code in enumerate(GOAL_AREAS):
            box = QCheckBox(label(GOAL_AREA_LABELS, code))
            box.setToolTip(_(GOAL_AREA_TITLES[code]))
            box.setAccessibleName(label(GOAL_AREA_LABELS, code))
            box.toggled.connect(self.changed)
            self.boxes[code] = box
            grid.addWidget(box, index // 2, index % 2)

    def selected(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def set_selected(self, codes: list[str]) -> None:
        for code, box in self.boxes.items():
            box.setChecked(code in codes)


class TextBox(QPlainTextEdit):
    """A multi-line text field of a set height; Tab moves on (Enter is a new line)."""

    def __init__(self, accessible_name: str, *, height: int, placeholder: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._height = height
        self.setAccessibleName(accessible_name)
        self.setTabChangesFocus(True)
        self.setPlaceholderText(placeholder)
        self.setMinimumHeight(height)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.Polish:
            # The stylesheet's min-height is applied while polishing; the field's own height wins.
            self.setMinimumHeight(self._height)
        return handled
