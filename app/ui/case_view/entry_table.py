"""The read-only table the casework tabs list their entries in.

A case holds tens, rarely hundreds, of entries of one kind, all already in
the case-file dict: a QTableWidget filled from it is enough (the big lists of
the app page in SQL instead). Whole rows are selected; Enter or a double
click edits, the Delete key asks to delete. Cells with a tone are drawn as a
badge: colour and word together.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.ui.case_view.casework_widgets import TONES

ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
TONE_ROLE = Qt.ItemDataRole.UserRole + 2
ROW_HEIGHT = 40
LINE_HEIGHT = 20  # each further line of a multi-line row


@dataclass(frozen=True)
class Cell:
    text: str
    sort_key: object = None  # dates sort by ISO, not by their DD.MM.YYYY text
    tone: str | None = None  # draw as a badge in this tone
    tooltip: str = ""


class _SortableItem(QTableWidgetItem):
    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if mine is not None and theirs is not None and type(mine) is type(theirs):
            return mine < theirs
        return self.text().casefold() < other.text().casefold()


class BadgeDelegate(QStyledItemDelegate):
    """Paints a cell with a tone as a rounded badge with its text."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        tone = index.data(TONE_ROLE)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if not tone or not text:
            super().paint(painter, option, index)
            return
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, widget)
        fill, border, ink = TONES.get(tone, TONES["neutral"])
        font = QFont(option.font)
        font.setPointSizeF(max(font.pointSizeF() - 1, 8))
        font.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetrics(font)
        space = option.rect.width() - 16  # 8 px on either side of the badge
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(space - 20, 10))
        width = min(metrics.horizontalAdvance(shown) + 20, space)
        height = metrics.height() + 6
        rect = QRectF(option.rect.left() + 8, option.rect.center().y() - height / 2 + 1, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(border), 1))
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor(ink))
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, shown)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(TONE_ROLE):
            size.setWidth(size.width() + 28)
        return size


class EntryTable(QTableWidget):
    activated_entry = Signal(str)  # Enter or double click on a row: its entry id
    delete_requested = Signal(str)
    selection_changed = Signal()

    def __init__(self, headers: list[str], accessible_name: str, *, lines: int = 1,
                 parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setProperty("casework", True)
        self.setHorizontalHeaderLabels(headers)
        self.setAccessibleName(accessible_name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        self.setShowGrid(False)
        self.setWordWrap(lines > 1)
        self.setAlternatingRowColors(False)
        self._sort: tuple[int, Qt.SortOrder] | None = None  # None: the order the tab gave
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT + (lines - 1) * LINE_HEIGHT)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Sorted only when the user clicks a header; until then rows keep the tab's order.
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(False)
        header.sectionClicked.connect(self._sort_by)
        self.setItemDelegate(BadgeDelegate(self))
        self.doubleClicked.connect(self._activate_current)
        self.itemSelectionChanged.connect(self.selection_changed)

    def set_rows(self, rows: list[tuple[str, list[Cell]]]) -> None:
        """Show ``(entry id, cells)`` rows; the selected entry stays selected when it is still there."""
        keep = self.current_id()
        self.setRowCount(len(rows))
        for row, (entry_id, cells) in enumerate(rows):
            for column, cell in enumerate(cells):
                item = _SortableItem(cell.text)
                item.setData(ID_ROLE, entry_id)
                item.setData(SORT_ROLE, cell.sort_key)
                if cell.tone:
                    item.setData(TONE_ROLE, cell.tone)
                if cell.tooltip:
                    item.setToolTip(cell.tooltip)
                elif cell.text:
                    item.setToolTip(cell.text)
                self.setItem(row, column, item)
        if self._sort is not None:
            self.sortItems(*self._sort)
        if keep is not None:
            self.select_id(keep)

    def _sort_by(self, column: int) -> None:
        ascending = Qt.SortOrder.AscendingOrder
        if self._sort is not None and self._sort[0] == column and self._sort[1] == ascending:
            order = Qt.SortOrder.DescendingOrder
        else:
            order = ascending
        self._sort = (column, order)
        header = self.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSortIndicator(column, order)
        keep = self.current_id()
        self.sortItems(column, order)
        if keep is not None:
            self.select_id(keep)

    def fit_columns(self, widths: dict[int, int], stretch: int | None = None) -> None:
        """Fixed starting widths (the user may drag them); ``stretch`` takes the rest of the width."""
        header = self.horizontalHeader()
        for column, width in widths.items():
            self.setColumnWidth(column, width)
        if stretch is not None:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
            header.setMinimumSectionSize(60)

    def current_id(self) -> str | None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        if not rows:
            return None
        value = rows[0].data(ID_ROLE)
        return str(value) if value is not None else None

    def select_id(self, entry_id: str) -> bool:
        for row in range(self.rowCount()):
            item = self.item(row, 0)
            if item is not None and item.data(ID_ROLE) == entry_id:
                self.selectRow(row)
                return True
        return False

    def ids(self) -> list[str]:
        """Entry ids in the order shown."""
        return [str(self.item(row, 0).data(ID_ROLE)) for row in range(self.rowCount())]

    def row_texts(self, entry_id: str) -> list[str]:
        for row in range(self.rowCount()):
            if self.item(row, 0).data(ID_ROLE) == entry_id:
                return [self.item(row, column).text() for column in range(self.columnCount())]
        raise KeyError(entry_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_id():
            self.activated_entry.emit(self.current_id())
            return
        if key == Qt.Key.Key_Delete and self.current_id():
            self.delete_requested.emit(self.current_id())
            return
        super().keyPressEvent(event)

    def _activate_current(self, _index: QModelIndex) -> None:
        entry_id = self.current_id()
        if entry_id:
            self.activated_entry.emit(entry_id)
