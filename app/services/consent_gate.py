"""May this case's data go to this recipient? The consent check letters rely on.

A consent covers a recipient, a list of data categories and a purpose, from
``given`` to ``valid_until`` (open-ended if empty) unless ``withdrawn``. A
withdrawal takes effect on its date: from that day on no letter may rely on
the consent — the same day included, so a withdrawal recorded this morning
blocks the letter printed this afternoon.

Health and mental-health data (GDPR Art. 9) pass only where the consent names
exactly that category; no other category implies them. One consent must cover
all requested categories: the letter names the consent it relies on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.formatting import format_date
from app.i18n import _
from app.models import Consent


@dataclass(frozen=True)
class ConsentDecision:
    allowed: bool
    reason: str
    consent_id: str | None = None


def _fmt(day: date) -> str:
    return format_date(day)


def check_consent(session: Session, case_id: str, recipient_id: str, categories: Iterable[str], on: date) -> ConsentDecision:
    """The decision with the consent that allows it, or the most telling reason why not."""
    wanted = set(categories)
    consents = list(
        session.scalars(
            select(Consent).where(Consent.case_id == case_id, Consent.recipient_id == recipient_id).order_by(Consent.given.desc())
        )
    )
    if not consents:
        return ConsentDecision(False, _("There is no consent for this recipient."))
    reasons = []
    for consent in consents:
        missing = sorted(wanted - set(consent.categories or []))
        if consent.withdrawn is not None and consent.withdrawn <= on:
            reasons.append((0, _("The consent was withdrawn on {date}.").format(date=_fmt(consent.withdrawn))))
        elif consent.given > on:
            reasons.append((1, _("The consent is only given from {date}.").format(date=_fmt(consent.given))))
        elif consent.valid_until is not None and consent.valid_until < on:
            reasons.append((2, _("The consent expired on {date}.").format(date=_fmt(consent.valid_until))))
        elif missing:
            reasons.append((3, _("The consent does not cover these data categories: {categories}.").format(
                categories=", ".join(missing))))
        else:
            if consent.valid_until:
                reason = _("Consent given on {given} until {until}.").format(
                    given=_fmt(consent.given), until=_fmt(consent.valid_until))
            else:
                reason = _("Consent given on {given}.").format(given=_fmt(consent.given))
            return ConsentDecision(True, reason, consent.id)
    # The reason about the newest consent is the one the user acts on.
    return ConsentDecision(False, reasons[0][1])


def consent_allows(
    session: Session, case_id: str, recipient_id: str, categories: Iterable[str], on: date
) -> tuple[bool, str]:
    """(allowed, reason) — the call the documents (letters) make before printing."""
    decision = check_consent(session, case_id, recipient_id, categories, on)
    return decision.allowed, decision.reason
