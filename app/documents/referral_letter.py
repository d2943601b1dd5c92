"""The referral letter (Verweis) in DIN 5008 form B, rendered to PDF bytes.

Page 1 carries the letterhead, the address field (return-address line,
"Vertraulich" in the endorsement zone, the recipient), the information block
and the fold and punch marks at the positions in ``din5008``; the text flows
from below the address field. Follow-up pages have no address field, only a
header line with the reference and "Seite x von y".
"""

from __future__ import annotations

import re
from datetime import date

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
)

from app.documents import din5008 as din
from app.documents import fonts
from app.documents.data import ConsentStatement, LetterData, Organisation, Recipient
from app.documents.layout import build_pdf
from app.documents.styles import MUTED, RULE, styles
from app.documents.text import (
    clean,
    draw_text,
    format_date,
    paragraph,
    text_width,
    visual_text,
)
from app.errors import ValidationError
from app.i18n import _

LINE_MM = 4.23  # one DIN 5008 line (12 pt)

# Label texts of the letter; German because the recipients are German offices.
LABELS = {
    "their_reference": "Ihr Zeichen",
    "our_reference": "Unser Zeichen",
    "contact_person": "Ansprechperson",
    "phone": "Telefon",
    "email": "E-Mail",
    "date": "Datum",
    "confidential": "Vertraulich",
    "enclosure": "Anlage",
    "enclosures": "Anlagen",
    "page": "Seite {page} von {total}",
}

_SUBJECT_LABEL = re.compile(r"^\s*betreff\s*[:.\-–]?\s*", re.IGNORECASE)


def render_referral_letter(letter: LetterData) -> bytes:
    """The letter as PDF bytes; nothing is written to disk."""
    fonts.register_fonts()
    recipient_lines = address_lines(letter.recipient)
    logo = load_logo(letter.sender)
    first = PageTemplate(
        id="first",
        frames=[body_frame(din.BODY_TOP_MM, "first-body")],
        onPage=lambda canvas, doc: _draw_first_page(canvas, letter, recipient_lines, logo),
        autoNextPageTemplate="later",
    )
    later = PageTemplate(
        id="later",
        frames=[body_frame(din.FOLLOW_TOP_MM, "later-body")],
        onPage=lambda canvas, doc: draw_marks(canvas, fold=False),
    )
    return build_pdf(
        _story(letter),
        [first, later],
        title=f"Schreiben {clean(letter.reference)}",
        author=clean(letter.sender.name),
        subject=normalise_subject(letter.subject),
        finish_page=lambda canvas, page, total: _finish_page(canvas, letter, page, total),
    )


# ----------------------------------------------------------------- content


def normalise_subject(subject: str) -> str:
    """The subject as DIN 5008 prints it: no "Betreff" label, no full stop."""
    s = " ".join(clean(subject).split())
    s = _SUBJECT_LABEL.sub("", s)
    s = s.rstrip(" .")
    if not s:
        raise ValidationError(_("The letter needs a subject."))
    return s


def address_lines(recipient: Recipient) -> list[str]:
    """The recipient zone's lines, at most six (DIN 5008 form B)."""
    lines = [recipient.name, recipient.department, recipient.contact_person]
    lines += list(recipient.address_lines)
    lines = [" ".join(clean(line).split()) for line in lines]
    lines = [line for line in lines if line]
    if not lines:
        raise ValidationError(_("The recipient has no name or address."))
    if len(lines) > din.RECIPIENT_MAX_LINES:
        raise ValidationError(
            _("The recipient's address has {lines} lines; the DIN 5008 address field holds {max}. "
              "Shorten the department or contact line.").format(lines=len(lines), max=din.RECIPIENT_MAX_LINES)
        )
    return lines


