"""German and the client's language side by side, for documents the law needs in German.

The agreement and the consent form are legally effective in German, so a
translated copy prints the German text and, right below it, the translation:
sentences as two paragraphs (the translation in its own colour, right-aligned
and right to left in Arabic or Persian), short labels as one line
"German / translation" (``Labels.both``). A German document prints German only.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table, TableStyle

from app.documents.labels import Labels
from app.documents.text import isolate, paragraph

TRANSLATION_COLOUR = colors.Color(0.16, 0.36, 0.42)


@lru_cache(maxsize=64)
def _translated_style(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-translation", parent=style, textColor=TRANSLATION_COLOUR)


def pair(labels: Labels, german: str, own: str, style: ParagraphStyle) -> list[Flowable]:
    """The German text, then (for a translated document) its translation below it."""
    if not german.strip():
        return []
    if labels.is_german:
        return [paragraph(german, style)]
    first = paragraph(german, ParagraphStyle(f"{style.name}-german", parent=style, spaceAfter=1))
    return [first, paragraph(own, _translated_style(style), labels.direction)]


def texts(labels: Labels, key: str, style: ParagraphStyle, **values: object) -> list[Flowable]:
    """The message ``key`` in German and in the document's language, filled with ``values``."""
    return pair(labels, labels.german(key).format(**values), labels[key].format(**values), style)


def caption(labels: Labels, key: str, style: ParagraphStyle, suffix: str = "",
            separator: str = " ") -> list[Flowable]:
    """A caption under a signature line: German, then the translation on its own line.

    ``suffix`` (a name, a place) follows both after ``separator``, isolated so
    it keeps its order inside a right-to-left line.
    """
    tail = f"{separator}{isolate(suffix)}" if suffix else separator.rstrip()
    return pair(labels, labels.german(key) + tail, labels[key] + tail, style)


def label_value_table(rows: list[list[Flowable | list[Flowable]]], labels: Labels, label_width: float,
                      width: float, *, vertical_padding: float, gap: float) -> Table:
    """Label/value rows (label cell first); in a right-to-left document the label stands on the right.

    ``gap`` is the space after each cell (ReportLab's right padding).
    """
    widths = [label_width, width - label_width]
    if labels.is_rtl:
        rows = [list(reversed(row)) for row in rows]
        widths.reverse()
    table = Table(rows, colWidths=widths)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), gap),
        ("TOPPADDING", (0, 0), (-1, -1), vertical_padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), vertical_padding),
    ]))
    return table
