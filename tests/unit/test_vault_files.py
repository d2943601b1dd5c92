"""What lies on disk: no plaintext, no SQLite header, damage detected and reported."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.errors import DataError
from app.storage.backup import write_backup
from app.storage.vault import DATABASE_NAME, Vault
from tests.conftest import TEST_PASSWORD
from tests.filetree import all_files, flip_byte, snapshot

KNOWN_STRINGS = [
    "Zyxw Mustermann-Qadri",
    "زيد الحلبي",
    "Злата Кузьмичёва",
    "Qxq-Notiz über Duldung §60c",
]
SQLITE_HEADER = b"SQLite format 3"
PAGE = 4096


def _assert_nothing_readable(files) -> None:
    assert files, "nothing to check"
    for path in files:
        data = path.read_bytes()
        assert not data.startswith(SQLITE_HEADER), path
        assert SQLITE_HEADER not in data, path
        for known in KNOWN_STRINGS:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert known.encode(encoding) not in data, (path, known, encoding)


def _fill_with_known_strings(vault: Vault) -> None:
    vault.set_user_name(KNOWN_STRINGS[0])
    with vault.session() as session:
        for i, known in enumerate(KNOWN_STRINGS):
            session.execute(
                text("INSERT INTO vault_meta (key, value) VALUES (:k, :v)"),
                {"k": f"probe-{i}", "v": known * 50},
            )
            session.execute(
                text("INSERT INTO audit_log (at, user, action, case_id, detail) "
                     "VALUES (CURRENT_TIMESTAMP, :u, 'probe', NULL, :d)"),
                {"u": known, "d": known},
            )
    with vault.session() as session:  # deleted rows must not linger either (secure_delete)
        session.execute(text("DELETE FROM vault_meta WHERE key = 'probe-3'"))


def test_no_plaintext_in_any_file_of_the_vault(vault, vault_dir, tmp_path):
    _fill_with_known_strings(vault)
    with vault.session() as session:
        assert session.execute(text("SELECT user FROM audit_log WHERE user = :u"), {"u": KNOWN_STRINGS[1]}).scalar()
    (vault_dir / "backups").mkdir()  # as a pre-migration backup would be
    vault.export_encrypted_copy(vault_dir / "backups" / "copy.sqlcipher")
    # While open: the WAL and its index hold the recent pages.
    names = {path.name for path in all_files(vault_dir)}
    assert {DATABASE_NAME + "-wal", DATABASE_NAME + "-shm"} <= names
    _assert_nothing_readable(all_files(vault_dir))

    backup = tmp_path / "vault.lotse-backup"
    write_backup(vault, backup)
    vault.lock()
    _assert_nothing_readable(all_files(vault_dir))
    _assert_nothing_readable([backup])
    # The strings really went in: they come back after unlocking.
    with Vault.unlock(vault_dir, TEST_PASSWORD) as again:
        assert again.user_name == KNOWN_STRINGS[0]
        assert again.meta("probe-1") == KNOWN_STRINGS[1] * 50


@pytest.fixture
def padded_vault(vault_dir):
    """A locked vault whose database spans many pages (a scratch table of filler rows)."""
    vault, _code = Vault.create(vault_dir, TEST_PASSWORD)
    with vault.session() as session:
        session.execute(text("CREATE TABLE scratch (id INTEGER PRIMARY KEY, body TEXT)"))
        session.execute(text("INSERT INTO scratch (body) VALUES (:b)"), [{"b": f"{i:04d}" * 700} for i in range(120)])
    vault.lock()
    database = vault_dir / DATABASE_NAME
    assert database.stat().st_size > 50 * PAGE
    return database


@pytest.mark.parametrize("offset", [3, 40, 2000, PAGE - 10], ids=["salt", "header", "page 1 body", "page 1 hmac"])
def test_a_flipped_byte_on_page_one_stops_the_unlock(offset, padded_vault, vault_dir):
    flip_byte(padded_vault, offset)
    before = snapshot(vault_dir)
    with pytest.raises(DataError, match="damaged"):
        Vault.unlock(vault_dir, TEST_PASSWORD)
    assert snapshot(vault_dir) == before


def test_a_flipped_byte_in_a_later_page_shows_on_read_and_blocks_the_backup(padded_vault, vault_dir, tmp_path):
    size = padded_vault.stat().st_size
    flip_byte(padded_vault, size - PAGE + 1000)  # a page of the scratch table
    before = snapshot(vault_dir)

    vault = Vault.unlock(vault_dir, TEST_PASSWORD)  # pages 1..n that unlock reads are intact
    with pytest.raises(DataError, match="damaged"), vault.session() as session:
        session.execute(text("SELECT sum(length(body)) FROM scratch")).scalar()
    backup = tmp_path / "b.lotse-backup"
    with pytest.raises(DataError, match=f"page {size // PAGE}") as caught:
        write_backup(vault, backup)
    assert "No backup was written" in caught.value.message
    vault.lock()

    assert not backup.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".b.")] == []
    assert snapshot(vault_dir) == before
