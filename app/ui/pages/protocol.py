"""What the main window asks of a page: the lock/unlock protocol.

A page is any QWidget made by a factory ``factory(vault) -> QWidget``. It may
implement any of these methods; the main window calls those that exist:

``on_vault_locked()``
    Called when the vault locks (Ctrl+L, idle time, closing the window).
    The lock screen already covers the window; the vault is still open for
    the duration of the call, so a page may save a draft through a service.
    Right after all pages returned, ``vault.lock()`` drops the key. The page
    must forget the vault object, stop timers and workers that use it, and
    should clear data it displays (table models); it must NOT clear the
    user's unsaved input (text fields, selections): the same widgets come
    back after unlock.

``on_vault_unlocked(vault)``
    Called after the user unlocked again. ``vault`` is a new Vault object
    for the same folder; keep it instead of the old one and reload
    displayed data through services. Unsaved input is still in the widgets.

``before_close() -> bool``
    Called when the window is about to close with the vault unlocked.
    Return False to keep the window open (after asking about unsaved input).

An exception in a hook is reported (error_dialogs) but never stops the lock:
security beats a page's bug.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtWidgets import QWidget

from app.storage.vault import Vault
from app.ui.error_dialogs import report_unexpected


@runtime_checkable
class VaultAwarePage(Protocol):
    def on_vault_locked(self) -> None: ...

    def on_vault_unlocked(self, vault: Vault) -> None: ...


def notify_locked(page: QWidget) -> None:
    _call(page, "on_vault_locked")


def notify_unlocked(page: QWidget, vault: Vault) -> None:
    _call(page, "on_vault_unlocked", vault)


def allows_close(page: QWidget) -> bool:
    hook = getattr(page, "before_close", None)
    if hook is None:
        return True
    try:
        return bool(hook())
    except Exception as exc:  # a broken hook must not trap the user in the window
        report_unexpected(type(exc), exc, exc.__traceback__, page.window())
        return True


def _call(page: QWidget, name: str, *args: object) -> None:
    hook = getattr(page, name, None)
    if hook is None:
        return
    try:
        hook(*args)
    except Exception as exc:
        report_unexpected(type(exc), exc, exc.__traceback__, page.window())
