"""Measures tab: the Maßnahme-Karriere warning appears after the third failed measure in one area."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.services.measures import add_measure
from app.ui.case_view.measures_tab import MeasuresTab
from tests.ui.casework_context import CaseworkContext, make_case
from tests.ui.helpers import click, type_text


@pytest.fixture
def ctx(vault):
    return CaseworkContext(vault, make_case(vault))


def add_failed_course_through_the_dialog(tab, qtbot, title: str, outcome: str) -> None:
    click(qtbot, tab.add_button)
    dialog = tab.active_dialog
    type_text(qtbot, dialog.title, title)
    type_text(qtbot, dialog.provider, "VHS Emsbruch")
    dialog.area.set_code("language")
    dialog.kind.set_code("language_course")
    dialog.start.set_value(date.today() - timedelta(days=200))
    dialog.end.set_value(date.today() - timedelta(days=100))
    dialog.outcome.set_code(outcome)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_the_warning_appears_after_the_third_failed_measure_in_one_area(ctx, qtbot):
    tab = ctx.open_tab(MeasuresTab, qtbot)
    assert tab.empty.isVisible()
    add_failed_course_through_the_dialog(tab, qtbot, "Integrationskurs A2", "not_attained")
    add_failed_course_through_the_dialog(tab, qtbot, "Integrationskurs B1", "dropped_out")
    assert not tab.banner.isVisible()
    add_measure(ctx.vault, case_id=ctx.case_id, area="education_work", kind="training", title="Forklift licence",
                outcome="not_attained", end=date.today())
    ctx.changed()
    assert not tab.banner.isVisible()  # another area does not count

    add_failed_course_through_the_dialog(tab, qtbot, "Integrationskurs B1, second try", "not_attained")
    assert tab.banner.isVisible()
    assert "Maßnahme-Karriere" in tab.banner.title.text()
    assert "3 measures in “Language” ended without attainment." in tab.banner.text.text()
    # prominent: above the list
    assert tab.column.indexOf(tab.banner) < tab.column.indexOf(tab.table)

    measure = next(m for m in ctx.detail["measures"] if m["title"] == "Integrationskurs B1, second try")
    texts = tab.table.row_texts(measure["id"])
    period = f"{(date.today() - timedelta(days=200)).isoformat()} – {(date.today() - timedelta(days=100)).isoformat()}"
    assert texts == ["Integrationskurs B1, second try", "VHS Emsbruch", "Language", "Language course", period,
                     "Not attained"]


def test_a_finished_measure_cannot_end_in_the_future(ctx, qtbot):
    tab = ctx.open_tab(MeasuresTab, qtbot)
    dialog = tab.add_measure()
    type_text(qtbot, dialog.title, "Course")
    dialog.end.set_value(date.today() + timedelta(days=3))
    dialog.outcome.set_code("attained")
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert "lies in the future" in dialog.message.text()


def test_editing_the_outcome_clears_the_warning(ctx, qtbot):
    ids = [add_measure(ctx.vault, case_id=ctx.case_id, area="language", kind="language_course", title=f"K{n}",
                       outcome="dropped_out", end=date.today()).measure_id for n in range(3)]
    ctx.changed()
    tab = ctx.open_tab(MeasuresTab, qtbot)
    assert tab.banner.isVisible()
    dialog = tab.edit_measure(ids[0])
    dialog.outcome.set_code("attained")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not tab.banner.isVisible()
