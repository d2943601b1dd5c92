"""Backup is one encrypted file; restore gives the same vault and never overwrites one."""

from __future__ import annotations

import hashlib
import stat

import pytest
from sqlalchemy import text

from app.errors import AuthenticationError, DataError
from app.services import audit
from app.storage.backup import DIGEST, MAGIC, restore_backup, write_backup
from app.storage.vault import KEYFILE_NAME, Vault
from tests.conftest import TEST_PASSWORD
from tests.filetree import flip_byte, snapshot


def _all_rows(vault: Vault) -> dict[str, list[tuple]]:
    with vault.session() as session:
        tables = session.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        ).scalars().all()
        return {
            table: [tuple(row) for row in session.execute(text(f'SELECT * FROM "{table}" ORDER BY 1'))]
            for table in tables
        }


@pytest.fixture
def filled_vault(vault):
    with vault.session() as session:
        for i in range(50):
            audit.record(session, vault.user_name, "case.viewed", case_id=f"00000000-0000-0000-0000-{i:012d}",
                         detail="field=goal_areas")
        session.execute(text("INSERT INTO vault_meta (key, value) VALUES ('note', 'Ünïcödé ✓ زيد')"))
    return vault


@pytest.fixture
def backup_file(filled_vault, tmp_path):
    path = tmp_path / "vault.lotse-backup"
    size = write_backup(filled_vault, path)
    assert size == path.stat().st_size
    return path


def test_backup_is_one_private_file(backup_file, tmp_path):
    assert [p.name for p in tmp_path.iterdir() if p.name != "vault"] == [backup_file.name]
    assert stat.S_IMODE(backup_file.stat().st_mode) == 0o600
    assert backup_file.read_bytes().startswith(MAGIC)


def test_restore_into_a_new_folder_gives_an_identical_vault(filled_vault, backup_file, tmp_path):
    expected = _all_rows(filled_vault)
    assert len(expected["audit_log"]) == 50

    restored = restore_backup(backup_file, tmp_path / "restored" / "vault", TEST_PASSWORD)
    try:
        actual = _all_rows(restored)
        # The restored copy is a new device for sync; everything else is identical.
        device_row = ("device_id", filled_vault.device_id)
        assert device_row in expected["vault_meta"] and device_row not in actual["vault_meta"]
        assert ("device_id", restored.device_id) in actual["vault_meta"]
        expected["vault_meta"].remove(device_row)
        actual["vault_meta"].remove(("device_id", restored.device_id))
        assert actual == expected
        assert restored.device_id != filled_vault.device_id
        assert restored.keyfile == filled_vault.keyfile
        assert stat.S_IMODE(restored.directory.stat().st_mode) == 0o700
    finally:
        restored.lock()
    Vault.unlock(tmp_path / "restored" / "vault", TEST_PASSWORD).lock()


def test_restore_into_an_existing_empty_folder(backup_file, tmp_path):
    target = tmp_path / "empty"
    target.mkdir()
    restore_backup(backup_file, target, TEST_PASSWORD).lock()
    assert (target / KEYFILE_NAME).exists()


def test_restore_refuses_an_existing_vault_and_leaves_it_alone(filled_vault, backup_file, tmp_path):
    other, _code = Vault.create(tmp_path / "other", "another password")
    other.lock()
    before = snapshot(tmp_path / "other")
    with pytest.raises(DataError, match="already exists"):
        restore_backup(backup_file, tmp_path / "other", TEST_PASSWORD)
    assert snapshot(tmp_path / "other") == before


def _truncations(size: int) -> dict[str, int]:
    return {"in the magic": 5, "in the key file": 300, "in the database": size // 2, "in the trailer": size - 10,
            "empty": 0}


@pytest.mark.parametrize("where", ["in the magic", "in the key file", "in the database", "in the trailer", "empty"])
def test_a_truncated_backup_restores_nothing(where, backup_file, tmp_path):
    data = backup_file.read_bytes()
    backup_file.write_bytes(data[: _truncations(len(data))[where]])
    target = tmp_path / "target"
    with pytest.raises(DataError, match="damaged"):
        restore_backup(backup_file, target, TEST_PASSWORD)
    assert not target.exists()


@pytest.mark.parametrize("where", ["key file", "database start", "database end", "sha", "hmac"])
def test_a_flipped_byte_is_reported_as_damage_not_as_a_wrong_password(where, backup_file, tmp_path):
    size = backup_file.stat().st_size
    offsets = {"key file": len(MAGIC) + 4 + 200, "database start": 1200, "database end": size - 2 * DIGEST - 5,
               "sha": size - 2 * DIGEST + 3, "hmac": size - DIGEST + 3}
    flip_byte(backup_file, offsets[where])
    target = tmp_path / "target"
    target.mkdir()
    with pytest.raises(DataError) as caught:
        restore_backup(backup_file, target, TEST_PASSWORD)
    assert "nothing was restored" in caught.value.message
    assert list(target.iterdir()) == []


def test_a_tampered_backup_with_a_recomputed_checksum_fails_the_hmac(backup_file, tmp_path):
    data = bytearray(backup_file.read_bytes())
    data[2000] ^= 0x01
    body = bytes(data[: -2 * DIGEST])
    data[-2 * DIGEST : -DIGEST] = hashlib.sha256(body).digest()
    backup_file.write_bytes(bytes(data))
    with pytest.raises(DataError, match="was altered"):
        restore_backup(backup_file, tmp_path / "target", TEST_PASSWORD)
    assert not (tmp_path / "target").exists()


def test_restore_with_a_wrong_password_creates_nothing(backup_file, tmp_path):
    with pytest.raises(AuthenticationError):
        restore_backup(backup_file, tmp_path / "target", "not the password")
    assert not (tmp_path / "target").exists()


def test_restore_needs_the_password_of_the_time_of_the_backup(filled_vault, backup_file, tmp_path):
    filled_vault.change_password("changed after the backup")
    with pytest.raises(AuthenticationError):
        restore_backup(backup_file, tmp_path / "target", "changed after the backup")
    restore_backup(backup_file, tmp_path / "target", TEST_PASSWORD).lock()


def test_missing_backup_and_unwritable_destination_are_data_errors(filled_vault, tmp_path):
    with pytest.raises(DataError, match="No backup file"):
        restore_backup(tmp_path / "nope", tmp_path / "target", TEST_PASSWORD)
    with pytest.raises(DataError, match="does not exist"):
        write_backup(filled_vault, tmp_path / "no-such-folder" / "b.lotse-backup")
    with pytest.raises(DataError, match="is a folder"):
        write_backup(filled_vault, tmp_path)
    assert not (tmp_path / "target").exists()


def test_a_backup_replaces_an_older_file_of_the_same_name(filled_vault, backup_file):
    old = backup_file.read_bytes()
    with filled_vault.session() as session:
        audit.record(session, "someone", "vault.backup")
    write_backup(filled_vault, backup_file)
    assert backup_file.read_bytes() != old
    assert backup_file.read_bytes().startswith(MAGIC)
