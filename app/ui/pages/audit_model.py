"""The audit log as a table model that loads page by page (``fetchMore``), never all rows.

The model knows nothing of vaults or sessions: it is given ``fetch(offset,
limit) -> AuditPage`` (a service call with the filters bound) and asks for the
next page only when the view scrolls near the end. Rows come newest first, as
the service sorts them. A failing fetch (the vault locked under it) stops
loading and is handed to ``on_error``; the rows already shown stay.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.i18n import _
from app.services.audit_queries import AuditPage, AuditRow
from app.ui.formats import format_moment

PAGE_SIZE = 200
Fetch = Callable[[int, int], AuditPage]
Index = QModelIndex | QPersistentModelIndex


class AuditTableModel(QAbstractTableModel):
    COLUMNS = ("time", "user", "action", "case", "detail")

    def __init__(self, on_error: Callable[[BaseException], None] | None = None, parent=None) -> None:
        super().__init__(parent)
        self._fetch: Fetch | None = None
        self._rows: list[AuditRow] = []
        self._total = 0
        self._on_error = on_error
        self.fetches = 0  # service calls made, for tests and diagnostics

    # --- loading ---------------------------------------------------------------------

    def load(self, fetch: Fetch | None) -> None:
        """Start over with new filters (or none: ``None`` empties the table)."""
        self.beginResetModel()
        self._fetch = fetch
        self._rows = []
        self._total = 0
        self.endResetModel()
        if fetch is not None:
            self._fetch_page()

    @property
    def total(self) -> int:
        """Matching entries in the log, loaded or not."""
        return self._total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802,B008 - Qt's name and default
        return not parent.isValid() and self._fetch is not None and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802,B008
        if self.canFetchMore(parent):
            self._fetch_page()

    def _fetch_page(self) -> None:
        try:
            page = self._fetch(len(self._rows), PAGE_SIZE)
        except Exception as exc:
            self._fetch = None
            if self._on_error is not None:
                self._on_error(exc)
            return
        self.fetches += 1
        # An empty page means the log shrank since the count (an erasure): stop asking.
        self._total = page.total if page.rows else len(self._rows)
        if page.rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()

    def entry(self, row: int) -> AuditRow:
        return self._rows[row]

    # --- the table --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802,B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802,B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_("Time"), _("User"), _("Action"), _("Case"), _("Detail"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == "time":
                return format_moment(entry.at)
            if column == "user":
                return entry.user
            if column == "action":
                return entry.action
            if column == "case":
                return entry.case_ref or ("" if role == Qt.ItemDataRole.DisplayRole else _("No case, or an erased one"))
            return entry.detail
        return None
