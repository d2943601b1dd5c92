"""Fonts, colours and paragraph styles of the report PDFs, in one place.

The report uses the project's embedded Noto Sans (resources/fonts), like the
client documents: shared barrier texts and institution names may quote a
non-Latin word, which ReportLab's built-in Helvetica cannot draw, and an
embedded font prints the same everywhere. No italic cut is shipped, so the
"italic" notes use the upright face (they are set apart by colour and size).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from app.documents import fonts


@dataclass(frozen=True)
class ReportFonts:
    regular: str
    bold: str
    italic: str


def report_fonts() -> ReportFonts:
    fonts.register_fonts()
    return ReportFonts(fonts.SANS, fonts.SANS_BOLD, fonts.SANS)


INK = colors.HexColor("#1f2a36")
MUTED = colors.HexColor("#5b6773")
ACCENT = colors.HexColor("#1d5b8f")
ACCENT_LIGHT = colors.HexColor("#9cc3e4")
RULE = colors.HexColor("#c9d2db")
HEADER_FILL = colors.HexColor("#e8eef4")
SUPPRESSED = colors.HexColor("#8a949e")


@cache
def styles() -> dict[str, ParagraphStyle]:
    f = report_fonts()
    base = ParagraphStyle("base", fontName=f.regular, fontSize=9.5, leading=13, textColor=INK, alignment=TA_LEFT)
    return {
        "base": base,
        "title": ParagraphStyle("title", parent=base, fontName=f.bold, fontSize=22, leading=27, textColor=ACCENT, spaceAfter=6),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=12, leading=16, textColor=INK, spaceAfter=2),
        "h1": ParagraphStyle("h1", parent=base, fontName=f.bold, fontSize=14, leading=18, textColor=ACCENT, spaceBefore=10, spaceAfter=6),
        "h2": ParagraphStyle("h2", parent=base, fontName=f.bold, fontSize=11, leading=14, spaceBefore=8, spaceAfter=4),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=f.bold, fontSize=9, leading=11),
        "cell_bold_right": ParagraphStyle("cell_bold_right", parent=base, fontName=f.bold, fontSize=9, leading=11, alignment=TA_RIGHT),
        "note": ParagraphStyle("note", parent=base, fontName=f.italic, fontSize=8, leading=10, textColor=MUTED, spaceBefore=2),
        "quote": ParagraphStyle("quote", parent=base, fontSize=9, leading=12, leftIndent=10, spaceAfter=3),
    }
