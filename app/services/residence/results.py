"""What a residence check returns: plain data, ready for the CLI's JSON and for the GUI."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Finding:
    """One open condition: a stable ``code`` for programs, a sentence for people."""

    code: str
    text: str


@dataclass
class RuleResult:
    """The outcome for one rule (§ 25a, § 25b, § 60c, § 60d) on the check date.

    ``requirements_met_on``: first day all time-based requirements are met
    (None when they never can be, or a date they depend on is unknown — then
    ``missing`` says which). ``application_deadline``: last day to apply (None
    when there is none or it is unknown). ``available``: whether the rule can
    still apply on the check date.
    """

    rule: str
    title: str
    requirements_met_on: date | None = None
    application_deadline: date | None = None
    available: bool = True
    missing: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "requirements_met_on": _iso(self.requirements_met_on),
            "application_deadline": _iso(self.application_deadline),
            "available": self.available,
            "missing": [finding.text for finding in self.missing],
            "missing_codes": [finding.code for finding in self.missing],
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class RuleDeadline:
    """A date a case manager must not miss, derived from a rule, for the deadline list.

    ``kind`` is a code of ``app.models.codes.DeadlineKind``: ``birthday_27``
    (last day to apply for § 25a), ``stay_requirement`` (the day a rule's time
    requirements are met) or ``other`` (the § 60c identity time limit);
    ``source`` names the rule, e.g. ``rule:25a``.
    """

    kind: str
    due: date
    source: str
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "due": self.due.isoformat(), "source": self.source, "text": self.text}


@dataclass
class ResidenceCheck:
    """The whole answer of ``residence-check`` (shared/CLI.md)."""

    on: date
    rules_version: str
    rules_source: str
    rules: dict[str, RuleResult]
    deadlines: list[RuleDeadline] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "on": self.on.isoformat(),
            "rules_version": self.rules_version,
            "rules_source": self.rules_source,
            "rules": {name: result.to_json() for name, result in self.rules.items()},
            "deadlines": [deadline.to_json() for deadline in self.deadlines],
            "warnings": list(self.warnings),
            "notes": list(self.notes),
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None
