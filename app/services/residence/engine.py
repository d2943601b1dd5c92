"""The rules of the residence-law check: what §§ 25a, 25b, 60c and 60d give for a person's facts.

Pure functions: facts and the rules in force go in, plain results come out
(no database, no Qt). Every figure and citation comes from the rules file in
force on the check date (``rules_data``); the date arithmetic follows
§§ 187, 188 BGB (``dates``). Dates in texts are ISO (``str(date)``).

What the facts cannot express is assumed and said in the notes: the stay is
taken as uninterrupted since ``entry_date`` (absences up to the allowed months
do not break it; after a longer one the day of return is the entry date to
enter, see ``stay.py``), and ``duldung_since`` as the start of a Duldung the
person still holds.
"""

from __future__ import annotations

import calendar
from datetime import date

from app.services.residence.dates import (
    age_reached_on,
    last_day_before_age,
    period_end,
    period_met_on,
)
from app.services.residence.facts import BirthDate, Facts
from app.services.residence.results import Finding, RuleResult
from app.services.residence.rules_data import RuleSet


class _TimeRequirements:
    """Collects the days on which the time-based requirements of one rule are met."""

    def __init__(self, on: date, missing: list[Finding]) -> None:
        self.on = on
        self.missing = missing
        self.days: list[date | None] = []

    def add(self, met_on: date, open_finding: Finding) -> None:
        """A requirement met on ``met_on``; ``open_finding`` is reported while that day is still ahead."""
        if met_on > self.on:
            self.missing.append(open_finding)
        self.days.append(met_on)

    def unknown(self, finding: Finding) -> None:
        """A requirement that cannot be dated on these facts."""
        self.missing.append(finding)
        self.days.append(None)

    @property
    def all_met_on(self) -> date | None:
        if not self.days or None in self.days:
            return None
        return max(day for day in self.days if day is not None)


def check_25a(facts: Facts, on: date, rule_set: RuleSet) -> RuleResult:
    """§ 25a: young people with a Duldung; the application is due before an age limit (§ 25a Abs. 1 S. 1 Nr. 3)."""
    params = rule_set["25a"]
    age = params["age"]
    limit, cite_limit = age["apply_before_years"], age["cite"]
    result = RuleResult("25a", params["title"])
    time = _TimeRequirements(on, result.missing)

    if facts.birth_date is None:
        time.unknown(Finding(
            "birth_date_unknown",
            f"Birth date unknown: the application must be filed before turning {limit} ({cite_limit}).",
        ))
    else:
        # The deadline from the earliest possible birthday is never too late; the
        # minimum age from the latest possible birthday is never reached too early.
        deadline = last_day_before_age(facts.birth_date.earliest, limit)
        result.application_deadline = deadline
        min_years, cite_min = age["min_years"], age["min_cite"]
        min_age_on = age_reached_on(facts.birth_date.latest, min_years)
        time.add(min_age_on, Finding("min_age", f"Minimum age {min_years} ({cite_min}): reached on {min_age_on}."))
        result.notes.extend(_birth_date_notes(facts.birth_date, on, limit, deadline))

    _stay_requirement(facts, time, params["stay"]["years"], params["stay"]["cite"])
    _duldung_requirement(facts, time, params["duldung"]["months"], params["duldung"]["cite"])
    _school_requirement(facts, result, params["school"])
    _identity_requirement(facts, result, params["identity"]["cite"])
    result.requirements_met_on = time.all_met_on

    deadline = result.application_deadline
    met_on = result.requirements_met_on
    if deadline is not None and on > deadline:
        result.available = False
        result.missing[:] = [Finding(
            "age_limit_passed", f"The last day to apply was {deadline} (before turning {limit}, {cite_limit})."
        )]
    elif deadline is not None and met_on is not None and met_on > deadline:
        result.available = False
        result.missing[:] = [Finding(
            "time_after_deadline",
            f"The time requirements are met only on {met_on}, after the last day to apply, {deadline}: "
            f"§ 25a cannot be reached.",
        )]
    if deadline is not None and met_on is not None and met_on > deadline:
        result.requirements_met_on = None  # met only after the last day to apply: never in time

    result.notes.append(_stay_counting_note(rule_set))
    result.notes.extend(_not_checked_and_hints(params))
    result.notes.extend(_chancen_notes(on, rule_set))
    return result


