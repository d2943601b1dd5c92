"""The start page: what is due, my cases by phase, the cases I opened last, team sync.

Deadlines (residence documents, passports, 27th birthdays, agreement steps,
reviews, consents, goal target dates) overdue and due within 14 days, in three
groups: overdue, this week (the next seven days), next week (the seven after).
A row opens its case at the tab where the deadline is dealt with.

Everything comes from one service call (``app.services.overview.overview``)
on a worker thread: the deadline engine takes a few hundred milliseconds on a
10,000-case vault. Until the first answer grey placeholder rows hold the
place; later refreshes keep the shown rows and say "Updating…". The page
refreshes after unlocking and whenever it is shown again, at most once a
minute (``REFRESH_AFTER_S``), and with the Refresh button.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from app.i18n import _, ngettext
from app.services.overview import SCOPE_ALL, SCOPE_MINE, OverviewData, overview
from app.storage.vault import Vault
from app.ui.case_opening import open_case_in_window, tab_for_deadline_source
from app.ui.deadline_texts import GROUP_TITLES, group_deadlines
from app.ui.formatting import format_date
from app.ui.page_tasks import PageTasks
from app.ui.pages.overview_widgets import CaseRow, DeadlineRow, FigureTile, PhaseBars, SkeletonRow
from app.ui.pages.page_frame import PageFrame
from app.ui.pages.sync_card import SyncCard, SyncReading, read_sync_status
from app.ui.widgets.buttons import link_button, secondary_button
from app.ui.widgets.card import Card
from app.ui.widgets.empty_state import EmptyState, vault_has_cases
from app.ui.widgets.labels import hint_label, role_label
from app.ui.widgets.responsive_pair import ResponsivePair

WITHIN_DAYS = 14
ROWS_PER_GROUP = 8
REFRESH_AFTER_S = 60.0
SKELETON_ROWS = 5


def load_overview(vault: Vault, scope: str | None) -> tuple[OverviewData, SyncReading, bool]:
    """Runs on a worker thread: the page's data, the sync status and whether the vault has any case."""
    data = overview(vault, within_days=WITHIN_DAYS, scope=scope)
    return data, read_sync_status(vault), bool(data.deadlines or data.recent) or vault_has_cases(vault)


