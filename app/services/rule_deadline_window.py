"""Which persons can have a residence-rule deadline in a date window — decided in SQL, before the engine runs.

The rule engine (``app.services.residence``) costs about 0.2 ms a person; on
10,000 cases that is two seconds, far too slow for the overview. Every date a
rule deadline can fall on is a fact date moved by a period of the rules file
in force: the last day before the 27th birthday, the day 3 years of stay or
12 months of Duldung are complete, the § 60c identity time limit. So a person
can have a deadline in ``[first, last]`` only if one of their fact dates plus
one of the periods counted from that fact lands there (give or take the few
days month ends and 29 February move it). That is a range test per period and
fact column, which SQLite answers in a few milliseconds; the engine then runs
only for the persons it lets through and decides exactly. A test checks the filter lets
through everyone the engine would give a deadline (tests/unit/test_deadline_engine.py).

The periods are read from the rules file in force, not written here, so a
new legal version with other figures needs no change in this module; which
fact a period counts from follows the section it stands in (``SECTION_FACTS``).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, false, func, literal, or_, select

from app.models import Person, ResidenceDocument
from app.models.codes import ResidenceDocumentType
from app.services.residence import RuleSet
from app.services.residence.dates import add_months

# Month ends (31 Jan + 1 month = 28 Feb), the day added by "met on the day after the period ends",
# the day taken by "the last day before" and 29 February move a date by a few days at most.
SLACK = timedelta(days=7)

# People with a settled title need no § 25a/§ 25b/§ 60c/§ 60d deadline — except § 104c holders,
# who must move to § 25a/§ 25b before their permit ends.
SETTLED_STATUSES = (ResidenceDocumentType.AUFENTHALTSERLAUBNIS.value,
                    ResidenceDocumentType.NIEDERLASSUNGSERLAUBNIS.value)
CHANCEN_PARAGRAPH = "%104c%"

# Which fact a period of the rules file counts from, by the section of a rule it stands in
# (the sections are fixed by ``rules_data.SCHEMA``). Sections whose periods are not counted
# from a fact date on file are skipped; a section not named here counts from every fact date,
# so a new one in the schema can only make the filter wider, never drop a deadline.
SECTION_FACTS = {
    "age": ("birth_date",),
    "stay": ("entry_date",),
    "identity": ("entry_date",),
    "entry": ("entry_date",),
    "duldung": ("duldung_since",),
    "employment": ("employment_since",),
}
NOT_FROM_A_FACT = frozenset({"school", "application"})  # years at school; months before a training starts
FACT_DATE_COLUMNS = {
    "entry_date": Person.entry_date,
    "duldung_since": Person.duldung_since,
    "employment_since": Person.employment_since,
}
ALL_FACTS = ("birth_date", *FACT_DATE_COLUMNS)


def rule_periods_in_months(rule_set: RuleSet) -> dict[str, list[int]]:
    """Per fact (``birth_date``, ``entry_date`` …) the periods counted from it in the rules file, in months:
    each figure named with ``years`` times 12, each one named with ``months``."""
    periods: dict[str, set[int]] = {fact: set() for fact in ALL_FACTS}
    for params in rule_set.rules.values():
        for section, values in params.items():
            if not isinstance(values, dict) or section in NOT_FROM_A_FACT:
                continue
            for fact in SECTION_FACTS.get(section, ALL_FACTS):
                periods[fact].update(_months(values))
    return {fact: sorted(months) for fact, months in periods.items() if months}


def _months(values: dict[str, Any]) -> set[int]:
    months = set()
    for key, value in values.items():
        if isinstance(value, int) and not isinstance(value, bool):
            if "years" in key:
                months.add(value * 12)
            elif "months" in key:
                months.add(value)
    return months


def may_have_rule_deadline(
    rule_set: RuleSet, first: date, last: date | None
) -> ColumnElement[bool]:
    """A SQL condition on ``Person``: true for everyone who can have a rule deadline from ``first``
    to ``last`` (None: any day from ``first`` on). It lets through more than needed, never fewer."""
    conditions = []
    for fact, periods in rule_periods_in_months(rule_set).items():
        if last is None:
            # A deadline on or after ``first`` needs the fact no earlier than ``first`` less the longest period.
            bounds = [(add_months(first, -max(periods)) - SLACK, date.max)]
        else:
            bounds = [(add_months(first, -months) - SLACK, add_months(last, -months) + SLACK) for months in periods]
        for low, high in bounds:
            if fact == "birth_date":
                conditions.append(_birth_date_between(low, high))
            elif high == date.max:
                conditions.append(FACT_DATE_COLUMNS[fact] >= low)
            else:
                conditions.append(FACT_DATE_COLUMNS[fact].between(low, high))
    return or_(*conditions) if conditions else false()


def needs_rule_deadlines() -> ColumnElement[bool]:
    """A SQL condition on ``Person``: whose residence can still turn on §§ 25a, 25b, 60c, 60d."""
    chancen_holder = exists(
        select(ResidenceDocument.id).where(
            ResidenceDocument.person_id == Person.id, ResidenceDocument.paragraph.like(CHANCEN_PARAGRAPH)
        )
    )
    return or_(Person.residence_status.not_in(SETTLED_STATUSES), chancen_holder)


def _birth_date_between(low: date, high: date) -> ColumnElement[bool]:
    """The birth date (``YYYY-MM-DD``, or only ``YYYY-MM``/``YYYY``) can lie between ``low`` and ``high``.

    Comparing a partial date with the bounds cut to its own length asks
    whether any day of that month or year lies in the range.
    """
    length = func.length(Person.birth_date)
    high_text = "9999-12-31" if high == date.max else high.isoformat()
    return and_(
        Person.birth_date != "",
        Person.birth_date.between(
            func.substr(literal(low.isoformat()), 1, length), func.substr(literal(high_text), 1, length)
        ),
    )
