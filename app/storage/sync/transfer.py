"""One sync run: send this device's segment, read the others', merge, tidy up.

``sync_now`` is what the GUI (off its thread) and the CLI call. The order:

1. the team folder must be reachable (an unmounted drive looks empty, and
   nothing is ever concluded from absence);
2. rows inserted behind the ORM's back get versions;
3. local changes are sealed into the next segment number (a database
   commit), then the segment file is written (temp file, fsync, rename) —
   if the write fails, the next run writes it again from the same records;
4. every other device's segments after the last one applied are read
   strictly in order; a damaged one is refused with a message naming file
   and device and holds back that device's later segments only; a missing
   one makes that device's later segments wait;
5. all of it is merged in one transaction, the search index is rebuilt for
   the cases touched, attachments are fetched;
6. this device's state file (what it has applied) is rewritten, and its own
   segments every member has applied and a snapshot covers are pruned.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.errors import DataError
from app.gc_pause import collector_paused
from app.i18n import _
from app.models.base import utcnow
from app.storage.sync import state
from app.storage.sync.apply import Applier, ApplyReport, Batch
from app.storage.sync.blobs import delete_blob, fetch_blobs, local_content, write_blob
from app.storage.sync.capture import APPLYING
from app.storage.sync.compaction import (
    SNAPSHOT_KEY,
    STATE_FILE_KEY,
    best_snapshot,
    peers,
    prune_own_segments,
    state_document,
    write_snapshot,
    write_state,
)
from app.storage.sync.context import context_for
from app.storage.sync.crypto import (
    SEGMENT,
    SealError,
    TeamKeys,
    open_json,
    seal_json,
)
from app.storage.sync.entities import entities
from app.storage.sync.erasure import blobs_removed
from app.storage.sync.export import (
    SEGMENT_FORMAT,
    Outgoing,
    commit_sent,
    gather_pending,
)
from app.storage.sync.schema import (
    sync_peers,
    sync_rejections,
)
from app.storage.sync.share import TeamFolder
from app.storage.sync.team import Team, require_team

Progress = Callable[[float, str], None]


@dataclass
class SyncResult:
    sent: int = 0
    received: int = 0
    conflicts: int = 0
    rejected: list[str] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)
    erased: int = 0
    snapshot_loaded: bool = False
    touched_cases: list[str] = field(default_factory=list)
    bytes_written: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "sent": self.sent,
            "received": self.received,
            "conflicts": self.conflicts,
            "rejected": self.rejected,
            "waiting": self.waiting,
            "erased": self.erased,
        }


def _noop(_fraction: float, _message: str) -> None:
    pass


# --- the run -------------------------------------------------------------------------


def sync_now(vault, folder: Path | None = None, progress: Progress | None = None, *, compact: bool = False) -> SyncResult:
    """Two-way sync with the team folder. Safe to call off the GUI thread."""
    report = progress or _noop
    ctx = context_for(vault.engine)
    # A first sync makes hundreds of thousands of rows, dicts and tuples without cycles: see gc_pause.
    with ctx.lock, collector_paused():
        started = time.perf_counter()
        result = SyncResult()
        with vault.session() as session:
            conn = session.connection()
            team = require_team(conn)
            state.ensure_device(conn, vault.device_id)
            pending = state.pending_seq(conn)
            applied_before = peers(conn)
        share = team.share(folder)
        keys = team.keys
        report(0.0, "Checking the team folder")
        share.check_reachable()
        _check_identity(vault, share, pending)

        report(0.05, "Collecting local changes")
        outgoing = _seal(vault, team, full_stamp=compact)
        report(0.2, "Writing this device's changes")
        for seq, out in outgoing:
            result.bytes_written += _write_segment(vault, share, keys, seq, out)
            result.sent += out.change_count()

        report(0.3, "Reading the other devices' changes")
        batch, applied, result.snapshot_loaded = _collect(vault, share, keys, applied_before, result)

        report(0.5, "Merging")
        with vault.session() as session:
            session.info[APPLYING] = True
            conn = session.connection()
            if outgoing:
                state.put(conn, state.WRITTEN_SEQ, outgoing[-1][0])
            merged = Applier(session, vault.device_id).apply(batch)
            _reindex(session, merged)
            _store_peers(conn, applied)
            result.rejected += fetch_blobs(conn, share, keys, dict(merged.blobs_wanted))
            result.received = max(0, merged.received)
            result.conflicts = merged.conflicts
            result.erased = len(merged.erased_cases)
            result.touched_cases = sorted(merged.touched_cases)
            if merged.waiting:
                result.waiting.append(f"{merged.waiting} received changes wait for rows that have not arrived yet.")
            state.put(conn, state.LAST_SYNC_AT, utcnow().isoformat(timespec="seconds"))
            state.put(conn, state.LAST_RESULT, result.to_json())
            if compact:
                report(0.8, "Writing a snapshot")
                result.bytes_written += write_snapshot(conn, vault.device_id, team, share)
            written = int(state.get(conn, state.WRITTEN_SEQ, 0))
            last_state = state.get(conn, STATE_FILE_KEY)
            document = state_document(vault.device_id, applied, written, state.get(conn, SNAPSHOT_KEY))
            if compact or last_state != document or not share.state_path(vault.device_id).exists():
                state.put(conn, STATE_FILE_KEY, document)
            else:
                document = None

        report(0.9, "Tidying up the team folder")
        if document is not None:
            result.bytes_written += write_state(share, keys, vault.device_id, document)
        prune_own_segments(vault.device_id, share, keys)
        result.seconds = time.perf_counter() - started
        report(1.0, "Done")
        return result


def _check_identity(vault, share: TeamFolder, pending: int) -> None:
    """Two vaults with one device id (a copied vault folder) would overwrite each other's segments.
    (A restored backup gets a new device id; ``state.ensure_device`` takes it over.)"""
    if share.segment_path(vault.device_id, pending).exists():
        raise DataError(
            _(
                "The team folder already has segment {segment} of this device ({device}): another copy of "
                "this vault is syncing under the same identity. Nothing was written."
            ).format(segment=pending, device=vault.device_id)
        )


# --- sending ---------------------------------------------------------------------------


STAMP_MARKS = "stamp_marks"  # per table: the highest rowid already checked for a version


def stamp_unversioned(conn: Connection, device: str, seq: int, clock: Callable[[], int], *, full: bool = False) -> int:
    """Rows inserted without the ORM's unit of work (bulk inserts) get a version now.

    Only rows above the highest rowid checked last time are looked at, so this
    costs next to nothing on every sync. (A bulk row that reuses the rowid of a
    just-deleted last row escapes it; ``full`` — compaction — catches those.)"""
    marks = {} if full else dict(state.get(conn, STAMP_MARKS, {}))
    stamped = 0
    version: int | None = None
    for name, spec in entities().items():
        top = conn.execute(text(f"SELECT max(rowid) FROM {name}")).scalar() or 0
        since = int(marks.get(name, 0))
        marks[name] = top
        if top <= since:
            continue
        version = version or clock()
        stamped += conn.execute(
            text(
                "INSERT INTO sync_rows (entity, row_id, case_id, hlc, device, seq) "
                f"SELECT :entity, t0.id, {spec.case_sql}, :hlc, :device, :seq FROM {name} t0 "
                "WHERE t0.rowid > :since "
                "AND NOT EXISTS (SELECT 1 FROM sync_rows r WHERE r.entity = :entity AND r.row_id = t0.id)"
            ),
            {"entity": name, "hlc": version, "device": device, "seq": seq, "since": since},
        ).rowcount
    state.put(conn, STAMP_MARKS, marks)
    return stamped


def _seal(vault, team: Team, *, full_stamp: bool = False) -> list[tuple[int, Outgoing]]:
    """Close the current local segment number; returns every segment still to write."""
    ctx = context_for(vault.engine)
    with vault.session() as session:
        session.info[APPLYING] = True
        conn = session.connection()
        seq = state.pending_seq(conn)
        written = int(state.get(conn, state.WRITTEN_SEQ, seq - 1))
        stamp_unversioned(conn, vault.device_id, seq, lambda: state.next_clock(conn, ctx), full=full_stamp)
        unwritten = [(s, gather_pending(conn, vault.device_id, s)) for s in range(written + 1, seq)]
        out = gather_pending(conn, vault.device_id, seq)
        if not out.is_empty():
            commit_sent(conn, out, vault.device_id, seq)
            state.put(conn, state.NEXT_SEQ, seq + 1)
            unwritten.append((seq, out))
    return unwritten


def _write_segment(vault, share: TeamFolder, keys: TeamKeys, seq: int, out: Outgoing) -> int:
    path = share.segment_path(vault.device_id, seq)
    if path.exists():
        try:
            open_json(keys, SEGMENT, vault.device_id, str(seq), path.read_bytes())
            return 0  # written before a crash; members may have read it already
        except SealError:
            pass
    written = 0
    if out.blobs:
        with vault.engine.connect() as conn:
            for document_id, sha in out.blobs.items():
                data = local_content(conn, document_id)
                if data is not None and write_blob(share, keys, sha, data):
                    written += len(data)
    document = out.document(SEGMENT_FORMAT, keys.team_id, vault.device_id, seq)
    sealed = seal_json(keys, SEGMENT, vault.device_id, str(seq), document)
    share.write_own(path, sealed)
    written += len(sealed)
    if out.erased_blobs:
        for names in out.erased_blobs.values():
            for name in names:
                delete_blob(share, name)
        with vault.session() as session:
            blobs_removed(session.connection(), list(out.erased_blobs))
    return written


# --- receiving -------------------------------------------------------------------------


def _store_peers(conn: Connection, applied: dict[str, int]) -> None:
    now = utcnow()
    for device, seq in applied.items():
        stmt = sqlite_insert(sync_peers).values(device_id=device, applied_seq=seq, updated_at=now)
        conn.execute(stmt.on_conflict_do_update(index_elements=["device_id"], set_={"applied_seq": seq, "updated_at": now}))
        conn.execute(delete(sync_rejections).where(sync_rejections.c.device_id == device, sync_rejections.c.seq <= seq))


def _read_segments(vault, share: TeamFolder, keys: TeamKeys, known: dict[str, int], result: SyncResult):
    """Each other device's next segments, in order, up to the first gap or damaged file."""
    documents: list[dict] = []
    applied = dict(known)
    gaps: dict[str, int] = {}
    for device in share.devices():
        if device == vault.device_id:
            continue
        expected = known.get(device, 0) + 1
        for seq in share.segments(device):
            if seq < expected:
                continue
            if seq > expected:
                gaps[device] = expected
                break
            path = share.segment_path(device, seq)
            try:
                document = _open_segment(keys, device, seq, path)
            except SealError as exc:
                message = (
                    f"The segment {path} from device {device} was rejected: {exc}. It was not applied; "
                    "the later segments of this device wait for it."
                )
                result.rejected.append(message)
                _record_rejection(vault, device, seq, message)
                break
            documents.append(document)
            applied[device] = seq
            expected = seq + 1
    return documents, applied, gaps


