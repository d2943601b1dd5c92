"""Every setting Lotse has, declared once with its default.

Settings hold preferences only, never secrets or client data: the password,
keys and anything about a person live in the vault. The store is a QSettings
INI file under the app-data folder, which ``LOTSE_HOME`` overrides (tests use
a temporary folder).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

APP_NAME = "Lotse"


@dataclass(frozen=True)
class Option:
    key: str
    default: Any
    doc: str


OPTIONS: dict[str, Option] = {
    option.key: option
    for option in (
        Option("ui/language", "", "Interface language code; empty means the system locale."),
        Option("ui/idle_lock_minutes", 5, "Lock the vault after this many idle minutes (0: never)."),
        Option("ui/window_geometry", b"", "Main window geometry, restored on start."),
        Option("ui/window_state", b"", "Main window dock/splitter state."),
        Option("ui/column_widths", "{}", "Column widths the user set, per table (JSON: name -> list of pixels)."),
        Option("vault/last_dir", "", "The vault opened last, offered at start."),
        Option("org/name", "", "Sending organisation for letterheads."),
        Option("org/address", "", "Sending organisation's postal address (lines separated by newlines)."),
        Option("org/phone", "", "Organisation phone number for letters."),
        Option("org/email", "", "Organisation e-mail for letters."),
        Option("org/logo_path", "", "Optional logo image for letterheads."),
        Option("sync/folder", "", "Shared team folder."),
        Option("sync/interval_minutes", 10, "Automatic sync interval when the folder is reachable (0: off)."),
        Option("sync/share_new_cases", True, "Whether new cases are shared with the team by default."),
        Option("retention/case_management_years", 3, "Years after closing before a case-management case is erased."),
        Option("retention/referral_advice_years", 3, "Years after closing before a Verweisberatung case is erased."),
    )
}


def app_home() -> Path:
    """The folder for settings, logs and the default vault."""
    override = os.environ.get("LOTSE_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_vault_dir() -> Path:
    return Path(os.environ.get("LOTSE_VAULT") or app_home() / "vault")


class Settings:
    """Typed access to the declared options, stored with QSettings."""

    def __init__(self, path: Path | None = None) -> None:
        from PySide6.QtCore import QSettings

        self.path = path or app_home() / "settings.ini"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._store = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, key: str) -> Any:
        option = OPTIONS[key]
        value = self._store.value(key, option.default)
        return _coerce(value, option.default)

    def set(self, key: str, value: Any) -> None:
        if key not in OPTIONS:
            raise KeyError(f"undeclared setting {key!r}")
        self._store.setValue(key, value)
        self._store.sync()


def _coerce(value: Any, default: Any) -> Any:
    """QSettings' INI backend returns strings; give back the default's type."""
    if isinstance(default, bool):
        return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
    if isinstance(default, int):
        try:
            return int(value)
        except (TypeError, ValueError):
            return default
    if isinstance(default, bytes):
        return bytes(value) if value is not None else default
    return value
