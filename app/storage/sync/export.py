"""What this device sends: the changes of one local segment, or its whole shared state.

A segment carries, for the local segment number it is written for:

* ``rows``: rows new to the team, whole, with the version of each field
  (values listed in the order of ``columns[entity]``);
* ``fields``: changed fields of rows the team has, each with the version it
  replaced (``base``), which is how receivers tell a concurrent edit from a
  later one;
* ``tombs``: deleted rows, with the versions of their text fields the
  deleter saw;
* ``erasures``: cases erased under the retention rules (a hash of the case id);
* ``resolved``: conflicts resolved here, so they close everywhere.

Rows of a case that is not shared stay behind: their versions move on to
the next segment number, so they go out the day the case is shared. Values
are read from the rows at the moment of writing, in storage form.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select, text, update

from app.storage.sync import state
from app.storage.sync.entities import CASES, entities, owners, read_raw
from app.storage.sync.schema import sync_erasures, sync_field_versions, sync_pending, sync_rows
from app.storage.sync.versions import chunks, forget_rows

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
    carried_rows: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    carried_fields: list[tuple[str, str, str]] = field(default_factory=list)
    forgotten: list[tuple[str, str]] = field(default_factory=list)

    def change_count(self) -> int:
        return len(self.rows) + len(self.fields) + len(self.tombs) + len(self.erasures) + len(self.resolved)

    def is_empty(self) -> bool:
        return self.change_count() == 0

    def document(self, fmt: str, team_id: str, device: str, seq: int, **extra: Any) -> dict[str, Any]:
        present = {entry[0] for entry in self.rows}
        return {
            "format": fmt,
            "version": DOC_VERSION,
            "team": team_id,
            "device": device,
            "seq": seq,
            "devices": self.devices.names,
            "columns": {name: list(entities()[name].columns) for name in sorted(present)},
            "rows": self.rows,
            "fields": self.fields,
            "tombs": self.tombs,
            "erasures": self.erasures,
            "resolved": self.resolved,
            "pending": self.pending,
            "blobs": [[doc_id, sha] for doc_id, sha in self.blobs.items()],
            **extra,
        }


# --- helpers ---------------------------------------------------------------------------


def shared_cases(conn: Connection, candidates: set[str]) -> set[str]:
    table = entities()[CASES].table
    found: set[str] = set()
    for part in chunks(sorted(c for c in candidates if c)):
        query = select(table.c.id).where(table.c.id.in_(part), table.c.shared.is_(True))
        found |= set(conn.execute(query).scalars())
    return found


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
        for r in conn.execute(query):
            found[r.row_id].append(r)
    return found


def _pending_overrides(conn: Connection, name: str, device: str, seq: int) -> dict[str, list]:
    """Field versions of the rows that go out whole with local segment ``seq`` (one query)."""
    query = (
        select(sync_field_versions)
        .join(
            sync_rows,
            (sync_rows.c.entity == sync_field_versions.c.entity) & (sync_rows.c.row_id == sync_field_versions.c.row_id),
        )
        .where(sync_rows.c.entity == name, sync_rows.c.device == device, sync_rows.c.seq == seq, sync_rows.c.seq > 0)
    )
    found: dict[str, list] = defaultdict(list)
    for r in conn.execute(query):
        found[r.row_id].append(r)
    return found


def _row_entry(devices: DeviceIndex, name: str, row_id: str, case_id, version, values: dict, overrides) -> list:
    spec = entities()[name]
    per_field = {}
    for r in overrides:
        if r.field in spec.columns:
            per_field[r.field] = devices.version(r.hlc, r.device) + devices.version(r.base, r.base_device)
    # ``values`` comes from ``read_raw``: every column, in ``spec.columns`` order.
    return [name, row_id, case_id, *devices.version(*version), list(values.values()), per_field]


# --- one local segment ---------------------------------------------------------------


def gather_pending(conn: Connection, device: str, seq: int) -> Outgoing:
    """The changes of local segment ``seq``, and the private ones that must wait."""
    out = Outgoing()
    spec_of = entities()
    new_rows: dict[str, dict[str, tuple[int, str]]] = defaultdict(dict)  # entity -> row_id -> version
    for entity, row_id, hlc_value, owner_device in conn.exec_driver_sql(
        "SELECT entity, row_id, hlc, device FROM sync_rows "
        "WHERE device = ? AND seq = ? AND seq > 0 AND deleted_hlc IS NULL",
        (device, seq),
    ).fetchall():
        if entity in spec_of:
            new_rows[entity][row_id] = (hlc_value, owner_device)
    changed: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for r in conn.execute(
        select(sync_field_versions).where(
            sync_field_versions.c.device == device, sync_field_versions.c.seq == seq, sync_field_versions.c.seq > 0
        )
    ):
        if r.entity in spec_of and r.row_id not in new_rows[r.entity]:
            changed[r.entity][r.row_id].append(r)

    reexport_all = bool(state.get(conn, state.REEXPORT_ALL, False))
    reexport = set(state.get(conn, state.REEXPORT_CASES, []))

    values: dict[str, dict[str, dict]] = {}
    owner: dict[tuple[str, str], str | None] = {}
    for name in spec_of:
        ids = list(new_rows[name]) + list(changed[name])
        if ids:
            values[name] = read_raw(conn, name, ids)
            for row_id, case_id in owners(conn, name, values[name]).items():
                owner[(name, row_id)] = case_id
    shared = shared_cases(conn, {c for c in owner.values() if c} | reexport)

    def exportable(name: str, case_id: str | None) -> bool:
        return spec_of[name].team_wide or (case_id is not None and case_id in shared)

    document_ids: list[str] = []
    for name, records in new_rows.items():
        if not records:
            continue
        overrides = _pending_overrides(conn, name, device, seq)
        for row_id, version in records.items():
            row = values[name].get(row_id)
            if row is None:
                out.forgotten.append((name, row_id))  # removed behind the ORM's back
                continue
            case_id = owner.get((name, row_id))
            if not exportable(name, case_id):
                out.carried_rows[name].append(row_id)
                continue
            out.rows.append(
                _row_entry(out.devices, name, row_id, case_id, version, row, overrides.get(row_id, []))
            )
            if name == "documents":
                document_ids.append(row_id)
    for name, rows in changed.items():
        if not rows:
            continue
        spec = spec_of[name]
        for row_id, versions in rows.items():
            row = values[name].get(row_id)
            if row is None:
                continue
            case_id = owner.get((name, row_id))
            if not exportable(name, case_id):
                out.carried_fields += [(name, row_id, v.field) for v in versions]
                continue
            for v in versions:
                if v.field in spec.columns:
                    out.fields.append(
                        [name, row_id, case_id, v.field, row[v.field], *out.devices.version(v.hlc, v.device),
                         *out.devices.version(v.base, v.base_device)]
                    )
            if name == "documents":
                document_ids.append(row_id)

    for r in conn.execute(
        select(sync_rows).where(
            sync_rows.c.deleted_device == device, sync_rows.c.deleted_seq == seq, sync_rows.c.deleted_hlc.is_not(None)
        )
    ):
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
        document_ids += full.document_ids

    out.blobs = content_hashes(conn, document_ids)
    return out


def commit_sent(conn: Connection, out: Outgoing, device: str, seq: int) -> None:
    """After sealing segment ``seq``: move what waits on to the next number, clear the outboxes."""
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
        forget_rows(conn, out.forgotten)
    # What stays numbered ``seq`` went out now: own versions below next_seq are sent ones.
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
    skip: set[tuple[str, str]] | None = None,
) -> FullState:
    """Every shared row (of ``case_filter`` only, if given), whole, with its versions."""
    result = FullState([], defaultdict(list), [])
    skip = skip or set()
    table = entities()[CASES].table
    if case_filter is None:
        wanted = set(conn.execute(select(table.c.id).where(table.c.shared.is_(True))).scalars())
    else:
        wanted = shared_cases(conn, set(case_filter))
    for name, spec in entities().items():
        if case_filter is not None and spec.team_wide:
            continue
        versions = {
            r.row_id: (r.hlc, r.device)
            for r in conn.execute(
                select(sync_rows.c.row_id, sync_rows.c.hlc, sync_rows.c.device).where(
                    sync_rows.c.entity == name, sync_rows.c.deleted_hlc.is_(None)
                )
            )
        }
        if case_filter is None:
            rows = read_raw(conn, name, list(versions))
        else:
            query = text(f"SELECT t0.id FROM {name} t0 WHERE {spec.case_sql} IN (SELECT value FROM json_each(:ids))")
            ids = list(conn.execute(query, {"ids": json.dumps(sorted(wanted))}).scalars())
            rows = read_raw(conn, name, [i for i in ids if i in versions])
        cases = owners(conn, name, rows)
        chosen = [
            row_id for row_id in rows
            if (name, row_id) not in skip and (spec.team_wide or cases.get(row_id) in wanted)
        ]
        if not chosen:
            continue
        overrides = _overrides(conn, name, chosen)
        for row_id in chosen:
            result.rows.append(
                _row_entry(devices, name, row_id, cases.get(row_id), versions[row_id], rows[row_id], overrides.get(row_id, []))
            )
            result.published[name].append(row_id)
        if name == "documents":
            result.document_ids += chosen
    return result


def gather_snapshot(conn: Connection) -> Outgoing:
    """Everything a new member needs: shared rows, tombstones, erasures, and rows still waiting here."""
    out = Outgoing()
    full = gather_full(conn, None, devices=out.devices)
    out.rows = full.rows
    for r in conn.execute(select(sync_rows).where(sync_rows.c.deleted_hlc.is_not(None))):
        bases = {f: out.devices.version(*v) for f, v in (r.tomb_bases or {}).items()}
        out.tombs.append([r.entity, r.row_id, r.case_id, *out.devices.version(r.deleted_hlc, r.deleted_device), bases])
    for r in conn.execute(select(sync_erasures)):
        out.erasures.append([r.case_key, *out.devices.version(r.hlc, r.device)])
    out.pending = [dict(r.payload) for r in conn.execute(select(sync_pending.c.payload))]
    out.blobs = content_hashes(conn, full.document_ids)
    return out
