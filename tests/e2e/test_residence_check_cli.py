"""`lotse residence-check` run as a user runs it: a real subprocess, no vault, no password."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def lotse(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "LOTSE_HOME": str(cwd / "home"), "LOTSE_KDF_TARGET_SECONDS": "0",
           "PYTHONPATH": str(REPO)}
    env.pop("LOTSE_PASSWORD", None)  # the check needs no vault and no password
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=60)


@pytest.fixture
def facts_file(tmp_path) -> Path:
    path = tmp_path / "facts.json"
    path.write_text(json.dumps({
        "birth_date": "2000-02-29", "entry_date": "2021-08-31", "duldung_since": "2025-11-30",
        "minor_child": False, "school_years": 3, "qualification": False, "employment_since": "2025-06-30",
        "weekly_hours": 19, "german_level": "A2", "identity_clarified": True,
    }), encoding="utf-8")
    return path


def test_json_answer_follows_the_contract(facts_file, tmp_path):
    run = lotse("residence-check", str(facts_file), "--on", "2026-11-21", "--json", cwd=tmp_path)

    assert run.returncode == 0, run.stderr
    answer = json.loads(run.stdout)
    assert answer["on"] == "2026-11-21"
    assert answer["rules_version"] == "2026-01-01"
    assert set(answer["rules"]) == {"25a", "25b", "60c", "60d"}
    for result in answer["rules"].values():
        assert {"requirements_met_on", "application_deadline", "available", "missing", "notes"} <= set(result)
        assert isinstance(result["available"], bool)
        assert all(isinstance(item, str) for item in result["missing"] + result["notes"])

    rule_25a = answer["rules"]["25a"]
    assert rule_25a["application_deadline"] == "2027-02-28"
    assert rule_25a["requirements_met_on"] == "2026-12-01"
    assert rule_25a["available"] is True
    assert answer["rules"]["25b"]["requirements_met_on"] == "2027-09-01"
    assert answer["rules"]["25b"]["application_deadline"] is None
    assert answer["rules"]["60c"]["requirements_met_on"] == "2026-03-01"
    assert answer["rules"]["60d"]["requirements_met_on"] is None
    assert any("19 hours a week" in item for item in answer["rules"]["60d"]["missing"])
    assert {"kind": "birthday_27", "due": "2027-02-28", "source": "rule:25a"}.items() <= \
        next(d for d in answer["deadlines"] if d["kind"] == "birthday_27").items()


def test_readable_summary_without_json(facts_file, tmp_path):
    run = lotse("residence-check", str(facts_file), "--on", "2026-11-30", cwd=tmp_path)

    assert run.returncode == 0, run.stderr
    assert "Residence check on 2026-11-30" in run.stdout
    assert "last day to apply:        2027-02-28" in run.stdout
    assert "2027-02-28, in 90 days" in run.stdout
    assert "Beschäftigungsduldung: can still apply" in run.stdout


def test_on_defaults_to_today(facts_file, tmp_path):
    before = date.today()
    run = lotse("residence-check", str(facts_file), "--json", cwd=tmp_path)

    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["on"] in {before.isoformat(), (before + timedelta(days=1)).isoformat()}


@pytest.mark.parametrize(("content", "message"), [
    ('{"birth_date": "2001",', "is not valid JSON"),
    ('{"birth_date": "2001", "absences": []}', "Unknown field 'absences'"),
    ('{"entry_date": "2021-02-30"}', "entry_date is not a real calendar date"),
])
def test_bad_facts_exit_2_with_one_line(tmp_path, content, message):
    path = tmp_path / "facts.json"
    path.write_text(content, encoding="utf-8")

    run = lotse("residence-check", str(path), "--on", "2026-11-21", "--json", cwd=tmp_path)

    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.startswith("lotse: ") and message in run.stderr
    assert run.stderr.count("\n") == 1


def test_a_bad_on_date_exits_2(facts_file, tmp_path):
    run = lotse("residence-check", str(facts_file), "--on", "21.11.2026", cwd=tmp_path)

    assert run.returncode == 2
    assert "--on must be a date as YYYY-MM-DD" in run.stderr


def test_a_missing_facts_file_exits_4(tmp_path):
    run = lotse("residence-check", str(tmp_path / "missing.json"), cwd=tmp_path)

    assert run.returncode == 4
    assert run.stderr.startswith("lotse: ") and "does not exist" in run.stderr


# --- a case of the vault instead of a facts file ----------------------------------------------------

def test_a_case_reference_checks_the_person_of_that_case(vault, vault_dir, isolated_home):
    from datetime import date as day

    from tests.deadline_builders import make_case
    from tests.e2e.cli_helpers import run, run_json

    with vault.session() as session:
        make_case(session, ref="2026-0042", birth_date="2000-02-29", entry_date=day(2021, 8, 31),
                  duldung_since=day(2024, 11, 30), school_years=3.0, identity_clarified=True)
    vault.lock()

    answer = run_json(vault_dir, "residence-check", "2026-0042", "--on", "2026-11-21", home=isolated_home)

    assert answer["on"] == "2026-11-21"
    assert answer["rules_version"] == "2026-01-01"
    assert set(answer["rules"]) >= {"25a", "25b", "60c", "60d"}
    # 29.02.2000: 27 years of life complete with the end of 28.02.2027 (§ 188 Abs. 3 BGB).
    assert answer["rules"]["25a"]["application_deadline"] == "2027-02-28"
    # Duldung since 30.11.2024 + 12 months -> 30.11.2025, complete on 01.12.2025 (the later of stay and Duldung).
    assert answer["rules"]["25a"]["requirements_met_on"] == "2025-12-01"
    assert answer["rules"]["25a"]["available"] is True

    unknown = run(vault_dir, "residence-check", "2099-9999", "--json", home=isolated_home)
    assert unknown.returncode == 4
    assert unknown.stdout == ""
    assert unknown.stderr.strip() == "lotse: No case with reference 2099-9999."


def test_a_birth_date_after_the_check_date_or_an_entry_before_birth_exit_2(tmp_path):
    future = tmp_path / "future.json"
    future.write_text(json.dumps({"birth_date": "2030-01-01"}), encoding="utf-8")
    before_birth = tmp_path / "before_birth.json"
    before_birth.write_text(json.dumps({"birth_date": "2000", "entry_date": "1999-05-01"}), encoding="utf-8")

    run = lotse("residence-check", str(future), "--on", "2026-11-21", "--json", cwd=tmp_path)
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.strip() == ("lotse: The birth date 2030-01-01 lies after the check date 2026-11-21: "
                                  "check the birth date.")

    run = lotse("residence-check", str(before_birth), "--on", "2026-11-21", cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr.strip() == "lotse: entry_date (1999-05-01) lies before the birth date 2000: check both dates."
