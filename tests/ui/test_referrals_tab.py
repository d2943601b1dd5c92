"""Referrals tab: add through the dialog with the searchable agency combo, consent badge per
agency, and the letter button that waits for the documents module."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from app.services.consents import add_consent, withdraw_consent
from app.services.referrals import add_referral
from app.ui.case_view import referrals_tab
from app.ui.case_view.referrals_tab import ReferralsTab
from tests.ui.casework_context import CaseworkContext, first_agency_id, make_case
from tests.ui.helpers import click, type_text


@pytest.fixture
def ctx(vault):
    first_agency_id(vault)  # seeds the default directory
    return CaseworkContext(vault, make_case(vault))


def test_add_a_referral_by_typing_part_of_the_agency_name(ctx, qtbot):
    tab = ctx.open_tab(ReferralsTab, qtbot)
    assert tab.empty.isVisible()
    dialog = tab.add_referral()
    type_text(qtbot, dialog.agency.lineEdit(), "Jobcenter")
    popup = dialog.agency.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    jobcenter = first_agency_id(ctx.vault, "Jobcenter")
    assert dialog.agency.agency_id() == jobcenter
    assert dialog.consent_badge.text() == "No consent"
    dialog.area.set_code("education_work")
    type_text(qtbot, dialog.purpose, "Apply for an Einstiegsqualifizierung")
    dialog.handover.setChecked(True)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    [referral] = ctx.detail["referrals"]
    assert referral["agency_id"] == jobcenter and referral["handover"] is True
    texts = tab.table.row_texts(referral["id"])
    assert texts[0] == date.today().isoformat()
    assert texts[1] == "Jobcenter Kreis Emsbruch"
    assert texts[2] == "Education and work"
    assert texts[4] == "Open · handed over"
    assert tab.consent_text(referral["id"]) == "No consent"


def test_an_agency_must_be_chosen(ctx, qtbot):
    tab = ctx.open_tab(ReferralsTab, qtbot)
    dialog = tab.add_referral()
    type_text(qtbot, dialog.agency.lineEdit(), "no such agency")
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.message.text() == "Choose an agency from the directory."


def test_the_consent_badge_follows_the_consents_of_the_agency(ctx, qtbot):
    agency = first_agency_id(ctx.vault, "Jobcenter")
    referral = add_referral(ctx.vault, case_id=ctx.case_id, agency_id=agency, purpose="EQ")
    consent = add_consent(ctx.vault, case_id=ctx.case_id, recipient_id=agency, categories=["identity"],
                          purpose="Referral", given=date.today() - timedelta(days=10))
    ctx.changed()
    tab = ctx.open_tab(ReferralsTab, qtbot)
    assert tab.consent_text(referral) == "Consent valid"

    withdraw_consent(ctx.vault, consent_id=consent)
    ctx.changed()
    assert tab.consent_text(referral) == "No valid consent"

    add_consent(ctx.vault, case_id=ctx.case_id, recipient_id=agency, categories=["identity"], purpose="Renewed",
                given=date.today(), valid_until=date.today() + timedelta(days=12))
    ctx.changed()
    expires = (date.today() + timedelta(days=12)).isoformat()
    assert tab.consent_text(referral) == f"Consent expires {expires}"


def test_edit_a_referral_status_with_enter(ctx, qtbot):
    agency = first_agency_id(ctx.vault, "Jobcenter")
    referral = add_referral(ctx.vault, case_id=ctx.case_id, agency_id=agency, purpose="EQ")
    ctx.changed()
    tab = ctx.open_tab(ReferralsTab, qtbot)
    tab.table.setFocus()
    tab.table.select_id(referral)
    assert tab.edit_button.isEnabled()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialog = tab.active_dialog
    assert dialog.agency.agency_id() == agency
    dialog.status.set_code("accepted")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert tab.table.row_texts(referral)[4] == "Accepted"
    assert tab.table.current_id() == referral  # the selection survives the reload


def test_write_letter_opens_the_letter_writer_and_is_disabled_without_one(ctx, qtbot, monkeypatch):
    agency = first_agency_id(ctx.vault, "Jobcenter")
    referral = add_referral(ctx.vault, case_id=ctx.case_id, agency_id=agency)
    ctx.changed()
    tab = ctx.open_tab(ReferralsTab, qtbot)
    tab.table.select_id(referral)
    assert tab.letter_button.isEnabled()  # the documents module's dialog is the default writer

    monkeypatch.setattr(referrals_tab, "_letter_writer", None)
    tab.show_case(ctx.detail)
    tab.table.select_id(referral)
    assert not tab.letter_button.isEnabled()
    assert tab.letter_button.toolTip() == "Available with the documents module."

    written = []
    referrals_tab.register_letter_writer(lambda c, r, parent: written.append(r["id"]))
    tab.show_case(ctx.detail)
    tab.table.select_id(referral)
    assert tab.letter_button.isEnabled()
    click(qtbot, tab.letter_button)
    assert written == [referral]
