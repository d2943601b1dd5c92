"""Dates, ages and names as the desktop app shows them (dates through app.formatting, "about 24").

No Qt here, so the rules are easy to test. Dates arrive from services as ISO
strings (the case-file dict) or ``date`` objects (list rows).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from app import formatting
from app.i18n import _, ngettext

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

# Unicode "first strong isolate" … "pop directional isolate": a right-to-left name
# inside a left-to-right line keeps its own order and does not swallow the neighbours.
FSI = "\u2068"
PDI = "\u2069"


def to_date(value: date | str | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def format_date(value: date | str | None, empty: str = "") -> str:
    """In the interface language (app.formatting): 14.03.2001 in German, 2001-03-14 in English."""
    day = to_date(value)
    return formatting.format_date(day) if day else empty


def format_birth_date(value: str | None) -> str:
    """A possibly partial birth date: "2001", "03.2001" or "14.03.2001" (German; English ISO)."""
    return formatting.format_partial_date(value)


def age_in_years(value: str | None, on: date | None = None) -> tuple[int, bool] | None:
    """(age, exact) from a possibly partial birth date; None when unknown.

    With only the year (or the birth month is this month) the age can be one
    less than shown, so it is not exact."""
    match = _PARTIAL.match(value or "")
    if not match:
        return None
    today = on or date.today()
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    age = today.year - year
    if month is None:
        return age, False
    if day is None:
        if today.month == month:
            return age, False
        return (age if today.month > month else age - 1), True
    return (age if (today.month, today.day) >= (month, day) else age - 1), True


def age_text(value: str | None, on: date | None = None) -> str:
    """"24 years" or "about 24" for a partial birth date; "" when unknown."""
    found = age_in_years(value, on)
    if found is None:
        return ""
    age, exact = found
    if exact:
        return ngettext("{n} year", "{n} years", age).format(n=age)
    return _("about {n}").format(n=age)


def days_until_text(due: date, on: date | None = None) -> str:
    days = (due - (on or date.today())).days
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    if days > 0:
        return ngettext("in {n} day", "in {n} days", days).format(n=days)
    return ngettext("{n} day overdue", "{n} days overdue", -days).format(n=-days)


def is_right_to_left(text: str) -> bool:
    """True when the first letter with a direction is Arabic, Hebrew or another RTL script."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def isolate(text: str) -> str:
    """Wrap text of unknown direction so it can sit inside a sentence of the other direction."""
    return f"{FSI}{text}{PDI}" if text else ""


def person_name(given_names: str, family_name: str) -> str:
    return " ".join(part for part in (given_names, family_name) if part)
