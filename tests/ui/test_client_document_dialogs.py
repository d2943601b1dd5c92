"""Consent form and appointment letter dialogs: the person's language by default, a live preview,
German beside the translation, saving logs the print; the tabs open them."""

from __future__ import annotations

from PySide6.QtCore import QDate
from sqlalchemy import select

from app.models import AuditEntry
from app.services.case_file import case_detail
from app.services.consents import add_consent
from app.services.persons import update_person
from app.ui.case_view.consents_tab import ConsentsTab
from app.ui.case_view.contacts_tab import ContactsTab
from app.ui.dialogs.appointment_letter_dialog import AppointmentLetterDialog
from app.ui.dialogs.consent_form_dialog import ConsentFormDialog
from app.ui.dialogs.document_preview_dialog import DocumentPreviewDialog
from app.ui.dialogs.letter_dialog import LetterDialog
from tests.ui.casework_context import CaseworkContext, first_agency_id, make_case
from tests.unit.document_case import ORGANISATION
from tests.unit.pdf_inspect import pdf_text


def _actions(vault, action):
    with vault.session() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def _ctx(vault, languages):
    case_id = make_case(vault)
    update_person(vault, case_id=case_id, languages=list(languages), address="Dutumer Straße 5\n48431 Emsbruch")
    return CaseworkContext(vault, case_id)


def test_every_document_dialog_shares_one_preview_frame():
    assert issubclass(LetterDialog, DocumentPreviewDialog)
    assert issubclass(ConsentFormDialog, DocumentPreviewDialog)
    assert issubclass(AppointmentLetterDialog, DocumentPreviewDialog)
    from app.ui.dialogs.agreement_pdf_dialog import AgreementPdfDialog

    assert issubclass(AgreementPdfDialog, DocumentPreviewDialog)


def test_consent_form_from_the_consents_tab_in_ukrainian_with_the_german_text(qtbot, vault, tmp_path):
    ctx = _ctx(vault, ("uk", "de"))
    agency = first_agency_id(vault, "Jobcenter")
    consent = add_consent(vault, case_id=ctx.case_id, recipient_id=agency, categories=["identity", "health"],
                          purpose="Vermittlung in Ausbildung")
    tab = ctx.open_tab(ConsentsTab, qtbot)
    tab.show_case(case_detail(vault, case_id=ctx.case_id))  # the consent added after the tab was made
    tab.table.select_id(consent)
    dialog = tab.print_form(consent)
    qtbot.addWidget(dialog)
    dialog.organisation = ORGANISATION
    assert dialog.lang() == "uk"  # the person's preferred language is the default
    assert "the person's language" in dialog.language.currentText()
    assert dialog.recipient.agency_id() == agency and dialog.purpose.text() == "Vermittlung in Ausbildung"
    qtbot.waitUntil(lambda: dialog.preview.page_count() >= 1, timeout=15000)
    assert _actions(vault, "consent_form.print") == []  # the preview is not a print
    target = dialog.save_pdf(tmp_path / "einwilligung.pdf")
    assert target is not None
    text = " ".join(pdf_text(target.read_bytes()).split())
    assert "Згода та звільнення" in text and "Einwilligung und Schweigepflichtentbindung" in text
    [entry] = _actions(vault, "consent_form.print")
    assert entry.detail.endswith("lang=uk")
    dialog.purpose.setText("")
    assert not dialog.save_button.isEnabled()


def test_appointment_letter_from_the_contacts_tab_defaults_to_arabic_and_follows_the_language(
        qtbot, vault, tmp_path):
    ctx = _ctx(vault, ("ar",))
    tab = ctx.open_tab(ContactsTab, qtbot)
    dialog = tab.appointment_letter()
    qtbot.addWidget(dialog)
    # No organisation in the test's settings and no place typed: the preview says where the place is missing.
    qtbot.waitUntil(lambda: "place of the appointment" in dialog.preview.message.text(), timeout=15000)
    dialog.organisation = ORGANISATION
    dialog.schedule_preview(immediately=True)
    assert dialog.lang() == "ar"
    codes = [dialog.language.itemData(i) for i in range(dialog.language.count())]
    assert codes[:2] == ["de", "ar"] and set(codes) == {"de", "en", "ar", "fa", "uk", "tr", "fr"}
    qtbot.waitUntil(lambda: dialog.preview.page_count() == 1, timeout=15000)
    dialog.other_items.setPlainText("<b>Ali & Söhne</b>")
    dialog.set_language("tr")
    target = dialog.save_pdf(tmp_path / "termin.pdf")
    text = " ".join(pdf_text(target.read_bytes()).split())
    assert "Randevu daveti" in text and "<b>Ali & Söhne</b>" in text
    assert dialog.starts_at().strftime("%d.%m.%Y") in text
    [entry] = _actions(vault, "appointment_letter.print")
    assert entry.detail.endswith("lang=tr")


def test_without_a_language_on_record_the_default_is_german(qtbot, vault):
    ctx = _ctx(vault, ())
    dialog = AppointmentLetterDialog(vault, ctx.case_id, ref=ctx.ref, organisation=ORGANISATION)
    qtbot.addWidget(dialog)
    assert dialog.lang() == "de"
    dialog.day.setDate(QDate.currentDate().addDays(-3))
    assert dialog.day.date() == QDate.currentDate()  # a day gone by cannot be picked
