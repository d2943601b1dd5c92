"""Dates, times and numbers as the interface language writes them (Babel)."""

from __future__ import annotations

from datetime import date, datetime

from app import formatting


def format_day(day: date) -> str:
    """31.12.2025 in German, 2025-12-31 in English (app.formatting, one rule for the whole app)."""
    return formatting.format_date(day)


def format_moment(utc: datetime) -> str:
    """A stored (naive UTC) time in the computer's time zone, to the second."""
    return formatting.format_datetime(utc, from_utc=True, seconds=True)


def format_count(value: int | str) -> str:
    """A count with the thousands separator; a mark ("<5", "x") as it is."""
    return formatting.format_number(value) if isinstance(value, int) else str(value)
