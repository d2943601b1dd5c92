"""Worked cases of the residence-law check; every expected date is written out by hand.

The rules are those of resources/rules/aufenthg-2026-01-01.json: § 25a 3 years'
stay, 12 months Duldung, apply before turning 27; § 25b 6 years (4 with a minor
child); § 60c 3 months Duldung; § 60d entry by 31.12.2022, 12 months Duldung,
12 months' work of at least 20 h/week.
"""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import UsageError, ValidationError
from app.services.residence import (
    Facts,
    check_residence,
    rule_deadlines,
    rules_in_force,
    uninterrupted_stay_since,
)

ON = date(2026, 11, 21)

WELL_INTEGRATED = {
    "entry_date": "2021-08-31",
    "duldung_since": "2024-11-30",
    "school_years": 3,
    "identity_clarified": True,
}


def check(on: date = ON, **facts):
    return check_residence(Facts.from_mapping(facts), on)


def codes(result) -> list[str]:
    return [finding.code for finding in result.missing]


# --- § 25a: the 27th birthday -------------------------------------------------------------------

def test_born_on_29_february_2000_the_last_day_for_25a_is_28_february_2027():
    result = check(birth_date="2000-02-29", **WELL_INTEGRATED).rules["25a"]

    assert result.application_deadline == date(2027, 2, 28)
    # Stay: entry 31.08.2021 + 3 years -> 01.09.2024; Duldung: 30.11.2024 + 12 months -> 01.12.2025.
    assert result.requirements_met_on == date(2025, 12, 1)
    assert result.available is True
    assert result.missing == []
    assert any("28 February" in note and "2027-02-28" in note for note in result.notes)


def test_29_february_birthday_on_its_last_day_and_the_day_after():
    last_day = check(date(2027, 2, 28), birth_date="2000-02-29", **WELL_INTEGRATED)
    assert last_day.rules["25a"].available is True
    assert any(warning.startswith("2027-02-28, today:") for warning in last_day.warnings)

    too_late = check(date(2027, 3, 1), birth_date="2000-02-29", **WELL_INTEGRATED).rules["25a"]
    assert too_late.available is False
    assert codes(too_late) == ["age_limit_passed"]


def test_the_warning_comes_90_days_before_the_last_day_and_not_91():
    # 30.11.2026 -> 28.02.2027: 31 + 31 + 28 = 90 days.
    warned = check(date(2026, 11, 30), birth_date="2000-02-29", **WELL_INTEGRATED)
    assert any(
        "2027-02-28, in 90 days" in warning and "turns 27 on 2027-03-01" in warning for warning in warned.warnings
    )
    not_yet = check(date(2026, 11, 29), birth_date="2000-02-29", **WELL_INTEGRATED)
    assert not any("2027-02-28" in warning for warning in not_yet.warnings)


def test_someone_who_turns_27_tomorrow_can_apply_today_only():
    today = check(date(2026, 11, 21), birth_date="1999-11-22", **WELL_INTEGRATED)
    result = today.rules["25a"]
    assert result.application_deadline == date(2026, 11, 21)
    assert result.available is True
    assert any(warning.startswith("2026-11-21, today:") for warning in today.warnings)

    tomorrow = check(date(2026, 11, 22), birth_date="1999-11-22", **WELL_INTEGRATED).rules["25a"]
    assert tomorrow.available is False


def test_someone_already_over_27_cannot_use_25a():
    result = check(birth_date="1995-05-10", **WELL_INTEGRATED).rules["25a"]

    assert result.application_deadline == date(2022, 5, 9)
    assert result.available is False
    assert codes(result) == ["age_limit_passed"]
    assert "2022-05-09" in result.missing[0].text


def test_time_requirements_reached_only_after_the_27th_birthday_can_never_be_met():
    # Entry 01.03.2025 + 3 years -> 02.03.2028, but the last day to apply is 14.06.2027.
    result = check(
        birth_date="2000-06-15", entry_date="2025-03-01", duldung_since="2025-06-01",
        school_years=3, identity_clarified=True,
    ).rules["25a"]

    assert result.application_deadline == date(2027, 6, 14)
    assert result.requirements_met_on is None
    assert result.available is False
    assert codes(result) == ["time_after_deadline"]
    assert "2028-03-02" in result.missing[0].text


def test_a_12_year_old_meets_25a_only_at_14():
    result = check(
        birth_date="2014-05-10", entry_date="2020-01-01", duldung_since="2021-01-01",
        school_years=5, identity_clarified=True,
    ).rules["25a"]

    assert result.requirements_met_on == date(2028, 5, 10)
    assert codes(result) == ["min_age"]


