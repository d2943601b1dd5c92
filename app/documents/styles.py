"""Paragraph styles shared by the documents: one typeface, few sizes.

Body text is 11 pt (DIN 5008 asks for at least 10 pt); small print 8 pt.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from app.documents import fonts

TEXT_COLOR = colors.black
MUTED = colors.Color(0.35, 0.35, 0.35)
RULE = colors.Color(0.6, 0.6, 0.6)
SHADE = colors.Color(0.94, 0.94, 0.94)
ACCENT = colors.Color(0.12, 0.27, 0.45)


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    """The named styles; fonts are registered on first use."""
    fonts.register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=fonts.SANS,
        fontSize=11,
        leading=14.5,
        spaceAfter=8,
        textColor=TEXT_COLOR,
        alignment=TA_LEFT,
    )
    return {
        "body": body,
        "body_tight": ParagraphStyle("body_tight", parent=body, spaceAfter=0),
        "subject": ParagraphStyle(
            "subject", parent=body, fontName=fonts.SANS_BOLD, spaceAfter=0
        ),
        "title": ParagraphStyle(
            "title", parent=body, fontName=fonts.SANS_BOLD, fontSize=16, leading=20,
            spaceAfter=4, textColor=ACCENT,
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=body, fontSize=10, leading=13, textColor=MUTED, spaceAfter=10
        ),
        "heading": ParagraphStyle(
            "heading", parent=body, fontName=fonts.SANS_BOLD, fontSize=12, leading=15,
            spaceBefore=10, spaceAfter=5, textColor=ACCENT, keepWithNext=1,
        ),
        "subheading": ParagraphStyle(
            "subheading", parent=body, fontName=fonts.SANS_BOLD, fontSize=10, leading=13,
            spaceBefore=6, spaceAfter=3, keepWithNext=1,
        ),
        "label": ParagraphStyle(
            "label", parent=body, fontName=fonts.SANS_BOLD, fontSize=9, leading=11.5,
            spaceAfter=0,
        ),
        "form": ParagraphStyle("form", parent=body, fontSize=10, leading=13, spaceAfter=5),
        "form_heading": ParagraphStyle(
            "form_heading", parent=body, fontName=fonts.SANS_BOLD, fontSize=11, leading=14,
            spaceBefore=7, spaceAfter=3, textColor=ACCENT, keepWithNext=1,
        ),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9.5, leading=12, spaceAfter=0),
        "cell_bold": ParagraphStyle(
            "cell_bold", parent=body, fontName=fonts.SANS_BOLD, fontSize=9.5, leading=12,
            spaceAfter=0,
        ),
        "small": ParagraphStyle(
            "small", parent=body, fontSize=8, leading=10, spaceAfter=0, textColor=MUTED
        ),
        "small_center": ParagraphStyle(
            "small_center", parent=body, fontSize=8, leading=10, spaceAfter=0,
            textColor=MUTED, alignment=TA_CENTER,
        ),
    }
