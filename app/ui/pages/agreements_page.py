"""Agreements: the Zug-um-Zug agreements in force across the open cases, late ones first.

Each row: reference, name, the agreement's title, where it stands (step
missed, overdue, waiting, on track), the next open step, how many steps are
late and by how many days, and how many steps are done. Enter or a double
click opens the case at its Agreements tab with that agreement selected.
The list is read off the GUI thread when the page is shown (at most once a
minute) and after unlocking.
"""

from __future__ import annotations

import time
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ngettext
from app.services.agreements import list_agreements_overview
from app.storage.vault import Vault
from app.ui.case_opening import open_case_in_window
from app.ui.column_memory import ColumnMemory
from app.ui.page_tasks import PageTasks
from app.ui.pages.agreements_model import COLUMNS, AgreementsTableModel
from app.ui.pages.page_frame import PAGE_MARGIN
from app.ui.widgets.buttons import secondary_button
from app.ui.widgets.empty_state import EmptyState, vault_has_cases
from app.ui.widgets.labels import hint_label, role_label
from app.ui.widgets.row_table import row_table

REFRESH_AFTER_S = 60.0
# Status and "late steps" fit their German words ("Schritt versäumt", "Verspätete Schritte").
# The first six columns leave the next step ~190 px in a 1280-pixel window (no sideways scrolling).
COLUMN_WIDTHS = {"ref": 100, "name": 130, "title": 125, "status": 140, "late": 158, "overdue": 132, "next": 180}


class MiddleElideDelegate(QStyledItemDelegate):
    """Titles often share their start ("Zug-um-Zug-Vereinbarung: …"): cut them in the middle, keep the end."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt's name
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


def load_agreements(vault: Vault) -> tuple[date, list, bool]:
    """The agreements in force, and whether the vault has any case (a new one says so)."""
    today = date.today()
    summaries = list_agreements_overview(vault, today=today)
    return today, summaries, bool(summaries) or vault_has_cases(vault)


class AgreementsPage(QWidget):
    """Signals: ``case_requested(case_id, tab)``; ``loaded()`` after the list is shown."""

    case_requested = Signal(str, str)
    loaded = Signal()

    def __init__(self, vault: Vault | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageArea")
        self.vault = vault
        self.tasks = PageTasks(self)
        self.summaries: list = []
        self.today = date.today()
        self._loaded_at = 0.0

        title = role_label(_("Agreements"), "page-title", wrap=False)
        lead = hint_label(_("Zug-um-Zug agreements in force in the open cases. Agreements with overdue or missed "
                            "steps come first, the longest overdue at the top."))
        self.search = QLineEdit()
        self.search.setObjectName("agreementFilter")
        self.search.setPlaceholderText(_("Filter by reference, name or title"))
        self.search.setAccessibleName(_("Filter agreements"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._show_rows())
        self.search.returnPressed.connect(self.open_current)
        self.late_only = QCheckBox(_("Only with late steps"))
        self.late_only.setAccessibleName(_("Show only agreements with overdue or missed steps"))
        self.late_only.toggled.connect(lambda _on: self._show_rows())
        self.count_label = hint_label("")
        self.count_label.setWordWrap(False)
        self.count_label.setObjectName("agreementCount")
        self.open_button = secondary_button(_("Open case"), _("Open the case at its agreements"))
        self.open_button.clicked.connect(self.open_current)
        filters = QHBoxLayout()
        filters.setSpacing(14)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.late_only)
        filters.addWidget(self.open_button)

        self.model = AgreementsTableModel(self)
        self.table = row_table(self.model, object_name="agreementTable", accessible_name=_("Agreements in force"))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, (key, _label) in enumerate(COLUMNS):
            header.resizeSection(column, COLUMN_WIDTHS[key])
        self.column_memory = ColumnMemory(header, "agreements")
        self.title_delegate = MiddleElideDelegate(self.table)
        self.table.setItemDelegateForColumn([key for key, _label in COLUMNS].index("title"), self.title_delegate)
        self.table.activated.connect(self._open_index)
        self.table.doubleClicked.connect(self._open_index)

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
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_state, 1)
        QWidget.setTabOrder(self.search, self.table)

        if vault is not None:
            self.reload()

    @Slot()
    def reload(self) -> None:
        if self.vault is None or self.vault.is_locked:
            return
        self._loaded_at = time.monotonic()
        if not self.summaries:
            self.count_label.setText(_("Loading agreements…"))
        self.tasks.run(load_agreements, self.vault, on_success=self._arrived)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self.tasks.busy and time.monotonic() - self._loaded_at > REFRESH_AFTER_S:
            self.reload()

    @Slot(object)
    def _arrived(self, result: tuple[date, list, bool]) -> None:
        self.today, self.summaries, self.has_cases = result
        self._show_rows()
        self.loaded.emit()

    def _show_rows(self) -> None:
        self.model.set_rows(self.summaries, self.today, late_only=self.late_only.isChecked(), text=self.search.text())
        shown = self.model.rowCount()
        late = sum(1 for s in self.summaries if s.late_steps)
        text = ngettext("{n} agreement in force", "{n} agreements in force", len(self.summaries)).format(
            n=len(self.summaries))
        if late:
            text += " · " + ngettext("{n} with late steps", "{n} with late steps", late).format(n=late)
        if shown != len(self.summaries):
            text += " · " + ngettext("{n} shown", "{n} shown", shown).format(n=shown)
        self.count_label.setText(text)
        self.table.setVisible(shown > 0)
        self.empty_state.setVisible(shown == 0)
        self.open_button.setEnabled(shown > 0)
        self.open_button.setVisible(bool(self.summaries))
        if shown == 0 and not self.has_cases:
            self.empty_state.show_text(_("No agreements yet: they are made in a case, on its Agreements tab — "
                                         "create the first case with “New case”."), offer_new_case=True)
        elif shown == 0:
            self.empty_state.show_text(
                _("No agreement matches the filter.") if self.summaries else
                _("No agreement is in force. Agreements are made in a case, on its Agreements tab."))
        elif not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    @Slot()
    def open_current(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
        if index.isValid():
            self._open_index(index)

    @Slot(QModelIndex)
    def _open_index(self, index: QModelIndex) -> None:
        summary = self.model.summary(index.row())
        self.case_requested.emit(summary.case_id, "agreements")
        open_case_in_window(self, summary.case_id, summary.ref, summary.name, "agreements",
                            agreement_id=summary.agreement_id)

    def on_vault_locked(self) -> None:
        self.tasks.forget()
        self.vault = None
        self.summaries = []
        self.model.clear()

    def on_vault_unlocked(self, vault: Vault) -> None:
        self.vault = vault
        self.reload()
