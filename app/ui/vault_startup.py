"""What runs once a vault is open in the window: seeding the default agency directory.

``ensure_default_agencies`` adds resources/agencies.json only while the vault's
directory is empty (agencies.py), so calling it after every unlock is cheap and
safe. It runs on a worker thread so the window appears at once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot

from app.services.agencies import ensure_default_agencies
from app.storage.vault import Vault
from app.ui.error_dialogs import show_error
from app.ui.workers import BackgroundTask, run_in_background


class VaultStartup(QObject):
    """Owned by the main window; ``prepare(vault)`` after the window gets a vault."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.task: BackgroundTask | None = None
        self._vault: Vault | None = None

    def prepare(self, vault: Vault) -> BackgroundTask:
        self._vault = vault
        self.task = run_in_background(ensure_default_agencies, vault, on_success=self._done, on_failure=self._failed)
        return self.task

    @Slot(object)
    def _done(self, _added: object) -> None:
        self.task = None

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self.task = None
        if self._vault is not None and self._vault.is_locked:
            return  # locked while seeding: the next unlock tries again
        parent = self.parent()
        show_error(parent if hasattr(parent, "window") else None, exc)
