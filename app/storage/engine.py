"""The SQLAlchemy engine over a SQLCipher file opened with a raw 256-bit key.

SQLAlchemy's ``sqlite+pysqlcipher://`` URL sends an empty ``PRAGMA key`` when a
``creator`` is given, so the engine uses a plain ``sqlite://`` URL with our own
connection factory and an explicit pool class (the URL alone would look like
``:memory:``). The key goes to SQLCipher as ``x'<hex>'`` which skips SQLCipher's
own PBKDF2: a new connection costs ~0.5 ms instead of ~0.4 s.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from app.errors import DataError
from app.i18n import N_, _

# 64 MiB page cache: encryption costs on cache misses (ARCHITECTURE.md pitfalls).
CACHE_SIZE_KIB = 64 * 1024

CONNECTION_PRAGMAS = (
    "PRAGMA cipher_memory_security = OFF",  # measured 2.2x slower inserts; the key lives in our process anyway
    "PRAGMA journal_mode = WAL",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA secure_delete = ON",
    "PRAGMA foreign_keys = ON",
    f"PRAGMA cache_size = -{CACHE_SIZE_KIB}",
    "PRAGMA busy_timeout = 10000",
)

DAMAGED = N_(
    "The vault database is damaged or does not belong to this key file ({reason}). "
    "Nothing was changed; restore a backup."
)


def _key_pragma(key: bytes | bytearray) -> str:
    return "PRAGMA key = \"x'" + bytes(key).hex() + "'\""


def open_connection(path: Path, key: bytes | bytearray) -> sqlcipher3.Connection:
    """A keyed DB-API connection with Lotse's pragmas applied.

    A wrong key or a damaged first page surfaces here (``journal_mode`` reads
    page 1) and becomes a :class:`DataError`.
    """
    conn = sqlcipher3.connect(str(path), check_same_thread=False, timeout=10)
    try:
        # SQLCipher (>= 4.6) logs HMAC failures to stderr by default; the CLI
        # promises exactly one error line, and the error reaches us as an
        # exception anyway. The setting is process-wide and must precede the key.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(_key_pragma(key))
        for pragma in CONNECTION_PRAGMAS:
            conn.execute(pragma)
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        problem = as_data_error(exc)
        if problem is None:
            raise
        raise problem from exc
    return conn


def check_readable(conn: sqlcipher3.Connection) -> None:
    """A wrong key or a damaged first page shows only on the first read."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        problem = as_data_error(exc)
        if problem is None:
            raise
        raise problem from exc


def integrity_problems(conn: sqlcipher3.Connection) -> list[str]:
    """Every page whose HMAC fails, e.g. ``HMAC verification failed for page 7``.

    Reads the whole file, free pages included; a normal query notices damage
    only on the pages it happens to read.
    """
    return [row[0] for row in conn.execute("PRAGMA cipher_integrity_check")]


def as_data_error(exc: BaseException) -> DataError | None:
    """Translate a SQLCipher error that means "the file is bad" into a user-facing one.

    Accepts the driver's exception or SQLAlchemy's wrapper around it. Errors
    that mean a bug (no such table, constraint failed) return None.
    """
    original = getattr(exc, "orig", None) or exc
    if not isinstance(original, sqlcipher3.DatabaseError) or isinstance(original, sqlcipher3.IntegrityError):
        return None
    name = getattr(original, "sqlite_errorname", "") or ""
    reason = str(original).split("\n")[0]
    if name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")):
        return DataError(_(DAMAGED).format(reason=reason))
    if name.startswith("SQLITE_FULL"):
        return DataError(_("The disk holding the vault is full; the last change was not saved."))
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return DataError(_("The vault is busy in another Lotse window or program; close it and try again."))
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_IOERR", "SQLITE_READONLY", "SQLITE_PERM", "SQLITE_AUTH")):
        return DataError(_("The vault database cannot be read or written ({reason}).").format(reason=reason))
    return None


READ_ONLY_OPTION = "lotse_read_only"


def make_engine(path: Path, key: bytearray) -> Engine:
    """One engine per open vault. ``key`` is the vault's own buffer: when the
    vault locks it is zeroed, and any connection opened later fails."""

    def creator() -> sqlcipher3.Connection:
        return open_connection(path, key)

    return engine_for(creator)


def engine_for(creator: Callable[[], sqlcipher3.Connection]) -> Engine:
    """The pool and transaction handling every vault engine has, around ``creator``
    (benchmarks/bench_encryption.py uses it for a plaintext copy to compare)."""
    engine = create_engine(
        "sqlite://",
        creator=creator,
        module=sqlcipher3,
        poolclass=QueuePool,
        hide_parameters=True,  # error messages must never carry client data
        pool_size=4,
        max_overflow=4,
    )

    @event.listens_for(engine, "connect")
    def _no_pysqlite_transactions(dbapi_conn, _record) -> None:
        # Let SQLAlchemy emit BEGIN itself (the pysqlite dialect's documented recipe),
        # so SAVEPOINTs and transaction boundaries behave.
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        # A deferred transaction that reads and then writes fails with "database is
        # locked" if another connection committed in between (WAL cannot upgrade a
        # stale read snapshot), and almost every use case writes its audit entry.
        # So transactions take the write lock up front and wait for it (busy_timeout);
        # only sessions opened explicitly as read-only stay deferred and never block.
        read_only = conn.get_execution_options().get(READ_ONLY_OPTION, False)
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine
