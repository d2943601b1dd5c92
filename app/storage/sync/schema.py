"""The sync bookkeeping tables (migration 0003).

They are Core tables on the models' metadata (so Alembic sees them) but not
mapped classes: only the sync package reads and writes them, always with Core
statements on the caller's connection, so they are never mistaken for
syncable rows and never fire the change-capture listeners.

Clocks are hybrid logical clocks packed into one integer (``hlc.pack``); a
version is identified by ``(hlc, device)``.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    text,
)

from app.models.base import Base

metadata = Base.metadata

# Counters and facts of this device: next_seq, written_seq, hlc, last_sync_at …
sync_state = Table(
    "sync_state",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("value", Text, nullable=False),
)

# The team this vault belongs to (at most one row). The key sits inside the
# SQLCipher database, so it is encrypted at rest like everything else.
sync_team = Table(
    "sync_team",
    metadata,
    Column("team_id", String(36), primary_key=True),
    Column("name", String(200), nullable=False, default=""),
    Column("team_key", LargeBinary, nullable=False),
    Column("folder", Text, nullable=False),
    Column("joined_at", DateTime, nullable=False),
)

# One row per syncable row ever seen: the version of its insert (which is the
# version of every field without its own entry in sync_field_versions), the
# case it belongs to, and its tombstone once deleted. ``seq`` is the local
# segment the version goes out in (own versions only; 0 for received ones): an
# own version with ``seq`` below ``next_seq`` has gone out, one at or above it
# has not (yet: private cases keep theirs moving up).
sync_rows = Table(
    "sync_rows",
    metadata,
    Column("entity", String(40), primary_key=True),
    Column("row_id", String(36), primary_key=True),
    Column("case_id", String(36), nullable=True),
    Column("hlc", BigInteger, nullable=False),
    Column("device", String(36), nullable=False),
    Column("seq", Integer, nullable=False, default=0),
    Column("deleted_hlc", BigInteger, nullable=True),
    Column("deleted_device", String(36), nullable=True),
    Column("deleted_seq", Integer, nullable=True),
    # {field: hlc of the version the deleter saw}: tells a concurrent edit from a stale one.
    Column("tomb_bases", JSON, nullable=True),
    Index("ix_sync_rows_case_id", "case_id"),
    # Partial: only own versions (seq > 0) and tombstones are looked up this way,
    # so the tens of thousands of rows a first sync receives cost no entries here.
    Index("ix_sync_rows_device_seq", "device", "seq", sqlite_where=text("seq > 0")),
    Index("ix_sync_rows_deleted", "deleted_device", "deleted_seq", sqlite_where=text("deleted_hlc IS NOT NULL")),
)

# Per-field versions for fields changed after the row was inserted. ``base`` is
# the version (hlc) the change replaced on the device that made it: a change
# whose base is not the receiver's current version is concurrent with it.
sync_field_versions = Table(
    "sync_field_versions",
    metadata,
    Column("entity", String(40), primary_key=True),
    Column("row_id", String(36), primary_key=True),
    Column("field", String(64), primary_key=True),
    Column("hlc", BigInteger, nullable=False),
    Column("device", String(36), nullable=False),
    Column("base", BigInteger, nullable=False, default=0),
    Column("base_device", String(36), nullable=False, default=""),
    Column("seq", Integer, nullable=False, default=0),
    Index("ix_sync_field_versions_device_seq", "device", "seq", sqlite_where=text("seq > 0")),
)

# How far this device has applied every other device's segments.
sync_peers = Table(
    "sync_peers",
    metadata,
    Column("device_id", String(36), primary_key=True),
    Column("applied_seq", Integer, nullable=False, default=0),
    Column("updated_at", DateTime, nullable=True),
)

# Received rows or field changes that cannot be applied yet (their row or a
# parent row has not arrived); retried on every sync.
sync_pending = Table(
    "sync_pending",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity", String(40), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("case_id", String(36), nullable=True),
    Column("payload", JSON, nullable=False),
    Column("received_at", DateTime, nullable=False),
    Index("ix_sync_pending_row", "entity", "row_id"),
    Index("ix_sync_pending_case", "case_id"),
)

# Values that lost a concurrent edit (or were deleted under an edit), kept
# until the user resolves them. ``pair_key`` names the two versions, so the
# same conflict detected twice is stored once, on every device alike.
sync_conflicts = Table(
    "sync_conflicts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(20), nullable=False),  # edit, deleted, duplicate_ref
    Column("entity", String(40), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("case_id", String(36), nullable=True),
    Column("field", String(64), nullable=False),
    Column("mine", JSON, nullable=True),
    Column("theirs", JSON, nullable=True),
    Column("mine_hlc", BigInteger, nullable=True),
    Column("mine_device", String(36), nullable=True),
    Column("theirs_hlc", BigInteger, nullable=True),
    Column("theirs_device", String(36), nullable=True),
    Column("winner", String(10), nullable=False),  # mine, theirs, deleted
    Column("pair_key", String(240), nullable=False, unique=True),
    Column("detected_at", DateTime, nullable=False),
    Column("resolved_at", DateTime, nullable=True),
    Column("resolution", String(20), nullable=True),
    Index("ix_sync_conflicts_case", "case_id"),
    Index("ix_sync_conflicts_open", "resolved_at"),
)

# Cases erased under the retention rules: final on every device; later
# changes to rows of these cases are dropped. Only a hash of the case id is
# kept (``erasure.case_key``): nothing in the vault may still name the case.
# ``blob_names`` lists its attachments' files until they are off the share.
sync_erasures = Table(
    "sync_erasures",
    metadata,
    Column("case_key", String(64), primary_key=True),
    Column("hlc", BigInteger, nullable=False),
    Column("device", String(36), nullable=False),
    Column("seq", Integer, nullable=False, default=0),
    Column("blob_names", JSON, nullable=False, default=list),
    Column("erased_at", DateTime, nullable=False),
)

# Segments refused (damaged, altered), with the message shown to the user.
sync_rejections = Table(
    "sync_rejections",
    metadata,
    Column("device_id", String(36), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("message", Text, nullable=False),
    Column("at", DateTime, nullable=False),
)

# Attachments whose encrypted blob has not reached the share yet.
sync_blobs_wanted = Table(
    "sync_blobs_wanted",
    metadata,
    Column("document_id", String(36), primary_key=True),
    Column("sha256", String(64), nullable=False),
)

SYNC_TABLES = frozenset(
    t.name
    for t in (
        sync_state,
        sync_team,
        sync_rows,
        sync_field_versions,
        sync_peers,
        sync_pending,
        sync_conflicts,
        sync_erasures,
        sync_rejections,
        sync_blobs_wanted,
    )
)
