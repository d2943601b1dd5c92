"""The key hierarchy: create, unlock, lock, passwords, recovery code, damaged key files."""

from __future__ import annotations

import json
import os
import stat

import pytest
from sqlalchemy import text

from app.errors import AuthenticationError, DataError, UsageError
from app.storage.engine import READ_ONLY_OPTION
from app.storage.kdf import OWASP_MIN_ITERATIONS, OWASP_MIN_MEMORY_KIB, calibrate, derive_key
from app.storage.keyfile import PASSWORD_SLOT, RECOVERY_SLOT
from app.storage.keywrap import RECOVERY_ALPHABET
from app.storage.vault import DATABASE_NAME, KEYFILE_NAME, Vault, kdf_params, recover
from tests.conftest import TEST_PASSWORD
from tests.filetree import snapshot

NEW_PASSWORD = "a new and longer password"


@pytest.fixture
def locked_vault(vault_dir):
    """A vault created and locked again; returns its recovery code."""
    vault, code = Vault.create(vault_dir, TEST_PASSWORD, user_name="Test Case Manager")
    vault.lock()
    return code


def test_create_then_unlock_gives_the_same_vault(vault_dir):
    vault, code = Vault.create(vault_dir, TEST_PASSWORD, user_name="Erika Beispiel")
    device, vault_id = vault.device_id, vault.meta("vault_id")
    vault.lock()

    groups = code.split("-")
    assert len(groups) == 6 and all(len(g) == 4 and set(g) <= set(RECOVERY_ALPHABET) for g in groups)
    with Vault.unlock(vault_dir, TEST_PASSWORD) as again:
        assert again.device_id == device and len(device) == 36
        assert again.meta("vault_id") == vault_id == again.keyfile.vault_id
        assert again.user_name == "Erika Beispiel"


def test_lock_drops_the_key_and_every_way_in(vault):
    key_buffer = vault._key
    assert any(key_buffer)
    vault.lock()

    assert vault.is_locked
    assert bytes(key_buffer) == bytes(32)
    with pytest.raises(DataError, match="locked"), vault.session():
        pass
    with pytest.raises(DataError, match="locked"):
        _ = vault.engine


def test_a_locked_vault_refuses_to_rewrap_its_zeroed_key(vault, vault_dir):
    vault.lock()
    before = snapshot(vault_dir)
    with pytest.raises(DataError, match="locked"):
        vault.change_password(NEW_PASSWORD)
    with pytest.raises(DataError, match="locked"):
        vault.new_recovery_code()
    with pytest.raises(DataError, match="locked"):
        vault.export_encrypted_copy(vault_dir.parent / "copy")
    assert snapshot(vault_dir) == before
    assert not (vault_dir.parent / "copy").exists()
    Vault.unlock(vault_dir, TEST_PASSWORD).lock()


def test_wrong_password_is_an_authentication_error_and_changes_nothing(locked_vault, vault_dir):
    before = snapshot(vault_dir)
    with pytest.raises(AuthenticationError, match="password is not correct"):
        Vault.unlock(vault_dir, "not the password")
    assert snapshot(vault_dir) == before


def test_recovery_code_opens_the_vault_as_a_person_types_it(vault):
    # Find a code with the digits people misread, then type it sloppily.
    for _ in range(60):
        code = vault.new_recovery_code()
        if "0" in code and "1" in code:
            break
    else:
        pytest.fail("no recovery code with 0 and 1 in 60 tries")
    vault.lock()
    typed = code.lower().replace("-", " ").replace("0", "O").replace("1", "l")
    with Vault.unlock_with_recovery_code(vault.directory, "  " + typed + " ") as opened:
        assert opened.device_id == vault.device_id


def test_wrong_recovery_code_is_an_authentication_error(locked_vault, vault_dir):
    wrong = "-".join(["ABCD"] * 6)
    assert wrong != locked_vault
    with pytest.raises(AuthenticationError, match="recovery code is not correct"):
        Vault.unlock_with_recovery_code(vault_dir, wrong)


def test_a_new_recovery_code_replaces_the_old_one(vault, vault_dir):
    new_code = vault.new_recovery_code()
    vault.lock()
    Vault.unlock_with_recovery_code(vault_dir, new_code).lock()


def test_recover_sets_a_new_password_and_the_old_one_stops_working(locked_vault, vault_dir):
    recover(vault_dir, locked_vault, NEW_PASSWORD).lock()

    with pytest.raises(AuthenticationError):
        Vault.unlock(vault_dir, TEST_PASSWORD)
    Vault.unlock(vault_dir, NEW_PASSWORD).lock()
    Vault.unlock_with_recovery_code(vault_dir, locked_vault).lock()  # the code stays valid


