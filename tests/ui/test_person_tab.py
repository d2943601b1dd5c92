"""The Person tab: partial birth dates, inline validation, only edited fields saved, residence documents."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.services.audit_queries import audit_entries
from app.services.cases import create_case
from app.services.persons import add_residence_document
from app.ui.case_view.case_view import CaseView
from tests.ui.helpers import click, type_text

TODAY = date.today()


@pytest.fixture
def case(vault):
    return create_case(vault, given_names="Yonas", family_name="Tesfaye", birth_date="1999-05-02",
                       nationalities=["ER"], languages=["ti"])


@pytest.fixture
def view(qtbot, vault, case):
    widget = CaseView(vault, case.case_id, ref=case.ref)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitUntil(lambda: widget.detail is not None, timeout=10_000)
    return widget


def save(qtbot, view, tab) -> None:
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        assert tab.save() is True


@pytest.mark.parametrize(("typed", "stored", "shown"), [
    ("2001", "2001", "2001"),
    ("03.2001", "2001-03", "2001-03"),  # German input is accepted; English shows ISO
    ("14.03.2001", "2001-03-14", "2001-03-14"),
])
def test_birth_date_accepts_year_month_or_full_date(qtbot, view, typed, stored, shown):
    tab = view.show_tab("person")
    tab.birth_date.clear()
    type_text(qtbot, tab.birth_date, typed)
    save(qtbot, view, tab)
    assert view.detail["person"]["birth_date"] == stored
    assert tab.birth_date.text() == shown
    assert view.header.age.value.text().startswith("about ") == (len(stored) == 4)


def test_a_bad_value_is_said_inline_and_nothing_is_saved(qtbot, view):
    tab = view.show_tab("person")
    tab.birth_date.clear()
    type_text(qtbot, tab.birth_date, "31.02.2001")
    type_text(qtbot, tab.school_years, "many")
    assert tab.save() is False
    message = tab.message.text()
    assert "does not exist in the calendar" in message and "school years" in message
    assert tab.birth_date.property("invalid") and tab.school_years.property("invalid")
    assert tab.has_unsaved_changes() and view.detail["person"]["birth_date"] == "1999-05-02"


def test_only_the_edited_fields_are_saved(qtbot, vault, view, case):
    tab = view.show_tab("person")
    assert tab.nationalities.codes() == ["ER"] and tab.languages.codes() == ["ti"]
    type_text(qtbot, tab.phone, "0170 1111111")
    tab.residence_status.setCurrentIndex(tab.residence_status.findData("gestattung"))
    assert tab.save_bar.state_label.text() == "Unsaved changes"
    save(qtbot, view, tab)
    assert view.detail["person"]["phone"] == "0170 1111111"
    assert view.detail["person"]["residence_status"] == "gestattung"
    with vault.session() as session:
        entries = audit_entries(session, case_id=case.case_id, action="person.update").rows
    assert [e.detail.rsplit(" ", 1)[-1] for e in entries] == ["fields=phone,residence_status"]
    assert tab.save_bar.state_label.text() == "Saved." and not tab.has_unsaved_changes()


def test_unknown_nationality_is_refused_before_saving(qtbot, view):
    tab = view.show_tab("person")
    tab.nationalities.clear()
    type_text(qtbot, tab.nationalities, "Atlantis")
    assert tab.save() is False
    assert "'Atlantis' is not a name Lotse knows" in tab.message.text()


def test_residence_documents_expired_greyed_expiring_highlighted(qtbot, vault, view, case):
    add_residence_document(vault, case_id=case.case_id, doc_type="duldung", paragraph="§ 60a AufenthG",
                           issued=TODAY - timedelta(days=200), valid_until=TODAY - timedelta(days=20))
    add_residence_document(vault, case_id=case.case_id, doc_type="duldung", paragraph="§ 60a AufenthG",
                           issued=TODAY - timedelta(days=19), valid_until=TODAY + timedelta(days=12))
    tab = view.show_tab("person")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.context.changed()
    assert tab.documents_table.rowCount() == 2
    assert [tab.document_row_state(row) for row in range(2)] == ["expiring", "expired"]

    tab.documents_table.selectRow(1)
    click(qtbot, tab.edit_document_button)
    dialog = tab.document_dialog
    assert dialog.paragraph.text() == "§ 60a AufenthG"
    dialog.valid_until.setText((TODAY + timedelta(days=90)).isoformat())
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        click(qtbot, dialog.ok_button)
    assert sorted(tab.document_row_state(row) for row in range(2)) == ["expiring", "valid"]


def test_an_unsaved_field_survives_a_reload_while_others_refresh(qtbot, vault, view, case):
    tab = view.show_tab("person")
    type_text(qtbot, tab.email, "yonas@example.org")
    add_residence_document(vault, case_id=case.case_id, doc_type="gestattung", valid_until=TODAY + timedelta(days=100))
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.context.changed()
    assert tab.email.text() == "yonas@example.org" and tab.has_unsaved_changes()
    assert tab.residence_status.currentData() == "gestattung"  # not edited here: shows the new value
    assert tab.documents_table.rowCount() == 1
