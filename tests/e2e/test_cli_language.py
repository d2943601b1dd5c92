"""The CLI speaks the chosen language: LOTSE_LANG, else the 'ui/language' setting, else the locale."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "e2e language password"


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogs():
    """The install step's catalog build (make test runs it too); .mo files are build output."""
    subprocess.run([sys.executable, str(ROOT / "scripts" / "i18n.py"), "compile"], check=True,
                   capture_output=True, timeout=120)


def lotse(*args: str | Path, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("LOTSE_") and k != "LANGUAGE"}
    environment.update(LOTSE_KDF_TARGET_SECONDS="0", LOTSE_HOME=os.environ["LOTSE_HOME"], **env)
    return subprocess.run([sys.executable, "-m", "app", *map(str, args)], env=environment,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)


@pytest.fixture
def vault_dir(tmp_path) -> Path:
    folder = tmp_path / "vault"
    created = lotse("--vault", folder, "init", "--user", "Test", LOTSE_NEW_PASSWORD=PASSWORD, LOTSE_LANG="en")
    assert created.returncode == 0, created.stderr
    return folder


def test_a_wrong_password_is_said_in_german(vault_dir):
    result = lotse("--vault", vault_dir, "case", "list", LOTSE_PASSWORD="not the password", LOTSE_LANG="de")
    assert result.returncode == 3
    assert result.stderr == "lotse: Das Passwort ist nicht richtig.\n"


def test_the_same_error_in_english(vault_dir):
    result = lotse("--vault", vault_dir, "case", "list", LOTSE_PASSWORD="not the password", LOTSE_LANG="en")
    assert result.stderr == "lotse: The password is not correct.\n"


def test_the_setting_decides_without_lotse_lang_and_json_stays_untranslated(vault_dir, tmp_path):
    home = Path(os.environ["LOTSE_HOME"])
    (home / "settings.ini").write_text("[ui]\nlanguage=de\n", encoding="utf-8")
    demo = lotse("--vault", vault_dir, "demo", "--cases", "3", "--today", "2026-11-21", LOTSE_PASSWORD=PASSWORD)
    assert demo.returncode == 0, demo.stderr
    assert demo.stdout.startswith("3 Demo-Fälle angelegt (Seed 1, Stichtag 21.11.2026)")
    listed = lotse("--vault", vault_dir, "case", "list", LOTSE_PASSWORD=PASSWORD)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines()[0].split() == ["Az.", "Name", "Status", "Phase", "Art", "Aufnahme", "Abschluss"]
    assert listed.stdout.splitlines()[-1] == "3 von 3 Fällen"
    as_json = json.loads(lotse("--vault", vault_dir, "case", "list", "--json", LOTSE_PASSWORD=PASSWORD).stdout)
    assert {"ref", "name", "status", "phase", "case_type", "opened"} <= set(as_json[0])  # keys and codes stay
    assert {case["phase"] for case in as_json} <= {"intake", "assessment", "planning", "implementation",
                                                   "monitoring", "closed"}
    missing = lotse("--vault", vault_dir, "audit", "--case", "1999-0001", LOTSE_PASSWORD=PASSWORD)
    assert (missing.returncode, missing.stderr) == (4, "lotse: Einen Fall 1999-0001 gibt es nicht.\n")


def test_without_setting_or_variable_an_unknown_locale_means_german(vault_dir):
    result = lotse("--vault", vault_dir, "case", "list", LOTSE_PASSWORD="wrong again", LANG="C.UTF-8")
    assert result.stderr == "lotse: Das Passwort ist nicht richtig.\n"