# --- partial birth dates --------------------------------------------------------------------------

def test_year_only_birth_date_takes_1_january_for_the_deadline_and_says_so():
    result = check(birth_date="2001", **WELL_INTEGRATED).rules["25a"]

    # Earliest possible birthday 01.01.2001: turns 27 on 01.01.2028, last day 31.12.2027.
    assert result.application_deadline == date(2027, 12, 31)
    assert any("Only the birth year is known (2001)" in note and "2001-01-01" in note for note in result.notes)


def test_month_only_birth_date_takes_the_first_of_the_month():
    result = check(birth_date="2001-06", **WELL_INTEGRATED).rules["25a"]

    assert result.application_deadline == date(2028, 5, 31)
    assert any("Only the birth month is known (2001-06)" in note for note in result.notes)


def test_year_only_birth_date_past_the_earliest_deadline_points_to_the_latest_possible_one():
    result = check(date(2028, 3, 1), birth_date="2001", **WELL_INTEGRATED).rules["25a"]

    assert result.available is False
    # Latest possible birthday 31.12.2001: turns 27 on 31.12.2028, so it could be 30.12.2028.
    assert any("could be as late as 2028-12-30" in note for note in result.notes)


def test_year_only_birth_date_takes_31_december_for_the_minimum_age():
    result = check(birth_date="2014", entry_date="2020-01-01", duldung_since="2021-01-01").rules["25a"]

    assert result.requirements_met_on == date(2028, 12, 31)


# --- § 25b: 6 years, 4 with a minor child --------------------------------------------------------

def test_25b_needs_six_years_without_a_minor_child():
    result = check(minor_child=False, german_level="A2", **WELL_INTEGRATED).rules["25b"]

    assert result.requirements_met_on == date(2027, 9, 1)
    assert codes(result) == ["stay"]
    assert result.application_deadline is None
    assert result.available is True


def test_25b_needs_four_years_with_a_minor_child():
    result = check(minor_child=True, german_level="B1", **WELL_INTEGRATED).rules["25b"]

    assert result.requirements_met_on == date(2025, 9, 1)
    assert result.missing == []


def test_25b_counts_six_years_when_it_is_unknown_whether_a_child_lives_with_the_person():
    result = check(german_level="A2", **WELL_INTEGRATED).rules["25b"]

    assert result.requirements_met_on == date(2027, 9, 1)
    assert any("4 years suffice, complete on 2025-09-01" in note for note in result.notes)


def test_25b_with_german_below_a2():
    result = check(minor_child=True, german_level="A1", **WELL_INTEGRATED).rules["25b"]

    assert codes(result) == ["german"]
    assert "A1" in result.missing[0].text and "A2" in result.missing[0].text


# --- § 60c -----------------------------------------------------------------------------------------

def test_60c_three_months_of_duldung_from_30_november():
    before = check(date(2026, 2, 28), duldung_since="2025-11-30", identity_clarified=True).rules["60c"]
    assert before.requirements_met_on == date(2026, 3, 1)
    assert codes(before) == ["duldung"]
    assert "complete on 2026-03-01" in before.missing[0].text

    on_the_day = check(date(2026, 3, 1), duldung_since="2025-11-30", identity_clarified=True).rules["60c"]
    assert on_the_day.missing == []
    assert any("at the earliest 7 months before the training" in note for note in on_the_day.notes)


def test_60c_identity_deadline_six_months_after_an_entry_since_2020():
    facts = Facts.from_mapping({"entry_date": "2026-09-15", "identity_clarified": False})

    deadlines = rule_deadlines(facts, ON)

    identity = [deadline for deadline in deadlines if deadline.kind == "other"]
    assert [(deadline.due, deadline.source) for deadline in identity] == [(date(2027, 3, 15), "rule:60c")]


# --- § 60d -----------------------------------------------------------------------------------------

EMPLOYED = {"duldung_since": "2022-01-01", "employment_since": "2025-06-30", "german_level": "A2",
            "identity_clarified": True}


def test_60d_twelve_months_of_work_at_20_hours():
    result = check(entry_date="2022-12-31", weekly_hours=20, **EMPLOYED).rules["60d"]

    # 30.06.2025 + 12 months -> 30.06.2026, complete on 01.07.2026.
    assert result.requirements_met_on == date(2026, 7, 1)
    assert result.missing == []
    assert result.available is True


