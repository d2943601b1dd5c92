"""Team sync for the desktop app: vault-level calls, each owning its transaction and audit entry.

The sync engine (``app.storage.sync``) takes a session for its conflict
functions; the UI never opens sessions, so it calls these instead. Team
membership and syncing are audited like the CLI does (``team_commands``):
ids, counts and field names only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.services import audit
from app.storage import sync
from app.storage.sync import SyncResult, SyncStatus

Progress = Callable[[float, str], None]


def _audit(vault, action: str, detail: str = "", case_id: str | None = None) -> None:
    with vault.session() as session:
        audit.record(session, vault.user_name, action, case_id=case_id, detail=detail)


def team_status(vault) -> SyncStatus:
    return sync.sync_status(vault)


def create_team(vault, folder: Path | str, passphrase: str, name: str = "") -> str:
    """Make a team in ``folder`` and join it; returns the team's name (or id when unnamed)."""
    team = sync.create_team(vault, Path(folder), passphrase, name=name)
    _audit(vault, "team.created", f"team={team.team_id}")
    return team.name or team.team_id


def join_team(vault, folder: Path | str, passphrase: str) -> str:
    """Join the team in ``folder`` (wrong passphrase: AuthenticationError); returns its name or id."""
    team = sync.join_team(vault, Path(folder), passphrase)
    _audit(vault, "team.joined", f"team={team.team_id}")
    return team.name or team.team_id


def leave_team(vault) -> None:
    sync.leave_team(vault)
    _audit(vault, "team.left")


def sync_team(vault, progress: Progress | None = None) -> SyncResult:
    """Send this device's changes and apply the team's, reporting ``progress(fraction, message)``."""
    result = sync.sync_now(vault, progress=progress)
    _audit(vault, "sync.run", f"sent={result.sent} received={result.received} conflicts={result.conflicts}")
    return result


def open_conflicts(vault) -> list[dict[str, Any]]:
    """Every unresolved conflict, oldest first (see ``app.storage.sync.conflicts``)."""
    with vault.read_session() as session:
        return sync.list_conflicts(session)


def case_conflicts(vault, case_id: str) -> list[dict[str, Any]]:
    with vault.read_session() as session:
        return sync.conflicts_for_case(session, case_id)


def resolve_conflict(vault, conflict_id: int, keep: str, merged_text: str | None = None) -> dict[str, Any]:
    """Keep ``mine``, ``theirs`` or a ``merged`` text; the choice travels to the team with the next sync."""
    with vault.session() as session:
        outcome = sync.resolve_conflict(session, conflict_id, keep, merged_text)
        audit.record(session, vault.user_name, "sync.conflict_resolved",
                     detail=f"conflict={conflict_id} field={outcome['field']} keep={outcome['resolution']}")
    return outcome
