"""Retention: closed cases past their period, erased after an explicit confirmation.

The periods come from the settings (``retention/*_years``). Cases under a
legal hold are listed apart with their reason and cannot be ticked. Erasing
runs off the GUI thread (``retention.erase_cases``: tombstones for the
reports, every row of the case, the FTS clean-up, the audit scrub, the sync
erasure); the list is loaded again afterwards from the vault, so what the
page shows is what is left.
"""

from __future__ import annotations

import threading
from datetime import date

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QTableView, QWidget

from app.errors import PolicyError
from app.i18n import _, ngettext
from app.services.reporting import labels
from app.services.retention import (
    PERIOD_SETTINGS,
    RetentionOverview,
    erase_cases,
    retention_overview,
    retention_periods,
)
from app.settings import Settings
from app.storage.vault import Vault
from app.ui.app_signals import app_signals
from app.ui.dialogs.erase_cases import EraseCasesDialog
from app.ui.error_dialogs import show_error
from app.ui.page_tasks import PageTasks
from app.ui.pages.page_frame import PageFrame
from app.ui.pages.retention_model import RetentionTableModel
from app.ui.widgets.busy_bar import BusyBar
from app.ui.widgets.buttons import link_button, secondary_button
from app.ui.widgets.card import Card
from app.ui.widgets.labels import hint_label, role_label

ROW_HEIGHT = 32
COLUMN_WIDTHS = (150, 230, 170, 130)  # reference, name, case type, closed; the last column takes the rest


def _table(model: RetentionTableModel, name: str) -> QTableView:
    table = QTableView()
    table.setObjectName("retentionTable")
    table.setAccessibleName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection if model.held
                           else QAbstractItemView.SelectionMode.SingleSelection)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setHighlightSections(False)
    for column, width in enumerate(COLUMN_WIDTHS):
        header.resizeSection(column, width)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def _fit_height(table: QTableView) -> None:
    """Show every row: the page scrolls, the table does not (the lists are short)."""
    rows = table.model().rowCount()
    table.setFixedHeight(table.horizontalHeader().sizeHint().height() + ROW_HEIGHT * rows + 2 * table.frameWidth() + 1)


