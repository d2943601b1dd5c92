"""Text into the PDF: escaping, right-to-left order, Arabic shaping, font runs.

Every user-provided string reaches the PDF through this module:

- ``escape`` is the one function that makes plain text safe for Platypus
  markup, so ``<b>Ali & Söhne</b>`` prints literally instead of in bold.
- ReportLab draws glyphs left to right and (without HarfBuzz and ReportLab's
  own bidi package, which is not on PyPI) does not join Arabic letters. So
  Arabic and Persian text is shaped with ``arabic_reshaper`` (contextual
  letter forms, lam-alef ligatures, Persian letters included) and put into
  visual order with ``python-bidi`` — line by line, after the line breaks are
  chosen, because reordering a whole paragraph first would reverse its lines.
- Noto Sans has no Arabic glyphs and Noto Sans Arabic no Latin letters, so
  ``font_runs`` splits a visual line into runs per font.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from functools import lru_cache

import arabic_reshaper
from bidi import get_display
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from app.documents import fonts

# Hebrew, Arabic, Syriac, Thaana, NKo …, Arabic presentation forms: strong RTL.
_RTL_CHARS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# Letters drawn with the Arabic font (script blocks and presentation forms).
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")
# Strong left-to-right letters, for the first-strong-character rule.
_LTR_CHARS = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u052f]")
# Controls a PDF cannot show: C0 except tab/newline, DEL, C1.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Joiners and bidi marks: their work is done once the text is shaped and
# ordered, and the fonts would draw some of them as a visible mark.
_FORMAT_MARKS = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# Numbers with separators (2026-0042, 02551 69-0, 15.04.2026). After an Arabic
# letter the bidi algorithm treats digits as Arabic numbers, and a hyphen
# between two of those flips them ("0042-2026"); isolating each such token as
# left-to-right keeps it as written.
_NUMBER_TOKEN = re.compile(r"\d[\d.,:/\-\u2013]*\d")
_LRI, _RLI, _FSI, _PDI = "\u2066", "\u2067", "\u2068", "\u2069"

_reshaper = arabic_reshaper.ArabicReshaper(
    configuration={"delete_harakat": False, "support_ligatures": True}
)


# ---------------------------------------------------------------- escaping


def clean(text: object) -> str:
    """Plain text with the characters a PDF cannot show removed; ``None`` is empty."""
    if text is None:
        return ""
    s = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub("", s)


def escape(text: object) -> str:
    """Make plain text safe inside Platypus markup: ``<b>`` prints as ``<b>``.

    ReportLab's paragraph parser reads tags and entities, so ``&``, ``<`` and
    ``>`` become entities; nothing else in the string has meaning there.
    """
    s = clean(text)
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --------------------------------------------------------------- direction


def has_rtl(text: str) -> bool:
    return bool(_RTL_CHARS.search(text))


def base_direction(text: str, default: str = "ltr") -> str:
    """``"rtl"`` or ``"ltr"`` by the first strong character (Unicode rule P2)."""
    for ch in text:
        if _RTL_CHARS.match(ch):
            return "rtl"
        if _LTR_CHARS.match(ch):
            return "ltr"
    return default


def isolate(text: object) -> str:
    """Mark ``text`` as a unit with its own direction inside a mixed line.

    A German value after an Arabic label ("الإثبات: Ausbildungsvertrag,
    Schulbescheinigung") keeps its punctuation where a German reader expects
    it. The marks are removed again once the line is ordered.
    """
    return f"\u2068{clean(text)}\u2069"


def shape(text: str) -> str:
    """Arabic letters in their joined (contextual) forms, still in logical order."""
    return _reshaper.reshape(text) if has_rtl(text) else text


def visual_text(text: str, direction: str | None = None) -> str:
    """One line of text shaped and in the order it is drawn, left to right.

    ``direction`` is the paragraph's base direction (``"rtl"``/``"ltr"``);
    by default the first strong character decides. Pure-LTR text is returned
    unchanged, so German lines cost nothing.
    """
    text = clean(text).replace("\n", " ")
    if not has_rtl(text):
        return _FORMAT_MARKS.sub("", text)
    base = (direction or base_direction(text)).lower()
    isolated = _NUMBER_TOKEN.sub(lambda m: f"{_LRI}{m.group(0)}{_PDI}", shape(text))
    if base == "rtl":
        isolated = _mirror_rtl_brackets(isolated)
    visual = get_display(isolated, base_dir="R" if base == "rtl" else "L")
    return _FORMAT_MARKS.sub("", visual)


_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_MIRRORED = {**_BRACKETS, **{v: k for k, v in _BRACKETS.items()}}


def _mirror_rtl_brackets(text: str) -> str:
    """Swap the brackets that a right-to-left paragraph draws mirrored.

    python-bidi's (Rust) ``get_display`` reorders but does not mirror (rule
    L4), so "(Zug-um-Zug)" at the end of an Arabic line came out as
    ")Zug-um-Zug(". A bracket pair that resolves right to left (rule N0) is
    swapped before reordering, which draws it the right way round; a pair
    that resolves left to right keeps its glyphs. That includes a pair inside
    an isolated Latin value (a name, a German proof): it resolves against the
    isolate's direction, not the paragraph's, so "Vertrag (2026)" or
    "Hosseini (Ali)" after Arabic letters keep their brackets as typed.
    """
    chars = list(text)
    stack: list[int] = []
    for index, ch in enumerate(chars):
        if ch in _BRACKETS:
            stack.append(index)
        elif ch in _MIRRORED and stack and _BRACKETS[chars[stack[-1]]] == ch:
            start = stack.pop()
            if _pair_is_rtl(text, start, index):
                chars[start], chars[index] = _MIRRORED[chars[start]], _MIRRORED[ch]
    return "".join(chars)


_ISOLATE_OPENERS = (_LRI, _RLI, _FSI)


def _strong_types(text: str, digits: bool = True) -> Iterator[str]:
    """``"L"``/``"R"`` for each strong character of one isolating run, in order.

    Nested isolates count as neutral (rule BD13); digits as R (as rule N0 has
    it) unless ``digits`` is False (rule P2 skips them).
    """
    depth = 0
    for ch in text:
        if ch in _ISOLATE_OPENERS:
            depth += 1
        elif ch == _PDI:
            depth = max(depth - 1, 0)
        elif depth == 0:
            if _RTL_CHARS.match(ch) or (digits and ch.isdigit()):
                yield "R"
            elif _LTR_CHARS.match(ch):
                yield "L"


def _embedding(text: str, index: int) -> tuple[int, str]:
    """Where the isolating run around ``index`` starts, and its direction (``"L"``/``"R"``).

    Outside any isolate that is the right-to-left paragraph itself.
    """
    depth = 0
    for position in range(index - 1, -1, -1):
        ch = text[position]
        if ch == _PDI:
            depth += 1
        elif ch in _ISOLATE_OPENERS:
            if depth:
                depth -= 1
                continue
            if ch == _LRI:
                return position + 1, "L"
            if ch == _RLI:
                return position + 1, "R"
            # FSI: the first strong character of the isolate (rule P2), left to right without one.
            end = _matching_pdi(text, position)
            return position + 1, next(_strong_types(text[position + 1:end], digits=False), "L")
    return 0, "R"


def _matching_pdi(text: str, opener: int) -> int:
    depth = 0
    for position in range(opener + 1, len(text)):
        if text[position] in _ISOLATE_OPENERS:
            depth += 1
        elif text[position] == _PDI:
            if depth == 0:
                return position
            depth -= 1
    return len(text)


def _pair_is_rtl(text: str, start: int, end: int) -> bool:
    """Rule N0 for the bracket pair at ``start``/``end``: does it resolve right to left?"""
    run_start, embedding = _embedding(text, start)
    inside = set(_strong_types(text[start + 1:end]))
    if embedding in inside:
        return embedding == "R"
    if inside:  # only the opposite direction inside: it wins if the text before has it too
        before = [*_strong_types(text[run_start:start])]
        preceding = before[-1] if before else embedding
        opposite = "L" if embedding == "R" else "R"
        return (opposite if preceding == opposite else embedding) == "R"
    return embedding == "R"  # nothing strong inside: the brackets take the run's direction


# --------------------------------------------------------------- font runs


def arabic_face(font_name: str) -> str:
    """The Arabic font that goes with ``font_name`` (same weight)."""
    return fonts.ARABIC_FOR.get(font_name, fonts.ARABIC)


@lru_cache(maxsize=4096)
def _needs_arabic_font(ch: str, base_font: str) -> bool:
    if _ARABIC_SCRIPT.match(ch):
        return True
    # Anything the Latin font lacks but the Arabic one has (Arabic digits,
    # the Arabic comma in a Latin run …) also goes to the Arabic font.
    return not fonts.has_glyph(base_font, ch) and fonts.has_glyph(arabic_face(base_font), ch)


def font_runs(visual: str, base_font: str) -> Iterator[tuple[str, str]]:
    """Split a visual line into ``(font_name, text)`` runs.

    Spaces stay with the run they are in, so a line switches font only where
    the script changes.
    """
    fonts.register_fonts()
    if not _ARABIC_SCRIPT.search(visual):
        yield base_font, visual
        return
    arabic = arabic_face(base_font)
    current: str | None = None
    start = 0
    for i, ch in enumerate(visual):
        if ch == " " and current is not None:
            continue
        font = arabic if _needs_arabic_font(ch, base_font) else base_font
        if font != current:
            if current is not None and i > start:
                yield current, visual[start:i]
            current, start = font, i
    if visual[start:]:
        yield current or base_font, visual[start:]


def run_markup(visual: str, base_font: str) -> str:
    """Escaped markup for a visual line, with ``<font>`` tags for Arabic runs."""
    parts = []
    for font, run in font_runs(visual, base_font):
        if font == base_font:
            parts.append(escape(run))
        else:
            parts.append(f'<font face="{font}">{escape(run)}</font>')
    return "".join(parts)


def text_width(visual: str, font_name: str, size: float) -> float:
    """Width in points of a visual line drawn with the font runs."""
    return sum(stringWidth(run, font, size) for font, run in font_runs(visual, font_name))


def markup(text: object, font_name: str = fonts.SANS) -> str:
    """Plain LTR text as Platypus markup: escaped, newlines kept, Arabic runs fonted.

    Use it for text without right-to-left runs or to build markup around a
    short value; ``paragraph`` picks the bidi-aware path by itself.
    """
    lines = clean(text).split("\n")
    return "<br/>".join(run_markup(visual_text(line), font_name) for line in lines)


# ------------------------------------------------------------- flowables


def paragraph(text: object, style: ParagraphStyle, direction: str | None = None) -> Flowable:
    """A flowable for plain user text: the one way user text becomes a paragraph.

    ``direction`` is the document's direction. In a right-to-left document
    (``"rtl"``) every paragraph is right-aligned and mixed lines are ordered
    right to left. Otherwise the alignment is the style's and a line with
    Arabic in it takes its base direction from its first strong character.
    Text without right-to-left letters becomes an ordinary ``Paragraph``;
    text with them a ``BidiParagraph`` that breaks lines before reordering.
    """
    fonts.register_fonts()
    s = clean(text)
    if not has_rtl(s):
        if direction == "rtl" and style.alignment in (TA_LEFT, TA_JUSTIFY):
            style = _aligned(style, TA_RIGHT)
        return Paragraph(markup(s, style.fontName), style)
    return BidiParagraph(s, style, direction)


def _aligned(style: ParagraphStyle, alignment: int) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-{alignment}", parent=style, alignment=alignment)


class BidiParagraph(Flowable):
    """A paragraph with right-to-left runs, broken into lines before reordering.

    Lines are filled greedily in logical order (the order the words are read),
    then each line is shaped, put into visual order and handed to an inner
    ``Paragraph`` as one ``<br/>``-separated line, which draws, aligns and
    splits across frames and pages as usual.
    """

    def __init__(self, text: str, style: ParagraphStyle, direction: str | None = None) -> None:
        super().__init__()
        self.text = clean(text)
        self.style = style
        # An RTL document orders every line right to left and aligns right;
        # elsewhere each line's first strong character decides its order.
        self.rtl_document = direction == "rtl"
        self.keepWithNext = getattr(style, "keepWithNext", 0)
        self._inner: Paragraph | None = None
        self._inner_width: float | None = None

    def _build(self, avail_width: float) -> Paragraph:
        if self._inner is not None and self._inner_width == avail_width:
            return self._inner
        style = self.style
        if self.rtl_document and style.alignment in (TA_LEFT, TA_JUSTIFY):
            style = _aligned(style, TA_RIGHT)
        elif style.alignment == TA_JUSTIFY:
            style = _aligned(style, TA_LEFT)
        width = avail_width - style.leftIndent - style.rightIndent
        base = "rtl" if self.rtl_document else base_direction(self.text)
        lines = []
        for hard_line in self.text.split("\n"):
            lines.extend(self._break(hard_line, width, style.fontName, style.fontSize))
        body = "<br/>".join(
            run_markup(visual_text(line, base), style.fontName) for line in lines
        )
        self._inner = Paragraph(body, style)
        self._inner_width = avail_width
        return self._inner

    @staticmethod
    def _break(line: str, width: float, font_name: str, size: float) -> list[str]:
        words = line.split(" ")
        lines: list[str] = []
        current = ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if current and text_width(shape(candidate), font_name, size) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
        return lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        inner = self._build(avail_width)
        self.width, self.height = inner.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return self._build(avail_width).split(avail_width, avail_height)

    def draw(self) -> None:
        assert self._inner is not None, "wrap() comes before draw()"
        self._inner.drawOn(self.canv, 0, 0)

    def getSpaceBefore(self) -> float:  # noqa: N802 (ReportLab's name)
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:  # noqa: N802 (ReportLab's name)
        return self.style.spaceAfter


# ------------------------------------------------------------------ canvas


def draw_text(
    canvas: Canvas,
    x: float,
    y: float,
    text: object,
    font_name: str,
    size: float,
    align: str = "left",
    max_width: float | None = None,
    min_size: float = 6.0,
) -> float:
    """Draw one line of plain text at baseline ``y``; returns the size used.

    For the fixed-position parts of a page (address field, information block,
    letterhead) where DIN 5008 gives the coordinates. ``align`` is ``left``,
    ``right`` or ``center`` relative to ``x``. When ``max_width`` is given, a
    long value (an e-mail address, say) shrinks down to ``min_size`` rather
    than run into the margin.
    """
    visual = visual_text(clean(text))
    if max_width is not None:
        while size > min_size and text_width(visual, font_name, size) > max_width:
            size -= 0.25
    width = text_width(visual, font_name, size)
    if align == "right":
        x -= width
    elif align == "center":
        x -= width / 2
    for font, run in font_runs(visual, font_name):
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        x += stringWidth(run, font, size)
    return size


# ----------------------------------------------------------------- formats


def format_date(value: date | datetime | str | None) -> str:
    """``DD.MM.YYYY`` (DIN 5008, numeric). Partial ISO dates keep what they have.

    ``"2001"`` -> ``"2001"``, ``"2001-05"`` -> ``"05.2001"``, ``"2001-05-07"``
    -> ``"07.05.2001"``; other strings are returned as they are.
    """
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    s = str(value).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", s)
    if not m:
        m2 = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})[T ].*", s)
        return f"{m2.group(3)}.{m2.group(2)}.{m2.group(1)}" if m2 else s
    year, month, day = m.groups()
    if day:
        return f"{day}.{month}.{year}"
    if month:
        return f"{month}.{year}"
    return year


__all__ = [
    "BidiParagraph",
    "base_direction",
    "clean",
    "draw_text",
    "escape",
    "font_runs",
    "format_date",
    "has_rtl",
    "isolate",
    "markup",
    "paragraph",
    "shape",
    "text_width",
    "visual_text",
]