def check_25b(facts: Facts, on: date, rule_set: RuleSet) -> RuleResult:
    """§ 25b: sustainable integration; a shorter stay suffices with a minor child (§ 25b Abs. 1 S. 2 Nr. 1)."""
    params = rule_set["25b"]
    stay = params["stay"]
    result = RuleResult("25b", params["title"])
    time = _TimeRequirements(on, result.missing)

    # Unknown whether a child lives with the person: count the longer period, so never too early.
    years, child_years = stay["years"], stay["years_with_minor_child"]
    _stay_requirement(facts, time, child_years if facts.minor_child else years, stay["cite"])
    result.requirements_met_on = time.all_met_on
    if facts.minor_child is None and facts.entry_date is not None:
        with_child_on = period_met_on(facts.entry_date, years=child_years)
        result.notes.append(
            f"Unknown whether a minor child lives in the household: counted with {years} years; with a minor "
            f"child {child_years} years suffice, complete on {with_child_on}."
        )
    elif facts.minor_child is None:
        result.notes.append(
            f"Unknown whether a minor child lives in the household: counted with {years} years; with a minor "
            f"child {child_years} years suffice."
        )

    if facts.duldung_since is None:
        cite = params["duldung"]["cite"]
        result.missing.append(Finding(
            "duldung_unknown", f"No Duldung date: § 25b is for people with a Duldung or a § 104c permit ({cite})."
        ))
    _german_requirement(facts, result, params["german"])
    _identity_requirement(facts, result, params["identity"]["cite"])

    result.notes.append(_stay_counting_note(rule_set))
    result.notes.extend(_not_checked_and_hints(params))
    result.notes.extend(_chancen_notes(on, rule_set))
    return result


def check_60c(facts: Facts, on: date, rule_set: RuleSet) -> RuleResult:
    """§ 60c Ausbildungsduldung: a period with a Duldung before applying (§ 60c Abs. 2 Nr. 2)."""
    params = rule_set["60c"]
    result = RuleResult("60c", params["title"])
    time = _TimeRequirements(on, result.missing)

    _duldung_requirement(facts, time, params["duldung"]["months"], params["duldung"]["cite"])
    result.requirements_met_on = time.all_met_on
    _identity_requirement(facts, result, params["identity"]["cite"])

    identity = params["identity"]
    identity_due = identity_deadline_60c(facts, rule_set)
    if identity_due is not None and facts.identity_clarified is not True:
        result.notes.append(
            f"Entered on or after {identity['for_entries_from']}: the identity must be clarified within "
            f"{identity['within_months_after_entry']} months of entry, by {identity_due} ({identity['cite']}); the "
            f"time limit counts as kept if all necessary and reasonable steps were taken within it."
        )
    application = params["application"]
    result.notes.append(
        f"Apply at the earliest {application['earliest_months_before_training']} months before the training starts "
        f"({application['cite']}); the start date of the training is not among the facts."
    )
    result.notes.extend(_not_checked_and_hints(params))
    return result


