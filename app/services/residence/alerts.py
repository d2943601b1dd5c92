"""Deadlines and warnings that follow from a residence check.

The deadlines (``rule:25a`` etc.) are what the case's deadline list merges with
documents and agreement steps: the last day to apply for § 25a, the day the
time requirements of a rule are met, and the § 60c identity time limit.
Warnings are the deadlines that fall within the warning window.
"""

from __future__ import annotations

from datetime import date, timedelta

from app.formatting import format_date
from app.i18n import N_, _, ngettext
from app.services.residence.engine import identity_deadline_60c
from app.services.residence.facts import Facts
from app.services.residence.results import RuleDeadline, RuleResult
from app.services.residence.rules_data import RuleSet

# How far ahead a deadline becomes a warning. A working choice of this
# application, not a figure from law, so it lives here and not in the rules.
WARNING_DAYS = 90

# Deadline kinds are the codes of app.models.codes.DeadlineKind (kept as plain
# strings so the engine stays free of the ORM).
BIRTHDAY_27 = "birthday_27"  # the last day to apply for § 25a
STAY_REQUIREMENT = "stay_requirement"  # the day the time requirements of a rule are met
OTHER = "other"  # the § 60c identity time limit

_ADVICE = {
    BIRTHDAY_27: N_("File the application unless it has been filed."),
    STAY_REQUIREMENT: N_("Prepare the application."),
    OTHER: N_("Clarify the identity or document every reasonable step taken."),
}


def collect_deadlines(facts: Facts, on: date, rule_set: RuleSet, results: dict[str, RuleResult]) -> list[RuleDeadline]:
    """The rule deadlines due on or after ``on``, earliest first; passed ones are left out."""
    deadlines: list[RuleDeadline] = []
    last_day = results["25a"].application_deadline
    if results["25a"].available and last_day is not None and last_day >= on:
        years = rule_set["25a"]["age"]["apply_before_years"]
        birthday = last_day + timedelta(days=1)
        if facts.birth_date is not None and facts.birth_date.is_partial:
            text = _("Last day to apply for § 25a; the person turns {years} on {date} at the earliest").format(
                years=years, date=format_date(birthday))
        else:
            text = _("Last day to apply for § 25a; the person turns {years} on {date}").format(
                years=years, date=format_date(birthday))
        deadlines.append(RuleDeadline(BIRTHDAY_27, last_day, "rule:25a", text))
    for name, result in results.items():
        met_on = result.requirements_met_on
        if result.available and met_on is not None and met_on >= on:
            deadlines.append(RuleDeadline(STAY_REQUIREMENT, met_on, f"rule:{name}", _("Time requirements for § {rule} met").format(
                rule=name)))
    identity_due = identity_deadline_60c(facts, rule_set)
    if identity_due is not None and identity_due >= on and facts.identity_clarified is not True:
        months = rule_set["60c"]["identity"]["within_months_after_entry"]
        deadlines.append(RuleDeadline(
            OTHER, identity_due, "rule:60c",
            _("Last day to clarify the identity for a later § 60c Ausbildungsduldung ({months} months after entry)").format(
                months=months),
        ))
    return sorted(deadlines, key=lambda item: (item.due, item.source, item.kind))


def warnings_for(deadlines: list[RuleDeadline], on: date, *, within_days: int = WARNING_DAYS) -> list[str]:
    """One warning per deadline due within ``within_days`` of ``on`` (today included), with advice."""
    warnings = []
    for deadline in deadlines:
        days = (deadline.due - on).days
        if not 0 <= days <= within_days:
            continue
        due = format_date(deadline.due)
        if days == 0:
            when = _("{date}, today: {text}.").format(date=due, text=deadline.text)
        elif days == 1:
            when = _("{date}, tomorrow: {text}.").format(date=due, text=deadline.text)
        else:
            when = ngettext("{date}, in {days} day: {text}.", "{date}, in {days} days: {text}.", days).format(
                date=due, days=days, text=deadline.text)
        warnings.append(f"{when} {_(_ADVICE[deadline.kind])}")
    return warnings
