"""The consent form (Einwilligung / Schweigepflichtentbindung) to sign on paper.

It names the person, every recipient, every data category (health and other
Art. 9 data flagged as such), the purpose and the validity, says that the
consent is voluntary and can be withdrawn at any time, and leaves room for
the signatures. Boxes are printed empty: the person ticks what they agree
to, and the case manager records exactly that as the consent in the vault.

The form is legally effective in German: in another language it prints the
German text with the translation below each part (``app.documents.bilingual``).
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from app.documents.bilingual import caption, label_value_table, pair, texts
from app.documents.data import ConsentFormData, DataCategory, Recipient
from app.documents.labels import Labels, labels_for, supported_languages
from app.documents.layout import (
    MARGIN_LEFT,
    MARGIN_RIGHT,
    PAGE_WIDTH,
    build_pdf,
    page_footer,
    plain_page_template,
)
from app.documents.styles import MUTED, RULE, styles
from app.documents.text import clean, format_date, isolate, paragraph

CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
BOX_COLUMN = 12 * mm
BOX_COLUMN_BILINGUAL = 17 * mm  # "ja / так" above the boxes
SPECIAL_SHADE = colors.Color(1.0, 0.96, 0.86)


def consent_form_languages() -> tuple[str, ...]:
    """Languages the consent form's text is translated into (the documents catalog's)."""
    return supported_languages()


def render_consent_form(form: ConsentFormData, lang: str = "de") -> bytes:
    """The form as PDF bytes; a language without a translation prints German."""
    labels = labels_for(lang)
    rtl = labels.is_rtl
    org = clean(form.organisation.name).strip()
    footer = f"{labels.german('consent_title')} · {labels.both('reference')} {clean(form.reference)}"
    return build_pdf(
        _story(form, labels),
        [plain_page_template(org, rtl=rtl)],
        title=f"{labels.german('consent_title')} {clean(form.reference)}",
        author=org,
        subject=labels.german("consent_title"),
        finish_page=page_footer(
            footer, lambda page, total: labels.both("page", page=page, total=total), rtl=rtl
        ),
        lang=labels.lang,
    )


class CheckBox(Flowable):
    """An empty square to tick by hand."""

    def __init__(self, size: float = 4.2 * mm) -> None:
        super().__init__()
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setStrokeColor(colors.black)
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)


def _story(form: ConsentFormData, labels: Labels) -> list[Flowable]:
    st = styles()
    d = labels.direction
    org = clean(form.organisation.name).strip()
    story: list[Flowable] = texts(labels, "consent_title", st["title"])
    story.append(paragraph(f"{labels.both('reference')} {isolate(form.reference)}", st["subtitle"], d))
    if not labels.is_german:
        story += texts(labels, "translation_note", st["small"]) + [Spacer(1, 3 * mm)]

    story += pair(labels, _declaration(form, labels.german), _declaration(form, labels.__getitem__),
                  st["form"])

    story.append(paragraph(labels.both("consent_recipients"), st["form_heading"], d))
    story.append(_box_table([_recipient_cell(r, labels) for r in form.recipients], labels))

    story.append(paragraph(labels.both("consent_categories"), st["form_heading"], d))
    rows = []
    specials = []
    for i, category in enumerate(form.categories):
        cell = [paragraph(_category_label(category, labels),
                          st["cell_bold" if category.special else "cell"], d)]
        if category.special:
            cell += texts(labels, "consent_special", st["small"])
            specials.append(i)
        rows.append(cell)
    story.append(_box_table(rows, labels, shaded_rows=specials))

    if form.valid_until is not None:
        validity = texts(labels, "consent_valid_until", st["form"], date=format_date(form.valid_until))
    else:
        validity = texts(labels, "consent_valid_open", st["form"])
    story.append(Spacer(1, 3 * mm))
    story.append(_terms_table([
        (labels.both("consent_purpose"), [paragraph(form.purpose, st["form"], d)]),
        (labels.both("consent_validity"), validity),
    ], labels))

    story.append(paragraph(labels.both("consent_withdraw_title"), st["form_heading"], d))
    story += texts(labels, "consent_voluntary", st["form"])
    story += texts(labels, "consent_withdraw", st["form"], organisation=org)
    story.append(Spacer(1, 4 * mm))
    story.append(KeepTogether(_signatures(form, labels)))
    return story


def _declaration(form: ConsentFormData, text) -> str:
    """"I, <name>, born on …, living at …, agree that …" in one language (``text(key)``)."""
    org = clean(form.organisation.name).strip()
    parts = [text("consent_person").format(name=isolate(clean(form.person_name).strip()))]
    birth = format_date(form.person_birth_date)
    if birth:
        parts.append(text("consent_birth_date").format(date=birth))
    address = ", ".join(clean(line).strip() for line in form.person_address_lines
                        if clean(line).strip())
    if address:
        parts.append(text("consent_address").format(address=isolate(address)))
    parts.append(text("consent_intro").format(organisation=org))
    return " ".join(parts)


def _category_label(category: DataCategory, labels: Labels) -> str:
    """The category in German and the document's language; as given when it has no code."""
    key = f"category_{category.code}"
    return labels.both(key) if category.code and key in labels else category.label


