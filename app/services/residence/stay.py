"""Interruptions of the stay: which absences break an "uninterrupted" stay.

§ 25a Abs. 1 S. 1 Nr. 1 and § 25b Abs. 1 S. 2 Nr. 1 AufenthG require an
uninterrupted stay. The legislator's reasoning (BT-Drs. 20/3717, S. 43) treats
a short absence abroad without moving the centre of life as harmless; the
rules file holds the allowed length (3 months). A longer absence starts the
count again from the day of return.

The ``residence-check`` facts have no absences field (shared/CLI.md fixes the
fields), so there the entry date is the start of the current uninterrupted
stay. Case data that records absences can compute that date here first.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from app.errors import ValidationError
from app.formatting import format_date
from app.i18n import _
from app.services.residence.dates import add_months


def uninterrupted_stay_since(entry_date: date, absences: Iterable[tuple[date, date]], *, allowed_months: int) -> date:
    """The day from which the uninterrupted stay counts, given absences as (left on, returned on).

    An absence is harmless if the person returned by the day with the same
    number ``allowed_months`` after leaving (the month's last day if it has
    none, § 188 Abs. 3 BGB); otherwise the stay counts from the day of return.
    """
    start = entry_date
    for left_on, returned_on in sorted(absences):
        if returned_on < left_on:
            raise ValidationError(
                _("An absence cannot end ({end}) before it begins ({start}).").format(
                    end=format_date(returned_on), start=format_date(left_on))
            )
        if left_on < entry_date:
            raise ValidationError(
                _("An absence ({start}) cannot begin before the entry ({entry}).").format(
                    start=format_date(left_on), entry=format_date(entry_date))
            )
        if returned_on > add_months(left_on, allowed_months):
            start = max(start, returned_on)
    return start
