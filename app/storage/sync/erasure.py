"""Erasure under the retention rules (GDPR): final, everywhere, over any edit.

The retention service erases a case on this device (``retention.purge_case``)
and then calls ``record_erasure(session, case_id)`` (through
``erasure_hooks.after_local_erasure``). That drops every sync record that
still holds the case's values or its id (versions, tombstones, waiting rows,
conflicts) and leaves one marker: a hash of the case id and a clock value.
Nothing in the vault names the case any more, and the hash cannot be turned
back into the id.

The marker goes out with the next segment. A member that receives it finds
its own copy of the case by hashing its case ids, erases it the same way
(``purge_case``: anonymous report facts kept, audit log scrubbed; a legal
hold there does not stop it — the erasure was decided where the case was
under no hold) and from then on drops every change to a row of that case,
however late it arrives and whatever its clock. No conflict is kept: the
data must be gone.

The erasing device also deletes the case's attachment blobs from the share;
old segments still holding the case (encrypted) go when they are pruned
(``lotse team compact``).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import date

from sqlalchemy import Connection, delete, select, text, update
from sqlalchemy.orm import Session

from app.models.base import utcnow
from app.storage.sync.schema import (
    sync_conflicts,
    sync_erasures,
    sync_pending,
    sync_rows,
)
from app.storage.sync.versions import chunks, forget_rows, rows_of_case

ERASED_BLOBS = "lotse.sync.erased_blobs"  # session.info: case id -> content hashes of its attachments
RECEIVED_REASON = "erased on another device of the team"


def case_key(case_id: str) -> str:
    return hashlib.sha256(f"lotse-erased-case:v1:{case_id}".encode()).hexdigest()


def erased_keys(conn: Connection) -> set[str]:
    return set(conn.execute(select(sync_erasures.c.case_key)).scalars())


def is_erased(conn: Connection, case_id: str | None) -> bool:
    if not case_id:
        return False
    key = case_key(case_id)
    return conn.execute(select(sync_erasures.c.case_key).where(sync_erasures.c.case_key == key)).first() is not None


def remember_attachments(session: Session, conn: Connection, document_ids: list[str]) -> None:
    """Called as attachment bytes are deleted: their hashes are needed to find the blobs
    on the share once the case is erased (by then the bytes are gone)."""
    stash: dict[str, set[str]] = session.info.setdefault(ERASED_BLOBS, defaultdict(set))
    for part in chunks(list(document_ids)):
        marks = ", ".join(f":p{i}" for i in range(len(part)))
        query = text(
            "SELECT d.case_id, c.data FROM document_contents c JOIN documents d ON d.id = c.document_id "
            f"WHERE c.document_id IN ({marks})"
        )
        for case_id, data in conn.execute(query, {f"p{i}": v for i, v in enumerate(part)}):
            stash[case_id].add(hashlib.sha256(bytes(data)).hexdigest())


def _attachment_hashes(session: Session, conn: Connection, case_id: str) -> set[str]:
    ids = list(conn.execute(text("SELECT id FROM documents WHERE case_id = :c"), {"c": case_id}).scalars())
    remember_attachments(session, conn, ids)
    return set(session.info.get(ERASED_BLOBS, {}).pop(case_id, set()))


def purge_sync_records(conn: Connection, case_id: str) -> None:
    """No value of an erased case, and not its id, may survive in the sync tables."""
    forget_rows(conn, rows_of_case(conn, case_id))
    conn.execute(delete(sync_rows).where(sync_rows.c.case_id == case_id))
    conn.execute(delete(sync_pending).where(sync_pending.c.case_id == case_id))
    conn.execute(delete(sync_conflicts).where(sync_conflicts.c.case_id == case_id))
    conn.execute(delete(sync_conflicts).where(sync_conflicts.c.row_id == case_id))


def _purge_rows(session: Session, case_id: str, reason: str) -> None:
    """The case's rows, the way the retention service erases them (report facts, audit scrub)."""
    from app.services.retention import purge_case

    conn = session.connection()
    exists = conn.execute(text("SELECT 1 FROM cases WHERE id = :c"), {"c": case_id}).first()
    if not exists:
        return
    conn.execute(text("UPDATE cases SET legal_hold = 0 WHERE id = :c"), {"c": case_id})
    user = conn.execute(text("SELECT value FROM vault_meta WHERE key = 'user_name'")).scalar() or "lotse"
    purge_case(session, case_id, user, date.today(), reason=reason)


def erase_locally(
    session: Session,
    case_id: str,
    version: tuple[int, str],
    *,
    seq: int,
    blob_names: list[str],
    reason: str,
) -> None:
    from app.storage.sync.state import observe_clock

    conn = session.connection()
    _purge_rows(session, case_id, reason)
    purge_sync_records(conn, case_id)
    store_marker(conn, case_key(case_id), version, seq=seq, blob_names=blob_names)
    observe_clock(conn, version[0])


def store_marker(conn: Connection, key: str, version: tuple[int, str], *, seq: int, blob_names: list[str]) -> None:
    exists = conn.execute(select(sync_erasures.c.case_key).where(sync_erasures.c.case_key == key)).first()
    if exists is None:
        conn.execute(
            sync_erasures.insert().values(
                case_key=key, hlc=version[0], device=version[1], seq=seq, blob_names=blob_names, erased_at=utcnow()
            )
        )


def blobs_removed(conn: Connection, keys: list[str]) -> None:
    for part in chunks(list(keys)):
        conn.execute(update(sync_erasures).where(sync_erasures.c.case_key.in_(part)).values(blob_names=[]))


def record_erasure(session: Session, case_id: str) -> None:
    """Erase a case on this device and, with the next sync, on every member's.

    Usually called right after ``retention.purge_case`` in the same transaction
    (``erasure_hooks``); if the case is still there it is purged here first.
    """
    from app.storage.sync import state
    from app.storage.sync.capture import APPLYING
    from app.storage.sync.context import context_for, device_of
    from app.storage.sync.crypto import blob_name
    from app.storage.sync.team import current_team

    session.flush()  # the caller's pending changes first, captured as usual
    conn = session.connection()
    if is_erased(conn, case_id):
        return
    device = device_of(conn)
    state.ensure_device(conn, device)
    version = (state.next_clock(conn, context_for(session.get_bind())), device)
    hashes = _attachment_hashes(session, conn, case_id)
    team = current_team(conn)
    names = sorted(blob_name(team.keys, sha) for sha in hashes) if team else []
    previous = session.info.get(APPLYING)
    session.info[APPLYING] = True  # the marker stands for all these deletes
    try:
        erase_locally(session, case_id, version, seq=state.pending_seq(conn), blob_names=names, reason="retention")
        session.flush()
    finally:
        session.info[APPLYING] = previous


def local_cases_for(conn: Connection, keys: set[str]) -> dict[str, str]:
    """Case ids known here (as rows or in sync records) whose key is among ``keys``."""
    candidates: set[str] = set(conn.execute(text("SELECT id FROM cases")).scalars())
    for table in (sync_rows, sync_pending, sync_conflicts):
        candidates |= {c for c in conn.execute(select(table.c.case_id).distinct()).scalars() if c}
    found = {}
    for case_id in candidates:
        key = case_key(case_id)
        if key in keys:
            found[key] = case_id
    return found
