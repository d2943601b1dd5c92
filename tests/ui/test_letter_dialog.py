"""The letter dialog on a real vault: refusal, consent, override, categories, preview, save, print."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models import AuditEntry, Letter
from app.services.consents import withdraw_consent
from app.ui.dialogs.letter_dialog import LetterDialog, open_letter_dialog
from tests.ui.helpers import click, type_text
from tests.unit.document_case import (
    HEALTH_GOAL,
    HEALTH_OFFICE,
    JOBCENTER,
    ORGANISATION,
    REF,
    build_document_case,
    give_consent,
)
from tests.unit.pdf_inspect import pdf_text

REASON = "Gefahr im Verzug, Meldung nach 8a SGB VIII"


@pytest.fixture
def case(vault):
    return build_document_case(vault)


def _dialog(qtbot, vault, case, agency=JOBCENTER) -> LetterDialog:
    dialog = open_letter_dialog(None, vault, case_id=case.case_id, agency_id=agency, organisation=ORGANISATION)
    assert dialog is not None
    qtbot.addWidget(dialog)
    return dialog


def _letters(vault):
    with vault.session() as session:
        return list(session.scalars(select(Letter)))


def test_without_consent_the_refusal_shows_in_red_and_nothing_can_be_saved(qtbot, vault, case, tmp_path):
    dialog = _dialog(qtbot, vault, case)
    assert dialog.consent_label.property("role") == "error"
    assert "There is no consent for this recipient" in dialog.consent_label.text()
    assert "Jobcenter Kreis Emsbruch" in dialog.consent_label.text()
    assert dialog.override_button.isVisible()
    assert not dialog.save_button.isEnabled() and not dialog.print_button.isEnabled()
    assert dialog.save_pdf(tmp_path / "letter.pdf") is None
    assert not (tmp_path / "letter.pdf").exists() and _letters(vault) == []


def test_with_consent_the_letter_is_saved_and_recorded(qtbot, vault, case, tmp_path):
    give_consent(vault, case.case_id)
    dialog = _dialog(qtbot, vault, case)
    assert dialog.consent_label.property("role") == "success"
    assert "relies on the consent of" in dialog.consent_label.text()
    assert not dialog.override_button.isVisible()
    assert dialog.save_button.isEnabled()
    target = dialog.save_pdf(tmp_path / "letter.pdf")
    assert target == tmp_path / "letter.pdf"
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and data == dialog.issued_pdf
    assert REF in pdf_text(data)
    assert len(_letters(vault)) == 1
    # Saving the same letter again does not record a second letter.
    dialog.save_pdf(tmp_path / "copy.pdf")
    assert len(_letters(vault)) == 1


def test_override_requires_a_reason_and_is_logged(qtbot, vault, case, tmp_path):
    dialog = _dialog(qtbot, vault, case)
    click(qtbot, dialog.override_button)
    assert dialog.override_box.isVisible()
    type_text(qtbot, dialog.override_reason, "weil")
    assert not dialog.save_button.isEnabled()
    type_text(qtbot, dialog.override_reason, " - " + REASON)
    assert dialog.save_button.isEnabled()
    target = dialog.save_pdf(tmp_path / "override.pdf")
    assert target is not None
    assert "8a" not in pdf_text(target.read_bytes())
    with vault.session() as session:
        [entry] = session.scalars(select(AuditEntry).where(AuditEntry.action == "letter.override")).all()
    assert entry.detail.endswith("reason=weil - " + REASON)


def test_ticking_health_refills_the_text_and_asks_for_a_health_consent(qtbot, vault, case):
    give_consent(vault, case.case_id, HEALTH_OFFICE, ("identity",))
    dialog = _dialog(qtbot, vault, case, HEALTH_OFFICE)
    assert dialog.save_button.isEnabled()
    assert HEALTH_GOAL not in dialog.body.toPlainText()
    click(qtbot, dialog.category_boxes["health"])
    assert dialog.checked_categories() == ["identity", "health"]
    assert HEALTH_GOAL in dialog.body.toPlainText()
    assert "does not cover these data categories: health" in dialog.consent_label.text()
    assert not dialog.save_button.isEnabled()


def test_edits_survive_a_category_change_until_refilled(qtbot, vault, case):
    dialog = _dialog(qtbot, vault, case)
    dialog.body.setPlainText("Mein eigener Text.")
    click(qtbot, dialog.category_boxes["social"])
    assert dialog.body.toPlainText() == "Mein eigener Text."
    assert dialog.refill_button.isVisible()
    click(qtbot, dialog.refill_button)
    assert "begleiten wir Amina Haddad" in dialog.body.toPlainText()


def test_a_withdrawal_in_the_meantime_is_refused_and_shown(qtbot, vault, case, tmp_path):
    consent_id = give_consent(vault, case.case_id)
    dialog = _dialog(qtbot, vault, case)
    withdraw_consent(vault, consent_id=consent_id)
    assert dialog.save_pdf(tmp_path / "late.pdf") is None
    assert "withdrawn" in dialog.message.text()
    assert dialog.consent_label.property("role") == "error"
    assert _letters(vault) == []


def test_preview_follows_the_text_and_printing_paints_every_page(qtbot, vault, case, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    give_consent(vault, case.case_id)
    dialog = _dialog(qtbot, vault, case)
    qtbot.waitUntil(lambda: dialog.preview.page_count() == 1, timeout=10000)
    dialog.body.setPlainText("\n\n".join(["Ein langer Absatz über die Lage. " * 30] * 6))
    qtbot.waitUntil(lambda: dialog.preview.page_count() >= 2, timeout=10000)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_letter(printer)
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")
    assert len(_letters(vault)) == 1


def test_the_referrals_tab_hook_opens_the_letter_for_the_referrals_agency(qtbot, vault, case, tmp_path):
    from app.ui.case_view.context import CaseContext
    from app.ui.case_view.referrals_tab import letter_writer

    give_consent(vault, case.case_id)
    reloads = []
    ctx = CaseContext(vault, case.case_id, REF, on_changed=lambda: reloads.append(1))
    dialog = letter_writer()(ctx, {"agency_id": JOBCENTER}, None)  # the tab's default writer
    qtbot.addWidget(dialog)
    dialog.organisation = ORGANISATION  # the test's settings hold no sender
    assert dialog.draft.agency_id == JOBCENTER
    assert dialog.save_pdf(tmp_path / "hook.pdf") is not None
    assert reloads == [1]
