"""Sync conflicts shown with a case.

The stored conflicts of team sync (``app.storage.sync``), unresolved ones
only, oldest first: ``{"id", "kind", "field", "mine", "theirs", "winner",
"entity", "row_id", "detected_at", …}`` (shared/CLI.md). ``mine`` is the value
this device held, ``theirs`` the one that arrived; ``winner`` says which is
in effect. Resolve with ``app.storage.sync.resolve_conflict``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session


def conflicts_for_case(session: Session, case_id: str) -> list[dict[str, Any]]:
    from app.storage.sync.conflicts import conflicts_for_case as stored_conflicts

    return stored_conflicts(session, case_id)
