"""The case view container: loads the case file off-thread, feeds every tab, reloads on change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from app.i18n import N_
from app.services.cases import create_case, update_case
from app.services.goal_areas import save_assessment
from app.ui.case_view import tabs as tab_registry
from app.ui.case_view.case_view import CaseView
from app.ui.case_view.tabs import CaseTabSpec, register_case_tab


class RecordingTab(QWidget):
    """A tab as features write them: renders the dict, may hold unsaved input, saves on request."""

    unsaved_changed = Signal(bool)

    def __init__(self, ctx) -> None:
        super().__init__()
        self.ctx = ctx
        self.shown: list[dict] = []
        self.edit = QLineEdit()
        self.saved_text = ""
        self.save_calls = 0
        QVBoxLayout(self).addWidget(self.edit)
        self.edit.textEdited.connect(lambda _text: self.unsaved_changed.emit(self.has_unsaved_changes()))

    def show_case(self, detail: dict) -> None:
        self.shown.append(detail)

    def has_unsaved_changes(self) -> bool:
        return self.edit.text() != self.saved_text

    def save(self) -> bool:
        self.save_calls += 1
        update_case(self.ctx.vault, case_id=self.ctx.case_id, intake_notes=self.edit.text())
        self.saved_text = self.edit.text()
        self.unsaved_changed.emit(False)
        self.ctx.changed()
        return True


SPECS = [CaseTabSpec("one", N_("One"), RecordingTab), CaseTabSpec("two", N_("Two"), RecordingTab)]


@pytest.fixture
def case(vault):
    return create_case(vault, given_names="Amina", family_name="Haddad", name_original="أمينة حداد",
                       birth_date="2001", consent_to_case_management=True)


@pytest.fixture
def view(qtbot, vault, case):
    widget = CaseView(vault, case.case_id, ref=case.ref, tabs=SPECS)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitUntil(lambda: widget.detail is not None, timeout=10_000)
    return widget


def test_every_tab_gets_the_loaded_case_file(view, case):
    for key in ("one", "two"):
        shown = view.tab(key).shown
        assert len(shown) == 1
        assert shown[0]["case_id"] == case.case_id
        assert shown[0]["name"] == "Amina Haddad"
    assert view.context.ref == case.ref
    assert view.header.name_label.text() == "Amina Haddad"
    assert view.header.original_label.text() == "أمينة حداد"
    assert view.header.age.value.text().startswith("about ")
    assert view.phase_cycle.current() == "intake"


def test_changed_reloads_and_shows_the_new_file_in_every_tab(qtbot, view, vault, case):
    save_assessment(vault, case_id=case.case_id, area="language", need_level=2, situation="A1 course waiting list")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.context.changed()
    for key in ("one", "two"):
        latest = view.tab(key).shown[-1]
        assert latest["goal_areas"]["language"]["need_level"] == 2


def test_next_phase_button_moves_the_case_and_says_what_is_missing_next(qtbot, view):
    assert view.next_phase_button.isVisible() and view.next_phase_button.isEnabled()
    assert "Assessment" in view.next_phase_button.text()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.next_phase_button.click()
    assert view.detail["phase"] == "assessment"
    assert view.phase_cycle.current() == "assessment"
    assert not view.next_phase_button.isEnabled()
    assert view.missing_label.text().startswith("Before Goals and plan: an assessment with a need level")


def test_unsaved_input_marks_the_tab_and_the_prompt_can_save_it(qtbot, view):
    qtbot.keyClicks(view.tab("two").edit, "call the foreign nationals office")
    assert view.has_unsaved_changes()
    assert view.tab_widget.tabText(1).endswith("•")

    def answer_save() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.findChild(QWidget, "saveButton").click()

    QTimer.singleShot(0, answer_save)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        assert view.confirm_leave() is True
    assert view.tab("two").save_calls == 1
    assert not view.has_unsaved_changes()
    assert view.detail["intake_notes"] == "call the foreign nationals office"


def test_cancel_in_the_prompt_keeps_the_case_open(qtbot, view):
    qtbot.keyClicks(view.tab("one").edit, "draft")
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().findChild(QWidget, "cancelButton").click())
    assert view.confirm_leave() is False
    assert view.tab("one").edit.text() == "draft"


def test_register_case_tab_replaces_in_place_or_inserts_before(monkeypatch):
    monkeypatch.setattr(tab_registry, "CASE_TABS", list(tab_registry.CASE_TABS))
    keys = [spec.key for spec in tab_registry.CASE_TABS]
    register_case_tab(CaseTabSpec("contacts", N_("Contacts"), RecordingTab))
    assert [spec.key for spec in tab_registry.CASE_TABS] == keys
    assert tab_registry.case_tab_spec("contacts").factory is RecordingTab
    register_case_tab(CaseTabSpec("letters", N_("Letters"), RecordingTab), before="deadlines")
    new_keys = [spec.key for spec in tab_registry.CASE_TABS]
    assert new_keys.index("letters") == new_keys.index("deadlines") - 1
    register_case_tab(CaseTabSpec("conflicts", N_("Conflicts"), RecordingTab))
    assert tab_registry.CASE_TABS[-1].key == "conflicts"


def test_a_tab_out_of_view_is_filled_when_it_is_first_shown(qtbot, view, vault, case):
    hidden = view.tab_widget.widget(1)  # the widget itself: tab() would fill it
    assert view.tab_widget.currentIndex() == 0 and hidden.shown == []
    view.sections.buttons[1].click()
    assert [detail["case_id"] for detail in hidden.shown] == [case.case_id]
    view.sections.buttons[0].click()
    update_case(vault, case_id=case.case_id, intake_notes="seen at the advice centre")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.context.changed()
    assert len(hidden.shown) == 1  # not refilled while out of view
    view.sections.buttons[1].click()
    assert hidden.shown[-1]["intake_notes"] == "seen at the advice centre"
