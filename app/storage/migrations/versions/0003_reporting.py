"""Report tombstones: anonymous facts that keep reports whole after erasure.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_tombstones",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("institution", sa.String(length=300), nullable=False),
        sa.Column("case_type", sa.String(length=30), nullable=False),
        sa.Column("case_manager", sa.String(length=200), nullable=False),
        sa.Column("programme_kim", sa.Boolean(), nullable=False),
        sa.Column("programme_gk", sa.Boolean(), nullable=False),
        sa.Column("age_group", sa.String(length=20), nullable=False),
        sa.Column("residence_status", sa.String(length=40), nullable=False),
        sa.Column("level_at_assessment", sa.Integer(), nullable=True),
        sa.Column("level_at_closure", sa.Integer(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_tombstones")),
        # No rowid: rows are stored in key order (random), not insertion order,
        # so the facts of one erased case are not grouped on disk.
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("report_tombstones", schema=None) as batch_op:
        batch_op.create_index("ix_report_tombstones_kind_on", ["kind", "on"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("report_tombstones", schema=None) as batch_op:
        batch_op.drop_index("ix_report_tombstones_kind_on")
    op.drop_table("report_tombstones")
