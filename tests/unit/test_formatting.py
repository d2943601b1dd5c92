"""Dates, numbers and money as German and English readers expect them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from app import i18n
from app.formatting import (
    format_currency,
    format_date,
    format_datetime,
    format_number,
    format_partial_date,
    format_percent,
    format_time,
    qt_date_format,
)

NBSP = "\u00a0"


@pytest.fixture(autouse=True)
def back_to_english():
    yield
    i18n.install("en")


def test_german_dates_are_day_month_year_with_dots():
    assert format_date(date(2026, 5, 4), "de") == "04.05.2026"
    assert format_date(datetime(2026, 12, 31, 23, 59), "de") == "31.12.2026"


def test_english_dates_are_iso_so_nobody_misreads_the_month():
    assert format_date(date(2026, 5, 4), "en") == "2026-05-04"


def test_no_date_is_an_empty_text():
    assert format_date(None) == ""
    assert format_datetime(None) == ""
    assert format_partial_date("") == ""
    assert format_number(None) == format_currency(None) == format_percent(None) == ""


def test_the_interface_language_is_the_default(tmp_path):
    i18n.install("de", localedir=tmp_path)  # no catalog needed: the language alone decides
    assert format_date(date(2026, 5, 4)) == "04.05.2026"
    assert format_number(1234.5) == "1.234,5"
    i18n.install("en", localedir=tmp_path)
    assert format_date(date(2026, 5, 4)) == "2026-05-04"
    assert format_number(1234.5) == "1,234.5"


def test_an_unknown_language_formats_as_german():
    assert format_date(date(2026, 5, 4), "fr") == "04.05.2026"


def test_date_and_time():
    moment = datetime(2026, 5, 4, 9, 5)
    assert format_datetime(moment, "de") == "04.05.2026, 09:05"
    assert format_datetime(moment, "en") == "2026-05-04 09:05"
    assert format_time(moment, "de") == "09:05"


def test_stored_utc_times_are_shown_in_local_time():
    stored = datetime(2026, 5, 4, 7, 30)  # naive UTC, as app.models.base.utcnow stores it
    local = stored.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
    assert format_datetime(stored, "en", from_utc=True) == local.strftime("%Y-%m-%d %H:%M")
    aware = datetime(2026, 5, 4, 9, 30, tzinfo=timezone(timedelta(hours=2)))
    assert format_datetime(aware, "en") == aware.astimezone().strftime("%Y-%m-%d %H:%M")


@pytest.mark.parametrize(("stored", "german", "english"), [
    ("2001", "2001", "2001"),
    ("2001-06", "06.2001", "2001-06"),
    ("2001-06-14", "14.06.2001", "2001-06-14"),
    ("2001-02-30", "2001-02-30", "2001-02-30"),  # impossible: shown as stored, not hidden
    ("unbekannt", "unbekannt", "unbekannt"),
])
def test_partial_birth_dates(stored, german, english):
    assert format_partial_date(stored, "de") == german
    assert format_partial_date(stored, "en") == english


def test_numbers():
    assert format_number(1234567.891, "de") == "1.234.567,891"
    assert format_number(1234567.891, "en") == "1,234,567.891"
    assert format_number(2.0, "de") == "2"
    assert format_number(19.5, "de") == "19,5"
    assert format_number(1.25, "de", decimals=1) == "1,2"  # banker's rounding, as Babel does
    assert format_number(3, "en", decimals=2) == "3.00"


def test_euros():
    assert format_currency(Decimal("1234.5"), "de") == f"1.234,50{NBSP}€"
    assert format_currency(1234.5, "en") == "€1,234.50"
    assert format_currency(0, "de") == f"0,00{NBSP}€"


def test_percentages():
    assert format_percent(0.425, "de", decimals=1) == f"42,5{NBSP}%"
    assert format_percent(0.425, "en", decimals=1) == "42.5%"
    assert format_percent(0.42, "de") == f"42{NBSP}%"


def test_qt_date_edits_get_the_same_layout():
    assert qt_date_format("de") == "dd.MM.yyyy"
    assert qt_date_format("en") == "yyyy-MM-dd"
