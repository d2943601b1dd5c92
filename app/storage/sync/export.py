"""What this device sends: the changes of one local segment, or its whole shared state.

A segment carries, for the local segment number it is written for:

* ``rows``: rows new to the team, whole, with the version of each field;
* ``fields``: changed fields of rows the team has, each with the version it
  replaced (``base``), which is how receivers tell a concurrent edit from a
  later one;
* ``tombs``: deleted rows, with the versions of their text fields the
  deleter saw;
* ``erasures``: cases erased under the retention rules;
* ``resolved``: conflicts resolved here, so they close everywhere.

Rows of a case that is not shared stay behind: their versions move on to
the next segment number, so they go out the day the case is shared. Values
are read from the rows at the moment of writing; dates as ISO text.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select, text, update

from app.storage.sync import state
from app.storage.sync.entities import CASES, case_ids, entities
from app.storage.sync.schema import sync_erasures, sync_field_versions, sync_pending, sync_rows
from app.storage.sync.versions import chunks

SEGMENT_FORMAT = "lotse-segment"
SNAPSHOT_FORMAT = "lotse-snapshot"
DOC_VERSION = 1
RESOLVED_OUTBOX = "resolved_outbox"


class DeviceIndex:
    """Devices named once per file; versions refer to them by position."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, device: str) -> int:
        if device not in self._index:
            self._index[device] = len(self.names)
            self.names.append(device)
        return self._index[device]

    def version(self, hlc: int, device: str) -> list[int]:
        return [hlc, self(device)] if device else [0, -1]


@dataclass
class Outgoing:
    devices: DeviceIndex = field(default_factory=DeviceIndex)
    rows: list[list] = field(default_factory=list)
    fields: list[list] = field(default_factory=list)
    tombs: list[list] = field(default_factory=list)
    erasures: list[list] = field(default_factory=list)
    resolved: list[str] = field(default_factory=list)
    pending: list[dict] = field(default_factory=list)
    blobs: dict[str, str] = field(default_factory=dict)  # document id -> sha256 of its bytes
    erased_blobs: dict[str, list[str]] = field(default_factory=dict)  # erased case key -> blob file names
    published: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    carried_rows: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    carried_fields: list[tuple[str, str, str]] = field(default_factory=list)
    forgotten: list[tuple[str, str]] = field(default_factory=list)

    def change_count(self) -> int:
        return len(self.rows) + len(self.fields) + len(self.tombs) + len(self.erasures) + len(self.resolved)

    def is_empty(self) -> bool:
        return self.change_count() == 0

    def document(self, fmt: str, team_id: str, device: str, seq: int, **extra: Any) -> dict[str, Any]:
        return {
            "format": fmt,
            "version": DOC_VERSION,
            "team": team_id,
            "device": device,
            "seq": seq,
            "devices": self.devices.names,
            "rows": self.rows,
            "fields": self.fields,
            "tombs": self.tombs,
            "erasures": self.erasures,
            "resolved": self.resolved,
            "pending": self.pending,
            "blobs": [[doc_id, sha] for doc_id, sha in self.blobs.items()],
            **extra,
        }


# --- privacy -----------------------------------------------------------------------


def shared_cases(conn: Connection, candidates: set[str]) -> set[str]:
    table = entities()[CASES].table
    found: set[str] = set()
    for part in chunks(sorted(c for c in candidates if c)):
        query = select(table.c.id).where(table.c.id.in_(part), table.c.shared.is_(True))
        found |= set(conn.execute(query).scalars())
    return found


# --- values ------------------------------------------------------------------------


def read_rows(conn: Connection, name: str, row_ids: list[str]) -> dict[str, dict]:
    table = entities()[name].table
    found = {}
    for part in chunks(list(row_ids)):
        for row in conn.execute(select(table).where(table.c.id.in_(part))).mappings():
            found[row["id"]] = row
    return found


def encode_row(name: str, row) -> dict[str, Any]:
    spec = entities()[name]
    return {column: spec.encode(column, row[column]) for column in spec.columns}


def content_hashes(conn: Connection, document_ids: list[str]) -> dict[str, str]:
    hashes = {}
    for part in chunks(list(document_ids)):
        marks = ", ".join(f":p{i}" for i in range(len(part)))
        query = text(f"SELECT document_id, data FROM document_contents WHERE document_id IN ({marks})")
        for doc_id, data in conn.execute(query, {f"p{i}": v for i, v in enumerate(part)}):
            hashes[doc_id] = hashlib.sha256(bytes(data)).hexdigest()
    return hashes


