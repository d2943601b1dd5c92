"""What the GUI shows about sync without running one: team, folder, last sync, what waits."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from app.storage.sync import state
from app.storage.sync.entities import entities
from app.storage.sync.schema import sync_conflicts, sync_rejections
from app.storage.sync.team import current_team


@dataclass
class SyncStatus:
    in_team: bool
    team_id: str | None
    team_name: str
    folder: str | None
    folder_reachable: bool
    last_sync_at: str | None
    pending_changes: int
    unresolved_conflicts: int
    rejected: list[str]

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def sync_status(vault) -> SyncStatus:
    with vault.read_session() as session:  # never waits for a sync running in the background
        conn = session.connection()
        team = current_team(conn)
        seq = state.pending_seq(conn)
        device = vault.device_id
        pending = _pending_count(conn, device, seq)
        open_conflicts = conn.execute(
            select(func.count()).select_from(sync_conflicts).where(sync_conflicts.c.resolved_at.is_(None))
        ).scalar()
        rejected = [r.message for r in conn.execute(select(sync_rejections.c.message))]
        last = state.get(conn, state.LAST_SYNC_AT)
    reachable = team.share().reachable() if team else False
    return SyncStatus(
        in_team=team is not None,
        team_id=team.team_id if team else None,
        team_name=team.name if team else "",
        folder=str(team.folder) if team else None,
        folder_reachable=reachable,
        last_sync_at=last,
        pending_changes=int(pending or 0),
        unresolved_conflicts=int(open_conflicts or 0),
        rejected=rejected,
    )


def _pending_count(conn: Connection, device: str, seq: int) -> int:
    """Local changes the next sync will send (those of private cases wait and are not counted)."""
    team_wide = ", ".join(f"'{name}'" for name, spec in entities().items() if spec.team_wide)
    shared = f"(r.entity IN ({team_wide}) OR c.shared = 1)"
    rows = conn.exec_driver_sql(
        "SELECT count(*) FROM sync_rows r LEFT JOIN cases c ON c.id = r.case_id "
        f"WHERE r.device = ? AND r.seq = ? AND r.seq > 0 AND r.deleted_hlc IS NULL AND {shared}",
        (device, seq),
    ).scalar()
    fields = conn.exec_driver_sql(
        "SELECT count(*) FROM sync_field_versions f JOIN sync_rows r ON r.entity = f.entity AND r.row_id = f.row_id "
        f"LEFT JOIN cases c ON c.id = r.case_id WHERE f.device = ? AND f.seq = ? AND f.seq > 0 AND {shared}",
        (device, seq),
    ).scalar()
    tombs = conn.exec_driver_sql(
        "SELECT count(*) FROM sync_rows WHERE deleted_device = ? AND deleted_seq = ? AND deleted_hlc IS NOT NULL",
        (device, seq),
    ).scalar()
    erasures = conn.exec_driver_sql("SELECT count(*) FROM sync_erasures WHERE device = ? AND seq = ?", (device, seq)).scalar()
    return int(rows or 0) + int(fields or 0) + int(tombs or 0) + int(erasures or 0)


