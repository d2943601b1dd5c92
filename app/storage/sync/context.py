"""Per-vault facts the change capture needs: this device's id and its clock.

Listeners on the Session class see only a session; the session's engine
identifies the vault. The wall clock is injectable so tests can give each
device its own (skewed) time, as KeePassXC's merger tests do.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field

from sqlalchemy import Engine, text

from app.storage.sync.hlc import Clock, system_clock_ms


@dataclass
class SyncContext:
    device_id: str
    clock: Clock = system_clock_ms
    # Serialises sync runs of one vault in this process (GUI timer vs. button).
    lock: threading.Lock = field(default_factory=threading.Lock)


_contexts: weakref.WeakKeyDictionary[Engine, SyncContext] = weakref.WeakKeyDictionary()
_guard = threading.Lock()


def context_for(engine: Engine, connection=None) -> SyncContext:
    with _guard:
        found = _contexts.get(engine)
    if found is not None:
        return found
    query = text("SELECT value FROM vault_meta WHERE key = 'device_id'")
    if connection is not None:
        device_id = connection.execute(query).scalar()
    else:
        with engine.connect() as conn:
            device_id = conn.execute(query).scalar()
    created = SyncContext(device_id=device_id or "")
    if not device_id:
        return created  # a vault still being created: do not remember an empty id
    with _guard:
        return _contexts.setdefault(engine, created)


def set_clock(vault, clock: Clock) -> None:
    """Give a vault's change capture and sync another wall clock (tests, benchmarks)."""
    context_for(vault.engine).clock = clock
