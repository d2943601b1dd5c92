"""The Zug-um-Zug agreement as a PDF: parties, the chain of steps, signatures.

The steps stand in two columns joined by a numbered chain down the middle:
the person's obligations on one side, the authority's steps on the other,
in the agreed order, each with its due date, status and proof. Steps of the
case manager or another office stand on the person's side, tagged, because
they support the person's part. In a right-to-left language the page is
mirrored: the person's column is on the right, where reading starts.

The agreement is legally effective in German, so a translated copy prints
German and the translation together (``app.documents.bilingual``).
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from app.documents import fonts
from app.documents.bilingual import caption as bilingual_caption
from app.documents.bilingual import pair, texts
from app.documents.data import AgreementData, AgreementParty, AgreementStep
from app.documents.labels import Labels, labels_for
from app.documents.layout import (
    MARGIN_LEFT,
    MARGIN_RIGHT,
    PAGE_WIDTH,
    build_pdf,
    page_footer,
    plain_page_template,
)
from app.documents.styles import ACCENT, MUTED, RULE, SHADE, styles
from app.documents.text import clean, format_date, isolate, paragraph

CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
CHAIN_WIDTH = 14 * mm
SIDE_WIDTH = (CONTENT_WIDTH - CHAIN_WIDTH) / 2

STATUS_COLOURS = {
    "open": colors.Color(0.97, 0.97, 0.97),
    "fulfilled": colors.Color(0.89, 0.95, 0.89),
    "missed": colors.Color(0.99, 0.89, 0.88),
    "waived": colors.Color(0.92, 0.92, 0.92),
}
STATUS_BORDER = {
    "open": colors.Color(0.7, 0.7, 0.7),
    "fulfilled": colors.Color(0.36, 0.62, 0.36),
    "missed": colors.Color(0.78, 0.3, 0.27),
    "waived": colors.Color(0.65, 0.65, 0.65),
}


def render_agreement(agreement: AgreementData, lang: str = "de") -> bytes:
    """The agreement as PDF bytes, labels in ``lang`` (German when unknown)."""
    labels = labels_for(lang)
    rtl = labels.is_rtl
    header = agreement.organisation.name if agreement.organisation else ""
    footer = f"{labels.german('agreement_title')} · {labels.both('reference')} {clean(agreement.reference)}"
    return build_pdf(
        _story(agreement, labels),
        [plain_page_template(header, rtl=rtl)],
        title=f"{labels.german('agreement_title')} {clean(agreement.reference)}",
        author=clean(header),
        subject=labels.german("agreement_title"),
        finish_page=page_footer(
            footer, lambda page, total: labels.both("page", page=page, total=total), rtl=rtl
        ),
        lang=labels.lang,
    )


def _story(agreement: AgreementData, labels: Labels) -> list[Flowable]:
    st = styles()
    d = labels.direction
    story: list[Flowable] = texts(labels, "agreement_title", st["title"])
    subtitle = [
        f"{labels.both('reference')} {isolate(agreement.reference)}",
        f"{labels.both('date')} {format_date(agreement.date)}",
    ]
    story.append(paragraph(" · ".join(subtitle), st["subtitle"], d))
    if not labels.is_german:
        story += texts(labels, "translation_note", st["small"])
        story.append(Spacer(1, 3 * mm))

    story.append(paragraph(labels.both("parties"), st["heading"], d))
    story.append(_parties_table(agreement, labels))

    story.append(paragraph(labels.both("steps"), st["heading"], d))
    if clean(agreement.preamble).strip():
        story.append(paragraph(agreement.preamble, st["body"], d))
    story += texts(labels, "agreement_intro", st["body"])
    story.append(_column_headers(labels))
    steps = list(agreement.steps)
    for i, step in enumerate(steps):
        story.append(_ChainRow(step, i + 1, first=i == 0, last=i == len(steps) - 1,
                               labels=labels))

    story.append(Spacer(1, 6 * mm))
    story.append(KeepTogether([
        paragraph(labels.both("signatures"), st["heading"], d),
        _signature_table(agreement, labels),
    ]))
    return story


# ------------------------------------------------------------------ parties


def _party_cell(label: str, party: AgreementParty, labels: Labels) -> list[Flowable]:
    st = styles()
    d = labels.direction
    cell = [paragraph(label, st["small"], d), paragraph(party.name, st["cell_bold"], d)]
    lines = [party.organisation, *party.address_lines, *party.details]
    cell += [paragraph(line, st["cell"], d) for line in lines if clean(line).strip()]
    return cell


def _parties_table(agreement: AgreementData, labels: Labels) -> Table:
    cells = [
        _party_cell(labels.both("party_person"), agreement.person, labels),
        _party_cell(labels.both("party_authority"), agreement.authority, labels),
    ]
    if agreement.case_manager is not None:
        cells.append(_party_cell(labels.both("party_case_manager"), agreement.case_manager, labels))
    if labels.is_rtl:
        cells.reverse()
    gap = 4 * mm
    width = (CONTENT_WIDTH - gap * (len(cells) - 1)) / len(cells)
    row: list = []
    widths: list[float] = []
    for i, cell in enumerate(cells):
        if i:
            row.append("")
            widths.append(gap)
        row.append(cell)
        widths.append(width)
    table = Table([row], colWidths=widths)
    style = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    for col in range(0, len(row), 2):
        style += [
            ("BACKGROUND", (col, 0), (col, 0), SHADE),
            ("LEFTPADDING", (col, 0), (col, 0), 6),
            ("RIGHTPADDING", (col, 0), (col, 0), 6),
            ("TOPPADDING", (col, 0), (col, 0), 5),
            ("BOTTOMPADDING", (col, 0), (col, 0), 6),
        ]
    table.setStyle(TableStyle(style))
    return table


# -------------------------------------------------------------------- steps


def _sides(left, right, labels: Labels) -> list:
    """Person's side first in reading order: left in LTR, right in RTL."""
    return [right, "", left] if labels.is_rtl else [left, "", right]


