"""Team sync through a shared folder (ARCHITECTURE.md decision 3; docs/sync.md).

Importing this package installs the change capture on every SQLAlchemy
session (the vault imports it, so no service has to remember anything).

Public API::

    sync_now(vault, folder=None, progress=None) -> SyncResult
    sync_status(vault) -> SyncStatus
    create_team(vault, folder, passphrase, name="") / join_team(vault, folder, passphrase) / leave_team(vault)
    compact(vault, folder=None) -> SyncResult          # sync + snapshot + pruning
    record_erasure(session, case_id)                   # retention/GDPR erasure, final everywhere
    list_conflicts(session) / conflicts_for_case(session, case_id) / resolve_conflict(session, id, keep, text)
"""

from app.storage.sync.capture import register as _register

_register()

from app.storage.sync.conflicts import conflicts_for_case, list_conflicts, resolve_conflict  # noqa: E402
from app.storage.sync.context import set_clock  # noqa: E402
from app.storage.sync.erasure import record_erasure  # noqa: E402
from app.storage.sync.status import SyncStatus, sync_status  # noqa: E402
from app.storage.sync.team import create_team, join_team, leave_team  # noqa: E402
from app.storage.sync.transfer import SyncResult, compact, sync_now  # noqa: E402

__all__ = [
    "SyncResult",
    "SyncStatus",
    "compact",
    "conflicts_for_case",
    "create_team",
    "join_team",
    "leave_team",
    "list_conflicts",
    "record_erasure",
    "resolve_conflict",
    "set_clock",
    "sync_now",
    "sync_status",
]
