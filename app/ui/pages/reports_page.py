"""Reports (Berichtswesen): choose a period and scope, see the figures, save PDF / CSV.

The page shows the *published* figures ("<5", "x"), the same the PDF and CSV
carry, so what a case manager sees is what leaves the app. Counting, the PDFs
and the CSV run off the GUI thread; the files go where the user chose in the
save dialog (the one explicit write of report data), and the export is
logged by the service.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.formatting import qt_date_format
from app.i18n import _
from app.services.reporting import ReportScope, labels
from app.services.reporting.disclosure import LESS_THAN_FIVE, WITHHELD, PublishedReport
from app.services.reporting.use_cases import case_managers, export_report, published_report_for
from app.settings import Settings
from app.storage.vault import Vault
from app.ui.error_dialogs import show_error
from app.ui.formats import format_day
from app.ui.page_tasks import PageTasks
from app.ui.pages.page_frame import PageFrame
from app.ui.pages.report_periods import PRESETS, preset_period
from app.ui.pages.report_view import ReportView
from app.ui.user_files import ask_save_path, write_user_file
from app.ui.widgets.busy_bar import BusyBar
from app.ui.widgets.buttons import primary_button, secondary_button
from app.ui.widgets.card import Card
from app.ui.widgets.labels import field_label, hint_label, role_label

# kind -> (file suffix, German file-name stem): the files go to German bodies.
EXPORTS = {"pdf": (".pdf", "Bericht"), "csv": (".csv", "Bericht"), "barriers": (".pdf", "Hemmnisbericht")}


def save_export(vault: Vault, scope: ReportScope, kind: str, path: Path, organisation: str) -> Path:
    """Build one export in memory (logged by the service) and write it where the user chose."""
    export = export_report(vault, scope, organisation=organisation,
                           pdf=kind == "pdf", csv=kind == "csv", barrier_pdf=kind == "barriers")
    data = {"pdf": export.pdf, "csv": export.csv, "barriers": export.barrier_pdf}[kind]
    return write_user_file(path, data)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ReportsPage(PageFrame):
    def __init__(self, vault: Vault | None, parent: QWidget | None = None, settings: Settings | None = None,
                 today: date | None = None) -> None:
        super().__init__(_("Reports"), parent)
        self.vault = vault
        self.settings = settings or Settings()
        self.tasks = PageTasks(self)
        self.tasks.busy_changed.connect(self._set_busy)
        self.published: PublishedReport | None = None  # what the page shows now
        self._want_report = False  # show again after unlocking
        today = today or date.today()

        self.date_from = self._date_edit(_("First day of the period"))
        self.date_to = self._date_edit(_("Last day of the period"))
        self.preset_buttons: dict[str, QPushButton] = {}
        for key, label in PRESETS.items():
            button = secondary_button(_(label), _(label))
            button.setProperty("chip", True)
            button.clicked.connect(lambda _checked=False, key=key: self.apply_preset(key))
            self.preset_buttons[key] = button
        self.case_manager = QComboBox()
        self.case_manager.setAccessibleName(_("Case manager"))
        self.case_manager.addItem(_("All case managers"), None)
        self.case_manager.setMinimumWidth(260)
        self.programme = QComboBox()
        self.programme.setAccessibleName(_("Programme"))
        self.programme.addItem(_("All programmes"), None)
        for code, name in labels.PROGRAMMES.items():
            self.programme.addItem(name, code)
        self.programme.setMinimumWidth(260)
        self.show_button = primary_button(_("&Show"), _("Show the report"))
        self.show_button.clicked.connect(self.show_report)
        self.busy = BusyBar(_("Counting…"))

        self.save_pdf_button = secondary_button(_("Save &PDF…"), _("Save the report as PDF"))
        self.save_csv_button = secondary_button(_("Save &CSV…"), _("Save the report as CSV"))
        self.save_barriers_button = secondary_button(_("&Barrier report PDF…"),
                                                     _("Save the barrier report for the steering group as PDF"))
        self.save_pdf_button.clicked.connect(lambda: self.ask_and_save("pdf"))
        self.save_csv_button.clicked.connect(lambda: self.ask_and_save("csv"))
        self.save_barriers_button.clicked.connect(lambda: self.ask_and_save("barriers"))
        self.status = role_label("", "success")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.scope_label = role_label("", "section")
        self.empty_note = hint_label(_("Choose a period and press Show."))
        self.view = ReportView()

        self.body.addWidget(self._scope_card())
        self.body.addWidget(hint_label(_(
            "Figures as published: counts from 1 to 4 show as “{lt5}”; “{x}” marks a figure withheld so that "
            "no “{lt5}” can be worked out from the totals. Charts draw no bar for either. The same figures go "
            "into the PDF and the CSV.").format(lt5=LESS_THAN_FIVE, x=WITHHELD)))
        self.body.addLayout(self._results_header())
        self.body.addWidget(self.empty_note)
        self.body.addWidget(self.view)
        self.body.addStretch(1)

        self._set_period(*preset_period("this_year", today))
        self._update_export_buttons()
        if vault is not None:
            self._load_case_managers()
            self.show_report()

    # --- layout ------------------------------------------------------------------------

    @staticmethod
    def _date_edit(accessible_name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(qt_date_format())
        edit.setAccessibleName(accessible_name)
        edit.setFixedWidth(150)
        return edit

    def _scope_card(self) -> Card:
        """Short rows rather than one long one: the page must fit a 960-pixel window."""
        card = Card(_("Period and scope"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(10)
        period = QHBoxLayout()
        period.setSpacing(8)
        period.addWidget(self.date_from)
        period.addWidget(QLabel("–"))
        period.addWidget(self.date_to)
        period.addStretch(1)
        presets = QHBoxLayout()
        presets.setSpacing(6)
        for button in self.preset_buttons.values():
            presets.addWidget(button)
        presets.addStretch(1)
        manager = QHBoxLayout()
        manager.addWidget(self.case_manager)
        manager.addStretch(1)
        programme = QHBoxLayout()
        programme.setSpacing(8)
        programme.addWidget(self.programme)
        programme.addStretch(1)
        programme.addSpacing(14)
        programme.addWidget(self.show_button)
        grid.addWidget(field_label(_("P&eriod"), self.date_from), 0, 0)
        grid.addLayout(period, 0, 1)
        grid.addLayout(presets, 1, 1)
        grid.addWidget(field_label(_("Case &manager"), self.case_manager), 2, 0)
        grid.addLayout(manager, 2, 1)
        grid.addWidget(field_label(_("P&rogramme"), self.programme), 3, 0)
        grid.addLayout(programme, 3, 1)
        grid.setColumnStretch(1, 1)
        card.content.addLayout(grid)
        return card

    def _results_header(self) -> QVBoxLayout:
        title = QHBoxLayout()
        title.setSpacing(12)
        title.addWidget(self.scope_label, 1)
        title.addWidget(self.busy)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        actions.addWidget(self.save_pdf_button)
        actions.addWidget(self.save_csv_button)
        actions.addWidget(self.save_barriers_button)
        actions.addSpacing(12)
        actions.addWidget(self.status, 1)
        layout = QVBoxLayout()
        layout.setSpacing(10)
        layout.addLayout(title)
        layout.addLayout(actions)
        return layout

    # --- period and scope ----------------------------------------------------------------

    def _set_period(self, first: date, last: date) -> None:
        self.date_from.setDate(_qdate(first))
        self.date_to.setDate(_qdate(last))

    @Slot()
    def apply_preset(self, key: str) -> None:
        self._set_period(*preset_period(key, date.today()))

    def scope(self) -> ReportScope:
        """The scope the inputs describe; a UsageError if the period is upside down."""
        return ReportScope(self.date_from.date().toPython(), self.date_to.date().toPython(),
                           self.case_manager.currentData(), self.programme.currentData())

    def _scope_text(self, scope: ReportScope) -> str:
        period = _("{first} to {last}").format(first=format_day(scope.period_from), last=format_day(scope.period_to))
        parts = [period]
        if scope.case_manager:
            parts.append(scope.case_manager)
        if scope.programme:
            parts.append(labels.PROGRAMMES[scope.programme])
        if len(parts) == 1:
            parts.append(_("all cases of the team"))
        return " · ".join(parts)

    # --- showing ------------------------------------------------------------------------

    @Slot()
    def show_report(self) -> None:
        if self.vault is None:
            return
        try:
            scope = self.scope()
        except Exception as exc:  # an upside-down period: said in a dialog, nothing starts
            show_error(self.window(), exc)
            return
        self._want_report = True
        self.status.clear()
        self.tasks.run(published_report_for, self.vault, scope, on_success=self._report_ready)

    def _report_ready(self, published: PublishedReport) -> None:
        self.published = published
        self.scope_label.setText(self._scope_text(published.scope))
        sections = published.sections
        nothing = all(sections[name]["total"] == 0 for name in ("cases_opened", "cases_active", "cases_closed"))
        self.empty_note.setText(_("No case was open in this period, so every figure is 0."))
        self.empty_note.setVisible(nothing)
        self.view.show_report(published)
        self._update_export_buttons()

    def _load_case_managers(self) -> None:
        self.tasks.run(case_managers, self.vault, on_success=self._case_managers_ready)

    def _case_managers_ready(self, names: list[str]) -> None:
        chosen = self.case_manager.currentData()
        self.case_manager.blockSignals(True)
        while self.case_manager.count() > 1:
            self.case_manager.removeItem(1)
        for name in names:
            self.case_manager.addItem(name, name)
        index = self.case_manager.findData(chosen) if chosen else 0
        self.case_manager.setCurrentIndex(max(index, 0))
        self.case_manager.blockSignals(False)

    @Slot(bool)
    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.show_button.setEnabled(not busy)
        self._update_export_buttons()
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def _update_export_buttons(self) -> None:
        ready = self.published is not None and self.vault is not None and not self.tasks.busy
        for button in (self.save_pdf_button, self.save_csv_button, self.save_barriers_button):
            button.setEnabled(ready)

    # --- saving -----------------------------------------------------------------------------

    def ask_and_save(self, kind: str) -> None:
        """Ask where to save the export of the report shown, then build and write it off-thread."""
        if self.published is None:
            return
        suffix, stem = EXPORTS[kind]
        scope = self.published.scope
        name = f"{stem}_{scope.period_from.isoformat()}_{scope.period_to.isoformat()}{suffix}"
        titles = {"pdf": _("Save the report as PDF"), "csv": _("Save the report as CSV"),
                  "barriers": _("Save the barrier report as PDF")}
        filters = {".pdf": _("PDF documents (*.pdf)"), ".csv": _("CSV files (*.csv)")}
        path = ask_save_path(self, titles[kind], name, filters[suffix], suffix)
        if path is not None:
            self.save(kind, path)

    def save(self, kind: str, path: Path) -> None:
        """Export the report shown (its scope, not the inputs changed since) to ``path``."""
        if self.published is None or self.vault is None:
            return
        self.status.clear()
        organisation = str(self.settings.get("org/name"))
        self.tasks.run(save_export, self.vault, self.published.scope, kind, path, organisation,
                       on_success=self._saved)

    def _saved(self, path: Path) -> None:
        self.status.setText(_("Saved to {path}").format(path=path))
        self.status.setToolTip(str(path))

    # --- lock protocol ---------------------------------------------------------------------------

    def on_vault_locked(self) -> None:
        self.tasks.forget()
        self.vault = None
        self.published = None
        self.view.clear()
        self.scope_label.clear()
        self.status.clear()
        self.empty_note.setText(_("Choose a period and press Show."))
        self.empty_note.show()
        self._update_export_buttons()

    def on_vault_unlocked(self, vault: Vault) -> None:
        self.vault = vault
        self._load_case_managers()
        if self._want_report:
            self.show_report()
