"""The casework tabs inside the real case view: made by the registry's factories, fed by the
view's off-thread loads, and reloaded through ``ctx.changed()`` after every write."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.ui.case_view import tabs as tab_registry
from app.ui.case_view.case_view import CaseView
from app.ui.case_view.casework_tabs import CASEWORK_TABS, register_casework_tabs
from tests.ui.casework_context import first_agency_id, make_case
from tests.ui.helpers import click, type_text


@pytest.fixture
def view(qtbot, vault):
    saved = list(tab_registry.CASE_TABS)
    register_casework_tabs()
    first_agency_id(vault)
    widget = CaseView(vault, make_case(vault, consent_to_case_management=True))
    qtbot.addWidget(widget)
    widget.resize(1240, 800)
    widget.show()
    qtbot.waitUntil(lambda: widget.detail is not None, timeout=10_000)
    yield widget
    tab_registry.CASE_TABS[:] = saved


def test_the_view_holds_every_casework_tab_in_order(view):
    keys = view.tab_keys()
    assert [key for key in keys if key in dict((k, 1) for k, _l, _t in CASEWORK_TABS)] == [
        key for key, _label, _target in CASEWORK_TABS]
    assert keys.index("contacts") > keys.index("goal_areas")
    from app.ui.case_view.contacts_tab import ContactsTab

    assert isinstance(view.tab("contacts"), ContactsTab)


def test_a_contact_and_a_consent_saved_in_their_tabs_reach_every_tab(view, qtbot):
    contacts = view.show_tab("contacts")
    click(qtbot, contacts.add_button)
    dialog = contacts.active_dialog
    dialog.kind.set_code("meeting")
    type_text(qtbot, dialog.note, "First meeting in the shelter")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: len(contacts.cards) == 1, timeout=10_000)
    assert contacts.cards[0].note_label.text() == "First meeting in the shelter"

    consents = view.show_tab("consents")
    dialog = consents.add_consent()
    agency = first_agency_id(view.context.vault, "Jobcenter")
    dialog.recipient.set_agency(agency)
    dialog.categories.boxes["identity"].setChecked(True)
    type_text(qtbot, dialog.purpose, "Referral")
    dialog.given.set_value(date.today() - timedelta(days=1))
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: len(consents.consents) == 1, timeout=10_000)
    assert consents.state_text(consents.consents[0]["id"]) == "Valid"

    # the referral dialog of another tab already knows the new consent
    referrals = view.show_tab("referrals")
    dialog = referrals.add_referral()
    dialog.agency.set_agency(agency)
    assert dialog.consent_badge.text() == "Consent valid"
    dialog.mark_clean()
    dialog.reject()


def test_an_open_entry_dialog_with_input_counts_as_unsaved_for_the_view(view, qtbot):
    barriers = view.show_tab("barriers")
    dialog = barriers.add_barrier()
    dialog.description.setPlainText("Waiting list at the VHS")
    assert barriers.has_unsaved_changes()
    assert barriers.save() is True
    qtbot.waitUntil(lambda: len(barriers.barriers) == 1, timeout=10_000)
    assert not barriers.has_unsaved_changes()
