"""Parsing a person's facts for residence-check: strict fields, clear errors, partial birth dates."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import DataError, NotFoundError, UsageError
from app.services.residence import Facts


def test_all_fields_parse():
    facts = Facts.from_mapping({
        "birth_date": "2003-07-14", "entry_date": "2021-08-31", "duldung_since": "2024-11-30",
        "minor_child": False, "school_years": 2.5, "qualification": True, "employment_since": "2025-01-02",
        "weekly_hours": 20, "german_level": "b1", "identity_clarified": True,
    })

    assert facts.birth_date.earliest == facts.birth_date.latest == date(2003, 7, 14)
    assert facts.entry_date == date(2021, 8, 31)
    assert facts.school_years == 2.5
    assert facts.weekly_hours == 20.0
    assert facts.german_level == "B1"
    assert facts.german_level_at_least("A2") is True


def test_missing_and_null_fields_are_unknown():
    facts = Facts.from_mapping({"birth_date": None})

    assert facts == Facts()
    assert facts.german_level_at_least("A2") is None


@pytest.mark.parametrize(("text", "earliest", "latest"), [
    ("2001", date(2001, 1, 1), date(2001, 12, 31)),
    ("2001-06", date(2001, 6, 1), date(2001, 6, 30)),
    ("2000-02", date(2000, 2, 1), date(2000, 2, 29)),
])
def test_partial_birth_dates_give_the_range_of_possible_days(text, earliest, latest):
    birth = Facts.from_mapping({"birth_date": text}).birth_date

    assert (birth.earliest, birth.latest, birth.is_partial) == (earliest, latest, True)


def test_an_unknown_field_is_a_usage_error_naming_it():
    with pytest.raises(UsageError, match="'absences'"):
        Facts.from_mapping({"birth_date": "2001", "absences": []})


@pytest.mark.parametrize(("facts", "field"), [
    ({"entry_date": "2021-02-30"}, "entry_date"),
    ({"entry_date": "31.08.2021"}, "entry_date"),
    ({"duldung_since": "2021-W01-1"}, "duldung_since"),
    ({"employment_since": 20250102}, "employment_since"),
    ({"birth_date": "2001-13"}, "birth_date"),
    ({"birth_date": "01"}, "birth_date"),
    ({"minor_child": "yes"}, "minor_child"),
    ({"school_years": True}, "school_years"),
    ({"school_years": -1}, "school_years"),
    ({"weekly_hours": 200}, "weekly_hours"),
    ({"german_level": "A3"}, "german_level"),
])
def test_bad_values_are_usage_errors_naming_the_field(facts, field):
    with pytest.raises(UsageError, match=field):
        Facts.from_mapping(facts)


def test_json_that_is_not_an_object_is_refused():
    with pytest.raises(UsageError, match="JSON object"):
        Facts.from_json_text("[1, 2]")


def test_malformed_json_says_where():
    with pytest.raises(UsageError, match="line 1, column"):
        Facts.from_json_text('{"birth_date": }')


def test_nan_and_duplicate_fields_are_refused():
    with pytest.raises(UsageError, match="NaN"):
        Facts.from_json_text('{"weekly_hours": NaN}')
    with pytest.raises(UsageError, match="twice"):
        Facts.from_json_text('{"birth_date": "2001", "birth_date": "2002"}')


def test_files(tmp_path):
    path = tmp_path / "facts.json"
    path.write_text('\ufeff{"birth_date": "2001"}', encoding="utf-8")  # a BOM from Windows editors
    assert Facts.from_file(path).birth_date.text == "2001"

    with pytest.raises(NotFoundError):
        Facts.from_file(tmp_path / "missing.json")
    with pytest.raises(DataError):
        Facts.from_file(tmp_path)


def test_facts_from_the_case_files_person():
    from app.models.person import Person

    person = Person(birth_date="2001-06", entry_date=date(2021, 8, 31), duldung_since=None, german_level="",
                    school_years=3.0, identity_clarified=True, qualifications="Schulabschluss Syrien")

    facts = Facts.from_attributes(person)

    assert facts.birth_date.earliest == date(2001, 6, 1)
    assert facts.entry_date == date(2021, 8, 31)
    assert facts.duldung_since is None
    assert facts.german_level is None  # "" is "not recorded"
    assert facts.qualification is None  # free text does not say "recognised in Germany"
    assert facts.identity_clarified is True
