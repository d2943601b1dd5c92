"""The rules of the residence-law check: what §§ 25a, 25b, 60c and 60d give for a person's facts.

Pure functions: facts and the rules in force go in, plain results come out
(no database, no Qt). Every figure and citation comes from the rules file in
force on the check date (``rules_data``); the date arithmetic follows
§§ 187, 188 BGB (``dates``). Texts are translated (gettext) with dates and numbers
formatted for the interface language (``app.formatting``).

What the facts cannot express is assumed and said in the notes: the stay is
taken as uninterrupted since ``entry_date`` (absences up to the allowed months
do not break it; after a longer one the day of return is the entry date to
enter, see ``stay.py``), and ``duldung_since`` as the start of a Duldung the
person still holds.
"""

from __future__ import annotations

import calendar
from datetime import date

from app.formatting import format_date, format_number, format_partial_date
from app.i18n import _
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
            _("Birth date unknown: the application must be filed before turning {limit} ({cite}).").format(
                limit=limit, cite=cite_limit),
        ))
    else:
        # The deadline from the earliest possible birthday is never too late; the
        # minimum age from the latest possible birthday is never reached too early.
        deadline = last_day_before_age(facts.birth_date.earliest, limit)
        result.application_deadline = deadline
        min_years, cite_min = age["min_years"], age["min_cite"]
        min_age_on = age_reached_on(facts.birth_date.latest, min_years)
        time.add(min_age_on, Finding("min_age", _("Minimum age {years} ({cite}): reached on {date}.").format(
            years=min_years, cite=cite_min, date=format_date(min_age_on))))
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
            "age_limit_passed", _("The last day to apply was {date} (before turning {limit}, {cite}).").format(
                date=format_date(deadline), limit=limit, cite=cite_limit)
        )]
    elif deadline is not None and met_on is not None and met_on > deadline:
        result.available = False
        result.missing[:] = [Finding(
            "time_after_deadline",
            _("The time requirements are met only on {met_on}, after the last day to apply, {deadline}: "
              "§ 25a cannot be reached.").format(met_on=format_date(met_on), deadline=format_date(deadline)),
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
            _("Unknown whether a minor child lives in the household: counted with {years} years; with a minor "
              "child {child_years} years suffice, complete on {date}.").format(
                years=years, child_years=child_years, date=format_date(with_child_on))
        )
    elif facts.minor_child is None:
        result.notes.append(
            _("Unknown whether a minor child lives in the household: counted with {years} years; with a minor "
              "child {child_years} years suffice.").format(years=years, child_years=child_years)
        )

    if facts.duldung_since is None:
        cite = params["duldung"]["cite"]
        result.missing.append(Finding(
            "duldung_unknown",
            _("No Duldung date: § 25b is for people with a Duldung or a § 104c permit ({cite}).").format(cite=cite)
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
            _("Entered on or after {cut_off}: the identity must be clarified within {months} months of entry, "
              "by {date} ({cite}); the time limit counts as kept if all necessary and reasonable steps were taken "
              "within it.").format(
                cut_off=format_date(identity["for_entries_from"]), months=identity["within_months_after_entry"],
                date=format_date(identity_due), cite=identity["cite"])
        )
    application = params["application"]
    result.notes.append(
        _("Apply at the earliest {months} months before the training starts ({cite}); the start date of the "
          "training is not among the facts.").format(
            months=application["earliest_months_before_training"], cite=application["cite"])
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
        time.unknown(Finding("entry_date_unknown", _("Entry date unknown: § 60d needs entry by {date} ({cite}).").format(
            date=format_date(cut_off), cite=cite_entry)))
    _duldung_requirement(facts, time, params["duldung"]["months"], params["duldung"]["cite"])

    if facts.employment_since is None:
        time.unknown(Finding(
            "employment_unknown",
            _("No employment start date: {months} months of employment with at least {hours} hours a week are "
              "needed ({cite}).").format(months=months, hours=hours, cite=cite_work),
        ))
    elif facts.weekly_hours is None:
        time.unknown(Finding(
            "weekly_hours_unknown",
            _("Weekly working hours unknown: at least {hours} hours a week are needed ({cite}).").format(
                hours=hours, cite=cite_work),
        ))
    elif facts.weekly_hours < hours:
        # Months with fewer hours do not count, so the period cannot be dated on these facts.
        time.unknown(Finding(
            "weekly_hours",
            _("{weekly} hours a week; at least {hours} hours a week are needed ({cite}). "
              "The {months} months count from the day the hours reach {hours}.").format(
                weekly=format_number(facts.weekly_hours), hours=hours, cite=cite_work, months=months),
        ))
    else:
        employed_on = period_met_on(facts.employment_since, months=months)
        time.add(employed_on, Finding(
            "employment",
            _("{months} months of employment with at least {hours} hours a week ({cite}): complete on {date}.").format(
                months=months, hours=hours, cite=cite_work, date=format_date(employed_on)),
        ))
    result.requirements_met_on = time.all_met_on
    _german_requirement(facts, result, params["german"])
    _identity_requirement(facts, result, params["identity"]["cite"])

    if facts.entry_date is not None and facts.entry_date > cut_off:
        result.available = False
        result.requirements_met_on = None
        result.missing[:] = [Finding(
            "entry_after_cutoff",
            _("Entered on {date}, after {cut_off} ({cite}): § 60d is not possible.").format(
                date=format_date(facts.entry_date), cut_off=format_date(cut_off), cite=cite_entry),
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
            "entry_date_unknown",
            _("Entry date unknown: {years} years of uninterrupted stay are needed ({cite}).").format(years=years, cite=cite)
        ))
        return
    met_on = period_met_on(facts.entry_date, years=years)
    time.add(met_on, Finding("stay", _("{years} years of uninterrupted stay ({cite}): complete on {date}.").format(
        years=years, cite=cite, date=format_date(met_on))))


def _duldung_requirement(facts: Facts, time: _TimeRequirements, months: int, cite: str) -> None:
    if facts.duldung_since is None:
        time.unknown(Finding(
            "duldung_unknown",
            _("No Duldung date: a Duldung held for {months} months is needed ({cite}).").format(months=months, cite=cite)
        ))
        return
    met_on = period_met_on(facts.duldung_since, months=months)
    time.add(met_on, Finding("duldung", _("{months} months with a Duldung ({cite}): complete on {date}.").format(
        months=months, cite=cite, date=format_date(met_on))))


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
            _("Unknown: {years} years of successful school attendance in Germany or a recognised school or "
              "vocational qualification ({cite}).").format(years=years, cite=cite),
        )
    elif facts.school_years is None:
        finding = Finding(
            "school_unknown",
            _("Years of successful school attendance in Germany unknown: {years} are needed ({cite}).").format(
                years=years, cite=cite)
        )
    elif qualification_open:
        finding = Finding(
            "school",
            _("{done} of {years} years of successful school attendance in Germany; a recognised school or "
              "vocational qualification would also do ({cite}).").format(
                done=format_number(facts.school_years), years=years, cite=cite),
        )
    else:
        finding = Finding(
            "school", _("{done} of {years} years of successful school attendance in Germany ({cite}).").format(
                done=format_number(facts.school_years), years=years, cite=cite)
        )
    result.missing.append(finding)


def _german_requirement(facts: Facts, result: RuleResult, german: dict) -> None:
    required, cite = german["level"], german["cite"]
    reached = facts.german_level_at_least(required)
    if reached is None:
        result.missing.append(Finding(
            "german_unknown",
            _("German level unknown: oral German at level {level} is needed ({cite}).").format(level=required, cite=cite)
        ))
    elif not reached:
        result.missing.append(Finding(
            "german", _("German at level {reached}; oral German at level {level} is needed ({cite}).").format(
                reached=facts.german_level, level=required, cite=cite)
        ))


def _identity_requirement(facts: Facts, result: RuleResult, cite: str) -> None:
    if facts.identity_clarified is None:
        result.missing.append(Finding("identity_unknown", _("Unknown whether the identity is clarified ({cite}).").format(
            cite=cite)))
    elif not facts.identity_clarified:
        result.missing.append(Finding("identity", _("Identity not clarified ({cite}).").format(cite=cite)))


# --- notes ------------------------------------------------------------------------------------

def _birth_date_notes(birth: BirthDate, on: date, years: int, deadline: date) -> list[str]:
    notes = []
    if birth.is_partial:
        if birth.earliest.month == birth.latest.month:
            notes.append(
                _("Only the birth month is known ({birth}): the last day to apply is computed from the earliest "
                  "possible birthday, {earliest}, so it is never too late. Check the exact date in the "
                  "person's papers.").format(birth=format_partial_date(birth.text), earliest=format_date(birth.earliest))
            )
        else:
            notes.append(
                _("Only the birth year is known ({birth}): the last day to apply is computed from the earliest "
                  "possible birthday, {earliest}, so it is never too late. Check the exact date in the "
                  "person's papers.").format(birth=format_partial_date(birth.text), earliest=format_date(birth.earliest))
            )
        latest_deadline = last_day_before_age(birth.latest, years)
        if deadline < on <= latest_deadline:
            notes.append(
                _("With a later birthday in {birth} the last day to apply could be as late as "
                  "{date}: check the exact birth date before ruling § 25a out.").format(
                    birth=format_partial_date(birth.text), date=format_date(latest_deadline))
            )
    elif (birth.earliest.month, birth.earliest.day) == (2, 29) and not calendar.isleap(birth.earliest.year + years):
        notes.append(
            _("Born on 29 February: in {year} the person completes {years} years of life with the end of "
              "28 February (§ 188 Abs. 2 and 3 BGB), so the last day to apply is {date}.").format(
                year=deadline.year, years=years, date=format_date(deadline))
        )
    return notes


def _stay_counting_note(rule_set: RuleSet) -> str:
    months, cite = rule_set.stay_interruption["allowed_months"], rule_set.stay_interruption["cite"]
    return (
        _("The stay is counted from the entry date as uninterrupted; absences of up to {months} months do not break "
          "it ({cite}). After a longer absence or a gap in the papers the count starts again: enter the day of return "
          "as the entry date.").format(months=months, cite=cite)
    )


def _not_checked_and_hints(params: dict) -> list[str]:
    # The rules file's sentences are English source text with catalog entries (babel.cfg, lotse_rules).
    notes = [_("Also required, not checked here: {item}.").format(item=_(item)) for item in params["not_checked"]]
    notes.extend(_(hint) for hint in params["hints"])
    return notes


def _chancen_notes(on: date, rule_set: RuleSet) -> list[str]:
    """§ 104c matters for § 25a/§ 25b only while applications or the move to § 25a/§ 25b are open."""
    chancen = rule_set["104c"]
    stay = chancen["stay"]
    if on <= chancen["new_applications_until"]:
        return [
            _("A § 104c permit (Chancen-Aufenthaltsrecht) can still be applied for until {until} by people who had "
              "stayed {years} years by {reference_date} ({cite}).").format(
                until=format_date(chancen["new_applications_until"]), years=stay["years"],
                reference_date=format_date(stay["reference_date"]), cite=stay["cite"])
        ]
    if on <= chancen["transition_until"]:
        return [
            _("Holders of a § 104c permit can move to § 25a or § 25b until {until}, before their permit ends; "
              "new § 104c applications ended on {ended} ({cite}).").format(
                until=format_date(chancen["transition_until"]), ended=format_date(chancen["new_applications_until"]),
                cite=chancen["cite"])
        ]
    return []

