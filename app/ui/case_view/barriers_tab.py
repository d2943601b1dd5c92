"""Structural barriers (Hemmnisse) the person met, for the steering-group report."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.i18n import _, ngettext
from app.services.barriers import delete_barrier
from app.ui.case_view.barrier_dialog import BarrierDialog, category_label
from app.ui.case_view.casework_format import format_date
from app.ui.case_view.casework_labels import GOAL_AREA_LABELS, label
from app.ui.case_view.entry_list_tab import DeleteQuestion, EntryListTab, ListTexts
from app.ui.case_view.entry_table import Cell


class BarriersTab(EntryListTab):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        texts = ListTexts(
            _("Barriers"), _("Edit the selected barrier"), _("Delete the selected barrier"),
            _("&Add barrier…"), _("Record a barrier"), "barrier", _("No barriers recorded"), _(
                "When an office refuses a form, a course is missing or a waiting list stops the person, record it "
                "here: the coordination takes it to the steering group."))
        headers = [_("Date"), _("Category"), _("Goal area"), _("Institution"), _("Description"), _("Structural"),
                   _("Steering group")]
        super().__init__(ctx, texts, headers, {0: 96, 1: 200, 2: 120, 3: 130, 5: 110, 6: 125}, 4, parent)
        self.finish_layout()

    @property
    def barriers(self) -> list[dict[str, Any]]:
        return self.entries

    def entries_of(self, detail: dict[str, Any]) -> list[dict[str, Any]]:
        return sorted(detail.get("barriers") or [], key=lambda b: b.get("occurred_on") or "", reverse=True)

    def cells(self, b: dict[str, Any]) -> list[Cell]:
        return [
            Cell(format_date(b.get("occurred_on")), b.get("occurred_on") or ""),
            Cell(category_label(b.get("category"))),
            Cell(label(GOAL_AREA_LABELS, b.get("area"))),
            Cell(b.get("institution") or ""),
            Cell(" ".join((b.get("description") or "").split()), tooltip=b.get("description") or ""),
            Cell(_("Structural") if b.get("structural") else _("Individual"),
                 tone="info" if b.get("structural") else "neutral"),
            Cell(_("Shareable") if b.get("shareable") else _("Not shared"),
                 tone="success" if b.get("shareable") else None),
        ]

    def count_text(self, count: int) -> str:
        return ngettext("{n} barrier", "{n} barriers", count).format(n=count)

    def make_dialog(self, entry: dict[str, Any] | None) -> BarrierDialog:
        return BarrierDialog(self.ctx, entry, parent=self)

    def delete_question(self, barrier: dict[str, Any]) -> DeleteQuestion:
        return DeleteQuestion(
            _("Delete this barrier?"),
            _("The barrier of {date} ({category}) is removed and no longer counted in reports.").format(
                date=format_date(barrier.get("occurred_on")), category=category_label(barrier.get("category"))),
            _("&Delete barrier"), delete_barrier, {"barrier_id": barrier["id"]})

    def add_barrier(self) -> BarrierDialog:
        return self.add_entry()

    def edit_barrier(self, barrier_id: str | None) -> BarrierDialog | None:
        return self.edit_entry(barrier_id)
