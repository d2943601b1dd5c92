"""Setting up, joining and leaving a team share.

``team.json`` holds the random 256-bit team key wrapped (AES-256-GCM) under
an Argon2id key from the team passphrase, with the parameters next to it —
the same scheme as the vault's key file. The additional data binds the
wrapped key to the team id, so editing the id in the file breaks it. After
joining, each vault keeps the team key in its own (encrypted) database and
never needs the passphrase again.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, delete, select, update

from app.errors import AuthenticationError, DataError, UsageError
from app.i18n import _
from app.models.base import new_uuid, utcnow
from app.storage import keywrap
from app.storage.kdf import KdfParams, calibrate, derive_key
from app.storage.sync import state
from app.storage.sync.crypto import TeamKeys
from app.storage.sync.schema import (
    sync_blobs_wanted,
    sync_field_versions,
    sync_peers,
    sync_rejections,
    sync_rows,
    sync_team,
)
from app.storage.sync.share import DEVICE_NAME, TEAM_FILE, TeamFolder

FORMAT = "lotse-team"
VERSION = 1
MIN_PASSPHRASE_LENGTH = 8


@dataclass(frozen=True)
class Team:
    team_id: str
    name: str
    key: bytes
    folder: Path

    @property
    def keys(self) -> TeamKeys:
        return TeamKeys.derive(self.team_id, self.key)

    def share(self, folder: Path | None = None) -> TeamFolder:
        return TeamFolder(Path(folder) if folder else self.folder, self.team_id)


def _aad(team_id: str) -> bytes:
    return f"{FORMAT}:v{VERSION}:{team_id}".encode()


def current_team(conn: Connection) -> Team | None:
    row = conn.execute(select(sync_team)).first()
    if row is None:
        return None
    return Team(row.team_id, row.name, bytes(row.team_key), Path(row.folder))


def require_team(conn: Connection) -> Team:
    team = current_team(conn)
    if team is None:
        raise UsageError(_("This vault is not in a team yet: run 'team create' or 'team join' first."))
    return team


def create_team(vault, folder: Path, passphrase: str, *, name: str = "") -> Team:
    """Make a new team in ``folder`` and put this vault in it."""
    folder = Path(folder)
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise UsageError(_("The team passphrase must have at least {count} characters.").format(count=MIN_PASSPHRASE_LENGTH))
    if not folder.is_dir():
        raise DataError(_("The folder {folder} does not exist or is not reachable.").format(folder=folder))
    with vault.session() as session:
        existing = current_team(session.connection())
    if existing is not None:
        raise UsageError(_("This vault already belongs to team {team_id}; run 'team leave' first.").format(team_id=existing.team_id))
    team_id = new_uuid()
    key = secrets.token_bytes(32)
    params = calibrate()
    nonce, wrapped = keywrap.wrap(key, derive_key(passphrase, params), _aad(team_id))
    document = {
        "format": FORMAT,
        "version": VERSION,
        "team_id": team_id,
        "name": name,
        "created_at": utcnow().isoformat(timespec="seconds"),
        "kdf": params.to_json(),
        "nonce": nonce.hex(),
        "wrapped_key": wrapped.hex(),
    }
    share = TeamFolder(folder, team_id)
    share.write_own(share.team_file, json.dumps(document, indent=2).encode("utf-8"))
    team = Team(team_id, name, key, folder)
    _enter(vault, team)
    return team


def find_team_dir(folder: Path) -> Path:
    """``folder`` may be the team's own folder or the shared folder holding it."""
    folder = Path(folder)
    if (folder / TEAM_FILE).is_file():
        return folder
    if not folder.is_dir():
        raise DataError(_("The team folder is not reachable ({folder}).").format(folder=folder))
    candidates = sorted(p for p in folder.iterdir() if (p / TEAM_FILE).is_file())
    if not candidates:
        raise DataError(_("There is no Lotse team in {folder} (no {file} found).").format(folder=folder, file=TEAM_FILE))
    if len(candidates) > 1:
        names = ", ".join(p.name for p in candidates)
        raise UsageError(_("{folder} holds several teams ({names}); give the team's own folder with --folder.").format(folder=folder, names=names))
    return candidates[0]


