"""Goal areas: assessment, goals with reviews, and agreed steps."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, UuidPrimaryKey


class Assessment(UuidPrimaryKey, Base):
    """Situation, resources and need in one goal area of one case."""

    __tablename__ = "assessments"
    # The case list's goal-area filter looks up cases by area and need (migration 0005).
    __table_args__ = (UniqueConstraint("case_id", "area", name="uq_assessments_case_area"),
                      Index("ix_assessments_area_need", "area", "need_level", "case_id"))

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    area: Mapped[str] = mapped_column(String(30))  # GoalArea
    situation: Mapped[str] = mapped_column(Text, default="")
    resources: Mapped[str] = mapped_column(Text, default="")
    need_level: Mapped[int | None] = mapped_column(Integer, nullable=True)  # 0 none … 3 high
    assessed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    need_level_at_closure: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Goal(UuidPrimaryKey, Base):
    __tablename__ = "goals"
    # The deadline list asks for open goals by target date (migration 0004), the case
    # list's goal-area filter for goals by area (0005).
    __table_args__ = (Index("ix_goals_status_target_date", "status", "target_date"),
                      Index("ix_goals_area_case", "area", "case_id"))

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    area: Mapped[str] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(Text)
    criterion: Mapped[str] = mapped_column(Text, default="")  # how attainment is measured
    target_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="open")  # GoalStatus
    attainment: Mapped[int] = mapped_column(Integer, default=0)  # percent, from the last review
    created_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    steps: Mapped[list[GoalStep]] = relationship(cascade="all, delete-orphan", order_by="GoalStep.due")
    reviews: Mapped[list[GoalReview]] = relationship(cascade="all, delete-orphan", order_by="GoalReview.on")


class GoalStep(UuidPrimaryKey, Base):
    """An agreed step: what, who, by when."""

    __tablename__ = "goal_steps"

    goal_id: Mapped[str] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(200), default="")
    due: Mapped[date | None] = mapped_column(Date, nullable=True)
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class GoalReview(UuidPrimaryKey, Base):
    """Degree of attainment recorded at a monitoring review."""

    __tablename__ = "goal_reviews"
    # (goal_id, on): "reviewed on or after the target date?" from the index alone (migration 0007).
    __table_args__ = (Index("ix_goal_reviews_goal_on", "goal_id", "on"),)

    goal_id: Mapped[str] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"))
    on: Mapped[date] = mapped_column(Date)
    attainment: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
