"""Translations with gettext: ``_()`` and ``ngettext`` for every user-visible string.

Source strings are English. The catalog for the interface language is read
from ``translations/<lang>/LC_MESSAGES/lotse.mo`` when it exists; without one
the English source text is shown (identity fallback), so a missing catalog
never breaks the app. No Qt here: the CLI and services may use it too.

``_`` and ``ngettext`` look up the *current* catalog on every call, so modules
can import them at import time and still follow :func:`install`, which the
desktop app calls once at start.
"""

from __future__ import annotations

import gettext
import locale
import os
from pathlib import Path

DOMAIN = "lotse"
DEFAULT_LANGUAGE = "de"
# The interface languages Lotse ships (ARCHITECTURE.md decision 7), with their own names.
LANGUAGES: dict[str, str] = {"de": "Deutsch", "en": "English"}
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"

SOURCE_LANGUAGE = "en"
# Until install() runs, the English source text is in effect; formatting (app.formatting) agrees.
_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE_LANGUAGE


def _(message: str) -> str:
    """The translation of ``message`` in the current interface language."""
    if not message:
        return message  # gettext("") is the catalog's header, never a translation
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural translation for the count ``n``."""
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet (translate when shown)."""
    return message


def current_language() -> str:
    return _language


def install(language: str | None = None, localedir: Path | None = None) -> str:
    """Load the catalog for ``language`` (default: :func:`preferred_language`).

    Returns the language code in use. A language without a catalog falls back
    to the English source strings.
    """
    global _translation, _language
    _language = normalize_language(language) if language else preferred_language()
    _translation = gettext.translation(
        DOMAIN, localedir=str(localedir or TRANSLATIONS_DIR), languages=[_language], fallback=True
    )
    return _language


def preferred_language() -> str:
    """``LOTSE_LANG`` if set, else the setting ``ui/language``, else the system locale if Lotse
    speaks it, else German.

    The environment variable is a per-run override (tests, screenshots, a script that
    wants English output) and so beats the stored preference.
    """
    override = normalize_language(os.environ.get("LOTSE_LANG", ""))
    if override in LANGUAGES:
        return override
    configured = _configured_language()
    if configured:
        return configured
    system = system_language()
    return system if system in LANGUAGES else DEFAULT_LANGUAGE


def system_language() -> str:
    """The two-letter language of the user's locale ('' when unknown)."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return normalize_language(value.split(":")[0])
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return normalize_language(code)


def normalize_language(code: str) -> str:
    """'de_DE.UTF-8' -> 'de'; 'C' and 'POSIX' mean no language."""
    base = code.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return "" if base in ("c", "posix") else base


def _configured_language() -> str:
    try:
        from app.settings import Settings

        value = str(Settings().get("ui/language") or "")
    except Exception:  # settings unreadable (no Qt in a minimal environment): use the locale
        return ""
    language = normalize_language(value)
    return language if language in LANGUAGES else ""
