"""Zug-um-Zug agreements: step-for-step obligations between a person and the ABH."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, UuidPrimaryKey


class Agreement(UuidPrimaryKey, Base):
    __tablename__ = "agreements"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(20), default="draft")  # AgreementStatus
    concluded_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    authority_name: Mapped[str] = mapped_column(String(300), default="")
    authority_officer: Mapped[str] = mapped_column(String(200), default="")
    other_parties: Mapped[str] = mapped_column(Text, default="")
    ended_reason: Mapped[str] = mapped_column(Text, default="")
    template: Mapped[str] = mapped_column(String(80), default="")

    steps: Mapped[list[AgreementStep]] = relationship(
        cascade="all, delete-orphan", order_by="AgreementStep.position"
    )


class AgreementStep(UuidPrimaryKey, Base):
    __tablename__ = "agreement_steps"

    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    party: Mapped[str] = mapped_column(String(20))  # StepParty
    action: Mapped[str] = mapped_column(Text)
    due: Mapped[date | None] = mapped_column(Date, nullable=True)
    # Alternative to a fixed date: due N days after the previous step is fulfilled.
    within_days_after_previous: Mapped[int | None] = mapped_column(Integer, nullable=True)
    proof_required: Mapped[str] = mapped_column(Text, default="")
    proof_document_id: Mapped[str | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), nullable=True
    )
    status: Mapped[str] = mapped_column(String(20), default="open")  # StepStatus
    status_reason: Mapped[str] = mapped_column(Text, default="")  # e.g. why waived
    fulfilled_on: Mapped[date | None] = mapped_column(Date, nullable=True)
