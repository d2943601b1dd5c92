"""The embedded fonts: Noto Sans (Latin, Cyrillic, Greek) and Noto Sans Arabic.

Two families because no single well-drawn sans covers both scripts; the text
helpers switch to the Arabic family for runs of Arabic-script letters. Both
are TrueType, so ReportLab embeds a subset with a ToUnicode map: the text in
the PDF stays selectable and searchable. Licence: resources/fonts/OFL.txt.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.resources import resource_path

SANS = "NotoSans"
SANS_BOLD = "NotoSans-Bold"
ARABIC = "NotoSansArabic"
ARABIC_BOLD = "NotoSansArabic-Bold"

_FILES = {
    SANS: "NotoSans-Regular.ttf",
    SANS_BOLD: "NotoSans-Bold.ttf",
    ARABIC: "NotoSansArabic-Regular.ttf",
    ARABIC_BOLD: "NotoSansArabic-Bold.ttf",
}

# The Arabic face that matches a Latin face in weight.
ARABIC_FOR = {SANS: ARABIC, SANS_BOLD: ARABIC_BOLD, ARABIC: ARABIC, ARABIC_BOLD: ARABIC_BOLD}

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the fonts with ReportLab once per process (parsing costs ~50 ms)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
        # <b> in Platypus markup maps through these families; there is no
        # italic cut shipped, so italic falls back to the upright one.
        for regular, bold in ((SANS, SANS_BOLD), (ARABIC, ARABIC_BOLD)):
            addMapping(regular, 0, 0, regular)
            addMapping(regular, 1, 0, bold)
            addMapping(regular, 0, 1, regular)
            addMapping(regular, 1, 1, bold)
        _registered = True


def has_glyph(font_name: str, char: str) -> bool:
    """Whether the registered font maps ``char`` to a glyph."""
    register_fonts()
    font = pdfmetrics.getFont(font_name)
    return ord(char) in font.face.charToGlyph
