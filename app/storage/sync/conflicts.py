"""Conflicts: listing them, per case and in all, and resolving them.

Resolving writes the chosen value as a new local change. Its clock is later
than both versions in conflict, so it wins on every device; the resolution
itself travels too, so the same conflict closes everywhere.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select, update
from sqlalchemy.orm import Session

from app.errors import NotFoundError, UsageError, ValidationError
from app.i18n import _
from app.models.base import utcnow
from app.storage.sync import state
from app.storage.sync.entities import CASES, entities
from app.storage.sync.export import RESOLVED_OUTBOX
from app.storage.sync.schema import sync_conflicts

KEEP_CHOICES = ("mine", "theirs", "merged")


def _as_dict(row, refs: dict[str, str]) -> dict[str, Any]:
    spec = entities().get(row.entity)

    def shown(raw: Any) -> Any:
        if spec is None or row.field not in spec.columns:
            return raw
        try:
            return spec.present(row.field, raw)
        except (ValueError, TypeError):
            return raw

    return {
        "id": row.id,
        "kind": row.kind,
        "case_id": row.case_id,
        "ref": refs.get(row.case_id or ""),
        "entity": row.entity,
        "row_id": row.row_id,
        "field": row.field,
        "mine": shown(row.mine),
        "theirs": shown(row.theirs),
        "winner": row.winner,
        "detected_at": row.detected_at.isoformat(timespec="seconds"),
        "resolved_at": row.resolved_at.isoformat(timespec="seconds") if row.resolved_at else None,
        "resolution": row.resolution,
    }


def _refs(conn: Connection, case_ids: set[str]) -> dict[str, str]:
    table = entities()[CASES].table
    ids = sorted(c for c in case_ids if c)
    found: dict[str, str] = {}
    for start in range(0, len(ids), 400):
        part = ids[start : start + 400]
        found |= dict(conn.execute(select(table.c.id, table.c.ref).where(table.c.id.in_(part))).all())
    return found


def list_conflicts(session: Session, *, include_resolved: bool = False) -> list[dict[str, Any]]:
    conn = session.connection()
    query = select(sync_conflicts).order_by(sync_conflicts.c.detected_at, sync_conflicts.c.id)
    if not include_resolved:
        query = query.where(sync_conflicts.c.resolved_at.is_(None))
    rows = conn.execute(query).all()
    refs = _refs(conn, {r.case_id for r in rows})
    return [_as_dict(r, refs) for r in rows]


def conflicts_for_case(session: Session, case_id: str) -> list[dict[str, Any]]:
    """Unresolved conflicts of one case: ``{"field", "mine", "theirs", "entity", "row_id", "detected_at", …}``."""
    conn = session.connection()
    rows = conn.execute(
        select(sync_conflicts)
        .where(sync_conflicts.c.case_id == case_id, sync_conflicts.c.resolved_at.is_(None))
        .order_by(sync_conflicts.c.detected_at, sync_conflicts.c.id)
    ).all()
    refs = _refs(conn, {case_id})
    return [_as_dict(r, refs) for r in rows]


def resolve_conflict(session: Session, conflict_id: int, keep: str, merged_text: str | None = None) -> dict[str, Any]:
    """Keep ``mine``, ``theirs`` or a ``merged`` text. Returns what was done.

    Conflicts of kind ``deleted`` (the row is gone) and ``duplicate_ref``
    (a notice) can only be acknowledged: any choice closes them.
    """
    if keep not in KEEP_CHOICES:
        raise UsageError(_("Choose --keep mine, theirs or merged, not '{keep}'.").format(keep=keep))
    if keep == "merged" and merged_text is None:
        raise UsageError(_("--keep merged needs the merged text (--text-file)."))
    conn = session.connection()
    row = conn.execute(select(sync_conflicts).where(sync_conflicts.c.id == conflict_id)).first()
    if row is None:
        raise NotFoundError(_("There is no conflict {conflict_id}.").format(conflict_id=conflict_id))
    if row.resolved_at is not None:
        raise UsageError(_("Conflict {conflict_id} was resolved already ({resolution}).").format(conflict_id=conflict_id, resolution=row.resolution))
    spec = entities().get(row.entity)
    table = spec.table if spec else None
    exists = table is not None and conn.execute(select(table.c.id).where(table.c.id == row.row_id)).first()
    if row.kind != "edit" or not exists:
        _close(conn, [row], "acknowledged")
        return {"id": conflict_id, "resolution": "acknowledged", "field": row.field}
    if keep == "merged":
        try:
            value = spec.parse(row.field, merged_text or "")
        except (ValueError, TypeError) as exc:
            raise ValidationError(_("The merged value does not fit the field {field} ({error}).").format(field=row.field, error=exc)) from exc
    else:
        value = row.mine if keep == "mine" else row.theirs
    write_local_change(session, row.entity, row.row_id, row.field, value)
    # Every open conflict on this field is settled by the new value.
    siblings = conn.execute(
        select(sync_conflicts).where(
            sync_conflicts.c.entity == row.entity,
            sync_conflicts.c.row_id == row.row_id,
            sync_conflicts.c.field == row.field,
            sync_conflicts.c.resolved_at.is_(None),
        )
    ).all()
    _close(conn, siblings, keep)
    _reindex_case(session, row.case_id)
    return {"id": conflict_id, "resolution": keep, "field": row.field}


def write_local_change(session: Session, name: str, row_id: str, field: str, stored: Any) -> None:
    """Set a field (storage form) and record it as a new local change, even if the value is unchanged."""
    from app.storage.sync.capture import Recorder

    conn = session.connection()
    conn.exec_driver_sql(f'UPDATE "{name}" SET "{field}" = ? WHERE "id" = ?', (stored, row_id))
    Recorder(conn, session).updated(name, [(row_id, [field])])


def _close(conn: Connection, rows, resolution: str) -> None:
    keys = [r.pair_key for r in rows]
    conn.execute(
        update(sync_conflicts)
        .where(sync_conflicts.c.pair_key.in_(keys))
        .values(resolved_at=utcnow(), resolution=resolution)
    )
    outbox = list(state.get(conn, RESOLVED_OUTBOX, []))
    state.put(conn, RESOLVED_OUTBOX, outbox + [k for k in keys if k not in outbox])


def _reindex_case(session: Session, case_id: str | None) -> None:
    if not case_id:
        return
    from app.services.search import index_cases

    index_cases(session, [case_id])