def check_60d(facts: Facts, on: date, rule_set: RuleSet) -> RuleResult:
    """§ 60d Beschäftigungsduldung: entry by the cut-off, months with a Duldung and in work of enough hours."""
    params = rule_set["60d"]
    entry, employment = params["entry"], params["employment"]
    cut_off, cite_entry = entry["by"], entry["cite"]
    months, hours, cite_work = employment["months"], employment["min_weekly_hours"], employment["cite"]
    result = RuleResult("60d", params["title"])
    time = _TimeRequirements(on, result.missing)

    if facts.entry_date is None:
        time.unknown(Finding("entry_date_unknown", f"Entry date unknown: § 60d needs entry by {cut_off} ({cite_entry})."))
    _duldung_requirement(facts, time, params["duldung"]["months"], params["duldung"]["cite"])

    if facts.employment_since is None:
        time.unknown(Finding(
            "employment_unknown",
            f"No employment start date: {months} months of employment with at least {hours} hours a week are "
            f"needed ({cite_work}).",
        ))
    elif facts.weekly_hours is None:
        time.unknown(Finding(
            "weekly_hours_unknown",
            f"Weekly working hours unknown: at least {hours} hours a week are needed ({cite_work}).",
        ))
    elif facts.weekly_hours < hours:
        # Months with fewer hours do not count, so the period cannot be dated on these facts.
        time.unknown(Finding(
            "weekly_hours",
            f"{_number(facts.weekly_hours)} hours a week; at least {hours} hours a week are needed ({cite_work}). "
            f"The {months} months count from the day the hours reach {hours}.",
        ))
    else:
        employed_on = period_met_on(facts.employment_since, months=months)
        time.add(employed_on, Finding(
            "employment",
            f"{months} months of employment with at least {hours} hours a week ({cite_work}): complete on "
            f"{employed_on}.",
        ))
    result.requirements_met_on = time.all_met_on
    _german_requirement(facts, result, params["german"])
    _identity_requirement(facts, result, params["identity"]["cite"])

    if facts.entry_date is not None and facts.entry_date > cut_off:
        result.available = False
        result.requirements_met_on = None
        result.missing[:] = [Finding(
            "entry_after_cutoff",
            f"Entered on {facts.entry_date}, after {cut_off} ({cite_entry}): § 60d is not possible.",
        )]
    result.notes.extend(_not_checked_and_hints(params))
    return result


def identity_deadline_60c(facts: Facts, rule_set: RuleSet) -> date | None:
    """Last day to clarify the identity for a later Ausbildungsduldung, for entries from the cut-off on.

    § 60c Abs. 2 Nr. 3 lit. c: within the first months after entry (figures in the rules file).
    """
    identity = rule_set["60c"]["identity"]
    if facts.entry_date is None or facts.entry_date < identity["for_entries_from"]:
        return None
    return period_end(facts.entry_date, months=identity["within_months_after_entry"])


# --- requirements shared by several rules ---------------------------------------------------

def _stay_requirement(facts: Facts, time: _TimeRequirements, years: int, cite: str) -> None:
    if facts.entry_date is None:
        time.unknown(Finding(
            "entry_date_unknown", f"Entry date unknown: {years} years of uninterrupted stay are needed ({cite})."
        ))
        return
    met_on = period_met_on(facts.entry_date, years=years)
    time.add(met_on, Finding("stay", f"{years} years of uninterrupted stay ({cite}): complete on {met_on}."))


def _duldung_requirement(facts: Facts, time: _TimeRequirements, months: int, cite: str) -> None:
    if facts.duldung_since is None:
        time.unknown(Finding(
            "duldung_unknown", f"No Duldung date: a Duldung held for {months} months is needed ({cite})."
        ))
        return
    met_on = period_met_on(facts.duldung_since, months=months)
    time.add(met_on, Finding("duldung", f"{months} months with a Duldung ({cite}): complete on {met_on}."))


def _school_requirement(facts: Facts, result: RuleResult, school: dict) -> None:
    """§ 25a Abs. 1 S. 1 Nr. 2: years of successful school attendance, or a recognised qualification."""
    years, cite = school["years"], school["cite"]
    qualification_counts = school["qualification_instead"]
    if (qualification_counts and facts.qualification) or (facts.school_years or 0) >= years:
        return
    qualification_open = qualification_counts and facts.qualification is None
    if facts.school_years is None and qualification_open:
        finding = Finding(
            "school_unknown",
            f"Unknown: {years} years of successful school attendance in Germany or a recognised school or "
            f"vocational qualification ({cite}).",
        )
    elif facts.school_years is None:
        finding = Finding(
            "school_unknown", f"Years of successful school attendance in Germany unknown: {years} are needed ({cite})."
        )
    elif qualification_open:
        finding = Finding(
            "school",
            f"{_number(facts.school_years)} of {years} years of successful school attendance in Germany; a "
            f"recognised school or vocational qualification would also do ({cite}).",
        )
    else:
        finding = Finding(
            "school", f"{_number(facts.school_years)} of {years} years of successful school attendance in Germany ({cite})."
        )
    result.missing.append(finding)


