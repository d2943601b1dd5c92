"""Add or edit a measure (Maßnahme): title, provider, goal area, kind, dates, outcome."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from app.i18n import _
from app.models.codes import GOAL_AREAS
from app.services.measures import MEASURE_KINDS, MEASURE_OUTCOMES, add_measure, update_measure
from app.ui.case_view.casework_fields import CodeCombo, OptionalDateField
from app.ui.case_view.casework_format import as_date
from app.ui.case_view.casework_labels import (
    GOAL_AREA_LABELS,
    MEASURE_KIND_LABELS,
    MEASURE_OUTCOME_LABELS,
)
from app.ui.case_view.entry_dialog import EntryDialog


class MeasureDialog(EntryDialog):
    def __init__(self, ctx: Any, measure: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(
            _("Edit measure") if measure else _("Add a measure"),
            _("Courses, programmes and counselling the person takes part in, with how they ended."),
            parent=parent,
        )
        self.ctx = ctx
        self.measure_id = measure["id"] if measure else None
        self.title = QLineEdit()
        self.title.setAccessibleName(_("Title of the measure"))
        self.title.setMaxLength(300)
        self.title.setPlaceholderText(_("e.g. Integrationskurs B1"))
        self.provider = QLineEdit()
        self.provider.setAccessibleName(_("Provider"))
        self.provider.setMaxLength(300)
        self.area = CodeCombo(GOAL_AREA_LABELS, _("Goal area"), codes=GOAL_AREAS)
        self.kind = CodeCombo(MEASURE_KIND_LABELS, _("Kind of measure"), codes=MEASURE_KINDS)
        self.start = OptionalDateField(_("Started"), _("Start date"))
        self.end = OptionalDateField(_("Ended"), _("End date"))
        self.outcome = CodeCombo(MEASURE_OUTCOME_LABELS, _("Outcome"), codes=MEASURE_OUTCOMES)

        self.add_row(_("&Title"), self.title)
        self.add_row(_("&Provider"), self.provider)
        self.add_row(_("&Goal area"), self.area)
        self.add_row(_("&Kind"), self.kind)
        self.add_row(_("&Start"), self.start)
        self.add_row(_("&End"), self.end)
        self.add_row(_("&Outcome"), self.outcome,
                     _("Three measures in one goal area without attainment raise a warning."))
        if measure:
            self.title.setText(measure.get("title") or "")
            self.provider.setText(measure.get("provider") or "")
            self.area.set_code(measure.get("area"))
            self.kind.set_code(measure.get("kind"))
            self.start.set_value(as_date(measure.get("start")))
            self.end.set_value(as_date(measure.get("end")))
            self.outcome.set_code(measure.get("outcome"))
        self.mark_clean()

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text(),
            "provider": self.provider.text(),
            "area": self.area.code(),
            "kind": self.kind.code(),
            "start": self.start.value(),
            "end": self.end.value(),
            "outcome": self.outcome.code(),
        }

    def save(self) -> None:
        if self.measure_id is None:
            add_measure(self.ctx.vault, case_id=self.ctx.case_id, **self.values())
        else:
            update_measure(self.ctx.vault, measure_id=self.measure_id, **self.values())
