"""Record a structural barrier (Hemmnis): category, what happened, where, and whether the
anonymised description may go to the steering group."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from app.errors import ValidationError
from app.i18n import _, current_language
from app.models.codes import GOAL_AREAS
from app.services.barriers import add_barrier, barrier_categories, update_barrier
from app.ui.case_view.casework_fields import CodeCombo, DateField, TextBox
from app.ui.case_view.casework_format import as_date
from app.ui.case_view.casework_labels import GOAL_AREA_LABELS
from app.ui.case_view.entry_dialog import EntryDialog
from app.ui.widgets.labels import role_label

MIN_NAME_LENGTH = 3  # shorter name parts ("Li") match too many ordinary words


def category_label(code: str | None) -> str:
    """The category in the interface language, from resources/barrier_categories.json."""
    for category in barrier_categories():
        if category.code == code:
            return category.label_de if current_language() == "de" else category.label_en
    return code or ""


def names_in(text: str, person: dict[str, Any]) -> list[str]:
    """Parts of the person's names that appear as words in ``text`` (case-insensitive)."""
    parts: list[str] = []
    for field in ("given_names", "family_name", "name_original"):
        parts.extend((person.get(field) or "").split())
    parts.extend(alias for alias in person.get("aliases") or [] if alias)
    found = []
    for part in dict.fromkeys(p for p in parts if len(p) >= MIN_NAME_LENGTH):
        if re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text, re.IGNORECASE):
            found.append(part)
    return found


class BarrierDialog(EntryDialog):
    def __init__(self, ctx: Any, barrier: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(
            _("Edit barrier") if barrier else _("Record a barrier"),
            _("Obstacles the person meets in the system (an office refusing a form, a waiting list) are "
              "reported to the steering group in aggregate, never with names."),
            parent=parent,
        )
        self.ctx = ctx
        self.barrier_id = barrier["id"] if barrier else None
        self.category = QComboBox()
        self.category.setAccessibleName(_("Category"))
        for category in barrier_categories():
            self.category.addItem(category_label(category.code), category.code)
        self.description = TextBox(_("Description"), height=110, placeholder=_("What happened, without names"))
        self.area = CodeCombo(GOAL_AREA_LABELS, _("Goal area"), codes=GOAL_AREAS, blank=_("No particular goal area"))
        self.institution = QLineEdit()
        self.institution.setAccessibleName(_("Institution"))
        self.institution.setPlaceholderText(_("e.g. Ausländerbehörde, Jobcenter, school"))
        self.date = DateField(_("Date"), not_after_today=True)
        self.structural = QCheckBox(_("Structural: it affects others too, not only this person"))
        self.structural.setAccessibleName(_("Structural barrier"))
        self.structural.setChecked(True)
        self.shareable = QCheckBox(_("Shareable with the steering group (anonymised)"))
        self.shareable.setAccessibleName(_("Shareable with the steering group"))
        self.name_warning = role_label("", "error")
        self.name_warning.hide()

        self.add_row(_("&Category"), self.category)
        self.add_row(_("&Description"), self.description)
        self.add_row(_("&Goal area"), self.area)
        self.add_row(_("&Institution"), self.institution)
        self.add_row(_("D&ate"), self.date)
        self.add_row("", self.structural)
        self.add_row("", self.shareable, _(
            "Only the description is shared. It must not contain names: not of the person, their family, "
            "or staff."))
        self.form.addRow("", self.name_warning)
        self.description.textChanged.connect(self._check_names)
        self.shareable.toggled.connect(self._check_names)

        if barrier:
            index = self.category.findData(barrier.get("category"))
            if index < 0:
                self.category.addItem(barrier.get("category") or "", barrier.get("category"))
                index = self.category.count() - 1
            self.category.setCurrentIndex(index)
            self.description.setPlainText(barrier.get("description") or "")
            self.area.set_code(barrier.get("area"))
            self.institution.setText(barrier.get("institution") or "")
            self.date.set_value(as_date(barrier.get("occurred_on")))
            self.structural.setChecked(bool(barrier.get("structural")))
            self.shareable.setChecked(bool(barrier.get("shareable")))
        self.mark_clean()

    def names_found(self) -> list[str]:
        return names_in(self.description.toPlainText(), (self.ctx.detail or {}).get("person") or {})

    def _check_names(self) -> None:
        found = self.names_found() if self.shareable.isChecked() else []
        self.name_warning.setText(
            _("The description contains the name “{name}”. Remove it before sharing.").format(name=found[0])
            if found else "")
        self.name_warning.setVisible(bool(found))

    def save(self) -> None:
        if self.shareable.isChecked() and self.names_found():
            raise ValidationError(_(
                "A description shared with the steering group must not contain the person's name. "
                "Remove “{name}” or untick “Shareable”.").format(name=self.names_found()[0]))
        values = {
            "category": self.category.currentData(),
            "description": self.description.toPlainText(),
            "area": self.area.code(),
            "institution": self.institution.text(),
            "occurred_on": self.date.value(),
            "structural": self.structural.isChecked(),
            "shareable": self.shareable.isChecked(),
        }
        if self.barrier_id is None:
            add_barrier(self.ctx.vault, case_id=self.ctx.case_id, **values)
        else:
            update_barrier(self.ctx.vault, barrier_id=self.barrier_id, **values)
