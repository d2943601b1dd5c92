"""How deadlines read on screen, and which case tab a deadline opens."""

from __future__ import annotations

from datetime import date

from app.services.deadline_item import DeadlineItem
from app.ui.case_opening import tab_for_deadline_source
from app.ui.deadline_texts import due_text, group_deadlines, source_label, with_local_dates

TODAY = date(2026, 11, 21)


def item(due: date) -> DeadlineItem:
    return DeadlineItem("c", "2026-0001", "N", "review", due, due < TODAY, "manual", "")


def test_due_text():
    assert due_text(date(2026, 11, 16), TODAY) == "overdue by 5 days"
    assert due_text(date(2026, 11, 20), TODAY) == "overdue by 1 day"
    assert due_text(TODAY, TODAY) == "due today"
    assert due_text(date(2026, 11, 22), TODAY) == "due tomorrow"
    assert due_text(date(2026, 12, 1), TODAY) == "in 10 days"


def test_groups_overdue_this_week_next_week():
    days = [date(2026, 11, 1), TODAY, date(2026, 11, 27), date(2026, 11, 28), date(2026, 12, 5)]
    groups = group_deadlines([item(day) for day in days], TODAY)
    assert [[i.due for i in items] for items in groups.values()] == [
        [date(2026, 11, 1)], [TODAY, date(2026, 11, 27)], [date(2026, 11, 28), date(2026, 12, 5)]]
    assert list(groups) == ["overdue", "this_week", "next_week"]


def test_iso_dates_in_engine_texts_read_the_german_way():
    assert with_local_dates("Duldung valid until 2026-12-01; see 2027-02-28.") == \
        "Duldung valid until 2026-12-01; see 2027-02-28."  # English: ISO, as everywhere in the window
    assert with_local_dates("not a day: 2026-13-45") == "not a day: 2026-13-45"
    assert with_local_dates("BT-Drs. 20/3717, S. 43") == "BT-Drs. 20/3717, S. 43"


def test_iso_dates_in_texts_read_as_german_dates_in_the_german_interface(monkeypatch):
    from app import i18n

    i18n.install("de")
    try:
        assert with_local_dates("gültig bis 2026-12-01; siehe 2027-02-28.") == "gültig bis 01.12.2026; siehe 28.02.2027."
    finally:
        i18n.install("en")


def test_sources_in_words_and_the_tab_they_open():
    assert source_label("rule:25a") == "Residence rules · § 25a"
    assert source_label("agreement_step:abc") == "Agreement"
    assert source_label("manual") == "Entered by hand"
    assert [tab_for_deadline_source(s) for s in ("agreement_step:1", "rule:25a", "residence_document:9", "passport",
                                                  "consent:2", "goal:3", "manual", "import")] == [
        "agreements", "residence", "person", "person", "consents", "goal_areas", "deadlines", "deadlines"]
