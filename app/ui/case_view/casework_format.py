"""How the casework tabs write dates, durations, sizes and day counts (DD.MM.YYYY in the UI)."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date as babel_format_date

from app import formatting
from app.i18n import _, current_language, ngettext


def as_date(value: date | str | None) -> date | None:
    """A date from the case-file dict (ISO text) or a date; None when missing or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def format_date(value: date | str | None) -> str:
    """In the interface language (app.formatting): DD.MM.YYYY in German, ISO in English."""
    day = as_date(value)
    return formatting.format_date(day) if day else ""


def format_month(day: date) -> str:
    """'March 2026' / 'März 2026': the heading of a month in the timeline."""
    return babel_format_date(day, "LLLL yyyy", locale=current_language() or "en")


def format_duration(minutes: int | None) -> str:
    if not minutes:
        return ""
    hours, rest = divmod(int(minutes), 60)
    if not hours:
        return _("{minutes} min").format(minutes=rest)
    if not rest:
        return _("{hours} h").format(hours=hours)
    return _("{hours} h {minutes} min").format(hours=hours, minutes=rest)


def format_size(size: int | None) -> str:
    if size is None:
        return ""
    if size < 1024:
        return ngettext("{n} byte", "{n} bytes", size).format(n=size)
    if size < 1024 * 1024:
        return _("{n} KB").format(n=max(1, round(size / 1024)))
    return _("{n} MB").format(n=formatting.format_number(size / 1024 / 1024, decimals=1))


def days_text(due: date, today: date) -> str:
    """'overdue by 3 days', 'due today', 'due in 5 days' for a deadline that is not done."""
    delta = (due - today).days
    if delta < 0:
        return ngettext("overdue by {n} day", "overdue by {n} days", -delta).format(n=-delta)
    if delta == 0:
        return _("due today")
    return ngettext("due in {n} day", "due in {n} days", delta).format(n=delta)
