"""import, case list, case show, search, agency list as a user runs them (real processes)."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PASSWORD = "e2e case password"
GOAL_AREAS = ["residence", "needs", "language", "education_work", "health", "mental_health", "networks",
              "perspectives"]
GOOD_CSV = "\r\n".join([
    "ref;given_names;family_name;name_original;birth_date;nationality;case_type;opened;languages;case_manager",
    "2024-0001;Hans;Müller;;12.03.1990;DE;case_management;15.02.2024;de;Jana",
    "2024-0002;Ahmad;Al-Hassan;أحمد الحسن;1999;SY;case_management;01.03.2024;ar;Tom",
    "2024-0003;Olena;Kovalenko;Олена Коваленко;2001-07;UA;referral_advice;2024-04-01;uk;Jana",
    "2024-0004;<b>Ali;& Söhne'\";;2000;AF;case_management;2024-05-01;prs;Tom",
]) + "\r\n"


def lotse(vault: Path, *args: str | Path, home: Path | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("LOTSE_")}
    environment.update(LOTSE_KDF_TARGET_SECONDS="0", LOTSE_HOME=str(home or os.environ["LOTSE_HOME"]),
                       LOTSE_PASSWORD=PASSWORD)
    return subprocess.run(
        [sys.executable, "-m", "app", "--vault", str(vault), *map(str, args)],
        env=environment, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
    )


def ok_json(result: subprocess.CompletedProcess):
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout)


def assert_one_line_error(result: subprocess.CompletedProcess, code: int) -> str:
    assert result.returncode == code, (result.returncode, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("lotse: "), result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    return lines[0]


@pytest.fixture(scope="module")
def vault(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cli-cases")
    vault = folder / "V"
    assert lotse(vault, "init", home=folder / "home").returncode == 0
    source = folder / "cases.csv"
    source.write_bytes(codecs.BOM_UTF8 + GOOD_CSV.encode("utf-8"))
    assert ok_json(lotse(vault, "import", source, "--json", home=folder / "home")) == {"created": 4, "updated": 0}
    return vault


def test_import_twice_updates_and_prints_a_summary(vault, tmp_path):
    source = tmp_path / "again.csv"
    source.write_text(GOOD_CSV, encoding="utf-8")
    result = lotse(vault, "import", source)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Imported 4 cases: 0 created, 4 updated."


def test_import_with_bad_rows_names_each_line_and_imports_nothing(vault, tmp_path):
    source = tmp_path / "bad.csv"
    source.write_text("\n".join([
        "ref,given_names,family_name,name_original,birth_date,nationality,case_type,opened",
        "2024-0100,Good,Row,,2000,SY,case_management,2024-01-01",
        "2024-0101,Bad,Date,,2999-01-01,SY,case_management,2024-01-01",
        "2024-0102,Bad,Type,,2000,SY,self_help,2024-01-01",
    ]) + "\n", encoding="utf-8")
    result = lotse(vault, "import", source)
    assert result.returncode == 4
    lines = result.stderr.splitlines()
    assert lines[0] == "lotse: 2 rows have errors; nothing was imported"
    assert lines[1].startswith("line 3, column birth_date: ")
    assert lines[2].startswith("line 4, column case_type: Unknown case type 'self_help'")
    assert len(lines) == 3 and "Traceback" not in result.stderr
    refs = [c["ref"] for c in ok_json(lotse(vault, "case", "list", "--json"))]
    assert "2024-0100" not in refs


def test_import_of_a_windows_1252_file_says_save_as_utf8(vault, tmp_path):
    source = tmp_path / "excel.csv"
    source.write_bytes(GOOD_CSV.replace("أحمد الحسن", "").replace("Олена Коваленко", "").encode("cp1252"))
    line = assert_one_line_error(lotse(vault, "import", source), 4)
    assert "not UTF-8" in line and "CSV UTF-8" in line
    assert_one_line_error(lotse(vault, "import", tmp_path / "missing.csv"), 4)


def test_case_list_json_and_table(vault):
    cases = ok_json(lotse(vault, "case", "list", "--json"))
    assert [c["ref"] for c in cases] == ["2024-0001", "2024-0002", "2024-0003", "2024-0004"]
    assert {"ref", "name", "status", "phase", "case_type", "opened", "closed"} <= set(cases[0])
    assert cases[2]["case_type"] == "referral_advice" and cases[0]["opened"] == "2024-02-15"
    assert cases[3]["name"] == "<b>Ali & Söhne'\""
    limited = ok_json(lotse(vault, "case", "list", "--json", "--limit", "2", "--status", "active"))
    assert len(limited) == 2
    table = lotse(vault, "case", "list")
    assert table.returncode == 0 and table.stdout.splitlines()[0].split() == [
        "ref", "name", "status", "phase", "type", "opened", "closed"]
    assert "4 of 4 cases" in table.stdout
    assert_one_line_error(lotse(vault, "case", "list", "--sort", "age"), 2)
    by_name = ok_json(lotse(vault, "case", "list", "--json", "--sort", "name", "--desc"))
    assert [c["name"] for c in by_name][:2] == ["Hans Müller", "Olena Kovalenko"]


def test_case_show_json_has_all_eight_goal_areas(vault):
    detail = ok_json(lotse(vault, "case", "show", "2024-0002", "--json"))
    assert detail["ref"] == "2024-0002" and detail["name"] == "Ahmad Al-Hassan"
    assert sorted(detail["goal_areas"]) == sorted(GOAL_AREAS)
    assert detail["person"]["name_original"] == "أحمد الحسن" and detail["person"]["birth_date"] == "1999"
    for key in ("contacts", "referrals", "consents", "barriers", "agreements", "deadlines", "conflicts"):
        assert detail[key] == []
    human = lotse(vault, "case", "show", "2024-0002")
    assert human.returncode == 0 and "Goal areas" in human.stdout and "mental_health" in human.stdout


def test_unknown_reference_is_one_line_and_exit_4(vault):
    line = assert_one_line_error(lotse(vault, "case", "show", "2099-0001", "--json"), 4)
    assert line == "lotse: No case with reference 2099-0001."


@pytest.mark.parametrize("query", ["Müller", "Mueller", "Muller"])
def test_search_finds_every_spelling(vault, query):
    hits = ok_json(lotse(vault, "search", query, "--json"))
    assert [(h["ref"], h["field"]) for h in hits] == [("2024-0001", "name")]
    assert set(hits[0]) == {"ref", "name", "field", "snippet"}


def test_search_arabic_and_cyrillic(vault):
    assert [h["ref"] for h in ok_json(lotse(vault, "search", "أحمد", "--json"))] == ["2024-0002"]
    assert [h["ref"] for h in ok_json(lotse(vault, "search", "Коваленко", "--limit", "5", "--json"))] == ["2024-0003"]
    assert ok_json(lotse(vault, "search", "Nobody", "--json")) == []
    assert lotse(vault, "search", "x", "--limit", "0").returncode == 2


def test_agency_list_ids_are_what_referrals_use(vault):
    agencies = ok_json(lotse(vault, "agency", "list", "--json"))
    assert len(agencies) >= 10
    assert {"id", "name", "legal_domain", "street", "postcode", "city"} <= set(agencies[0])
    assert "261f7889-7090-5a20-a1dc-564ef0fc0c26" in {a["id"] for a in agencies}  # the fixed Jobcenter id
    human = lotse(vault, "agency", "list")
    assert human.returncode == 0 and "Jobcenter Kreis Emsbruch" in human.stdout


def test_wrong_password_is_exit_3(vault):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("LOTSE_")}
    environment.update(LOTSE_KDF_TARGET_SECONDS="0", LOTSE_HOME=os.environ["LOTSE_HOME"], LOTSE_PASSWORD="wrong pw 123")
    result = subprocess.run([sys.executable, "-m", "app", "--vault", str(vault), "case", "list"], env=environment,
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    assert_one_line_error(result, 3)
