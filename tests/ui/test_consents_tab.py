"""Consents tab: add a consent and see its state, withdraw it and see "withdrawn",
every state in words, special categories marked, the signed form attached."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.services.consents import add_consent
from app.ui.case_view.consents_tab import ConsentsTab
from tests.ui.casework_context import CaseworkContext, first_agency_id, make_case
from tests.ui.helpers import click, type_text


@pytest.fixture
def ctx(vault):
    first_agency_id(vault)
    return CaseworkContext(vault, make_case(vault))


def test_add_a_consent_and_see_it_valid_then_withdraw_it(ctx, qtbot):
    tab = ctx.open_tab(ConsentsTab, qtbot)
    assert tab.empty.isVisible()
    dialog = tab.add_consent()
    dialog.recipient.set_agency(first_agency_id(ctx.vault, "Jobcenter"))
    dialog.categories.boxes["identity"].setChecked(True)
    dialog.categories.boxes["health"].setChecked(True)
    assert "special category" in dialog.categories.boxes["health"].text()
    type_text(qtbot, dialog.purpose, "Referral to vocational training")
    dialog.given.set_value(date.today() - timedelta(days=3))
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    [consent] = ctx.detail["consents"]
    texts = tab.table.row_texts(consent["id"])
    assert texts[0] == "Jobcenter Kreis Emsbruch"
    assert texts[1] == "Identity, Health*"
    assert texts[3] == f"given {(date.today() - timedelta(days=3)).isoformat()}\nno end date"
    assert tab.state_text(consent["id"]) == "Valid"
    assert texts[5] == "—"

    tab.table.select_id(consent["id"])
    click(qtbot, tab.withdraw_button)
    withdraw = tab.active_dialog
    withdraw.set_date(date.today() - timedelta(days=1))
    click(qtbot, withdraw.save_button)
    qtbot.waitUntil(lambda: not withdraw.isVisible())
    assert tab.state_text(consent["id"]) == "Withdrawn"
    assert tab.table.row_texts(consent["id"])[3].endswith(
        "withdrawn " + (date.today() - timedelta(days=1)).isoformat())
    assert not tab.withdraw_button.isEnabled()  # cannot be withdrawn twice


def test_every_state_reads_in_words_and_colour(ctx, qtbot):
    agency = first_agency_id(ctx.vault, "Jobcenter")
    today = date.today()

    def consent(**dates):
        return add_consent(ctx.vault, case_id=ctx.case_id, recipient_id=agency, categories=["identity"],
                           purpose="p", **dates)

    valid = consent(given=today - timedelta(days=5))
    expiring = consent(given=today - timedelta(days=5), valid_until=today + timedelta(days=10))
    expired = consent(given=today - timedelta(days=90), valid_until=today - timedelta(days=1))
    ctx.changed()
    tab = ctx.open_tab(ConsentsTab, qtbot)
    assert tab.state_text(valid) == "Valid"
    assert tab.state_text(expiring) == "Expires in 10 days"
    assert tab.state_text(expired) == "Expired"
    from app.ui.case_view.entry_table import TONE_ROLE

    def tone(consent_id):
        tab.table.select_id(consent_id)
        return tab.table.item(tab.table.currentRow(), 4).data(TONE_ROLE)

    assert (tone(valid), tone(expiring), tone(expired)) == ("success", "warning", "error")


def test_a_consent_needs_a_category_and_a_recipient(ctx, qtbot):
    tab = ctx.open_tab(ConsentsTab, qtbot)
    dialog = tab.add_consent()
    type_text(qtbot, dialog.purpose, "Referral")
    click(qtbot, dialog.save_button)
    assert dialog.message.text() == "Choose the recipient from the agency directory."
    dialog.recipient.set_agency(first_agency_id(ctx.vault, "Jobcenter"))
    click(qtbot, dialog.save_button)
    assert dialog.message.text() == "A consent must name at least one data category."
    assert dialog.isVisible()


def test_attach_the_signed_form_links_a_consent_form_document(ctx, qtbot, tmp_path):
    agency = first_agency_id(ctx.vault, "Jobcenter")
    consent = add_consent(ctx.vault, case_id=ctx.case_id, recipient_id=agency, categories=["identity"], purpose="p")
    ctx.changed()
    tab = ctx.open_tab(ConsentsTab, qtbot)
    scan = tmp_path / "einwilligung.pdf"
    scan.write_bytes(b"%PDF-1.4 signed")
    tab.table.select_id(consent)
    assert not tab.open_form_button.isEnabled()
    click(qtbot, tab.form_button)
    chooser = tab.file_dialog
    chooser.setDirectory(str(tmp_path))
    chooser.selectFile(str(scan))
    chooser.accept()
    qtbot.waitUntil(lambda: ctx.detail["consents"][0]["document_id"] is not None)
    [document] = ctx.detail["documents"]
    assert document["doc_type"] == "consent_form"
    assert document["filename"] == "einwilligung.pdf"
    assert ctx.detail["consents"][0]["document_id"] == document["id"]
    assert tab.table.row_texts(consent)[5] == "Attached"
    tab.table.select_id(consent)
    assert tab.open_form_button.isEnabled()