def _terms_table(rows: list[tuple[str, list[Flowable]]], labels: Labels) -> Table:
    """Purpose and validity as label/value rows."""
    st = styles()
    label_width = 30 * mm if labels.is_german else 42 * mm
    data = [[paragraph(label, st["label"], labels.direction), value] for label, value in rows]
    return label_value_table(data, labels, label_width, CONTENT_WIDTH, vertical_padding=1, gap=6)


def _recipient_cell(recipient: Recipient, labels: Labels) -> list[Flowable]:
    st = styles()
    d = labels.direction
    cell = [paragraph(recipient.name, st["cell_bold"], d)]
    details = [recipient.department, recipient.contact_person, *recipient.address_lines]
    line = ", ".join(clean(x).strip() for x in details if clean(x).strip())
    if line:
        cell.append(paragraph(line, st["cell"], d))
    return cell


def _box_table(rows: list[list[Flowable]], labels: Labels,
               shaded_rows: list[int] | None = None) -> Table:
    """Rows of text with an empty box to tick, under a "yes" column header."""
    st = styles()
    d = labels.direction
    header = [paragraph(labels.both("consent_yes"), st["small"], d), ""]
    data = [header] + [[CheckBox(), row] for row in rows]
    box = BOX_COLUMN if labels.is_german else BOX_COLUMN_BILINGUAL
    widths = [box, CONTENT_WIDTH - box]
    if labels.is_rtl:
        data = [list(reversed(row)) for row in data]
        widths.reverse()
    box_col = len(widths) - 1 if labels.is_rtl else 0
    table = Table(data, colWidths=widths, repeatRows=1)
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (box_col, 0), (box_col, -1), "CENTER"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 1), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, 0), 0),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 1),
    ]
    for i in shaded_rows or []:
        style.append(("BACKGROUND", (0, i + 1), (-1, i + 1), SPECIAL_SHADE))
    table.setStyle(TableStyle(style))
    return table


def _signatures(form: ConsentFormData, labels: Labels) -> list[Flowable]:
    st = styles()
    place = clean(form.place).strip()
    place_date = f"{place}," if place else ""
    staff = f"({form.case_manager.strip()})" if clean(form.case_manager).strip() else ""
    gap = 6 * mm
    width = (CONTENT_WIDTH - 2 * gap) / 3
    top = [caption(labels, "place_date", st["small"], place_date, ": "), "",
           caption(labels, "place_date", st["small"], place_date, ": "), "", ""]
    bottom = [caption(labels, "consent_signature_person", st["small"]), "",
              caption(labels, "consent_signature_staff", st["small"], staff), "",
              caption(labels, "consent_interpreter", st["small"])]
    rows = [top, [""] * 5, bottom]
    if labels.is_rtl:
        rows = [list(reversed(r)) for r in rows]
    table = Table(rows, colWidths=[width, gap, width, gap, width],
                  rowHeights=[None, 14 * mm, None])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("LINEABOVE", (0, 2), (0, 2), 0.7, MUTED),
        ("LINEABOVE", (2, 2), (2, 2), 0.7, MUTED),
        ("LINEABOVE", (4, 2), (4, 2), 0.7, MUTED),
    ]))
    return [table]
