"""Shared fixtures: real vaults in temporary folders, isolated settings.

Key derivation is calibrated to its floor (the OWASP minimum) in tests so a
vault opens in milliseconds; the parameters are still real Argon2id.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LOTSE_KDF_TARGET_SECONDS"] = "0"

TEST_PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch) -> Path:
    """Settings, logs and the default vault go to a fresh folder per test."""
    home = tmp_path_factory.mktemp("lotse-home")
    monkeypatch.setenv("LOTSE_HOME", str(home))
    monkeypatch.delenv("LOTSE_VAULT", raising=False)
    monkeypatch.delenv("LOTSE_PASSWORD", raising=False)
    monkeypatch.delenv("LOTSE_NEW_PASSWORD", raising=False)
    # Tests read English messages, whatever the machine's locale; subprocesses inherit this.
    # LANGUAGE as well: e2e helpers that pass on only the non-LOTSE_ variables still get
    # English (without it, LANG=C means Lotse's default, German).
    monkeypatch.setenv("LOTSE_LANG", "en")
    monkeypatch.setenv("LANGUAGE", "en")
    return home


@pytest.fixture
def vault_dir(tmp_path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(vault_dir):
    """A new, unlocked vault; locked again after the test."""
    from app.storage.vault import Vault

    opened, _code = Vault.create(vault_dir, TEST_PASSWORD, user_name="Test Case Manager")
    yield opened
    opened.lock()
