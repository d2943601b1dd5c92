"""Which tables sync, which case each row belongs to, and how values travel.

A table syncs when its mapped class uses ``UuidPrimaryKey`` (ARCHITECTURE.md
decision 4) and each of its rows can be traced to a case — by its own
``case_id``, by a parent row's (``goal_steps`` via ``goals``), or, for
persons, by the case that refers to them. ``agencies`` is team-wide. A UUID
table that fits none of these (a local report table, say) stays on the device:
not syncing something is the safe mistake, leaking it is not.

Values travel as JSON: dates and times as ISO text, bytes as base64.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import JSON, Date, DateTime, LargeBinary, String, Table, Text

import app.models  # noqa: F401  (registers every model on the metadata)
from app.models.base import Base, UuidPrimaryKey

TEAM_WIDE = frozenset({"agencies"})
CASES = "cases"
PERSONS = "persons"
# Text at least this long counts as free text whose loss a user would notice.
TEXT_MIN_LENGTH = 100


@dataclass(frozen=True)
class Entity:
    name: str
    table: Table
    columns: tuple[str, ...]  # every column but the primary key, in table order
    case_sql: str  # SQL giving the row's case id for alias ``t``
    text_fields: frozenset[str]
    encoders: dict[str, Callable[[Any], Any]]
    decoders: dict[str, Callable[[Any], Any]]
    parents: tuple[tuple[str, str, bool], ...]  # (column, parent table, nullable)

    @property
    def team_wide(self) -> bool:
        return self.name in TEAM_WIDE

    def encode(self, field: str, value: Any) -> Any:
        return None if value is None else self.encoders[field](value)

    def decode(self, field: str, value: Any) -> Any:
        return None if value is None else self.decoders[field](value)


def _identity(value: Any) -> Any:
    return value


def _codec(column) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    kind = column.type
    if isinstance(kind, DateTime):
        return (lambda v: v.isoformat()), datetime.fromisoformat
    if isinstance(kind, Date):
        return (lambda v: v.isoformat()), date.fromisoformat
    if isinstance(kind, LargeBinary):
        return (lambda v: base64.b64encode(bytes(v)).decode("ascii")), base64.b64decode
    if isinstance(kind, JSON):
        return _identity, _identity
    return _identity, _identity


def _is_text(column) -> bool:
    if column.foreign_keys or column.primary_key:
        return False
    if isinstance(column.type, Text):
        return True
    return isinstance(column.type, String) and (column.type.length or 0) >= TEXT_MIN_LENGTH


def _uuid_tables() -> dict[str, Table]:
    tables = {}
    for mapper in Base.registry.mappers:
        if issubclass(mapper.class_, UuidPrimaryKey) and isinstance(mapper.local_table, Table):
            tables[mapper.local_table.name] = mapper.local_table
    return tables


def _case_sql(name: str, tables: dict[str, Table], depth: int = 0) -> str | None:
    """SQL for the case id of row ``t{depth}`` of ``name``, or None if it has no case."""
    alias = f"t{depth}"
    if name == CASES:
        return f"{alias}.id"
    if name in TEAM_WIDE:
        return "NULL"
    table = tables[name]
    if "case_id" in table.c:
        return f"{alias}.case_id"
    if name == PERSONS:
        # Shared cases first: a person belongs to the team if any of their cases is shared.
        return (
            f"(SELECT c.id FROM cases c WHERE c.person_id = {alias}.id "
            "ORDER BY c.shared DESC, c.id LIMIT 1)"
        )
    for column in table.c:
        for fk in column.foreign_keys:
            parent = fk.column.table.name
            if parent == name or parent not in tables or column.nullable:
                continue
            inner = _case_sql(parent, tables, depth + 1)
            if inner is not None and inner != "NULL":
                child = f"t{depth + 1}"
                return f"(SELECT {inner} FROM {parent} {child} WHERE {child}.id = {alias}.{column.name})"
    return None


@cache
def entities() -> dict[str, Entity]:
    """Every syncable table by name, parents before children."""
    tables = _uuid_tables()
    result: dict[str, Entity] = {}
    for table in Base.metadata.sorted_tables:
        if table.name not in tables:
            continue
        case_sql = _case_sql(table.name, tables)
        if case_sql is None:
            continue
        columns = tuple(c.name for c in table.c if not c.primary_key)
        codecs = {c.name: _codec(c) for c in table.c if not c.primary_key}
        parents = tuple(
            (c.name, fk.column.table.name, bool(c.nullable))
            for c in table.c
            for fk in c.foreign_keys
            if fk.column.table.name in tables
        )
        result[table.name] = Entity(
            name=table.name,
            table=table,
            columns=columns,
            case_sql=case_sql,
            text_fields=frozenset(c.name for c in table.c if _is_text(c)),
            encoders={k: v[0] for k, v in codecs.items()},
            decoders={k: v[1] for k, v in codecs.items()},
            parents=parents,
        )
    return result


def entity(name: str) -> Entity | None:
    return entities().get(name)


def is_syncable(name: str) -> bool:
    return name in entities()


def order(name: str) -> int:
    """Position in parent-before-child order (for applying inserts)."""
    return _order()[name]


@cache
def _order() -> dict[str, int]:
    return {name: i for i, name in enumerate(entities())}


def case_ids(conn, name: str, row_ids: list[str]) -> dict[str, str | None]:
    """The case each existing row belongs to (None: team-wide, or not attached to a case yet)."""
    from sqlalchemy import text

    spec = entities()[name]
    found: dict[str, str | None] = {}
    ids = list(row_ids)
    for start in range(0, len(ids), 400):
        part = ids[start : start + 400]
        marks = ", ".join(f":p{i}" for i in range(len(part)))
        query = text(f"SELECT t0.id, {spec.case_sql} FROM {name} t0 WHERE t0.id IN ({marks})")
        for row_id, case_id in conn.execute(query, {f"p{i}": v for i, v in enumerate(part)}):
            found[row_id] = case_id
    return found


def cascade_children(conn, name: str, row_ids: list[str]) -> list[tuple[str, str]]:
    """Rows the database deletes with these (ON DELETE CASCADE), found before it does."""
    from sqlalchemy import select

    found: list[tuple[str, str]] = []
    frontier = [(name, list(row_ids))]
    while frontier:
        parent, ids = frontier.pop()
        if not ids:
            continue
        for child in entities().values():
            for column_name, parent_table, _nullable in child.parents:
                column = child.table.c[column_name]
                if parent_table != parent or not any(fk.ondelete == "CASCADE" for fk in column.foreign_keys):
                    continue
                child_ids: list[str] = []
                for start in range(0, len(ids), 400):
                    part = ids[start : start + 400]
                    child_ids += list(conn.execute(select(child.table.c.id).where(column.in_(part))).scalars())
                found += [(child.name, i) for i in child_ids]
                frontier.append((child.name, child_ids))
    return found