def test_60d_at_19_hours_a_week_the_employment_does_not_count():
    result = check(entry_date="2022-12-31", weekly_hours=19, **EMPLOYED).rules["60d"]

    assert result.requirements_met_on is None
    assert result.available is True
    assert codes(result) == ["weekly_hours"]
    assert "19 hours a week" in result.missing[0].text and "20" in result.missing[0].text


def test_60d_entry_after_31_december_2022_is_never_possible():
    result = check(entry_date="2023-01-01", weekly_hours=40, **EMPLOYED).rules["60d"]

    assert result.requirements_met_on is None
    assert result.available is False
    assert codes(result) == ["entry_after_cutoff"]


# --- unknown facts, interruptions, deadlines -------------------------------------------------------

def test_nothing_known_means_nothing_dated_and_every_gap_named():
    result = check().rules["25a"]

    assert result.requirements_met_on is None
    assert result.application_deadline is None
    assert result.available is True
    assert codes(result) == [
        "birth_date_unknown", "entry_date_unknown", "duldung_unknown", "school_unknown", "identity_unknown",
    ]


def test_school_years_missing_but_a_qualification_counts():
    without = check(birth_date="2004-01-01", school_years=2, qualification=False, **{
        key: value for key, value in WELL_INTEGRATED.items() if key != "school_years"}).rules["25a"]
    assert codes(without) == ["school"]

    with_qualification = check(birth_date="2004-01-01", school_years=2, qualification=True, **{
        key: value for key, value in WELL_INTEGRATED.items() if key != "school_years"}).rules["25a"]
    assert with_qualification.missing == []


def test_an_absence_of_three_months_keeps_the_stay_and_a_longer_one_restarts_it():
    allowed = rules_in_force(ON).stay_interruption["allowed_months"]
    assert allowed == 3
    entry = date(2019, 5, 10)

    # Left 30.11.2021: three months end with 28.02.2022 (§ 188 Abs. 3 BGB).
    assert uninterrupted_stay_since(entry, [(date(2021, 11, 30), date(2022, 2, 28))], allowed_months=allowed) == entry
    restarted = uninterrupted_stay_since(entry, [(date(2021, 11, 30), date(2022, 3, 1))], allowed_months=allowed)
    assert restarted == date(2022, 3, 1)

    # Counted from the return: 01.03.2022 + 3 years -> 02.03.2025.
    result = check(birth_date="2004-01-01", entry_date=restarted.isoformat(), duldung_since="2022-03-01",
                   school_years=3, identity_clarified=True).rules["25a"]
    assert result.requirements_met_on == date(2025, 3, 2)


def test_rule_deadlines_carry_their_source_and_leave_out_passed_ones():
    facts = Facts.from_mapping({"birth_date": "2000-02-29", "entry_date": "2021-08-31",
                                "duldung_since": "2025-11-30", "minor_child": False})

    deadlines = rule_deadlines(facts, ON)

    # § 60c was met on 01.03.2026 and the § 60c identity limit ended on 28.02.2022: both passed.
    assert [(deadline.kind, deadline.due, deadline.source) for deadline in deadlines] == [
        ("stay_requirement", date(2026, 12, 1), "rule:25a"),
        ("birthday_27", date(2027, 2, 28), "rule:25a"),
        ("stay_requirement", date(2027, 9, 1), "rule:25b"),
    ]
    assert "turns 27 on 2027-03-01" in deadlines[1].text


def test_rule_deadline_kinds_are_codes_of_the_case_file():
    from app.models.codes import DeadlineKind

    young = Facts.from_mapping({"birth_date": "2000-02-29", "entry_date": "2021-08-31", "duldung_since": "2025-12-01"})
    newly_arrived = Facts.from_mapping({"entry_date": "2026-09-15", "identity_clarified": False})

    kinds = {deadline.kind for facts in (young, newly_arrived) for deadline in rule_deadlines(facts, ON)}

    assert kinds == {"birthday_27", "stay_requirement", "other"}
    assert kinds <= {kind.value for kind in DeadlineKind}


# --- entries and grants at a month end (§ 187 Abs. 1, § 188 Abs. 2 and 3 BGB) ----------------------

