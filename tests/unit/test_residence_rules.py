"""Worked cases of the residence-law check; every expected date is written out by hand.

The rules are those of resources/rules/aufenthg-2026-01-01.json: § 25a 3 years'
stay, 12 months Duldung, apply before turning 27; § 25b 6 years (4 with a minor
child); § 60c 3 months Duldung; § 60d entry by 31.12.2022, 12 months Duldung,
12 months' work of at least 20 h/week.
"""

from __future__ import annotations

from datetime import date

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
