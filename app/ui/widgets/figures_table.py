"""A table of report figures: labels left, counts right, marks ("<5", "x") in grey italics.

Shown in full (no inner scroll bar): the page scrolls, the table does not.
Cells are read-only but selectable, so figures can be copied.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.ui.formats import format_count
from app.ui.theme import COLORS

Value = int | str
ROW_HEIGHT = 30


class FiguresTable(QTableWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figuresTable")
        self.setAccessibleName(title)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setAlternatingRowColors(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def set_figures(self, header: list[str], rows: list[list], *, total_row: bool = False,
                    value_width: int = 96) -> None:
        """``rows``: a label, then one published value (int or mark) per further column."""
        self.clear()
        self.setColumnCount(len(header))
        self.setRowCount(len(rows))
        self.setHorizontalHeaderLabels(header)
        for column in range(1, len(header)):
            self.horizontalHeaderItem(column).setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for r, row in enumerate(rows):
            is_total = total_row and r == len(rows) - 1
            for c, value in enumerate(row):
                self.setItem(r, c, self._item(value, is_label=c == 0, bold=is_total))
        header_view = self.horizontalHeader()
        header_view.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(header)):
            header_view.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header_view.resizeSection(column, max(value_width, self.fontMetrics().horizontalAdvance(header[column]) + 32))
        self.setFixedHeight(header_view.sizeHint().height() + ROW_HEIGHT * len(rows) + 2 * self.frameWidth() + 1)

    def shown(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def row_of(self, label: str) -> int:
        for row in range(self.rowCount()):
            if self.shown(row, 0) == label:
                return row
        raise KeyError(label)

    @staticmethod
    def _item(value: Value, *, is_label: bool, bold: bool) -> QTableWidgetItem:
        item = QTableWidgetItem(str(value) if is_label else format_count(value))
        font = QFont()  # the application's font
        font.setBold(bold)
        if is_label:
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(str(value))
        else:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if not isinstance(value, int):
                font.setItalic(True)
                item.setForeground(QColor(COLORS["text_muted"]))
        item.setFont(font)
        return item