class RetentionPage(PageFrame):
    def __init__(self, vault: Vault | None, parent: QWidget | None = None, settings: Settings | None = None,
                 today: date | None = None) -> None:
        super().__init__(_("Retention"), parent)
        self.vault = vault
        self.settings = settings or Settings()
        self._today = today
        self.tasks = PageTasks(self)
        self.tasks.busy_changed.connect(self._set_busy)
        self.dialog: EraseCasesDialog | None = None
        self._erasing = False
        self._erasure_done = threading.Event()
        self._erasure_done.set()

        self.periods_note = hint_label("")
        self.due_model = RetentionTableModel(held=False, parent=self)
        self.held_model = RetentionTableModel(held=True, parent=self)
        self.due_table = _table(self.due_model, _("Cases past their retention period"))
        self.held_table = _table(self.held_model, _("Cases under a legal hold"))
        self.due_empty = hint_label(_("No case is past its retention period. Nothing needs to be erased."))
        self.held_empty = hint_label(_("No case past its period is under a legal hold."))

        self.select_all_button = link_button(_("Select all"), _("Select all cases for erasure"))
        self.select_none_button = link_button(_("Select none"), _("Clear the selection"))
        self.erase_button = secondary_button(_("&Erase selected…"), _("Erase the selected cases"))
        self.erase_button.setProperty("danger", True)
        self.refresh_button = secondary_button(_("&Refresh"), _("Load the list again"))
        self.busy = BusyBar(_("Loading…"))
        self.status = role_label("", "success")

        self.select_all_button.clicked.connect(lambda: self.due_model.set_all_checked(True))
        self.select_none_button.clicked.connect(lambda: self.due_model.set_all_checked(False))
        self.erase_button.clicked.connect(self.ask_and_erase)
        self.refresh_button.clicked.connect(self.refresh)
        self.due_model.checked_changed.connect(self._update_buttons)
        app_signals().setting_changed.connect(self._setting_changed)

        self.body.addWidget(self.periods_note)
        self.body.addWidget(self._due_card())
        self.body.addWidget(self._held_card())
        self.body.addStretch(1)
        self._update_buttons()
        self.refresh()

    def today(self) -> date:
        return self._today or date.today()

    # --- layout --------------------------------------------------------------------------

    def _due_card(self) -> Card:
        self.due_card = Card(_("Past their retention period"), _(
            "These closed cases have been kept as long as the rules allow. Tick the cases to erase."))
        self.due_card.content.addWidget(self.due_table)
        self.due_card.content.addWidget(self.due_empty)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        actions.addWidget(self.select_all_button)
        actions.addWidget(self.select_none_button)
        actions.addSpacing(12)
        actions.addWidget(self.status, 1)
        actions.addWidget(self.busy)
        actions.addWidget(self.refresh_button)
        actions.addWidget(self.erase_button)
        self.due_card.content.addSpacing(6)
        self.due_card.content.addLayout(actions)
        return self.due_card

    def _held_card(self) -> Card:
        self.held_card = Card(_("Under a legal hold"), _(
            "Past their period too, but a legal hold keeps them: they are not erased while the hold lasts."))
        self.held_card.content.addWidget(self.held_table)
        self.held_card.content.addWidget(self.held_empty)
        return self.held_card

    def _periods_text(self, periods: dict[str, int]) -> str:
        parts = [ngettext("{type}: {n} year", "{type}: {n} years", years).format(
            type=labels.label(labels.CASE_TYPES, case_type), n=years) for case_type, years in periods.items()]
        return _("Closed cases are kept for a period after closing, then erased. Retention periods: "
                 "{periods}.").format(periods="; ".join(parts))

    # --- loading ----------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        if self.vault is None:
            return
        periods = retention_periods(self.settings)
        self.periods_note.setText(self._periods_text(periods))
        self.tasks.run(retention_overview, self.vault, self.today(), periods, on_success=self._overview_ready)

    def _overview_ready(self, overview: RetentionOverview) -> None:
        self.due_model.set_cases(overview.due)
        self.held_model.set_cases(overview.held)
        for table, empty, count in ((self.due_table, self.due_empty, len(overview.due)),
                                    (self.held_table, self.held_empty, len(overview.held))):
            table.setVisible(count > 0)
            empty.setVisible(count == 0)
            _fit_height(table)
        self.due_card.heading.setText(_("Past their retention period ({n})").format(n=len(overview.due)))
        self.held_card.heading.setText(_("Under a legal hold ({n})").format(n=len(overview.held)))
        self._update_buttons()

    @Slot(str)
    def _setting_changed(self, key: str) -> None:
        if key in PERIOD_SETTINGS.values():
            self.refresh()

    # --- erasing ---------------------------------------------------------------------------------

    @Slot()
    def ask_and_erase(self) -> None:
        chosen = self.due_model.checked_cases()
        if not chosen or self.vault is None:
            return
        self.dialog = EraseCasesDialog([c.ref for c in chosen], self.window())
        self.dialog.accepted.connect(lambda: self.erase([c.case_id for c in chosen]))
        self.dialog.open()

    def erase(self, case_ids: list[str]) -> None:
        """Erase for good (called after the confirmation), then load the list again."""
        if self.vault is None or not case_ids:
            return
        self.status.clear()
        self._erasing = True
        self.busy.label.setText(_("Erasing…"))
        done = self._erasure_done = threading.Event()

        def erase_then_say_done(vault: Vault, user: str, today: date) -> list[str]:
            try:
                return erase_cases(vault, case_ids, user, today)
            finally:
                done.set()

        self.tasks.run(erase_then_say_done, self.vault, self.vault.user_name, self.today(),
                       on_success=self._erased, on_failure=self._erase_failed)

    def _erased(self, refs: list[str]) -> None:
        self._erasing = False
        self.status.setText(ngettext("Erased {n} case: {refs}.", "Erased {n} cases: {refs}.", len(refs)).format(
            n=len(refs), refs=", ".join(refs)))
        self.refresh()

    def _erase_failed(self, exc: BaseException) -> None:
        self._erasing = False
        heading = _("Not every case was erased") if isinstance(exc, PolicyError) else None
        show_error(self.window(), exc, heading=heading)
        self.refresh()  # show what is left: cases erased before the failure stay erased

    # --- state ------------------------------------------------------------------------------------

    @Slot(bool)
    def _set_busy(self, busy: bool) -> None:
        if not busy:
            self.busy.label.setText(_("Loading…"))
        self.busy.setVisible(busy)
        self._update_buttons()
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    @Slot()
    def _update_buttons(self) -> None:
        n = len(self.due_model.checked_cases())
        idle = not self.tasks.busy and self.vault is not None
        self.erase_button.setEnabled(idle and n > 0)
        self.erase_button.setText(
            ngettext("&Erase {n} selected case…", "&Erase {n} selected cases…", n).format(n=n) if n
            else _("&Erase selected…"))
        has_cases = bool(self.due_model.cases())
        for link in (self.select_all_button, self.select_none_button):
            link.setVisible(has_cases)  # links show no disabled state: hide them when there is nothing
        self.select_all_button.setEnabled(idle)
        self.select_none_button.setEnabled(idle)
        self.refresh_button.setEnabled(idle)

    # --- lock protocol ---------------------------------------------------------------------------------

    def on_vault_locked(self) -> None:
        # An erasure under way finishes first (the vault stays open during this call): its
        # clean-up of the search index and the WAL must not be cut off by the lock.
        self._erasure_done.wait(timeout=300)
        self._erasing = False
        self.tasks.forget()
        if self.dialog is not None:
            self.dialog.reject()  # a confirmation must not outlive the lock
        self.vault = None
        self.due_model.set_cases([])
        self.held_model.set_cases([])
        self.status.clear()
        self._update_buttons()

    def on_vault_unlocked(self, vault: Vault) -> None:
        self.vault = vault
        self.refresh()
