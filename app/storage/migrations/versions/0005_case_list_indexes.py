"""Indexes for the case list: the next-deadline sort and the goal-area filter.

Measured on the 10,000-case demo vault (CPU time per first page, benchmarks/
bench_case_file): the sort by next deadline read every deadline row to find
each case's earliest open one (23 -> 14 ms with a covering index on case_id,
done, due); the goal-area filter scanned all assessments and goals
(47 -> 18 ms with covering indexes by area).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("deadlines", schema=None) as batch_op:
        batch_op.create_index("ix_deadlines_case_done_due", ["case_id", "done", "due"], unique=False)
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.create_index("ix_assessments_area_need", ["area", "need_level", "case_id"], unique=False)
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.create_index("ix_goals_area_case", ["area", "case_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.drop_index("ix_goals_area_case")
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.drop_index("ix_assessments_area_need")
    with op.batch_alter_table("deadlines", schema=None) as batch_op:
        batch_op.drop_index("ix_deadlines_case_done_due")
