"""Start-up decisions: which vault folder, which first dialog, one styled QApplication."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.settings import app_home
from app.ui.application import make_application, resolve_vault_dir, start_dialog
from app.ui.dialogs.create_vault import CreateVaultDialog
from app.ui.dialogs.unlock import UnlockDialog
from app.ui.theme import COLORS


def test_the_vault_folder_comes_from_the_argument_then_settings_then_the_default(settings, tmp_path):
    assert resolve_vault_dir(None, settings) == app_home() / "vault"
    settings.set("vault/last_dir", str(tmp_path / "remembered"))
    assert resolve_vault_dir(None, settings) == tmp_path / "remembered"
    assert resolve_vault_dir(tmp_path / "given", settings) == tmp_path / "given"


def test_lotse_vault_counts_like_the_argument(settings, tmp_path, monkeypatch):
    settings.set("vault/last_dir", str(tmp_path / "remembered"))
    monkeypatch.setenv("LOTSE_VAULT", str(tmp_path / "from-env"))
    assert resolve_vault_dir(None, settings) == Path(tmp_path / "from-env")


def test_first_run_creates_and_later_runs_unlock(qtbot, vault_dir, vault):
    empty = vault_dir.parent / "nothing-here"
    first = start_dialog(empty)
    qtbot.addWidget(first)
    assert isinstance(first, CreateVaultDialog)
    later = start_dialog(vault_dir)
    qtbot.addWidget(later)
    assert isinstance(later, UnlockDialog)


def test_the_application_is_one_named_and_styled_instance(qapp):
    app = make_application()
    assert app is QApplication.instance() is qapp
    assert app.applicationName() == "Lotse"
    assert app.organizationName() == "Lotse"
    assert app.palette().highlight().color().name().upper() == COLORS["accent"]
    assert app.font().pointSizeF() >= 10
    assert "QPushButton[primary=\"true\"]" in app.styleSheet()
    assert "$" not in app.styleSheet()  # every colour token was replaced
