"""Change capture: every change to a syncable row is recorded in the same
transaction, without services doing anything.

Listeners on the Session class see each flush: inserts, updates (the columns
whose value changed) and deletes (including rows the database deletes by
cascade, which the ORM never sees). For each they record the version in
``sync_rows``/``sync_field_versions``: a fresh hybrid logical clock, this
device, the local segment it will go out in, and for an update the version
it replaced. Values are not copied: the next segment reads them from the
rows themselves, so repeated edits between two syncs travel once and an
erasure leaves no copy behind.

ORM-enabled ``update()``/``delete()`` statements are captured too (their rows
are read before and after). Plain SQL text bypasses capture; rows inserted
that way, or with bulk ``insert()``, are picked up as new at the next sync.

Sessions that apply received changes set ``session.info[APPLYING]``: those
changes are already versioned and must not echo back as local ones.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, event, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session, object_session

from app.models import DocumentContent
from app.models.base import Base
from app.storage.sync import state
from app.storage.sync.context import context_for, device_of
from app.storage.sync.entities import CASES, PERSONS, cascade_children, case_ids, entities, entity
from app.storage.sync.erasure import remember_attachments
from app.storage.sync.schema import sync_rows
from app.storage.sync.versions import (
    current,
    drop_fields,
    field_versions,
    forget_rows,
    put_field,
    put_row,
    row_versions,
    tombstone,
)

APPLYING = "lotse.sync.applying"
_DELETED = "lotse.sync.deleted"
_registered = False


def register() -> None:
    """Install the listeners once per process (importing app.storage.sync does it)."""
    global _registered
    if _registered:
        return
    event.listen(Session, "after_flush", _after_flush)
    event.listen(Session, "after_rollback", _forget_deleted)
    event.listen(Session, "do_orm_execute", _on_execute)
    event.listen(Base, "before_delete", _before_delete, propagate=True)
    _registered = True


class Recorder:
    """Writes the versions of one flush: one clock value for all of it."""

    def __init__(self, conn: Connection, session_or_engine) -> None:
        bind = session_or_engine.get_bind() if isinstance(session_or_engine, Session) else session_or_engine
        self.conn = conn
        self.ctx = context_for(bind)
        self.device = device_of(conn)
        state.ensure_device(conn, self.device)
        self.seq = state.pending_seq(conn)
        self.clock = state.next_clock(conn, self.ctx)
        self.version = (self.clock, self.device)

    def _unsent(self, row) -> bool:
        """An own row version not in any segment yet: nobody else has the row."""
        return row.device == self.device and row.seq >= self.seq

    # --- inserts -----------------------------------------------------------------

    def inserted(self, name: str, row_ids: list[str]) -> None:
        cases = case_ids(self.conn, name, row_ids)
        for row_id in row_ids:
            put_row(self.conn, name, row_id, cases.get(row_id), self.version, seq=self.seq)
        drop_fields(self.conn, name, row_ids)
        if name == CASES:
            self._follow_persons(row_ids)

    # --- updates -----------------------------------------------------------------

    def updated(self, name: str, changes: list[tuple[str, list[str]]]) -> None:
        spec = entities()[name]
        ids = [row_id for row_id, _ in changes]
        rows = row_versions(self.conn, name, ids)
        fields = field_versions(self.conn, name, ids)
        remap: list[str] = []
        links = {column for column, _parent, _nullable in spec.parents} | {"case_id"}
        for row_id, changed in changes:
            row = rows.get(row_id)
            if row is not None and row.deleted:
                continue
            if row is None or self._unsent(row):
                # Nobody else has this row yet (or it predates sync): it goes out whole.
                case_id = case_ids(self.conn, name, [row_id]).get(row_id)
                put_row(self.conn, name, row_id, case_id, self.version, seq=self.seq)
                continue
            own = fields.get(row_id, {})
            for field in changed:
                now = current(row, own, field)
                if field in own and now.device == self.device and now.seq == self.seq:
                    base = now.base  # our unsent edit edited again: what others have is still its base
                else:
                    base = now.version
                put_field(self.conn, name, row_id, field, self.version, base, seq=self.seq)
            if links & set(changed):
                remap.append(row_id)
        if remap:
            self.refresh_cases(name, remap)
        if name == CASES:
            self._case_changes(changes)

    def _case_changes(self, changes: list[tuple[str, list[str]]]) -> None:
        from app.models import Case

        table = Case.__table__
        shared_now = [row_id for row_id, changed in changes if "shared" in changed]
        if shared_now:
            query = select(table.c.id).where(table.c.id.in_(shared_now), table.c.shared.is_(True))
            # A case shared again goes out whole: members may have missed its private time.
            state.add_reexport(self.conn, list(self.conn.execute(query).scalars()))
        moved = [row_id for row_id, changed in changes if "person_id" in changed]
        if moved:
            self._follow_persons(moved)

    def _follow_persons(self, case_row_ids: list[str]) -> None:
        """A person (and their residence documents) belongs to the case that refers to them."""
        from app.models import Case, ResidenceDocument

        people = list(
            self.conn.execute(select(Case.__table__.c.person_id).where(Case.__table__.c.id.in_(case_row_ids))).scalars()
        )
        if not people:
            return
        self.refresh_cases(PERSONS, people)
        docs = ResidenceDocument.__table__
        doc_ids = list(self.conn.execute(select(docs.c.id).where(docs.c.person_id.in_(people))).scalars())
        if doc_ids:
            self.refresh_cases(docs.name, doc_ids)

    def refresh_cases(self, name: str, row_ids: list[str]) -> None:
        for row_id, case_id in case_ids(self.conn, name, row_ids).items():
            self.conn.execute(
                sync_rows.update()
                .where(sync_rows.c.entity == name, sync_rows.c.row_id == row_id)
                .values(case_id=case_id)
            )

    # --- deletes -----------------------------------------------------------------

    def deleted(self, keys: list[tuple[str, str]]) -> None:
        by_entity: dict[str, list[str]] = defaultdict(list)
        for name, row_id in dict.fromkeys(keys):
            by_entity[name].append(row_id)
        for name, ids in by_entity.items():
            spec = entities()[name]
            rows = row_versions(self.conn, name, ids)
            fields = field_versions(self.conn, name, ids)
            forget = []
            for row_id in ids:
                row = rows.get(row_id)
                if row is None or row.deleted:
                    continue  # older than sync (never left this vault), or gone already
                if self._unsent(row):
                    forget.append((name, row_id))
                    continue
                bases = {f: list(current(row, fields.get(row_id), f).version) for f in spec.text_fields}
                tombstone(self.conn, name, row_id, row.case_id, self.version, bases, seq=self.seq)
            forget_rows(self.conn, forget)


# --- listeners ---------------------------------------------------------------------


def _table_name(obj) -> str | None:
    table = getattr(type(obj), "__table__", None)
    return table.name if table is not None else None


def _changed_columns(obj) -> list[str]:
    obj_state = inspect(obj)
    mapper = obj_state.mapper
    changed = []
    for prop in mapper.column_attrs:
        column = prop.columns[0]
        if column.primary_key or column.table is not mapper.local_table:
            continue
        if obj_state.attrs[prop.key].history.has_changes():
            changed.append(column.name)
    return changed


def _before_delete(mapper, connection, target) -> None:
    name = mapper.local_table.name
    session = object_session(target)
    if session is None or session.info.get(APPLYING):
        return
    if isinstance(target, DocumentContent):
        remember_attachments(session, connection, [target.document_id])
        return
    if entity(name) is None:
        return
    pending = session.info.setdefault(_DELETED, [])
    pending.append((name, target.id))
    # The database will delete these with the row; the ORM would never tell us.
    pending.extend(cascade_children(connection, name, [target.id]))


def _forget_deleted(session) -> None:
    session.info.pop(_DELETED, None)


def _after_flush(session: Session, _flush_context) -> None:
    deleted = session.info.pop(_DELETED, None) or []
    if session.info.get(APPLYING):
        return
    inserted: dict[str, list[str]] = defaultdict(list)
    updated: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    touched_documents: list[str] = []
    for obj in session.new:
        name = _table_name(obj)
        if name and entity(name):
            inserted[name].append(obj.id)
        elif isinstance(obj, DocumentContent):
            touched_documents.append(obj.document_id)
    for obj in session.dirty:
        name = _table_name(obj)
        if name and entity(name):
            changed = _changed_columns(obj)
            if changed:
                updated[name].append((obj.id, changed))
        elif isinstance(obj, DocumentContent) and _changed_columns(obj):
            touched_documents.append(obj.document_id)
    new_documents = set(inserted.get("documents", []))
    # New bytes under an existing document: send the document again, with its blob.
    touched = [(doc_id, ["sha256"]) for doc_id in touched_documents if doc_id not in new_documents]
    if touched:
        updated["documents"].extend(touched)
    if not (inserted or updated or deleted):
        return
    recorder = Recorder(session.connection(), session)
    for name in entities():  # parents before children
        if name in inserted:
            recorder.inserted(name, inserted[name])
    for name, changes in updated.items():
        recorder.updated(name, changes)
    if deleted:
        recorder.deleted(deleted)


def _on_execute(orm_state: ORMExecuteState):
    """ORM ``update()``/``delete()`` statements: read the rows before and after."""
    session = orm_state.session
    if session.info.get(APPLYING) or not (orm_state.is_update or orm_state.is_delete):
        return None
    table = getattr(orm_state.statement, "table", None)
    name = getattr(table, "name", "")
    if name == DocumentContent.__tablename__ and orm_state.is_delete:
        conn = session.connection()
        query = select(table.c.document_id)
        if orm_state.statement.whereclause is not None:
            query = query.where(orm_state.statement.whereclause)
        params = orm_state.parameters if isinstance(orm_state.parameters, dict) else {}
        remember_attachments(session, conn, list(conn.execute(query, params).scalars()))
        return None
    spec = entity(name)
    if spec is None:
        return None
    conn = session.connection()
    ids = _target_ids(conn, spec, orm_state)
    if orm_state.is_delete:
        keys = [(spec.name, i) for i in ids] + cascade_children(conn, spec.name, ids)
        result = orm_state.invoke_statement()
        if keys:
            Recorder(conn, session).deleted(keys)
        return result
    before = _read_rows(conn, spec, ids)
    result = orm_state.invoke_statement()
    after = _read_rows(conn, spec, ids)
    changes = []
    for row_id, old in before.items():
        new = after.get(row_id)
        if new is not None:
            changed = [c for c in spec.columns if old[c] != new[c]]
            if changed:
                changes.append((row_id, changed))
    if changes:
        Recorder(conn, session).updated(spec.name, changes)
    return result


def _target_ids(conn: Connection, spec, orm_state: ORMExecuteState) -> list[str]:
    params = orm_state.parameters
    if isinstance(params, list) and params and "id" in params[0]:
        return [p["id"] for p in params]  # bulk UPDATE by primary key
    where = orm_state.statement.whereclause
    query = select(spec.table.c.id)
    if where is not None:
        query = query.where(where)
    return list(conn.execute(query, params if isinstance(params, dict) else {}).scalars())


def _read_rows(conn: Connection, spec, ids: list[str]) -> dict[str, dict]:
    found = {}
    for start in range(0, len(ids), 400):
        part = ids[start : start + 400]
        for row in conn.execute(select(spec.table).where(spec.table.c.id.in_(part))).mappings():
            found[row["id"]] = dict(row)
    return found
