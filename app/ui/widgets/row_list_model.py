"""A Qt table model over a plain list of rows (the deadlines and agreements pages).

The page's service already returns the rows in their order; the model shows
them as they are, one row per thing, with the columns a subclass declares as
``(key, N_(label))`` pairs. A subclass adds ``data()`` and its filters.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.i18n import _

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RowListModel(QAbstractTableModel):
    COLUMNS: tuple[tuple[str, str], ...] = ()
    RIGHT_ALIGNED: frozenset[str] = frozenset()  # column keys of numbers

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def replace_rows(self, rows: Iterable[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.replace_rows([])

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def column_key(self, column: int) -> str:
        return self.COLUMNS[column][0]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(self.COLUMNS[section][1])
        if role == Qt.ItemDataRole.TextAlignmentRole and self.column_key(section) in self.RIGHT_ALIGNED:
            return RIGHT
        return None