def test_25a_stay_from_an_entry_on_31_january():
    result = check(birth_date="2005-06-15", entry_date="2023-01-31", duldung_since="2023-01-31",
                   school_years=3, identity_clarified=True).rules["25a"]

    # 31.01.2023 not counted; 3 years end with 31.01.2026; met on 01.02.2026;
    # Duldung 31.01.2023 + 12 months -> 31.01.2024, met on 01.02.2024.
    assert result.requirements_met_on == date(2026, 2, 1)
    # Born 15.06.2005: 27 on 15.06.2032, last day 14.06.2032.
    assert result.application_deadline == date(2032, 6, 14)
    assert result.missing == [] and result.available is True


def test_60c_three_months_of_duldung_from_31_january_end_with_30_april():
    result = check(date(2026, 4, 30), duldung_since="2026-01-31", identity_clarified=True).rules["60c"]

    # April has no 31st: the period ends with 30.04.2026 (§ 188 Abs. 3 BGB); met on 01.05.2026.
    assert result.requirements_met_on == date(2026, 5, 1)
    assert codes(result) == ["duldung"]
    assert check(date(2026, 5, 1), duldung_since="2026-01-31", identity_clarified=True).rules["60c"].missing == []


def test_60c_three_months_from_30_november_end_with_29_february_in_a_leap_year():
    result = check(duldung_since="2023-11-30", identity_clarified=True).rules["60c"]

    # February 2024 has no 30th: the period ends with 29.02.2024; met on 01.03.2024.
    assert result.requirements_met_on == date(2024, 3, 1)


def test_60c_identity_limit_six_months_after_an_entry_on_31_august():
    facts = Facts.from_mapping({"entry_date": "2025-08-31", "identity_clarified": False})

    # 31.08.2025 + 6 months: February 2026 has no 31st, so the last day is 28.02.2026.
    identity = [d for d in rule_deadlines(facts, date(2026, 1, 15)) if d.source == "rule:60c" and d.kind == "other"]
    assert [d.due for d in identity] == [date(2026, 2, 28)]
    # Once it is clarified, the limit is no deadline any more.
    clarified = Facts.from_mapping({"entry_date": "2025-08-31", "identity_clarified": True})
    assert not [d for d in rule_deadlines(clarified, date(2026, 1, 15)) if d.kind == "other"]


def test_25b_from_an_entry_on_31_january_with_and_without_a_minor_child():
    facts = {"entry_date": "2020-01-31", "duldung_since": "2020-03-01", "german_level": "A2",
             "identity_clarified": True}

    # 6 years: 31.01.2020 -> 31.01.2026, met on 01.02.2026; 4 years: -> 31.01.2024, met on 01.02.2024.
    assert check(minor_child=False, **facts).rules["25b"].requirements_met_on == date(2026, 2, 1)
    assert check(minor_child=True, **facts).rules["25b"].requirements_met_on == date(2024, 2, 1)
    assert check(minor_child=True, **facts).rules["25b"].missing == []


def test_25b_stay_not_yet_complete_is_named_with_its_date():
    result = check(entry_date="2021-01-31", minor_child=False, duldung_since="2021-06-01", german_level="B1",
                   identity_clarified=True).rules["25b"]

    # 31.01.2021 + 6 years -> 31.01.2027; met on 01.02.2027, after the check date.
    assert result.requirements_met_on == date(2027, 2, 1)
    assert codes(result) == ["stay"]
    assert "complete on 2027-02-01" in result.missing[0].text


def test_60d_from_month_ends():
    result = check(entry_date="2021-01-31", duldung_since="2022-03-31", employment_since="2025-01-31",
                   weekly_hours=20, german_level="A2", identity_clarified=True).rules["60d"]

    # Duldung 31.03.2022 + 12 months -> 31.03.2023 (met 01.04.2023); work 31.01.2025 + 12 months -> 31.01.2026.
    assert result.requirements_met_on == date(2026, 2, 1)
    assert result.available is True and result.missing == []


def test_entry_on_29_february_plus_three_years_ends_with_28_february():
    result = check(birth_date="2006-03-01", entry_date="2024-02-29", duldung_since="2024-03-01",
                   school_years=3, identity_clarified=True).rules["25a"]

    # 2027 has no 29 February: the 3 years end with 28.02.2027; met on 01.03.2027 (Duldung 01.03.2024 -> 02.03.2025).
    assert result.requirements_met_on == date(2027, 3, 1)
    assert codes(result) == ["stay"]


# --- interruptions of the stay ----------------------------------------------------------------------

