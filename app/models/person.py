"""The person a case is about, with residence documents."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Boolean, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, UuidPrimaryKey


class Person(UuidPrimaryKey, Base):
    __tablename__ = "persons"
    # Passports expiring in the deadline window, without a scan of all persons (migration 0007).
    __table_args__ = (Index("ix_persons_passport_valid_until", "passport_valid_until"),)

    given_names: Mapped[str] = mapped_column(String(200), default="")
    family_name: Mapped[str] = mapped_column(String(200), default="")
    name_original: Mapped[str] = mapped_column(String(400), default="")  # in the original script
    aliases: Mapped[list] = mapped_column(JSON, default=list)
    # ISO date, or "YYYY-MM" / "YYYY" when only part is known (common for refugees).
    birth_date: Mapped[str] = mapped_column(String(10), default="")
    gender: Mapped[str] = mapped_column(String(20), default="")
    nationalities: Mapped[list] = mapped_column(JSON, default=list)  # ISO 3166 alpha-2
    languages: Mapped[list] = mapped_column(JSON, default=list)  # ISO 639-1
    interpreter_language: Mapped[str] = mapped_column(String(20), default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")  # shelter, room
    household: Mapped[str] = mapped_column(Text, default="")
    minor_child: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    entry_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    residence_status: Mapped[str] = mapped_column(String(40), default="")  # ResidenceDocumentType of the current title
    duldung_since: Mapped[date | None] = mapped_column(Date, nullable=True)
    identity_clarified: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    passport_status: Mapped[str] = mapped_column(String(20), default="")  # PassportStatus
    passport_valid_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    school_years: Mapped[float | None] = mapped_column(Float, nullable=True)
    qualifications: Mapped[str] = mapped_column(Text, default="")
    german_level: Mapped[str] = mapped_column(String(4), default="")  # A1 … C2
    employment: Mapped[str] = mapped_column(Text, default="")
    employment_since: Mapped[date | None] = mapped_column(Date, nullable=True)
    weekly_hours: Mapped[float | None] = mapped_column(Float, nullable=True)

    residence_documents: Mapped[list[ResidenceDocument]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="ResidenceDocument.valid_until"
    )

    @property
    def display_name(self) -> str:
        return " ".join(part for part in (self.given_names, self.family_name) if part)


class ResidenceDocument(UuidPrimaryKey, Base):
    """A Duldung, Gestattung, residence permit … with its validity."""

    __tablename__ = "residence_documents"

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    doc_type: Mapped[str] = mapped_column(String(40))  # ResidenceDocumentType
    paragraph: Mapped[str] = mapped_column(String(40), default="")  # e.g. "§ 25a Abs. 1 AufenthG"
    number: Mapped[str] = mapped_column(String(60), default="")
    issued: Mapped[date | None] = mapped_column(Date, nullable=True)
    valid_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    months_valid: Mapped[int | None] = mapped_column(Integer, nullable=True)

    person: Mapped[Person] = relationship(back_populates="residence_documents")