def test_change_password_rewraps_only(locked_vault, vault_dir):
    database, keyfile = vault_dir / DATABASE_NAME, vault_dir / KEYFILE_NAME
    vault = Vault.unlock(vault_dir, TEST_PASSWORD)
    db_before, key_before = database.read_bytes(), keyfile.read_bytes()
    recovery_before = json.loads(key_before)["slots"][RECOVERY_SLOT]

    vault.change_password(NEW_PASSWORD)

    assert database.read_bytes() == db_before
    key_after = keyfile.read_bytes()
    assert key_after != key_before
    assert json.loads(key_after)["slots"][RECOVERY_SLOT] == recovery_before
    assert not (vault_dir / (KEYFILE_NAME + ".prev")).exists()
    vault.lock()
    assert database.read_bytes() == db_before
    with pytest.raises(AuthenticationError):
        Vault.unlock(vault_dir, TEST_PASSWORD)
    Vault.unlock(vault_dir, NEW_PASSWORD).lock()


@pytest.mark.parametrize("short", ["", "1234567", "seven.."])
def test_passwords_shorter_than_eight_characters_are_refused(short, tmp_path, locked_vault, vault_dir):
    with pytest.raises(UsageError, match="at least 8"):
        Vault.create(tmp_path / "other", short)
    assert not (tmp_path / "other").exists()
    before = snapshot(vault_dir)
    with Vault.unlock(vault_dir, TEST_PASSWORD) as vault, pytest.raises(UsageError):
        vault.change_password(short)
    with pytest.raises(UsageError):
        recover(vault_dir, locked_vault, short)
    assert snapshot(vault_dir) == before


def test_create_refuses_an_existing_vault(locked_vault, vault_dir):
    before = snapshot(vault_dir)
    with pytest.raises(DataError, match="already exists"):
        Vault.create(vault_dir, NEW_PASSWORD)
    assert snapshot(vault_dir) == before


def test_unlock_without_a_vault_or_without_its_key_file(tmp_path, locked_vault, vault_dir):
    with pytest.raises(DataError, match="no vault"):
        Vault.unlock(tmp_path / "nothing-here", TEST_PASSWORD)
    (vault_dir / KEYFILE_NAME).unlink()
    with pytest.raises(DataError, match="lost its key file"):
        Vault.unlock(vault_dir, TEST_PASSWORD)


# --- damaged key files --------------------------------------------------------------


def _edit_keyfile(vault_dir, change) -> None:
    path = vault_dir / KEYFILE_NAME
    doc = json.loads(path.read_text())
    change(doc)
    path.write_text(json.dumps(doc))


def _swap_slots(doc):
    slots = doc["slots"]
    slots[PASSWORD_SLOT], slots[RECOVERY_SLOT] = slots[RECOVERY_SLOT], slots[PASSWORD_SLOT]


def _weak_kdf(doc):
    doc["slots"][PASSWORD_SLOT]["kdf"].update(memory_kib=1024, iterations=1)


def _one_iteration(doc):
    doc["slots"][PASSWORD_SLOT]["kdf"]["iterations"] = 1


def _huge_memory(doc):
    doc["slots"][PASSWORD_SLOT]["kdf"]["memory_kib"] = 64 * 1024 * 1024


def _short_nonce(doc):
    doc["slots"][PASSWORD_SLOT]["nonce"] = "00ff"


def _no_password_slot(doc):
    del doc["slots"][PASSWORD_SLOT]


def _unknown_version(doc):
    doc["version"] = 99


DAMAGE = {
    "garbage": lambda path: path.write_bytes(os.urandom(700)),
    "empty": lambda path: path.write_bytes(b""),
    "truncated JSON": lambda path: path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2]),
    "a JSON list": lambda path: path.write_text("[1, 2, 3]"),
}

