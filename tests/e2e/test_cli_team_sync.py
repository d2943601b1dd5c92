"""Two vaults through the real CLI: team create/join, sync, conflicts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PASSWORD = "correct horse battery"
PASSPHRASE = "our team passphrase"


def lotse(vault: Path, *args: str, passphrase: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, LOTSE_PASSWORD=PASSWORD, LOTSE_NEW_PASSWORD=PASSWORD, LOTSE_KDF_TARGET_SECONDS="0")
    env.pop("LOTSE_TEAM_PASSPHRASE", None)
    if passphrase is not None:
        env["LOTSE_TEAM_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "app", "--vault", str(vault), *args],
        env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )


def ok(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert result.returncode == 0, result.stderr
    return result


def edit_in_process(vault_dir: Path, action) -> object:
    """Cases are made with the ORM (the case commands belong to another part of the CLI)."""
    from app.storage.vault import Vault

    vault = Vault.unlock(vault_dir, PASSWORD)
    try:
        return action(vault)
    finally:
        vault.lock()


@pytest.fixture
def vaults(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    ok(lotse(a, "init"))
    ok(lotse(b, "init"))
    return a, b


def test_two_vaults_sync_through_the_cli(vaults, tmp_path):
    from tests.unit.sync_helpers import Case, add_case, get_field, set_field

    a, b = vaults
    share = tmp_path / "share"
    share.mkdir()

    created = json.loads(ok(lotse(a, "team", "create", "--folder", str(share), "--json", passphrase=PASSPHRASE)).stdout)
    assert (share / created["team_id"] / "team.json").is_file()

    wrong = lotse(b, "team", "join", "--folder", str(share), passphrase="not our passphrase")
    assert wrong.returncode == 3
    assert wrong.stderr.startswith("lotse: ") and "Traceback" not in wrong.stderr
    ok(lotse(b, "team", "join", "--folder", str(share), passphrase=PASSPHRASE))

    case_id = edit_in_process(a, lambda v: add_case(v, given="Samira", notes="first"))
    sent = json.loads(ok(lotse(a, "sync", "--json")).stdout)
    assert sent["sent"] == 2 and sent["received"] == 0 and sent["conflicts"] == 0
    received = json.loads(ok(lotse(b, "sync", "--json")).stdout)
    assert received["received"] == 2 and received["conflicts"] == 0

    edit_in_process(a, lambda v: set_field(v, Case, case_id, "intake_notes", "from A"))
    edit_in_process(b, lambda v: set_field(v, Case, case_id, "intake_notes", "from B"))
    ok(lotse(a, "sync", "--json"))
    on_b = json.loads(ok(lotse(b, "sync", "--json")).stdout)
    assert on_b["conflicts"] == 1
    ok(lotse(a, "sync"))

    conflicts = json.loads(ok(lotse(b, "conflicts", "--json")).stdout)
    assert len(conflicts) == 1
    [conflict] = conflicts
    assert conflict["field"] == "intake_notes" and {conflict["mine"], conflict["theirs"]} == {"from A", "from B"}
    assert conflict["mine"] == "from B"

    merged = tmp_path / "merged.txt"
    merged.write_text("from A and from B", encoding="utf-8")
    resolved = lotse(b, "conflicts", "resolve", str(conflict["id"]), "--keep", "merged", "--text-file", str(merged))
    ok(resolved)
    ok(lotse(b, "sync", "--json"))
    ok(lotse(a, "sync", "--json"))
    assert json.loads(ok(lotse(a, "conflicts", "--json")).stdout) == []
    assert json.loads(ok(lotse(b, "conflicts", "--json")).stdout) == []
    notes = edit_in_process(a, lambda v: get_field(v, Case, case_id, "intake_notes"))
    assert notes == "from A and from B"

    status = json.loads(ok(lotse(a, "team", "status", "--json")).stdout)
    assert status["in_team"] and status["folder_reachable"] and status["unresolved_conflicts"] == 0


def test_sync_errors_are_one_line_with_the_contract_exit_codes(vaults, tmp_path):
    a, _b = vaults
    not_in_team = lotse(a, "sync")
    assert not_in_team.returncode == 2 and not_in_team.stderr.startswith("lotse: ")
    share = tmp_path / "share"
    share.mkdir()
    ok(lotse(a, "team", "create", "--folder", str(share), passphrase=PASSPHRASE))
    missing = lotse(a, "sync", "--folder", str(tmp_path / "unplugged-usb-stick"))
    assert missing.returncode == 4
    assert "team folder is not reachable" in missing.stderr and len(missing.stderr.strip().splitlines()) == 1
    no_passphrase = lotse(a, "team", "join", "--folder", str(share))
    assert no_passphrase.returncode == 2 and "LOTSE_TEAM_PASSPHRASE" in no_passphrase.stderr
