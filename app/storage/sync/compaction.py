"""Keeping the share small: state files, snapshots, pruning.

Each device's ``state.bin`` says what it has applied of everyone else. A
snapshot is one device's whole shared state with the segment numbers it
covers; a new member (or one that finds a gap nobody can fill) starts from
it. A device deletes its *own* segments once every member's state file
shows them applied and some snapshot covers them.
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from app.storage.sync import state
from app.storage.sync.crypto import SNAPSHOT, STATE, SealError, TeamKeys, open_json, seal_json
from app.storage.sync.export import SNAPSHOT_FORMAT, gather_snapshot
from app.storage.sync.schema import sync_peers
from app.storage.sync.share import TeamFolder
from app.storage.sync.team import Team


def peers(conn: Connection) -> dict[str, int]:
    return {r.device_id: r.applied_seq for r in conn.execute(select(sync_peers))}


STATE_FILE_KEY = "state_file"  # what this device's state.bin says now
SNAPSHOT_KEY = "snapshot"  # this device's newest snapshot: {"seq", "covers"}


def state_document(device: str, applied: dict[str, int], written: int, snapshot, *, left: bool = False) -> dict:
    """What this device has applied, so others know which of their segments may go.
    No timestamp in it: an unchanged state is not written again."""
    return {
        "format": "lotse-device-state",
        "version": 1,
        "device": device,
        "applied": dict(sorted(applied.items())),
        "written_seq": written,
        "snapshot": snapshot,
        "left": left,
    }


def write_state_file(conn: Connection, device: str, team: Team, share: TeamFolder, *, left: bool = False) -> int:
    document = state_document(
        device, peers(conn), int(state.get(conn, state.WRITTEN_SEQ, 0)), state.get(conn, SNAPSHOT_KEY), left=left
    )
    state.put(conn, STATE_FILE_KEY, document)
    return write_state(share, team.keys, device, document)


def write_state(share: TeamFolder, keys: TeamKeys, device: str, document: dict) -> int:
    sealed = seal_json(keys, STATE, device, "state", document)
    share.write_own(share.state_path(device), sealed)
    return len(sealed)


def read_state_file(share: TeamFolder, keys: TeamKeys, device: str) -> dict | None:
    try:
        raw = share.state_path(device).read_bytes()
        return open_json(keys, STATE, device, "state", raw)
    except (OSError, SealError):
        return None


def write_snapshot(conn: Connection, device: str, team: Team, share: TeamFolder) -> int:
    """The whole shared state as this device has it, and the segments it covers."""
    keys = team.keys
    written = int(state.get(conn, state.WRITTEN_SEQ, 0))
    if written == 0:
        return 0
    covers = peers(conn) | {device: written}
    out = gather_snapshot(conn)
    document = out.document(SNAPSHOT_FORMAT, team.team_id, device, written, covers=covers)
    sealed = seal_json(keys, SNAPSHOT, device, str(written), document)
    share.write_own(share.snapshot_path(device, written), sealed)
    for older in share.snapshots(device):
        if older < written:
            share.snapshot_path(device, older).unlink(missing_ok=True)
    state.put(conn, SNAPSHOT_KEY, {"seq": written, "covers": covers})
    return len(sealed)


def best_snapshot(share: TeamFolder, keys: TeamKeys, device: str, rejected: list[str] | None = None) -> dict | None:
    """The newest snapshot that covers the most, judged from the writers' state files."""
    best: tuple[int, str, int] | None = None
    for writer in share.devices():
        if writer == device:
            continue
        info = (read_state_file(share, keys, writer) or {}).get("snapshot")
        seqs = share.snapshots(writer)
        if not seqs:
            continue
        seq = seqs[-1]
        weight = sum((info or {}).get("covers", {}).values()) if info and info.get("seq") == seq else seq
        if best is None or weight > best[0]:
            best = (weight, writer, seq)
    if best is None:
        return None
    _weight, writer, seq = best
    path = share.snapshot_path(writer, seq)
    try:
        document = open_json(keys, SNAPSHOT, writer, str(seq), path.read_bytes())
        if document.get("format") != SNAPSHOT_FORMAT or document.get("team") != keys.team_id:
            raise SealError("its content does not match its place")
        return document
    except (OSError, SealError) as exc:
        if rejected is not None:
            rejected.append(f"The snapshot {path} from device {writer} was rejected: {exc}.")
        return None


def prune_own_segments(device: str, share: TeamFolder, keys: TeamKeys) -> int:
    """Delete own segments every member has applied and some snapshot covers."""
    own = share.segments(device)
    if not own:
        return 0
    covered = 0
    bound: int | None = None
    for member in share.devices():
        info = read_state_file(share, keys, member)
        snap = (info or {}).get("snapshot") or {}
        covered = max(covered, int(snap.get("covers", {}).get(device, 0)))
        if member == device or (info or {}).get("left"):
            continue
        seen = int((info or {}).get("applied", {}).get(device, 0))
        bound = seen if bound is None else min(bound, seen)
    limit = min(covered, own[-1] if bound is None else bound)
    removed = 0
    for seq in own:
        if seq <= limit:
            share.segment_path(device, seq).unlink(missing_ok=True)
            removed += 1
    return removed


