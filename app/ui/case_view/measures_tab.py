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
from app.ui.case_view.casework_widgets import Banner
from app.ui.case_view.entry_list_tab import DeleteQuestion, EntryListTab, ListTexts
from app.ui.case_view.entry_table import Cell
from app.ui.case_view.measure_dialog import MeasureDialog

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


class MeasuresTab(EntryListTab):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        texts = ListTexts(
            _("Measures"), _("Edit the selected measure"), _("Delete the selected measure"),
            _("&Add measure…"), _("Add a measure"), "measure", _("No measures yet"), _(
                "Record language courses, vocational preparation and programmes, and how they ended."))
        headers = [_("Measure"), _("Provider"), _("Goal area"), _("Kind"), _("Start – end"), _("Outcome")]
        super().__init__(ctx, texts, headers, {1: 160, 2: 125, 3: 150, 4: 180, 5: 135}, 0, parent)
        self.banner = Banner("warning")
        self._warned: set[str] = set()
        self.finish_layout(self.banner)

    @property
    def measures(self) -> list[dict[str, Any]]:
        return self.entries

    def entries_of(self, detail: dict[str, Any]) -> list[dict[str, Any]]:
        self._warned = {mid for w in detail.get("measure_warnings") or [] for mid in w.get("measure_ids") or []}
        return sorted(detail.get("measures") or [], key=lambda m: m.get("start") or "", reverse=True)

    def cells(self, m: dict[str, Any]) -> list[Cell]:
        return [
            Cell(m.get("title") or ""),
            Cell(m.get("provider") or ""),
            Cell(label(GOAL_AREA_LABELS, m.get("area"))),
            Cell(label(MEASURE_KIND_LABELS, m.get("kind"))),
            Cell(period_text(m.get("start"), m.get("end"), m.get("outcome")), m.get("start") or ""),
            Cell(label(MEASURE_OUTCOME_LABELS, m.get("outcome")), m.get("outcome") or "",
                 tone=OUTCOME_TONES.get(m.get("outcome") or "", "neutral"),
                 tooltip=_("Counts towards the Maßnahme-Karriere warning") if m["id"] in self._warned else ""),
        ]

    def after_show(self, detail: dict[str, Any]) -> None:
        self.banner.show_message(*warning_texts(detail.get("measure_warnings") or []))

    def count_text(self, count: int) -> str:
        return ngettext("{n} measure", "{n} measures", count).format(n=count)

    def make_dialog(self, entry: dict[str, Any] | None) -> MeasureDialog:
        return MeasureDialog(self.ctx, entry, parent=self)

    def delete_question(self, measure: dict[str, Any]) -> DeleteQuestion:
        return DeleteQuestion(
            _("Delete this measure?"),
            _("“{title}” is removed from the case file. This cannot be undone.").format(title=measure.get("title") or ""),
            _("&Delete measure"), delete_measure, {"measure_id": measure["id"]})

    def add_measure(self) -> MeasureDialog:
        return self.add_entry()

    def edit_measure(self, measure_id: str | None) -> MeasureDialog | None:
        return self.edit_entry(measure_id)
