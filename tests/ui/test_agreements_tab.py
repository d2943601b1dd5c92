"""The agreements tab in the real case view: from a template to a chain in force, step by step."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox

from app.i18n import N_
from app.services.documents import add_document
from app.ui.case_view.agreement_dialogs import (
    AgreementDialog,
    ConcludeDialog,
    ReasonDialog,
    StepDialog,
)
from app.ui.case_view.agreements_tab import AgreementsTab
from app.ui.case_view.case_view import CaseView
from app.ui.case_view.fulfil_step_dialog import FulfilStepDialog
from app.ui.case_view.tabs import CaseTabSpec
from tests.ui.agreement_cases import case_with_overdue_step, new_case

TODAY = date.today()
SPECS = [CaseTabSpec("agreements", N_("Agreements"), AgreementsTab)]


def open_view(qtbot, vault, case) -> CaseView:
    view = CaseView(vault, case.case_id, ref=case.ref, tabs=SPECS)
    qtbot.addWidget(view)
    view.resize(1200, 900)
    view.show()
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)
    view.show_tab("agreements")
    return view


def accept(qtbot, view: CaseView, dialog) -> None:
    """Press OK and wait until the case view has reloaded what the dialog saved."""
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        dialog.ok_button.click()
    assert not dialog.isVisible()


def states(tab: AgreementsTab) -> list[tuple[str, str]]:
    return [(step.party, step.state) for step in tab.selected().steps]


@pytest.fixture
def case(vault):
    return new_case(vault, "Yonas", "Tesfay", birth_date="2001-05-14")


@pytest.fixture
def view(qtbot, vault, case):
    return open_view(qtbot, vault, case)


def test_from_template_to_a_fulfilled_first_step_with_its_proof(qtbot, vault, case, view):
    tab: AgreementsTab = view.tab("agreements")
    assert tab.empty_panel.isVisibleTo(tab) and not tab.banner.isVisibleTo(tab)

    # New agreement from the "employment permission" template.
    tab.new_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, AgreementDialog) and dialog.isVisible()
    dialog.choose_template("beschaeftigungserlaubnis")
    dialog.authority.setText("Ausländerbehörde Kreis Steinfurt")  # keyClicks types ASCII only
    accept(qtbot, view, dialog)
    agreement = tab.selected()
    assert agreement.status == "draft" and agreement.title == "Beschäftigungserlaubnis"
    assert [s.party for s in agreement.steps] == ["person", "case_manager", "authority", "person"]
    assert tab.title_label.text() == "Beschäftigungserlaubnis"
    assert tab.conclude_button.isVisibleTo(tab) and tab.delete_button.isVisibleTo(tab)

    # In the draft the chain is edited: the case manager's step goes, so the authority follows the person.
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        tab.chain.card_at(2).trigger("remove")
    assert [s.party for s in tab.selected().steps] == ["person", "authority", "person"]

    # Conclude: the steps start to fall due; the authority waits for the person.
    tab.conclude_button.click()
    assert isinstance(tab.dialog, ConcludeDialog)
    assert tab.dialog.authority.text() == "Ausländerbehörde Kreis Steinfurt"
    accept(qtbot, view, tab.dialog)
    assert tab.selected().status == "in_force"
    assert states(tab) == [("person", "due"), ("authority", "waiting"), ("person", "waiting")]
    authority_card = tab.chain.card_at(2)
    assert authority_card.when_label.text() == "Waiting for the person's steps"
    assert authority_card.chip.text() == "Waiting"

    # Fulfil the person's first step, with a document of the case as the proof.
    document_id = add_document(vault, case_id=case.case_id, data=b"%PDF-1.4 job offer", title="Stellenangebot",
                               filename="angebot.pdf", doc_date=TODAY)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.context.changed()
    tab.chain.card_at(1).trigger("fulfil")
    dialog = tab.dialog
    assert isinstance(dialog, FulfilStepDialog)
    dialog.proof.setCurrentIndex(dialog.proof.findData(document_id))
    accept(qtbot, view, dialog)

    first, authority, _last = tab.selected().steps
    assert (first.state, first.settled_on, first.proof_document_id) == ("fulfilled", TODAY, document_id)
    assert authority.state == "due"
    assert authority.effective_due == TODAY + timedelta(days=30)
    card = tab.chain.card_at(2)
    assert card.chip.text() == "Due"
    assert card.when_label.text() == "Due on " + (TODAY + timedelta(days=30)).isoformat()
    assert "received: Stellenangebot" in tab.chain.card_at(1).proof_label.text()


def test_a_scan_added_in_the_dialog_becomes_the_proof(qtbot, vault, case, view, tmp_path):
    tab: AgreementsTab = view.tab("agreements")
    tab.new_button.click()
    tab.dialog.title.setText("Passbeschaffung")
    tab.dialog.authority.setText("ABH")
    accept(qtbot, view, tab.dialog)
    tab.add_step_button.click()
    step_dialog = tab.dialog
    assert isinstance(step_dialog, StepDialog)
    step_dialog.action.setPlainText("Pass beantragen")
    step_dialog.due_date.setText((TODAY + timedelta(days=10)).strftime("%d.%m.%Y"))
    step_dialog.proof.setText("Antragsbestätigung")
    accept(qtbot, view, step_dialog)
    tab.conclude_button.click()
    accept(qtbot, view, tab.dialog)

    scan = tmp_path / "bestaetigung.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n scan of the receipt")
    tab.chain.card_at(1).trigger("fulfil")
    dialog = tab.dialog
    assert dialog.use_scan(scan)
    assert dialog.scan_title.text() == "Antragsbestätigung"
    accept(qtbot, view, dialog)

    documents = view.detail["documents"]
    assert [(d["title"], d["filename"], d["mime_type"]) for d in documents] == [
        ("Antragsbestätigung", "bestaetigung.png", "image/png")]
    # The only step is fulfilled, so the agreement is fulfilled too.
    assert tab.selected().status == "fulfilled"
    assert tab.selected().steps[0].proof_document_id == documents[0]["id"]


def test_waiving_needs_a_reason_and_shows_it(qtbot, vault):
    case, agreement = case_with_overdue_step(vault)
    view = open_view(qtbot, vault, case)
    tab: AgreementsTab = view.tab("agreements")
    assert tab.banner.isVisibleTo(tab)
    assert tab.banner.text() == "1 step needs attention now: step 1 overdue by 12 days"
    assert tab.chain.card_at(1).chip.text() == "Overdue by 12 days"

    tab.chain.card_at(1).trigger("waive")
    dialog = tab.dialog
    assert isinstance(dialog, ReasonDialog)
    dialog.ok_button.click()  # no reason
    assert dialog.isVisible()
    assert dialog.message.text() == "Give the reason; it stays on record with the agreement."
    assert tab.selected().steps[0].state == "overdue"

    qtbot.keyClicks(dialog.reason, "Termin wurde von der Botschaft abgesagt")
    accept(qtbot, view, dialog)
    first, authority = tab.selected().steps
    assert (first.state, first.status_reason) == ("waived", "Termin wurde von der Botschaft abgesagt")
    assert tab.chain.card_at(1).reason_label.text() == "Reason: Termin wurde von der Botschaft abgesagt"
    # Waived counts as done: the authority's step is due 14 days after the day it was waived.
    assert authority.state == "due" and authority.effective_due == TODAY + timedelta(days=14)
    assert not tab.banner.isVisibleTo(tab)


def test_missed_and_reopened_and_ended_with_a_reason(qtbot, vault):
    case, agreement = case_with_overdue_step(vault)
    view = open_view(qtbot, vault, case)
    tab: AgreementsTab = view.tab("agreements")
    tab.chain.card_at(1).trigger("miss")
    accept(qtbot, view, tab.dialog)  # the reason is optional for a missed step
    assert tab.selected().steps[0].state == "missed"
    assert tab.banner.text() == "1 step needs attention now: step 1 missed"
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        tab.chain.card_at(1).trigger("reopen")
    assert tab.selected().steps[0].state == "overdue"

    tab.end_button.click()
    dialog = tab.dialog
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.message.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.reason, "Person ist umgezogen")
    accept(qtbot, view, dialog)
    assert tab.selected().status == "ended"
    assert tab.ended_label.text() == "Ended: Person ist umgezogen"
    assert tab.chain.card_at(1).buttons == {}  # an ended agreement takes no more steps
    assert not tab.banner.isVisibleTo(tab)


def test_draft_steps_are_reordered_and_a_draft_deleted_after_asking(qtbot, vault, case, view):
    tab: AgreementsTab = view.tab("agreements")
    tab.new_button.click()
    tab.dialog.choose_template("identitaet_pass")
    accept(qtbot, view, tab.dialog)
    first_action = tab.selected().steps[0].action
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        tab.chain.card_at(1).trigger("down")
    assert tab.selected().steps[1].action == first_action
    assert "up" not in tab.chain.card_at(1).buttons and "down" not in tab.chain.cards[
        tab.selected().steps[-1].id].buttons

    tab.delete_button.click()
    box = tab.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    delete = next(b for b in box.buttons() if b.text() == "Delete draft")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        delete.click()
    assert tab.views == [] and tab.empty_panel.isVisibleTo(tab)


def test_print_opens_the_agreement_pdf_dialog(qtbot, vault):
    case, agreement = case_with_overdue_step(vault)
    view = open_view(qtbot, vault, case)
    tab: AgreementsTab = view.tab("agreements")
    tab.print_button.click()
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    assert type(dialog).__name__ == "AgreementPdfDialog"
    dialog.close()


def test_a_closed_case_shows_its_agreements_read_only(qtbot, vault):
    from app.services.cases import close_case

    case, _agreement = case_with_overdue_step(vault)
    close_case(vault, case_id=case.case_id, closing_reason="moved_away")
    view = open_view(qtbot, vault, case)
    tab: AgreementsTab = view.tab("agreements")
    assert not tab.new_button.isEnabled()
    assert tab.chain.card_at(1).buttons == {}


def test_a_dialog_left_open_across_a_lock_saves_into_the_unlocked_vault(qtbot, vault, vault_dir):
    from app.storage.vault import Vault
    from tests.conftest import TEST_PASSWORD

    case, _agreement = case_with_overdue_step(vault)
    view = open_view(qtbot, vault, case)
    tab: AgreementsTab = view.tab("agreements")
    tab.chain.card_at(1).trigger("waive")
    dialog = tab.dialog
    qtbot.keyClicks(dialog.reason, "Botschaft hat geschlossen")
    view.on_vault_locked()
    vault.lock()
    reopened = Vault.unlock(vault_dir, TEST_PASSWORD)
    try:
        with qtbot.waitSignal(view.loaded, timeout=10_000):
            view.on_vault_unlocked(reopened)
        assert dialog.reason.toPlainText() == "Botschaft hat geschlossen"  # the input survived the lock
        accept(qtbot, view, dialog)
        assert tab.selected().steps[0].state == "waived"
    finally:
        reopened.lock()


def test_a_step_whose_day_is_still_ahead_offers_no_missed_action(qtbot, vault):
    """Only a step that has fallen due can be missed (the service refuses earlier ones too)."""
    case, agreement = case_with_overdue_step(vault)
    view = open_view(qtbot, vault, case)
    tab: AgreementsTab = view.tab("agreements")
    assert "miss" in tab.chain.card_at(1).buttons  # 12 days overdue
    tab.chain.card_at(1).trigger("fulfil")
    accept(qtbot, view, tab.dialog)
    authority = tab.selected().steps[1]
    assert authority.state == "due" and authority.effective_due > TODAY
    assert "miss" not in tab.chain.card_at(2).buttons and "fulfil" in tab.chain.card_at(2).buttons
