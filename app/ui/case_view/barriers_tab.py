"""Structural barriers (Hemmnisse) the person met, for the steering-group report."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.i18n import _, ngettext
from app.services.barriers import delete_barrier
from app.ui.case_view.barrier_dialog import BarrierDialog, category_label
from app.ui.case_view.casework_format import format_date
from app.ui.case_view.casework_labels import GOAL_AREA_LABELS, label
from app.ui.case_view.casework_tab import CaseworkTab
from app.ui.case_view.casework_widgets import EmptyState, TabHeading, confirm
from app.ui.case_view.entry_table import Cell, EntryTable
from app.ui.widgets.buttons import primary_button, secondary_button


class BarriersTab(CaseworkTab):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.barriers: list[dict[str, Any]] = []
        self.heading = TabHeading(_("Barriers"))
        self.edit_button = self.heading.add_action(secondary_button(_("&Edit…"), _("Edit the selected barrier")))
        self.delete_button = self.heading.add_action(secondary_button(_("De&lete…"), _("Delete the selected barrier")))
        self.delete_button.setProperty("danger", True)
        self.add_button = self.heading.add_action(primary_button(_("&Add barrier…"), _("Record a barrier")))
        self.add_button.clicked.connect(self.add_barrier)
        self.edit_button.clicked.connect(lambda: self.edit_barrier(self.table.current_id()))
        self.delete_button.clicked.connect(lambda: self.ask_delete(self.table.current_id()))
        self.table = EntryTable(
            [_("Date"), _("Category"), _("Goal area"), _("Institution"), _("Description"), _("Structural"),
             _("Steering group")],
            _("Barriers"),
        )
        self.table.fit_columns({0: 96, 1: 200, 2: 120, 3: 130, 5: 110, 6: 125}, stretch=4)
        self.table.activated_entry.connect(self.edit_barrier)
        self.table.delete_requested.connect(self.ask_delete)
        self.table.selection_changed.connect(self._update_buttons)
        self.empty = EmptyState("barrier", _("No barriers recorded"), _(
            "When an office refuses a form, a course is missing or a waiting list stops the person, record it "
            "here: the coordination takes it to the steering group."))
        self.column.addWidget(self.heading)
        self.column.addWidget(self.empty)
        self.column.addWidget(self.table, 1)
        self.show_initial_case()
        self._update_buttons()

    def show_case(self, detail: dict[str, Any]) -> None:
        self.detail = detail
        self.barriers = sorted(detail.get("barriers") or [], key=lambda b: b.get("occurred_on") or "", reverse=True)
        self.table.set_rows([
            (b["id"], [
                Cell(format_date(b.get("occurred_on")), b.get("occurred_on") or ""),
                Cell(category_label(b.get("category"))),
                Cell(label(GOAL_AREA_LABELS, b.get("area"))),
                Cell(b.get("institution") or ""),
                Cell(" ".join((b.get("description") or "").split()), tooltip=b.get("description") or ""),
                Cell(_("Structural") if b.get("structural") else _("Individual"),
                     tone="info" if b.get("structural") else "neutral"),
                Cell(_("Shareable") if b.get("shareable") else _("Not shared"),
                     tone="success" if b.get("shareable") else None),
            ])
            for b in self.barriers
        ])
        count = len(self.barriers)
        self.heading.set_count(ngettext("{n} barrier", "{n} barriers", count).format(n=count))
        self.empty.setVisible(count == 0)
        self.table.setVisible(count > 0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.table.current_id() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def _barrier(self, barrier_id: str | None) -> dict[str, Any] | None:
        return next((b for b in self.barriers if b["id"] == barrier_id), None)

    def add_barrier(self) -> BarrierDialog:
        return self.open_dialog(BarrierDialog(self.ctx, parent=self))

    def edit_barrier(self, barrier_id: str | None) -> BarrierDialog | None:
        barrier = self._barrier(barrier_id)
        if barrier is None:
            return None
        return self.open_dialog(BarrierDialog(self.ctx, barrier, parent=self))

    def ask_delete(self, barrier_id: str | None) -> None:
        barrier = self._barrier(barrier_id)
        if barrier is None:
            return
        self.last_box = confirm(
            self, _("Delete this barrier?"),
            _("The barrier of {date} ({category}) is removed and no longer counted in reports.").format(
                date=format_date(barrier.get("occurred_on")), category=category_label(barrier.get("category"))),
            _("&Delete barrier"),
            lambda: self.write(delete_barrier, barrier_id=barrier["id"]),
        )
