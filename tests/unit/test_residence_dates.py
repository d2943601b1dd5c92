"""Calendar arithmetic of legal periods (§§ 187, 188 BGB): month ends, 29 February, ages."""

from __future__ import annotations

import calendar
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from app.services.residence.dates import (
    add_months,
    age_reached_on,
    last_day_before_age,
    period_met_on,
)


def test_three_years_from_an_entry_on_31_august_are_complete_on_1_september():
    # The entry day is not counted (§ 187 Abs. 1 BGB); the period ends with 31 August 2024.
    assert period_met_on(date(2021, 8, 31), years=3) == date(2024, 9, 1)


def test_three_months_from_31_august_end_with_30_november():
    # November has no 31st: the period ends with its last day (§ 188 Abs. 3 BGB).
    assert period_met_on(date(2025, 8, 31), months=3) == date(2025, 12, 1)


def test_three_months_from_30_november_end_with_28_february():
    assert period_met_on(date(2025, 11, 30), months=3) == date(2026, 3, 1)


def test_twelve_months_from_29_february_end_with_28_february():
    assert period_met_on(date(2024, 2, 29), months=12) == date(2025, 3, 1)


def test_twelve_months_from_28_february_into_a_leap_year():
    assert period_met_on(date(2023, 2, 28), months=12) == date(2024, 2, 29)


def test_someone_born_on_29_february_turns_27_on_1_march_of_a_common_year():
    # The 27th year of life ends with 28 February 2027 (§ 188 Abs. 2 and 3 BGB).
    assert age_reached_on(date(2000, 2, 29), 27) == date(2027, 3, 1)
    assert last_day_before_age(date(2000, 2, 29), 27) == date(2027, 2, 28)


def test_someone_born_on_29_february_turns_28_on_29_february_of_a_leap_year():
    assert age_reached_on(date(2000, 2, 29), 28) == date(2028, 2, 29)
    assert last_day_before_age(date(2000, 2, 29), 28) == date(2028, 2, 28)


def test_an_ordinary_birthday():
    assert age_reached_on(date(1999, 11, 22), 27) == date(2026, 11, 22)
    assert last_day_before_age(date(1999, 11, 22), 27) == date(2026, 11, 21)


days = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))


@given(days, st.integers(min_value=0, max_value=240))
def test_adding_months_keeps_the_day_number_or_takes_the_months_last_day(day, months):
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    assert result.day == min(day.day, calendar.monthrange(result.year, result.month)[1])


@given(days, days, st.integers(min_value=0, max_value=120))
def test_a_later_event_never_completes_its_period_earlier(first, second, months):
    earlier, later = sorted((first, second))
    assert period_met_on(earlier, months=months) <= period_met_on(later, months=months)
