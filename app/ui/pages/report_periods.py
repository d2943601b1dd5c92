"""The quick choices for a report period: quarters and years, relative to today."""

from __future__ import annotations

from datetime import date, timedelta

from app.i18n import N_

# key -> English label (marked for translation; the page shows _(label)).
PRESETS: dict[str, str] = {
    "this_quarter": N_("This quarter"),
    "last_quarter": N_("Last quarter"),
    "this_year": N_("This year"),
    "last_year": N_("Last year"),
}


def _quarter(year: int, quarter: int) -> tuple[date, date]:
    first = date(year, 3 * (quarter - 1) + 1, 1)
    following = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return first, following - timedelta(days=1)


def preset_period(key: str, today: date) -> tuple[date, date]:
    """First and last day (both included) of the preset period around ``today``."""
    quarter = (today.month - 1) // 3 + 1
    if key == "this_quarter":
        return _quarter(today.year, quarter)
    if key == "last_quarter":
        return _quarter(today.year - 1, 4) if quarter == 1 else _quarter(today.year, quarter - 1)
    if key == "this_year":
        return date(today.year, 1, 1), date(today.year, 12, 31)
    if key == "last_year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    raise KeyError(key)
