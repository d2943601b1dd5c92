"""The agency directory page: list, search, add, edit, deactivate, and the refused delete."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services.agencies import list_agencies
from app.services.referrals import add_referral
from app.ui.pages.agencies_page import AgenciesPage
from tests.ui.casework_context import make_case
from tests.ui.helpers import click, type_text


@pytest.fixture
def page(vault, qtbot):
    widget = AgenciesPage(vault)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def by_name(vault, name):
    return next(a for a in list_agencies(vault, include_inactive=True) if a.name == name)


def test_the_default_directory_is_listed_and_searchable(page, qtbot):
    total = page.table.rowCount()
    assert total > 5
    type_text(qtbot, page.search, "jobcenter")
    assert page.table.rowCount() == 1
    assert page.table.row_texts(page.table.ids()[0])[:3] == [
        "Jobcenter Kreis Emsbruch", "Integration in Arbeit / U25-Team", "SGB II"]
    assert page.count.text() == f"1 of {total}"


def test_add_and_edit_an_agency_with_markup_in_its_name(page, vault, qtbot):
    click(qtbot, page.add_button)
    dialog = page.active_dialog
    dialog.fields["name"].setFocus()
    dialog.fields["name"].setText("<b>Ali & Söhne</b> Sprachschule")
    dialog.legal_domain.set_code("education")
    type_text(qtbot, dialog.fields["postcode"], "48911")
    type_text(qtbot, dialog.fields["city"], "Emsbruch")
    type_text(qtbot, dialog.fields["contact_person"], "Frau Yilmaz")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    agency = by_name(vault, "<b>Ali & Söhne</b> Sprachschule")
    assert (agency.legal_domain, agency.city, agency.contact_person) == ("education", "Emsbruch", "Frau Yilmaz")
    assert page.table.current_id() == agency.id  # the new row is selected
    assert page.table.row_texts(agency.id)[0] == "<b>Ali & Söhne</b> Sprachschule"  # shown literally

    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter edits
    dialog = page.active_dialog
    assert dialog.fields["name"].text() == "<b>Ali & Söhne</b> Sprachschule"
    dialog.fields["phone"].setText("02971 123")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert by_name(vault, "<b>Ali & Söhne</b> Sprachschule").phone == "02971 123"


def test_a_name_is_required(page, qtbot):
    dialog = page.add_agency()
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.message.text() == "The agency name is empty."


def test_deleting_an_agency_in_use_is_refused_with_the_services_message(page, vault, qtbot):
    jobcenter = by_name(vault, "Jobcenter Kreis Emsbruch")
    add_referral(vault, case_id=make_case(vault), agency_id=jobcenter.id)
    page.table.select_id(jobcenter.id)
    click(qtbot, page.delete_button)
    click(qtbot, page.last_box.confirm_button)
    qtbot.waitUntil(lambda: page.last_box is not None and "deactivate it instead" in page.last_box.informativeText())
    assert "The agency is named in 1 referral, consent or letter" in page.last_box.informativeText()
    page.last_box.accept()
    assert by_name(vault, "Jobcenter Kreis Emsbruch")  # still there

    page.table.select_id(jobcenter.id)
    assert page.active_button.text() == "De&activate"
    click(qtbot, page.active_button)
    assert not by_name(vault, "Jobcenter Kreis Emsbruch").active
    assert jobcenter.id not in page.table.ids()  # inactive ones are hidden
    page.show_inactive.setChecked(True)
    assert page.table.row_texts(jobcenter.id)[-1] == "Inactive"


def test_an_unused_agency_can_be_deleted(page, vault, qtbot):
    agency = by_name(vault, "Jobcenter Kreis Emsbruch")
    page.table.select_id(agency.id)
    click(qtbot, page.delete_button)
    click(qtbot, page.last_box.confirm_button)
    qtbot.waitUntil(lambda: agency.id not in page.table.ids())
    assert all(a.id != agency.id for a in list_agencies(vault, include_inactive=True))


def test_locking_clears_the_table_and_unlocking_reloads(page, vault, vault_dir, qtbot):
    from app.storage.vault import Vault
    from tests.conftest import TEST_PASSWORD

    rows = page.table.rowCount()
    page.on_vault_locked()
    assert page.table.rowCount() == 0
    vault.lock()
    page.on_vault_unlocked(Vault.unlock(vault_dir, TEST_PASSWORD))
    assert page.table.rowCount() == rows
    page.vault.lock()


def test_the_sidebar_opens_the_directory(qtbot, vault, settings):
    from app.ui.main_window import MainWindow

    window = MainWindow(vault, settings)
    qtbot.addWidget(window)
    assert isinstance(window.show_page("agencies"), AgenciesPage)
