"""The shared cleaners: what every form and every CSV row goes through."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.errors import ValidationError
from app.services import validation as v

TODAY = date.today()


@pytest.mark.parametrize("value, stored", [
    ("1999", "1999"), ("1999-03", "1999-03"), ("1999-03-07", "1999-03-07"),
    ("07.03.1999", "1999-03-07"), ("7.3.1999", "1999-03-07"), ("03.1999", "1999-03"),
    (date(1999, 3, 7), "1999-03-07"), ("", ""), (None, ""),
])
def test_birth_date_may_be_partial(value, stored):
    assert v.clean_birth_date(value) == stored


@pytest.mark.parametrize("value, phrase", [
    ("1999-13", "has no month 13"),
    ("1999-02-30", "does not exist in the calendar"),
    ("99", "is not a date: use YYYY-MM-DD, YYYY-MM or YYYY"),
    ("1999/03/07", "is not a date"),
    ("March 1999", "is not a date"),
    ("1850", "lies before 1900"),
])
def test_malformed_birth_date_is_refused_with_the_accepted_forms(value, phrase):
    with pytest.raises(ValidationError, match=phrase):
        v.clean_birth_date(value)


def test_birth_date_in_the_future_is_refused_at_every_precision():
    tomorrow = TODAY + timedelta(days=1)
    for value in (tomorrow.isoformat(), str(TODAY.year + 1), f"{TODAY.year + 1}-01"):
        with pytest.raises(ValidationError, match="lies in the future"):
            v.clean_birth_date(value)
    assert v.clean_birth_date(TODAY.isoformat()) == TODAY.isoformat()
    assert v.clean_birth_date(str(TODAY.year)) == str(TODAY.year)  # born this year: possible


def test_dates_iso_or_german_and_clear_errors():
    assert v.parse_date("2024-02-29", "x") == date(2024, 2, 29)
    assert v.parse_date("29.02.2024", "x") == date(2024, 2, 29)
    assert v.parse_date("  ", "x") is None
    with pytest.raises(ValidationError, match="The opening date '2023-02-29' does not exist"):
        v.parse_date("2023-02-29", "opening date")
    with pytest.raises(ValidationError, match="is not a date: use YYYY-MM-DD"):
        v.parse_date("next week", "due date")
    with pytest.raises(ValidationError, match="The contact date .* lies in the future"):
        v.past_date(TODAY + timedelta(days=1), "contact date")
    assert v.past_date(TODAY, "contact date") == TODAY


@pytest.mark.parametrize("level", [0, 1, 2, 3, "2", None])
def test_need_level_zero_to_three(level):
    expected = None if level is None else int(level)
    assert v.clean_need_level(level) == expected


@pytest.mark.parametrize("level", [-1, 4, "high", 1.5, True])
def test_need_level_outside_zero_to_three_is_refused(level):
    with pytest.raises(ValidationError, match="need level"):
        v.clean_need_level(level)


@pytest.mark.parametrize("percent", [-1, 101, "lots", None])
def test_attainment_outside_0_to_100_is_refused(percent):
    with pytest.raises(ValidationError, match="attainment"):
        v.clean_attainment(percent)


def test_names_are_stored_as_typed_in_any_script():
    for name in ("أحمد الحسن", "Олена Коваленко", "<b>Ali & Söhne</b>", "O'Brien \"Junior\"", "Nguyễn Thị", "ተስፋይ"):
        assert v.clean_name(f"  {name} ", "family name") == name


def test_names_with_line_breaks_or_too_long_are_refused():
    with pytest.raises(ValidationError, match="line breaks"):
        v.clean_name("Ali\nHassan", "given names")
    with pytest.raises(ValidationError, match="longer than 200"):
        v.clean_name("x" * 201, "family name")
    with pytest.raises(ValidationError, match="both are empty"):
        v.require_some_name("", "")


def test_codes_list_what_is_allowed():
    with pytest.raises(ValidationError, match="Unknown goal area 'work': use one of residence, needs"):
        v.clean_code("work", ["residence", "needs"], "goal area")
    with pytest.raises(ValidationError, match="The case type is missing"):
        v.clean_code("", ["case_management"], "case type")


def test_countries_and_languages_from_cldr_plus_the_ones_refugees_need():
    assert v.clean_countries("sy|AF, ua") == ["SY", "AF", "UA"]
    assert v.clean_countries(["XX"]) == ["XX"]  # stateless
    with pytest.raises(ValidationError, match="Unknown nationality 'Syria'"):
        v.clean_countries("Syria")
    assert v.clean_languages("ar|prs|kmr|ti|uk") == ["ar", "prs", "kmr", "ti", "uk"]
    with pytest.raises(ValidationError, match="Unknown language 'arabic'"):
        v.clean_languages("arabic")


def test_flags_and_unknown_fields():
    assert v.clean_bool("ja", "x") is True
    assert v.clean_bool("", "x", nullable=True) is None
    with pytest.raises(ValidationError, match="is not yes or no"):
        v.clean_bool("maybe", "x")
    with pytest.raises(ValidationError, match="Unknown person field"):
        v.clean_fields({"a": str}, {"b": 1}, "person")
