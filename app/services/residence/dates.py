"""Calendar arithmetic for legal time limits, exactly as the BGB counts them.

Residence law says "seit drei Jahren", "seit mindestens zwölf Monaten" and
"vor Vollendung des 27. Lebensjahres" without its own counting rules, so the
general rules of §§ 187, 188 BGB apply (§ 186 BGB; § 31 VwVfG):

* A period that starts with an event (entry, grant of a Duldung, start of a
  job) does not count the day of the event (§ 187 Abs. 1 BGB). It ends with
  the end of the day in the last month that has the same number as the event
  day (§ 188 Abs. 2 BGB, first case); if that month has no such day (31 August
  plus three months), it ends with the month's last day (§ 188 Abs. 3 BGB).
  The requirement is met on the day after the period ends.
  Some authorities count the first day as well (§ 187 Abs. 2 BGB) and reach
  the date one day earlier; we never give a date earlier than that, so an
  application planned on our date is never filed too early.
* Age counts the day of birth (§ 187 Abs. 2 Satz 2 BGB): a year of life ends
  with the end of the day before the birthday (§ 188 Abs. 2 BGB, second case).
  Someone born on 29 February completes a year of life in a non-leap year with
  the end of 28 February, because the month has no 29th day (§ 188 Abs. 3
  BGB); the new age begins on 1 March.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

ONE_DAY = timedelta(days=1)


def add_months(day: date, months: int) -> date:
    """The day with the same number ``months`` later, or that month's last day (§ 188 Abs. 3 BGB)."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last_day))


def period_end(event_day: date, *, years: int = 0, months: int = 0) -> date:
    """The last day of a period of years/months that starts with an event on ``event_day``.

    § 187 Abs. 1 with § 188 Abs. 2 (first case) and Abs. 3 BGB.
    """
    return add_months(event_day, years * 12 + months)


def period_met_on(event_day: date, *, years: int = 0, months: int = 0) -> date:
    """The first day on which a period counted from ``event_day`` is complete."""
    return period_end(event_day, years=years, months=months) + ONE_DAY


def age_reached_on(birth_date: date, years: int) -> date:
    """The first day on which someone born on ``birth_date`` has completed ``years`` years of life.

    Normally the birthday itself. For 29 February in a non-leap year the year
    of life ends with 28 February (§ 188 Abs. 2 and 3 BGB), so it is 1 March.
    """
    try:
        return birth_date.replace(year=birth_date.year + years)
    except ValueError:  # 29 February, target year is not a leap year
        return date(birth_date.year + years, 3, 1)


def last_day_before_age(birth_date: date, years: int) -> date:
    """The last day before ``years`` years of life are completed (a "vor Vollendung" deadline)."""
    return age_reached_on(birth_date, years) - ONE_DAY
