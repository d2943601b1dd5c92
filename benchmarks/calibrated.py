"""A private copy of a demo vault whose password slot uses the real, calibrated Argon2id.

The cached demo vaults are built with key derivation at its floor (fast to
open, which is all most benchmarks need). Unlock and password change are
about key derivation, so they measure on a copy: the database exported from
the open demo vault (``sqlcipher_export`` gives a consistent snapshot even
while other benchmarks hold the vault open) and the key file with its password
slot wrapped anew under the parameters a user's new vault gets on this machine.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from app.storage.files import make_private_dir
from app.storage.kdf import KdfParams
from app.storage.keyfile import PASSWORD_SLOT, read_keyfile, write_keyfile
from app.storage.vault import DATABASE_NAME, KEYFILE_NAME, Vault


def copy_with_kdf(vault: Vault, destination: Path, password: str, params: KdfParams) -> Path:
    """Copy the open ``vault`` to ``destination``; its password opens the copy with ``params``.

    The data key is the same (the database is a byte-for-byte export under that
    key); only the password slot is re-wrapped. Returns ``destination``.
    """
    make_private_dir(destination)
    vault.export_encrypted_copy(destination / DATABASE_NAME)
    shutil.copyfile(vault.directory / KEYFILE_NAME, destination / KEYFILE_NAME)
    keyfile = read_keyfile(destination / KEYFILE_NAME)
    data_key = keyfile.unwrap(PASSWORD_SLOT, password)
    try:
        write_keyfile(destination / KEYFILE_NAME, keyfile.with_slot(PASSWORD_SLOT, data_key, password, params))
    finally:
        for index in range(len(data_key)):
            data_key[index] = 0
    return destination


def describe_kdf(params: KdfParams) -> str:
    return f"Argon2id m={params.memory_kib / 1024:.0f} MiB t={params.iterations} p={params.lanes}"


def slot_kdf(directory: Path) -> KdfParams:
    """The password slot's parameters as stored (without unlocking)."""
    return read_keyfile(directory / KEYFILE_NAME).slots[PASSWORD_SLOT].kdf

