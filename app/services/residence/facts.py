"""A person's facts for the residence-law check, parsed strictly from JSON.

The fields are fixed by shared/CLI.md (``residence-check``): an unknown field
is a usage error, a missing field or ``null`` means "unknown". Dates are ISO
``YYYY-MM-DD``; only the birth date may be partial (``YYYY-MM`` or ``YYYY``),
because many people have only a birth year in their papers.
"""

from __future__ import annotations

import calendar
import json
import math
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.errors import DataError, NotFoundError, UsageError
from app.i18n import _

# The CEFR levels in ascending order; a fact of the language framework, not of law.
CEFR_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")

FACT_FIELDS = (
    "birth_date",
    "entry_date",
    "duldung_since",
    "minor_child",
    "school_years",
    "qualification",
    "employment_since",
    "weekly_hours",
    "german_level",
    "identity_clarified",
)

_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"\d{4}")
_HOURS_IN_A_WEEK = 168


@dataclass(frozen=True)
class BirthDate:
    """A birth date that may be known only to the month or the year.

    ``earliest`` and ``latest`` bound the possible days; for a full date they
    are equal. Rules pick the bound that errs on the safe side.
    """

    earliest: date
    latest: date
    text: str

    @property
    def is_partial(self) -> bool:
        return self.earliest != self.latest


@dataclass(frozen=True)
class Facts:
    """What is known about the person; ``None`` means unknown."""

    birth_date: BirthDate | None = None
    entry_date: date | None = None
    duldung_since: date | None = None
    minor_child: bool | None = None
    school_years: float | None = None
    qualification: bool | None = None
    employment_since: date | None = None
    weekly_hours: float | None = None
    german_level: str | None = None
    identity_clarified: bool | None = None

    @classmethod
    def from_mapping(cls, data: Any) -> Facts:
        """Build facts from a decoded JSON object; bad input raises UsageError naming the field."""
        if not isinstance(data, dict):
            raise UsageError(_("The facts must be a JSON object, e.g. {example}.").format(example='{"birth_date": "2001-05-14"}'))
        for name in data:
            if name not in FACT_FIELDS:
                raise UsageError(
                    _("Unknown field '{name}' in the facts; allowed fields: {allowed}.").format(
                        name=name, allowed=", ".join(FACT_FIELDS)
                    )
                )
        return cls(
            birth_date=parse_birth_date(data.get("birth_date")),
            entry_date=_full_date("entry_date", data.get("entry_date")),
            duldung_since=_full_date("duldung_since", data.get("duldung_since")),
            minor_child=_boolean("minor_child", data.get("minor_child")),
            school_years=_number("school_years", data.get("school_years"), upper=None),
            qualification=_boolean("qualification", data.get("qualification")),
            employment_since=_full_date("employment_since", data.get("employment_since")),
            weekly_hours=_number("weekly_hours", data.get("weekly_hours"), upper=_HOURS_IN_A_WEEK),
            german_level=_german_level(data.get("german_level")),
            identity_clarified=_boolean("identity_clarified", data.get("identity_clarified")),
        )

    @classmethod
    def from_attributes(cls, record: Any) -> Facts:
        """Facts from any object with the fact fields as attributes, e.g. the case file's ``Person``.

        Empty strings (how the case file stores "not recorded") and missing
        attributes are unknown. ``qualification`` is read only as a bool: free
        text about qualifications does not say whether one is recognised.
        """
        values = {}
        for name in FACT_FIELDS:
            value = getattr(record, name, None)
            if isinstance(value, str) and not value.strip():
                value = None
            if isinstance(value, date):
                value = value.isoformat()
            if name == "qualification" and not isinstance(value, bool):
                value = None
            values[name] = value
        return cls.from_mapping(values)

    @classmethod
    def from_json_text(cls, text: str, *, origin: str = "the facts") -> Facts:
        return cls.from_mapping(_decode_json(text, origin))

    @classmethod
    def from_file(cls, path: Path) -> Facts:
        """Read a facts file: a missing file is a data problem (exit 4), bad JSON a usage error (exit 2)."""
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except FileNotFoundError as exc:
            raise NotFoundError(_("The facts file {path} does not exist.").format(path=path)) from exc
        except UnicodeDecodeError as exc:
            raise UsageError(_("The facts file {path} is not UTF-8 text.").format(path=path)) from exc
        except OSError as exc:
            raise DataError(
                _("The facts file {path} cannot be read ({reason}).").format(path=path, reason=exc.strerror)
            ) from exc
        return cls.from_json_text(text, origin=str(path))

    def german_level_at_least(self, level: str) -> bool | None:
        """Whether the known German level reaches ``level``; None when unknown."""
        if self.german_level is None:
            return None
        return CEFR_LEVELS.index(self.german_level) >= CEFR_LEVELS.index(level)


