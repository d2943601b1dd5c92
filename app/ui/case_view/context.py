"""What a case tab gets: the open vault, the case's identity, and a way to say "I changed it".

A tab keeps the :class:`CaseContext` it was made with and reads ``ctx.vault``
every time it calls a service: the vault object changes after the vault was
locked and unlocked again (protocol.py), the context does not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.storage.vault import Vault


class CaseContext:
    """The case a tab shows.

    ``vault``    the open vault (a new object after each unlock; read it, don't keep it)
    ``case_id``  the case's UUID; ``ref`` its reference (Aktenzeichen, e.g. 2026-0042)
    ``detail``   the last loaded case file (``case_file.case_detail``), or None before the first load
    ``changed()`` call after a successful service write: the view reloads the case
                 off the GUI thread and calls ``show_case(detail)`` on every tab
    """

    def __init__(self, vault: Vault, case_id: str, ref: str = "", *,
                 on_changed: Callable[[], None] | None = None) -> None:
        self.vault = vault
        self.case_id = case_id
        self.ref = ref
        self.detail: dict[str, Any] | None = None
        self._on_changed = on_changed

    def changed(self) -> None:
        """Something of this case was written: reload it and show it in every tab."""
        if self._on_changed is not None:
            self._on_changed()

    @property
    def is_locked(self) -> bool:
        return self.vault is None or self.vault.is_locked
