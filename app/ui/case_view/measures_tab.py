"""Measures with provider, area, kind, dates and outcome; the Maßnahme-Karriere warning on top.

The programme exists to stop course after course without progress: when three
or more measures in one goal area ended without attainment, a banner names
the area before anyone arranges another one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.i18n import _, ngettext
from app.services.measures import delete_measure
from app.ui.case_view.casework_format import format_date
from app.ui.case_view.casework_labels import (
    GOAL_AREA_LABELS,
    MEASURE_KIND_LABELS,
    MEASURE_OUTCOME_LABELS,
    label,
)
from app.ui.case_view.casework_tab import CaseworkTab
from app.ui.case_view.casework_widgets import Banner, EmptyState, TabHeading, confirm
from app.ui.case_view.entry_table import Cell, EntryTable
from app.ui.case_view.measure_dialog import MeasureDialog
from app.ui.widgets.buttons import primary_button, secondary_button

OUTCOME_TONES = {"ongoing": "info", "attained": "success", "not_attained": "error", "dropped_out": "warning"}


def warning_texts(warnings: list[dict[str, Any]]) -> tuple[str, str]:
    """Banner title and text for the case's measure warnings ('' when there are none)."""
    if not warnings:
        return "", ""
    title = _("Maßnahme-Karriere: check before arranging another measure")
    lines = [
        ngettext("{n} measure in “{area}” ended without attainment.",
                 "{n} measures in “{area}” ended without attainment.", w["count"]).format(
            n=w["count"], area=label(GOAL_AREA_LABELS, w["area"]))
        for w in warnings
    ]
    lines.append(_("Talk about what stood in the way before the next course or programme in that area."))
    return title, "\n".join(lines)


def period_text(start: str | None, end: str | None, outcome: str | None) -> str:
    """'06.03.2026 – 25.05.2026', 'since 06.03.2026' while it runs, 'until …' without a start."""
    first, last = format_date(start), format_date(end)
    if first and last:
        return f"{first} – {last}"
    if first:
        return _("since {date}").format(date=first) if outcome == "ongoing" else first
    return _("until {date}").format(date=last) if last else ""


class MeasuresTab(CaseworkTab):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.measures: list[dict[str, Any]] = []
        self.banner = Banner("warning")
        self.heading = TabHeading(_("Measures"))
        self.edit_button = self.heading.add_action(secondary_button(_("&Edit…"), _("Edit the selected measure")))
        self.delete_button = self.heading.add_action(secondary_button(_("De&lete…"), _("Delete the selected measure")))
        self.delete_button.setProperty("danger", True)
        self.add_button = self.heading.add_action(primary_button(_("&Add measure…"), _("Add a measure")))
        self.add_button.clicked.connect(self.add_measure)
        self.edit_button.clicked.connect(lambda: self.edit_measure(self.table.current_id()))
        self.delete_button.clicked.connect(lambda: self.ask_delete(self.table.current_id()))
        self.table = EntryTable(
            [_("Measure"), _("Provider"), _("Goal area"), _("Kind"), _("Start – end"), _("Outcome")],
            _("Measures"),
        )
        self.table.fit_columns({1: 160, 2: 125, 3: 150, 4: 180, 5: 135}, stretch=0)
        self.table.activated_entry.connect(self.edit_measure)
        self.table.delete_requested.connect(self.ask_delete)
        self.table.selection_changed.connect(self._update_buttons)
        self.empty = EmptyState("measure", _("No measures yet"), _(
            "Record language courses, vocational preparation and programmes, and how they ended."))
        self.column.addWidget(self.banner)
        self.column.addWidget(self.heading)
        self.column.addWidget(self.empty)
        self.column.addWidget(self.table, 1)
        self.show_initial_case()
        self._update_buttons()

    def show_case(self, detail: dict[str, Any]) -> None:
        self.detail = detail
        self.measures = sorted(detail.get("measures") or [], key=lambda m: m.get("start") or "", reverse=True)
        warned = {mid for w in detail.get("measure_warnings") or [] for mid in w.get("measure_ids") or []}
        self.table.set_rows([
            (m["id"], [
                Cell(m.get("title") or ""),
                Cell(m.get("provider") or ""),
                Cell(label(GOAL_AREA_LABELS, m.get("area"))),
                Cell(label(MEASURE_KIND_LABELS, m.get("kind"))),
                Cell(period_text(m.get("start"), m.get("end"), m.get("outcome")), m.get("start") or ""),
                Cell(label(MEASURE_OUTCOME_LABELS, m.get("outcome")), m.get("outcome") or "",
                     tone=OUTCOME_TONES.get(m.get("outcome") or "", "neutral"),
                     tooltip=_("Counts towards the Maßnahme-Karriere warning") if m["id"] in warned else ""),
            ])
            for m in self.measures
        ])
        self.banner.show_message(*warning_texts(detail.get("measure_warnings") or []))
        count = len(self.measures)
        self.heading.set_count(ngettext("{n} measure", "{n} measures", count).format(n=count))
        self.empty.setVisible(count == 0)
        self.table.setVisible(count > 0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.table.current_id() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def _measure(self, measure_id: str | None) -> dict[str, Any] | None:
        return next((m for m in self.measures if m["id"] == measure_id), None)

    def add_measure(self) -> MeasureDialog:
        return self.open_dialog(MeasureDialog(self.ctx, parent=self))

    def edit_measure(self, measure_id: str | None) -> MeasureDialog | None:
        measure = self._measure(measure_id)
        if measure is None:
            return None
        return self.open_dialog(MeasureDialog(self.ctx, measure, parent=self))

    def ask_delete(self, measure_id: str | None) -> None:
        measure = self._measure(measure_id)
        if measure is None:
            return
        self.last_box = confirm(
            self, _("Delete this measure?"),
            _("“{title}” is removed from the case file. This cannot be undone.").format(title=measure.get("title") or ""),
            _("&Delete measure"),
            lambda: self.write(delete_measure, measure_id=measure["id"]),
        )