def _decode_json(text: str, origin: str) -> Any:
    def reject_constant(name: str) -> Any:
        raise UsageError(_("{origin} contains {name}, which is not a valid JSON number.").format(origin=origin, name=name))

    def reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise UsageError(_("The field '{key}' appears twice in {origin}.").format(key=key, origin=origin))
            result[key] = value
        return result

    try:
        return json.loads(text, parse_constant=reject_constant, object_pairs_hook=reject_duplicates)
    except json.JSONDecodeError as exc:
        raise UsageError(
            _("{origin} is not valid JSON: {error} (line {line}, column {column}).").format(
                origin=origin, error=exc.msg, line=exc.lineno, column=exc.colno)
        ) from exc


def parse_iso_date(field: str, value: str) -> date:
    """A strict ``YYYY-MM-DD`` date (Python's fromisoformat also takes week dates and more)."""
    if not _FULL_DATE.fullmatch(value):
        raise UsageError(_("{field} must be a date as YYYY-MM-DD, not '{value}'.").format(field=field, value=value))
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(_("{field} is not a real calendar date: '{value}'.").format(field=field, value=value)) from exc


def _full_date(field: str, value: Any) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise UsageError(_("{field} must be a date as YYYY-MM-DD in quotes.").format(field=field))
    return parse_iso_date(field, value.strip())


def parse_birth_date(value: Any) -> BirthDate | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` as a range of possible days; None stays unknown."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise UsageError(_("birth_date must be YYYY-MM-DD, YYYY-MM or YYYY in quotes."))
    text = value.strip()
    if _FULL_DATE.fullmatch(text):
        day = parse_iso_date("birth_date", text)
        return BirthDate(day, day, text)
    if match := _YEAR_MONTH.fullmatch(text):
        year, month = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12 or year < 1:
            raise UsageError(_("birth_date has no month {month}: '{text}'.").format(month=month, text=text))
        last = calendar.monthrange(year, month)[1]
        return BirthDate(date(year, month, 1), date(year, month, last), text)
    if _YEAR.fullmatch(text) and int(text) >= 1:
        year = int(text)
        return BirthDate(date(year, 1, 1), date(year, 12, 31), text)
    raise UsageError(_("birth_date must be YYYY-MM-DD, YYYY-MM or YYYY, not '{text}'.").format(text=text))


def _boolean(field: str, value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise UsageError(_("{field} must be true or false.").format(field=field))


def _number(field: str, value: Any, *, upper: float | None) -> float | None:
    if value is None:
        return None
    # bool is an int in Python; "true" is not a number of years or hours.
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise UsageError(_("{field} must be a number.").format(field=field))
    if value < 0 or (upper is not None and value > upper):
        raise UsageError(_("{field} is out of range: {value}.").format(field=field, value=value))
    return float(value)


def _german_level(value: Any) -> str | None:
    if value is None:
        return None
    level = value.strip().upper() if isinstance(value, str) else None
    if level not in CEFR_LEVELS:
        raise UsageError(
            _("german_level must be one of {levels}, not '{value}'.").format(levels=", ".join(CEFR_LEVELS), value=value)
        )
    return level
