"""The residence-law check as one call, and the deadlines it yields for the deadline list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.errors import UsageError
from app.formatting import format_date, format_partial_date
from app.i18n import N_, _
from app.services.residence.alerts import collect_deadlines, warnings_for
from app.services.residence.engine import check_25a, check_25b, check_60c, check_60d
from app.services.residence.facts import Facts
from app.services.residence.results import ResidenceCheck, RuleDeadline
from app.services.residence.rules_data import load_rule_sets, rules_in_force

COUNTING_NOTE = N_(
    "Periods are counted without the day of entry or grant (§ 187 Abs. 1 BGB, § 188 BGB); an "
    "authority that also counts that day reaches the same point one day earlier, never later."
)


# Dates are counted forward by decades at most; beyond this year they would leave the calendar.
LAST_PLAUSIBLE_YEAR = 8999


def check_residence(facts: Facts, on: date, *, rules_dir: Path | None = None,
                    strict: bool = True) -> ResidenceCheck:
    """Check §§ 25a, 25b, 60c, 60d for ``facts`` on ``on`` with the legal version in force on that date.

    ``rules_dir`` replaces ``resources/rules`` (tests, or an organisation's own copy).
    Facts that cannot be true on ``on`` (born after it; with ``strict``, also an entry, Duldung
    or job before the birth) raise UsageError.
    """
    check_facts_against(facts, on, strict=strict)
    rule_set = rules_in_force(on, rules_dir)
    results = {
        "25a": check_25a(facts, on, rule_set),
        "25b": check_25b(facts, on, rule_set),
        "60c": check_60c(facts, on, rule_set),
        "60d": check_60d(facts, on, rule_set),
    }
    deadlines = collect_deadlines(facts, on, rule_set, results)
    return ResidenceCheck(
        on=on,
        rules_version=rule_set.version,
        rules_source=rule_set.source,
        rules=results,
        deadlines=deadlines,
        warnings=warnings_for(deadlines, on),
        notes=[_(COUNTING_NOTE), *_newer_version_notes(on, results, rules_dir)],
    )


def _newer_version_notes(on: date, results: dict, rules_dir: Path | None) -> list[str]:
    """A check uses the law in force on its date; say so when a known later version may change its dates.

    The dates are computed with the version in force on ``on``; a rules file that takes
    effect later is used by checks from that day on, which may give other dates.
    """
    later = [rule_set for rule_set in load_rule_sets(rules_dir) if rule_set.in_force_from > on]
    if not later:
        return []
    upcoming = later[0]
    dates = [day for result in results.values()
             for day in (result.requirements_met_on, result.application_deadline) if day is not None]
    if not any(day >= upcoming.in_force_from for day in dates):
        return []
    return [_("A newer legal version ({version}) takes effect on {date}; dates from then on follow it: "
              "check again on or after that day.").format(version=upcoming.version,
                                                           date=format_date(upcoming.in_force_from))]


def rule_deadlines(facts: Facts, on: date, *, rules_dir: Path | None = None) -> list[RuleDeadline]:
    """The deadlines the rules give for a person, due on or after ``on``, each with ``source="rule:<§>"``.

    For the case's deadline list: the last day to apply for § 25a, the day the
    time requirements of § 25a/§ 25b/§ 60c/§ 60d are met, the § 60c identity
    time limit. A person born after ``on`` gets none, and contradictory dates do not
    raise: one case file must not break everyone's deadline list (its check says why).
    """
    try:
        # An entry date mistyped before the birth must not hide the person's § 25a deadline.
        return check_residence(facts, on, rules_dir=rules_dir, strict=False).deadlines
    except UsageError:
        return []


def check_facts_against(facts: Facts, on: date, *, strict: bool = True) -> None:
    """Refuse facts no person can have on ``on``: a check on them would give dates that mean nothing.

    A partial birth date counts from its earliest possible day, so a birth year
    that has begun is accepted. ``strict`` also refuses an entry, Duldung or job before the birth.
    """
    dated = (("--on", on), ("entry_date", facts.entry_date), ("duldung_since", facts.duldung_since),
             ("employment_since", facts.employment_since))
    for field, day in dated:
        if day is not None and day.year > LAST_PLAUSIBLE_YEAR:
            raise UsageError(_("{field} ({date}) lies too far in the future.").format(field=field, date=format_date(day)))
    birth = facts.birth_date
    if birth is None:
        return
    if birth.earliest > on:
        raise UsageError(
            _("The birth date {birth} lies after the check date {on}: check the birth date.").format(
                birth=format_partial_date(birth.text), on=format_date(on))
        )
    for field, day in dated[1:] if strict else ():
        if day is not None and day < birth.earliest:
            raise UsageError(
                _("{field} ({date}) lies before the birth date {birth}: check both dates.").format(
                    field=field, date=format_date(day), birth=format_partial_date(birth.text))
            )
