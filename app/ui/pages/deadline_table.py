"""The deadlines page's table: the filtered list, capped so a huge window stays quick to show.

The engine answers with the whole window at once (a plain list, overdue
first); the model shows the first ``MAX_ROWS`` of what the kind filter lets
through and says how many more there are. No proxy model over all rows.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from app.i18n import N_, _
from app.services.deadline_engine import DeadlineItem
from app.ui.deadline_texts import due_text, kind_label, source_label, with_local_dates
from app.ui.formatting import format_date
from app.ui.theme import color
from app.ui.widgets.row_list_model import RowListModel

MAX_ROWS = 500
COLUMNS = (
    ("due", N_("Due")),
    ("when", N_("When")),
    ("ref", N_("Reference")),
    ("name", N_("Name")),
    ("kind", N_("Kind")),
    ("text", N_("Details")),
)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


class DeadlineTableModel(RowListModel):
    COLUMNS = COLUMNS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.matching = 0  # rows the filters let through, before the cap
        self.today = date.today()

    def set_items(self, items: list[DeadlineItem], today: date, *, overdue_only: bool = False,
                  kind: str | None = None) -> None:
        chosen = [item for item in items if (not overdue_only or item.overdue) and (not kind or item.kind == kind)]
        self.today = today
        self.matching = len(chosen)
        self.replace_rows(chosen[:MAX_ROWS])

    def clear(self) -> None:
        self.matching = 0
        super().clear()

    def item(self, row: int) -> DeadlineItem:
        return self.row_at(row)

    def items(self) -> list[DeadlineItem]:
        return self.rows()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, key)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("text", "name", "kind"):
            # Where it comes from (a document, a rule, an agreement) with the full text.
            return _("{text}\nSource: {source}").format(text=self._text(item, key), source=source_label(item.source))
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.ForegroundRole and key == "when":
            days = (item.due - self.today).days
            if item.overdue:
                return QBrush(color("error"))
            if days <= 3:
                return QBrush(color("warning"))
        if role == Qt.ItemDataRole.FontRole and key in ("when", "ref"):
            font = QFont()
            font.setBold(key == "when" and item.overdue)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._text(item, key)
        return None

    def _text(self, item: DeadlineItem, key: str) -> str:
        if key == "due":
            return format_date(item.due)
        if key == "when":
            return due_text(item.due, self.today)
        if key == "ref":
            return item.ref
        if key == "name":
            return item.name
        if key == "kind":
            return kind_label(item.kind)
        if key == "text":
            return with_local_dates(item.text)
        return ""
