"""The encryption-overhead benchmark compares against a copy that really is plain SQLite,
opened so the services run on it unchanged."""

from __future__ import annotations

import sqlite3

from app.services.case_file import case_detail
from app.services.case_list_page import case_list_page
from benchmarks.bench_encryption import PlainDatabase, export_plain_copy
from tests.unit.case_factory import new_case


def test_the_plain_copy_is_plaintext_and_serves_the_services(vault, tmp_path):
    case = new_case(vault, given_names="Amina", family_name="Haddad")
    path = tmp_path / "plain.sqlite"
    export_plain_copy(vault, path)
    assert path.read_bytes()[:16] == b"SQLite format 3\x00"
    with sqlite3.connect(path) as conn:  # the standard library opens it: no key anywhere
        assert conn.execute("SELECT count(*) FROM cases").fetchone() == (1,)

    plain = PlainDatabase(path)
    try:
        page = case_list_page(plain, search="Haddad", limit=10)
        assert [row.ref for row in page.rows] == [case.ref]
        assert case_detail(plain, case.ref, user="benchmark")["ref"] == case.ref
    finally:
        plain.lock()
    assert plain.is_locked
