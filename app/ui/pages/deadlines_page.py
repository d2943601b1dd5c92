"""Deadlines: every date not to miss across the open cases, in a window the user chooses.

Window: overdue only, or overdue and due within 7, 14, 30 or 90 days; a kind
filter; my cases or all. The engine's answer comes off the GUI thread; the
kind filter and the "overdue only" choice work on that answer without asking
again. The table shows the first 500 matches and says so when there are more.

A stored deadline (one entered by hand, or a stored copy of a derived one)
can be ticked off here ("Mark done"); a deadline computed from the case file
(a Duldung's expiry, an agreement step) goes away when the case file changes,
which the button's tooltip says. Enter or a double click opens the case at the
tab where the deadline is dealt with.
"""

from __future__ import annotations

from datetime import date

from babel.numbers import format_decimal
from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _, current_language, ngettext
from app.services.deadlines import mark_deadline_done
from app.services.overview import SCOPE_ALL, SCOPE_MINE, deadlines_for, manages_open_cases
from app.storage.vault import Vault
from app.ui import labels
from app.ui.case_opening import open_case_in_window, tab_for_deadline_source
from app.ui.column_memory import ColumnMemory
from app.ui.error_dialogs import show_error
from app.ui.page_tasks import PageTasks
from app.ui.pages.deadline_source_note import DeadlineSourceNote
from app.ui.pages.deadline_table import COLUMNS, MAX_ROWS, DeadlineTableModel
from app.ui.pages.page_frame import PAGE_MARGIN
from app.ui.widgets.buttons import primary_button, secondary_button
from app.ui.widgets.empty_state import EmptyState, vault_has_cases
from app.ui.widgets.labels import field_label, hint_label, role_label
from app.ui.widgets.row_table import row_table

# (key, label, days ahead): "overdue" asks for today only and keeps the overdue ones.
WINDOWS = (
    ("overdue", N_("Overdue only"), 0),
    ("7", N_("Next 7 days"), 7),
    ("14", N_("Next 14 days"), 14),
    ("30", N_("Next 30 days"), 30),
    ("90", N_("Next 90 days"), 90),
)
DEFAULT_WINDOW = "30"
# "When" holds "seit 1443 Tagen überfällig" in German (bold): it needs the room.
COLUMN_WIDTHS = {"due": 96, "when": 205, "ref": 100, "name": 160, "kind": 190, "text": 190}


def load_deadlines(vault: Vault, within_days: int, scope: str) -> tuple[date, list, bool]:
    """The deadlines in the window, and whether the vault has any case (a new one says so)."""
    today = date.today()
    items = deadlines_for(vault, today=today, within_days=within_days, scope=scope)
    return today, items, bool(items) or vault_has_cases(vault)


