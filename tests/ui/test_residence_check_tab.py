"""The residence check tab: the rule results for the person's facts, as of a chosen day."""

from __future__ import annotations

from datetime import date

from app.i18n import N_
from app.services.cases import create_case
from app.services.persons import update_person
from app.ui.case_view import tabs as tab_registry
from app.ui.case_view.agreement_tabs import register_agreement_tabs
from app.ui.case_view.case_view import CaseView
from app.ui.case_view.residence_check_tab import ResidenceCheckTab
from app.ui.case_view.tabs import CaseTabSpec

SPECS = [CaseTabSpec("residence", N_("Residence check"), ResidenceCheckTab)]


def open_tab(qtbot, vault, case) -> tuple[CaseView, ResidenceCheckTab]:
    view = CaseView(vault, case.case_id, ref=case.ref, tabs=SPECS)
    qtbot.addWidget(view)
    view.resize(1200, 900)
    view.show()
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)
    return view, view.show_tab("residence")


def test_25a_deadline_for_someone_born_on_29_february(qtbot, vault):
    case = create_case(vault, given_names="Yonas", family_name="Tesfay", birth_date="2000-02-29",
                       entry_date="2016-08-31", duldung_since="2019-03-15", school_years=4, german_level="B1",
                       identity_clarified=False)
    _view, tab = open_tab(qtbot, vault, case)
    with qtbot.waitSignal(tab.checked):
        tab.set_check_date(date(2026, 6, 1))

    card = tab.cards["25a"]
    assert card.deadline.text() == "2027-02-28"  # English: ISO dates, as everywhere
    assert card.deadline_left.text() == "272 days left"
    assert card.deadline_left.property("tone") == "accent"  # not yet under 90 days
    assert card.available.text() == "Available"
    assert card.title.text().startswith("§ 25a AufenthG")
    assert "born 2000-02-29" in tab.facts.text() and "German B1" in tab.facts.text()
    assert "Identity not clarified" in card.missing.text()
    assert tab.source.text().startswith("Rules version 2026-01-01 (in force on 2026-06-01).")
    assert set(tab.cards) == {"25a", "25b", "60c", "60d"}

    # Closer to the birthday the days left turn red, and the engine warns.
    with qtbot.waitSignal(tab.checked):
        tab.set_check_date(date(2027, 1, 10))
    assert card.deadline_left.text() == "49 days left"
    assert card.deadline_left.property("tone") == "danger"
    assert tab.warnings.isVisibleTo(tab) and "2027-02-28" in tab.warnings.text()


def test_a_birth_year_only_is_counted_conservatively_and_says_so(qtbot, vault):
    case = create_case(vault, given_names="Ali", family_name="Rahimi", birth_date="2001")
    _view, tab = open_tab(qtbot, vault, case)
    with qtbot.waitSignal(tab.checked):
        tab.set_check_date(date(2026, 6, 1))
    card = tab.cards["25a"]
    assert card.deadline.text() == "2027-12-31"
    assert card.notes.isVisibleTo(card)  # the caveat is shown without a click
    assert "Only the birth year is known (2001)" in card.notes.text()
    assert "2001-01-01" in card.notes.text()  # dates in the engine's sentences read as the window's dates
    # Above every card, in plain words: the dates are conservative because only the year is known.
    assert tab.partial_note.isVisibleTo(tab)
    assert "Only the birth year is known (2001)" in tab.partial_note.text()
    assert "calculated conservatively" in tab.partial_note.text()


def test_a_full_birth_date_needs_no_caveat(qtbot, vault):
    case = create_case(vault, given_names="Ali", family_name="Rahimi", birth_date="2001-04")
    _view, tab = open_tab(qtbot, vault, case)
    assert tab.partial_note.isVisibleTo(tab) and "birth month" in tab.partial_note.text()
    update_person(vault, case_id=case.case_id, birth_date="2001-04-17")
    with qtbot.waitSignal(_view.loaded, timeout=10_000):
        _view.context.changed()
    assert not tab.partial_note.isVisibleTo(tab)


def test_the_tab_follows_changes_of_the_person(qtbot, vault):
    case = create_case(vault, given_names="Ali", family_name="Rahimi", birth_date="1990-05-01")
    view, tab = open_tab(qtbot, vault, case)
    assert tab.cards["25a"].available.text() == "Not available"
    update_person(vault, case_id=case.case_id, birth_date="2004-05-01")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.context.changed()
    assert tab.cards["25a"].available.text() == "Available"
    assert tab.cards["25a"].notes_toggle.isVisibleTo(tab.cards["25a"])
    assert not tab.cards["25a"].notes.isVisibleTo(tab.cards["25a"])


def test_tabs_are_registered_after_person_and_after_goal_areas(monkeypatch):
    monkeypatch.setattr(tab_registry, "CASE_TABS", list(tab_registry.CASE_TABS))
    tab_registry.CASE_TABS[:] = [spec for spec in tab_registry.CASE_TABS if spec.key not in ("residence", "agreements")]
    register_agreement_tabs()
    register_agreement_tabs()  # twice changes nothing
    keys = [spec.key for spec in tab_registry.CASE_TABS]
    assert keys[:4] == ["person", "residence", "goal_areas", "agreements"]
    assert keys.count("residence") == 1 and keys.count("agreements") == 1
    assert tab_registry.case_tab_spec("residence").label == "Residence check"


def test_german_rule_cards_are_never_cut_off_at_the_side(qtbot, vault):
    from PySide6.QtWidgets import QApplication, QScrollArea

    from app import i18n

    case = create_case(vault, given_names="Omid", family_name="Karimi", birth_date="1998", entry_date="2026-04-06",
                       school_years=0, german_level="A1", identity_clarified=False)
    i18n.install("de")
    try:
        view = CaseView(vault, case.case_id, ref=case.ref, tabs=SPECS + [CaseTabSpec("other", N_("Other"), ResidenceCheckTab)])
        qtbot.addWidget(view)
        view.resize(1000, 800)  # the case view in a 1280-pixel window
        view.show()
        view.show_tab("other")  # the check runs while the residence tab is still hidden, as in the app
        qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)
        tab = view.show_tab("residence")
        for _round in range(5):
            QApplication.processEvents()
        scroll = tab.findChild(QScrollArea)
        assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width()
        assert scroll.horizontalScrollBar().maximum() == 0
    finally:
        i18n.install("en")
