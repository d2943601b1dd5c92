"""Deadlines tab: overdue in red with 'overdue by N days', add by hand, mark done."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.services.deadlines import add_deadline
from app.ui.case_view.deadlines_tab import DeadlinesTab
from app.ui.case_view.entry_table import TONE_ROLE
from tests.ui.casework_context import CaseworkContext, make_case
from tests.ui.helpers import click, type_text


@pytest.fixture
def ctx(vault):
    return CaseworkContext(vault, make_case(vault))


def tone(tab, deadline_id):
    tab.table.select_id(deadline_id)
    return tab.table.item(tab.table.currentRow(), 4).data(TONE_ROLE)


def test_overdue_deadlines_say_by_how_many_days_in_red(ctx, qtbot):
    today = date.today()
    overdue = add_deadline(ctx.vault, case_id=ctx.case_id, kind="duldung_expiry", due=today - timedelta(days=3))
    one_day = add_deadline(ctx.vault, case_id=ctx.case_id, kind="review", due=today - timedelta(days=1))
    soon = add_deadline(ctx.vault, case_id=ctx.case_id, kind="passport_expiry", due=today + timedelta(days=5))
    later = add_deadline(ctx.vault, case_id=ctx.case_id, kind="review", due=today + timedelta(days=60))
    ctx.changed()
    tab = ctx.open_tab(DeadlinesTab, qtbot)
    assert tab.table.ids() == [overdue, one_day, soon, later]
    assert tab.status_text(overdue) == "Overdue by 3 days"
    assert tab.status_text(one_day) == "Overdue by 1 day"
    assert tab.status_text(soon) == "Due in 5 days"
    assert tone(tab, overdue) == "error" and tone(tab, soon) == "warning" and tone(tab, later) == "neutral"
    assert tab.heading.count.text() == "4 open · 2 overdue"
    assert tab.table.row_texts(overdue)[:2] == [(today - timedelta(days=3)).isoformat(), "Duldung expires"]


def test_add_a_manual_deadline_and_mark_it_done(ctx, qtbot):
    tab = ctx.open_tab(DeadlinesTab, qtbot)
    assert tab.empty.isVisible()
    click(qtbot, tab.add_button)
    dialog = tab.active_dialog
    dialog.kind.set_code("other")
    dialog.due.set_value(date.today())
    type_text(qtbot, dialog.note, "Bring the school certificate")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [deadline] = ctx.detail["deadlines"]
    assert deadline["source"] == "manual"
    assert tab.table.row_texts(deadline["id"])[2:] == ["Bring the school certificate", "Entered by hand", "Due today"]

    tab.table.select_id(deadline["id"])
    assert tab.done_button.text() == "Mark &done"
    click(qtbot, tab.done_button)
    assert ctx.detail["deadlines"][0]["done"] is True
    assert tab.table.ids() == []  # done ones are hidden unless asked for
    tab.show_done.setChecked(True)
    assert tab.status_text(deadline["id"]) == "Done on " + date.today().isoformat()
    tab.table.select_id(deadline["id"])
    assert tab.done_button.text() == "&Reopen"
    click(qtbot, tab.done_button)
    assert ctx.detail["deadlines"][0]["done"] is False


def test_only_manual_deadlines_can_be_deleted(ctx, qtbot):
    derived = add_deadline(ctx.vault, case_id=ctx.case_id, kind="passport_expiry", due=date.today(), source="passport")
    manual = add_deadline(ctx.vault, case_id=ctx.case_id, kind="other", due=date.today())
    ctx.changed()
    tab = ctx.open_tab(DeadlinesTab, qtbot)
    tab.table.select_id(derived)
    assert not tab.delete_button.isEnabled()
    tab.table.select_id(manual)
    click(qtbot, tab.delete_button)
    click(qtbot, tab.last_box.confirm_button)
    qtbot.waitUntil(lambda: [d["id"] for d in ctx.detail["deadlines"]] == [derived])


def test_dates_from_the_case_file_itself_are_listed_and_marked_done_at_their_source(ctx, qtbot):
    """A Duldung's expiry and the passport's end live in the case file, not as stored rows;
    the tab lists them with their source (as the overview does) but cannot tick them off."""
    from app.services.persons import add_residence_document, update_person

    today = date.today()
    add_residence_document(ctx.vault, case_id=ctx.case_id, doc_type="duldung", paragraph="60a",
                           issued=today - timedelta(days=100), valid_until=today + timedelta(days=20))
    update_person(ctx.vault, case_id=ctx.case_id, passport_valid_until=today + timedelta(days=40))
    manual = add_deadline(ctx.vault, case_id=ctx.case_id, kind="other", due=today + timedelta(days=30))
    ctx.changed()
    tab = ctx.open_tab(DeadlinesTab, qtbot)

    rows = {tuple(tab.table.row_texts(row_id)[:2]): row_id for row_id in tab.table.ids()}
    duldung = rows[((today + timedelta(days=20)).isoformat(), "Duldung expires")]
    passport = rows[((today + timedelta(days=40)).isoformat(), "Passport expires")]
    assert manual in tab.table.ids()
    assert tab.table.row_texts(duldung)[3] == "Residence document"
    assert tab.status_text(passport) == "Due in 40 days"

    tab.table.select_id(duldung)
    assert not tab.done_button.isEnabled() and not tab.delete_button.isEnabled()
    assert "Residence document" in tab.done_button.toolTip()
    tab.table.select_id(manual)
    assert tab.done_button.isEnabled()