def _column_headers(labels: Labels) -> Table:
    st = styles()
    row = _sides(
        bilingual_caption(labels, "steps_person", st["label"]),
        bilingual_caption(labels, "steps_authority", st["label"]),
        labels,
    )
    table = Table([row], colWidths=[SIDE_WIDTH, CHAIN_WIDTH, SIDE_WIDTH])
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (0, 0), 0.8, ACCENT),
        ("LINEBELOW", (2, 0), (2, 0), 0.8, ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def _step_box(step: AgreementStep, labels: Labels) -> Table:
    st = styles()
    d = labels.direction
    status = step.status if step.status in STATUS_COLOURS else "open"
    tag = labels.both(f"status_{status}")
    if step.party in ("case_manager", "other"):
        tag = f"{labels.both('party_' + step.party)} · {tag}"
    content: list[Flowable] = [
        paragraph(tag, st["small"], d),
        paragraph(step.action, st["cell_bold"], d),
    ]
    # Due date and proof: German, then (translated copies) the same in the
    # client's language on its own line, so neither reads across the other.
    content += pair(labels, _step_meta(step, labels.german), _step_meta(step, labels.__getitem__), st["cell"])
    proof = clean(step.proof).strip()
    if proof:
        content += pair(labels, f"{labels.german('proof')}: {isolate(proof)}",
                        f"{labels['proof']}: {isolate(proof)}", st["cell"])
    box = Table([[content]], colWidths=[SIDE_WIDTH], cornerRadii=[3, 3, 3, 3])
    box.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), STATUS_COLOURS[status]),
        ("BOX", (0, 0), (-1, -1), 0.6, STATUS_BORDER[status]),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    return box


def _step_meta(step: AgreementStep, text) -> str:
    """"due by 15.04.2026 · done on 02.04.2026" in one language (``text(key)``)."""
    meta = []
    if step.due is not None:
        meta.append(f"{text('due')} {format_date(step.due)}")
    if step.done_on is not None:
        meta.append(f"{text('done_on')} {format_date(step.done_on)}")
    return " · ".join(meta)


class _ChainRow(Table):
    """One step: its box on its party's side and a numbered link in the middle.

    Each step is its own one-row table so a page break can fall between any
    two steps; the chain line is drawn across the whole row height, so the
    rows join into one line.
    """

    def __init__(self, step: AgreementStep, number: int, *, first: bool, last: bool,
                 labels: Labels) -> None:
        box = _step_box(step, labels)
        left, right = (box, "") if step.party != "authority" else ("", box)
        super().__init__([_sides(left, right, labels)],
                         colWidths=[SIDE_WIDTH, CHAIN_WIDTH, SIDE_WIDTH])
        self.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))
        self._number = number
        self._first = first
        self._last = last

    def draw(self) -> None:
        super().draw()
        canvas = self.canv
        x = self._colpositions[1] + self._colWidths[1] / 2
        radius = 3.2 * mm
        centre_y = self._height - 4 - radius - 1.5 * mm
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(1.2)
        top = centre_y if self._first else self._height
        bottom = centre_y if self._last else 0
        if top > bottom:
            canvas.line(x, bottom, x, top)
        canvas.setFillColor(ACCENT)
        canvas.setStrokeColor(ACCENT)
        canvas.circle(x, centre_y, radius, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(fonts.SANS_BOLD, 9)
        canvas.drawCentredString(x, centre_y - 3.2, str(self._number))
        canvas.restoreState()


# --------------------------------------------------------------- signatures


def _signature_table(agreement: AgreementData, labels: Labels) -> Table:
    st = styles()
    d = labels.direction
    signers = [
        ("sign_person", agreement.person.name),
        ("sign_authority", _officer_line(agreement.authority)),
    ]
    if agreement.case_manager is not None:
        signers.append(("sign_case_manager", _officer_line(agreement.case_manager)))
    if labels.is_rtl:
        signers.reverse()
    gap = 6 * mm
    width = (CONTENT_WIDTH - gap * (len(signers) - 1)) / len(signers)
    place = clean(agreement.place).strip()
    rows: list[list] = [[], [], [], []]
    widths: list[float] = []
    for i, (caption, name) in enumerate(signers):
        if i:
            for row in rows:
                row.append("")
            widths.append(gap)
        rows[0].append(bilingual_caption(labels, "place_date", st["small"], f"{place}," if place else "", ": "))
        rows[1].append("")
        rows[2].append(bilingual_caption(labels, caption, st["small"]))
        rows[3].append(paragraph(name, st["cell"], d))
        widths.append(width)
    table = Table(rows, colWidths=widths, rowHeights=[None, 16 * mm, None, None])
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]
    for col in range(0, len(rows[0]), 2):
        style.append(("LINEABOVE", (col, 2), (col, 2), 0.7, MUTED))
    table.setStyle(TableStyle(style))
    return table


def _officer_line(party: AgreementParty) -> str:
    parts = [clean(party.name).strip(), clean(party.organisation).strip()]
    return ", ".join(p for p in parts if p)
