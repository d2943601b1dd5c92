"""Reading generated PDFs back: text, line positions in mm, embedded fonts."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass

from pdfminer.high_level import extract_pages, extract_text
from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLineHorizontal
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1

MM = 72 / 25.4


@dataclass(frozen=True)
class Line:
    text: str
    left_mm: float
    right_mm: float
    top_mm: float  # from the top edge of the page
    bottom_mm: float


def pdf_text(pdf: bytes) -> str:
    return extract_text(io.BytesIO(pdf))


def normalised_text(pdf: bytes) -> str:
    """Text with Arabic presentation forms folded to letters (NFKC)."""
    return unicodedata.normalize("NFKC", pdf_text(pdf))


def rtl_reading(text: str) -> str:
    """Visual-order lines read right to left, glyph by glyph, folded to letters.

    The PDF holds Arabic as joined glyphs in drawing order; reversing each line
    and then folding each glyph (a lam-alef ligature becomes lam, alef) gives
    the words as they are written. Latin words come out reversed: search only
    right-to-left text in it.
    """
    return "\n".join(
        "".join(unicodedata.normalize("NFKC", ch) for ch in reversed(line))
        for line in text.split("\n")
    )


def page_texts(pdf: bytes) -> list[str]:
    out = []
    for page in extract_pages(io.BytesIO(pdf)):
        out.append("".join(el.get_text() for el in page if isinstance(el, LTTextContainer)))
    return out


def _text_lines(element, height: float, found: list[Line]) -> None:
    if isinstance(element, LTTextLineHorizontal):
        x0, y0, x1, y1 = element.bbox
        found.append(Line(element.get_text().strip(), x0 / MM, x1 / MM,
                          (height - y1) / MM, (height - y0) / MM))
        return
    for child in getattr(element, "__iter__", lambda: iter(()))():
        _text_lines(child, height, found)


def lines(pdf: bytes, page_number: int = 0) -> list[Line]:
    """Every text line of one page with its box in mm from the top-left corner."""
    params = LAParams(char_margin=1.0)
    for i, page in enumerate(extract_pages(io.BytesIO(pdf), laparams=params)):
        if i == page_number:
            found: list[Line] = []
            _text_lines(page, page.height, found)
            return found
    raise IndexError(page_number)


def chars(pdf: bytes, page_number: int = 0) -> list:
    """Every LTChar of one page (glyph, font name, size, box)."""
    for i, page in enumerate(extract_pages(io.BytesIO(pdf))):
        if i == page_number:
            out: list = []
            _collect_chars(page, out)
            return out
    raise IndexError(page_number)


def _collect_chars(element, out: list) -> None:
    if isinstance(element, LTChar):
        out.append(element)
        return
    for child in getattr(element, "__iter__", lambda: iter(()))():
        _collect_chars(child, out)


def find_line(found: list[Line], text: str) -> Line:
    matches = [line for line in found if line.text == text]
    matches = matches or [line for line in found if text in line.text]
    assert matches, f"{text!r} not on the page; lines: {[line.text for line in found]}"
    return matches[0]


def right_of(found: list[Line], label: str) -> str:
    """The text printed right of ``label`` on the same line (a table row)."""
    anchor = find_line(found, label)
    row = [x for x in found if abs(x.top_mm - anchor.top_mm) < 1.0
           and x.left_mm > anchor.right_mm]
    assert row, f"nothing right of {label!r}"
    return min(row, key=lambda x: x.left_mm).text


def all_lines(pdf: bytes) -> list[Line]:
    """The lines of every page; a row is only compared within its page."""
    out: list[Line] = []
    for number in range(page_count(pdf)):
        out += [Line(x.text, x.left_mm, x.right_mm, x.top_mm + 1000 * number,
                     x.bottom_mm + 1000 * number) for x in lines(pdf, number)]
    return out


def page_count(pdf: bytes) -> int:
    return len(list(PDFPage.get_pages(io.BytesIO(pdf))))


def font_descriptors(pdf: bytes) -> dict[str, dict]:
    """Base font name -> its font descriptor, for every font the pages use."""
    parser = PDFParser(io.BytesIO(pdf))
    document = PDFDocument(parser)
    fonts: dict[str, dict] = {}
    for page in PDFPage.create_pages(document):
        resources = resolve1(page.resources) or {}
        for font_ref in (resolve1(resources.get("Font")) or {}).values():
            font = resolve1(font_ref)
            name = resolve1(font.get("BaseFont")).name
            descriptor = resolve1(font.get("FontDescriptor"))
            if descriptor is None and font.get("DescendantFonts"):
                descendant = resolve1(resolve1(font["DescendantFonts"])[0])
                descriptor = resolve1(descendant.get("FontDescriptor"))
            fonts[name] = descriptor or {}
    return fonts
