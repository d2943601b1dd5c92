"""The texts of one client document in one language, from the ``documents`` catalog.

``labels_for("uk")`` gives a read-only mapping from the keys of
``app.documents.messages`` to their Ukrainian text. Each call builds its own
gettext translator, so a document renders in the client's language while the
interface stays in its own; the global ``app.i18n`` language is never
touched. A text a catalog lacks falls back to German (the legally binding
wording), not to the English source.

The compiled ``documents.mo`` is build output (``scripts/i18n.py compile``);
where it is missing or older than its ``.po`` — a fresh checkout, a translator
who just saved in Poedit — the ``.po`` is compiled in memory, so the documents
never silently print English.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Iterator, Mapping
from functools import lru_cache

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from app.documents.messages import MESSAGES
from app.i18n import TRANSLATIONS_DIR

DOMAIN = "documents"
DEFAULT_LANGUAGE = "de"
# The languages client documents are translated into (issue 9), German first.
DOCUMENT_LANGUAGES: tuple[str, ...] = ("de", "en", "ar", "fa", "uk", "tr", "fr")
RTL_LANGUAGES = frozenset({"ar", "fa", "ps", "ur", "ckb", "he"})


@lru_cache(maxsize=16)
def _catalog(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of ``lang``; an empty one when the language has none."""
    folder = TRANSLATIONS_DIR / lang / "LC_MESSAGES"
    po, mo = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with open(mo, "rb") as handle:
            return gettext.GNUTranslations(handle)
    if not po.exists():
        return gettext.NullTranslations()
    with open(po, "rb") as handle:
        catalog = read_po(handle, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def translator(lang: str) -> gettext.NullTranslations:
    """A translator for one document: ``lang``, then German for what it lacks."""
    german = _catalog(DEFAULT_LANGUAGE)
    if lang == DEFAULT_LANGUAGE:
        return german
    own = _catalog(lang)
    if isinstance(own, gettext.GNUTranslations):
        # gettext keeps one fallback per object and the catalogs are cached:
        # copy, so that "uk then German" never becomes "German then uk".
        own = _copy(own)
        own.add_fallback(german)
        return own
    return german


def _copy(catalog: gettext.GNUTranslations) -> gettext.GNUTranslations:
    clone = gettext.GNUTranslations()
    clone._catalog = dict(catalog._catalog)  # type: ignore[attr-defined]
    clone._info = dict(catalog._info)  # type: ignore[attr-defined]
    clone.plural = catalog.plural  # type: ignore[attr-defined]
    clone._charset = catalog._charset  # type: ignore[attr-defined]
    return clone


class Labels(Mapping[str, str]):
    """The texts of one language; ``german(key)`` for the binding version beside it."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in DOCUMENT_LANGUAGES else DEFAULT_LANGUAGE
        self._own = translator(self.lang)
        self._german = translator(DEFAULT_LANGUAGE)

    def __getitem__(self, key: str) -> str:
        return self._own.gettext(MESSAGES[key])

    def __iter__(self) -> Iterator[str]:
        return iter(MESSAGES)

    def __len__(self) -> int:
        return len(MESSAGES)

    @property
    def direction(self) -> str:
        return "rtl" if self.lang in RTL_LANGUAGES else "ltr"

    @property
    def is_rtl(self) -> bool:
        return self.direction == "rtl"

    @property
    def is_german(self) -> bool:
        return self.lang == DEFAULT_LANGUAGE

    def german(self, key: str) -> str:
        return self._german.gettext(MESSAGES[key])

    def both(self, key: str, **values: object) -> str:
        """A short label in German and, after a slash, in the document's language.

        German alone for a German document. In a right-to-left language the
        translation comes first (it stands on the right), the German isolated
        so its letters keep their order.
        """
        german = self.german(key).format(**values)
        if self.is_german:
            return german
        own = self[key].format(**values)
        if self.is_rtl:
            return f"{own} / \u2068{german}\u2069"
        return f"{german} / {own}"


def labels_for(lang: str | None) -> Labels:
    """Texts for ``lang`` (a code like ``"fa"`` or ``"fa_AF"``); unknown codes give German."""
    code = (lang or DEFAULT_LANGUAGE).split("_")[0].split("-")[0].lower()
    return Labels(code)


def supported_languages() -> tuple[str, ...]:
    return DOCUMENT_LANGUAGES


def german_category_labels() -> dict[str, str]:
    """German names of the consent data-category codes, for the German letters and exports."""
    labels = labels_for(DEFAULT_LANGUAGE)
    return {key.removeprefix("category_"): labels[key] for key in MESSAGES if key.startswith("category_")}


# German labels of the consent data-category codes (app.models.codes.DataCategory)
# for letters and the consent form; health ones are Art. 9 data.
DATA_CATEGORY_LABELS: dict[str, str] = german_category_labels()
