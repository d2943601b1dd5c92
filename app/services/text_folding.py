"""Spelling variants that full-text search must treat as equal.

SQLite's unicode61 tokenizer already folds Latin diacritics ("Müller" →
"muller"). What it cannot know: Germans also write "Mueller", and Arabic
names are typed with or without hamza on the alef, with ة or ه, with or
without short-vowel marks. We index and query an *alternative* spelling so
every variant meets.
"""

from __future__ import annotations

import re
import unicodedata

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_ARABIC = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ئ": "ي", "ؤ": "و", "ـ": None})
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")  # tashkeel and superscript alef


def alternative_spelling(text: str) -> str:
    """The text with umlauts spelled out and Arabic letter variants unified."""
    text = unicodedata.normalize("NFC", text)
    text = _ARABIC_MARKS.sub("", text).translate(_ARABIC)
    return text.translate(_GERMAN)


def fold_arabic(text: str) -> str:
    return _ARABIC_MARKS.sub("", unicodedata.normalize("NFC", text)).translate(_ARABIC)
