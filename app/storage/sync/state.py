"""Small persistent facts of this device's sync: counters and the clock.

Everything here runs on the caller's connection, inside the caller's
transaction, so a change and the clock value it was stamped with commit
together or not at all.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.storage.sync import hlc
from app.storage.sync.context import SyncContext
from app.storage.sync.schema import sync_erasures, sync_field_versions, sync_rows, sync_state

NEXT_SEQ = "next_seq"  # the segment local changes are collected for now
WRITTEN_SEQ = "written_seq"  # the last own segment known to be on the share
HLC = "hlc"
LAST_SYNC_AT = "last_sync_at"
LAST_RESULT = "last_result"
REEXPORT_CASES = "reexport_cases"  # cases to send whole with the next segment
REEXPORT_ALL = "reexport_all"
DEVICE = "device_id"  # the device these counters belong to


def get(conn: Connection, key: str, default: Any = None) -> Any:
    raw = conn.execute(select(sync_state.c.value).where(sync_state.c.key == key)).scalar()
    return default if raw is None else json.loads(raw)


def put(conn: Connection, key: str, value: Any) -> None:
    raw = json.dumps(value)
    stmt = sqlite_insert(sync_state).values(key=key, value=raw)
    conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": raw}))


def drop(conn: Connection, key: str) -> None:
    conn.execute(delete(sync_state).where(sync_state.c.key == key))


def pending_seq(conn: Connection) -> int:
    return int(get(conn, NEXT_SEQ, 1))


def next_clock(conn: Connection, ctx: SyncContext) -> int:
    """A fresh HLC for a local change, persisted so it never repeats across restarts."""
    value = hlc.tick(int(get(conn, HLC, 0)), ctx.clock())
    put(conn, HLC, value)
    return value


def observe_clock(conn: Connection, remote: int) -> None:
    current = int(get(conn, HLC, 0))
    if remote > current:
        put(conn, HLC, remote)


def add_reexport(conn: Connection, case_ids: list[str]) -> None:
    if not case_ids:
        return
    current = set(get(conn, REEXPORT_CASES, []))
    put(conn, REEXPORT_CASES, sorted(current | set(case_ids)))


def ensure_device(conn: Connection, device: str) -> None:
    """A restored vault is a new device (vault.assign_new_device_id). Its unsent changes go
    out under the new id, numbered from 1 in a folder of its own; what the old id sent
    stays the old id's, and the old id's segments are read like any other device's —
    which brings back what was sent after the backup was made."""
    stored = get(conn, DEVICE)
    if stored == device or not device:
        return
    put(conn, DEVICE, device)
    if stored is None:
        return
    unsent = pending_seq(conn)
    conn.execute(
        update(sync_rows)
        .where(sync_rows.c.device == stored, sync_rows.c.seq >= unsent)
        .values(device=device, seq=1)
    )
    conn.execute(
        update(sync_field_versions)
        .where(sync_field_versions.c.device == stored, sync_field_versions.c.seq >= unsent)
        .values(device=device, seq=1)
    )
    conn.execute(
        update(sync_rows)
        .where(sync_rows.c.deleted_device == stored, sync_rows.c.deleted_seq >= unsent)
        .values(deleted_device=device, deleted_seq=1)
    )
    conn.execute(
        update(sync_erasures).where(sync_erasures.c.device == stored, sync_erasures.c.seq >= unsent).values(device=device, seq=1)
    )
    put(conn, NEXT_SEQ, 1)
    put(conn, WRITTEN_SEQ, 0)
