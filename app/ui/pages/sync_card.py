"""The start page's card about team sync: not set up, or when it last ran and what waits.

Sync is built in ``app.storage.sync`` (``sync_status(vault)``). Until a
version has it, or when the vault is in no team, the card says "Team sync
not set up" and links to the Team sync page. The status is read on the
overview's worker thread (:func:`read_sync_status`), never on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from app.i18n import _, ngettext
from app.ui.widgets.buttons import link_button
from app.ui.widgets.card import Card
from app.ui.widgets.chips import Chip
from app.ui.widgets.labels import hint_label, role_label


@dataclass(frozen=True)
class SyncReading:
    available: bool  # the app has team sync at all
    status: Any = None  # app.storage.sync.SyncStatus when available
    error: str = ""  # why the status could not be read


def read_sync_status(vault) -> SyncReading:
    """Runs on a worker thread. Never raises: the overview must show even if sync cannot say."""
    try:
        from app.storage.sync import sync_status
    except ImportError:
        return SyncReading(available=False)
    try:
        return SyncReading(available=True, status=sync_status(vault))
    except Exception as exc:  # a sync problem is reported in the card, not as a failed overview
        return SyncReading(available=True, error=getattr(exc, "message", "") or type(exc).__name__)


def _local_time(iso_utc: str) -> str:
    try:
        moment = datetime.fromisoformat(iso_utc)
    except ValueError:
        return iso_utc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%d.%m.%Y %H:%M")


class SyncCard(Card):
    """Signal ``open_sync_page()`` when the user follows the link."""

    open_sync_page = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Team sync"), "", parent)
        self.state = Chip()
        self.line = role_label("", "lead")
        self.detail = hint_label("")
        self.conflicts = Chip()
        self.link = link_button(_("Set up team sync…"), _("Go to the Team sync page"))
        self.link.clicked.connect(self.open_sync_page)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.state)
        top.addWidget(self.conflicts)
        top.addStretch(1)
        self.content.addLayout(top)
        self.content.addWidget(self.line)
        self.content.addWidget(self.detail)
        row = QHBoxLayout()
        row.addWidget(self.link)
        row.addStretch(1)
        self.content.addLayout(row)
        self.show_reading(None)

    def show_reading(self, reading: SyncReading | None) -> None:
        self.conflicts.hide()
        if reading is None:
            self.state.show_state(_("Checking…"), "neutral")
            self.line.setText("")
            self.detail.setText("")
            self.link.hide()
            return
        status = reading.status
        if reading.error:
            self.state.show_state(_("Status unknown"), "warning")
            self.line.setText(_("The sync status could not be read: {reason}").format(reason=reading.error))
            self.detail.setText("")
            self.link.setText(_("Open Team sync…"))
            self.link.show()
            return
        if not reading.available or status is None or not getattr(status, "in_team", False):
            self.state.show_state("", "neutral")
            self.line.setText(_("Team sync not set up"))
            self.detail.setText(_("Share case files with your team through a shared folder, encrypted from end "
                                  "to end. Until then this vault stays on this computer only."))
            self.link.setText(_("Set up team sync…"))
            self.link.setVisible(reading.available)
            return
        reachable = bool(getattr(status, "folder_reachable", False))
        self.state.show_state(_("Folder reachable") if reachable else _("Folder not reachable"),
                              "success" if reachable else "warning")
        last = getattr(status, "last_sync_at", None)
        team = getattr(status, "team_name", "") or _("your team")
        self.line.setText(_("Last synced with {team}: {when}").format(team=team, when=_local_time(last))
                          if last else _("Not synced with {team} yet.").format(team=team))
        pending = int(getattr(status, "pending_changes", 0) or 0)
        self.detail.setText(ngettext("{n} change of yours waits to be sent.", "{n} changes of yours wait to be sent.",
                                     pending).format(n=pending) if pending else _("Everything of yours has been sent."))
        conflicts = int(getattr(status, "unresolved_conflicts", 0) or 0)
        if conflicts:
            self.conflicts.show_state(ngettext("{n} conflict to resolve", "{n} conflicts to resolve",
                                               conflicts).format(n=conflicts), "danger")
        self.link.setText(_("Open Team sync…"))
        self.link.show()