def _overrides(conn: Connection, name: str, row_ids: list[str]) -> dict[str, list]:
    found: dict[str, list] = defaultdict(list)
    for part in chunks(list(row_ids)):
        query = select(sync_field_versions).where(
            sync_field_versions.c.entity == name, sync_field_versions.c.row_id.in_(part)
        )
        found_rows = conn.execute(query).all()
        for r in found_rows:
            found[r.row_id].append(r)
    return found


def _row_entry(devices: DeviceIndex, name: str, row_id: str, case_id, version, values, overrides) -> list:
    spec = entities()[name]
    per_field = {}
    for r in overrides:
        if r.field in spec.columns:
            per_field[r.field] = devices.version(r.hlc, r.device) + devices.version(r.base, r.base_device)
    return [name, row_id, case_id, *devices.version(*version), values, per_field]


# --- one local segment ---------------------------------------------------------------


def gather_pending(conn: Connection, device: str, seq: int) -> Outgoing:
    """The changes of local segment ``seq``, and the private ones that must wait."""
    out = Outgoing()
    spec_of = entities()
    new_rows: dict[str, dict[str, Any]] = defaultdict(dict)  # entity -> row_id -> sync_rows record
    for r in conn.execute(
        select(sync_rows).where(sync_rows.c.device == device, sync_rows.c.seq == seq, sync_rows.c.deleted_hlc.is_(None))
    ):
        if r.entity in spec_of:
            new_rows[r.entity][r.row_id] = r
    changed: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for r in conn.execute(
        select(sync_field_versions).where(sync_field_versions.c.device == device, sync_field_versions.c.seq == seq)
    ):
        if r.entity in spec_of and r.row_id not in new_rows[r.entity]:
            changed[r.entity][r.row_id].append(r)

    reexport_all = bool(state.get(conn, state.REEXPORT_ALL, False))
    reexport = set(state.get(conn, state.REEXPORT_CASES, []))

    # Which case each candidate belongs to now, and which of those cases are shared.
    owner: dict[tuple[str, str], str | None] = {}
    for name in spec_of:
        ids = list(new_rows[name]) + list(changed[name])
        if ids:
            for row_id, case_id in case_ids(conn, name, ids).items():
                owner[(name, row_id)] = case_id
    shared = shared_cases(conn, {c for c in owner.values() if c} | reexport)

    def exportable(name: str, case_id: str | None) -> bool:
        return spec_of[name].team_wide or (case_id is not None and case_id in shared)

    document_ids: list[str] = []
    for name, records in new_rows.items():
        if not records:
            continue
        ids = list(records)
        values = read_rows(conn, name, ids)
        overrides = _overrides(conn, name, ids)
        for row_id, record in records.items():
            if row_id not in values:
                out.forgotten.append((name, row_id))  # removed behind the ORM's back
                continue
            case_id = owner.get((name, row_id))
            if not exportable(name, case_id):
                out.carried_rows[name].append(row_id)
                continue
            out.rows.append(
                _row_entry(out.devices, name, row_id, case_id, (record.hlc, record.device),
                           encode_row(name, values[row_id]), overrides.get(row_id, []))
            )
            out.published[name].append(row_id)
            if name == "documents":
                document_ids.append(row_id)
    for name, rows in changed.items():
        if not rows:
            continue
        values = read_rows(conn, name, list(rows))
        spec = spec_of[name]
        for row_id, versions in rows.items():
            case_id = owner.get((name, row_id))
            if row_id not in values:
                continue
            if not exportable(name, case_id):
                out.carried_fields += [(name, row_id, v.field) for v in versions]
                continue
            for v in versions:
                if v.field not in spec.columns:
                    continue
                value = spec.encode(v.field, values[row_id][v.field])
                out.fields.append(
                    [name, row_id, case_id, v.field, value, *out.devices.version(v.hlc, v.device),
                     *out.devices.version(v.base, v.base_device)]
                )
            if name == "documents":
                document_ids.append(row_id)

    for r in conn.execute(select(sync_rows).where(sync_rows.c.deleted_device == device, sync_rows.c.deleted_seq == seq)):
        bases = {f: out.devices.version(*v) for f, v in (r.tomb_bases or {}).items()}
        out.tombs.append([r.entity, r.row_id, r.case_id, *out.devices.version(r.deleted_hlc, r.deleted_device), bases])

    for r in conn.execute(select(sync_erasures).where(sync_erasures.c.device == device, sync_erasures.c.seq == seq)):
        out.erasures.append([r.case_key, *out.devices.version(r.hlc, r.device)])
        out.erased_blobs[r.case_key] = list(r.blob_names or [])

    out.resolved = list(state.get(conn, RESOLVED_OUTBOX, []))

    if reexport_all or reexport:
        already = {(e[0], e[1]) for e in out.rows}
        full = gather_full(conn, None if reexport_all else reexport, devices=out.devices, skip=already)
        out.rows += full.rows
        for name, ids in full.published.items():
            out.published[name] += ids
        document_ids += full.document_ids

    out.blobs = content_hashes(conn, document_ids)
    return out


