"""The case's deadlines: overdue ones in red with how many days, mark done, add by hand."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QCheckBox, QWidget

from app.i18n import _, ngettext
from app.services.deadlines import MANUAL_SOURCE, delete_deadline, mark_deadline_done
from app.ui.case_view.casework_format import as_date, days_text, format_date
from app.ui.case_view.casework_labels import DEADLINE_KIND_LABELS, deadline_source_label, label
from app.ui.case_view.casework_tab import CaseworkTab
from app.ui.case_view.casework_widgets import EmptyState, TabHeading, confirm
from app.ui.case_view.deadline_dialog import DeadlineDialog
from app.ui.case_view.entry_table import Cell, EntryTable
from app.ui.deadline_texts import with_local_dates
from app.ui.widgets.buttons import primary_button, secondary_button

SOON_DAYS = 14
STATUS_COLUMN = 4


def status_cell(deadline: dict[str, Any], today: date) -> Cell:
    due = as_date(deadline.get("due"))
    if deadline.get("done"):
        done_on = format_date(deadline.get("done_on"))
        return Cell(_("Done on {date}").format(date=done_on) if done_on else _("Done"), (3, 0), tone="success")
    if due is None:
        return Cell("", (2, 0))
    days = (due - today).days
    tone = "error" if days < 0 else "warning" if days <= SOON_DAYS else "neutral"
    return Cell(days_text(due, today).capitalize(), (0 if days < 0 else 1, days), tone=tone)


def with_row_id(deadline: dict[str, Any]) -> dict[str, Any]:
    """The deadline with a ``row_id`` for the table: its stored id, or, for a date that lives in
    the case file itself (a Duldung's expiry, a rule date) and has no stored row, its source and day."""
    row_id = deadline.get("id") or f"{deadline.get('source')}|{deadline.get('kind')}|{deadline.get('due')}"
    return {**deadline, "row_id": row_id}


class DeadlinesTab(CaseworkTab):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.deadlines: list[dict[str, Any]] = []
        self.heading = TabHeading(_("Deadlines"))
        self.show_done = QCheckBox(_("Show done"))
        self.show_done.setAccessibleName(_("Show deadlines that are done"))
        self.show_done.toggled.connect(lambda _on: self.show_case(self.detail))
        self.heading.actions.addWidget(self.show_done)
        self.done_button = self.heading.add_action(secondary_button(_("Mark &done"), _("Mark the deadline done")))
        self.delete_button = self.heading.add_action(secondary_button(_("De&lete…"), _("Delete the selected deadline")))
        self.delete_button.setProperty("danger", True)
        self.add_button = self.heading.add_action(primary_button(_("&Add deadline…"), _("Add a deadline")))
        self.add_button.clicked.connect(self.add_deadline)
        self.done_button.clicked.connect(lambda: self.toggle_done(self.table.current_id()))
        self.delete_button.clicked.connect(lambda: self.ask_delete(self.table.current_id()))
        self.table = EntryTable([_("Due"), _("Kind"), _("Note"), _("Source"), _("Status")], _("Deadlines"))
        self.table.fit_columns({0: 100, 1: 240, 3: 150, 4: 170}, stretch=2)
        self.table.activated_entry.connect(self.toggle_done)
        self.table.delete_requested.connect(self.ask_delete)
        self.table.selection_changed.connect(self._update_buttons)
        self.empty = EmptyState("deadlines", _("No open deadlines"), _(
            "Expiry dates of residence documents and passports, the 27th birthday and review dates appear here."))
        self.column.addWidget(self.heading)
        self.column.addWidget(self.empty)
        self.column.addWidget(self.table, 1)
        self.show_initial_case()
        self._update_buttons()

    def show_case(self, detail: dict[str, Any]) -> None:
        self.detail = detail
        today = date.today()
        everything = detail.get("deadlines") or []
        shown = [d for d in everything if self.show_done.isChecked() or not d.get("done")]
        self.deadlines = sorted((with_row_id(d) for d in shown),
                                key=lambda d: (bool(d.get("done")), d.get("due") or ""))
        rows = []
        for deadline in self.deadlines:
            source = deadline.get("source") or ""
            rows.append((deadline["row_id"], [
                Cell(format_date(deadline.get("due")), deadline.get("due") or ""),
                Cell(label(DEADLINE_KIND_LABELS, deadline.get("kind"))),
                Cell(deadline.get("note") or with_local_dates(deadline.get("text") or "")),
                Cell(deadline_source_label(source), tooltip=source),
                status_cell(deadline, today),
            ]))
        self.table.set_rows(rows)
        open_count = sum(1 for d in everything if not d.get("done"))
        overdue = sum(1 for d in everything if not d.get("done") and (as_date(d.get("due")) or today) < today)
        count = ngettext("{n} open", "{n} open", open_count).format(n=open_count)
        if overdue:
            count += " · " + ngettext("{n} overdue", "{n} overdue", overdue).format(n=overdue)
        self.heading.set_count(count)
        self.empty.setVisible(not self.deadlines)
        self.table.setVisible(bool(self.deadlines))
        self._update_buttons()

    def status_text(self, deadline_id: str) -> str:
        return self.table.row_texts(deadline_id)[STATUS_COLUMN]

    def _deadline(self, row_id: str | None) -> dict[str, Any] | None:
        return next((d for d in self.deadlines if d["row_id"] == row_id), None)

    def _update_buttons(self) -> None:
        deadline = self._deadline(self.table.current_id())
        stored = deadline is not None and deadline.get("id") is not None
        self.done_button.setEnabled(stored)
        self.done_button.setText(_("&Reopen") if deadline and deadline.get("done") else _("Mark &done"))
        self.done_button.setToolTip("" if stored or deadline is None else _(
            "This date comes from the case file itself ({source}); it changes when you update it there.").format(
                source=deadline_source_label(deadline.get("source") or "")))
        manual = deadline is not None and deadline.get("source") == MANUAL_SOURCE
        self.delete_button.setEnabled(manual)
        self.delete_button.setToolTip(
            "" if manual or deadline is None else _("Only deadlines entered by hand can be deleted; mark this one done."))

    def add_deadline(self) -> DeadlineDialog:
        return self.open_dialog(DeadlineDialog(self.ctx, parent=self))

    def toggle_done(self, row_id: str | None) -> None:
        deadline = self._deadline(row_id)
        if deadline is not None and deadline.get("id") is not None:
            self.write(mark_deadline_done, deadline_id=deadline["id"], done=not deadline.get("done"))

    def ask_delete(self, row_id: str | None) -> None:
        deadline = self._deadline(row_id)
        if deadline is None or deadline.get("source") != MANUAL_SOURCE:
            return
        self.last_box = confirm(
            self, _("Delete this deadline?"),
            _("The deadline of {date} is removed. To record that it was met, mark it done instead.").format(
                date=format_date(deadline.get("due"))),
            _("&Delete deadline"),
            lambda: self.write(delete_deadline, deadline_id=deadline["id"]),
        )
