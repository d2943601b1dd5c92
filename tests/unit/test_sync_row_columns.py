"""Received rows are stored column by column right, whatever columns the sender's Lotse had.

The receiver stores a row from a sender on the same schema without looking
each column up; a sender with other columns, in another order, goes the
careful way. Both must give the same stored row.
"""

from __future__ import annotations

from app.storage.sync.apply import Applier, Batch
from app.storage.sync.entities import entities

DEVICE = "11111111-1111-1111-1111-111111111111"


def _document(columns: list[str], listed: list) -> dict:
    return {"devices": [DEVICE], "columns": {"contacts": columns}, "rows": [["contacts", "row-1", "case-1", 5, 0, listed, {}]]}


def _stored(vault, document: dict) -> tuple:
    batch = Batch()
    batch.add_document(document)
    spec = entities()["contacts"]
    with vault.session() as session:
        return Applier(session, "this-device")._stored_row(spec, batch.rows[0])


def test_same_schema_row_is_stored_in_column_order(vault):
    spec = entities()["contacts"]
    columns = list(spec.columns)
    listed = [f"value of {c}" for c in columns]
    stored = _stored(vault, _document(columns, listed))
    assert stored == ("row-1", *listed)


def test_other_schema_row_is_stored_by_name(vault):
    spec = entities()["contacts"]
    columns = list(reversed(spec.columns))
    dropped = columns.pop(0)  # a column the (older) sender did not have
    sender = [*columns, "from_a_newer_lotse"]
    listed = [*(f"value of {c}" for c in columns), "unknown"]
    stored = _stored(vault, _document(sender, listed))
    expected = ["row-1"] + [
        spec.raw_defaults[c] if c == dropped else f"value of {c}" for c in spec.columns
    ]
    assert stored == tuple(expected)


def test_edited_values_keep_their_place(vault):
    spec = entities()["contacts"]
    columns = list(spec.columns)
    batch = Batch()
    batch.add_document(_document(columns, [f"value of {c}" for c in columns]))
    entry = batch.rows[0]
    entry.values[columns[0]] = None  # as a parent gone for good does (ON DELETE SET NULL)
    with vault.session() as session:
        stored = Applier(session, "this-device")._stored_row(spec, entry)
    assert stored == ("row-1", None, *(f"value of {c}" for c in columns[1:]))


def test_same_columns_in_another_order_are_stored_by_name(vault):
    spec = entities()["contacts"]
    sender = list(reversed(spec.columns))
    stored = _stored(vault, _document(sender, [f"value of {c}" for c in sender]))
    assert stored == ("row-1", *(f"value of {c}" for c in spec.columns))
