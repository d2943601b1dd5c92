"""The consent form (Einwilligung / Schweigepflichtentbindung) to print for signature.

Opened from the Consents tab, prefilled from the selected consent (or empty
for a new one): recipient, data categories, purpose and validity on the left,
the preview on the right, in the language the user picks — by default the
person's preferred language; a translated form prints German beside it.
Saving and printing are logged (``consent_form.print``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from app.documents.data import Organisation
from app.documents.labels import DOCUMENT_LANGUAGES
from app.i18n import _
from app.services.agreement_document import consent_form_pdf
from app.services.document_language import client_languages, default_document_language
from app.ui.case_view.agency_picker import AgencyPicker
from app.ui.case_view.casework_fields import OptionalDateField
from app.ui.case_view.casework_format import as_date
from app.ui.case_view.consent_dialogs import CategoryChecks
from app.ui.dialogs.document_preview_dialog import DocumentPreviewDialog, open_document_dialog
from app.ui.widgets.labels import field_label, hint_label


class ConsentFormDialog(DocumentPreviewDialog):
    def __init__(self, vault, case_id: str, *, ref: str = "", consent: dict[str, Any] | None = None,
                 organisation: Organisation | None = None, parent: QWidget | None = None) -> None:
        super().__init__(
            vault, title=_("Consent form"),
            subtitle=_("To print for signature. A translated form prints the binding German text beside it."),
            organisation=organisation, languages=DOCUMENT_LANGUAGES,
            client_languages=client_languages(vault, case_id=case_id),
            default_language=default_document_language(vault, case_id=case_id), parent=parent,
        )
        self.case_id = case_id
        self.ref = ref
        consent = consent or {}
        self.recipient = AgencyPicker(vault, _("Recipient"), keep_id=consent.get("recipient_id"))
        self.recipient.set_agency(consent.get("recipient_id"))
        self.categories = CategoryChecks()
        self.categories.set_selected(list(consent.get("categories") or ["identity"]))
        self.purpose = QLineEdit(consent.get("purpose") or "")
        self.purpose.setAccessibleName(_("Purpose"))
        self.purpose.setPlaceholderText(_("e.g. referral to vocational training"))
        self.valid_until = OptionalDateField(_("Valid until"), _("Valid until date"))
        self.valid_until.set_value(as_date(consent.get("valid_until")))

        form = QWidget()
        column = QVBoxLayout(form)
        column.setContentsMargins(0, 0, 12, 0)
        column.addWidget(field_label(_("&Recipient"), self.recipient))
        column.addWidget(self.recipient)
        column.addWidget(field_label(_("Data &categories"), self.categories))
        column.addWidget(self.categories)
        column.addWidget(field_label(_("&Purpose"), self.purpose))
        column.addWidget(self.purpose)
        column.addWidget(self.valid_until)
        column.addWidget(hint_label(_("The boxes print empty: the person ticks what they agree to.")))
        column.addStretch(1)

        self.recipient.agency_changed.connect(self._changed)
        self.purpose.textChanged.connect(self._changed)
        self.valid_until.changed.connect(self._changed)
        for box in self.categories.boxes.values():
            box.toggled.connect(self._changed)
        self.finish_layout(form, width=1100, height=880)
        self.update_buttons()
        self.schedule_preview(immediately=True)

    def _changed(self, *_args: object) -> None:
        self.update_buttons()
        self.schedule_preview()

    def can_issue(self) -> bool:
        return bool(self.recipient.agency_id() and self.purpose.text().strip() and self.categories.selected())

    def _arguments(self, record: bool) -> dict[str, Any]:
        return dict(vault=self.vault, case_id=self.case_id, recipient_ids=[self.recipient.agency_id()],
                    categories=self.categories.selected(), purpose=self.purpose.text(),
                    valid_until=self.valid_until.value(), organisation=self.organisation, lang=self.lang(),
                    record=record)

    def preview_job(self):
        if not self.can_issue():
            self.preview.show_message(_("Choose a recipient, the data categories and a purpose."))
            return None
        return consent_form_pdf, self._arguments(record=False)

    def issue_pdf(self) -> bytes:
        return consent_form_pdf(**self._arguments(record=True))

    def file_name(self) -> str:
        return f"Einwilligung-{self.ref}{self.language_suffix()}.pdf"


def open_consent_form_dialog(parent: QWidget | None, vault, case_id: str, *, ref: str = "",
                             consent: dict[str, Any] | None = None,
                             organisation: Organisation | None = None) -> ConsentFormDialog | None:
    return open_document_dialog(parent, lambda: ConsentFormDialog(
        vault, case_id, ref=ref, consent=consent, organisation=organisation, parent=parent))
