"""Dates, numbers and money as users of the current interface language read them (Babel).

German (the default): ``14.05.2026``, ``14.05.2026, 09:30``, ``1.234,5``,
``1.234,50 €``, ``42,5 %``. English: ISO dates (``2026-05-14``) because Lotse's
English readers work in Germany next to German documents, and ISO is the one
numeric date nobody misreads (05/06 is May to some and June to others); it is
also what the CLI and the CSV files use. Numbers and money in English follow
British usage (``1,234.5``, ``€1,234.50``).

No Qt here: the GUI, the CLI and the documents can all use it. Each function
takes ``language`` for callers that must not follow the interface language
(a German letter printed from an English UI); by default it is
:func:`app.i18n.current_language`.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers

from app import i18n

# The Babel locale of each interface language (the region decides separators and currency layout).
LOCALES: dict[str, str] = {"de": "de_DE", "en": "en_GB"}
DATE_PATTERNS: dict[str, str] = {"de": "dd.MM.y", "en": "y-MM-dd"}
TIME_PATTERN = "HH:mm"
DATETIME_PATTERNS: dict[str, str] = {"de": "dd.MM.y, HH:mm", "en": "y-MM-dd HH:mm"}
# A birth date known only to the month: German forms write 06.2001.
MONTH_PATTERNS: dict[str, str] = {"de": "MM.y", "en": "y-MM"}
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

Number = int | float | Decimal


def locale_for(language: str | None = None) -> Locale:
    """The Babel locale for ``language`` (default: the interface language); German when unknown."""
    code = language or i18n.current_language()
    return Locale.parse(LOCALES.get(code, LOCALES[i18n.DEFAULT_LANGUAGE]))


def _language(language: str | None) -> str:
    code = language or i18n.current_language()
    return code if code in LOCALES else i18n.DEFAULT_LANGUAGE


def format_date(day: date | None, language: str | None = None) -> str:
    """``14.05.2026`` (de) or ``2026-05-14`` (en); empty for no date."""
    if day is None:
        return ""
    if isinstance(day, datetime):
        day = day.date()
    code = _language(language)
    return babel_dates.format_date(day, DATE_PATTERNS[code], locale=locale_for(code))


def format_datetime(moment: datetime | None, language: str | None = None, *, from_utc: bool = False,
                    seconds: bool = False) -> str:
    """``14.05.2026, 09:30`` (de) or ``2026-05-14 09:30`` (en), in the local time zone
    (``seconds`` adds ``:05``, for logs).

    Lotse stores times as naive UTC (``app.models.base.utcnow``): pass ``from_utc=True``
    for those. An aware value is converted to local time; any other naive value is
    shown as it is.
    """
    if moment is None:
        return ""
    if moment.tzinfo is None and from_utc:
        moment = moment.replace(tzinfo=UTC)
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    code = _language(language)
    pattern = DATETIME_PATTERNS[code] + (":ss" if seconds else "")
    return babel_dates.format_datetime(moment, pattern, locale=locale_for(code))


def qt_date_format(language: str | None = None) -> str:
    """The same date layout as a Qt display format, for ``QDateEdit.setDisplayFormat``."""
    return {"de": "dd.MM.yyyy", "en": "yyyy-MM-dd"}[_language(language)]


def format_time(moment: datetime, language: str | None = None) -> str:
    """``09:30`` in every language Lotse speaks (24-hour clock)."""
    return babel_dates.format_time(moment, TIME_PATTERN, locale=locale_for(language))


def format_partial_date(text: str | None, language: str | None = None) -> str:
    """A stored birth date that may be partial: ``2001``, ``2001-06`` or ``2001-06-14``.

    German: ``2001``, ``06.2001``, ``14.06.2001``; English: as stored (ISO). Text in
    any other shape is returned unchanged rather than hidden.
    """
    if not text:
        return ""
    match = _PARTIAL_DATE.match(text.strip())
    if not match:
        return text
    year, month, day = match.groups()
    code = _language(language)
    try:
        if day:
            return format_date(date(int(year), int(month), int(day)), code)
        if month:
            return babel_dates.format_date(date(int(year), int(month), 1), MONTH_PATTERNS[code], locale=locale_for(code))
    except ValueError:
        return text
    return year


def format_number(value: Number | None, language: str | None = None, *, decimals: int | None = None) -> str:
    """``1.234,5`` (de) or ``1,234.5`` (en); ``decimals`` fixes the number of decimal places."""
    if value is None:
        return ""
    if decimals is None:
        return babel_numbers.format_decimal(value, locale=locale_for(language))
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return babel_numbers.format_decimal(value, format=pattern, locale=locale_for(language), decimal_quantization=True)


def format_currency(amount: Number | None, language: str | None = None, currency: str = "EUR") -> str:
    """``1.234,50 €`` (de) or ``€1,234.50`` (en); a no-break space keeps amount and sign together."""
    if amount is None:
        return ""
    return babel_numbers.format_currency(amount, currency, locale=locale_for(language))


def format_percent(fraction: Number | None, language: str | None = None, *, decimals: int = 0) -> str:
    """A fraction as a percentage: 0.425 -> ``42,5 %`` (de, ``decimals=1``) or ``42.5%`` (en)."""
    if fraction is None:
        return ""
    locale = locale_for(language)
    # The locale's own layout ("42 %" with a no-break space in German, "42%" in English) with the
    # decimals asked for.
    pattern = locale.percent_formats[None].pattern.replace("#,##0", "#,##0" + ("." + "0" * decimals if decimals > 0 else ""), 1)
    return babel_numbers.format_percent(fraction, format=pattern, locale=locale)
