"""The case view at 1280×800 in German: every part of the file in view, a compact header."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame

from app import i18n
from app.services.cases import create_case
from app.ui.case_view.agreement_tabs import register_agreement_tabs
from app.ui.case_view.case_view import CaseView

LOAD_TIMEOUT = 15_000


@pytest.fixture
def german():
    i18n.install("de")
    yield
    i18n.install("en")


@pytest.fixture
def view(qtbot, vault, german):
    case = create_case(vault, given_names="Robel", family_name="Weldemichael", name_original="ሮቤል ወልደሚካኤል",
                       birth_date="2004-06-12", consent_to_case_management=True)
    register_agreement_tabs()  # as the main window does: all twelve parts
    # As in the window at 1280×800: the sidebar and page margins leave about 1000×700 for the case.
    widget = CaseView(vault, case.case_id, ref=case.ref)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitUntil(lambda: widget.detail is not None and not widget.is_loading(), timeout=LOAD_TIMEOUT)
    return widget


def test_every_part_of_the_case_file_is_in_view_without_scrolling(view):
    assert not view.tab_widget.tabBar().isVisible()  # no tab bar, so no scroll arrows
    bar = view.sections
    assert [button.text() for button in bar.buttons] == [view.tab_widget.tabText(i)
                                                        for i in range(view.tab_widget.count())]
    assert "Aufenthaltsprüfung" in [button.text() for button in bar.buttons]
    for button in bar.buttons:
        geometry = button.geometry()
        assert button.isVisible() and geometry.left() >= 0 and geometry.right() <= bar.width()


def test_the_parts_follow_clicks_keys_and_the_tab_widget(qtbot, view):
    bar = view.sections
    agreements = view.tab_keys().index("agreements")
    bar.buttons[agreements].click()
    assert view.tab_widget.currentWidget() is view.tab("agreements")
    qtbot.keyClick(bar.buttons[agreements], Qt.Key.Key_Right)
    assert view.tab_widget.currentIndex() == agreements + 1 and bar.buttons[agreements + 1].isChecked()
    view.show_tab("person")
    assert bar.buttons[0].isChecked() and not bar.buttons[agreements + 1].isChecked()


def test_the_header_leaves_the_case_file_most_of_the_room(view):
    card = view.findChild(QFrame, "caseHeaderCard")
    # Name row, facts row, phase row and (for a new case) what the next phase needs: it was about 250.
    assert card.height() <= 175, card.height()
    assert view.tab_widget.height() >= 420
