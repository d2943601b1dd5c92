"""The vault: a folder with an SQLCipher database and the key file that opens it.

Key hierarchy (ARCHITECTURE.md decision 1): a random 256-bit data key is the
SQLCipher raw key. It is stored only wrapped (AES-256-GCM), once under an
Argon2id key from the password and once under the recovery code. Changing the
password re-wraps the data key, so it costs the same for 10 or 100,000 cases.
"""

from __future__ import annotations

import getpass
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import DataError, UsageError
from app.i18n import _
from app.models.base import new_uuid, utcnow
from app.storage import migrate
from app.storage import sync as _sync  # noqa: F401  (installs change capture on every session)
from app.storage.engine import (
    READ_ONLY_OPTION,
    as_data_error,
    check_readable,
    make_engine,
    open_connection,
)
from app.storage.files import create_private_file, make_private_dir
from app.storage.kdf import KdfParams, calibrate
from app.storage.keyfile import (
    PASSWORD_SLOT,
    RECOVERY_SLOT,
    KeyFile,
    prev_path,
    read_keyfile,
    write_keyfile,
)
from app.storage.keywrap import new_recovery_code, normalize_recovery_code

KEYFILE_NAME = "keyfile.json"
DATABASE_NAME = "lotse.sqlcipher"
BACKUP_DIR_NAME = "backups"
MIN_PASSWORD_LENGTH = 8


def validate_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UsageError(_("The password must have at least {min} characters.").format(min=MIN_PASSWORD_LENGTH))


def vault_exists(directory: Path) -> bool:
    directory = Path(directory)
    return any(
        path.exists()
        for path in (directory / KEYFILE_NAME, prev_path(directory / KEYFILE_NAME), directory / DATABASE_NAME)
    )