class OverviewPage(PageFrame):
    """Signals: ``case_requested(case_id, tab)`` when a row is opened; ``loaded()`` after data is shown."""

    case_requested = Signal(str, str)
    loaded = Signal()

    def __init__(self, vault: Vault | None, parent: QWidget | None = None) -> None:
        super().__init__(_("Overview"), parent)
        self.setObjectName("overviewPage")
        self.vault = vault
        self.tasks = PageTasks(self)
        self.tasks.busy_changed.connect(self._busy_changed)
        self.data: OverviewData | None = None
        self.sync: SyncReading | None = None
        self._loaded_at = 0.0
        self._scope_choice: str | None = None  # None: the service decides (mine when I manage cases)

        self.as_of = hint_label("")
        self.as_of.setMinimumWidth(120)
        self.scope = QComboBox()
        self.scope.setProperty("compact", True)
        self.scope.setAccessibleName(_("Whose deadlines"))
        self.scope.addItem(_("My cases"), SCOPE_MINE)
        self.scope.addItem(_("All cases"), SCOPE_ALL)
        self.scope.activated.connect(self._scope_chosen)
        self.refresh_button = secondary_button(_("Refresh"), _("Refresh the overview"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.as_of, 1)
        scope_label = hint_label(_("Deadlines of"))
        scope_label.setWordWrap(False)
        top.addWidget(scope_label)
        top.addWidget(self.scope)
        top.addWidget(self.refresh_button)
        self.body.addLayout(top)

        # A new vault: one sentence and "New case" instead of a wall of zeros.
        self.empty_state = EmptyState()
        self.empty_state.setProperty("card", True)
        self.empty_state.show_no_cases()
        self.has_cases = True
        self.body.addWidget(self.empty_state)

        self.tiles = {key: FigureTile(_(title)) for key, title in GROUP_TITLES.items()}
        tiles = QHBoxLayout()
        tiles.setSpacing(12)
        for tile in self.tiles.values():
            tiles.addWidget(tile, 1)
        self.active_tile = FigureTile(_("My active cases"))
        tiles.addWidget(self.active_tile, 1)
        self.body.addLayout(tiles)

        self.deadlines_card = Card(_("Deadlines"), "")
        self.deadline_rows = QVBoxLayout()
        self.deadline_rows.setSpacing(2)
        self.deadlines_card.content.addLayout(self.deadline_rows)

        self.phase_card = Card(_("My active cases by phase"), "")
        self.phase_bars = PhaseBars()
        self.phase_note = hint_label("")
        self.phase_card.content.addWidget(self.phase_bars)
        self.phase_card.content.addWidget(self.phase_note)

        self.recent_card = Card(_("Recently opened"), "")
        self.recent_rows = QVBoxLayout()
        self.recent_rows.setSpacing(2)
        self.recent_card.content.addLayout(self.recent_rows)

        self.sync_card = SyncCard()
        self.sync_card.open_sync_page.connect(lambda: self._show_page("sync"))

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(16)
        side_layout.addWidget(self.phase_card)
        side_layout.addWidget(self.recent_card)
        side_layout.addWidget(self.sync_card)
        side_layout.addStretch(1)
        self.columns = ResponsivePair(self.deadlines_card, side, stretch=(3, 2))
        self.body.addWidget(self.columns)
        self.body.addStretch(1)

        self._show_skeleton()
        if vault is not None:
            self.refresh()

    # --- loading --------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        if self.vault is None or self.vault.is_locked:
            return
        self._loaded_at = time.monotonic()  # a refresh under way counts: showing the page again waits
        self.tasks.run(load_overview, self.vault, self._scope_choice, on_success=self._arrived)

    def refresh_if_stale(self) -> None:
        if not self.tasks.busy and time.monotonic() - self._loaded_at > REFRESH_AFTER_S:
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.data is not None:
            self.refresh_if_stale()

    @Slot(bool)
    def _busy_changed(self, busy: bool) -> None:
        self.refresh_button.setEnabled(not busy)
        if busy and self.data is not None:
            self.as_of.setText(_("Updating…"))
        elif not busy and self.data is not None:
            self._show_as_of(self.data)

    @Slot(object)
    def _arrived(self, result: tuple[OverviewData, SyncReading, bool]) -> None:
        self.data, self.sync, self.has_cases = result
        self._loaded_at = time.monotonic()
        self._show(self.data)
        self.sync_card.show_reading(self.sync)
        self.loaded.emit()

    @Slot(int)
    def _scope_chosen(self, index: int) -> None:
        self._scope_choice = self.scope.itemData(index)
        self.refresh()

    # --- showing --------------------------------------------------------------------------

    def _show_as_of(self, data: OverviewData) -> None:
        scope = _("your cases") if data.scope == SCOPE_MINE else _("all cases of the vault")
        self.as_of.setText(_("As of {date} · overdue and due in the next {n} days, {scope}").format(
            date=format_date(data.today), n=data.within_days, scope=scope))

    def _show_skeleton(self) -> None:
        _clear(self.deadline_rows)
        _clear(self.recent_rows)
        for index in range(SKELETON_ROWS):
            self.deadline_rows.addWidget(SkeletonRow((0.6 - 0.05 * (index % 3), 0.3)))
        for _index in range(3):
            self.recent_rows.addWidget(SkeletonRow((0.7, 0.35)))
        self.as_of.setText(_("Loading the overview…"))
        for tile in (*self.tiles.values(), self.active_tile):
            tile.set_value(None)
        self.phase_note.setText("")
        self.sync_card.show_reading(None)

    def _show(self, data: OverviewData) -> None:
        self._show_as_of(data)
        index = self.scope.findData(data.scope)
        self.scope.setCurrentIndex(index)
        groups = group_deadlines(data.deadlines, data.today)
        for key, tile in self.tiles.items():
            count = len(groups[key])
            tile.set_value(count, "figure-alert" if key == "overdue" and count else "figure")
        self.active_tile.set_value(data.active_cases)
        self.empty_state.setVisible(not self.has_cases)
        for tile in (*self.tiles.values(), self.active_tile, self.phase_card):
            tile.setVisible(self.has_cases)
        self._show_deadlines(groups, data.today)
        self.phase_bars.set_counts(data.cases_by_phase)
        if data.active_cases == 0:
            note = _("You are not the case manager of any active case.")
        else:
            note = ngettext("{n} active case", "{n} active cases", data.active_cases).format(n=data.active_cases)
        if data.paused_cases:
            note += " · " + ngettext("{n} paused", "{n} paused", data.paused_cases).format(n=data.paused_cases)
        self.phase_note.setText(note)
        self._show_recent(data)

    def _show_deadlines(self, groups: dict[str, list], today: date) -> None:
        _clear(self.deadline_rows)
        self.deadline_rows_by_case: dict[str, list[DeadlineRow]] = {}
        if not any(groups.values()):
            empty = role_label(_("Nothing is overdue and nothing falls due in the next {n} days.").format(
                n=WITHIN_DAYS), "lead")
            empty.setObjectName("deadlinesEmpty")
            self.deadline_rows.addWidget(empty)
            return
        first = True
        for key, items in groups.items():
            if not items:
                continue
            header = QHBoxLayout()
            title = role_label(_(GROUP_TITLES[key]), "subsection", wrap=False)
            header.addWidget(title)
            header.addWidget(hint_label(self._group_hint(key, today, len(items))), 1)
            holder = QWidget()
            holder.setLayout(header)
            header.setContentsMargins(0, 0 if first else 10, 0, 2)
            self.deadline_rows.addWidget(holder)
            first = False
            for item in items[:ROWS_PER_GROUP]:
                row = DeadlineRow(item, today)
                row.clicked.connect(lambda _checked=False, item=item: self.open_deadline(item))
                self.deadline_rows.addWidget(row)
                self.deadline_rows_by_case.setdefault(item.case_id, []).append(row)
            if len(items) > ROWS_PER_GROUP:
                more = link_button(ngettext("Show all {n} in Deadlines", "Show all {n} in Deadlines",
                                            len(items)).format(n=len(items)),
                                   _("Show all deadlines of this group on the Deadlines page"))
                more.clicked.connect(lambda _checked=False, key=key: self._show_all(key))
                self.deadline_rows.addWidget(more, 0, Qt.AlignmentFlag.AlignLeft)

    @staticmethod
    def _group_hint(key: str, today: date, count: int) -> str:
        if key == "this_week":
            span = _("{start} – {end}").format(start=format_date(today), end=format_date(today + timedelta(days=6)))
        elif key == "next_week":
            span = _("{start} – {end}").format(start=format_date(today + timedelta(days=7)),
                                               end=format_date(today + timedelta(days=WITHIN_DAYS)))
        else:
            span = ""
        number = ngettext("{n} deadline", "{n} deadlines", count).format(n=count)
        return f"{number} · {span}" if span else number

    def _show_recent(self, data: OverviewData) -> None:
        _clear(self.recent_rows)
        if not data.recent:
            self.recent_rows.addWidget(hint_label(_("The cases you open appear here.")))
            return
        for case in data.recent:
            note = opened_text(case.viewed_at, data.today)
            row = CaseRow(case.name, case.ref, case.phase if case.status != "closed" else "closed", note)
            row.clicked.connect(lambda _checked=False, c=case: self.open_case(c.case_id, c.ref, c.name))
            self.recent_rows.addWidget(row)

    # --- opening ----------------------------------------------------------------------------

    def open_deadline(self, item) -> bool:
        return self.open_case(item.case_id, item.ref, item.name, tab_for_deadline_source(item.source))

    def open_case(self, case_id: str, ref: str = "", name: str = "", tab: str = "") -> bool:
        self.case_requested.emit(case_id, tab)
        return open_case_in_window(self, case_id, ref, name, tab or None)

    def _show_all(self, group: str) -> None:
        page = self._show_page("deadlines")
        chooser = getattr(page, "show_window", None)
        if chooser is not None:
            chooser("overdue" if group == "overdue" else "14")

    def _show_page(self, key: str):
        show_page = getattr(self.window(), "show_page", None)
        return show_page(key) if show_page is not None else None

    # --- the lock protocol --------------------------------------------------------------------

    def on_vault_locked(self) -> None:
        self.tasks.forget()
        self.vault = None
        self.data = None
        self._show_skeleton()  # names and references leave the screen with the key

    def on_vault_unlocked(self, vault: Vault) -> None:
        self.vault = vault
        self.refresh()


def opened_text(utc_naive: datetime, today: date) -> str:
    """"today, 14:05", "yesterday" or the day, for when a case was opened (stored as naive UTC)."""
    local = utc_naive.replace(tzinfo=UTC).astimezone()
    if local.date() == today:
        return _("today, {time}").format(time=local.strftime("%H:%M"))
    if local.date() == today - timedelta(days=1):
        return _("yesterday")
    return format_date(local.date())


def _clear(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())
