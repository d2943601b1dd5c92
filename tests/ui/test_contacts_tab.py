"""The contact log tab on a real vault: add, see in the timeline, filter, edit, delete."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from app.services.contacts import add_contact
from app.ui.case_view.contact_card import folded
from app.ui.case_view.contacts_tab import ContactsTab
from tests.ui.casework_context import CaseworkContext, make_case
from tests.ui.helpers import click, type_text


@pytest.fixture
def ctx(vault):
    return CaseworkContext(vault, make_case(vault))


def test_a_new_case_shows_the_empty_state(ctx, qtbot):
    tab = ctx.open_tab(ContactsTab, qtbot)
    assert tab.empty.isVisible()
    assert not tab.scroll.isVisible()
    assert tab.heading.count.text() == "0 contacts"


def test_adding_a_contact_through_the_dialog_shows_it_in_the_timeline(ctx, qtbot):
    tab = ctx.open_tab(ContactsTab, qtbot)
    click(qtbot, tab.add_button)
    dialog = tab.active_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.kind.set_code("phone")
    dialog.duration.setValue(30)
    dialog.areas.boxes["language"].setChecked(True)
    dialog.areas.boxes["education_work"].setChecked(True)
    type_text(qtbot, dialog.note, "Talked about the B1 course at the VHS")
    click(qtbot, dialog.save_button)

    qtbot.waitUntil(lambda: len(tab.cards) == 1)
    assert not dialog.isVisible()
    card = tab.cards[0]
    assert card.date_label.text() == date.today().isoformat()
    assert card.kind_label.text() == "Phone call"
    assert card.duration_label.text() == "30 min"
    assert [chip.text() for chip in card.chips] == ["Language", "Education and work"]
    assert card.note_label.text() == "Talked about the B1 course at the VHS"
    assert ctx.detail["contacts"][0]["areas"] == ["language", "education_work"]


def test_timeline_is_newest_first_and_filters_by_kind(ctx, qtbot):
    today = date.today()
    old = add_contact(ctx.vault, case_id=ctx.case_id, kind="meeting", date=today - timedelta(days=40), note="first")
    call = add_contact(ctx.vault, case_id=ctx.case_id, kind="phone", date=today - timedelta(days=10), note="call")
    new = add_contact(ctx.vault, case_id=ctx.case_id, kind="meeting", date=today - timedelta(days=2), note="latest")
    ctx.changed()
    tab = ctx.open_tab(ContactsTab, qtbot)
    assert tab.visible_contact_ids() == [new, call, old]

    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData("meeting"))
    assert tab.visible_contact_ids() == [new, old]
    assert tab.heading.count.text() == "2 of 3"
    assert tab.reset_button.isVisible()

    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData("home_visit"))
    assert tab.visible_contact_ids() == []
    assert tab.no_match.isVisible()

    click(qtbot, tab.reset_button)
    assert tab.visible_contact_ids() == [new, call, old]


def test_filters_by_goal_area_text_and_period(ctx, qtbot):
    today = date.today()
    a = add_contact(ctx.vault, case_id=ctx.case_id, kind="meeting", date=today - timedelta(days=200),
                    areas=["health"], note="Appointment with Dr. Weber arranged")
    b = add_contact(ctx.vault, case_id=ctx.case_id, kind="phone", date=today - timedelta(days=5),
                    areas=["language"], participants="VHS office", note="Course starts in May")
    ctx.changed()
    tab = ctx.open_tab(ContactsTab, qtbot)

    tab.area_filter.setCurrentIndex(tab.area_filter.findData("health"))
    assert tab.visible_contact_ids() == [a]
    tab.reset_filters()

    type_text(qtbot, tab.search, "vhs")  # finds the participants too
    assert tab.visible_contact_ids() == [b]
    tab.reset_filters()

    tab.period_filter.setCurrentIndex(tab.period_filter.findData("30"))
    assert tab.visible_contact_ids() == [b]
    tab.period_filter.setCurrentIndex(tab.period_filter.findData("custom"))
    assert tab.date_from.isVisible()
    tab.date_from.set_value(today - timedelta(days=300))
    tab.date_to.set_value(today - timedelta(days=100))
    assert tab.visible_contact_ids() == [a]


def test_a_case_conference_without_participants_is_refused_inside_the_dialog(ctx, qtbot):
    tab = ctx.open_tab(ContactsTab, qtbot)
    dialog = tab.add_contact()
    dialog.kind.set_code("case_conference")
    assert "*" in dialog.participants_label.text()
    type_text(qtbot, dialog.note, "Round table")
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.message.text() == "A case conference needs its participants."
    type_text(qtbot, dialog.participants, "Jobcenter, school social worker")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    card = tab.cards[0]
    assert card.participants_label.text() == "Participants: Jobcenter, school social worker"
    assert card.participants_label.isVisibleTo(card)


def test_edit_and_delete_a_contact(ctx, qtbot):
    contact_id = add_contact(ctx.vault, case_id=ctx.case_id, kind="meeting", note="Typo in the note")
    ctx.changed()
    tab = ctx.open_tab(ContactsTab, qtbot)
    click(qtbot, tab.card(contact_id).edit_button)
    dialog = tab.active_dialog
    assert dialog.note.toPlainText() == "Typo in the note"
    assert not dialog.has_unsaved_input()
    dialog.note.setPlainText("Corrected note")
    assert dialog.has_unsaved_input()
    assert tab.has_unsaved_changes()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert tab.card(contact_id).note_label.text() == "Corrected note"
    assert not tab.has_unsaved_changes()

    click(qtbot, tab.card(contact_id).delete_button)
    box = tab.last_box
    click(qtbot, box.confirm_button)
    qtbot.waitUntil(lambda: tab.visible_contact_ids() == [])
    assert ctx.detail["contacts"] == []


def test_long_notes_are_folded_and_expand(ctx, qtbot):
    long_note = "\n".join(f"Line {n}: we went through the letter from the Ausländerbehörde." for n in range(12))
    add_contact(ctx.vault, case_id=ctx.case_id, kind="meeting", note=long_note)
    ctx.changed()
    tab = ctx.open_tab(ContactsTab, qtbot)
    card = tab.cards[0]
    assert card.note_label.text() == folded(long_note)
    assert card.note_label.text().endswith("…")
    assert card.expand_button.isVisibleTo(card)
    click(qtbot, card.expand_button)
    assert card.note_label.text() == long_note
    assert card.expand_button.text() == "Show less"


def test_markup_in_a_note_is_shown_literally(ctx, qtbot):
    add_contact(ctx.vault, case_id=ctx.case_id, kind="meeting", participants="<i>Amt</i>",
                note="Met <b>Ali & Söhne</b> about the flat")
    ctx.changed()
    tab = ctx.open_tab(ContactsTab, qtbot)
    card = tab.cards[0]
    assert card.note_label.textFormat() == Qt.TextFormat.PlainText
    assert card.note_label.text() == "Met <b>Ali & Söhne</b> about the flat"
    assert card.participants_label.textFormat() == Qt.TextFormat.PlainText
    assert card.participants_label.text() == "Participants: <i>Amt</i>"


def test_many_contacts_are_shown_a_page_at_a_time(ctx, qtbot):
    for n in range(55):
        add_contact(ctx.vault, case_id=ctx.case_id, kind="phone", date=date.today() - timedelta(days=n), note=str(n))
    ctx.changed()
    tab = ctx.open_tab(ContactsTab, qtbot)
    assert len(tab.cards) == 50
    assert tab.more_button is not None
    click(qtbot, tab.more_button)
    assert len(tab.cards) == 55