def consent_sentence(consent: ConsentStatement) -> str:
    """The paragraph naming the consent the letter relies on (date and scope)."""
    categories = ", ".join(clean(c).strip() for c in consent.categories if clean(c).strip())
    purpose = clean(consent.purpose).strip().rstrip(".")
    text = (
        f"Diese Mitteilung stützt sich auf die schriftliche Einwilligung und "
        f"Schweigepflichtentbindung von {clean(consent.given_by).strip()} vom "
        f"{format_date(consent.given_on)} gegenüber {clean(consent.recipient_scope).strip()}. "
        f"Sie umfasst folgende Daten: {categories or '–'}. Zweck: {purpose or '–'}. "
    )
    if consent.valid_until is not None:
        text += f"Die Einwilligung gilt bis zum {format_date(consent.valid_until)}."
    else:
        text += "Die Einwilligung gilt bis auf Widerruf."
    return text


def _story(letter: LetterData) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [
        paragraph(normalise_subject(letter.subject), st["subject"]),
        Spacer(1, 2 * LINE_MM * mm),
    ]
    if clean(letter.salutation).strip():
        story.append(paragraph(letter.salutation.strip(), st["body"]))
    for text in letter.body:
        if clean(text).strip():
            story.append(paragraph(text.strip(), st["body"]))
    if letter.consent is not None:
        story.append(paragraph(consent_sentence(letter.consent), st["body"]))

    # Closing, signature space and name stay on one page.
    closing: list[Flowable] = [Spacer(1, 2 * mm)]
    if clean(letter.closing).strip():
        closing.append(paragraph(letter.closing.strip(), st["body_tight"]))
    closing.append(Spacer(1, 3 * LINE_MM * mm))  # room for the handwritten signature
    if clean(letter.signer).strip():
        closing.append(paragraph(letter.signer.strip(), st["body_tight"]))
    if clean(letter.signer_role).strip():
        closing.append(paragraph(letter.signer_role.strip(), st["body_tight"]))
    story.append(KeepTogether(closing))

    enclosures = [e.strip() for e in letter.enclosures if clean(e).strip()]
    if enclosures:
        label = LABELS["enclosure"] if len(enclosures) == 1 else LABELS["enclosures"]
        block: list[Flowable] = [Spacer(1, LINE_MM * mm), paragraph(label, st["subject"])]
        block += [paragraph(e, st["body_tight"]) for e in enclosures]
        story.append(KeepTogether(block))
    return story


# ------------------------------------------------------------------ frames


def body_frame(top_mm: float, frame_id: str) -> Frame:
    left = din.x_mm(din.TEXT_LEFT_MM)
    width = din.PAGE_WIDTH - left - din.x_mm(din.TEXT_RIGHT_MM)
    bottom = din.x_mm(din.BOTTOM_MARGIN_MM)
    height = din.y_from_top(top_mm) - bottom
    return Frame(left, bottom, width, height, 0, 0, 0, 0, id=frame_id)


# -------------------------------------------------------------- page one


def _draw_first_page(
    canvas: Canvas, letter: LetterData, recipient_lines: list[str], logo: ImageReader | None
) -> None:
    canvas.saveState()
    draw_letterhead(canvas, letter.sender, logo)
    draw_address_field(canvas, letter.sender, recipient_lines, letter.confidential)
    draw_information_block(canvas, _information_rows(letter))
    draw_marks(canvas, fold=True)
    draw_footer(canvas, letter.sender)
    canvas.restoreState()


def _cap_height_mm(font_name: str, size: float) -> float:
    """How far capitals reach above the baseline, in mm.

    Lines are placed by the top of their capitals: that is where a reader
    (and a ruler on the printout) sees a line begin.
    """
    return getFont(font_name).face.capHeight / 1000 * size / mm


