"""The audit log viewer: who viewed, changed, printed or exported what, and when.

Filters by user, action (exact, or a group such as ``case.*``), day range
(local days, as the times are shown) and case reference; newest first. The
table loads 200 rows at a time as the user scrolls (``AuditTableModel``):
one page is a millisecond query, so it runs where Qt asks for it, while the
CSV export of every match runs off the GUI thread. Exporting is itself
logged by the service, so the new entry appears at the top afterwards.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QWidget,
)

from app.formatting import qt_date_format
from app.i18n import _, ngettext
from app.services.audit_queries import audit_csv, audit_filter_values, audit_page
from app.storage.vault import Vault
from app.ui.error_dialogs import show_error
from app.ui.formats import format_count, format_moment
from app.ui.page_tasks import PageTasks
from app.ui.pages.audit_model import AuditTableModel
from app.ui.pages.page_frame import PageFrame
from app.ui.user_files import ask_save_path, write_user_file
from app.ui.widgets.busy_bar import BusyBar
from app.ui.widgets.buttons import link_button, secondary_button
from app.ui.widgets.labels import field_label, hint_label, role_label

CASE_TYPING_PAUSE_MS = 350
COLUMN_WIDTHS = (190, 150, 180, 110)  # time, user, action, case; the detail takes the rest


def save_audit_csv(vault: Vault, exported_by: str, path: Path, filters: dict) -> Path:
    """Every matching entry as CSV (the service logs the export), written where the user chose."""
    return write_user_file(path, audit_csv(vault, exported_by, **filters))


def action_choices(actions: list[str]) -> list[str]:
    """The actions, with a ``group.*`` entry before each group of two or more (``case.*``)."""
    groups: dict[str, int] = {}
    for action in actions:
        if "." in action:
            prefix = action.split(".", 1)[0]
            groups[prefix] = groups.get(prefix, 0) + 1
    choices: list[str] = []
    for action in actions:
        prefix = action.split(".", 1)[0] if "." in action else ""
        if prefix and groups.get(prefix, 0) > 1 and f"{prefix}.*" not in choices:
            choices.append(f"{prefix}.*")
        choices.append(action)
    return choices


class OptionalDate(QWidget):
    """A day filter that can be off: a check box that switches a date field on."""

    def __init__(self, text: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(text)
        self.enabled.setAccessibleName(accessible_name)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(qt_date_format())
        self.edit.setAccessibleName(accessible_name)
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        self.edit.setFixedWidth(150)
        self.enabled.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit)

    def value(self) -> date | None:
        return self.edit.date().toPython() if self.enabled.isChecked() else None

    def set_value(self, day: date | None) -> None:
        if day is not None:
            self.edit.setDate(QDate(day.year, day.month, day.day))
        self.enabled.setChecked(day is not None)


class AuditPage(PageFrame):
    def __init__(self, vault: Vault | None, parent: QWidget | None = None) -> None:
        super().__init__(_("Audit log"), parent)
        self.vault = vault
        self.tasks = PageTasks(self)
        self._exporting = False

        self.user = QComboBox()
        self.user.setAccessibleName(_("User"))
        self.user.setMinimumWidth(220)
        self.action = QComboBox()
        self.action.setAccessibleName(_("Action"))
        self.action.setMinimumWidth(220)
        self.date_from = OptionalDate(_("From"), _("Only entries from this day on"))
        self.date_to = OptionalDate(_("To"), _("Only entries up to this day"))
        self.case_ref = QLineEdit()
        self.case_ref.setAccessibleName(_("Case reference"))
        self.case_ref.setPlaceholderText(_("Reference, e.g. 2026-0042"))
        self.case_ref.setClearButtonEnabled(True)
        check_width = max(self.date_from.enabled.sizeHint().width(), self.date_to.enabled.sizeHint().width())
        for optional in (self.date_from, self.date_to):  # the two date fields one above the other
            optional.enabled.setFixedWidth(check_width)
        self.case_ref.setMinimumWidth(220)
        self.reset_button = link_button(_("Reset filters"), _("Reset filters"))
        self.export_button = secondary_button(_("&Export CSV…"), _("Export the matching entries as CSV"))
        self.busy = BusyBar(_("Exporting…"))
        self.count_label = role_label("", "lead", wrap=False)
        self.status = role_label("", "success")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._reset_choices()

        self.model = AuditTableModel(on_error=self._fetch_failed, parent=self)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setAccessibleName(_("Audit log entries"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        widths = list(COLUMN_WIDTHS)
        # The longest time this language writes (two-digit day and hour, PM), so none is cut off.
        widths[0] = max(widths[0], self.table.fontMetrics().horizontalAdvance(
            format_moment(datetime(2026, 12, 28, 23, 59, 59))) + 40)
        for column, width in enumerate(widths):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setMinimumHeight(220)

        self._case_timer = QTimer(self)
        self._case_timer.setSingleShot(True)
        self._case_timer.setInterval(CASE_TYPING_PAUSE_MS)
        self._case_timer.timeout.connect(self.reload)
        self.case_ref.textChanged.connect(lambda _text: self._case_timer.start())
        self.case_ref.returnPressed.connect(self.reload)
        self.user.currentIndexChanged.connect(self.reload)
        self.action.currentIndexChanged.connect(self.reload)
        for optional in (self.date_from, self.date_to):
            optional.enabled.toggled.connect(self.reload)
            optional.edit.dateChanged.connect(self.reload)
        self.reset_button.clicked.connect(self.reset_filters)
        self.export_button.clicked.connect(self.ask_and_export)

        self.body.addWidget(hint_label(_(
            "Every view, change, print and export of a case is recorded here with who and when. "
            "Entries of erased cases keep the action, the user and the time, but no longer name the case.")))
        self.body.addLayout(self._filter_bar())
        self.body.addLayout(self._count_row())
        self.body.addWidget(self.table, 1)
        self.refresh()

    # --- layout --------------------------------------------------------------------------

    def _filter_bar(self) -> QGridLayout:
        """Filters in a grid of short rows: the page must fit a 960-pixel window."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(10)
        grid.addWidget(field_label(_("&User"), self.user), 0, 0)
        grid.addWidget(self.user, 0, 1)
        grid.addWidget(field_label(_("&Action"), self.action), 1, 0)
        grid.addWidget(self.action, 1, 1)
        grid.addWidget(field_label(_("&Case"), self.case_ref), 2, 0)
        grid.addWidget(self.case_ref, 2, 1)
        grid.addWidget(self.date_from, 0, 3)
        grid.addWidget(self.date_to, 1, 3)
        grid.addWidget(self.reset_button, 2, 3, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnMinimumWidth(2, 18)
        grid.setColumnStretch(4, 1)
        export = QHBoxLayout()
        export.setSpacing(8)
        export.addWidget(self.busy)
        export.addWidget(self.export_button)
        grid.addLayout(export, 2, 5, Qt.AlignmentFlag.AlignRight)
        return grid

    def _count_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.count_label)
        row.addSpacing(16)
        row.addWidget(self.status, 1)
        return row

    # --- filters ---------------------------------------------------------------------------

    def filters(self) -> dict:
        """The service filters the inputs describe (local days: the table shows local times)."""
        return {
            "user": self.user.currentData(),
            "action": self.action.currentData(),
            "date_from": self.date_from.value(),
            "date_to": self.date_to.value(),
            "case_ref": self.case_ref.text().strip() or None,
            "local_days": True,
        }

    def _reset_choices(self, users: list[str] | None = None, actions: list[str] | None = None) -> None:
        """Fill the user and action boxes, keeping what is chosen (without reloading for it)."""
        for box, everything, values in ((self.user, _("All users"), users or []),
                                        (self.action, _("All actions"), action_choices(actions or []))):
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everything, None)
            for value in values:
                shown = _("{group} (all)").format(group=value) if value.endswith(".*") and box is self.action else value
                box.addItem(shown, value)
            if chosen is not None and box.findData(chosen) < 0:
                box.addItem(chosen, chosen)  # keep a filter whose entries are gone, visibly
            box.setCurrentIndex(max(box.findData(chosen), 0) if chosen is not None else 0)
            box.blockSignals(False)

    @Slot()
    def reset_filters(self) -> None:
        for widget in (self.user, self.action, self.case_ref, self.date_from.enabled, self.date_to.enabled):
            widget.blockSignals(True)
        self.user.setCurrentIndex(0)
        self.action.setCurrentIndex(0)
        self.case_ref.clear()
        self.date_from.set_value(None)
        self.date_to.set_value(None)
        for widget in (self.user, self.action, self.case_ref, self.date_from.enabled, self.date_to.enabled):
            widget.blockSignals(False)
        self.date_from.edit.setEnabled(False)
        self.date_to.edit.setEnabled(False)
        self.reload()

    def show_case(self, ref: str) -> None:
        """The entries of one case (for the case view's "Audit log" link)."""
        self.case_ref.blockSignals(True)
        self.case_ref.setText(ref)
        self.case_ref.blockSignals(False)
        self.reload()

    # --- loading -----------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Reload the filter choices and the entries."""
        if self.vault is None:
            return
        self.tasks.run(audit_filter_values, self.vault, on_success=self._choices_ready)
        self.reload()

    def _choices_ready(self, values: tuple[list[str], list[str]]) -> None:
        self._reset_choices(*values)

    @Slot()
    def reload(self) -> None:
        self._case_timer.stop()
        if self.vault is None:
            self.model.load(None)
            return
        filters = self.filters()
        if filters["date_from"] and filters["date_to"] and filters["date_from"] > filters["date_to"]:
            self.model.load(None)
            self.count_label.setText(_("The period ends before it starts."))
            return
        vault = self.vault
        self.model.load(lambda offset, limit: audit_page(vault, offset=offset, limit=limit, **filters))

    def _fetch_failed(self, exc: BaseException) -> None:
        if self.vault is not None:
            show_error(self.window(), exc)

    @Slot()
    def _update_count(self) -> None:
        total = self.model.total
        if total == 0:
            ref = self.case_ref.text().strip()
            text = (_("No entries for case {ref}.").format(ref=ref) if ref
                    else _("No entries match these filters.") if self._filtered() else _("The log is empty."))
        else:
            text = ngettext("{n} entry, newest first", "{n} entries, newest first", total).format(n=format_count(total))
        self.count_label.setText(text)
        self.export_button.setEnabled(total > 0 and not self._exporting)

    def _filtered(self) -> bool:
        return any(value for key, value in self.filters().items() if key != "local_days")

    # --- export ---------------------------------------------------------------------------------

    @Slot()
    def ask_and_export(self) -> None:
        name = f"Audit-Log_{date.today().isoformat()}.csv"
        path = ask_save_path(self, _("Export the audit log as CSV"), name, _("CSV files (*.csv)"), ".csv")
        if path is not None:
            self.export(path)

    def export(self, path: Path) -> None:
        if self.vault is None:
            return
        self.status.clear()
        self._set_exporting(True)
        self.tasks.run(save_audit_csv, self.vault, self.vault.user_name, path, self.filters(),
                       on_success=self._exported, on_failure=self._export_failed)

    def _exported(self, path: Path) -> None:
        self._set_exporting(False)
        self.status.setText(_("Saved to {path}").format(path=path))
        self.status.setToolTip(str(path))
        self.refresh()  # the export is logged: show its entry

    def _export_failed(self, exc: BaseException) -> None:
        self._set_exporting(False)
        show_error(self.window(), exc)

    def _set_exporting(self, exporting: bool) -> None:
        self._exporting = exporting
        self.busy.setVisible(exporting)
        self.export_button.setEnabled(not exporting and self.model.total > 0)
        self.setCursor(Qt.CursorShape.BusyCursor if exporting else Qt.CursorShape.ArrowCursor)

    # --- lock protocol ----------------------------------------------------------------------------

    def on_vault_locked(self) -> None:
        self.tasks.forget()
        self._set_exporting(False)
        self.vault = None
        self.model.load(None)
        self.status.clear()

    def on_vault_unlocked(self, vault: Vault) -> None:
        self.vault = vault
        self.refresh()
