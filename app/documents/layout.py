"""Building a PDF in memory, with "page x of y" on the pages that need it.

Nothing touches the disk: the document is written into a ``BytesIO`` and
returned as bytes (ARCHITECTURE.md decision 2).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from functools import partial

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from app.documents import fonts
from app.documents.styles import MUTED, RULE
from app.documents.text import draw_text

PAGE_WIDTH, PAGE_HEIGHT = A4

# Called once per page when the total is known: (canvas, page_number, page_count).
PageFinisher = Callable[[Canvas, int, int], None]


class PageCountingCanvas(Canvas):
    """Keeps every page until ``save`` so each can name the page count.

    ReportLab writes a page when it is shown; the total is known only at the
    end. So ``showPage`` keeps the page's state and ``save`` replays them,
    calling ``finish_page`` on each before it is written.
    """

    def __init__(self, *args, finish_page: PageFinisher | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._held_pages: list[dict] = []
        self._finish_page = finish_page

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for state in self._held_pages:
            self.__dict__.update(state)
            if self._finish_page is not None:
                self._finish_page(self, self._pageNumber, total)
            Canvas.showPage(self)
        Canvas.save(self)


def build_pdf(
    flowables: Sequence[Flowable],
    page_templates: Sequence[PageTemplate],
    *,
    title: str,
    author: str,
    subject: str = "",
    finish_page: PageFinisher | None = None,
    lang: str = "de",
) -> bytes:
    """Lay out ``flowables`` on the templates and return the PDF as bytes."""
    fonts.register_fonts()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=author,
        subject=subject,
        creator="Lotse",
        lang=lang,
        pageCompression=1,
        initialFontName=fonts.SANS,
    )
    doc.addPageTemplates(list(page_templates))
    doc.build(list(flowables), canvasmaker=partial(PageCountingCanvas, finish_page=finish_page))
    return buffer.getvalue()


# ------------------------------------------------ plain A4 documents (not letters)

MARGIN_LEFT = 25 * mm
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm


def plain_page_template(header_text: str = "", rtl: bool = False) -> PageTemplate:
    """An A4 page with a small header line and room for the footer."""
    top = MARGIN_TOP + (8 * mm if header_text else 0)
    frame = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM + 6 * mm,
        PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT,
        PAGE_HEIGHT - top - MARGIN_BOTTOM - 6 * mm,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )

    def header(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        if not header_text:
            return
        canvas.saveState()
        canvas.setFillColor(MUTED)
        if rtl:
            draw_text(canvas, PAGE_WIDTH - MARGIN_RIGHT, PAGE_HEIGHT - MARGIN_TOP, header_text,
                      fonts.SANS, 8, align="right")
        else:
            draw_text(canvas, MARGIN_LEFT, PAGE_HEIGHT - MARGIN_TOP, header_text, fonts.SANS, 8)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        y = PAGE_HEIGHT - MARGIN_TOP - 2.5 * mm
        canvas.line(MARGIN_LEFT, y, PAGE_WIDTH - MARGIN_RIGHT, y)
        canvas.restoreState()

    return PageTemplate(id="plain", frames=[frame], onPage=header)


def page_footer(
    left_text: str, page_label: Callable[[int, int], str], rtl: bool = False
) -> PageFinisher:
    """A finisher that writes ``left_text`` and "Seite x von y" at the foot.

    In a right-to-left document the two trade places.
    """

    def finish(canvas: Canvas, page: int, total: int) -> None:
        canvas.saveState()
        canvas.setFillColor(MUTED)
        y = MARGIN_BOTTOM - 2 * mm
        left, right = MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT
        text_align, page_align = ("right", "left") if rtl else ("left", "right")
        text_x, page_x = (right, left) if rtl else (left, right)
        if left_text:
            draw_text(canvas, text_x, y, left_text, fonts.SANS, 7.5, align=text_align,
                      max_width=right - left - 35 * mm)
        draw_text(canvas, page_x, y, page_label(page, total), fonts.SANS, 7.5,
                  align=page_align)
        canvas.restoreState()

    return finish