def draw_letterhead(canvas: Canvas, org: Organisation, logo: ImageReader | None) -> None:
    left = din.x_mm(din.TEXT_LEFT_MM)
    right = din.x_mm(din.INFO_RIGHT_MM)
    text_right = right
    if logo is not None:
        img_w, img_h = logo.getSize()
        box_w, box_h = 55 * mm, 22 * mm
        scale = min(box_w / img_w, box_h / img_h)
        w, h = img_w * scale, img_h * scale
        canvas.drawImage(logo, right - w, din.y_from_top(12) - h, w, h, mask="auto")
        text_right = right - w - 6 * mm
    width = text_right - left
    y = din.y_from_top(18)
    draw_text(canvas, left, y, org.name, fonts.SANS_BOLD, 14, max_width=width, min_size=10)
    if clean(org.department).strip():
        y -= 5.2 * mm
        canvas.setFillColor(MUTED)
        draw_text(canvas, left, y, org.department, fonts.SANS, 10, max_width=width)
    canvas.setFillColor(MUTED)
    details = [" · ".join(clean(line) for line in org.address_lines if clean(line).strip())]
    contact = [
        f"Telefon {clean(org.phone)}" if clean(org.phone).strip() else "",
        clean(org.email),
        clean(org.website),
    ]
    details.append(" · ".join(part for part in contact if part.strip()))
    y = din.y_from_top(31)
    for line in details:
        if line.strip():
            draw_text(canvas, left, y, line, fonts.SANS, 8, max_width=width)
            y -= 3.6 * mm
    canvas.setFillColor(MUTED)


def draw_address_field(canvas: Canvas, sender: Organisation, recipient_lines: list[str],
                       confidential: bool = True) -> None:
    """The DIN 5008 form B address field: return address, endorsement, up to six lines."""
    x = din.x_mm(din.ADDRESS_LEFT_MM + din.ADDRESS_TEXT_INSET_MM)
    width = din.x_mm(din.ADDRESS_WIDTH_MM - din.ADDRESS_TEXT_INSET_MM - 2)
    top = din.ADDRESS_TOP_MM

    # Return-address line: small, underlined, in the 5 mm zone.
    parts = [sender.name, *sender.address_lines]
    return_line = " · ".join(" ".join(clean(p).split()) for p in parts if clean(p).strip())
    canvas.setFillColor(MUTED)
    baseline = din.y_from_top(top + din.RETURN_ZONE_MM - 1.3)
    size = draw_text(canvas, x, baseline, return_line, fonts.SANS, 7, max_width=width,
                     min_size=5.5)
    underline = min(text_width(visual_text(return_line), fonts.SANS, size), width)
    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(0.35)
    canvas.line(x, baseline - 1.0 * mm, x + underline, baseline - 1.0 * mm)

    # Endorsement zone: "Vertraulich" on its bottom line.
    canvas.setFillColorRGB(0, 0, 0)
    zone_top = top + din.RETURN_ZONE_MM
    if confidential:
        baseline = din.y_from_top(zone_top + din.ENDORSEMENT_ZONE_MM - 1.4)
        draw_text(canvas, x, baseline, LABELS["confidential"], fonts.SANS_BOLD, 10)

    # Recipient zone: up to six lines at the DIN line pitch, the first a
    # little below the zone's top; the sixth ends above the field's bottom.
    zone_top += din.ENDORSEMENT_ZONE_MM
    pitch = LINE_MM
    baseline_mm = zone_top + 1.0 + _cap_height_mm(fonts.SANS, 10)
    for line in recipient_lines:
        draw_text(canvas, x, din.y_from_top(baseline_mm), line, fonts.SANS, 10,
                  max_width=width, min_size=8)
        baseline_mm += pitch


def _information_rows(letter: LetterData) -> list[tuple[str, str]]:
    return information_rows([
        (LABELS["their_reference"], letter.their_reference),
        (LABELS["our_reference"], letter.reference),
        (LABELS["contact_person"], letter.contact_person),
        (LABELS["phone"], letter.phone),
        (LABELS["email"], letter.email),
    ], LABELS["date"], letter.date)


def information_rows(rows: list[tuple[str, object]], date_label: str, day: date) -> list[tuple[str, str]]:
    """The information block's rows: each value on one line, empty ones left out, the date last."""
    cleaned = [(label, " ".join(clean(value).split())) for label, value in rows]
    return [(label, value) for label, value in cleaned if value] + [(date_label, format_date(day))]


def _split_long_value(value: str, width: float, size: float) -> list[str]:
    """An e-mail address or name too long for the block, broken where it can be."""
    if text_width(visual_text(value), fonts.SANS, size) <= width:
        return [value]
    for sep in ("@", " ", "-", "."):
        cut = value.rfind(sep, 0, len(value) - 1)
        while cut > 0:
            head = value[: cut + 1] if sep != " " else value[:cut]
            if text_width(visual_text(head), fonts.SANS, size) <= width:
                tail = value[cut + 1:]
                return [head, *_split_long_value(tail, width, size)]
            cut = value.rfind(sep, 0, cut)
    return [value]


