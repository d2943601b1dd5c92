"""Dates, times and numbers as the interface language writes them (Babel)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

from app.i18n import current_language


def _locale() -> str:
    return current_language() or "de"


def format_day(day: date) -> str:
    """31.12.2025 in German, Dec 31, 2025 in English."""
    return format_date(day, "medium", locale=_locale())


def format_moment(utc: datetime) -> str:
    """A stored (naive UTC) time in the computer's time zone, to the second."""
    local = utc.replace(tzinfo=UTC).astimezone()
    return format_datetime(local, "medium", tzinfo=local.tzinfo, locale=_locale())


def format_count(value: int | str) -> str:
    """A count with the thousands separator; a mark ("<5", "x") as it is."""
    return format_decimal(value, locale=_locale()) if isinstance(value, int) else str(value)
