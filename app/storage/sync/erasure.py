"""Erasure under the retention rules (GDPR): final, everywhere, over any edit.

``record_erasure(session, case_id)`` deletes the case with everything that
belongs to it — person, residence documents, goals, notes, attachments,
search entry — drops every sync record that still holds its values (field
versions, waiting rows, conflicts), and leaves one marker: the case id and a
clock value, no personal data. The marker goes out with the next segment;
each member that applies it does the same and from then on drops any change
to a row of that case, however late it arrives, whichever clock it carries.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, select, text
from sqlalchemy.orm import Session

from app.models.base import utcnow
from app.storage.sync.entities import CASES, PERSONS, entities
from app.storage.sync.schema import (
    sync_blobs_wanted,
    sync_conflicts,
    sync_erasures,
    sync_pending,
    sync_rows,
)
from app.storage.sync.versions import chunks, forget_rows, rows_of_case


def is_erased(conn: Connection, case_id: str | None) -> bool:
    if not case_id:
        return False
    return conn.execute(select(sync_erasures.c.case_id).where(sync_erasures.c.case_id == case_id)).first() is not None


def erased_cases(conn: Connection) -> set[str]:
    return set(conn.execute(select(sync_erasures.c.case_id)).scalars())


def document_hashes(conn: Connection, case_id: str) -> list[str]:
    """Content hashes of the case's attachments: their blobs must leave the share too."""
    from app.storage.sync.export import content_hashes

    ids = list(conn.execute(text("SELECT id FROM documents WHERE case_id = :c"), {"c": case_id}).scalars())
    return sorted(set(content_hashes(conn, ids).values()))


def remove_case_rows(session: Session, case_id: str) -> list[tuple[str, str]]:
    """Delete the case and every row belonging to it, children first. Returns what went."""
    from app.services.search import remove_case

    conn = session.connection()
    remove_case(session, case_id)
    removed: list[tuple[str, str]] = []
    person_ids: list[str] = []
    specs = entities()
    for name in reversed(list(specs)):
        spec = specs[name]
        if spec.team_wide or name == PERSONS:
            continue
        query = text(f"SELECT t0.id FROM {name} t0 WHERE {spec.case_sql} = :case_id")
        ids = list(conn.execute(query, {"case_id": case_id}).scalars())
        if name == CASES:
            person_ids = list(
                conn.execute(text("SELECT person_id FROM cases WHERE id = :case_id"), {"case_id": case_id}).scalars()
            )
        if name == "residence_documents":
            continue  # they go with the person, below
        for part in chunks(ids):
            conn.execute(spec.table.delete().where(spec.table.c.id.in_(part)))
        removed += [(name, i) for i in ids]
    # The person goes unless another case still refers to them.
    for person_id in person_ids:
        still = conn.execute(text("SELECT 1 FROM cases WHERE person_id = :p LIMIT 1"), {"p": person_id}).first()
        if still:
            continue
        docs = specs["residence_documents"].table
        doc_ids = list(conn.execute(select(docs.c.id).where(docs.c.person_id == person_id)).scalars())
        conn.execute(docs.delete().where(docs.c.person_id == person_id))
        conn.execute(specs[PERSONS].table.delete().where(specs[PERSONS].table.c.id == person_id))
        removed += [("residence_documents", i) for i in doc_ids] + [(PERSONS, person_id)]
    _forget_identity(session, removed)
    return removed


def _forget_identity(session: Session, removed: list[tuple[str, str]]) -> None:
    """Objects of deleted rows must not linger in the caller's session (and be flushed back)."""
    gone = set(removed)
    for obj in list(session.identity_map.values()):
        table = getattr(type(obj), "__table__", None)
        if table is not None and (table.name, getattr(obj, "id", None)) in gone:
            session.expunge(obj)


def purge_sync_records(conn: Connection, case_id: str, removed: list[tuple[str, str]]) -> None:
    """No value of an erased case may survive in the sync tables either."""
    keys = list(dict.fromkeys(removed + rows_of_case(conn, case_id)))
    forget_rows(conn, keys)
    conn.execute(delete(sync_rows).where(sync_rows.c.case_id == case_id))
    conn.execute(delete(sync_pending).where(sync_pending.c.case_id == case_id))
    conn.execute(delete(sync_conflicts).where(sync_conflicts.c.case_id == case_id))
    document_ids = [row_id for name, row_id in keys if name == "documents"]
    for part in chunks(document_ids):
        conn.execute(delete(sync_blobs_wanted).where(sync_blobs_wanted.c.document_id.in_(part)))


def erase_locally(session: Session, case_id: str, version: tuple[int, str], *, seq: int) -> list[str]:
    """Remove the case here and keep the marker. Returns the content hashes of its attachments."""
    from app.storage.sync.state import observe_clock

    conn = session.connection()
    hashes = document_hashes(conn, case_id)
    removed = remove_case_rows(session, case_id)
    purge_sync_records(conn, case_id, removed)
    conn.execute(
        sync_erasures.insert().values(
            case_id=case_id, hlc=version[0], device=version[1], seq=seq, blob_names=hashes, erased_at=utcnow()
        )
    )
    observe_clock(conn, version[0])
    return hashes


def record_erasure(session: Session, case_id: str) -> None:
    """Erase a case on this device and, with the next sync, on every member's.

    Call it instead of deleting the case (it does the deleting) inside the
    retention service's transaction. The audit entry is the caller's.
    """
    from app.storage.sync import state
    from app.storage.sync.capture import APPLYING
    from app.storage.sync.context import context_for

    session.flush()  # the caller's pending changes first, captured as usual
    conn = session.connection()
    if is_erased(conn, case_id):
        return
    ctx = context_for(session.get_bind(), conn)
    version = (state.next_clock(conn, ctx), ctx.device_id)
    previous = session.info.get(APPLYING)
    session.info[APPLYING] = True  # the marker stands for all these deletes
    try:
        erase_locally(session, case_id, version, seq=state.pending_seq(conn))
        session.flush()
    finally:
        session.info[APPLYING] = previous
