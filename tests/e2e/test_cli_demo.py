"""`lotse demo` as a user runs it: real processes, real vaults; same seed, same cases."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from app.models import Case, Person
from app.storage.vault import Vault

PASSWORD = "e2e demo password"
TODAY = "2026-03-01"


def lotse(*args: str | Path, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("LOTSE_")}
    environment.update(LOTSE_KDF_TARGET_SECONDS="0", LOTSE_HOME=os.environ["LOTSE_HOME"], LOTSE_PASSWORD=PASSWORD, **env)
    return subprocess.run(
        [sys.executable, "-m", "app", *map(str, args)],
        env=environment, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300,
    )


def new_vault(path: Path) -> Path:
    result = lotse("--vault", path, "init")
    assert result.returncode == 0, result.stderr
    return path


def case_list(path: Path) -> list[tuple]:
    """What `case list` shows: ref, name, status, phase, case type, opened, closed."""
    vault = Vault.unlock(path, PASSWORD)
    try:
        with vault.session() as session:
            return [
                tuple(row)
                for row in session.execute(
                    select(Case.ref, Person.given_names, Person.family_name, Person.name_original, Case.status,
                           Case.phase, Case.case_type, Case.opened, Case.closed)
                    .join(Person, Person.id == Case.person_id)
                    .order_by(Case.ref)
                )
            ]
    finally:
        vault.lock()


def test_same_seed_gives_the_same_cases_in_two_vaults(tmp_path):
    first, second = new_vault(tmp_path / "A"), new_vault(tmp_path / "B")
    result = lotse("--vault", first, "demo", "--cases", "20", "--seed", "1", "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert "Added 20 demo cases (seed 1" in result.stdout
    result = lotse("--vault", second, "demo", "--cases", "20", "--seed", "1", "--today", TODAY, "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["cases"] == 20 and summary["seed"] == 1 and summary["today"] == TODAY
    assert summary["rows"]["contacts"] > 20 and sum(summary["by_phase"].values()) == 20

    listed = case_list(first)
    assert len(listed) == 20
    assert listed == case_list(second)


def test_another_seed_gives_other_cases(tmp_path):
    first, second = new_vault(tmp_path / "A"), new_vault(tmp_path / "B")
    for vault, seed in ((first, "1"), (second, "2")):
        assert lotse("--vault", vault, "demo", "--cases", "8", "--seed", seed, "--today", TODAY).returncode == 0
    assert case_list(first) != case_list(second)


def test_bad_input_is_one_line_with_the_usage_code(tmp_path):
    vault = new_vault(tmp_path / "A")
    for args, code in (
        (["--cases", "0"], 2),
        (["--cases", "5", "--today", "1.3.2026"], 2),
        (["--cases", "many"], 2),
    ):
        result = lotse("--vault", vault, "demo", *args)
        assert result.returncode == code, (args, result.stderr)
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("lotse: ")
        assert "Traceback" not in result.stderr
    missing = lotse("--vault", tmp_path / "nowhere", "demo", "--cases", "5")
    assert missing.returncode == 4 and missing.stderr.startswith("lotse: ")
