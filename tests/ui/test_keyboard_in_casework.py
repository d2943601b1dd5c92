"""The keyboard paths of daily casework: Ctrl+F, the intake form and the fulfil dialog in reading order,
every control of both dialogs named for assistive technology."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.i18n import N_
from app.ui.case_view.agreements_tab import AgreementsTab
from app.ui.case_view.case_view import CaseView
from app.ui.case_view.fulfil_step_dialog import FulfilStepDialog
from app.ui.case_view.tabs import CaseTabSpec
from tests.ui import test_case_workflow as workflow
from tests.ui.agreement_cases import case_with_overdue_step
from tests.ui.test_keyboard_and_accessibility import tab_through, unnamed_controls

LOAD_TIMEOUT = 10_000
window = workflow.window  # the same main-window fixture as the case workflow
cases_page = workflow.cases_page


def first_visits(visited: list[QWidget], fields: list[QWidget]) -> list[int]:
    """For each field, the first Tab step at which it (or a part of it) had the focus; -1 if never."""
    def holds(field: QWidget, focus: QWidget | None) -> bool:
        return focus is not None and (focus is field or field.isAncestorOf(focus))

    return [next((i for i, focus in enumerate(visited) if holds(field, focus)), -1) for field in fields]


def test_ctrl_f_jumps_from_the_list_to_the_search(qtbot, window):
    page = cases_page(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_field.hasFocus()


def test_the_intake_form_is_tabbed_through_in_reading_order(qtbot, window):
    page = cases_page(qtbot, window)
    page.new_case()
    dialog = page.new_case_dialog
    fields = [dialog.given_names, dialog.family_name, dialog.name_original, dialog.birth_date, dialog.gender,
              dialog.nationality, dialog.languages, dialog.phone, dialog.address, dialog.case_type,
              dialog.intake_source, dialog.consent, dialog.programme_kim, dialog.programme_gk, dialog.notes,
              dialog.cancel_button, dialog.create_button]
    visited = tab_through(qtbot, dialog, dialog.given_names, 40)
    steps = first_visits(visited, fields)
    assert -1 not in steps, [type(f).__name__ for f, s in zip(fields, steps, strict=True) if s == -1]
    assert steps == sorted(steps)
    assert unnamed_controls(dialog) == []
    dialog.reject()


def test_the_fulfil_dialog_is_tabbed_through_in_reading_order_and_enter_records(qtbot, vault):
    case, _agreement = case_with_overdue_step(vault)
    view = CaseView(vault, case.case_id, ref=case.ref,
                    tabs=[CaseTabSpec("agreements", N_("Agreements"), AgreementsTab)])
    qtbot.addWidget(view)
    view.resize(1200, 900)
    view.show()
    qtbot.waitUntil(lambda: view.detail is not None, timeout=LOAD_TIMEOUT)
    tab = view.show_tab("agreements")
    tab.chain.card_at(1).trigger("fulfil")
    dialog = tab.dialog
    assert isinstance(dialog, FulfilStepDialog)
    qtbot.waitUntil(dialog.isVisible)

    visited = tab_through(qtbot, dialog, dialog.on, 8)
    steps = first_visits(visited, [dialog.on, dialog.proof, dialog.add_scan_button])
    assert -1 not in steps and steps == sorted(steps)
    assert dialog.ok_button in visited or dialog.cancel_button in visited  # the buttons are reachable too
    assert unnamed_controls(dialog) == []

    # Enter in the date field records the step (OK is the default button).
    dialog.on.setFocus()
    with qtbot.waitSignal(view.loaded, timeout=LOAD_TIMEOUT):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert tab.selected().steps[0].state == "fulfilled"
