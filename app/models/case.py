"""The case: one person's case file through the DGCC cycle."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, UuidPrimaryKey
from app.models.person import Person


class Case(UuidPrimaryKey, Base):
    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_status_phase", "status", "phase"),
        Index("ix_cases_opened", "opened"),
        Index("ix_cases_sort_name", "sort_name"),
        Index("ix_cases_case_manager", "case_manager"),  # "my cases" (migration 0007)
    )

    ref: Mapped[str] = mapped_column(String(20), unique=True)  # Aktenzeichen "YYYY-NNNN"
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    case_type: Mapped[str] = mapped_column(String(30))  # CaseType
    phase: Mapped[str] = mapped_column(String(20), default="intake")  # Phase
    status: Mapped[str] = mapped_column(String(20), default="active")  # CaseStatus
    opened: Mapped[date] = mapped_column(Date)
    closed: Mapped[date | None] = mapped_column(Date, nullable=True)
    case_manager: Mapped[str] = mapped_column(String(200), default="")
    programme_kim: Mapped[bool] = mapped_column(Boolean, default=True)
    programme_gk: Mapped[bool] = mapped_column(Boolean, default=False)  # Gemeinsam klappt's
    intake_source: Mapped[str] = mapped_column(String(20), default="")  # IntakeSource
    # Indication criteria met at intake (complex_needs, several_services, standard_routes_failed).
    indication: Mapped[list] = mapped_column(JSON, default=list)
    consent_to_case_management: Mapped[bool] = mapped_column(Boolean, default=False)
    intake_notes: Mapped[str] = mapped_column(Text, default="")
    closing_reason: Mapped[str] = mapped_column(String(40), default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    shared: Mapped[bool] = mapped_column(Boolean, default=True)  # travels to the team share
    legal_hold: Mapped[bool] = mapped_column(Boolean, default=False)
    legal_hold_reason: Mapped[str] = mapped_column(Text, default="")
    # Denormalised "family, given" in lower case: the case list sorts by it in SQL.
    sort_name: Mapped[str] = mapped_column(String(400), default="")

    person: Mapped[Person] = relationship(lazy="joined")
    transitions: Mapped[list[PhaseTransition]] = relationship(
        cascade="all, delete-orphan", order_by="PhaseTransition.on"
    )


class PhaseTransition(UuidPrimaryKey, Base):
    """When a case entered a phase, and who moved it."""

    __tablename__ = "phase_transitions"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    phase: Mapped[str] = mapped_column(String(20))
    on: Mapped[date] = mapped_column(Date)
    by: Mapped[str] = mapped_column(String(200), default="")
