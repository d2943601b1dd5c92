"""Team sync bookkeeping: versions, tombstones, peers, conflicts, erasures.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_team",
        sa.Column("team_id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("team_key", sa.LargeBinary(), nullable=False),
        sa.Column("folder", sa.Text(), nullable=False),
        sa.Column("joined_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("team_id", name=op.f("pk_sync_team")),
    )
    op.create_table(
        "sync_rows",
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("case_id", sa.String(36), nullable=True),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("device", sa.String(36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("deleted_hlc", sa.BigInteger(), nullable=True),
        sa.Column("deleted_device", sa.String(36), nullable=True),
        sa.Column("deleted_seq", sa.Integer(), nullable=True),
        sa.Column("tomb_bases", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("entity", "row_id", name=op.f("pk_sync_rows")),
    )
    op.create_index("ix_sync_rows_case_id", "sync_rows", ["case_id"])
    op.create_index("ix_sync_rows_device_seq", "sync_rows", ["device", "seq"], sqlite_where=sa.text("seq > 0"))
    op.create_index(
        "ix_sync_rows_deleted", "sync_rows", ["deleted_device", "deleted_seq"],
        sqlite_where=sa.text("deleted_hlc IS NOT NULL"),
    )
    op.create_table(
        "sync_field_versions",
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("device", sa.String(36), nullable=False),
        sa.Column("base", sa.BigInteger(), nullable=False),
        sa.Column("base_device", sa.String(36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "row_id", "field", name=op.f("pk_sync_field_versions")),
    )
    op.create_index(
        "ix_sync_field_versions_device_seq", "sync_field_versions", ["device", "seq"], sqlite_where=sa.text("seq > 0")
    )
    op.create_table(
        "sync_peers",
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("applied_seq", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_sync_peers")),
    )
    op.create_table(
        "sync_pending",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("case_id", sa.String(36), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_pending")),
    )
    op.create_index("ix_sync_pending_row", "sync_pending", ["entity", "row_id"])
    op.create_index("ix_sync_pending_case", "sync_pending", ["case_id"])
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("case_id", sa.String(36), nullable=True),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("mine", sa.JSON(), nullable=True),
        sa.Column("theirs", sa.JSON(), nullable=True),
        sa.Column("mine_hlc", sa.BigInteger(), nullable=True),
        sa.Column("mine_device", sa.String(36), nullable=True),
        sa.Column("theirs_hlc", sa.BigInteger(), nullable=True),
        sa.Column("theirs_device", sa.String(36), nullable=True),
        sa.Column("winner", sa.String(10), nullable=False),
        sa.Column("pair_key", sa.String(240), nullable=False),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolution", sa.String(20), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
        sa.UniqueConstraint("pair_key", name=op.f("uq_sync_conflicts_pair_key")),
    )
    op.create_index("ix_sync_conflicts_case", "sync_conflicts", ["case_id"])
    op.create_index("ix_sync_conflicts_open", "sync_conflicts", ["resolved_at"])
    op.create_table(
        "sync_erasures",
        sa.Column("case_key", sa.String(64), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("device", sa.String(36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("blob_names", sa.JSON(), nullable=False),
        sa.Column("erased_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("case_key", name=op.f("pk_sync_erasures")),
    )
    op.create_table(
        "sync_rejections",
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "seq", name=op.f("pk_sync_rejections")),
    )
    op.create_table(
        "sync_blobs_wanted",
        sa.Column("document_id", sa.String(36), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_sync_blobs_wanted")),
    )


def downgrade() -> None:
    for table in (
        "sync_blobs_wanted",
        "sync_rejections",
        "sync_erasures",
        "sync_conflicts",
        "sync_pending",
        "sync_peers",
        "sync_field_versions",
        "sync_rows",
        "sync_team",
        "sync_state",
    ):
        op.drop_table(table)
