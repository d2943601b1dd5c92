"""Checks every input to the case file goes through, with messages a user can act on.

The same cleaners serve the services (values from forms, already typed) and the
CSV import (text from a spreadsheet), so a row that imports is a row the forms
would have accepted. Each cleaner returns the value to store or raises
:class:`ValidationError` with a complete English sentence (one sentence per message, never glued
together from fragments) through gettext. Labels arrive in English and are translated
here; app/i18n_extract.py puts every literal label into the catalogs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from functools import cache
from typing import Any

from app.errors import ValidationError
from app.formatting import format_date
from app.i18n import N_, _, ngettext

MAX_NAME_LENGTH = 200
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_GERMAN_MONTH = re.compile(r"^(\d{1,2})\.(\d{4})$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_LIST_SEPARATORS = re.compile(r"[|,;/\s]+")
EARLIEST_BIRTH_YEAR = 1900

TRUE_WORDS = frozenset({"1", "true", "yes", "y", "ja", "j", "x", "wahr"})
FALSE_WORDS = frozenset({"0", "false", "no", "n", "nein", "falsch"})


def today() -> date:
    """The local date; one place so that every check agrees on it."""
    return date.today()


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# --- text ----------------------------------------------------------------------------


def clean_name(value: Any, label: str) -> str:
    """A name as typed: any script, any punctuation (``<b>&'"`` included); no line breaks."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(_("The {label} must be text.").format(label=_(label)))
    name = value.strip()
    if _CONTROL.search(name):
        raise ValidationError(_("The {label} cannot contain line breaks or control characters.").format(label=_(label)))
    if len(name) > MAX_NAME_LENGTH:
        raise ValidationError(
            _("The {label} is longer than {max} characters.").format(label=_(label), max=MAX_NAME_LENGTH)
        )
    return name


def require_some_name(given_names: str, family_name: str) -> None:
    if not given_names and not family_name:
        raise ValidationError(_("Enter a given name or a family name; both are empty."))


def clean_text(value: Any, label: str, *, max_length: int | None = None, required: bool = False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(_("The {label} must be text.").format(label=_(label)))
    text = value.strip()
    if required and not text:
        raise ValidationError(_("The {label} is empty.").format(label=_(label)))
    if max_length is not None and len(text) > max_length:
        raise ValidationError(_("The {label} is longer than {max} characters.").format(label=_(label), max=max_length))
    return text


# --- dates ---------------------------------------------------------------------------


def parse_date(value: Any, label: str) -> date | None:
    """ISO ``YYYY-MM-DD`` (or German ``DD.MM.YYYY`` from spreadsheets); None when blank."""
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValidationError(_("The {label} must be a date (YYYY-MM-DD).").format(label=_(label)))
    text = value.strip()
    match = _ISO_DATE.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
    else:
        match = _GERMAN_DATE.match(text)
        if not match:
            raise ValidationError(
                _("The {label} '{text}' is not a date: use YYYY-MM-DD.").format(label=_(label), text=text)
            )
        day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(
            _("The {label} '{text}' does not exist in the calendar.").format(label=_(label), text=text)
        ) from None


def require_date(value: Any, label: str) -> date:
    parsed = parse_date(value, label)
    if parsed is None:
        raise ValidationError(_("The {label} is missing.").format(label=_(label)))
    return parsed


def not_in_future(day: date | None, label: str, *, on: date | None = None) -> date | None:
    limit = on or today()
    if day is not None and day > limit:
        raise ValidationError(
            _("The {label} {date} lies in the future.").format(label=_(label), date=format_date(day))
        )
    return day


def past_date(value: Any, label: str) -> date | None:
    """A date that has happened: parsed, and not after today."""
    return not_in_future(parse_date(value, label), label)


def not_before(day: date | None, earliest: date | None, label: str, earliest_label: str) -> None:
    if day is not None and earliest is not None and day < earliest:
        raise ValidationError(
            _("The {label} {date} lies before the {earliest_label} {earliest}.").format(
                label=_(label), date=format_date(day), earliest_label=_(earliest_label), earliest=format_date(earliest))
        )


def clean_birth_date(value: Any, *, on: date | None = None) -> str:
    """A birth date, possibly partial: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    Many refugees know only the year of their birth; the rules engine treats a
    partial date conservatively. German forms (``DD.MM.YYYY``, ``MM.YYYY``) from
    spreadsheets are turned into ISO.
    """
    if is_blank(value):
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        text = value.isoformat()
    elif isinstance(value, str):
        text = value.strip()
    else:
        raise ValidationError(_("The birth date must be text like YYYY-MM-DD, YYYY-MM or YYYY."))
    german = _GERMAN_DATE.match(text)
    if german:
        text = f"{german.group(3)}-{int(german.group(2)):02d}-{int(german.group(1)):02d}"
    german_month = _GERMAN_MONTH.match(text)
    if german_month:
        text = f"{german_month.group(2)}-{int(german_month.group(1)):02d}"
    match = _PARTIAL_DATE.match(text)
    if not match:
        raise ValidationError(
            _("The birth date '{text}' is not a date: use YYYY-MM-DD, YYYY-MM or YYYY.").format(text=text)
        )
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if month is not None and not 1 <= month <= 12:
        raise ValidationError(_("The birth date '{text}' has no month {month}.").format(text=text, month=month))
    if day is not None:
        try:
            date(year, month, day)
        except ValueError:
            raise ValidationError(
                _("The birth date '{text}' does not exist in the calendar.").format(text=text)
            ) from None
    if year < EARLIEST_BIRTH_YEAR:
        raise ValidationError(
            _("The birth date '{text}' lies before {year}.").format(text=text, year=EARLIEST_BIRTH_YEAR)
        )
    now = on or today()
    earliest_possible = (year, month or 1, day or 1)
    if earliest_possible > (now.year, now.month, now.day):
        raise ValidationError(_("The birth date {text} lies in the future.").format(text=text))
    return text


# --- numbers, flags, codes -------------------------------------------------------------


def clean_int(value: Any, label: str, lowest: int, highest: int, *, required: bool = False) -> int | None:
    if is_blank(value):
        if required:
            raise ValidationError(_("The {label} is missing.").format(label=_(label)))
        return None
    if isinstance(value, bool):
        raise ValidationError(_("The {label} must be a whole number.").format(label=_(label)))
    try:
        number = int(value.strip()) if isinstance(value, str) else int(value)
        if isinstance(value, float) and value != number:
            raise ValueError
    except (TypeError, ValueError):
        raise ValidationError(
            _("The {label} '{value}' is not a whole number.").format(label=_(label), value=value)
        ) from None
    if not lowest <= number <= highest:
        raise ValidationError(
            _("The {label} must be between {lowest} and {highest}; {number} is not.").format(
                label=_(label), lowest=lowest, highest=highest, number=number)
        )
    return number


def clean_number(value: Any, label: str, lowest: float, highest: float) -> float | None:
    if is_blank(value):
        return None
    try:
        number = float(value.strip().replace(",", ".")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        raise ValidationError(_("The {label} '{value}' is not a number.").format(label=_(label), value=value)) from None
    if not lowest <= number <= highest:
        raise ValidationError(
            _("The {label} must be between {lowest:g} and {highest:g}; {number:g} is not.").format(
                label=_(label), lowest=lowest, highest=highest, number=number)
        )
    return number


def clean_need_level(value: Any, *, required: bool = False) -> int | None:
    return clean_int(value, "need level", 0, 3, required=required)


def clean_attainment(value: Any) -> int:
    return clean_int(value, "attainment", 0, 100, required=True)  # type: ignore[return-value]


def clean_bool(value: Any, label: str, *, nullable: bool = False) -> bool | None:
    if is_blank(value):
        return None if nullable else False
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValidationError(_("The {label} '{value}' is not yes or no.").format(label=_(label), value=value))


def clean_code(value: Any, allowed: Iterable[str], label: str, *, required: bool = True) -> str:
    """One of a fixed set of codes; the message lists what is allowed."""
    allowed = tuple(allowed)
    if is_blank(value):
        if required:
            raise ValidationError(
                _("The {label} is missing: use one of {codes}.").format(label=_(label), codes=", ".join(allowed))
            )
        return ""
    code = str(value).strip()
    if code not in allowed:
        raise ValidationError(
            _("Unknown {label} '{value}': use one of {codes}.").format(label=_(label), value=code, codes=", ".join(allowed))
        )
    return code


def split_list(value: Any) -> list[str]:
    """A list from a form (already a list) or a spreadsheet cell (``SY|IQ``, ``ar, ku``)."""
    if is_blank(value):
        return []
    if isinstance(value, str):
        return [part for part in _LIST_SEPARATORS.split(value.strip()) if part]
    return [str(part).strip() for part in value if str(part).strip()]


def clean_codes(value: Any, allowed: Iterable[str], label: str) -> list[str]:
    allowed = tuple(allowed)
    codes = []
    for code in split_list(value):
        checked = clean_code(code, allowed, label)
        if checked not in codes:
            codes.append(checked)
    return codes


def clean_aliases(value: Any) -> list[str]:
    """Other spellings of the name; in a spreadsheet cell separated by ``|``."""
    if is_blank(value):
        return []
    parts = value.split("|") if isinstance(value, str) else list(value)
    return [alias for alias in (clean_name(part, "alias") for part in parts) if alias]


# --- countries and languages (from Babel's CLDR data, no list of our own to maintain) --

# "XX" is used by German authorities' forms for stateless persons; "ZZ" is CLDR's "unknown".
EXTRA_COUNTRIES = {"XX": "stateless"}
# Languages refugees speak that CLDR's English list lacks.
EXTRA_LANGUAGES = {"prs": "Dari", "kmr": "Kurmanji (Northern Kurdish)"}


@cache
def country_codes() -> frozenset[str]:
    from babel import Locale

    territories = Locale("en").territories
    codes = {code for code in territories if len(code) == 2 and code.isalpha() and code not in {"XA", "XB"}}
    return frozenset(codes | set(EXTRA_COUNTRIES))


@cache
def language_codes() -> frozenset[str]:
    from babel import Locale

    codes = {code for code in Locale("en").languages if code.isalpha() and len(code) in (2, 3)}
    return frozenset(codes | set(EXTRA_LANGUAGES))


def clean_countries(value: Any) -> list[str]:
    codes = []
    for part in split_list(value):
        code = part.upper()
        if code not in country_codes():
            raise ValidationError(
                _("Unknown nationality '{value}': use ISO 3166 two-letter country codes such as SY, AF, UA "
                  "(XX for stateless).").format(value=part)
            )
        if code not in codes:
            codes.append(code)
    return codes


def clean_language(value: Any, label: str = N_("language")) -> str:
    if is_blank(value):
        return ""
    code = str(value).strip().lower()
    if code not in language_codes():
        raise ValidationError(
            _("Unknown {label} '{value}': use ISO 639 language codes such as ar, fa, prs, ps, ti, uk.").format(
                label=_(label), value=value)
        )
    return code


def clean_languages(value: Any) -> list[str]:
    codes = []
    for part in split_list(value):
        code = clean_language(part)
        if code not in codes:
            codes.append(code)
    return codes


# --- applying a field spec -------------------------------------------------------------

Cleaner = Callable[[Any], Any]


def clean_fields(spec: dict[str, Cleaner], values: dict[str, Any], what: str) -> dict[str, Any]:
    """Clean every given field with its cleaner; unknown fields are errors, not ignored."""
    unknown = sorted(set(values) - set(spec))
    if unknown:
        raise ValidationError(
            ngettext("Unknown {what} field: {fields}.", "Unknown {what} fields: {fields}.", len(unknown)).format(
                what=_(what), fields=", ".join(unknown))
        )
    return {field: spec[field](value) for field, value in values.items()}


def collect_field_errors(spec: dict[str, Cleaner], values: dict[str, Any]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Like :func:`clean_fields` but keeps going: the CSV import reports every error of a row."""
    cleaned: dict[str, Any] = {}
    errors: list[tuple[str, str]] = []
    for field, value in values.items():
        try:
            cleaned[field] = spec[field](value)
        except ValidationError as exc:
            errors.append((field, exc.message))
    return cleaned, errors
