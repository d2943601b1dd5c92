"""Barriers tab: record a barrier with its category label, the steering-group flag and the name check."""

from __future__ import annotations

import pytest

from app import i18n
from app.ui.case_view.barrier_dialog import category_label
from app.ui.case_view.barriers_tab import BarriersTab
from tests.ui.casework_context import CaseworkContext, make_case
from tests.ui.helpers import click, type_text


@pytest.fixture
def ctx(vault):
    return CaseworkContext(vault, make_case(vault, given_names="Amina", family_name="Haddad"))


def test_add_a_barrier(ctx, qtbot):
    tab = ctx.open_tab(BarriersTab, qtbot)
    assert tab.empty.isVisible()
    click(qtbot, tab.add_button)
    dialog = tab.active_dialog
    dialog.category.setCurrentIndex(dialog.category.findData("waiting_list"))
    assert dialog.category.currentText() == "Waiting list"
    type_text(qtbot, dialog.description, "No place in an integration course before next spring")
    dialog.area.set_code("language")
    type_text(qtbot, dialog.institution, "VHS")
    dialog.shareable.setChecked(True)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    [barrier] = ctx.detail["barriers"]
    assert barrier["category"] == "waiting_list" and barrier["shareable"] and barrier["structural"]
    texts = tab.table.row_texts(barrier["id"])
    assert texts[1:] == ["Waiting list", "Language", "VHS", "No place in an integration course before next spring",
                         "Structural", "Shareable"]
    assert tab.heading.count.text() == "1 barrier"


def test_a_shareable_description_must_not_name_the_person(ctx, qtbot):
    tab = ctx.open_tab(BarriersTab, qtbot)
    dialog = tab.add_barrier()
    type_text(qtbot, dialog.description, "The office sent Amina away twice")
    assert not dialog.name_warning.isVisible()  # not shared: the case file may name her
    dialog.shareable.setChecked(True)
    assert dialog.name_warning.isVisible()
    assert "Amina" in dialog.name_warning.text()
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert "must not contain the person's name" in dialog.message.text()
    dialog.description.setPlainText("The office sent the person away twice")
    assert not dialog.name_warning.isVisible()
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert ctx.detail["barriers"][0]["description"] == "The office sent the person away twice"


def test_category_labels_follow_the_interface_language():
    try:
        i18n.install("de")
        assert category_label("waiting_list") == "Warteliste"
    finally:
        i18n.install("en")
    assert category_label("waiting_list") == "Waiting list"