def read_team_file(team_dir: Path) -> dict:
    path = team_dir / TEAM_FILE
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if document.get("format") != FORMAT or document.get("version") != VERSION:
            raise ValueError("not a Lotse team file of a known version")
        KdfParams.from_json(document["kdf"])
        bytes.fromhex(document["nonce"])
        bytes.fromhex(document["wrapped_key"])
        if not DEVICE_NAME.match(str(document["team_id"])):
            raise ValueError("the team id is malformed")
        return document
    except OSError as exc:
        raise DataError(_("The team file {path} cannot be read ({error}).").format(path=path, error=exc.strerror)) from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DataError(_("The team file {path} is damaged ({error}).").format(path=path, error=exc)) from exc


def join_team(vault, folder: Path, passphrase: str) -> Team:
    """Join the team whose ``team.json`` is in ``folder`` (wrong passphrase: AuthenticationError)."""
    team_dir = find_team_dir(Path(folder))
    document = read_team_file(team_dir)
    team_id = document["team_id"]
    if team_dir.name != team_id:
        raise DataError(_("The team file in {folder} names another team ({team_id}).").format(folder=team_dir, team_id=team_id))
    wrapping_key = derive_key(passphrase, KdfParams.from_json(document["kdf"]))
    try:
        key = keywrap.unwrap(
            bytes.fromhex(document["nonce"]), bytes.fromhex(document["wrapped_key"]), wrapping_key, _aad(team_id)
        )
    except keywrap.UnwrapError:
        raise AuthenticationError(_("The team passphrase is not correct (or team.json was altered).")) from None
    with vault.session() as session:
        existing = current_team(session.connection())
    if existing is not None and existing.team_id != team_id:
        raise UsageError(_("This vault already belongs to team {team_id}; run 'team leave' first.").format(team_id=existing.team_id))
    team = Team(team_id, str(document.get("name", "")), key, team_dir.parent)
    if existing is None:
        _enter(vault, team)
    return team


def _enter(vault, team: Team) -> None:
    """Store the team and make everything this vault shares go out with its next segment."""
    share = team.share()
    own = share.segments(vault.device_id)
    start = (own[-1] + 1) if own else 1  # rejoining: carry on after what is already there
    with vault.session() as session:
        conn = session.connection()
        conn.execute(delete(sync_team))
        conn.execute(
            sync_team.insert().values(
                team_id=team.team_id, name=team.name, team_key=team.key, folder=str(team.folder), joined_at=utcnow()
            )
        )
        for table in (sync_peers, sync_rejections, sync_blobs_wanted):
            conn.execute(delete(table))
        state.put(conn, state.NEXT_SEQ, start)
        state.put(conn, state.WRITTEN_SEQ, start - 1)
        # The new team has none of this vault's data: all of it is "not yet sent".
        conn.execute(update(sync_rows).where(sync_rows.c.device == vault.device_id).values(seq=start))
        conn.execute(update(sync_field_versions).where(sync_field_versions.c.device == vault.device_id).values(seq=start))
        foreign = conn.execute(select(sync_rows.c.row_id).where(sync_rows.c.device != vault.device_id).limit(1)).first()
        if foreign is not None:
            state.put(conn, state.REEXPORT_ALL, True)  # rows from an earlier team go out whole too


def leave_team(vault) -> None:
    """Forget the team and its key. The data stays in this vault; the share is not touched
    except for this device's state file, which tells the others not to wait for it."""
    from app.storage.sync.compaction import write_state_file

    with vault.session() as session:
        conn = session.connection()
        team = current_team(conn)
        if team is None:
            raise UsageError(_("This vault is not in a team."))
        share = team.share()
        if share.reachable():
            write_state_file(conn, vault.device_id, team, share, left=True)
        conn.execute(delete(sync_team))
        for table in (sync_peers, sync_rejections, sync_blobs_wanted):
            conn.execute(delete(table))
        state.drop(conn, state.REEXPORT_CASES)
        state.drop(conn, state.REEXPORT_ALL)
