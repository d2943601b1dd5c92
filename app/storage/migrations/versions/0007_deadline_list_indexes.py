"""Indexes for the deadline list (start page, deadlines page) and the "my cases" scope.

Measured on the 10,000-case demo vault (CPU time, benchmarks/bench_overview,
bench_deadlines):

- ``goal_reviews (goal_id, on)`` replaces ``(goal_id)``: the goal source asks, for
  each of ~7,000 open goals, whether a review on or after the target date
  exists; with the date in the index the answer needs no table row
  (goal query 23 -> 15 ms).
- ``persons (passport_valid_until)``: passports expiring in the window are
  looked up instead of scanning every case (7 -> 0.5 ms).
- ``cases (case_manager)``: a case manager's open cases (the start page's
  default scope, the phase counts) without scanning all cases.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-21
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("goal_reviews", schema=None) as batch_op:
        batch_op.drop_index("ix_goal_reviews_goal_id")
        batch_op.create_index("ix_goal_reviews_goal_on", ["goal_id", "on"], unique=False)
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.create_index("ix_persons_passport_valid_until", ["passport_valid_until"], unique=False)
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index("ix_cases_case_manager", ["case_manager"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_case_manager")
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_index("ix_persons_passport_valid_until")
    with op.batch_alter_table("goal_reviews", schema=None) as batch_op:
        batch_op.drop_index("ix_goal_reviews_goal_on")
        batch_op.create_index("ix_goal_reviews_goal_id", ["goal_id"], unique=False)
