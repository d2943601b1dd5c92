"""The consent form (Einwilligung / Schweigepflichtentbindung) to print for signature.

Opened from the Consents tab, prefilled from the selected consent (or empty
for a new one): recipient, data categories, purpose and validity on the left,
the preview on the right, in the language the user picks — by default the
person's preferred language; a translated form prints German beside it.
Saving and printing are logged (``consent_form.print``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from app.documents.data import Organisation
from app.i18n import _
from app.services.agreement_document import consent_form_pdf
from app.ui.case_view.agency_picker import AgencyPicker
from app.ui.case_view.casework_fields import OptionalDateField
from app.ui.case_view.casework_format import as_date
from app.ui.case_view.consent_dialogs import CategoryChecks
from app.ui.dialogs.document_preview_dialog import ClientDocumentDialog, open_document_dialog
from app.ui.widgets.labels import hint_label


class ConsentFormDialog(ClientDocumentDialog):
    def __init__(self, vault, case_id: str, *, ref: str = "", consent: dict[str, Any] | None = None,
                 organisation: Organisation | None = None, parent: QWidget | None = None) -> None:
        super().__init__(
            vault, case_id, ref=ref, title=_("Consent form"),
            subtitle=_("To print for signature. A translated form prints the binding German text beside it."),
            organisation=organisation, parent=parent,
        )
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

        form, column = self.form_column((_("&Recipient"), self.recipient), (_("Data &categories"), self.categories),
                                        (_("&Purpose"), self.purpose))
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

    def render(self, **arguments) -> bytes:
        return consent_form_pdf(**arguments)

    def arguments(self, record: bool) -> dict[str, Any]:
        return dict(vault=self.vault, case_id=self.case_id, recipient_ids=[self.recipient.agency_id()],
                    categories=self.categories.selected(), purpose=self.purpose.text(),
                    valid_until=self.valid_until.value(), organisation=self.organisation, lang=self.lang(),
                    record=record)

    def preview_job(self):
        if not self.can_issue():
            self.preview.show_message(_("Choose a recipient, the data categories and a purpose."))
            return None
        return super().preview_job()

    @property
    def file_stem(self) -> str:
        return f"Einwilligung-{self.ref}"


def open_consent_form_dialog(parent: QWidget | None, vault, case_id: str, *, ref: str = "",
                             consent: dict[str, Any] | None = None,
                             organisation: Organisation | None = None) -> ConsentFormDialog | None:
    return open_document_dialog(parent, lambda: ConsentFormDialog(
        vault, case_id, ref=ref, consent=consent, organisation=organisation, parent=parent))