def test_several_short_absences_keep_the_stay_and_only_a_long_one_restarts_it():
    entry = date(2020, 1, 31)

    # 31.05.2021 + 3 months -> 31.08.2021: back on that day is harmless, a day later is not.
    assert uninterrupted_stay_since(entry, [(date(2021, 5, 31), date(2021, 8, 31))], allowed_months=3) == entry
    assert uninterrupted_stay_since(entry, [(date(2021, 5, 31), date(2021, 9, 1))], allowed_months=3) == date(2021, 9, 1)
    # Two absences of two months each do not add up; given out of order, they are sorted.
    short_ones = [(date(2023, 3, 1), date(2023, 5, 1)), (date(2022, 3, 1), date(2022, 5, 1))]
    assert uninterrupted_stay_since(entry, short_ones, allowed_months=3) == entry
    # A long absence, then a short one: the count starts on the return from the long one.
    mixed = [(date(2021, 1, 10), date(2021, 6, 10)), (date(2022, 7, 1), date(2022, 8, 1))]
    assert uninterrupted_stay_since(entry, mixed, allowed_months=3) == date(2021, 6, 10)


def test_an_absence_that_ends_before_it_begins_or_begins_before_entry_is_refused():
    with pytest.raises(ValidationError, match="cannot end"):
        uninterrupted_stay_since(date(2020, 1, 1), [(date(2021, 5, 1), date(2021, 4, 1))], allowed_months=3)
    with pytest.raises(ValidationError, match="cannot begin before the entry"):
        uninterrupted_stay_since(date(2020, 1, 1), [(date(2019, 5, 1), date(2019, 6, 1))], allowed_months=3)


# --- facts that cannot be true on the check date ------------------------------------------------------

def test_a_birth_date_after_the_check_date_is_refused_with_a_message():
    with pytest.raises(UsageError, match="The birth date 2027-03-01 lies after the check date 2026-11-21"):
        check(birth_date="2027-03-01")
    # A birth year that has begun is possible (its earliest day has passed); a later year is not.
    assert check(birth_date="2026").rules["25a"].application_deadline == date(2052, 12, 31)
    with pytest.raises(UsageError, match="lies after the check date"):
        check(birth_date="2027")


def test_an_entry_before_the_birth_is_refused_and_gives_no_deadlines():
    with pytest.raises(UsageError, match=r"entry_date \(1999-12-31\) lies before the birth date 2000-01-01"):
        check(birth_date="2000-01-01", entry_date="1999-12-31")
    with pytest.raises(UsageError, match="duldung_since"):
        check(birth_date="2000-05", duldung_since="2000-04-30")
    # The deadline list does not break on a contradictory case file, nor lose its § 25a deadline
    # (born 01.01.2000: 27 on 01.01.2027, last day 31.12.2026); someone not yet born has none.
    facts = Facts.from_mapping({"birth_date": "2000-01-01", "entry_date": "1999-12-31"})
    assert [(d.kind, d.due) for d in rule_deadlines(facts, ON)] == [("birthday_27", date(2026, 12, 31))]
    assert rule_deadlines(Facts.from_mapping({"birth_date": "2030-01-01"}), ON) == []


def test_dates_beyond_the_calendar_are_refused_not_a_crash():
    with pytest.raises(UsageError, match=r"entry_date \(9999-01-01\) lies too far in the future"):
        check(entry_date="9999-01-01")
    with pytest.raises(UsageError, match="lies too far in the future"):
        check(date(9999, 12, 31))
    assert rule_deadlines(Facts.from_mapping({"duldung_since": "9999-01-01"}), ON) == []
    # A future entry is not refused: a case manager may plan with it (31.01.2030 + 3 years -> 01.02.2033).
    stay = [f.text for f in check(entry_date="2030-01-31").rules["25a"].missing if f.code == "stay"]
    assert stay == ["3 years of uninterrupted stay (§ 25a Abs. 1 S. 1 Nr. 1 AufenthG): complete on 2033-02-01."]


# --- § 104c Chancen-Aufenthaltsrecht ------------------------------------------------------------------

def test_104c_holders_are_told_to_move_to_25a_or_25b_until_30_june_2027():
    def notes_on(day: date) -> list[str]:
        result = check(day, entry_date="2017-10-31", minor_child=False)
        return [note for rule in ("25a", "25b") for note in result.rules[rule].notes if "104c" in note]

    # New applications ended 31.12.2025; the move to § 25a/§ 25b is open up to and including 30.06.2027.
    on_the_last_day = notes_on(date(2027, 6, 30))
    assert len(on_the_last_day) == 2
    assert all("until 2027-06-30" in note and "ended on 2025-12-31" in note for note in on_the_last_day)
    assert notes_on(date(2027, 7, 1)) == []
