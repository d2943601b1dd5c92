"""The case view's "shared with the team" switch writes the case's shared flag and shows what is stored."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.i18n import N_
from app.services.case_file import case_detail
from app.services.cases import create_case
from app.ui.case_view.case_view import CaseView
from app.ui.case_view.placeholder_tab import PlaceholderTab
from app.ui.case_view.tabs import CaseTabSpec

SPECS = [CaseTabSpec("one", N_("One"), lambda ctx: PlaceholderTab("one"))]


@pytest.fixture
def view(qtbot, vault):
    case = create_case(vault, given_names="Amina", family_name="Haddad")
    widget = CaseView(vault, case.case_id, ref=case.ref, tabs=SPECS)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.detail is not None)
    return widget


def test_a_new_case_shows_as_shared(view):
    assert view.share_switch.isVisible()
    assert view.share_switch.isChecked()
    assert view.share_switch.accessibleName()


def test_clicking_the_switch_makes_the_case_private_and_back(qtbot, vault, view):
    qtbot.mouseClick(view.share_switch, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.detail is not None and view.detail["shared"] is False)
    assert case_detail(vault, case_id=view.case_id)["shared"] is False
    assert not view.share_switch.isChecked()

    view.share_switch.setFocus()
    qtbot.keyClick(view.share_switch, Qt.Key.Key_Space)  # the keyboard does the same
    qtbot.waitUntil(lambda: view.detail["shared"] is True)
    assert case_detail(vault, case_id=view.case_id)["shared"] is True


def test_a_refused_write_puts_the_switch_back_and_says_why(qtbot, vault, view):
    view.context.case_id = "no-such-case"  # the service refuses: NotFoundError
    view.share_switch.click()
    assert view.share_switch.isChecked()  # still what is stored
    assert view.share_switch.last_box is not None and view.share_switch.last_box.isVisible()
    assert "Traceback" not in view.share_switch.last_box.text()
    view.share_switch.last_box.close()
