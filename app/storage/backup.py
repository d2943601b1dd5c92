"""One-file encrypted backup of a whole vault, and its restore.

A backup file is::

    MAGIC | u32 len | key file | u64 len | database (SQLCipher-encrypted export) | HMAC-SHA256

The database is already encrypted by SQLCipher and the key file holds only the
wrapped key, so the file is safe on a USB stick. The HMAC, keyed from the data
key, detects a truncated or altered backup before anything is written.
Restoring needs the password (or recovery code) valid when the backup was made.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import struct
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.errors import DataError
from app.storage.engine import check_readable, open_connection
from app.storage.files import PRIVATE_FILE, atomic_write, fsync_dir, make_private_dir
from app.storage.keyfile import PASSWORD_SLOT, KeyFile
from app.storage.vault import DATABASE_NAME, KEYFILE_NAME, Vault, vault_exists

MAGIC = b"LOTSE-BACKUP\x00\x01"
CHUNK = 1 << 20


def _mac_key(data_key: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None, info=b"lotse-backup-mac-v1").derive(bytes(data_key))


def write_backup(vault: Vault, destination: Path) -> int:
    """Write the backup; returns its size in bytes."""
    destination = Path(destination)
    keyfile_bytes = vault.keyfile.to_bytes()
    mac = hmac.new(_mac_key(bytes.fromhex(vault.raw_key_hex())), digestmod=hashlib.sha256)
    with tempfile.TemporaryDirectory(dir=vault.directory, prefix=".backup-") as scratch:
        export = Path(scratch) / "export.sqlcipher"
        vault.export_encrypted_copy(export)
        tmp = destination.with_name(f".{destination.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
        try:
            with os.fdopen(fd, "wb") as out, open(export, "rb") as db:
                header = MAGIC + struct.pack(">I", len(keyfile_bytes)) + keyfile_bytes
                header += struct.pack(">Q", export.stat().st_size)
                out.write(header)
                mac.update(header)
                while chunk := db.read(CHUNK):
                    out.write(chunk)
                    mac.update(chunk)
                out.write(mac.digest())
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, destination)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    fsync_dir(destination.parent)
    return destination.stat().st_size


def restore_backup(source: Path, directory: Path, password: str) -> Vault:
    """Restore into ``directory``, which must not hold a vault. Returns it unlocked."""
    source, directory = Path(source), Path(directory)
    if vault_exists(directory):
        raise DataError(f"A vault already exists at {directory}; restore never overwrites one. Choose an empty folder.")
    try:
        raw = source.read_bytes()
    except FileNotFoundError:
        raise DataError(f"No backup file at {source}.") from None
    except OSError as exc:
        raise DataError(f"The backup {source} cannot be read: {exc.strerror}.") from exc
    keyfile, database = _parse(raw, source)
    data_key = keyfile.unwrap(PASSWORD_SLOT, password)
    expected = hmac.new(_mac_key(bytes(data_key)), raw[:-32], hashlib.sha256).digest()
    if not hmac.compare_digest(expected, raw[-32:]):
        raise DataError(f"The backup {source} is damaged or was altered; nothing was restored.")
    make_private_dir(directory)
    atomic_write(directory / DATABASE_NAME, database)
    conn = open_connection(directory / DATABASE_NAME, data_key)
    try:
        check_readable(conn)
    finally:
        conn.close()
    atomic_write(directory / KEYFILE_NAME, keyfile.to_bytes())
    return Vault.unlock(directory, password)


def _parse(raw: bytes, source: Path) -> tuple[KeyFile, bytes]:
    damaged = DataError(f"{source} is not a Lotse backup or is damaged; nothing was restored.")
    if not raw.startswith(MAGIC) or len(raw) < len(MAGIC) + 4 + 8 + 32:
        raise damaged
    pos = len(MAGIC)
    (key_len,) = struct.unpack_from(">I", raw, pos)
    pos += 4
    keyfile_bytes = raw[pos : pos + key_len]
    pos += key_len
    if len(raw) < pos + 8 + 32:
        raise damaged
    (db_len,) = struct.unpack_from(">Q", raw, pos)
    pos += 8
    if len(raw) != pos + db_len + 32:
        raise damaged
    return KeyFile.from_bytes(keyfile_bytes, where="backup's key file"), raw[pos : pos + db_len]
