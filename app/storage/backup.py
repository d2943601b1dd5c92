"""One-file encrypted backup of a whole vault, and its restore.

A backup file is::

    MAGIC | u32 n | key file (n bytes) | u64 m | database (m bytes) | SHA-256 | HMAC-SHA256

The database part is a ``sqlcipher_export`` copy, encrypted with the vault's
data key; the key file holds that key only wrapped. So the file is safe on a
USB stick. Both digests cover everything before them: the SHA-256 tells
accidental damage (a bad sector, a truncated copy) before any password is
asked, so damage is never reported as a wrong password; the HMAC, keyed from
the data key, tells deliberate tampering. Restore checks both before it
creates anything, and needs the password (of the time of the backup).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy.exc import DBAPIError

from app.errors import DataError
from app.i18n import N_, _
from app.storage.engine import as_data_error, check_readable, open_connection
from app.storage.files import PRIVATE_FILE, atomic_write, fsync_dir, make_private_dir
from app.storage.keyfile import PASSWORD_SLOT, KeyFile
from app.storage.vault import DATABASE_NAME, KEYFILE_NAME, Vault, vault_exists

MAGIC = b"LOTSE-BACKUP\x00\x01"
DIGEST = 32
TRAILER = 2 * DIGEST
MAX_KEYFILE = 1 << 20  # a key file is ~1 KB; anything near this is not one
CHUNK = 1 << 20


def _mac_key(data_key: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None, info=b"lotse-backup-mac-v1").derive(bytes(data_key))


# --- backup ------------------------------------------------------------------


def write_backup(vault: Vault, destination: Path) -> int:
    """Write the backup; returns its size in bytes.

    Refuses a vault with a damaged page (every page's HMAC is checked first, so
    a backup is never a silent copy of damage). On failure ``destination`` is
    not created and an existing file there is left as it was.
    """
    destination = Path(destination)
    if destination.is_dir():
        raise DataError(_("{path} is a folder; give the backup a file name.").format(path=destination))
    if not destination.parent.is_dir():
        raise DataError(_("The folder {path} does not exist; nothing was written.").format(path=destination.parent))
    _check_integrity(vault)
    keyfile_bytes = vault.keyfile.to_bytes()
    mac = hmac.new(_mac_key(bytes.fromhex(vault.raw_key_hex())), digestmod=hashlib.sha256)
    digest = hashlib.sha256()
    export = destination.with_name(f".{destination.name}.{os.getpid()}.export")
    tmp = destination.with_name(f".{destination.name}.{os.getpid()}.tmp")
    try:
        vault.export_encrypted_copy(export)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
        with os.fdopen(fd, "wb") as out, open(export, "rb") as db:
            header = MAGIC + struct.pack(">I", len(keyfile_bytes)) + keyfile_bytes
            header += struct.pack(">Q", os.fstat(db.fileno()).st_size)
            for chunk in _chain([header], iter(lambda: db.read(CHUNK), b"")):
                out.write(chunk)
                digest.update(chunk)
                mac.update(chunk)
            out.write(digest.digest() + mac.digest())
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, destination)
    except OSError as exc:
        raise DataError(_("The backup could not be written to {path} ({reason}); nothing was saved.").format(path=destination, reason=exc.strerror)) from exc
    finally:
        for leftover in (export, tmp):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
    fsync_dir(destination.parent)
    return destination.stat().st_size


def _check_integrity(vault: Vault) -> None:
    try:
        with vault.engine.connect() as conn:
            problems = [row[0] for row in conn.exec_driver_sql("PRAGMA cipher_integrity_check")]
    except DBAPIError as exc:
        problem = as_data_error(exc)
        if problem is None:
            raise
        raise problem from exc
    if problems:
        shown = "; ".join(problems[:3]) + ("; …" if len(problems) > 3 else "")
        raise DataError(
            _("The vault database is damaged ({problems}). No backup was written; restore an earlier backup.").format(
                problems=shown)
        )


def _chain(*parts) -> Iterator[bytes]:
    for part in parts:
        yield from part


# --- restore -----------------------------------------------------------------


def restore_backup(source: Path, directory: Path, password: str) -> Vault:
    """Restore into ``directory``, which must not hold a vault. Returns it unlocked.

    Everything is verified before the folder is created; if writing fails
    half-way, what was written is removed again.
    """
    source, directory = Path(source), Path(directory)
    if vault_exists(directory):
        raise DataError(_("A vault already exists at {directory}; restore never overwrites one. Choose an empty folder.").format(directory=directory))
    try:
        handle = open(source, "rb")  # noqa: SIM115 - closed below, the file is read in passes
    except FileNotFoundError:
        raise DataError(_("No backup file at {source}.").format(source=source)) from None
    except OSError as exc:
        raise DataError(_("The backup {source} cannot be read ({reason}).").format(source=source, reason=exc.strerror)) from exc
    with handle:
        keyfile_bytes, db_offset, db_length = _read_header(handle, source)
        body = db_offset + db_length
        handle.seek(body)
        trailer = handle.read(TRAILER)
        if not hmac.compare_digest(_digest_of(handle, body, hashlib.sha256()), trailer[:DIGEST]):
            raise _damaged(source)
        keyfile = KeyFile.from_bytes(keyfile_bytes, where=N_("backup's key file"))
        data_key = keyfile.unwrap(PASSWORD_SLOT, password)
        mac = hmac.new(_mac_key(bytes(data_key)), digestmod=hashlib.sha256)
        if not hmac.compare_digest(_digest_of(handle, body, mac), trailer[DIGEST:]):
            raise DataError(_("The backup {source} was altered; nothing was restored.").format(source=source))
        return _unpack(handle, db_offset, db_length, directory, keyfile, data_key)


def _read_header(handle: BinaryIO, source: Path) -> tuple[bytes, int, int]:
    size = os.fstat(handle.fileno()).st_size
    head = handle.read(len(MAGIC) + 4)
    if len(head) < len(MAGIC) + 4 or not head.startswith(MAGIC):
        raise _damaged(source)
    (key_len,) = struct.unpack(">I", head[len(MAGIC) :])
    if key_len > MAX_KEYFILE:
        raise _damaged(source)
    keyfile_bytes = handle.read(key_len)
    length = handle.read(8)
    if len(keyfile_bytes) != key_len or len(length) != 8:
        raise _damaged(source)
    (db_length,) = struct.unpack(">Q", length)
    db_offset = handle.tell()
    if size != db_offset + db_length + TRAILER:
        raise _damaged(source)
    return keyfile_bytes, db_offset, db_length


def _digest_of(handle: BinaryIO, length: int, digest):
    handle.seek(0)
    remaining = length
    while remaining:
        chunk = handle.read(min(CHUNK, remaining))
        if not chunk:
            break
        digest.update(chunk)
        remaining -= len(chunk)
    return digest.digest()


def _damaged(source: Path) -> DataError:
    return DataError(_("{source} is not a Lotse backup or is damaged (truncated or altered); nothing was restored.").format(source=source))


def _unpack(
    handle: BinaryIO, db_offset: int, db_length: int, directory: Path, keyfile: KeyFile, data_key: bytearray
) -> Vault:
    created = not directory.exists()
    database = directory / DATABASE_NAME
    written: list[Path] = []
    try:
        make_private_dir(directory)
        tmp = database.with_name(f".{DATABASE_NAME}.{os.getpid()}.tmp")
        written.append(tmp)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
        with os.fdopen(fd, "wb") as out:
            handle.seek(db_offset)
            remaining = db_length
            while remaining:
                chunk = handle.read(min(CHUNK, remaining))
                out.write(chunk)
                remaining -= len(chunk)
            out.flush()
            os.fsync(out.fileno())
        written.append(database)
        os.replace(tmp, database)
        conn = open_connection(database, data_key)
        try:
            check_readable(conn)
        finally:
            conn.close()
        written += [directory / (DATABASE_NAME + "-wal"), directory / (DATABASE_NAME + "-shm")]
        written.append(directory / KEYFILE_NAME)
        atomic_write(directory / KEYFILE_NAME, keyfile.to_bytes())
        vault = Vault.open_with_key(directory, keyfile, data_key)
        vault.assign_new_device_id()
        return vault
    except BaseException as exc:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        if created:
            with contextlib.suppress(OSError):
                directory.rmdir()
        if isinstance(exc, OSError):
            raise DataError(_("The vault could not be restored into {directory} ({reason}); nothing was kept.").format(directory=directory, reason=exc.strerror)) from exc
        raise
