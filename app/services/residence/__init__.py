"""Residence-law rules (§§ 25a, 25b, 60c, 60d, 104c AufenthG) as versioned data and the check on them.

The public API; everything here is pure (no database, no Qt):

* ``Facts.from_mapping(dict)`` / ``Facts.from_file(path)`` — a person's facts
  (fields of shared/CLI.md ``residence-check``), strictly validated;
  ``Facts.from_attributes(person)`` from the case file's ``Person`` (empty
  strings are unknown); ``parse_birth_date(text)`` for a partial birth date.
* ``check_residence(facts, on, rules_dir=None) -> ResidenceCheck`` — per rule
  ``requirements_met_on``, ``application_deadline``, ``available``,
  ``missing``, ``notes``; plus ``deadlines`` and ``warnings``;
  ``.to_json()`` is the CLI's JSON.
* ``rule_deadlines(facts, on) -> list[RuleDeadline]`` — (kind, due, source,
  text) for the case's deadline list.
* ``rules_in_force(on)`` / ``load_rule_sets()`` — the legal versions.
* ``uninterrupted_stay_since(entry, absences, allowed_months=)`` — the start of the stay
  that counts, given known absences.
"""

from app.services.residence.check import check_residence, rule_deadlines
from app.services.residence.facts import BirthDate, Facts, parse_birth_date
from app.services.residence.results import Finding, ResidenceCheck, RuleDeadline, RuleResult
from app.services.residence.rules_data import RuleSet, load_rule_sets, rules_in_force
from app.services.residence.stay import uninterrupted_stay_since

__all__ = [
    "BirthDate",
    "Facts",
    "Finding",
    "ResidenceCheck",
    "RuleDeadline",
    "RuleResult",
    "RuleSet",
    "check_residence",
    "load_rule_sets",
    "parse_birth_date",
    "rule_deadlines",
    "rules_in_force",
    "uninterrupted_stay_since",
]
