"""Which language a client document is printed in by default.

The person record lists the languages the person speaks (``Person.languages``,
ISO 639-1, first = preferred) and the interpreter language. The first of these
that the documents catalog has is the default; German otherwise. Dari is
written in the Persian script and ships as ``fa``: ``prs`` and ``fa-AF`` map
to it.
"""

from __future__ import annotations

from app.documents.labels import DEFAULT_LANGUAGE, DOCUMENT_LANGUAGES
from app.services.lookup import get_case

ALIASES = {"prs": "fa", "per": "fa", "fas": "fa", "ara": "ar", "ukr": "uk", "tur": "tr", "fre": "fr",
           "fra": "fr", "eng": "en", "ger": "de", "deu": "de"}


def document_language(code: str) -> str:
    """``"fa-AF"`` -> ``"fa"``, ``"prs"`` -> ``"fa"``; '' when the documents catalog lacks it."""
    base = (code or "").strip().replace("_", "-").split("-")[0].lower()
    base = ALIASES.get(base, base)
    return base if base in DOCUMENT_LANGUAGES else ""


def client_languages(vault, *, case_id: str) -> list[str]:
    """The person's languages the documents can be printed in, preferred first."""
    with vault.read_session() as session:
        person = get_case(session, case_id).person
        spoken = [*(person.languages or []), person.interpreter_language or ""]
    found: list[str] = []
    for code in spoken:
        language = document_language(str(code))
        if language and language not in found:
            found.append(language)
    return found


def default_document_language(vault, *, case_id: str) -> str:
    """The person's preferred language if the documents have it, else German."""
    languages = client_languages(vault, case_id=case_id)
    return languages[0] if languages else DEFAULT_LANGUAGE