EDITS = {
    "KDF memory below OWASP": _weak_kdf,
    "one Argon2 iteration": _one_iteration,
    "absurd KDF memory": _huge_memory,
    "short nonce": _short_nonce,
    "no password slot": _no_password_slot,
    "unknown version": _unknown_version,
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_key_file_is_a_data_error_and_nothing_changes(damage, locked_vault, vault_dir):
    DAMAGE[damage](vault_dir / KEYFILE_NAME)
    before = snapshot(vault_dir)
    with pytest.raises(DataError, match="key file is damaged") as caught:
        Vault.unlock(vault_dir, TEST_PASSWORD)
    assert "Nothing was changed" in caught.value.message
    assert snapshot(vault_dir) == before


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_an_edited_key_file_is_refused_before_any_key_derivation(edit, locked_vault, vault_dir):
    _edit_keyfile(vault_dir, EDITS[edit])
    before = snapshot(vault_dir)
    with pytest.raises(DataError, match="key file is damaged"):
        Vault.unlock(vault_dir, TEST_PASSWORD)
    assert snapshot(vault_dir) == before


def test_swapped_slots_do_not_open_the_vault(locked_vault, vault_dir):
    # Each slot's AES-GCM additional data names the slot: moved slots fail to unwrap.
    _edit_keyfile(vault_dir, _swap_slots)
    before = snapshot(vault_dir)
    with pytest.raises(AuthenticationError, match="password is not correct"):
        Vault.unlock(vault_dir, TEST_PASSWORD)
    with pytest.raises(AuthenticationError, match="recovery code is not correct"):
        Vault.unlock_with_recovery_code(vault_dir, locked_vault)
    assert snapshot(vault_dir) == before


def test_a_key_file_of_another_vault_is_a_data_error(tmp_path, locked_vault, vault_dir):
    other = tmp_path / "other"
    Vault.create(other, TEST_PASSWORD)[0].lock()
    (vault_dir / KEYFILE_NAME).write_bytes((other / KEYFILE_NAME).read_bytes())
    before = snapshot(vault_dir)
    with pytest.raises(DataError, match="does not belong to this key file"):
        Vault.unlock(vault_dir, TEST_PASSWORD)
    assert snapshot(vault_dir) == before


# --- the previous key file -------------------------------------------------------------


def test_prev_key_file_opens_the_vault_when_the_key_file_is_missing(locked_vault, vault_dir):
    # The state a crash between keeping the old key file and writing the new one leaves.
    keyfile = vault_dir / KEYFILE_NAME
    keyfile.rename(vault_dir / (KEYFILE_NAME + ".prev"))
    with Vault.unlock(vault_dir, TEST_PASSWORD) as vault:
        vault.change_password(NEW_PASSWORD)
    assert keyfile.exists() and not (vault_dir / (KEYFILE_NAME + ".prev")).exists()
    Vault.unlock(vault_dir, NEW_PASSWORD).lock()


def test_prev_key_file_is_used_when_the_key_file_is_damaged(locked_vault, vault_dir):
    keyfile = vault_dir / KEYFILE_NAME
    (vault_dir / (KEYFILE_NAME + ".prev")).write_bytes(keyfile.read_bytes())
    keyfile.write_bytes(keyfile.read_bytes()[:100])
    Vault.unlock(vault_dir, TEST_PASSWORD).lock()
    assert keyfile.read_bytes()  # not repaired behind the user's back, not deleted either


# --- files and parameters ------------------------------------------------------------


def test_files_are_owner_only(vault, vault_dir):
    with vault.session() as session:  # make sure the WAL and shared-memory files exist
        session.execute(text("INSERT INTO vault_meta (key, value) VALUES ('probe', 'x')"))
        modes = {path.name: stat.S_IMODE(path.stat().st_mode) for path in vault_dir.iterdir()}
    assert stat.S_IMODE(vault_dir.stat().st_mode) == 0o700
    assert {DATABASE_NAME, KEYFILE_NAME, DATABASE_NAME + "-wal", DATABASE_NAME + "-shm"} <= set(modes)
    assert all(mode == 0o600 for mode in modes.values()), modes


def test_stored_kdf_parameters_meet_the_owasp_minimum(vault):
    for slot in (PASSWORD_SLOT, RECOVERY_SLOT):
        params = vault.keyfile.slots[slot].kdf
        assert params.memory_kib >= OWASP_MIN_MEMORY_KIB == 19 * 1024
        assert params.iterations >= OWASP_MIN_ITERATIONS == 2
        assert len(params.salt) == 16
    password, recovery = (vault.keyfile.slots[s].kdf for s in (PASSWORD_SLOT, RECOVERY_SLOT))
    assert password.salt != recovery.salt
    assert kdf_params(vault) == password


def test_calibration_raises_the_cost_for_a_higher_target():
    floor = calibrate(0)
    assert (floor.memory_kib, floor.iterations) == (OWASP_MIN_MEMORY_KIB, OWASP_MIN_ITERATIONS)
    higher = calibrate(0.25)
    assert higher.memory_kib * higher.iterations > floor.memory_kib * floor.iterations
    assert higher.memory_kib >= floor.memory_kib and higher.iterations >= floor.iterations
    assert derive_key("x", higher) != derive_key("x", floor)


def test_pragmas_are_in_force_on_every_pooled_connection(vault):
    expected = {"secure_delete": 1, "temp_store": 2, "foreign_keys": 1, "journal_mode": "wal"}
    # Read-only connections: two write transactions at once would (rightly) wait on each other.
    readers = vault.engine.execution_options(**{READ_ONLY_OPTION: True})
    with readers.connect() as first, readers.connect() as second:
        for conn in (first, second):
            found = {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in expected}
            assert found == expected


def test_a_failed_create_leaves_no_half_made_vault(vault_dir):
    with pytest.raises(DataError, match="tables could not be created"):
        Vault.create(vault_dir, TEST_PASSWORD, schema_revision="no-such-revision")
    assert list(vault_dir.iterdir()) == []
    Vault.create(vault_dir, TEST_PASSWORD)[0].lock()  # the folder is free for a real one
