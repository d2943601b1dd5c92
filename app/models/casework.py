"""What happens in a case: contacts, measures, barriers, deadlines."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UuidPrimaryKey


class Contact(UuidPrimaryKey, Base):
    """One entry of the contact log."""

    __tablename__ = "contacts"
    __table_args__ = (Index("ix_contacts_case_date", "case_id", "date"),)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    date: Mapped[date] = mapped_column(Date)
    duration_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    kind: Mapped[str] = mapped_column(String(30))  # ContactKind
    participants: Mapped[str] = mapped_column(Text, default="")  # for case conferences
    areas: Mapped[list] = mapped_column(JSON, default=list)  # goal-area codes touched
    note: Mapped[str] = mapped_column(Text, default="")


class Measure(UuidPrimaryKey, Base):
    """A course or programme the person takes part in (Maßnahme)."""

    __tablename__ = "measures"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    area: Mapped[str] = mapped_column(String(30))
    kind: Mapped[str] = mapped_column(String(30))  # MeasureKind
    title: Mapped[str] = mapped_column(String(300))
    provider: Mapped[str] = mapped_column(String(300), default="")
    start: Mapped[date | None] = mapped_column(Date, nullable=True)
    end: Mapped[date | None] = mapped_column(Date, nullable=True)
    outcome: Mapped[str] = mapped_column(String(20), default="ongoing")  # MeasureOutcome


class Barrier(UuidPrimaryKey, Base):
    """A structural obstacle met in the system, reported in aggregate to the steering group."""

    __tablename__ = "barriers"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    category: Mapped[str] = mapped_column(String(40))  # code from resources/barrier_categories.json
    description: Mapped[str] = mapped_column(Text, default="")
    area: Mapped[str] = mapped_column(String(30), default="")
    institution: Mapped[str] = mapped_column(String(300), default="")
    occurred_on: Mapped[date] = mapped_column(Date)
    structural: Mapped[bool] = mapped_column(Boolean, default=True)
    # The case manager marked the (anonymised) description as fit for the steering group.
    shareable: Mapped[bool] = mapped_column(Boolean, default=False)


class Deadline(UuidPrimaryKey, Base):
    """A date that must not be missed. ``source`` says where it came from
    (``manual``, ``residence_document:<id>``, ``rule:25a``, ``agreement_step:<id>`` …)."""

    __tablename__ = "deadlines"
    # The case list sorts by each case's earliest open deadline (migration 0005: covering).
    __table_args__ = (Index("ix_deadlines_done_due", "done", "due"),
                      Index("ix_deadlines_case_done_due", "case_id", "done", "due"))

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))  # DeadlineKind
    due: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(80), default="manual")
    note: Mapped[str] = mapped_column(Text, default="")
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)
