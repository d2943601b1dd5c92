"""Consents that run out soon: a source for the deadlines list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Agency, Case, Consent
from app.models.codes import CaseStatus

DEFAULT_WITHIN_DAYS = 30


@dataclass(frozen=True)
class ExpiringConsent:
    case_id: str
    ref: str
    consent_id: str
    recipient_id: str
    recipient_name: str
    valid_until: date
    days_left: int


def expiring_consents(session: Session, today: date, within_days: int = DEFAULT_WITHIN_DAYS) -> list[ExpiringConsent]:
    """Consents of open cases, not withdrawn, whose last valid day is today or within
    ``within_days`` days; soonest first."""
    last = today + timedelta(days=within_days)
    rows = session.execute(
        select(Case.id, Case.ref, Consent.id, Consent.recipient_id, Agency.name, Consent.valid_until)
        .join(Case, Case.id == Consent.case_id)
        .join(Agency, Agency.id == Consent.recipient_id)
        .where(
            Consent.valid_until.between(today, last),
            Consent.withdrawn.is_(None) | (Consent.withdrawn > Consent.valid_until),
            Case.status != CaseStatus.CLOSED.value,
            Case.closed.is_(None),
        )
        .order_by(Consent.valid_until, Case.ref)
    )
    return [
        ExpiringConsent(case_id, ref, consent_id, recipient_id, name, until, (until - today).days)
        for case_id, ref, consent_id, recipient_id, name, until in rows
    ]
