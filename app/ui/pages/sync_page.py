"""Team sync: create or join a team, its status, "Sync now", automatic sync and the conflicts.

Every call into the vault runs off the GUI thread (``PageTasks``); key
derivation for a team passphrase is Argon2id and takes seconds. A sync reports
``progress(fraction, message)`` from its worker; a relay signal carries that
to the progress bar on the GUI thread. Automatic sync runs every
``sync/interval_minutes`` while the vault is unlocked, never while a sync is
running, and only when the folder is reachable (checked in the worker). A
missing or unmounted folder is not an error: nothing is deleted, and the next
sync catches up.
"""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QWidget,
)

from app.i18n import _, ngettext
from app.services import team_sync
from app.settings import Settings
from app.storage.sync import SyncResult, SyncStatus
from app.storage.vault import Vault
from app.ui.app_signals import app_signals
from app.ui.error_dialogs import show_error
from app.ui.formats import format_moment
from app.ui.page_tasks import PageTasks
from app.ui.pages.page_frame import PageFrame
from app.ui.sync.conflict_list import ConflictList
from app.ui.sync.team_setup import TeamSetup
from app.ui.widgets.buttons import link_button, primary_button, secondary_button
from app.ui.widgets.card import Card
from app.ui.widgets.forms import new_form
from app.ui.widgets.labels import hint_label, role_label

UNREACHABLE_TEXT = ("The team folder is not reachable. Nothing is deleted; Lotse syncs when it is back.")
LOCK_WAIT_SECONDS = 300  # a sync under way finishes before the vault locks