def draw_information_block(canvas: Canvas, rows: list[tuple[str, str]]) -> None:
    """Label/value rows at 125 mm; the last row (the date) stands half a line apart."""
    label_x = din.x_mm(din.INFO_LEFT_MM)
    value_x = label_x + 25 * mm
    value_width = din.x_mm(din.INFO_RIGHT_MM) - value_x
    size = 9
    baseline_mm = din.INFO_TOP_MM + _cap_height_mm(fonts.SANS, size)
    for i, (label, value) in enumerate(rows):
        if i == len(rows) - 1:
            baseline_mm += LINE_MM / 2  # the date stands a little apart
        canvas.setFillColor(MUTED)
        draw_text(canvas, label_x, din.y_from_top(baseline_mm), label, fonts.SANS, 8)
        canvas.setFillColorRGB(0, 0, 0)
        for part in _split_long_value(value, value_width, size):
            draw_text(canvas, value_x, din.y_from_top(baseline_mm), part, fonts.SANS, size,
                      max_width=value_width, min_size=7)
            baseline_mm += LINE_MM


def draw_marks(canvas: Canvas, fold: bool) -> None:
    """Fold marks at 105/210 mm and the punch mark at 148.5 mm on the left edge."""
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    if fold:
        for y in din.FOLD_MARKS_MM:
            canvas.line(3 * mm, din.y_from_top(y), 8 * mm, din.y_from_top(y))
    canvas.line(3 * mm, din.y_from_top(din.PUNCH_MARK_MM), 10 * mm,
                din.y_from_top(din.PUNCH_MARK_MM))
    canvas.restoreState()


def draw_footer(canvas: Canvas, org: Organisation) -> None:
    parts = [org.name, *org.address_lines]
    line = " · ".join(" ".join(clean(p).split()) for p in parts if clean(p).strip())
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.4)
    left = din.x_mm(din.TEXT_LEFT_MM)
    right = din.PAGE_WIDTH - din.x_mm(din.TEXT_RIGHT_MM)
    y = din.x_mm(din.BOTTOM_MARGIN_MM) - 9 * mm
    canvas.line(left, y + 3.5 * mm, right, y + 3.5 * mm)
    canvas.setFillColor(MUTED)
    draw_text(canvas, (left + right) / 2, y, line, fonts.SANS, 7, align="center",
              max_width=right - left)


# ---------------------------------------------------------- later pages


def _finish_page(canvas: Canvas, letter: LetterData, page: int, total: int) -> None:
    """Follow-up pages: a header line with sender, reference, date and page."""
    if page == 1:
        return
    canvas.saveState()
    left = din.x_mm(din.TEXT_LEFT_MM)
    right = din.PAGE_WIDTH - din.x_mm(din.TEXT_RIGHT_MM)
    y = din.y_from_top(18)
    canvas.setFillColor(MUTED)
    header = " · ".join(
        part for part in (
            " ".join(clean(letter.sender.name).split()),
            f"{LABELS['our_reference']} {clean(letter.reference)}",
            format_date(letter.date),
        ) if part.strip()
    )
    draw_text(canvas, left, y, header, fonts.SANS, 8, max_width=right - left - 30 * mm)
    canvas.setFillColorRGB(0, 0, 0)
    draw_text(canvas, right, y, LABELS["page"].format(page=page, total=total), fonts.SANS, 9,
              align="right")
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.4)
    canvas.line(left, y - 2.5 * mm, right, y - 2.5 * mm)
    canvas.restoreState()


def load_logo(org: Organisation) -> ImageReader | None:
    if org.logo_path is None:
        return None
    try:
        return ImageReader(str(org.logo_path))
    except Exception as exc:  # PIL and ReportLab raise several kinds
        raise ValidationError(
            _("The logo file {path} cannot be read as an image: {error}").format(path=org.logo_path, error=exc)
        ) from exc
