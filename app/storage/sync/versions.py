"""Reading and writing the version of a row and of its fields.

A field's version is its own entry in ``sync_field_versions`` if it was
changed after the row arrived, else the row's insert version in
``sync_rows``. A version is ``(hlc, device)``; ``base`` is the version the
change replaced where it was made.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Connection, delete, select, tuple_, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.storage.sync.schema import sync_field_versions, sync_rows

NO_VERSION = (0, "")
CHUNK = 400  # SQLite's parameter limit is generous, but long IN lists plan badly


@dataclass
class RowVersion:
    entity: str
    row_id: str
    case_id: str | None
    hlc: int
    device: str
    seq: int
    deleted_hlc: int | None
    deleted_device: str | None
    tomb_bases: dict | None

    @property
    def version(self) -> tuple[int, str]:
        return (self.hlc, self.device)

    @property
    def deleted(self) -> bool:
        return self.deleted_hlc is not None


@dataclass
class FieldVersion:
    hlc: int
    device: str
    base: tuple[int, str]
    seq: int

    @property
    def version(self) -> tuple[int, str]:
        return (self.hlc, self.device)


def chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _row(record) -> RowVersion:
    return RowVersion(
        record.entity,
        record.row_id,
        record.case_id,
        record.hlc,
        record.device,
        record.seq,
        record.deleted_hlc,
        record.deleted_device,
        record.tomb_bases,
    )


def row_versions(conn: Connection, entity: str, row_ids: list[str]) -> dict[str, RowVersion]:
    found: dict[str, RowVersion] = {}
    for part in chunks(list(dict.fromkeys(row_ids))):
        sql = (
            "SELECT entity, row_id, case_id, hlc, device, seq, deleted_hlc, deleted_device, tomb_bases "
            f"FROM sync_rows WHERE entity = ? AND row_id IN ({', '.join('?' for _ in part)})"
        )
        for r in conn.exec_driver_sql(sql, (entity, *part)):
            bases = json.loads(r[8]) if r[8] else None
            found[r[1]] = RowVersion(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], bases)
    return found


def field_versions(conn: Connection, entity: str, row_ids: list[str]) -> dict[str, dict[str, FieldVersion]]:
    found: dict[str, dict[str, FieldVersion]] = {}
    for part in chunks(list(row_ids)):
        query = select(sync_field_versions).where(
            sync_field_versions.c.entity == entity, sync_field_versions.c.row_id.in_(part)
        )
        for r in conn.execute(query):
            base = (r.base, r.base_device or "")
            found.setdefault(r.row_id, {})[r.field] = FieldVersion(r.hlc, r.device, base, r.seq)
    return found


def current(row: RowVersion | None, fields: dict[str, FieldVersion] | None, field: str) -> FieldVersion:
    """The version of ``field``: its own, else the row's insert, else none (a row older than sync)."""
    if fields and field in fields:
        return fields[field]
    if row is not None:
        return FieldVersion(row.hlc, row.device, NO_VERSION, row.seq)
    return FieldVersion(0, "", NO_VERSION, 0)


def put_row(
    conn: Connection,
    entity: str,
    row_id: str,
    case_id: str | None,
    version: tuple[int, str],
    *,
    seq: int,
) -> None:
    values = dict(
        entity=entity, row_id=row_id, case_id=case_id, hlc=version[0], device=version[1], seq=seq,
        deleted_hlc=None, deleted_device=None, deleted_seq=None, tomb_bases=None,
    )
    stmt = sqlite_insert(sync_rows).values(**values)
    conn.execute(stmt.on_conflict_do_update(index_elements=["entity", "row_id"], set_=values))


def put_rows(conn: Connection, records: list[dict]) -> None:
    """Many new rows at once (a received batch): plain inserts, the rows are known to be new."""
    if records:
        stmt = sqlite_insert(sync_rows)
        columns = [k for k in records[0] if k not in ("entity", "row_id")]
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=["entity", "row_id"], set_={k: stmt.excluded[k] for k in columns}
            ),
            records,
        )


def put_field(
    conn: Connection,
    entity: str,
    row_id: str,
    field: str,
    version: tuple[int, str],
    base: tuple[int, str],
    *,
    seq: int,
) -> None:
    values = dict(
        entity=entity, row_id=row_id, field=field, hlc=version[0], device=version[1],
        base=base[0], base_device=base[1], seq=seq,
    )
    stmt = sqlite_insert(sync_field_versions).values(**values)
    conn.execute(stmt.on_conflict_do_update(index_elements=["entity", "row_id", "field"], set_=values))


def put_fields(conn: Connection, records: list[dict]) -> None:
    if records:
        stmt = sqlite_insert(sync_field_versions)
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=["entity", "row_id", "field"],
                set_={k: stmt.excluded[k] for k in ("hlc", "device", "base", "base_device", "seq")},
            ),
            records,
        )


def tombstone(
    conn: Connection,
    entity: str,
    row_id: str,
    case_id: str | None,
    version: tuple[int, str],
    bases: dict[str, list],
    *,
    seq: int,
) -> None:
    """Mark a row deleted for good; its field versions are no longer needed."""
    exists = conn.execute(
        select(sync_rows.c.row_id).where(sync_rows.c.entity == entity, sync_rows.c.row_id == row_id)
    ).first()
    values = dict(deleted_hlc=version[0], deleted_device=version[1], deleted_seq=seq, tomb_bases=bases)
    if exists:
        conn.execute(
            update(sync_rows)
            .where(sync_rows.c.entity == entity, sync_rows.c.row_id == row_id)
            .values(**values)
        )
    else:
        conn.execute(
            sync_rows.insert().values(
                entity=entity, row_id=row_id, case_id=case_id, hlc=0, device="", seq=0, **values,
            )
        )
    drop_fields(conn, entity, [row_id])


def drop_fields(conn: Connection, entity: str, row_ids: list[str]) -> None:
    for part in chunks(list(row_ids)):
        conn.execute(
            delete(sync_field_versions).where(
                sync_field_versions.c.entity == entity, sync_field_versions.c.row_id.in_(part)
            )
        )


def forget_rows(conn: Connection, keys: list[tuple[str, str]]) -> None:
    """Remove every trace of rows from the sync tables (never published, or erased)."""
    for part in chunks(list(keys)):
        conn.execute(delete(sync_rows).where(tuple_(sync_rows.c.entity, sync_rows.c.row_id).in_(part)))
        conn.execute(
            delete(sync_field_versions).where(
                tuple_(sync_field_versions.c.entity, sync_field_versions.c.row_id).in_(part)
            )
        )


def tombstoned(conn: Connection, entity: str, row_ids: list[str]) -> dict[str, RowVersion]:
    found = row_versions(conn, entity, row_ids)
    return {k: v for k, v in found.items() if v.deleted}


def rows_of_case(conn: Connection, case_id: str) -> list[tuple[str, str]]:
    query = select(sync_rows.c.entity, sync_rows.c.row_id).where(sync_rows.c.case_id == case_id)
    return [(r.entity, r.row_id) for r in conn.execute(query)]

