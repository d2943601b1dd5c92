"""The Zug-um-Zug agreement as a document: choose the language, look at it, save or print.

German is the binding version for the authority; a translated copy prints the
German text beside the person's language (right-to-left included). The
preview is rendered from memory and not logged; saving and printing are
(``agreement.print``). The frame is the shared ``DocumentPreviewDialog``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.documents.data import Organisation
from app.documents.labels import supported_languages
from app.i18n import _
from app.services.agreement_document import agreement_case, agreement_pdf
from app.services.document_language import client_languages
from app.ui.dialogs.document_preview_dialog import DocumentPreviewDialog, open_document_dialog


class AgreementPdfDialog(DocumentPreviewDialog):
    def __init__(self, vault, agreement_id: str, *, organisation: Organisation | None = None,
                 parent: QWidget | None = None) -> None:
        case_id, ref = agreement_case(vault, agreement_id=agreement_id)
        client = client_languages(vault, case_id=case_id)
        super().__init__(
            vault, title=_("Zug-um-Zug agreement"),
            subtitle=_("German is the binding version; a translated copy prints it beside the person's language."),
            organisation=organisation, languages=supported_languages(), client_languages=client,
            default_language=client[0] if client else "de", parent=parent,
        )
        self.agreement_id = agreement_id
        self.ref = ref
        self.finish_layout(width=720, height=860)
        self.schedule_preview(immediately=True)

    @property
    def file_stem(self) -> str:
        return f"Vereinbarung-{self.ref}"  # as the CLI names it: several cases' agreements stay apart

    def render(self, **arguments) -> bytes:
        return agreement_pdf(**arguments)

    def arguments(self, record: bool) -> dict:
        return dict(vault=self.vault, agreement_id=self.agreement_id, organisation=self.organisation,
                    lang=self.lang(), record=record)

    def print_agreement(self, printer=None) -> bool:
        return self.print_document(printer)


def open_agreement_pdf_dialog(parent: QWidget | None, vault, agreement_id: str, *,
                              organisation: Organisation | None = None) -> AgreementPdfDialog | None:
    return open_document_dialog(
        parent, lambda: AgreementPdfDialog(vault, agreement_id, organisation=organisation, parent=parent))