class _ProgressRelay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call to the bar."""

    progressed = Signal(float, str)


def result_text(result: SyncResult) -> str:
    """"12 sent, 30 received, 1 conflict"."""
    parts = [_("{n} sent").format(n=result.sent), _("{n} received").format(n=result.received),
             ngettext("{n} conflict", "{n} conflicts", result.conflicts).format(n=result.conflicts)]
    if result.rejected:
        parts.append(ngettext("{n} file rejected", "{n} files rejected", len(result.rejected)).format(
            n=len(result.rejected)))
    return ", ".join(parts)


def _sync_if_reachable(vault: Vault, progress) -> SyncResult | None:
    """The automatic sync: only in a team and with the folder there (else None, quietly)."""
    status = team_sync.team_status(vault)
    if not status.in_team or not status.folder_reachable:
        return None
    return team_sync.sync_team(vault, progress)


def _status_and_conflicts(vault: Vault) -> tuple[SyncStatus, list[dict[str, Any]]]:
    return team_sync.team_status(vault), team_sync.open_conflicts(vault)


class SyncPage(PageFrame):
    def __init__(self, vault: Vault | None, parent: QWidget | None = None, settings: Settings | None = None) -> None:
        super().__init__(_("Team sync"), parent)
        self.vault = vault
        self.settings = settings or Settings()
        self.status: SyncStatus | None = None
        self.last_result: SyncResult | None = None
        self.tasks = PageTasks(self)  # status loads, team create/join/leave
        self.sync_tasks = PageTasks(self)  # syncs, apart so "is a sync running" is exact
        self._sync_done = threading.Event()
        self._sync_done.set()
        self.confirm_leave: QMessageBox | None = None

        self.relay = _ProgressRelay(self)
        self.relay.progressed.connect(self._progressed)

        self.setup = TeamSetup()
        self.setup.create_requested.connect(self.create_team)
        self.setup.join_requested.connect(self.join_team)
        self.setup.set_default_folder(str(self.settings.get("sync/folder") or ""))
        self.setup_busy = hint_label(_("Deriving the team key… this takes a few seconds."))
        self.setup_busy.hide()
        setup_page = QWidget()
        setup_layout = _column(setup_page)
        setup_layout.addWidget(self.setup)
        setup_layout.addWidget(self.setup_busy)
        setup_layout.addStretch(1)

        team_page = QWidget()
        team_layout = _column(team_page)
        team_layout.addWidget(self._status_card())
        team_layout.addWidget(self._conflicts_card())
        team_layout.addStretch(1)

        self.loading = hint_label(_("Loading…"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.loading)
        self.stack.addWidget(setup_page)
        self.stack.addWidget(team_page)
        self.setup_page, self.team_page = setup_page, team_page
        self.body.addWidget(self.stack)
        self.body.addStretch(1)

        self.timer = QTimer(self)
        self.timer.timeout.connect(self.auto_sync)
        app_signals().setting_changed.connect(self._setting_changed)
        self._restart_timer()
        self.refresh()

    # --- layout -------------------------------------------------------------------------------

    def _status_card(self) -> Card:
        self.status_card = Card(_("Your team"))
        self.team_name_value = _value()
        self.folder_value = _value()
        self.folder_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reachable_value = _value()
        self.last_sync_value = _value()
        self.pending_value = _value()
        self.conflicts_value = _value()
        self.conflicts_link = link_button(_("Show"), _("Show the conflicts"))
        self.conflicts_link.clicked.connect(self.show_conflicts)
        conflicts_row = QHBoxLayout()
        conflicts_row.setSpacing(10)
        conflicts_row.addWidget(self.conflicts_value)
        conflicts_row.addWidget(self.conflicts_link)
        conflicts_row.addStretch(1)
        form: QFormLayout = new_form()
        form.addRow(_("Team"), self.team_name_value)
        form.addRow(_("Folder"), self.folder_value)
        form.addRow(_("Folder status"), self.reachable_value)
        form.addRow(_("Last sync"), self.last_sync_value)
        form.addRow(_("Waiting to be sent"), self.pending_value)
        form.addRow(_("Conflicts"), conflicts_row)
        self.status_card.content.addLayout(form)

        self.rejected_label = role_label("", "error")
        self.rejected_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rejected_label.setAccessibleName(_("Rejected files"))
        self.status_card.content.addWidget(self.rejected_label)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName(_("Sync progress"))
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(260)
        self.progress_label = hint_label("")
        self.result_label = role_label("", "success", wrap=False)
        self.result_label.setAccessibleName(_("Result of the last sync"))
        self.sync_button = primary_button(_("&Sync now"), _("Sync with the team now"))
        self.sync_button.clicked.connect(self.sync_now)
        self.leave_button = secondary_button(_("&Leave team…"), _("Leave the team"))
        self.leave_button.setProperty("danger", True)
        self.leave_button.clicked.connect(self.ask_leave)
        actions = QHBoxLayout()
        actions.setSpacing(12)
        actions.addWidget(self.leave_button)
        actions.addStretch(1)
        actions.addWidget(self.result_label)
        progress_column = _column(None)
        progress_column.addWidget(self.progress_label)
        progress_column.addWidget(self.progress)
        actions.addLayout(progress_column)
        actions.addWidget(self.sync_button)
        self.status_card.content.addSpacing(8)
        self.status_card.content.addLayout(actions)
        self._show_progress(False)
        return self.status_card

    def _conflicts_card(self) -> Card:
        self.conflicts_card = Card(_("Conflicts"), _(
            "Two devices changed the same field before they synced. The later change is in effect; "
            "the other is kept here until you decide."))
        self.conflict_list = ConflictList(lambda: self.vault, empty_text=_("No sync conflicts."))
        self.conflict_list.resolved.connect(lambda _outcome: self.refresh())
        self.conflicts_card.content.addWidget(self.conflict_list)
        return self.conflicts_card

    # --- status ------------------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        if self.vault is None:
            return
        self.tasks.run(_status_and_conflicts, self.vault, on_success=self._loaded)

    def _loaded(self, loaded: tuple[SyncStatus, list[dict[str, Any]]]) -> None:
        status, conflicts = loaded
        self.status = status
        if not status.in_team:
            self.stack.setCurrentWidget(self.setup_page)
            return
        self.stack.setCurrentWidget(self.team_page)
        self.team_name_value.setText(status.team_name or status.team_id or "")
        self.folder_value.setText(status.folder or "")
        if status.folder_reachable:
            self.reachable_value.setText(_("Reachable"))
            self.reachable_value.setProperty("role", "success")
        else:
            self.reachable_value.setText(_(UNREACHABLE_TEXT))
            self.reachable_value.setProperty("role", "fact-warning")
        self.reachable_value.style().polish(self.reachable_value)
        self.last_sync_value.setText(_moment(status.last_sync_at) or _("Not synced yet"))
        self.pending_value.setText(ngettext("{n} local change", "{n} local changes", status.pending_changes).format(
            n=status.pending_changes))
        self.conflicts_value.setText(
            ngettext("{n} unresolved", "{n} unresolved", status.unresolved_conflicts).format(
                n=status.unresolved_conflicts) if status.unresolved_conflicts else _("None"))
        self.conflicts_link.setVisible(status.unresolved_conflicts > 0)
        if status.rejected:
            self.rejected_label.setText(_("Files in the team folder that were rejected:") + "\n"
                                        + "\n".join(f"• {message}" for message in status.rejected))
        self.rejected_label.setVisible(bool(status.rejected))
        self.conflicts_card.heading.setText(_("Conflicts ({n})").format(n=len(conflicts)))
        self.conflict_list.set_conflicts(conflicts)
        self._update_buttons()

    @Slot()
    def show_conflicts(self) -> None:
        self.conflict_list.table.setFocus()
        scroll = self.findChild(QWidget, "pageScroll")
        if scroll is not None:
            scroll.ensureWidgetVisible(self.conflicts_card)

    # --- team ------------------------------------------------------------------------------------

    @Slot(str, str, str)
    def create_team(self, folder: str, name: str, passphrase: str) -> None:
        if self.vault is None:
            return
        self._setup_busy(True)
        self.tasks.run(team_sync.create_team, self.vault, folder, passphrase, name,
                       on_success=lambda _name: self._joined(folder), on_failure=self._setup_failed)

    @Slot(str, str)
    def join_team(self, folder: str, passphrase: str) -> None:
        if self.vault is None:
            return
        self._setup_busy(True)
        self.tasks.run(team_sync.join_team, self.vault, folder, passphrase,
                       on_success=lambda _name: self._joined(folder), on_failure=self._setup_failed)

    def _joined(self, folder: str) -> None:
        self._setup_busy(False)
        self.settings.set("sync/folder", folder)
        self.result_label.setText(_("You are in the team. The first sync sends your shared cases."))
        self.refresh()

    def _setup_failed(self, exc: BaseException) -> None:
        self._setup_busy(False)
        show_error(self.window(), exc)

    def _setup_busy(self, busy: bool) -> None:
        self.setup.set_busy(busy)
        self.setup_busy.setVisible(busy)

    @Slot()
    def ask_leave(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, _("Leave the team"), _("Leave the team?"),
                          QMessageBox.StandardButton.NoButton, self.window())
        box.setInformativeText(_(
            "This device stops syncing. Your cases stay in this vault and the team folder is not touched; "
            "to join again you need the team passphrase."))
        self.leave_confirm_button = box.addButton(_("Leave team"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(box.buttons()[-1])
        box.finished.connect(lambda _code: self._leave_answered(box))
        self.confirm_leave = box
        box.open()

    def _leave_answered(self, box: QMessageBox) -> None:
        self.confirm_leave = None
        if box.clickedButton() is self.leave_confirm_button and self.vault is not None:
            self.tasks.run(team_sync.leave_team, self.vault, on_success=lambda _none: self._left())

    def _left(self) -> None:
        self.result_label.clear()
        self.refresh()

    # --- syncing ------------------------------------------------------------------------------------

    @property
    def syncing(self) -> bool:
        return self.sync_tasks.busy

    @Slot()
    def sync_now(self) -> None:
        self._start_sync(team_sync.sync_team, manual=True)

    @Slot()
    def auto_sync(self) -> None:
        """The timer's tick: sync quietly if possible, and refresh the status either way."""
        if self.vault is None or self.syncing or self.tasks.busy:
            return
        self._start_sync(_sync_if_reachable, manual=False)

    def _start_sync(self, function, *, manual: bool) -> None:
        if self.vault is None or self.syncing:
            return
        done = self._sync_done = threading.Event()
        relay = self.relay

        def run(vault: Vault):
            try:
                return function(vault, lambda fraction, message: relay.progressed.emit(float(fraction), message))
            finally:
                done.set()

        self.progress.setValue(0)
        self.progress_label.setText(_("Syncing…"))
        self._show_progress(manual)
        self.result_label.clear()
        self.sync_tasks.run(run, self.vault, on_success=self._synced, on_failure=self._sync_failed)
        self._update_buttons()

    @Slot(float, str)
    def _progressed(self, fraction: float, message: str) -> None:
        if self.syncing:
            self._show_progress(True)
            self.progress.setValue(max(0, min(100, round(fraction * 100))))
            if message:
                self.progress_label.setText(message)

    def _synced(self, result: SyncResult | None) -> None:
        self._show_progress(False)
        if result is not None:
            self.last_result = result
            self.result_label.setText(result_text(result))
        self._update_buttons()
        self.refresh()

    def _sync_failed(self, exc: BaseException) -> None:
        self._show_progress(False)
        self._update_buttons()
        self.refresh()  # an unreachable folder shows calmly in the status card
        if self.status is not None and not self.status.folder_reachable:
            return
        show_error(self.window(), exc, heading=_("The sync did not finish"))

    def _show_progress(self, shown: bool) -> None:
        self.progress.setVisible(shown)
        self.progress_label.setVisible(shown)

    def _update_buttons(self) -> None:
        idle = self.vault is not None and not self.syncing
        self.sync_button.setEnabled(idle)
        self.leave_button.setEnabled(idle)
        self.sync_button.setText(_("Syncing…") if self.syncing else _("&Sync now"))

    # --- timer and settings -------------------------------------------------------------------------

    def _restart_timer(self) -> None:
        minutes = int(self.settings.get("sync/interval_minutes") or 0)
        if self.vault is None or minutes <= 0:
            self.timer.stop()
        else:
            self.timer.start(minutes * 60_000)

    @Slot(str)
    def _setting_changed(self, key: str) -> None:
        if key == "sync/interval_minutes":
            self._restart_timer()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.status is not None:  # the first load runs from __init__
            self.refresh()

    # --- lock protocol ---------------------------------------------------------------------------------

    def on_vault_locked(self) -> None:
        self.timer.stop()
        # A sync under way finishes first (the vault stays open during this call): a sync
        # cut off by the lock would only have to start again, but its segment is half written.
        self._sync_done.wait(timeout=LOCK_WAIT_SECONDS)
        self.tasks.forget()
        self.sync_tasks.forget()
        self.conflict_list.forget()
        if self.confirm_leave is not None:
            self.confirm_leave.reject()
        self.setup.wipe()
        self.vault = None
        self.status = None
        self._show_progress(False)
        self.stack.setCurrentWidget(self.loading)

    def on_vault_unlocked(self, vault: Vault) -> None:
        self.vault = vault
        self._restart_timer()
        self.refresh()


def _column(parent: QWidget | None):
    from PySide6.QtWidgets import QVBoxLayout

    layout = QVBoxLayout(parent) if parent is not None else QVBoxLayout()
    if parent is not None:
        layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(16 if parent is not None else 4)
    return layout


def _value() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _moment(raw: str | None) -> str:
    if not raw:
        return ""
    try:
        return format_moment(datetime.fromisoformat(raw))
    except ValueError:
        return raw

