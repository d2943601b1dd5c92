"""The appointment letter (Terminbrief): an invitation to the person, in their language.

DIN 5008 form B like the referral letter (letterhead, address field with the
person's address, information block at 125 mm, fold and punch marks; the
drawing is shared with ``referral_letter``), but its text comes from the
``documents`` catalog in the person's language: who invites, the day, time and
place, what to bring, whom to call, and what to do when the person cannot
come. Nothing here is legally binding, so unlike the agreement and the consent
form it prints the translation alone, with the German subject below the
translated one for anyone who helps the person read it.
"""

from __future__ import annotations

from babel.core import UnknownLocaleError
from babel.dates import format_date as babel_date
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageTemplate, Spacer, Table

from app.documents import din5008 as din
from app.documents.bilingual import label_value_table
from app.documents.data import AppointmentLetterData
from app.documents.labels import Labels, labels_for
from app.documents.layout import build_pdf
from app.documents.messages import MESSAGES
from app.documents.referral_letter import (
    LINE_MM,
    body_frame,
    draw_address_field,
    draw_footer,
    draw_information_block,
    draw_letterhead,
    draw_marks,
    information_rows,
    load_logo,
)
from app.documents.styles import styles
from app.documents.text import clean, format_date, isolate, paragraph
from app.errors import ValidationError
from app.i18n import _

BULLET = "•"


def render_appointment_letter(letter: AppointmentLetterData, lang: str = "de") -> bytes:
    """The letter as PDF bytes in ``lang`` (German when unknown); nothing touches the disk."""
    labels = labels_for(lang)
    recipient = [" ".join(clean(line).split()) for line in (letter.recipient_name, *letter.recipient_address_lines)]
    recipient = [line for line in recipient if line]
    if not recipient:
        raise ValidationError(_("The appointment letter needs the person's name."))
    recipient = recipient[: din.RECIPIENT_MAX_LINES]
    logo = load_logo(letter.sender)
    first = PageTemplate(
        id="first",
        frames=[body_frame(din.BODY_TOP_MM, "first-body")],
        onPage=lambda canvas, doc: _first_page(canvas, letter, recipient, labels, logo),
        autoNextPageTemplate="later",
    )
    later = PageTemplate(id="later", frames=[body_frame(din.FOLLOW_TOP_MM, "later-body")],
                         onPage=lambda canvas, doc: draw_marks(canvas, fold=False))
    return build_pdf(
        _story(letter, labels),
        [first, later],
        title=f"{labels.german('appointment_subject')} {clean(letter.reference)}",
        author=clean(letter.sender.name),
        subject=labels["appointment_subject"],
        lang=labels.lang,
    )


def weekday(letter: AppointmentLetterData, lang: str) -> str:
    """The weekday in the letter's language (Babel's CLDR names)."""
    try:
        return babel_date(letter.starts_at.date(), "EEEE", locale=lang)
    except (UnknownLocaleError, ValueError):
        return babel_date(letter.starts_at.date(), "EEEE", locale="de")


def _first_page(canvas, letter: AppointmentLetterData, recipient: list[str], labels: Labels, logo) -> None:
    canvas.saveState()
    draw_letterhead(canvas, letter.sender, logo)
    draw_address_field(canvas, letter.sender, recipient, confidential=True)
    draw_information_block(canvas, information_rows([
        (labels["reference"], letter.reference),
        (labels["contact_person"], letter.host),
        (labels["phone"], letter.phone),
        (labels["email"], letter.email),
    ], labels["date"], letter.date))
    draw_marks(canvas, fold=True)
    draw_footer(canvas, letter.sender)
    canvas.restoreState()


def _story(letter: AppointmentLetterData, labels: Labels) -> list[Flowable]:
    st = styles()
    d = labels.direction
    org = clean(letter.sender.name).strip()
    story: list[Flowable] = [paragraph(labels["appointment_subject"], st["subject"], d)]
    if not labels.is_german:
        story.append(paragraph(labels.german("appointment_subject"), st["small"]))
    story.append(Spacer(1, 2 * LINE_MM * mm))
    name = clean(letter.recipient_name).strip()
    story.append(paragraph(labels["appointment_salutation"].format(name=isolate(name)), st["body"], d))
    story.append(paragraph(labels["appointment_intro"].format(organisation=isolate(org)), st["body"], d))
    story.append(_facts(letter, labels))
    story.append(Spacer(1, 3 * mm))

    items = [labels[item] if item in MESSAGES else item for item in letter.bring]
    items = [clean(item).strip() for item in items if clean(item).strip()]
    if items:
        block: list[Flowable] = [paragraph(labels["appointment_bring"], st["subheading"], d)]
        block += [paragraph(f"{BULLET} {item}", st["body_tight"], d) for item in items]
        story.append(KeepTogether(block))
        story.append(Spacer(1, 3 * mm))

    for key in ("appointment_free", "appointment_interpreter", "appointment_cancel"):
        story.append(paragraph(labels[key], st["body"], d))
    phone, email = clean(letter.phone).strip(), clean(letter.email).strip()
    if phone and email:
        contact = labels["appointment_contact"].format(phone=isolate(phone), email=isolate(email))
    elif phone or email:
        key = "appointment_contact_phone" if phone else "appointment_contact_email"
        contact = labels[key].format(phone=isolate(phone), email=isolate(email))
    else:
        contact = ""
    if contact:
        story.append(paragraph(contact, st["body"], d))

    closing: list[Flowable] = [Spacer(1, 2 * mm), paragraph(labels["appointment_closing"], st["body_tight"], d),
                               Spacer(1, 2 * LINE_MM * mm)]
    for line in (letter.host, org):
        if clean(line).strip():
            closing.append(paragraph(line, st["body_tight"], d))
    story.append(KeepTogether(closing))
    return story


def _facts(letter: AppointmentLetterData, labels: Labels) -> Table:
    """Day, time, place and host as a label/value table (mirrored in right-to-left languages)."""
    st = styles()
    d = labels.direction
    day = labels["appointment_day_value"].format(weekday=weekday(letter, labels.lang),
                                                 date=format_date(letter.starts_at))
    time = labels["appointment_time_value"].format(time=letter.starts_at.strftime("%H:%M"))
    place = "\n".join(clean(line).strip() for line in letter.place_lines if clean(line).strip())
    rows = [("appointment_when", day), ("appointment_time", time)]
    if place:
        rows.append(("appointment_place", place))
    if clean(letter.host).strip():
        rows.append(("appointment_with", letter.host))
    width = din.PAGE_WIDTH - din.x_mm(din.TEXT_LEFT_MM + din.TEXT_RIGHT_MM)
    data = [[paragraph(labels[key], st["label"], d), paragraph(value, st["subject"], d)] for key, value in rows]
    return label_value_table(data, labels, 38 * mm, width, vertical_padding=2, gap=0)
