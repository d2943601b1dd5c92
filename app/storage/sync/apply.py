"""Merging what other devices sent into this vault.

Rules (docs/sync.md has the reasoning):

* Per field, the version with the larger hybrid logical clock wins; equal
  clocks are broken by device id. So every device ends with the same value,
  whatever order segments arrive in.
* A change carries the version it replaced on its device (its *base*). If
  that is not the version this device holds, the two edits were made
  without seeing each other: when the values differ, the losing one is
  stored as a conflict (``sync_conflicts``) — text is never dropped silently.
* Deletions are tombstones and final. A tombstone carries the versions of
  the row's text fields that the deleter saw; text edited concurrently is
  kept as a conflict of kind ``deleted``. Edits arriving for a deleted row
  are dropped the same way.
* Erasures (retention, GDPR) beat everything and leave no conflict behind.
* Rows whose parent (or whose own insert) has not arrived yet wait in
  ``sync_pending``; foreign keys are deferred to the end of the transaction.
* Two cases with the same Aktenzeichen: the one whose number was assigned
  later (by its version) gives it up; the device that assigned it renumbers
  it to the next free number, everybody else shows a placeholder until that
  renumbering arrives. Each device records a notice.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select, text, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.models.base import utcnow
from app.storage.sync import state
from app.storage.sync.entities import CASES, Entity, cascade_children, entities, order, read_raw
from app.storage.sync.erasure import (
    RECEIVED_REASON,
    case_key,
    erase_locally,
    erased_keys,
    local_cases_for,
    store_marker,
)
from app.storage.sync.schema import sync_conflicts, sync_pending
from app.storage.sync.versions import (
    NO_VERSION,
    FieldVersion,
    RowVersion,
    chunks,
    current,
    field_versions,
    put_field,
    row_versions,
    tombstone,
)

Version = tuple[int, str]
REF_PATTERN = re.compile(r"^(\d{4})-(\d{4,6})$")


# --- entries, with device indexes resolved ------------------------------------------------


@dataclass(slots=True)
class RowEntry:
    entity: str
    row_id: str
    case_id: str | None
    version: Version
    values: dict[str, Any]
    fields: dict[str, tuple[Version, Version]]  # own versions of some fields: (version, base)
    # True when ``values`` was built from exactly this Lotse's columns, in their order
    # (a sender on the same schema): then it is stored without looking each column up.
    complete: bool = False

    def version_of(self, name: str) -> tuple[Version, Version]:
        return self.fields.get(name, (self.version, NO_VERSION))

    def to_json(self) -> dict:
        return {"k": "row", "e": self.entity, "id": self.row_id, "c": self.case_id, "v": list(self.version),
                "values": self.values, "f": {k: [list(a), list(b)] for k, (a, b) in self.fields.items()}}


@dataclass
class FieldEntry:
    entity: str
    row_id: str
    case_id: str | None
    field: str
    value: Any
    version: Version
    base: Version

    def to_json(self) -> dict:
        return {"k": "field", "e": self.entity, "id": self.row_id, "c": self.case_id, "field": self.field,
                "value": self.value, "v": list(self.version), "b": list(self.base)}


@dataclass
class TombEntry:
    entity: str
    row_id: str
    case_id: str | None
    version: Version
    bases: dict[str, Version]


def _version(devices: list[str], hlc: int, index: int) -> Version:
    return (int(hlc), devices[index]) if index >= 0 else NO_VERSION


def entry_from_json(data: dict) -> RowEntry | FieldEntry:
    if data["k"] == "row":
        fields = {k: (tuple(a), tuple(b)) for k, (a, b) in data["f"].items()}
        return RowEntry(data["e"], data["id"], data["c"], tuple(data["v"]), data["values"], fields)
    return FieldEntry(data["e"], data["id"], data["c"], data["field"], data["value"], tuple(data["v"]), tuple(data["b"]))


@dataclass
class Batch:
    rows: list[RowEntry] = field(default_factory=list)
    fields: list[FieldEntry] = field(default_factory=list)
    tombs: list[TombEntry] = field(default_factory=list)
    erasures: list[tuple[str, Version]] = field(default_factory=list)
    resolved: list[str] = field(default_factory=list)
    blobs: dict[str, str] = field(default_factory=dict)
    max_hlc: int = 0

    def add_document(self, doc: dict) -> None:
        """Decode one segment or snapshot (already authenticated) into the batch."""
        devices = [str(d) for d in doc.get("devices", [])]
        known = entities()
        columns = {name: list(cols) for name, cols in doc.get("columns", {}).items()}
        # Columns this Lotse does not know (a newer sender) are dropped, per entity once.
        keep = {
            name: None if cols == list(known[name].columns) else [c in known[name].columns for c in cols]
            for name, cols in columns.items() if name in known
        }
        top = self.max_hlc
        append = self.rows.append
        for name, row_id, case_id, h, d, listed, per_field in doc.get("rows", []):
            if name not in keep:
                continue
            names, mask = columns[name], keep[name]
            if mask is None:
                values = dict(zip(names, listed, strict=True))
            else:
                values = {c: v for c, v, k in zip(names, listed, mask, strict=True) if k}
            fields = {}
            for f, v in per_field.items():
                fields[f] = (_version(devices, v[0], v[1]), _version(devices, v[2], v[3]))
                top = max(top, v[0])
            append(RowEntry(name, row_id, case_id, (h, devices[d]) if d >= 0 else NO_VERSION, values, fields,
                            mask is None))
            top = max(top, h)
        self.max_hlc = int(top)
        for e in doc.get("fields", []):
            name, row_id, case_id, field_name, value, h, d, bh, bd = e
            if name in known and field_name in known[name].columns:
                self.fields.append(
                    FieldEntry(name, row_id, case_id, field_name, value, _version(devices, h, d), _version(devices, bh, bd))
                )
                self.max_hlc = max(self.max_hlc, int(h))
        for e in doc.get("tombs", []):
            name, row_id, case_id, h, d, bases = e
            if name in known:
                self.tombs.append(
                    TombEntry(name, row_id, case_id, _version(devices, h, d),
                              {f: _version(devices, *v) for f, v in bases.items()})
                )
                self.max_hlc = max(self.max_hlc, int(h))
        for case_id, h, d in doc.get("erasures", []):
            self.erasures.append((case_id, _version(devices, h, d)))
            self.max_hlc = max(self.max_hlc, int(h))
        self.resolved += [str(k) for k in doc.get("resolved", [])]
        for doc_id, sha in doc.get("blobs", []):
            self.blobs[str(doc_id)] = str(sha)
        for data in doc.get("pending", []):
            self.add_pending(data)

    def add_pending(self, data: dict) -> None:
        entry = entry_from_json(data)
        if isinstance(entry, RowEntry):
            self.rows.append(entry)
        else:
            self.fields.append(entry)


@dataclass
class ApplyReport:
    received: int = 0
    conflicts: int = 0
    touched_cases: set[str] = field(default_factory=set)
    deleted_cases: set[str] = field(default_factory=set)
    erased_cases: set[str] = field(default_factory=set)
    waiting: int = 0
    blobs_wanted: dict[str, str] = field(default_factory=dict)


# --- the merge ---------------------------------------------------------------------------


class Applier:
    def __init__(self, session: Session, device_id: str) -> None:
        self.session = session
        self.conn = session.connection()
        self.device = device_id
        self.report = ApplyReport()
        self.erased: set[str] = set()  # keys of erased cases
        self._keys: dict[str, str] = {}
        self.renumber: list[str] = []
        self.new_pending: list[tuple[str, str, str | None, dict]] = []

    # --- entry point ---------------------------------------------------------------

    def apply(self, batch: Batch) -> ApplyReport:
        conn = self.conn
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        self._load_waiting(batch)
        self._erase(batch.erasures)
        self.erased = erased_keys(conn)
        self._apply_tombstones(batch.tombs)
        self._apply_rows(batch.rows)
        self._apply_fields(batch.fields)
        self._close_resolved(batch.resolved)
        self._settle_refs()
        self._store_waiting()
        if batch.max_hlc:
            state.observe_clock(conn, batch.max_hlc)
        self.report.blobs_wanted = {
            doc_id: sha for doc_id, sha in batch.blobs.items() if self._row_exists("documents", doc_id)
        }
        self.report.touched_cases -= self.report.erased_cases | self.report.deleted_cases
        return self.report

    # --- waiting rows ------------------------------------------------------------------

    def _load_waiting(self, batch: Batch) -> None:
        rows = self.conn.execute(select(sync_pending.c.id, sync_pending.c.payload)).all()
        if not rows:
            return
        for _id, payload in rows:
            batch.add_pending(dict(payload))
        self.conn.execute(delete(sync_pending))
        self.report.received -= len(rows)  # counted when they first arrived

    def _wait(self, entry: RowEntry | FieldEntry) -> None:
        self.new_pending.append((entry.entity, entry.row_id, entry.case_id, entry.to_json()))

    def _store_waiting(self) -> None:
        if self.new_pending:
            now = utcnow()
            self.conn.execute(
                sync_pending.insert(),
                [dict(entity=e, row_id=r, case_id=c, payload=p, received_at=now) for e, r, c, p in self.new_pending],
            )
        self.report.waiting = len(self.new_pending)

    # --- erasures ----------------------------------------------------------------------

    def _erase(self, erasures: list[tuple[str, Version]]) -> None:
        known = erased_keys(self.conn)
        fresh = {key: version for key, version in erasures if key not in known}
        if not fresh:
            return
        local = local_cases_for(self.conn, set(fresh))
        for key, version in fresh.items():
            self.report.received += 1
            case_id = local.get(key)
            if case_id is None:
                store_marker(self.conn, key, version, seq=0, blob_names=[])
                continue
            erase_locally(self.session, case_id, version, seq=0, blob_names=[], reason=RECEIVED_REASON)
            self.report.erased_cases.add(case_id)

    def is_erased(self, case_id: str | None) -> bool:
        if not case_id or not self.erased:
            return False
        key = self._keys.get(case_id)
        if key is None:
            key = self._keys[case_id] = case_key(case_id)
        return key in self.erased

    # --- conflicts -----------------------------------------------------------------------

    def conflict(
        self,
        kind: str,
        spec: Entity,
        row_id: str,
        case_id: str | None,
        field_name: str,
        mine: Any,
        theirs: Any,
        mine_version: Version,
        theirs_version: Version,
        winner: str,
    ) -> None:
        ends = sorted([f"{mine_version[0]}@{mine_version[1]}", f"{theirs_version[0]}@{theirs_version[1]}"])
        key = f"{spec.name}:{row_id}:{field_name}:{ends[0]}:{ends[1]}"
        stmt = sqlite_insert(sync_conflicts).values(
            kind=kind, entity=spec.name, row_id=row_id, case_id=case_id, field=field_name,
            mine=mine, theirs=theirs, mine_hlc=mine_version[0], mine_device=mine_version[1] or None,
            theirs_hlc=theirs_version[0], theirs_device=theirs_version[1] or None,
            winner=winner, pair_key=key, detected_at=utcnow(),
        ).on_conflict_do_nothing(index_elements=["pair_key"])
        if self.conn.execute(stmt).rowcount:
            self.report.conflicts += 1
            if case_id:
                self.report.touched_cases.add(case_id)

    def _lost_text(self, spec: Entity, row_id: str, case_id, values: dict, versions, tomb: Version, *, local: bool) -> None:
        """Text of a row that is gone, edited where the deletion was not seen: keep it visible."""
        for name in spec.text_fields:
            value = values.get(name)
            if value in (None, ""):
                continue
            version = versions(name)
            if local:
                self.conflict("deleted", spec, row_id, case_id, name, value, None, version, tomb, "theirs")
            else:
                self.conflict("deleted", spec, row_id, case_id, name, None, value, tomb, version, "mine")

    # --- tombstones ----------------------------------------------------------------------

    def _apply_tombstones(self, tombs: list[TombEntry]) -> None:
        if not tombs:
            return
        specs = entities()
        incoming = {(t.entity, t.row_id) for t in tombs}
        doomed: dict[str, list[str]] = defaultdict(list)
        by_entity: dict[str, list[TombEntry]] = defaultdict(list)
        for t in tombs:
            by_entity[t.entity].append(t)
        for name, entries in by_entity.items():
            spec = specs[name]
            ids = [t.row_id for t in entries]
            rows = row_versions(self.conn, name, ids)
            fields = field_versions(self.conn, name, ids)
            present = self._existing(name, ids)
            for t in entries:
                row = rows.get(t.row_id)
                if (row is not None and row.deleted) or self.is_erased(t.case_id):
                    continue
                self.report.received += 1
                if t.row_id in present:
                    values = present[t.row_id]
                    for f in spec.text_fields:
                        now = current(row, fields.get(t.row_id), f)
                        if now.version != t.bases.get(f, NO_VERSION) and values.get(f) not in (None, ""):
                            self.conflict("deleted", spec, t.row_id, t.case_id, f, values[f], None,
                                          now.version, t.version, "theirs")
                    doomed[name].append(t.row_id)
                    # Rows the database deletes with it; those the deleter did not know were made concurrently.
                    for child_name, child_id in cascade_children(self.conn, name, [t.row_id]):
                        if (child_name, child_id) in incoming:
                            continue
                        self._bury_unknown_child(child_name, child_id, t)
                        doomed[child_name].append(child_id)
                tombstone(self.conn, name, t.row_id, t.case_id if row is None else row.case_id, t.version,
                          {f: list(v) for f, v in t.bases.items()}, seq=0)
                if name == CASES:
                    self.report.deleted_cases.add(t.row_id)
                elif t.case_id:
                    self.report.touched_cases.add(t.case_id)
        self._delete_rows(doomed)

    def _bury_unknown_child(self, name: str, row_id: str, parent: TombEntry) -> None:
        spec = entities()[name]
        row = row_versions(self.conn, name, [row_id]).get(row_id)
        if row is not None and row.deleted:
            return
        fields = field_versions(self.conn, name, [row_id]).get(row_id)
        values = self._existing(name, [row_id]).get(row_id, {})
        case_id = row.case_id if row else parent.case_id
        self._lost_text(spec, row_id, case_id, values, lambda f: current(row, fields, f).version, parent.version, local=True)
        tombstone(self.conn, name, row_id, case_id, parent.version, {}, seq=0)

    def _delete_rows(self, doomed: dict[str, list[str]]) -> None:
        from app.services.search import remove_case

        for case_id in doomed.get(CASES, []):
            remove_case(self.session, case_id)
        specs = entities()
        for name in reversed(list(specs)):
            ids = doomed.get(name)
            if not ids:
                continue
            table = specs[name].table
            for part in chunks(list(dict.fromkeys(ids))):
                self.conn.execute(table.delete().where(table.c.id.in_(part)))
                self.conn.execute(
                    delete(sync_pending).where(sync_pending.c.entity == name, sync_pending.c.row_id.in_(part))
                )

    # --- rows ---------------------------------------------------------------------------

    def _existing(self, name: str, ids: list[str]) -> dict[str, dict]:
        return read_raw(self.conn, name, ids)

    def _row_exists(self, name: str, row_id: str) -> bool:
        table = entities()[name].table
        return self.conn.execute(select(table.c.id).where(table.c.id == row_id)).first() is not None

    def _edit_on_deleted(self, spec: Entity, entry: RowEntry | FieldEntry, row: RowVersion) -> None:
        """A change for a row deleted here: dropped, its text kept if the deleter had not seen it."""
        if self.is_erased(entry.case_id):
            return
        tomb = (row.deleted_hlc or 0, row.deleted_device or "")
        bases = {f: tuple(v) for f, v in (row.tomb_bases or {}).items()}
        if isinstance(entry, FieldEntry):
            concurrent = entry.version != bases.get(entry.field, NO_VERSION)
            if entry.field in spec.text_fields and concurrent and entry.value not in (None, ""):
                self.conflict("deleted", spec, entry.row_id, entry.case_id, entry.field, None, entry.value,
                                  tomb, entry.version, "mine")
            return
        for name in spec.text_fields:
            version, _base = entry.version_of(name)
            value = entry.values.get(name)
            if version != bases.get(name, NO_VERSION) and value not in (None, ""):
                self.conflict("deleted", spec, entry.row_id, entry.case_id, name, None, value, tomb, version, "mine")

    def _apply_rows(self, entries: list[RowEntry]) -> None:
        if not entries:
            return
        specs = entities()
        by_entity: dict[str, list[RowEntry]] = defaultdict(list)
        for e in sorted(entries, key=lambda e: (order(e.entity), e.version)):
            by_entity[e.entity].append(e)
        for name, group in by_entity.items():
            spec = specs[name]
            ids = [e.row_id for e in group]
            rows = row_versions(self.conn, name, ids)
            present = set(self._existing_ids(name, ids))
            fresh: dict[str, RowEntry] = {}
            merges: list[RowEntry] = []
            for e in group:
                if self.is_erased(e.case_id):
                    continue
                row = rows.get(e.row_id)
                if row is not None and row.deleted:
                    self._edit_on_deleted(spec, e, row)
                    continue
                if e.row_id in present or e.row_id in fresh:
                    merges.append(e)
                else:
                    fresh[e.row_id] = e
            self._insert_fresh(spec, list(fresh.values()))
            for e in merges:
                self._merge_row(spec, e)

    def _existing_ids(self, name: str, ids: list[str]) -> list[str]:
        found: list[str] = []
        for part in chunks(list(dict.fromkeys(ids))):
            sql = f'SELECT "id" FROM "{name}" WHERE "id" IN ({", ".join("?" for _ in part)})'
            found += [r[0] for r in self.conn.exec_driver_sql(sql, tuple(part))]
        return found

    def _insert_fresh(self, spec: Entity, entries: list[RowEntry]) -> None:
        if not entries:
            return
        verdicts = self._parents_ready(spec, entries)
        ready: list[RowEntry] = []
        for e in entries:
            verdict = verdicts.get(e.row_id, "ready")
            if verdict == "ready":
                ready.append(e)
            elif verdict == "wait":
                self._wait(e)
            else:  # a parent is gone for good: so is this row
                self._lost_text(spec, e.row_id, e.case_id, e.values, lambda f, e=e: e.version_of(f)[0],
                                verdict, local=False)
                tombstone(self.conn, spec.name, e.row_id, e.case_id, verdict, {}, seq=0)
        if not ready:
            return
        # In key order: random UUIDs inserted at random places in a big table miss the
        # page cache on every row; sorted, the B-tree fills page by page.
        ready.sort(key=lambda e: e.row_id)
        if spec.name == CASES:
            # Numbers nobody here uses go in at once; duplicates one by one, each settled.
            refs = [e.values.get("ref") for e in ready]
            taken = set(self.conn.execute(select(spec.table.c.ref).where(spec.table.c.ref.in_(refs))).scalars())
            plain, clashing = [], []
            for e in ready:
                ref = e.values.get("ref")
                (clashing if ref in taken else plain).append(e)
                taken.add(ref)
            if plain:
                self.conn.exec_driver_sql(spec.insert_sql(spec.columns), [self._stored_row(spec, e) for e in plain])
            for e in clashing:
                e.values["ref"] = self._place_ref(e.row_id, e.values.get("ref"), e.version_of("ref")[0])
                self.conn.exec_driver_sql(spec.insert_sql(spec.columns), self._stored_row(spec, e))
        else:
            self.conn.exec_driver_sql(spec.insert_sql(spec.columns), [self._stored_row(spec, e) for e in ready])
        self.conn.exec_driver_sql(
            "INSERT OR REPLACE INTO sync_rows (entity, row_id, case_id, hlc, device, seq) VALUES (?, ?, ?, ?, ?, 0)",
            [(spec.name, e.row_id, e.case_id, e.version[0], e.version[1]) for e in ready],
        )
        overrides = [
            (spec.name, e.row_id, f, v[0], v[1], b[0], b[1]) for e in ready for f, (v, b) in e.fields.items()
        ]
        if overrides:
            self.conn.exec_driver_sql(
                "INSERT OR REPLACE INTO sync_field_versions (entity, row_id, field, hlc, device, base, base_device, seq) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
                overrides,
            )
        self.report.received += len(ready)
        for e in ready:
            if e.case_id:
                self.report.touched_cases.add(e.case_id)
            elif spec.name == CASES:
                self.report.touched_cases.add(e.row_id)

    def _stored_row(self, spec: Entity, e: RowEntry) -> tuple:
        values = e.values
        if e.complete and len(values) == len(spec.columns):  # edits since kept the keys and their order
            return (e.row_id, *values.values())
        # A field this Lotse has and the sender's did not gets the column's default.
        return (e.row_id, *[values[c] if c in values else spec.raw_defaults[c] for c in spec.columns])

    def _parents_ready(self, spec: Entity, entries: list[RowEntry]) -> dict[str, Any]:
        """Per row: 'ready', 'wait', or the version of the tombstone that took a parent."""
        verdicts: dict[str, Any] = {}
        for column, parent, nullable in spec.parents:
            wanted = {e.values.get(column) for e in entries} - {None, ""}
            if not wanted:
                continue
            missing = wanted - set(self._existing_ids(parent, list(wanted)))
            if not missing:
                continue
            gone = {k: v for k, v in row_versions(self.conn, parent, list(missing)).items() if v.deleted}
            for e in entries:
                value = e.values.get(column)
                if value not in missing or verdicts.get(e.row_id, "ready") != "ready":
                    continue
                if value in gone:
                    if nullable:
                        e.values[column] = None  # what ON DELETE SET NULL did on the other devices
                    else:
                        verdicts[e.row_id] = (gone[value].deleted_hlc, gone[value].deleted_device)
                else:
                    verdicts[e.row_id] = "wait"
        return verdicts

    def _merge_row(self, spec: Entity, e: RowEntry) -> None:
        self.report.received += 1
        for name in spec.columns:
            if name in e.values:
                version, base = e.version_of(name)
                self._merge_field(spec, e.row_id, e.case_id, name, e.values[name], version, base)

    # --- fields --------------------------------------------------------------------------

    def _apply_fields(self, entries: list[FieldEntry]) -> None:
        if not entries:
            return
        specs = entities()
        by_entity: dict[str, list[str]] = defaultdict(list)
        for e in entries:
            by_entity[e.entity].append(e.row_id)
        dead: dict[str, dict[str, RowVersion]] = {}
        present: dict[str, set[str]] = {}
        for name, ids in by_entity.items():
            versions = row_versions(self.conn, name, ids)
            dead[name] = {k: v for k, v in versions.items() if v.deleted}
            present[name] = set(self._existing_ids(name, ids))
        for e in sorted(entries, key=lambda e: e.version):
            spec = specs[e.entity]
            if self.is_erased(e.case_id):
                continue
            if e.row_id in dead[e.entity]:
                self._edit_on_deleted(spec, e, dead[e.entity][e.row_id])
                continue
            if e.row_id not in present[e.entity]:
                if self._row_exists(e.entity, e.row_id):
                    present[e.entity].add(e.row_id)  # arrived in this batch
                else:
                    self._wait(e)
                    continue
            self.report.received += 1
            self._merge_field(spec, e.row_id, e.case_id, e.field, e.value, e.version, e.base)

    def _merge_field(self, spec: Entity, row_id: str, case_id, name: str, value, version: Version, base: Version) -> None:
        row = row_versions(self.conn, spec.name, [row_id]).get(row_id)
        own = field_versions(self.conn, spec.name, [row_id]).get(row_id)
        now: FieldVersion = current(row, own, name)
        if version == now.version:
            return  # already here
        held = self.conn.exec_driver_sql(f'SELECT "{name}" FROM "{spec.name}" WHERE "id" = ?', (row_id,)).scalar()
        wins = version > now.version
        follows = base == now.version  # the sender replaced exactly what we hold
        superseded = version == now.base  # what we hold replaced exactly the incoming one
        if wins:
            stored = value
            if spec.name == CASES and name == "ref":
                stored = self._place_ref(row_id, value, version)
            self.conn.exec_driver_sql(f'UPDATE "{spec.name}" SET "{name}" = ? WHERE "id" = ?', (stored, row_id))
            put_field(self.conn, spec.name, row_id, name, version, base, seq=0)
            if not follows and held != value:
                self.conflict("edit", spec, row_id, case_id, name, held, value, now.version, version, "theirs")
        elif not superseded and held != value:
            self.conflict("edit", spec, row_id, case_id, name, held, value, now.version, version, "mine")
        if case_id:
            self.report.touched_cases.add(case_id)
        elif spec.name == CASES:
            self.report.touched_cases.add(row_id)

    # --- resolutions made elsewhere ----------------------------------------------------------

    def _close_resolved(self, keys: list[str]) -> None:
        for part in chunks(list(dict.fromkeys(keys))):
            self.conn.execute(
                update(sync_conflicts)
                .where(sync_conflicts.c.pair_key.in_(part), sync_conflicts.c.resolved_at.is_(None))
                .values(resolved_at=utcnow(), resolution="elsewhere")
            )

    # --- Aktenzeichen -----------------------------------------------------------------------

    def _ref_version(self, case_id: str) -> Version:
        row = row_versions(self.conn, CASES, [case_id]).get(case_id)
        own = field_versions(self.conn, CASES, [case_id]).get(case_id)
        return current(row, own, "ref").version

    def _place_ref(self, case_id: str, ref: str | None, version: Version) -> str | None:
        """The value to store for ``case_id``'s reference ``ref``, settling a duplicate."""
        if not ref:
            return ref
        table = entities()[CASES].table
        other = self.conn.execute(select(table.c.id).where(table.c.ref == ref, table.c.id != case_id)).scalar()
        if other is None:
            return ref
        other_version = self._ref_version(other)
        if version > other_version:
            loser, loser_version, winner_version = case_id, version, other_version
        else:
            loser, loser_version, winner_version = other, other_version, version
        spec = entities()[CASES]
        self.conflict("duplicate_ref", spec, loser, loser, "ref", ref, ref, loser_version, winner_version, "theirs")
        placeholder = f"{ref}~{loser[:8]}"
        if loser_version[1] == self.device:
            self.renumber.append(loser)  # this device gave out the number: it picks the next one
        self.report.touched_cases |= {case_id, other}
        if loser == case_id:
            return placeholder
        self.conn.execute(update(table).where(table.c.id == other).values(ref=placeholder))
        return ref

    def _settle_refs(self) -> None:
        """Renumber the cases this device numbered twice, as local changes that win everywhere."""
        if not self.renumber:
            return
        from app.storage.sync.capture import Recorder

        table = entities()[CASES].table
        for case_id in dict.fromkeys(self.renumber):
            held = self.conn.execute(select(table.c.ref).where(table.c.id == case_id)).scalar()
            if held is None:
                continue
            original = held.split("~")[0]
            new_ref = next_free_ref(self.conn, original)
            self.conn.execute(update(table).where(table.c.id == case_id).values(ref=new_ref))
            Recorder(self.conn, self.session).updated(CASES, [(case_id, ["ref"])])
            self.report.touched_cases.add(case_id)


def next_free_ref(conn, ref: str) -> str:
    """The next free number of the same year (``2026-0043`` -> ``2026-0051``), or ``ref-2`` …"""
    match = REF_PATTERN.match(ref)
    if match:
        year, width = match.group(1), len(match.group(2))
        refs = conn.execute(
            text("SELECT ref FROM cases WHERE ref >= :lo AND ref < :hi"), {"lo": f"{year}-", "hi": f"{year}."}
        ).scalars()
        highest = max((int(m.group(2)) for r in refs if (m := REF_PATTERN.match(r))), default=0)
        return f"{year}-{highest + 1:0{max(width, 4)}d}"
    n = 2
    while conn.execute(text("SELECT 1 FROM cases WHERE ref = :r"), {"r": f"{ref}-{n}"}).first():
        n += 1
    return f"{ref}-{n}"