def _open_segment(keys: TeamKeys, device: str, seq: int, path: Path) -> dict:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SealError(f"it cannot be read ({exc.strerror})") from None
    document = open_json(keys, SEGMENT, device, str(seq), raw)
    if (
        document.get("format") != SEGMENT_FORMAT
        or document.get("team") != keys.team_id
        or document.get("device") != device
        or document.get("seq") != seq
    ):
        raise SealError("its content does not match its place")
    return document


def _record_rejection(vault, device: str, seq: int, message: str) -> None:
    with vault.session() as session:
        stmt = sqlite_insert(sync_rejections).values(device_id=device, seq=seq, message=message, at=utcnow())
        session.connection().execute(
            stmt.on_conflict_do_update(index_elements=["device_id", "seq"], set_={"message": message, "at": utcnow()})
        )


def _collect(vault, share: TeamFolder, keys: TeamKeys, known: dict[str, int], result: SyncResult):
    """Segments to apply, starting from a snapshot when this device is new or segments were pruned."""
    batch = Batch()
    documents, applied, gaps = _read_segments(vault, share, keys, known, result)
    fresh = not known
    loaded = False
    if fresh or gaps:
        snapshot = best_snapshot(share, keys, vault.device_id, result.rejected)
        if snapshot is not None:
            covers = {d: int(s) for d, s in snapshot.get("covers", {}).items() if d != vault.device_id}
            helps = fresh or any(covers.get(d, 0) >= gap for d, gap in gaps.items())
            if helps and any(covers.get(d, 0) > known.get(d, 0) for d in covers):
                batch.add_document(snapshot)
                loaded = True
                known = {d: max(known.get(d, 0), covers.get(d, 0)) for d in set(known) | set(covers)}
                documents, applied, gaps = _read_segments(vault, share, keys, known, result)
    for device, expected in gaps.items():
        result.waiting.append(
            f"Segment {expected} of device {device} is not in the team folder yet; its later segments wait."
        )
    for document in documents:
        batch.add_document(document)
    return batch, applied, loaded


def _reindex(session, merged: ApplyReport) -> None:
    from app.services.search import index_cases

    index_cases(session, sorted(merged.touched_cases))


def compact(vault, folder: Path | None = None) -> SyncResult:
    """Sync, then write a snapshot so new members start from it; prunes what it can."""
    return sync_now(vault, folder, compact=True)



__all__ = ["SyncResult", "compact", "sync_now"]
