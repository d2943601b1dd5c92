"""Attachments on the share: encrypted, content-addressed blobs, written once.

A blob's name is a keyed hash of the attachment's SHA-256 (see
``crypto.blob_name``); its additional data binds it to the team and that
hash, and after decrypting, the bytes must hash to it — a swapped or
altered blob is refused. A blob that has not reached the share yet is
remembered in ``sync_blobs_wanted`` and fetched on a later sync.
"""

from __future__ import annotations

import contextlib
import hashlib

from sqlalchemy import Connection, delete, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.models import DocumentContent
from app.storage.sync.crypto import BLOB, SealError, TeamKeys, blob_name, open_sealed, seal
from app.storage.sync.schema import sync_blobs_wanted
from app.storage.sync.share import TeamFolder

CONTENT = DocumentContent.__table__


def write_blob(share: TeamFolder, keys: TeamKeys, sha: str, data: bytes) -> bool:
    """Put an attachment on the share unless it is there already. True if written."""
    path = share.blob_path(blob_name(keys, sha))
    if path.exists():
        return False
    share.write_own(path, seal(keys, BLOB, sha, "0", data, compress=False))
    return True


def delete_blob(share: TeamFolder, name: str) -> None:
    """Remove a blob by its file name (erasure: the bytes must leave the share too)."""
    with contextlib.suppress(FileNotFoundError):
        share.blob_path(name).unlink()


def local_content(conn: Connection, document_id: str) -> bytes | None:
    data = conn.execute(select(CONTENT.c.data).where(CONTENT.c.document_id == document_id)).scalar()
    return None if data is None else bytes(data)


def fetch_blobs(conn: Connection, share: TeamFolder, keys: TeamKeys, wanted: dict[str, str]) -> list[str]:
    """Store the attachments ``{document_id: sha}``; returns messages for refused blobs."""
    problems = []
    for row in conn.execute(select(sync_blobs_wanted)):
        wanted.setdefault(row.document_id, row.sha256)
    for document_id, sha in wanted.items():
        if conn.execute(text("SELECT 1 FROM documents WHERE id = :d"), {"d": document_id}).first() is None:
            _satisfied(conn, document_id)  # deleted meanwhile
            continue
        held = local_content(conn, document_id)
        if held is not None and hashlib.sha256(held).hexdigest() == sha:
            _satisfied(conn, document_id)
            continue
        path = share.blob_path(blob_name(keys, sha))
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            _want(conn, document_id, sha)
            continue
        except OSError as exc:
            problems.append(f"The attachment file {path} cannot be read ({exc.strerror}); it will be tried again.")
            _want(conn, document_id, sha)
            continue
        try:
            data = open_sealed(keys, BLOB, sha, "0", raw, compressed=False)
            if hashlib.sha256(data).hexdigest() != sha:
                raise SealError("its content does not match its name")
        except SealError as exc:
            problems.append(f"The attachment file {path} was rejected: {exc}.")
            _want(conn, document_id, sha)
            continue
        stmt = sqlite_insert(CONTENT).values(document_id=document_id, data=data)
        conn.execute(stmt.on_conflict_do_update(index_elements=["document_id"], set_={"data": data}))
        _satisfied(conn, document_id)
    return problems


def _want(conn: Connection, document_id: str, sha: str) -> None:
    stmt = sqlite_insert(sync_blobs_wanted).values(document_id=document_id, sha256=sha)
    conn.execute(stmt.on_conflict_do_update(index_elements=["document_id"], set_={"sha256": sha}))


def _satisfied(conn: Connection, document_id: str) -> None:
    conn.execute(delete(sync_blobs_wanted).where(sync_blobs_wanted.c.document_id == document_id))
