"""The agency directory, referrals, consents and letters sent."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UuidPrimaryKey


class Agency(UuidPrimaryKey, Base):
    """A service a case can be referred to (Jobcenter, Jugendamt, MBE …)."""

    __tablename__ = "agencies"

    name: Mapped[str] = mapped_column(String(300))
    department: Mapped[str] = mapped_column(String(300), default="")
    legal_domain: Mapped[str] = mapped_column(String(20))  # LegalDomain
    contact_person: Mapped[str] = mapped_column(String(200), default="")
    street: Mapped[str] = mapped_column(String(200), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Referral(UuidPrimaryKey, Base):
    __tablename__ = "referrals"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    agency_id: Mapped[str] = mapped_column(ForeignKey("agencies.id"), index=True)
    date: Mapped[date] = mapped_column(Date)
    area: Mapped[str] = mapped_column(String(30), default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="open")  # open, accepted, declined, completed
    handover: Mapped[bool] = mapped_column(Boolean, default=False)  # Verweisberatung: case handed over


class Consent(UuidPrimaryKey, Base):
    """Consent per recipient, data categories and purpose (DOMAIN.md, data protection)."""

    __tablename__ = "consents"
    # The deadline list asks for consents expiring in a date window (migration 0004).
    __table_args__ = (Index("ix_consents_valid_until", "valid_until"),)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    recipient_id: Mapped[str] = mapped_column(ForeignKey("agencies.id"), index=True)
    categories: Mapped[list] = mapped_column(JSON, default=list)  # DataCategory codes
    purpose: Mapped[str] = mapped_column(Text, default="")
    given: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    withdrawn: Mapped[date | None] = mapped_column(Date, nullable=True)
    document_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"), nullable=True)


class Letter(UuidPrimaryKey, Base):
    """A letter sent about a case: the recipients the Art. 15 export must list."""

    __tablename__ = "letters"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    agency_id: Mapped[str] = mapped_column(ForeignKey("agencies.id"))
    kind: Mapped[str] = mapped_column(String(30), default="referral")
    sent_at: Mapped[datetime] = mapped_column(DateTime)
    subject: Mapped[str] = mapped_column(Text, default="")
    consent_id: Mapped[str | None] = mapped_column(ForeignKey("consents.id", ondelete="SET NULL"), nullable=True)
    # Printed without a matching consent: the written reason (also in the audit log).
    override_reason: Mapped[str] = mapped_column(Text, default="")
