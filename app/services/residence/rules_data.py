"""Versioned residence-law parameters: loading ``resources/rules/*.json`` and picking the version in force.

Every figure from law (ages, months, hours, cut-off dates, citations) lives in
the rules files, never in code, because the law changes. Each file is a
complete legal version with the date it takes effect (``in_force_from``); the
check for a date uses the newest file in force on that date. Adding a file for
a new version therefore needs no code change, and checks for earlier dates
still use the version that applied then.

The files are validated against :data:`SCHEMA` when they are loaded, so a
missing or mistyped parameter is reported with the file and the key instead
of failing in the middle of a check.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.errors import DataError
from app.formatting import format_date
from app.i18n import _
from app.resources import resource_path
from app.services.residence.facts import CEFR_LEVELS

RULES_DIR = resource_path("rules")

# Leaf markers of the schema besides Python types.
DATE = "date"
LEVEL = "level"
TEXTS = "texts"  # a list of sentences shown to the case manager

_STAY_INTERRUPTION = {"allowed_months": int, "cite": str}

SCHEMA: dict[str, Any] = {
    "25a": {
        "title": str,
        "duldung": {"months": int, "cite": str},
        "stay": {"years": int, "cite": str},
        "school": {"years": int, "qualification_instead": bool, "cite": str},
        "age": {"min_years": int, "min_cite": str, "apply_before_years": int, "cite": str},
        "identity": {"cite": str},
        "not_checked": TEXTS,
        "hints": TEXTS,
    },
    "25b": {
        "title": str,
        "duldung": {"cite": str},
        "stay": {"years": int, "years_with_minor_child": int, "cite": str},
        "german": {"level": LEVEL, "cite": str},
        "identity": {"cite": str},
        "not_checked": TEXTS,
        "hints": TEXTS,
    },
    "60c": {
        "title": str,
        "duldung": {"months": int, "cite": str},
        "application": {"earliest_months_before_training": int, "cite": str},
        "identity": {"for_entries_from": DATE, "within_months_after_entry": int, "cite": str},
        "not_checked": TEXTS,
        "hints": TEXTS,
    },
    "60d": {
        "title": str,
        "entry": {"by": DATE, "cite": str},
        "duldung": {"months": int, "cite": str},
        "employment": {"months": int, "min_weekly_hours": int, "cite": str},
        "german": {"level": LEVEL, "cite": str},
        "identity": {"cite": str},
        "not_checked": TEXTS,
        "hints": TEXTS,
    },
    "104c": {
        "title": str,
        "stay": {"years": int, "reference_date": DATE, "cite": str},
        "new_applications_until": DATE,
        "transition_until": DATE,
        "cite": str,
    },
}


# Loaded rule sets per folder with the names, times and sizes of their files.
_CACHE: dict[str, tuple[tuple, tuple[RuleSet, ...]]] = {}


@dataclass(frozen=True)
class RuleSet:
    """One legal version: its parameters per rule, validated, dates as ``date``; treat as read-only."""

    version: str
    in_force_from: date
    source: str
    stay_interruption: dict[str, Any]
    rules: dict[str, dict[str, Any]]
    path: Path

    def __getitem__(self, rule: str) -> dict[str, Any]:
        return self.rules[rule]


def load_rule_sets(rules_dir: Path | None = None) -> list[RuleSet]:
    """All rules files in ``rules_dir`` (default ``resources/rules``), oldest first."""
    folder = Path(rules_dir) if rules_dir is not None else RULES_DIR
    paths = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if not paths:
        raise DataError(_("No residence-law rules files found in {folder}.").format(folder=folder))
    # Checking every case of a vault would re-read the same files; reuse them until one changes.
    signature = (str(folder.resolve()), tuple((path.name, path.stat().st_mtime_ns, path.stat().st_size) for path in paths))
    cached = _CACHE.get(signature[0])
    if cached is not None and cached[0] == signature:
        return list(cached[1])
    rule_sets = sorted((_load_file(path) for path in paths), key=lambda rule_set: rule_set.in_force_from)
    for earlier, later in zip(rule_sets, rule_sets[1:], strict=False):
        if earlier.in_force_from == later.in_force_from:
            raise DataError(
                _("The rules files {first} and {second} both take effect on {date}; keep one.").format(
                    first=earlier.path.name, second=later.path.name, date=format_date(later.in_force_from))
            )
    _CACHE[signature[0]] = (signature, tuple(rule_sets))
    return rule_sets


def rules_in_force(on: date, rules_dir: Path | None = None) -> RuleSet:
    """The newest legal version whose ``in_force_from`` is on or before ``on``."""
    rule_sets = load_rule_sets(rules_dir)
    in_force = [rule_set for rule_set in rule_sets if rule_set.in_force_from <= on]
    if not in_force:
        raise DataError(
            _("No residence-law rules are in force on {date}: the earliest rules file ({file}) "
              "takes effect on {start}.").format(
                date=format_date(on), file=rule_sets[0].path.name, start=format_date(rule_sets[0].in_force_from))
        )
    return in_force[-1]


def _load_file(path: Path) -> RuleSet:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(_("The rules file {file} cannot be read: {error}.").format(file=path.name, error=exc)) from exc
    if not isinstance(raw, dict):
        raise DataError(_("The rules file {file} must hold a JSON object.").format(file=path.name))
    header = _validate(
        raw,
        {"version": str, "in_force_from": DATE, "source": str, "stay_interruption": _STAY_INTERRUPTION,
         "rules": SCHEMA},
        path.name,
        "",
    )
    return RuleSet(
        version=header["version"],
        in_force_from=header["in_force_from"],
        source=header["source"],
        stay_interruption=header["stay_interruption"],
        rules=header["rules"],
        path=path,
    )


def _validate(raw: dict[str, Any], schema: dict[str, Any], file_name: str, prefix: str) -> dict[str, Any]:
    """A copy of ``raw`` restricted to the schema's keys, dates parsed; a DataError names a bad key."""
    result: dict[str, Any] = {}
    for key, expected in schema.items():
        where = prefix + key
        if key not in raw:
            raise DataError(_("The rules file {file} lacks '{where}'.").format(file=file_name, where=where))
        value = raw[key]
        if isinstance(expected, dict):
            if not isinstance(value, dict):
                raise DataError(_("In the rules file {file}, '{where}' must be an object.").format(file=file_name, where=where))
            result[key] = _validate(value, expected, file_name, where + ".")
        else:
            result[key] = _leaf(value, expected, file_name, where)
    return result


def _leaf(value: Any, expected: Any, file_name: str, where: str) -> Any:
    def bad(kind: str) -> DataError:
        return DataError(
            _("In the rules file {file}, '{where}' must be {kind}, not {value!r}.").format(
                file=file_name, where=where, kind=kind, value=value)
        )

    if expected == DATE:
        if not isinstance(value, str):
            raise bad(_("a date as YYYY-MM-DD"))
        try:
            return date.fromisoformat(value)
        except ValueError as exc:
            raise bad(_("a date as YYYY-MM-DD")) from exc
    if expected == TEXTS:
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            raise bad(_("a list of texts"))
        return list(value)
    if expected == LEVEL:
        if value not in CEFR_LEVELS:
            raise bad(_("a language level ({levels})").format(levels=", ".join(CEFR_LEVELS)))
        return value
    if expected is int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise bad(_("a whole number"))
        return value
    if expected is bool:
        if not isinstance(value, bool):
            raise bad(_("true or false"))
        return value
    if not isinstance(value, str) or not value.strip():
        raise bad(_("a text"))
    return value
