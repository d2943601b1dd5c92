"""The vault's CLI as an administrator runs it: real processes, real files, exit codes of CLI.md."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from app.storage.vault import DATABASE_NAME, Vault
from tests.filetree import all_files, flip_byte, snapshot

PASSWORD = "e2e password one"
NEW_PASSWORD = "e2e password two"
PAGE = 4096
CODE_PATTERN = re.compile(r"\b[0-9A-Z]{4}(?:-[0-9A-Z]{4}){5}\b")


def lotse(*args: str | Path, **env: str) -> subprocess.CompletedProcess:
    """Run ``python -m app`` with only the variables a user would set."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("LOTSE_")}
    environment.update(LOTSE_KDF_TARGET_SECONDS="0", LOTSE_HOME=os.environ["LOTSE_HOME"], **env)
    return subprocess.run(
        [sys.executable, "-m", "app", *map(str, args)],
        env=environment,
        stdin=subprocess.DEVNULL,  # not a terminal: no prompt may block
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_fails(result: subprocess.CompletedProcess, code: int) -> str:
    """Exit ``code``, exactly one ``lotse: `` line on stderr, no traceback anywhere."""
    assert result.returncode == code, (result.returncode, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("lotse: "), result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    return lines[0]


@pytest.fixture
def cli_vault(tmp_path) -> Path:
    vault = tmp_path / "V"
    result = lotse("--vault", vault, "init", LOTSE_PASSWORD=PASSWORD)
    assert result.returncode == 0, result.stderr
    return vault


@pytest.fixture
def paged_vault(tmp_path) -> Path:
    """A vault whose database has many pages, made in-process the same way ``init`` does."""
    directory = tmp_path / "V"
    vault, _code = Vault.create(directory, PASSWORD)
    with vault.session() as session:
        session.execute(text("CREATE TABLE scratch (id INTEGER PRIMARY KEY, body TEXT)"))
        session.execute(text("INSERT INTO scratch (body) VALUES (:b)"), [{"b": f"{i:05d}" * 600} for i in range(100)])
    vault.lock()
    return directory


def test_init_prints_the_recovery_code_once_and_stores_it_nowhere(tmp_path):
    vault = tmp_path / "V"
    result = lotse("--vault", vault, "init", LOTSE_PASSWORD=PASSWORD)
    assert result.returncode == 0 and result.stderr == ""
    codes = CODE_PATTERN.findall(result.stdout)
    assert len(codes) == 1
    for path in all_files(vault) + all_files(Path(os.environ["LOTSE_HOME"])):
        assert codes[0].encode() not in path.read_bytes()
        assert PASSWORD.encode() not in path.read_bytes()

    before = snapshot(vault)
    assert "already exists" in assert_fails(lotse("--vault", vault, "init", LOTSE_PASSWORD=PASSWORD), 4)
    assert snapshot(vault) == before


def test_init_json_gives_the_code_in_one_document(tmp_path):
    import json

    result = lotse("--vault", tmp_path / "V", "init", "--json", LOTSE_PASSWORD=PASSWORD)
    document = json.loads(result.stdout)
    assert CODE_PATTERN.fullmatch(document["recovery_code"])


def test_wrong_password_exits_3_and_touches_nothing(cli_vault, tmp_path):
    before = snapshot(cli_vault)
    line = assert_fails(lotse("--vault", cli_vault, "backup", "-o", tmp_path / "x", LOTSE_PASSWORD="wrong"), 3)
    assert "password is not correct" in line
    assert snapshot(cli_vault) == before
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("offset", [2000, PAGE - 40], ids=["page 1 body", "page 1 hmac"])
def test_a_flipped_byte_on_page_one_exits_4(offset, paged_vault, tmp_path):
    flip_byte(paged_vault / DATABASE_NAME, offset)
    before = snapshot(paged_vault)
    line = assert_fails(lotse("--vault", paged_vault, "backup", "-o", tmp_path / "x", LOTSE_PASSWORD=PASSWORD), 4)
    assert "damaged" in line
    assert snapshot(paged_vault) == before
    assert not (tmp_path / "x").exists()


def test_a_flipped_byte_in_a_later_page_is_found_by_backup(paged_vault, tmp_path):
    database = paged_vault / DATABASE_NAME
    page = database.stat().st_size // PAGE  # the last page: scratch rows, not read by unlock
    flip_byte(database, (page - 1) * PAGE + 1500)
    before = snapshot(paged_vault)
    line = assert_fails(lotse("--vault", paged_vault, "backup", "-o", tmp_path / "x", LOTSE_PASSWORD=PASSWORD), 4)
    assert f"HMAC verification failed for page {page}" in line
    assert snapshot(paged_vault) == before
    assert not (tmp_path / "x").exists()
    assert not any(p.name.startswith(".x.") for p in tmp_path.iterdir())


def test_passwd_then_the_new_password_opens_and_the_old_one_does_not(cli_vault, tmp_path):
    result = lotse("--vault", cli_vault, "passwd", LOTSE_PASSWORD=PASSWORD, LOTSE_NEW_PASSWORD=NEW_PASSWORD)
    assert result.returncode == 0, result.stderr
    assert_fails(lotse("--vault", cli_vault, "backup", "-o", tmp_path / "x", LOTSE_PASSWORD=PASSWORD), 3)
    assert lotse("--vault", cli_vault, "backup", "-o", tmp_path / "x", LOTSE_PASSWORD=NEW_PASSWORD).returncode == 0


def test_passwd_refuses_a_short_new_password(cli_vault):
    before = snapshot(cli_vault)
    line = assert_fails(lotse("--vault", cli_vault, "passwd", LOTSE_PASSWORD=PASSWORD, LOTSE_NEW_PASSWORD="short"), 2)
    assert "at least 8" in line
    assert snapshot(cli_vault) == before


def test_recover_with_the_code_sets_a_new_password(tmp_path):
    vault = tmp_path / "V"
    (code,) = CODE_PATTERN.findall(lotse("--vault", vault, "init", LOTSE_PASSWORD=PASSWORD).stdout)
    assert_fails(lotse("--vault", vault, "recover", "--code", "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA",
                       LOTSE_NEW_PASSWORD=NEW_PASSWORD), 3)
    result = lotse("--vault", vault, "recover", "--code", code.lower(), LOTSE_NEW_PASSWORD=NEW_PASSWORD)
    assert result.returncode == 0, result.stderr
    assert_fails(lotse("--vault", vault, "backup", "-o", tmp_path / "x", LOTSE_PASSWORD=PASSWORD), 3)
    assert lotse("--vault", vault, "backup", "-o", tmp_path / "x", LOTSE_PASSWORD=NEW_PASSWORD).returncode == 0


def test_backup_and_restore_round_trip_and_restore_never_overwrites(cli_vault, tmp_path):
    backup = tmp_path / "vault.lotse-backup"
    assert lotse("--vault", cli_vault, "backup", "-o", backup, LOTSE_PASSWORD=PASSWORD).returncode == 0

    before = snapshot(cli_vault)
    line = assert_fails(lotse("--vault", cli_vault, "restore", backup, LOTSE_PASSWORD=PASSWORD), 4)
    assert "already exists" in line
    assert snapshot(cli_vault) == before

    assert_fails(lotse("--vault", tmp_path / "R", "restore", backup, LOTSE_PASSWORD="wrong"), 3)
    assert not (tmp_path / "R").exists()
    result = lotse("--vault", tmp_path / "R", "restore", backup, LOTSE_PASSWORD=PASSWORD)
    assert result.returncode == 0, result.stderr
    with Vault.unlock(tmp_path / "R", PASSWORD) as restored, restored.session() as session:
        actions = session.execute(text("SELECT action FROM audit_log ORDER BY id")).scalars().all()
    assert actions == ["vault.restored"]  # the backup's own audit row is written after it


def test_restore_of_a_truncated_backup_exits_4(cli_vault, tmp_path):
    backup = tmp_path / "vault.lotse-backup"
    assert lotse("--vault", cli_vault, "backup", "-o", backup, LOTSE_PASSWORD=PASSWORD).returncode == 0
    backup.write_bytes(backup.read_bytes()[:-100])
    assert "damaged" in assert_fails(lotse("--vault", tmp_path / "R", "restore", backup, LOTSE_PASSWORD=PASSWORD), 4)
    assert not (tmp_path / "R").exists()


def test_missing_password_without_a_terminal_exits_2(cli_vault, tmp_path):
    line = assert_fails(lotse("--vault", cli_vault, "backup", "-o", tmp_path / "x"), 2)
    assert "LOTSE_PASSWORD" in line


def test_password_file_is_read(cli_vault, tmp_path):
    secret = tmp_path / "pw"
    secret.write_text(PASSWORD + "\n")
    result = lotse("--vault", cli_vault, "--password-file", secret, "backup", "-o", tmp_path / "x")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("argv", [["frob"], ["backup"], ["--no-such-option"], ["restore"]])
def test_usage_errors_exit_2_with_one_line(argv):
    assert_fails(lotse(*argv), 2)


def test_no_vault_there_exits_4(tmp_path):
    assert "no vault" in assert_fails(lotse("--vault", tmp_path / "none", "backup", "-o", tmp_path / "x",
                                            LOTSE_PASSWORD=PASSWORD), 4)
