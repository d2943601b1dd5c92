"""Per-vault things the change capture and sync need beyond the database: a clock and a lock.

Listeners on the Session class see only a session; its engine identifies the
vault. The wall clock is injectable so tests can give each device its own
(skewed) time, as KeePassXC's merger tests do. The device id is read from
the vault each time (``device_of``): a restored vault gets a new one.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, text

from app.storage.sync.hlc import Clock, system_clock_ms


@dataclass
class SyncContext:
    clock: Clock = system_clock_ms
    # Serialises sync runs of one vault in this process (GUI timer vs. button).
    lock: threading.Lock = field(default_factory=threading.Lock)


_contexts: weakref.WeakKeyDictionary[Engine, SyncContext] = weakref.WeakKeyDictionary()
_guard = threading.Lock()


def context_for(engine: Engine) -> SyncContext:
    with _guard:
        found = _contexts.get(engine)
        if found is None:
            found = _contexts[engine] = SyncContext()
        return found


def device_of(conn: Connection) -> str:
    return conn.execute(text("SELECT value FROM vault_meta WHERE key = 'device_id'")).scalar() or ""


def set_clock(vault, clock: Clock) -> None:
    """Give a vault's change capture and sync another wall clock (tests, benchmarks)."""
    context_for(vault.engine).clock = clock
