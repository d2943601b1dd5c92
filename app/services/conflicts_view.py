"""Sync conflicts shown with a case.

Until sync exists there are none; the sync work replaces the body of
``conflicts_for_case`` with a query of its stored conflicts, keeping the shape:
a list of ``{"field", "mine", "theirs", …}`` dicts (shared/CLI.md).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session


def conflicts_for_case(session: Session, case_id: str) -> list[dict[str, Any]]:
    return []
