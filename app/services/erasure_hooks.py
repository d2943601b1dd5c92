"""Hooks other parts of Lotse attach to an erasure made on this device.

``after_local_erasure`` runs inside the erasing transaction, after the case's
rows are gone, so whatever it records commits (or rolls back) with the
erasure. Sync will record here the erasure that must travel to the team and
win over any edit of that case on other devices (ARCHITECTURE.md decision 3).
An erasure *received* from another device is applied with
``retention.purge_case`` by sync itself and does not come back through this hook.
"""

from __future__ import annotations

from sqlalchemy.orm import Session


def after_local_erasure(session: Session, case_id: str) -> None:
    """Record the erasure for the team (and drop the case's sync records)."""
    from app.storage.sync import record_erasure

    record_erasure(session, case_id)
