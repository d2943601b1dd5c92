"""New case: the short intake form (DGCC Klärung) that opens a case in the intake phase.

Only what the first conversation gives: who the person is and how to reach
them, how they came, why case management is indicated, and whether they
agree to it. Everything else is filled in later in the case view.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import LotseError
from app.i18n import _
from app.services.cases import CaseRef, create_case
from app.storage.vault import Vault
from app.ui import labels
from app.ui.dialogs.layout import dialog_layout
from app.ui.error_dialogs import show_error
from app.ui.widgets.buttons import primary_button, secondary_button
from app.ui.widgets.code_list_field import CodeListField
from app.ui.widgets.forms import code_combo, date_field, form_card, line_field, text_block
from app.ui.widgets.inline_message import InlineMessage
from app.ui.widgets.labels import hint_label, title_label


class NewCaseDialog(QDialog):
    """``created`` holds the new case's CaseRef after the dialog was accepted."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.created: CaseRef | None = None
        self.setWindowTitle(_("New case"))
        self.setObjectName("newCaseDialog")

        self.given_names = line_field(_("Given names"))
        self.family_name = line_field(_("Family name"))
        self.name_original = line_field(_("Name in original script"), _("e.g. in Arabic or Cyrillic letters"))
        self.birth_date = date_field(_("Birth date"), partial=True)
        self.gender = code_combo(_("Gender"), labels.choices(labels.GENDER_LABELS), _("Not recorded"))
        self.nationality = CodeListField.countries(_("Nationality"))
        self.nationality.setPlaceholderText(_("e.g. Syria"))
        self.languages = CodeListField.languages(_("Languages"))
        self.languages.setPlaceholderText(_("e.g. Arabic, Kurdish"))
        self.phone = line_field(_("Phone"))
        self.address = line_field(_("Shelter or address"), _("e.g. Übergangswohnheim Ringstraße, room 12"))
        for field in (self.given_names, self.family_name, self.name_original, self.nationality, self.languages,
                      self.phone, self.address):
            field.setMinimumWidth(260)

        self.case_type = code_combo(_("Case type"), labels.choices(labels.CASE_TYPE_LABELS))
        self.intake_source = code_combo(_("How the person came"), labels.choices(labels.INTAKE_SOURCE_LABELS),
                                        _("Not recorded"))
        self.indications: dict[str, QCheckBox] = {}
        for text, code in labels.choices(labels.INDICATION_LABELS):
            box = QCheckBox(text)
            box.setAccessibleName(text)
            self.indications[code] = box
        self.consent = QCheckBox(_("The person agrees to case management"))
        self.consent.setAccessibleName(_("Consent to case management"))
        self.programme_kim = QCheckBox(_("KIM"))
        self.programme_kim.setAccessibleName(_("Programme KIM"))
        self.programme_gk = QCheckBox(_("Gemeinsam klappt's"))
        self.programme_gk.setAccessibleName(_("Programme Gemeinsam klappt's"))
        self.notes = text_block(_("Intake notes"), _("First situation in a few sentences"), 84)

        self.message = InlineMessage()
        self.create_button = primary_button(_("Create case"), _("Create the case"))
        self.create_button.setDefault(True)
        self.cancel_button = secondary_button(_("Cancel"), _("Cancel"))
        self.create_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)

        person_card, person = form_card(_("Person"))
        person.addRow(_("&Given names"), self.given_names)
        person.addRow(_("&Family name"), self.family_name)
        person.addRow(_("Original &script"), self.name_original)
        person.addRow(_("&Birth date"), self.birth_date)
        person.addRow(_("G&ender"), self.gender)
        person.addRow(_("&Nationality"), self.nationality)
        person.addRow(_("&Languages"), self.languages)
        person.addRow(_("&Phone"), self.phone)
        person.addRow(_("Shelter / &address"), self.address)

        case_card, case = form_card(_("Intake"))
        case.addRow(_("Case &type"), self.case_type)
        case.addRow(_("How they &came"), self.intake_source)
        indication = QVBoxLayout()
        indication.setSpacing(0)
        for box in self.indications.values():
            indication.addWidget(box)
        case.addRow(_("Indication"), indication)
        case.addRow(_("Consent"), self.consent)
        programmes = QHBoxLayout()
        programmes.addWidget(self.programme_kim)
        programmes.addWidget(self.programme_gk)
        programmes.addStretch(1)
        case.addRow(_("Programme"), programmes)
        case.addRow(_("&Notes"), self.notes)

        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addWidget(person_card, 1, Qt.AlignmentFlag.AlignTop)
        columns.addWidget(case_card, 1, Qt.AlignmentFlag.AlignTop)

        buttons = QHBoxLayout()
        buttons.addWidget(hint_label(_("The case opens in the intake phase; everything else can follow later.")), 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.create_button)

        layout = dialog_layout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.addWidget(title_label(_("New case")))
        layout.addSpacing(10)
        layout.addLayout(columns)
        layout.addWidget(self.message)
        layout.addSpacing(10)
        layout.addLayout(buttons)
        self.setMinimumWidth(1040)

        order = [self.given_names, self.family_name, self.name_original, self.birth_date, self.gender,
                 self.nationality, self.languages, self.phone, self.address, self.case_type, self.intake_source,
                 *self.indications.values(), self.consent, self.programme_kim, self.programme_gk, self.notes,
                 self.cancel_button, self.create_button]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.given_names.setFocus()

    def values(self) -> dict:
        return {
            "given_names": self.given_names.text(),
            "family_name": self.family_name.text(),
            "name_original": self.name_original.text(),
            "birth_date": self.birth_date.text().strip(),
            "gender": self.gender.currentData(),
            "nationalities": self.nationality.codes(),
            "languages": self.languages.codes(),
            "phone": self.phone.text(),
            "address": self.address.text(),
            "case_type": self.case_type.currentData(),
            "intake_source": self.intake_source.currentData(),
            "indication": [code for code, box in self.indications.items() if box.isChecked()],
            "consent_to_case_management": self.consent.isChecked(),
            "programme_kim": self.programme_kim.isChecked(),
            "programme_gk": self.programme_gk.isChecked(),
            "intake_notes": self.notes.toPlainText(),
            "case_manager": self.vault.user_name or "",
        }

    def submit(self) -> None:
        for field in (self.nationality, self.languages):
            problem = field.problem()
            if problem:
                self._say(problem, field)
                return
        try:
            self.created = create_case(self.vault, **self.values())
        except LotseError as exc:
            self._say(exc.message, self._field_for(exc.message))
            return
        except Exception as exc:  # a bug: the standard dialog; the input stays
            show_error(self, exc)
            return
        self.accept()

    def _say(self, message: str, field: QWidget | None) -> None:
        self.message.show_message(message)
        if field is not None:
            field.setFocus()

    def _field_for(self, message: str) -> QLineEdit | None:
        """Put the cursor where the problem is (the services name the field in their message)."""
        lowered = message.lower()
        if "birth date" in lowered:
            return self.birth_date
        if "given name" in lowered or "family name" in lowered:
            return self.given_names
        if "original script" in lowered:
            return self.name_original
        return None
