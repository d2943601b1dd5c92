"""Add or edit one contact of the log: date, duration, kind, participants, areas, note."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from app.i18n import _
from app.services.contacts import CONTACT_KINDS, MAX_CONTACT_MINUTES, add_contact, update_contact
from app.ui.case_view.casework_fields import AreaChecks, CodeCombo, DateField, TextBox
from app.ui.case_view.casework_format import as_date
from app.ui.case_view.casework_labels import CONTACT_KIND_LABELS
from app.ui.case_view.entry_dialog import EntryDialog

CASE_CONFERENCE = "case_conference"


class ContactDialog(EntryDialog):
    def __init__(self, ctx: Any, contact: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        editing = contact is not None
        super().__init__(
            _("Edit contact") if editing else _("Add a contact"),
            _("A contact cannot lie in the future or before the case was opened."),
            parent=parent,
        )
        self.ctx = ctx
        self.contact_id = contact["id"] if contact else None

        self.date = DateField(_("Contact date"), not_after_today=True)
        self.kind = CodeCombo(CONTACT_KIND_LABELS, _("Kind of contact"), codes=CONTACT_KINDS)
        self.duration = QSpinBox()
        self.duration.setRange(0, MAX_CONTACT_MINUTES)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(_(" min"))
        self.duration.setSpecialValueText(_("not recorded"))
        self.duration.setAccessibleName(_("Duration in minutes"))
        self.duration.setFixedWidth(150)
        self.participants = QLineEdit()
        self.participants.setAccessibleName(_("Participants"))
        self.participants.setPlaceholderText(_("Who took part, e.g. Jobcenter, school, the person"))
        self.areas = AreaChecks(_("Goal areas touched"))
        self.note = TextBox(_("Note"), height=140, placeholder=_("What was discussed, agreed or done"))

        self.add_row(_("&Date"), self.date)
        self.add_row(_("&Kind"), self.kind)
        self.add_row(_("D&uration"), self.duration)
        self.participants_label = self.add_row(_("&Participants"), self.participants)
        self.add_row(_("&Goal areas"), self.areas)
        self.add_row(_("&Note"), self.note)
        self.kind.currentIndexChanged.connect(self._kind_changed)

        if contact:
            self.date.set_value(as_date(contact.get("date")))
            self.kind.set_code(contact.get("kind"))
            self.duration.setValue(int(contact.get("duration_minutes") or 0))
            self.participants.setText(contact.get("participants") or "")
            self.areas.set_selected(list(contact.get("areas") or []))
            self.note.setPlainText(contact.get("note") or "")
        self._kind_changed()
        self.mark_clean()

    def _kind_changed(self) -> None:
        required = self.kind.code() == CASE_CONFERENCE
        self.participants_label.setText(_("&Participants *") if required else _("&Participants"))
        self.participants.setPlaceholderText(
            _("Required for a case conference: who took part")
            if required else _("Who took part, e.g. Jobcenter, school, the person")
        )

    def values(self) -> dict[str, Any]:
        return {
            "date": self.date.value(),
            "kind": self.kind.code(),
            "duration_minutes": self.duration.value() or None,
            "participants": self.participants.text(),
            "areas": self.areas.selected(),
            "note": self.note.toPlainText(),
        }

    def save(self) -> None:
        if self.contact_id is None:
            add_contact(self.ctx.vault, case_id=self.ctx.case_id, **self.values())
        else:
            update_contact(self.ctx.vault, contact_id=self.contact_id, **self.values())
