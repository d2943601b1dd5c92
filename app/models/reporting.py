"""Anonymous facts kept for the reports after a case is erased (retention, GDPR).

When a case is erased, everything about the person goes; the reports over
past periods must still add up. So erasure first writes the few *facts* the
report counts into ``report_tombstones``: one row per fact (the case itself,
each goal set or attained, each referral, barrier, case conference and
need-level pair), each with only the attributes the report filters and
groups by. No names, no free text, no case id or reference, no birth date.

The rows of one erased case are deliberately not linked to each other: there
is no case key, and the table is ``WITHOUT ROWID`` with a random UUID key, so
not even the insertion order groups the facts of one person.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UuidPrimaryKey


class TombstoneKind:
    """What a tombstone row counts (stable codes, stored in the vault)."""

    CASE = "case"  # on = opened, until = closed, key = closing reason
    GOAL_SET = "goal_set"  # on = created_on, key = goal area
    GOAL_ATTAINED = "goal_attained"  # on = closed_on, key = goal area
    REFERRAL = "referral"  # on = date, key = legal domain
    BARRIER = "barrier"  # on = occurred_on, key = category, institution
    CASE_CONFERENCE = "case_conference"  # on = date
    NEED_LEVEL = "need_level"  # on = case closed, key = goal area, levels at assessment/closure


class ReportTombstone(UuidPrimaryKey, Base):
    __tablename__ = "report_tombstones"
    __table_args__ = (
        Index("ix_report_tombstones_kind_on", "kind", "on"),
        {"sqlite_with_rowid": False},
    )

    kind: Mapped[str] = mapped_column(String(20))
    on: Mapped[date] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date, nullable=True)
    key: Mapped[str] = mapped_column(String(40), default="")
    institution: Mapped[str] = mapped_column(String(300), default="")
    # The filters a report may apply, copied onto every fact.
    case_type: Mapped[str] = mapped_column(String(30))
    case_manager: Mapped[str] = mapped_column(String(200), default="")
    programme_kim: Mapped[bool] = mapped_column(Boolean, default=True)
    programme_gk: Mapped[bool] = mapped_column(Boolean, default=False)
    # Only on CASE rows: the groups the report counts people in, as at closing.
    age_group: Mapped[str] = mapped_column(String(20), default="")
    residence_status: Mapped[str] = mapped_column(String(40), default="")
    # Only on NEED_LEVEL rows.
    level_at_assessment: Mapped[int | None] = mapped_column(Integer, nullable=True)
    level_at_closure: Mapped[int | None] = mapped_column(Integer, nullable=True)
