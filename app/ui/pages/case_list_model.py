"""The case list's table model: pages of 100 rows from SQL, never all rows.

Filtering, sorting and full-text search happen in SQL (``case_list_page``);
the model holds only the rows fetched so far and asks for the next page when
the view scrolls near the end (``canFetchMore``/``fetchMore``). A new query
(search text, filter, sort) runs on a worker thread; an answer that arrives
after a newer query was started is dropped, so fast typing never shows stale
results.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush

from app.i18n import N_, _
from app.services.case_list import CaseRow
from app.services.case_list_page import CaseListPage, case_list_page
from app.storage.vault import Vault
from app.ui import labels
from app.ui.formatting import format_date
from app.ui.theme import color
from app.ui.workers import BackgroundTask, run_in_background

PAGE_SIZE = 100
CASE_ID_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
ORIGINAL_NAME_ROLE = Qt.ItemDataRole.UserRole + 2
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # N_() source
    sort: str  # list_cases sort key


COLUMNS: tuple[Column, ...] = (
    Column("ref", N_("Reference"), "ref"),
    Column("name", N_("Name"), "name"),
    Column("match", N_("Match"), "relevance"),  # shown only while searching
    Column("phase", N_("Phase"), "phase"),
    Column("next_deadline", N_("Next deadline"), "next_deadline"),
    Column("residence_status", N_("Residence status"), "residence_status"),
    Column("case_manager", N_("Case manager"), "case_manager"),
    Column("case_type", N_("Type"), "case_type"),
    Column("status", N_("Status"), "status"),
    Column("opened", N_("Opened"), "opened"),
)
COLUMN_KEYS = tuple(column.key for column in COLUMNS)
ELIDED_KEYS = ("phase", "residence_status", "case_manager", "case_type", "status")
MATCH_COLUMN = COLUMN_KEYS.index("match")
NAME_COLUMN = COLUMN_KEYS.index("name")

CASE_TYPE_SHORT = {"case_management": N_("Case management"), "referral_advice": N_("Referral advice")}
MATCH_FIELD_LABELS = {"name": N_("Name"), "ref": N_("Reference"), "notes": N_("Notes"), "goals": N_("Goals"),
                      "barriers": N_("Barriers")}


@dataclass(frozen=True)
class CaseQuery:
    """What the list shows: search text, filters (list_cases keyword -> value) and the sort."""

    search: str = ""
    filters: tuple[tuple[str, Any], ...] = ()
    sort: str = "name"
    descending: bool = False

    def with_filters(self, filters: dict[str, Any]) -> CaseQuery:
        return replace(self, filters=tuple(sorted((k, v) for k, v in filters.items() if v not in (None, "", ()))))

    def kwargs(self) -> dict[str, Any]:
        values: dict[str, Any] = dict(self.filters)
        values.update(sort=self.sort, descending=self.descending)
        if self.search.strip():
            values["search"] = self.search.strip()
        return values


@dataclass
class _Loaded:
    rows: list[CaseRow] = field(default_factory=list)
    total: int = 0
    snippets: dict[str, tuple[str, str]] = field(default_factory=dict)


def _first_page(vault: Vault, query: CaseQuery, generation: int) -> tuple[int, CaseListPage | None, Exception | None]:
    """Runs on a worker thread; errors travel back as values, tagged with their request."""
    try:
        return generation, case_list_page(vault, offset=0, limit=PAGE_SIZE, **query.kwargs()), None
    except Exception as exc:
        return generation, None, exc


class CaseListModel(QAbstractTableModel):
    """Signals: ``results_ready(total)`` after a query's first page is shown;
    ``loading_changed(bool)``; ``failed(exception)``."""

    results_ready = Signal(int)
    loading_changed = Signal(bool)
    failed = Signal(object)

    def __init__(self, vault: Vault | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._query = CaseQuery()
        self._data = _Loaded()
        self._generation = 0
        self._loading = False
        self._tasks: set[BackgroundTask] = set()
        self.today = date.today()
        self.last_query_ms: float | None = None  # worker round trip of the last shown query
        self._started = 0.0

    # --- queries -----------------------------------------------------------------------

    @property
    def query(self) -> CaseQuery:
        return self._query

    @property
    def total(self) -> int:
        return self._data.total

    def is_loading(self) -> bool:
        return self._loading

    def set_query(self, query: CaseQuery, *, force: bool = False) -> None:
        """Show the cases matching ``query`` (loaded on a worker thread)."""
        if query == self._query and not force and not self._loading and self._generation:
            return
        self._query = query
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Run the current query again (after a case was created or changed)."""
        if self._vault is None or self._vault.is_locked:
            return
        self._generation += 1
        self._started = time.perf_counter()
        self._set_loading(True)
        task = run_in_background(_first_page, self._vault, self._query, self._generation,
                                 on_success=self._arrived, on_failure=self._crashed)
        self._tasks.add(task)
        task.signals.finished.connect(lambda task=task: self._tasks.discard(task))

    @Slot(object)
    def _arrived(self, result: tuple[int, CaseListPage | None, Exception | None]) -> None:
        generation, page, error = result
        if generation != self._generation:
            return  # a newer query is on its way: this answer is stale
        self._set_loading(False)
        if error is not None:
            self.failed.emit(error)
            return
        self.beginResetModel()
        self._data = _Loaded(list(page.rows), page.total, dict(page.snippets))
        self.today = date.today()
        self.endResetModel()
        self.last_query_ms = (time.perf_counter() - self._started) * 1000
        self.results_ready.emit(page.total)

    @Slot(object)
    def _crashed(self, exc: BaseException) -> None:
        self._set_loading(False)
        self.failed.emit(exc)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    # --- lock protocol -------------------------------------------------------------------

    def set_vault(self, vault: Vault | None) -> None:
        """A new vault after unlock (reloads), or None when locking (forgets every row)."""
        self._vault = vault
        self._generation += 1  # whatever is in flight belongs to the old vault object
        self._set_loading(False)
        if vault is None:
            self.beginResetModel()
            self._data = _Loaded()
            self.endResetModel()
        else:
            self.refresh()

    # --- paging --------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802,B008 - Qt's name
        if parent.isValid() or self._loading or self._vault is None or self._vault.is_locked:
            return False
        return len(self._data.rows) < self._data.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802,B008 - Qt's name
        if not self.canFetchMore(parent):
            return
        try:
            page = case_list_page(self._vault, offset=len(self._data.rows), limit=PAGE_SIZE, **self._query.kwargs())
        except Exception as exc:
            self.failed.emit(exc)
            return
        if not page.rows:
            self._data.total = len(self._data.rows)  # the vault shrank meanwhile: stop asking
            return
        first = len(self._data.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self._data.rows.extend(page.rows)
        self._data.snippets.update(page.snippets)
        self._data.total = page.total
        self.endInsertRows()

    # --- sorting -------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A click on a header: the database sorts (relevance is always best first)."""
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column].sort
        if key == "relevance" and not self._query.search.strip():
            return
        descending = order == Qt.SortOrder.DescendingOrder and key != "relevance"
        self.set_query(replace(self._query, sort=key, descending=descending))

    def sort_column(self) -> int:
        for index, column in enumerate(COLUMNS):
            if column.sort == self._query.sort:
                return index
        return -1

    # --- the table -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802,B008 - Qt's name
        return 0 if parent.isValid() else len(self._data.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802,B008 - Qt's name
        return 0 if parent.isValid() else len(COLUMNS)

    def row(self, index: int) -> CaseRow:
        return self._data.rows[index]

    def rows(self) -> list[CaseRow]:
        return list(self._data.rows)

    def row_of(self, case_id: str) -> int:
        for number, row in enumerate(self._data.rows):
            if row.case_id == case_id:
                return number
        return -1

    def snippet(self, case_id: str) -> tuple[str, str] | None:
        return self._data.snippets.get(case_id)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section].title)
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return _("Sort by {column}").format(column=_(COLUMNS[section].title))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._data.rows):
            return None
        row = self._data.rows[index.row()]
        key = COLUMNS[index.column()].key
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, key)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, key)
        if role == CASE_ID_ROLE:
            return row.case_id
        if role == ROW_ROLE:
            return row
        if role == ORIGINAL_NAME_ROLE:
            return row.name_original
        if role == SNIPPET_ROLE:
            return self._data.snippets.get(row.case_id)
        return None

    def _text(self, row: CaseRow, key: str) -> str:
        if key == "ref":
            return row.ref
        if key == "name":
            return row.name
        if key == "phase":
            return labels.phase_state(row.phase)
        if key == "status":
            return labels.label(labels.CASE_STATUS_LABELS, row.status)
        if key == "case_type":
            return labels.label(CASE_TYPE_SHORT, row.case_type)
        if key == "residence_status":
            return labels.residence_status(row.residence_status)
        if key == "case_manager":
            return row.case_manager
        if key == "opened":
            return format_date(row.opened)
        if key == "next_deadline":
            return format_date(row.next_deadline)
        if key == "match":
            found = self._data.snippets.get(row.case_id)
            return found[1].replace("[", "").replace("]", "") if found else ""
        return ""

    def _tooltip(self, row: CaseRow, key: str) -> str | None:
        if key == "name" and row.name_original:
            return f"{row.name} · {row.name_original}"
        if key == "match":
            found = self._data.snippets.get(row.case_id)
            if found:
                return _("{field}: {text}").format(field=_(MATCH_FIELD_LABELS.get(found[0], found[0])),
                                                   text=found[1].replace("[", "").replace("]", ""))
        if key == "next_deadline" and row.next_deadline and row.next_deadline < self.today:
            return _("Overdue")
        if key in ELIDED_KEYS:
            return self._text(row, key) or None  # narrow columns end in "…": the whole text on hover
        return None

    def _foreground(self, row: CaseRow, key: str) -> QBrush | None:
        if key == "next_deadline" and row.next_deadline is not None:
            if row.next_deadline < self.today:
                return QBrush(color("error"))
            if (row.next_deadline - self.today).days <= 14:
                return QBrush(color("warning"))
        if key in ("ref", "opened", "case_manager"):
            return QBrush(color("text_secondary"))
        return None
