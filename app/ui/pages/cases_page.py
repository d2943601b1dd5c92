"""Cases: find a case (search as you type, filters, sort by any column), open it, create one.

The page has two screens: the list, and the open case with a way back. Only
one case is open at a time, so input is never left behind in a case out of
sight: opening another case with unsaved changes asks Save / Discard / Cancel.
The cases opened recently stay one click away (chips above the list and
beside the breadcrumb), kept in memory only.

Keyboard: Ctrl+F search, Down from the search into the list, Enter opens,
Ctrl+N new case, Alt+Left back to the list.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from babel.numbers import format_decimal
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, current_language, ngettext
from app.services.case_list import case_managers
from app.storage.vault import Vault
from app.ui.case_view.case_view import CaseView
from app.ui.column_memory import ColumnMemory
from app.ui.error_dialogs import show_error
from app.ui.fill_column import FillColumn
from app.ui.icons import icon
from app.ui.pages.case_filters import CaseFilterBar
from app.ui.pages.case_list_delegates import MatchDelegate, NameDelegate
from app.ui.pages.case_list_model import (
    CASE_ID_ROLE,
    COLUMNS,
    MATCH_COLUMN,
    NAME_COLUMN,
    CaseListModel,
    CaseQuery,
)
from app.ui.pages.page_frame import PAGE_MARGIN
from app.ui.widgets.buttons import link_button, primary_button
from app.ui.widgets.labels import hint_label, role_label
from app.ui.widgets.row_table import row_table

SEARCH_DEBOUNCE_MS = 150
# One letter matches most of a vault (6,000 of 10,000 cases) and ranking them all costs
# 50-100 ms for nothing a person can use: the search starts with the second character.
MIN_SEARCH_LENGTH = 2
SPARE_VIEW_DELAY_MS = 400  # build the next case view once the user pauses
SPARE_AFTER_DELETE_MS = 20  # ... and the closed one is gone
MAX_RECENT = 6
ROW_HEIGHT = 34
# Every shown column fits a 1280-pixel window: the name takes the room the others leave (at least
# NAME_MIN_WIDTH); longer cells end in "…" and show the whole text as a tooltip. The case type is
# hidden (most cases are case management; the type filter finds the referral advice).
COLUMN_WIDTHS = {"ref": 90, "match": 260, "phase": 122, "next_deadline": 110, "residence_status": 112,
                 "case_manager": 128, "case_type": 130, "status": 68, "opened": 98}
NAME_MIN_WIDTH = 220
HIDDEN_COLUMNS = ("case_type",)


@dataclass(frozen=True)
class RecentCase:
    case_id: str
    ref: str
    name: str

    def title(self) -> str:
        return _("{name} · {ref}").format(name=self.name or _("(no name)"), ref=self.ref)


class CasesPage(QWidget):
    """Signals: ``case_opened(CaseView)`` once the view exists; ``recent_changed()``."""

    case_opened = Signal(object)
    recent_changed = Signal()

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageArea")
        self.vault: Vault | None = vault
        self.case_view: CaseView | None = None
        self.recent: list[RecentCase] = []
        self.new_case_dialog = None
        self._last_keystroke = 0.0
        self._user_sort = ("name", False)  # the sort to return to when a search is cleared

        self.model = CaseListModel(vault, self)
        self.model.results_ready.connect(self._results_ready)
        self.model.loading_changed.connect(self._loading_changed)
        self.model.failed.connect(self._query_failed)

        self.stack = QStackedWidget()
        self.list_screen = self._build_list_screen(vault)
        self.case_screen = self._build_case_screen()
        self.stack.addWidget(self.list_screen)
        self.stack.addWidget(self.case_screen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.run_search)
        # Building a case view (tabs, forms, style polish) costs ~130 ms; one is built ahead
        # while the user pauses, so opening a case only loads and fills it.
        self.spare_view: CaseView | None = None
        self._retired: list[CaseView] = []
        self._spare_timer = QTimer(self)
        self._spare_timer.setSingleShot(True)
        self._spare_timer.setInterval(SPARE_VIEW_DELAY_MS)
        self._spare_timer.timeout.connect(self._build_spare_view)

        for sequence, slot in ((QKeySequence.StandardKey.Find, self.focus_search),
                               (QKeySequence.StandardKey.New, self.new_case),
                               (QKeySequence("Alt+Left"), self.show_list)):
            # Window-wide while the page is shown (a hidden page's shortcuts are off), so
            # Ctrl+F works right after choosing "Cases" in the sidebar too.
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

        self.model.set_query(CaseQuery(sort="name").with_filters(self.filters.values()))
        self._update_recent_strips()

    # --- building ------------------------------------------------------------------------

    def _build_list_screen(self, vault: Vault) -> QWidget:
        screen = QWidget()
        self.title_label = role_label(_("Cases"), "page-title", wrap=False)
        self.new_button = primary_button(_("New case"), _("Create a new case (Ctrl+N)"))
        self.new_button.setToolTip(_("New case (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_case)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title_label)
        title_row.addStretch(1)
        title_row.addWidget(self.new_button)

        self.search_field = QLineEdit()
        self.search_field.setObjectName("searchField")
        self.search_field.setPlaceholderText(_("Search names, references, notes, goals … (Ctrl+F)"))
        self.search_field.setAccessibleName(_("Search cases"))
        self.search_field.setClearButtonEnabled(True)
        search_icon = QAction(icon("search", "text_muted"), "", self.search_field)
        self.search_field.addAction(search_icon, QLineEdit.ActionPosition.LeadingPosition)
        self.search_field.textChanged.connect(self._search_edited)
        self.search_field.returnPressed.connect(self.open_current)
        self.search_field.installEventFilter(self)
        self.count_label = hint_label("")
        self.count_label.setObjectName("resultCount")
        self.count_label.setWordWrap(False)
        self.count_label.setAccessibleName(_("Number of cases found"))
        search_row = QHBoxLayout()
        search_row.setSpacing(16)
        search_row.addWidget(self.search_field, 1)
        search_row.addWidget(self.count_label)

        managers = case_managers(vault) if vault is not None else []
        self.filters = CaseFilterBar(managers, vault.user_name if vault is not None else "")
        self.filters.changed.connect(self._filters_changed)

        self.recent_row = QHBoxLayout()
        self.recent_row.setSpacing(6)
        self.recent_box = QWidget()
        self.recent_box.setLayout(self.recent_row)

        self.table = row_table(self.model, object_name="caseTable", accessible_name=_("Cases"), row_height=ROW_HEIGHT)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(False)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        for column, spec in enumerate(COLUMNS):
            header.resizeSection(column, COLUMN_WIDTHS.get(spec.key, NAME_MIN_WIDTH))
            self.table.setColumnHidden(column, spec.key in HIDDEN_COLUMNS)
        self.column_memory = ColumnMemory(header, "cases")
        self.name_fill = FillColumn(self.table, NAME_COLUMN, NAME_MIN_WIDTH)
        self.table.setItemDelegateForColumn(NAME_COLUMN, NameDelegate(self.table))
        self.table.setItemDelegateForColumn(MATCH_COLUMN, MatchDelegate(self.table))
        self.table.setColumnHidden(MATCH_COLUMN, True)
        self.table.setSortingEnabled(True)
        header.setSortIndicator(NAME_COLUMN, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_clicked)
        self.table.activated.connect(self._open_index)
        self.table.doubleClicked.connect(self._open_index)

        self.empty_label = role_label("", "lead")
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()

        layout = QVBoxLayout(screen)
        layout.setContentsMargins(PAGE_MARGIN, 28, PAGE_MARGIN, 20)
        layout.setSpacing(12)
        layout.addLayout(title_row)
        layout.addSpacing(2)
        layout.addLayout(search_row)
        layout.addWidget(self.filters)
        layout.addWidget(self.recent_box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        QWidget.setTabOrder(self.search_field, self.table)
        return screen

    def _build_case_screen(self) -> QWidget:
        screen = QWidget()
        self.back_button = link_button(_("‹ Cases"), _("Back to the list of cases (Alt+Left)"))
        self.back_button.setToolTip(_("Back to the list (Alt+Left)"))
        self.back_button.clicked.connect(self.show_list)
        self.breadcrumb = role_label("", "hint", wrap=False)
        self.case_recent_row = QHBoxLayout()
        self.case_recent_row.setSpacing(6)
        bar = QHBoxLayout()
        bar.setSpacing(10)
        bar.addWidget(self.back_button)
        bar.addWidget(self.breadcrumb)
        bar.addStretch(1)
        bar.addLayout(self.case_recent_row)
        self.case_holder = QVBoxLayout()
        self.case_holder.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(screen)
        layout.setContentsMargins(PAGE_MARGIN - 8, 12, PAGE_MARGIN - 8, 16)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addLayout(self.case_holder, 1)
        return screen

    # --- search and filters -----------------------------------------------------------------

    @Slot(str)
    def _search_edited(self, _text: str) -> None:
        """As you type: the first key after a pause searches at once, a burst of keys waits
        until typing pauses for SEARCH_DEBOUNCE_MS (stale answers are dropped by the model)."""
        now = time.perf_counter()
        if self._spare_timer.isActive():
            self._spare_timer.start()  # not while the user types
        pause = (now - self._last_keystroke) * 1000 > SEARCH_DEBOUNCE_MS
        self._last_keystroke = now
        if pause and not self._search_timer.isActive() and not self.model.is_loading():
            self.run_search()
        else:
            self._search_timer.start()

    @Slot()
    def run_search(self) -> None:
        self._search_timer.stop()
        text = self.search_field.text().strip()
        if 0 < len(text) < MIN_SEARCH_LENGTH:
            self.count_label.setText(_("Type one more letter to search"))
            return
        query = self.model.query
        if text:
            if not query.search:
                self._user_sort = (query.sort, query.descending)
                query = replace(query, sort="relevance", descending=False)
        else:
            sort, descending = self._user_sort
            query = replace(query, sort=sort, descending=descending)
        query = replace(query, search=text)
        self.table.setColumnHidden(MATCH_COLUMN, not text)
        self.name_fill.fit()
        self._show_sort_indicator(query)
        self.model.set_query(query)

    @Slot()
    def _filters_changed(self) -> None:
        self.model.set_query(self.model.query.with_filters(self.filters.values()))

    @Slot(int, Qt.SortOrder)
    def _sort_clicked(self, column: int, order: Qt.SortOrder) -> None:
        key = COLUMNS[column].sort
        if key == "relevance" and not self.model.query.search:
            return
        if not self.model.query.search:
            self._user_sort = (key, order == Qt.SortOrder.DescendingOrder)

    def _show_sort_indicator(self, query: CaseQuery) -> None:
        column = next((i for i, c in enumerate(COLUMNS) if c.sort == query.sort), NAME_COLUMN)
        order = Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)

    @Slot(int)
    def _results_ready(self, total: int) -> None:
        if self.spare_view is None:
            self._spare_timer.start()
        search = self.model.query.search
        if search:
            text = ngettext("{n} case matches “{search}”", "{n} cases match “{search}”", total)
        elif self.filters.is_default():
            text = ngettext("{n} open case", "{n} open cases", total)
        else:
            text = ngettext("{n} case", "{n} cases", total)
        self.count_label.setText(text.format(n=format_decimal(total, locale=current_language() or "en"),
                                             search=search))
        self.count_label.setAccessibleDescription(self.count_label.text())
        empty = total == 0
        self.table.setVisible(not empty)
        self.empty_label.setVisible(empty)
        if empty:
            if search or not self.filters.is_default():
                self.empty_label.setText(_("No case matches. Try fewer words or clear the filters."))
            else:
                self.empty_label.setText(_("No open cases yet. Create the first one with “New case” (Ctrl+N)."))
        elif self.table.currentIndex().row() < 0 or not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
            self.table.clearSelection()
            self.table.selectRow(0)

    @Slot(bool)
    def _loading_changed(self, loading: bool) -> None:
        if loading and not self.count_label.text():
            self.count_label.setText(_("Searching…"))

    @Slot(object)
    def _query_failed(self, exc: object) -> None:
        if self.vault is not None and not self.vault.is_locked:
            show_error(self, exc)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        down = watched is self.search_field and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down
        if down and self.model.rowCount() > 0:
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    @Slot()
    def focus_search(self) -> None:
        self.show_list()
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    # --- opening ------------------------------------------------------------------------------

    @Slot()
    def open_current(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid() and self.model.rowCount() > 0:
            index = self.model.index(0, 0)
        if index.isValid():
            self._open_index(index)

    @Slot(object)
    def _open_index(self, index) -> None:
        row = self.model.row(index.row())
        self.open_case(index.data(CASE_ID_ROLE), row.ref, row.name)

    def open_case(self, case_id: str, ref: str = "", name: str = "") -> CaseView | None:
        """Show the case; None when the user kept the current case open (unsaved changes)."""
        if self.vault is None:
            return None
        if self.case_view is not None and self.case_view.case_id == case_id:
            self.stack.setCurrentWidget(self.case_screen)
            return self.case_view
        if self.case_view is not None and not self.case_view.confirm_leave():
            self.stack.setCurrentWidget(self.case_screen)
            return None
        self._close_case_view()
        view, self.spare_view = self.spare_view, None
        if view is None or view.context.vault is not self.vault:
            if view is not None:
                view.deleteLater()
            view = CaseView(self.vault, None)
        view.load_case(case_id, ref)
        view.loaded.connect(self._case_loaded)
        self.case_view = view
        self.case_holder.addWidget(view)
        view.show()
        self.breadcrumb.setText("/  " + (name or ref))
        self._remember(RecentCase(case_id, ref, name))
        self.stack.setCurrentWidget(self.case_screen)
        self.case_opened.emit(view)
        self._spare_timer.start()
        return view

    @Slot()
    def _build_spare_view(self) -> None:
        if self._retired:
            # Free the closed view before building the next: deleteLater acts once control is
            # back in the event loop, and building meanwhile held three views (~12 MB each).
            for retired in self._retired:
                retired.deleteLater()
            self._retired.clear()
            QTimer.singleShot(SPARE_AFTER_DELETE_MS, self, self._build_spare_view)  # not after the page is gone
            return
        if self.spare_view is not None or self.vault is None or self.vault.is_locked:
            return
        view = CaseView(self.vault, None)
        view.hide()
        view.setParent(self.case_screen)
        view.ensurePolished()  # the style sheet is applied now, not when the case opens
        self.spare_view = view

    def _close_case_view(self) -> None:
        if self.case_view is None:
            return
        self.case_view.hide()
        self.case_holder.removeWidget(self.case_view)
        # Destroying a view's ~900 widgets takes a while: do it when the user pauses, not now.
        self._retired.append(self.case_view)
        self.case_view = None

    @Slot(dict)
    def _case_loaded(self, detail: dict) -> None:
        self.breadcrumb.setText("/  " + (self.case_view.title() if self.case_view else ""))
        self._remember(RecentCase(detail["case_id"], detail.get("ref", ""), detail.get("name", "")))
        row = self.model.row_of(detail["case_id"])
        if row >= 0:
            self.model.dataChanged.emit(self.model.index(row, 0), self.model.index(row, len(COLUMNS) - 1))

    @Slot()
    def show_list(self) -> None:
        """Back to the list; the open case stays open (and its input with it) until another opens."""
        self.stack.setCurrentWidget(self.list_screen)
        if self.case_view is not None and self.case_view.detail is not None:
            self.model.refresh()  # what was changed in the case shows in the list
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def showing_case(self) -> bool:
        return self.stack.currentWidget() is self.case_screen

    # --- recent cases ------------------------------------------------------------------------

    def _remember(self, case: RecentCase) -> None:
        existing = next((r for r in self.recent if r.case_id == case.case_id), None)
        if existing is not None and not case.name:
            case = existing
        recent = ([case] + [r for r in self.recent if r.case_id != case.case_id])[:MAX_RECENT]
        if recent == self.recent:
            return  # the load confirming what the open already showed: rebuilding the chips cost ~4 ms
        self.recent = recent
        self._update_recent_strips()
        self.recent_changed.emit()

    def _update_recent_strips(self) -> None:
        current = self.case_view.case_id if self.case_view is not None else None
        for row, skip_current in ((self.recent_row, False), (self.case_recent_row, True)):
            while row.count():
                item = row.takeAt(0)
                if item.widget() is not None:
                    item.widget().deleteLater()
            shown = [r for r in self.recent if not (skip_current and r.case_id == current)]
            if not shown:
                continue
            row.addWidget(hint_label(_("Recently opened:")) if not skip_current else hint_label(_("Recent:")))
            for case in shown[: MAX_RECENT if not skip_current else 4]:
                chip = QPushButton(case.title())
                chip.setProperty("chip", True)
                chip.setAccessibleName(_("Open recent case {title}").format(title=case.title()))
                chip.setAutoDefault(False)
                chip.clicked.connect(lambda _checked=False, c=case: self.open_case(c.case_id, c.ref, c.name))
                row.addWidget(chip)
            if not skip_current:
                row.addStretch(1)
        self.recent_box.setVisible(bool(self.recent))

    # --- new case ----------------------------------------------------------------------------

    @Slot()
    def new_case(self) -> None:
        if self.vault is None:
            return
        from app.ui.dialogs.new_case import NewCaseDialog

        dialog = NewCaseDialog(self.vault, self)
        self.new_case_dialog = dialog
        dialog.accepted.connect(self._new_case_created)
        dialog.open()

    @Slot()
    def _new_case_created(self) -> None:
        created = self.new_case_dialog.created if self.new_case_dialog is not None else None
        if created is None:
            return
        self.model.refresh()
        self.open_case(created.case_id, created.ref)

    # --- the lock protocol -----------------------------------------------------------------------

    def on_vault_locked(self) -> None:
        self._search_timer.stop()
        self._spare_timer.stop()
        if self.spare_view is not None:
            self.spare_view.deleteLater()
            self.spare_view = None
        self.model.set_vault(None)  # the list's rows are forgotten; the search text stays
        if self.case_view is not None:
            self.case_view.on_vault_locked()
        self.vault = None

    def on_vault_unlocked(self, vault: Vault) -> None:
        self.vault = vault
        self.model.set_vault(vault)
        if self.case_view is not None:
            self.case_view.on_vault_unlocked(vault)
        self._spare_timer.start()

    def before_close(self) -> bool:
        return self.case_view is None or self.case_view.confirm_leave()

