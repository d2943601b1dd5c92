"""Age groups for the report, from birth dates that are often only partly known.

Refugees' papers often give only a year ("1999") or a month ("1999-03"). The
report then assumes the middle: 1 July for a year, the 15th for a month. A
person born "2008" thus counts as 18 from 1 July 2026 on: on average right,
and never off by more than half a year.
"""

from __future__ import annotations

import re
from datetime import date

UNDER_18 = "under_18"
AGE_18_27 = "18_27"
OVER_27 = "over_27"
AGE_UNKNOWN = "unknown"
AGE_GROUPS: tuple[str, ...] = (UNDER_18, AGE_18_27, OVER_27, AGE_UNKNOWN)

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def assumed_birth_date(text: str) -> date | None:
    """The birth date to compute with: exact, or the middle of the known month or year."""
    match = _PARTIAL.match((text or "").strip())
    if not match:
        return None
    year, month, day = match.groups()
    try:
        if day:
            return date(int(year), int(month), int(day))
        if month:
            return date(int(year), int(month), 15)
        return date(int(year), 7, 1)
    except ValueError:
        return None


def age_on(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def age_group(birth_text: str, on: date) -> str:
    """under 18, 18 to 27 (both included: Gemeinsam klappt's), over 27, or unknown."""
    birth = assumed_birth_date(birth_text)
    if birth is None or birth > on:
        return AGE_UNKNOWN
    age = age_on(birth, on)
    if age < 18:
        return UNDER_18
    if age <= 27:
        return AGE_18_27
    return OVER_27