class DeadlinesPage(QWidget):
    """Signals: ``case_requested(case_id, tab)``; ``loaded()`` after a list is shown."""

    case_requested = Signal(str, str)
    loaded = Signal()

    def __init__(self, vault: Vault | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageArea")
        self.vault = vault
        self.tasks = PageTasks(self)
        self.tasks.busy_changed.connect(self._busy_changed)
        self.items: list = []
        self.today = date.today()

        title = role_label(_("Deadlines"), "page-title", wrap=False)
        lead = hint_label(_("Residence documents, passports, 27th birthdays, agreement steps, reviews, consents and "
                            "goal target dates of the open cases. Overdue ones come first."))

        self.window_combo = QComboBox()
        self.window_combo.setAccessibleName(_("Time window"))
        for key, text, _days in WINDOWS:
            self.window_combo.addItem(_(text), key)
        self.window_combo.setCurrentIndex(self.window_combo.findData(DEFAULT_WINDOW))
        self.window_combo.activated.connect(lambda _index: self.reload())
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(_("Kind of deadline"))
        self.kind_combo.addItem(_("All kinds"), "")
        for text, code in labels.choices(labels.DEADLINE_KIND_LABELS):
            self.kind_combo.addItem(text, code)
        self.kind_combo.activated.connect(lambda _index: self._show_items())
        self.kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind_combo.setMinimumContentsLength(22)
        self.scope_combo = QComboBox()
        self.scope_combo.setAccessibleName(_("Whose deadlines"))
        self.scope_combo.addItem(_("All cases"), SCOPE_ALL)
        self.scope_combo.addItem(_("My cases"), SCOPE_MINE)
        self.scope_combo.activated.connect(lambda _index: self.reload())
        filters = QHBoxLayout()
        filters.setSpacing(10)
        for caption, combo in ((_("&Show"), self.window_combo), (_("&Kind"), self.kind_combo),
                               (_("&Of"), self.scope_combo)):
            filters.addWidget(field_label(caption, combo))
            filters.addWidget(combo)
            filters.addSpacing(8)
        filters.addStretch(1)

        self.count_label = hint_label("")
        self.count_label.setWordWrap(True)  # a long German count wraps; it never squeezes the buttons
        self.count_label.setObjectName("deadlineCount")
        self.open_button = secondary_button(_("Open case"), _("Open the case of the selected deadline"))
        self.open_button.clicked.connect(self.open_current)
        self.done_button = primary_button(_("Mark done"), _("Mark the selected deadline as done"))
        self.done_button.setAutoDefault(False)
        self.done_button.clicked.connect(self.mark_current_done)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label, 1)
        actions.addWidget(self.open_button)
        actions.addWidget(self.done_button)
        # Says on screen why "Mark done" is off for a computed deadline, with the way to its source.
        self.source_note = DeadlineSourceNote()
        self.source_note.open_requested.connect(self.open_current)

        self.model = DeadlineTableModel(self)
        self.table = row_table(self.model, object_name="deadlineTable", accessible_name=_("Deadlines"))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, (key, _label) in enumerate(COLUMNS):
            header.resizeSection(column, COLUMN_WIDTHS[key])
        self.column_memory = ColumnMemory(header, "deadlines")
        self.table.activated.connect(self._open_index)
        self.table.doubleClicked.connect(self._open_index)
        self.table.selectionModel().currentRowChanged.connect(lambda *_args: self._update_buttons())

        self.empty_state = EmptyState()
        self.empty_label = self.empty_state.label
        self.has_cases = True

        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, 28, PAGE_MARGIN, 20)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(lead)
        layout.addSpacing(4)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.source_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_state, 1)
        QWidget.setTabOrder(self.scope_combo, self.table)

        if vault is not None:
            if manages_open_cases(vault):
                self.scope_combo.setCurrentIndex(self.scope_combo.findData(SCOPE_MINE))
            self.reload()
        self._update_buttons()

    # --- loading ------------------------------------------------------------------------------

    def window_key(self) -> str:
        return self.window_combo.currentData()

    def show_window(self, key: str) -> None:
        """Choose a window (``"overdue"``, ``"7"``, ``"14"``, ``"30"``, ``"90"``) and load it."""
        index = self.window_combo.findData(key)
        if index >= 0:
            self.window_combo.setCurrentIndex(index)
            self.reload()

    @Slot()
    def reload(self) -> None:
        if self.vault is None or self.vault.is_locked:
            return
        days = next(days for key, _text, days in WINDOWS if key == self.window_key())
        self.count_label.setText(_("Loading deadlines…"))
        self.tasks.run(load_deadlines, self.vault, days, self.scope_combo.currentData(), on_success=self._arrived)

    @Slot(object)
    def _arrived(self, result: tuple[date, list, bool]) -> None:
        self.today, self.items, self.has_cases = result
        self._show_items()
        self.loaded.emit()

    @Slot(bool)
    def _busy_changed(self, busy: bool) -> None:
        self.window_combo.setEnabled(not busy)
        self.scope_combo.setEnabled(not busy)

    def _show_items(self) -> None:
        current = self._current_item()
        self.model.set_items(self.items, self.today, overdue_only=self.window_key() == "overdue",
                             kind=self.kind_combo.currentData() or None)
        shown = self.model.rowCount()
        overdue = sum(1 for item in self.model.items() if item.overdue)
        locale = current_language() or "en"
        text = ngettext("{n} deadline", "{n} deadlines", self.model.matching).format(
            n=format_decimal(self.model.matching, locale=locale))
        if overdue and self.window_key() != "overdue":
            text += " · " + ngettext("{n} overdue", "{n} overdue", overdue).format(n=overdue)
        if self.model.matching > MAX_ROWS:
            text += " · " + _("showing the first {n}: choose a shorter window or one kind to see the rest").format(
                n=format_decimal(MAX_ROWS, locale=locale))
        self.count_label.setText(text)
        empty = shown == 0
        self.table.setVisible(not empty)
        self.empty_state.setVisible(empty)
        # Nothing to open or tick off: the buttons would only stand there greyed out.
        self.open_button.setVisible(not empty)
        self.done_button.setVisible(not empty)
        if empty and not self.has_cases:
            self.empty_state.show_text(_("No deadlines yet: they come from the cases' documents, agreements and "
                                         "goals — create the first case with “New case”."), offer_new_case=True)
        elif empty:
            self.empty_state.show_text(_("No deadline in this window. Choose a longer window or another kind."))
        row = next((i for i, item in enumerate(self.model.items()) if item == current), 0 if shown else -1)
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    # --- actions ------------------------------------------------------------------------------

    def _current_item(self):
        index = self.table.currentIndex()
        return self.model.item(index.row()) if index.isValid() and index.row() < self.model.rowCount() else None

    def _update_buttons(self) -> None:
        item = self._current_item()
        self.open_button.setEnabled(item is not None)
        step = item is not None and item.source.startswith("agreement_step:")
        stored = item is not None and item.deadline_id is not None and not step
        self.done_button.setEnabled(stored)
        if item is None:
            tip = ""
        elif step:
            tip = _("A step of an agreement is done when it is recorded as fulfilled in the case's agreement "
                    "(Open case).")
        elif stored:
            tip = _("Tick this deadline off.")
        else:
            tip = _("This deadline is computed from the case file (a document, a rule, a goal); it goes away when "
                    "the case file changes, e.g. when the new Duldung is recorded.")
        self.done_button.setToolTip(tip)
        self.source_note.show_source(item.source if item is not None and not stored else None)

    @Slot()
    def mark_current_done(self) -> None:
        item = self._current_item()
        if item is None or item.deadline_id is None or self.vault is None:
            return
        try:
            mark_deadline_done(self.vault, deadline_id=item.deadline_id)
        except Exception as exc:
            show_error(self, exc)
            return
        self.reload()

    @Slot()
    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._open_index(index)

    @Slot(QModelIndex)
    def _open_index(self, index: QModelIndex) -> None:
        item = self.model.item(index.row())
        tab = tab_for_deadline_source(item.source)
        self.case_requested.emit(item.case_id, tab)
        open_case_in_window(self, item.case_id, item.ref, item.name, tab)

    # --- the lock protocol ------------------------------------------------------------------------

    def on_vault_locked(self) -> None:
        self.tasks.forget()
        self.vault = None
        self.items = []
        self.model.clear()

    def on_vault_unlocked(self, vault: Vault) -> None:
        self.vault = vault
        self.reload()
