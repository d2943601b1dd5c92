"""The appointment letter (Terminbrief): day, time, place and what to bring, in the person's language.

Opened from the Contacts tab. The day and time, the place (empty: the
organisation's address) and what to bring are entered on the left; the
letter is previewed on the right in the language the user picks, by default
the person's preferred one. Saving and printing are logged
(``appointment_letter.print``).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QCheckBox, QPlainTextEdit, QTimeEdit, QWidget

from app.documents.data import Organisation
from app.documents.messages import BRING_ITEMS
from app.i18n import N_, _
from app.services.appointment_letter import DEFAULT_BRING, appointment_letter_pdf
from app.ui.case_view.casework_fields import DateField
from app.ui.dialogs.document_preview_dialog import ClientDocumentDialog, open_document_dialog
from app.ui.widgets.labels import field_label, hint_label, role_label

# What the presets say, in the interface language (the letter prints them in the client's).
BRING_LABELS: dict[str, str] = {
    "bring_passport": N_("Passport or other identity document"),
    "bring_residence": N_("Residence document (Duldung, Gestattung, permit)"),
    "bring_letters": N_("Letters from offices and authorities"),
    "bring_certificates": N_("School, training and work certificates"),
    "bring_health_card": N_("Health insurance card"),
}


class AppointmentLetterDialog(ClientDocumentDialog):
    def __init__(self, vault, case_id: str, *, ref: str = "", organisation: Organisation | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(
            vault, case_id, ref=ref, title=_("Appointment letter"),
            subtitle=_("An invitation in the person's language: day, time, place and what to bring."),
            organisation=organisation, parent=parent,
        )
        self.day = DateField(_("Day of the appointment"))
        self.day.setMinimumDate(QDate.currentDate())  # an invitation to a day gone by helps nobody
        self.day.set_value(date.today() + timedelta(days=7))
        self.time = QTimeEdit(QTime(10, 0))
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName(_("Time of the appointment"))
        self.time.setFixedWidth(110)
        self.place = QPlainTextEdit()
        self.place.setAccessibleName(_("Place"))
        self.place.setPlaceholderText(_("Empty: the organisation's address from the settings"))
        self.place.setFixedHeight(64)
        self.bring_boxes: dict[str, QCheckBox] = {}
        self.other_items = QPlainTextEdit()
        self.other_items.setAccessibleName(_("Other things to bring"))
        self.other_items.setPlaceholderText(_("One per line, printed as typed"))
        self.other_items.setFixedHeight(64)

        form, column = self.form_column((_("&Day"), self.day), (_("&Time"), self.time), (_("&Place"), self.place))
        column.addSpacing(6)
        column.addWidget(role_label(_("What to bring"), "section"))
        for key in BRING_ITEMS:
            box = QCheckBox(_(BRING_LABELS[key]))
            box.setChecked(key in DEFAULT_BRING)
            box.toggled.connect(self._changed)
            self.bring_boxes[key] = box
            column.addWidget(box)
        column.addWidget(field_label(_("&Other things"), self.other_items))
        column.addWidget(self.other_items)
        column.addWidget(hint_label(_("The letter also says that counselling is free, that an interpreter "
                                      "can be arranged and how to cancel.")))
        column.addStretch(1)

        self.day.dateChanged.connect(self._changed)
        self.time.timeChanged.connect(self._changed)
        self.place.textChanged.connect(self._changed)
        self.other_items.textChanged.connect(self._changed)
        self.finish_layout(form, width=1100, height=880)
        self.schedule_preview(immediately=True)

    def _changed(self, *_args: object) -> None:
        self.schedule_preview()

    def starts_at(self) -> datetime:
        time = self.time.time()
        return datetime.combine(self.day.value(), datetime.min.time()).replace(hour=time.hour(),
                                                                               minute=time.minute())

    def bring(self) -> list[str]:
        items = [key for key, box in self.bring_boxes.items() if box.isChecked()]
        return items + [line.strip() for line in self.other_items.toPlainText().splitlines() if line.strip()]

    def render(self, **arguments) -> bytes:
        return appointment_letter_pdf(**arguments)

    def arguments(self, record: bool) -> dict:
        return dict(vault=self.vault, case_id=self.case_id, starts_at=self.starts_at(),
                    organisation=self.organisation, lang=self.lang(), place=self.place.toPlainText(),
                    bring=self.bring(), record=record)

    @property
    def file_stem(self) -> str:
        return f"Termin-{self.ref}"


def open_appointment_letter_dialog(parent: QWidget | None, vault, case_id: str, *, ref: str = "",
                                   organisation: Organisation | None = None) -> AppointmentLetterDialog | None:
    return open_document_dialog(parent, lambda: AppointmentLetterDialog(
        vault, case_id, ref=ref, organisation=organisation, parent=parent))