def _german_requirement(facts: Facts, result: RuleResult, german: dict) -> None:
    required, cite = german["level"], german["cite"]
    reached = facts.german_level_at_least(required)
    if reached is None:
        result.missing.append(Finding(
            "german_unknown", f"German level unknown: oral German at level {required} is needed ({cite})."
        ))
    elif not reached:
        result.missing.append(Finding(
            "german", f"German at level {facts.german_level}; oral German at level {required} is needed ({cite})."
        ))


def _identity_requirement(facts: Facts, result: RuleResult, cite: str) -> None:
    if facts.identity_clarified is None:
        result.missing.append(Finding("identity_unknown", f"Unknown whether the identity is clarified ({cite})."))
    elif not facts.identity_clarified:
        result.missing.append(Finding("identity", f"Identity not clarified ({cite})."))


# --- notes ------------------------------------------------------------------------------------

def _birth_date_notes(birth: BirthDate, on: date, years: int, deadline: date) -> list[str]:
    notes = []
    if birth.is_partial:
        if birth.earliest.month == birth.latest.month:
            notes.append(
                f"Only the birth month is known ({birth.text}): the last day to apply is computed from the earliest "
                f"possible birthday, {birth.earliest}, so it is never too late. Check the exact date in the "
                f"person's papers."
            )
        else:
            notes.append(
                f"Only the birth year is known ({birth.text}): the last day to apply is computed from the earliest "
                f"possible birthday, {birth.earliest}, so it is never too late. Check the exact date in the "
                f"person's papers."
            )
        latest_deadline = last_day_before_age(birth.latest, years)
        if deadline < on <= latest_deadline:
            notes.append(
                f"With a later birthday in {birth.text} the last day to apply could be as late as "
                f"{latest_deadline}: check the exact birth date before ruling § 25a out."
            )
    elif (birth.earliest.month, birth.earliest.day) == (2, 29) and not calendar.isleap(birth.earliest.year + years):
        notes.append(
            f"Born on 29 February: in {deadline.year} the person completes {years} years of life with the end of "
            f"28 February (§ 188 Abs. 2 and 3 BGB), so the last day to apply is {deadline}."
        )
    return notes


def _stay_counting_note(rule_set: RuleSet) -> str:
    months, cite = rule_set.stay_interruption["allowed_months"], rule_set.stay_interruption["cite"]
    return (
        f"The stay is counted from the entry date as uninterrupted; absences of up to {months} months do not break "
        f"it ({cite}). After a longer absence or a gap in the papers the count starts again: enter the day of return "
        f"as the entry date."
    )


def _not_checked_and_hints(params: dict) -> list[str]:
    notes = [f"Also required, not checked here: {item}." for item in params["not_checked"]]
    notes.extend(params["hints"])
    return notes


def _chancen_notes(on: date, rule_set: RuleSet) -> list[str]:
    """§ 104c matters for § 25a/§ 25b only while applications or the move to § 25a/§ 25b are open."""
    chancen = rule_set["104c"]
    stay = chancen["stay"]
    if on <= chancen["new_applications_until"]:
        return [
            f"A § 104c permit (Chancen-Aufenthaltsrecht) can still be applied for until "
            f"{chancen['new_applications_until']} by people who had stayed {stay['years']} years by "
            f"{stay['reference_date']} ({stay['cite']})."
        ]
    if on <= chancen["transition_until"]:
        return [
            f"Holders of a § 104c permit can move to § 25a or § 25b until {chancen['transition_until']}, before "
            f"their permit ends; new § 104c applications ended on {chancen['new_applications_until']} "
            f"({chancen['cite']})."
        ]
    return []


def _number(value: float) -> str:
    """2.0 -> "2", 19.5 -> "19.5"."""
    return str(int(value)) if float(value).is_integer() else str(value)
