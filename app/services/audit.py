"""The audit log: every view, change, print and export of a case (DOMAIN.md)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.models import AuditEntry


def record(session: Session, user: str, action: str, case_id: str | None = None, detail: str = "") -> None:
    """Add an audit row in the caller's transaction, so it commits or rolls back with the change.

    ``detail`` carries ids and field names, never a client's name or note text.
    """
    session.add(AuditEntry(user=user, action=action, case_id=case_id, detail=detail))