class Vault:
    """An unlocked vault. ``lock()`` drops the key and closes every connection."""

    def __init__(self, directory: Path, keyfile: KeyFile, data_key: bytearray) -> None:
        self.directory = directory
        self.keyfile = keyfile
        self._key = data_key
        self._engine: Engine | None = make_engine(self.database_path, self._key)
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(
            self._engine.execution_options(**{READ_ONLY_OPTION: True}), expire_on_commit=False
        )
        self.device_id = ""
        self.user_name = _login_name()

    # --- opening -----------------------------------------------------------------

    @classmethod
    def create(
        cls,
        directory: Path,
        password: str,
        *,
        user_name: str | None = None,
        schema_revision: str = "head",
    ) -> tuple[Vault, str]:
        """Create a new vault. Returns it unlocked and the recovery code (show it once).

        ``schema_revision`` is for the fixture script that makes a vault of an
        old schema version (tests/fixtures/make_fixture_vault.py); the app
        always creates at ``head``.
        """
        directory = Path(directory)
        validate_new_password(password)
        if vault_exists(directory):
            raise DataError(_("A vault already exists at {directory}.").format(directory=directory))
        make_private_dir(directory)
        data_key = bytearray(secrets.token_bytes(32))
        recovery_code = new_recovery_code()
        params = calibrate()
        keyfile = KeyFile(vault_id=new_uuid(), slots={})
        keyfile = keyfile.with_slot(PASSWORD_SLOT, data_key, password, params)
        keyfile = keyfile.with_slot(RECOVERY_SLOT, data_key, recovery_code, params)
        create_private_file(directory / DATABASE_NAME)
        vault = cls(directory, keyfile, data_key)
        try:
            vault._migrate(schema_revision)
            vault._init_meta(user_name or _login_name())
            vault._load_meta()
            # The key file is written last: until then the folder holds no vault that
            # could be mistaken for a real one with a lost key.
            write_keyfile(directory / KEYFILE_NAME, keyfile)
        except BaseException:
            vault.lock()
            for name in (DATABASE_NAME, DATABASE_NAME + "-wal", DATABASE_NAME + "-shm"):
                (directory / name).unlink(missing_ok=True)
            raise
        return vault, recovery_code

    @classmethod
    def unlock(cls, directory: Path, password: str) -> Vault:
        return cls._open(Path(directory), PASSWORD_SLOT, password)

    @classmethod
    def unlock_with_recovery_code(cls, directory: Path, code: str) -> Vault:
        return cls._open(Path(directory), RECOVERY_SLOT, normalize_recovery_code(code))

    @classmethod
    def _open(cls, directory: Path, slot: str, secret: str) -> Vault:
        if not vault_exists(directory):
            raise DataError(_("There is no vault at {directory}.").format(directory=directory))
        if not (directory / KEYFILE_NAME).exists() and not prev_path(directory / KEYFILE_NAME).exists():
            raise DataError(_("The vault at {directory} has lost its key file ({keyfile}); restore a backup.").format(directory=directory, keyfile=KEYFILE_NAME))
        keyfile = read_keyfile(directory / KEYFILE_NAME)
        return cls.open_with_key(directory, keyfile, keyfile.unwrap(slot, secret))

    @classmethod
    def open_with_key(cls, directory: Path, keyfile: KeyFile, data_key: bytearray) -> Vault:
        """Open with an already unwrapped data key (unlock and restore share this)."""
        database = directory / DATABASE_NAME
        if not database.exists():
            raise DataError(_("The vault database {database} is missing.").format(database=database))
        conn = open_connection(database, data_key)
        try:
            check_readable(conn)
        finally:
            conn.close()
        vault = cls(directory, keyfile, data_key)
        try:
            vault._migrate()
            vault._load_meta()
        except BaseException:
            vault.lock()
            raise
        return vault

    # --- using -------------------------------------------------------------------

    @property
    def database_path(self) -> Path:
        return self.directory / DATABASE_NAME

    @property
    def is_locked(self) -> bool:
        return self._engine is None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise DataError(_("The vault is locked."))
        return self._engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on error.

        A damaged page is found only when it is read; that error leaves here
        as a :class:`DataError` with a message for the user.
        """
        with self._transaction(self._sessions) as session:
            yield session

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A transaction that only reads: it never waits for a writer (WAL snapshot).

        Writing in it can fail with "database is locked"; use :meth:`session` for that.
        """
        with self._transaction(self._read_sessions) as session:
            yield session

    @contextmanager
    def _transaction(self, sessions: sessionmaker) -> Iterator[Session]:
        if self._engine is None:
            raise DataError(_("The vault is locked."))
        try:
            with sessions.begin() as session:
                yield session
        except DBAPIError as exc:
            problem = as_data_error(exc)
            if problem is None:
                raise
            raise problem from exc

    def checkpoint(self) -> bool:
        """Move the WAL into the database file and truncate it. False if a reader kept
        old pages in the WAL (they go at the next checkpoint).

        Runs outside any transaction: a checkpoint inside one is refused.
        """
        raw = self.engine.raw_connection()
        try:
            busy, _log, _done = raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            raw.close()
        return not busy

    def meta(self, key: str) -> str | None:
        with self.session() as session:
            return session.execute(
                text("SELECT value FROM vault_meta WHERE key = :key"), {"key": key}
            ).scalar_one_or_none()

    # --- keys --------------------------------------------------------------------

    def change_password(self, new_password: str) -> None:
        """Re-wrap the data key under a new password; the database is not touched."""
        self._require_unlocked()
        validate_new_password(new_password)
        params = self.keyfile.slots[PASSWORD_SLOT].kdf
        self.keyfile = self.keyfile.with_slot(PASSWORD_SLOT, self._key, new_password, params)
        write_keyfile(self.directory / KEYFILE_NAME, self.keyfile)

    def new_recovery_code(self) -> str:
        """Replace the recovery code (the old one stops working). Show the result once."""
        self._require_unlocked()
        code = new_recovery_code()
        params = self.keyfile.slots[PASSWORD_SLOT].kdf
        self.keyfile = self.keyfile.with_slot(RECOVERY_SLOT, self._key, code, params)
        write_keyfile(self.directory / KEYFILE_NAME, self.keyfile)
        return code

    def raw_key_hex(self) -> str:
        """For SQLCipher ATTACH … KEY only; never log or display it."""
        self._require_unlocked()
        return bytes(self._key).hex()

    def export_encrypted_copy(self, destination: Path) -> None:
        """Write an encrypted copy of the database (same key) with ``sqlcipher_export``.

        SQLite's backup API refuses encrypted databases, so this attaches the
        destination with the key and exports into it.
        """
        self._require_unlocked()
        create_private_file(destination)
        conn = None
        try:
            conn = open_connection(self.database_path, self._key)
            check_readable(conn)
            quoted = str(destination).replace("'", "''")
            conn.execute(f"ATTACH DATABASE '{quoted}' AS export_copy KEY \"x'{self.raw_key_hex()}'\"")
            # A rollback journal, not WAL: the copy may land on a network share or
            # USB stick, where WAL's shared memory does not work. It is a fresh file
            # we delete on failure, so it needs no journal at all.
            conn.execute("PRAGMA export_copy.journal_mode = OFF")
            conn.execute("SELECT sqlcipher_export('export_copy')")
            conn.execute("DETACH DATABASE export_copy")
        except BaseException as exc:
            if conn is not None:
                conn.close()
                conn = None
            destination.unlink(missing_ok=True)
            problem = as_data_error(exc)
            if problem is None:
                raise
            raise problem from exc
        finally:
            if conn is not None:
                conn.close()

    def lock(self) -> None:
        """Close every connection and overwrite the key in memory."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        for i in range(len(self._key)):
            self._key[i] = 0

    # --- internals ---------------------------------------------------------------

    def _require_unlocked(self) -> None:
        # After lock() the key buffer is zeros: wrapping or exporting with it
        # would silently write a key file that opens nothing.
        if self._engine is None:
            raise DataError(_("The vault is locked."))

    def _migrate(self, target: str = "head") -> None:
        migrate.upgrade(self.engine, self.directory / BACKUP_DIR_NAME, self.export_encrypted_copy, target)

    # vault_meta is read and written with plain SQL: the table's shape is fixed since
    # revision 0001, and this keeps working on a vault of any schema version.

    def _init_meta(self, user_name: str) -> None:
        facts = {
            "vault_id": self.keyfile.vault_id,
            "device_id": new_uuid(),
            "created_at": utcnow().isoformat(timespec="seconds"),
            "user_name": user_name,
        }
        with self.session() as session:
            session.execute(
                text("INSERT INTO vault_meta (key, value) VALUES (:key, :value)"),
                [{"key": key, "value": value} for key, value in facts.items()],
            )

    def _load_meta(self) -> None:
        with self.session() as session:
            facts = {key: value for key, value in session.execute(text("SELECT key, value FROM vault_meta"))}
        self.device_id = facts.get("device_id", "")
        self.user_name = facts.get("user_name") or _login_name()

    def assign_new_device_id(self) -> None:
        """A restored copy is a new device: reusing the old id would make two devices
        write the same segment numbers to the team share."""
        device_id = new_uuid()
        with self.session() as session:
            session.execute(
                text("INSERT OR REPLACE INTO vault_meta (key, value) VALUES ('device_id', :value)"),
                {"value": device_id},
            )
        self.device_id = device_id

    def set_user_name(self, name: str) -> None:
        with self.session() as session:
            session.execute(
                text("INSERT OR REPLACE INTO vault_meta (key, value) VALUES ('user_name', :value)"),
                {"value": name},
            )
        self.user_name = name

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc) -> None:
        self.lock()


def recover(directory: Path, code: str, new_password: str) -> Vault:
    """Open with the recovery code and set a new password."""
    validate_new_password(new_password)
    vault = Vault.unlock_with_recovery_code(directory, code)
    vault.change_password(new_password)
    return vault


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some service accounts
        return os.environ.get("USERNAME", "user")


def kdf_params(vault: Vault) -> KdfParams:
    return vault.keyfile.slots[PASSWORD_SLOT].kdf


__all__ = ["Vault", "recover", "vault_exists"]
