"""The appointment letter (Terminbrief) from the case file, in the person's language.

The case gives the person's name and address, the reference and the case
manager (who invites); the organisation from the settings gives the
letterhead, phone and e-mail; the caller gives the day and time, the place
(default: the organisation's address) and what to bring. The letter is built
in memory; printing or saving it is logged (ids and the language only).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from app.documents.appointment_letter import render_appointment_letter
from app.documents.data import AppointmentLetterData, Organisation
from app.documents.labels import DOCUMENT_LANGUAGES
from app.documents.messages import BRING_ITEMS
from app.errors import ValidationError
from app.i18n import _
from app.services import audit
from app.services.lookup import actor, get_case
from app.services.validation import today as local_today

DEFAULT_BRING = ("bring_passport", "bring_residence", "bring_letters")


def appointment_letter_data(
    session, *, case_id: str, starts_at: datetime, organisation: Organisation, host: str,
    place: str = "", bring: Iterable[str] = DEFAULT_BRING, today: date,
) -> AppointmentLetterData:
    case = get_case(session, case_id)
    person = case.person
    place_lines = tuple(line.strip() for line in (place or "").splitlines() if line.strip())
    if not place_lines:
        place_lines = tuple(line for line in (organisation.name, *organisation.address_lines) if line.strip())
    if not place_lines:  # an invitation that does not say where to come is no invitation
        raise ValidationError(_("Enter the place of the appointment (the settings have no address of the "
                                "organisation to print instead)."))
    return AppointmentLetterData(
        sender=organisation,
        recipient_name=person.display_name or person.name_original or case.ref,
        recipient_address_lines=tuple(line.strip() for line in (person.address or "").splitlines() if line.strip()),
        reference=case.ref,
        date=today,
        starts_at=starts_at,
        place_lines=place_lines,
        host=(case.case_manager or "").strip() or host,
        phone=organisation.phone,
        email=organisation.email,
        bring=tuple(item.strip() for item in bring if item and item.strip()),
    )


def appointment_letter_pdf(
    vault,
    *,
    case_id: str,
    starts_at: datetime,
    organisation: Organisation,
    lang: str = "de",
    place: str = "",
    bring: Iterable[str] = DEFAULT_BRING,
    user: str | None = None,
    today: date | None = None,
    record: bool = True,
) -> bytes:
    """The letter as PDF bytes in ``lang``; ``record=False`` for a preview nobody prints."""
    code = (lang or "de").lower()
    if code not in DOCUMENT_LANGUAGES:
        raise ValidationError(
            _("The appointment letter cannot be printed in '{lang}'; available: {available}.").format(
                lang=code, available=", ".join(DOCUMENT_LANGUAGES))
        )
    if not isinstance(starts_at, datetime):
        raise ValidationError(_("The appointment needs a day and a time."))
    issued_on = today or local_today()
    if starts_at.date() < issued_on:
        raise ValidationError(_("The day of the appointment has passed: choose today or a later day."))
    by = actor(vault, user)
    with vault.session() as session:
        data = appointment_letter_data(session, case_id=case_id, starts_at=starts_at, organisation=organisation,
                                       host=by, place=place, bring=bring, today=issued_on)
        pdf = render_appointment_letter(data, code)
        if record:
            audit.record(session, by, "appointment_letter.print", case_id,
                         f"case_id={case_id} lang={code}")
        return pdf


__all__ = ["BRING_ITEMS", "DEFAULT_BRING", "appointment_letter_data", "appointment_letter_pdf"]
