"""The vault's key file: the data key wrapped under the password and the recovery code.

Format (JSON, versioned)::

    {"format": "lotse-keyfile", "version": 1, "vault_id": "…",
     "slots": {"password": {"kdf": {…}, "nonce": "…", "wrapped": "…"},
               "recovery": {…}}}

Each slot's AES-GCM additional data binds it to the vault id and the slot
name, so a slot copied from another vault or swapped between slots fails.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from app.errors import AuthenticationError, DataError
from app.i18n import N_, _
from app.storage import keywrap
from app.storage.files import atomic_write, fsync_dir
from app.storage.kdf import KdfParams, derive_key

FORMAT = "lotse-keyfile"
VERSION = 1
PASSWORD_SLOT = "password"
RECOVERY_SLOT = "recovery"


@dataclass(frozen=True)
class Slot:
    kdf: KdfParams
    nonce: bytes
    wrapped: bytes

    def to_json(self) -> dict:
        return {"kdf": self.kdf.to_json(), "nonce": self.nonce.hex(), "wrapped": self.wrapped.hex()}

    @classmethod
    def from_json(cls, data: dict) -> Slot:
        slot = cls(KdfParams.from_json(data["kdf"]), bytes.fromhex(data["nonce"]), bytes.fromhex(data["wrapped"]))
        if len(slot.nonce) != keywrap.NONCE_BYTES or len(slot.wrapped) != keywrap.WRAPPED_BYTES:
            raise ValueError("a key slot has the wrong length")
        return slot


@dataclass(frozen=True)
class KeyFile:
    vault_id: str
    slots: dict[str, Slot]

    def to_bytes(self) -> bytes:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "slots": {name: slot.to_json() for name, slot in self.slots.items()},
        }
        return json.dumps(doc, indent=2).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes, where: str = N_("key file")) -> KeyFile:
        try:
            doc = json.loads(raw.decode("utf-8"))
            if doc.get("format") != FORMAT or doc.get("version") != VERSION:
                raise ValueError("not a Lotse key file of a known version")
            slots = {name: Slot.from_json(slot) for name, slot in doc["slots"].items()}
            if PASSWORD_SLOT not in slots:
                raise ValueError("no password slot")
            if not isinstance(doc["vault_id"], str) or not doc["vault_id"]:
                raise ValueError("no vault id")
            return cls(doc["vault_id"], slots)
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
            raise DataError(_("The {where} is damaged and cannot be read ({error}). Nothing was changed.").format(where=_(where), error=exc)) from exc

    def _aad(self, slot_name: str) -> bytes:
        return f"lotse-keyslot:v{VERSION}:{self.vault_id}:{slot_name}".encode()

    def unwrap(self, slot_name: str, secret: str) -> bytearray:
        slot = self.slots.get(slot_name)
        if slot is None:
            raise DataError(_("This vault has no recovery code."))
        wrapping_key = derive_key(secret, slot.kdf)
        try:
            return bytearray(keywrap.unwrap(slot.nonce, slot.wrapped, wrapping_key, self._aad(slot_name)))
        except keywrap.UnwrapError:
            if slot_name == RECOVERY_SLOT:
                raise AuthenticationError(_("The recovery code is not correct.")) from None
            raise AuthenticationError(_("The password is not correct.")) from None

    def with_slot(self, slot_name: str, data_key: bytes, secret: str, kdf: KdfParams) -> KeyFile:
        """A copy with ``slot_name`` wrapped anew under ``secret`` (fresh salt and nonce)."""
        params = kdf.with_new_salt()
        nonce, wrapped = keywrap.wrap(data_key, derive_key(secret, params), self._aad(slot_name))
        slots = dict(self.slots)
        slots[slot_name] = Slot(params, nonce, wrapped)
        return KeyFile(self.vault_id, slots)


def write_keyfile(path: Path, keyfile: KeyFile) -> None:
    """Replace the key file atomically; the previous one stays as ``.prev`` until the new one is on disk.

    The old content is copied (not hard-linked): FAT-formatted USB sticks and
    many network shares know no hard links.
    """
    previous = prev_path(path)
    if path.exists():
        atomic_write(previous, path.read_bytes())
    atomic_write(path, keyfile.to_bytes())
    with contextlib.suppress(FileNotFoundError):
        os.unlink(previous)
    fsync_dir(path.parent)


def prev_path(path: Path) -> Path:
    return path.with_name(path.name + ".prev")


def read_keyfile(path: Path) -> KeyFile:
    """Read the key file, falling back to ``.prev`` if a crash interrupted a rewrite.

    ``.prev`` is used when the key file is missing or unreadable; it wraps the
    same data key (under the password valid before the rewrite). Nothing is
    written here: repairing is left to the next successful key change.
    """
    previous = prev_path(path)
    try:
        return KeyFile.from_bytes(_read(path))
    except DataError:
        if not previous.exists():
            raise
        try:
            return KeyFile.from_bytes(_read(previous), where=N_("previous key file"))
        except DataError:
            pass
        raise


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DataError(_("No vault key file at {path}.").format(path=path)) from None
    except OSError as exc:
        raise DataError(_("The key file {path} cannot be read: {reason}.").format(path=path, reason=exc.strerror)) from exc
