"""Every casework tab follows the tab protocol: made by its factory from a context, renders
a real case file with ``show_case``, and answers the view's questions about unsaved input."""

from __future__ import annotations

import pytest

from app.ui.case_view.casework_tabs import CASEWORK_TABS
from app.ui.case_view.tabs import lazy_tab
from tests.ui.casework_context import CaseworkContext, make_case


@pytest.mark.parametrize(("key", "target"), [(key, target) for key, _label, target in CASEWORK_TABS])
def test_each_tab_is_made_by_its_factory_and_renders_the_case(vault, qtbot, key, target):
    ctx = CaseworkContext(vault, make_case(vault))
    tab = lazy_tab(target)(ctx)
    qtbot.addWidget(tab)
    tab.show_case(ctx.detail)
    assert tab.has_unsaved_changes() is False
    assert tab.save() is True


def test_the_tab_keys_are_those_of_the_workbench_brief():
    assert [key for key, _label, _target in CASEWORK_TABS] == [
        "contacts", "referrals", "consents", "barriers", "measures", "documents", "deadlines"]


def test_an_open_dialog_with_input_is_unsaved_and_save_submits_it(vault, qtbot):
    from app.ui.case_view.contacts_tab import ContactsTab

    ctx = CaseworkContext(vault, make_case(vault))
    tab = ctx.open_tab(ContactsTab, qtbot)
    dialog = tab.add_contact()
    assert not tab.has_unsaved_changes()
    dialog.note.setPlainText("Typed, then the user switched to another case")
    assert tab.has_unsaved_changes()
    assert tab.save() is True
    assert ctx.detail["contacts"][0]["note"] == "Typed, then the user switched to another case"
    assert not tab.has_unsaved_changes()


def test_registration_replaces_the_placeholders_in_place(restore_case_tabs):
    from app.ui.case_view import tabs
    from app.ui.case_view.casework_tabs import register_casework_tabs

    before = [spec.key for spec in tabs.CASE_TABS]
    register_casework_tabs()
    assert [spec.key for spec in tabs.CASE_TABS] == before  # same places, no duplicates
    for key, _label, target in CASEWORK_TABS:
        assert tabs.case_tab_spec(key).factory.__qualname__ == f"lazy_tab({target!r})"


@pytest.fixture
def restore_case_tabs():
    from app.ui.case_view import tabs

    saved = list(tabs.CASE_TABS)
    yield
    tabs.CASE_TABS[:] = saved