def commit_sent(conn: Connection, out: Outgoing, seq: int) -> None:
    """After sealing segment ``seq``: mark what went out, move what waits, clear the outboxes."""
    for name, ids in out.published.items():
        for part in chunks(ids):
            conn.execute(
                update(sync_rows).where(sync_rows.c.entity == name, sync_rows.c.row_id.in_(part)).values(published=True)
            )
    for name, ids in out.carried_rows.items():
        for part in chunks(ids):
            conn.execute(
                update(sync_rows).where(sync_rows.c.entity == name, sync_rows.c.row_id.in_(part)).values(seq=seq + 1)
            )
    for name, row_id, field_name in out.carried_fields:
        conn.execute(
            update(sync_field_versions)
            .where(
                sync_field_versions.c.entity == name,
                sync_field_versions.c.row_id == row_id,
                sync_field_versions.c.field == field_name,
            )
            .values(seq=seq + 1)
        )
    if out.forgotten:
        from app.storage.sync.versions import forget_rows

        forget_rows(conn, out.forgotten)
    state.put(conn, RESOLVED_OUTBOX, [])
    state.drop(conn, state.REEXPORT_CASES)
    state.drop(conn, state.REEXPORT_ALL)


# --- the whole shared state (snapshots, cases shared again) ----------------------------


@dataclass
class FullState:
    rows: list[list]
    published: dict[str, list[str]]
    document_ids: list[str]


def gather_full(
    conn: Connection,
    case_filter: set[str] | None,
    *,
    devices: DeviceIndex,
    skip: set[tuple[str, str]] = frozenset(),  # type: ignore[assignment]
) -> FullState:
    """Every shared row (of ``case_filter`` only, if given), whole, with its versions."""
    result = FullState([], defaultdict(list), [])
    shared_all = None
    for name, spec in entities().items():
        if case_filter is not None and spec.team_wide:
            continue
        query = text(
            f"SELECT t0.id AS row_id, {spec.case_sql} AS case_id, r.hlc AS hlc, r.device AS device "
            f"FROM {name} t0 JOIN sync_rows r ON r.entity = :entity AND r.row_id = t0.id"
        )
        owners = [(row.row_id, row.case_id, row.hlc, row.device) for row in conn.execute(query, {"entity": name})]
        if not spec.team_wide:
            if case_filter is not None:
                wanted = shared_cases(conn, set(case_filter))
            else:
                if shared_all is None:
                    table = entities()[CASES].table
                    shared_all = set(conn.execute(select(table.c.id).where(table.c.shared.is_(True))).scalars())
                wanted = shared_all
            owners = [o for o in owners if o[1] in wanted]
        owners = [o for o in owners if (name, o[0]) not in skip]
        if not owners:
            continue
        ids = [o[0] for o in owners]
        values = read_rows(conn, name, ids)
        overrides = _overrides(conn, name, ids)
        for row_id, case_id, hlc_value, device in owners:
            result.rows.append(
                _row_entry(devices, name, row_id, case_id, (hlc_value, device),
                           encode_row(name, values[row_id]), overrides.get(row_id, []))
            )
            result.published[name].append(row_id)
        if name == "documents":
            result.document_ids += ids
    return result


def gather_snapshot(conn: Connection) -> Outgoing:
    """Everything a new member needs: shared rows, tombstones, erasures, and rows still waiting here."""
    out = Outgoing()
    full = gather_full(conn, None, devices=out.devices)
    out.rows = full.rows
    for r in conn.execute(select(sync_rows).where(sync_rows.c.deleted_hlc.is_not(None), sync_rows.c.published.is_(True))):
        bases = {f: out.devices.version(*v) for f, v in (r.tomb_bases or {}).items()}
        out.tombs.append([r.entity, r.row_id, r.case_id, *out.devices.version(r.deleted_hlc, r.deleted_device), bases])
    for r in conn.execute(select(sync_erasures)):
        out.erasures.append([r.case_key, *out.devices.version(r.hlc, r.device)])
    out.pending = [dict(r.payload) for r in conn.execute(select(sync_pending.c.payload))]
    out.blobs = content_hashes(conn, full.document_ids)
    return out
