"""Which tables sync, which case each row belongs to, and how values travel.

A table syncs when its mapped class uses ``UuidPrimaryKey`` (ARCHITECTURE.md
decision 4) and each of its rows can be traced to a case — by its own
``case_id``, by a parent row's (``goal_steps`` via ``goals``), or, for
persons, by the case that refers to them. ``agencies`` is team-wide. A UUID
table that fits none of these (a local report table, say) stays on the device:
not syncing something is the safe mistake, leaking it is not.

Values travel in their SQLite storage form, which is JSON-safe and what every
device's SQLAlchemy writes alike: dates as ISO text (``2026-03-01``, times as
``2026-03-01 09:30:00.000000``), booleans as 0/1, JSON columns as their JSON
text. Copying them unconverted keeps a 40,000-row initial sync fast;
``from_raw``/``to_raw``/``present`` convert where a person or a service
looks at them.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Date, DateTime, String, Table, Text
from sqlalchemy.dialects import sqlite

import app.models  # noqa: F401  (registers every model on the metadata)
from app.models.base import Base, UuidPrimaryKey

_DIALECT = sqlite.dialect()
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
    parents: tuple[tuple[str, str, bool], ...]  # (column, parent table, nullable)
    _to_raw: dict[str, Callable[[Any], Any]]
    _from_raw: dict[str, Callable[[Any], Any]]
    raw_defaults: dict[str, Any]

    @property
    def team_wide(self) -> bool:
        return self.name in TEAM_WIDE

    @property
    def select_sql(self) -> str:
        """``SELECT id, <columns> FROM <table>`` in storage form (ids appended by the caller)."""
        return f'SELECT "id", {", ".join(_quote(c) for c in self.columns)} FROM "{self.name}"'

    def insert_sql(self, columns: tuple[str, ...]) -> str:
        names = ", ".join(_quote(c) for c in ("id", *columns))
        return f'INSERT INTO "{self.name}" ({names}) VALUES ({", ".join("?" for _ in range(len(columns) + 1))})'

    def to_raw(self, field: str, value: Any) -> Any:
        """A Python value (a date, a list …) in the form SQLite stores it."""
        return None if value is None else self._to_raw[field](value)

    def from_raw(self, field: str, raw: Any) -> Any:
        return None if raw is None else self._from_raw[field](raw)

    def present(self, field: str, raw: Any) -> Any:
        """For people and JSON output: lists as lists, booleans as booleans, dates as ISO text."""
        value = self.from_raw(field, raw)
        return value.isoformat() if isinstance(value, _dt.date) else value

    def parse(self, field: str, text: str) -> Any:
        """What a person typed (a merged text, a date) as a stored value; ValueError if it does not fit."""
        kind = self.table.c[field].type
        if isinstance(kind, DateTime):
            return self.to_raw(field, _dt.datetime.fromisoformat(text))
        if isinstance(kind, Date):
            return self.to_raw(field, _dt.date.fromisoformat(text))
        python_type = getattr(kind, "python_type", str)
        if python_type in (int, float):
            return python_type(text)
        if python_type is bool:
            return int(text.strip().lower() in ("1", "true", "yes"))
        if python_type in (list, dict):
            import json

            return self.to_raw(field, json.loads(text))
        return text


def _quote(column: str) -> str:
    return f'"{column}"'


def _identity(value: Any) -> Any:
    return value


def _raw_codec(column) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    to_raw = column.type.bind_processor(_DIALECT) or _identity
    from_raw = column.type.result_processor(_DIALECT, None) or _identity
    return to_raw, from_raw


def _raw_default(column) -> Any:
    """The stored form of a column's Python-side default (a field an older sender lacks)."""
    default = column.default
    if default is None:
        return None
    if default.is_callable:
        try:
            value = default.arg(None)
        except TypeError:
            value = default.arg()
    else:
        value = default.arg
    return None if value is None else _raw_codec(column)[0](value)


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
        # Plain ``str``, not SQLAlchemy's ``quoted_name``: these names go into every
        # executemany row, where the driver probes a str subclass for adapters (per row).
        name = str(table.name)
        columns = tuple(str(c.name) for c in table.c if not c.primary_key)
        codecs = {str(c.name): _raw_codec(c) for c in table.c if not c.primary_key}
        parents = tuple(
            (c.name, fk.column.table.name, bool(c.nullable))
            for c in table.c
            for fk in c.foreign_keys
            if fk.column.table.name in tables
        )
        result[name] = Entity(
            name=name,
            table=table,
            columns=columns,
            case_sql=case_sql,
            text_fields=frozenset(c.name for c in table.c if _is_text(c)),
            parents=parents,
            _to_raw={k: v[0] for k, v in codecs.items()},
            _from_raw={k: v[1] for k, v in codecs.items()},
            raw_defaults={c.name: _raw_default(c) for c in table.c if not c.primary_key},
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
    spec = entities()[name]
    found: dict[str, str | None] = {}
    ids = list(dict.fromkeys(row_ids))
    for start in range(0, len(ids), 400):
        part = ids[start : start + 400]
        sql = f"SELECT t0.id, {spec.case_sql} FROM {name} t0 WHERE t0.id IN ({', '.join('?' for _ in part)})"
        for row_id, case_id in conn.exec_driver_sql(sql, tuple(part)):
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


def read_raw(conn, name: str, row_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Existing rows by id, every column in storage form (no type conversion: fast)."""
    spec = entities()[name]
    ids = sorted(set(row_ids))  # key order: neighbouring ids share pages
    found: dict[str, dict[str, Any]] = {}
    if ids and len(ids) * 2 >= (conn.exec_driver_sql(f'SELECT max(rowid) FROM "{name}"').scalar() or 0):
        # Most of the table (a first sync): one pass in storage order reads each page
        # once; looking ids up 400 at a time jumps through the id index and the table
        # at random (10,000 cases: 2.9 s of a 12 s send).
        wanted = set(ids)
        for row in conn.exec_driver_sql(spec.select_sql).fetchall():
            if row[0] in wanted:
                found[row[0]] = dict(zip(spec.columns, row[1:], strict=True))
        return found
    for start in range(0, len(ids), 400):
        part = ids[start : start + 400]
        sql = spec.select_sql + f' WHERE "id" IN ({", ".join("?" for _ in part)})'
        for row in conn.exec_driver_sql(sql, tuple(part)).fetchall():
            found[row[0]] = dict(zip(spec.columns, row[1:], strict=True))
    return found


def owners(conn, name: str, values: dict[str, dict[str, Any]]) -> dict[str, str | None]:
    """The case of each row in ``values`` (read with ``read_raw``): from its own columns
    where it has a ``case_id``, by query where the case is further away."""
    spec = entities()[name]
    if spec.team_wide:
        return dict.fromkeys(values)
    if name == CASES:
        return {row_id: row_id for row_id in values}
    if "case_id" in spec.columns:
        return {row_id: row["case_id"] for row_id, row in values.items()}
    return case_ids(conn, name, list(values))
