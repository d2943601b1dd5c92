"""Encryption of everything Lotse puts on the share.

One random 256-bit team key; HKDF derives a separate key per purpose
(segments, snapshots, state files, blobs, blob names), so a file of one kind
can never be passed off as another. Every file is::

    b"LOTSESYN" | format version (1 byte) | kind (1 byte) | nonce (12) | AES-256-GCM(zlib(JSON))

The additional authenticated data binds the header, the team, the writing
device and the sequence number (or the content hash for blobs). A flipped
byte, a truncated file, a file renamed to another sequence number or copied
into another device's folder, or a segment replayed from another team all
fail authentication and are refused.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import zlib
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"LOTSESYN"
FORMAT_VERSION = 1
NONCE_BYTES = 12
HEADER_BYTES = len(MAGIC) + 2
TAG_BYTES = 16
SEGMENT, SNAPSHOT, STATE, BLOB = b"S", b"N", b"T", b"B"
# A decompression bomb in a forged file cannot get past the tag, but a
# member's own huge snapshot should still not exhaust memory on a laptop.
MAX_PLAINTEXT = 2 * 1024**3
# zlib level 1: an initial sync of 40,000 rows packs in a tenth of the time of level 6,
# for files about a fifth larger; small segments hardly differ.
COMPRESSION = 1


class SealError(Exception):
    """A file that is not a valid, authentic Lotse sync file for this place."""


@dataclass(frozen=True)
class TeamKeys:
    team_id: str
    segment: bytes
    snapshot: bytes
    state: bytes
    blob: bytes
    blob_name: bytes

    @classmethod
    def derive(cls, team_id: str, team_key: bytes) -> TeamKeys:
        def sub(purpose: str) -> bytes:
            info = f"lotse-sync-v{FORMAT_VERSION}:{purpose}".encode()
            return HKDF(hashes.SHA256(), 32, salt=team_id.encode(), info=info).derive(bytes(team_key))

        return cls(team_id, sub("segment"), sub("snapshot"), sub("state"), sub("blob"), sub("blob-name"))

    def key_for(self, kind: bytes) -> bytes:
        return {SEGMENT: self.segment, SNAPSHOT: self.snapshot, STATE: self.state, BLOB: self.blob}[kind]


def _header(kind: bytes) -> bytes:
    return MAGIC + bytes([FORMAT_VERSION]) + kind


def _aad(kind: bytes, team_id: str, owner: str, number: str) -> bytes:
    return b"|".join([_header(kind), team_id.encode(), owner.encode(), number.encode()])


def seal(keys: TeamKeys, kind: bytes, owner: str, number: str, plaintext: bytes, *, compress: bool = True) -> bytes:
    """Encrypt ``plaintext`` for the place named by ``owner`` (device or hash) and ``number``."""
    body = zlib.compress(plaintext, COMPRESSION) if compress else plaintext
    nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(keys.key_for(kind)).encrypt(nonce, body, _aad(kind, keys.team_id, owner, number))
    return _header(kind) + nonce + sealed


def open_sealed(keys: TeamKeys, kind: bytes, owner: str, number: str, data: bytes, *, compressed: bool = True) -> bytes:
    if len(data) < HEADER_BYTES + NONCE_BYTES + TAG_BYTES:
        raise SealError("the file is too short (truncated)")
    if data[: len(MAGIC)] != MAGIC:
        raise SealError("the file is not a Lotse sync file")
    if data[len(MAGIC)] != FORMAT_VERSION:
        raise SealError(f"the file has format version {data[len(MAGIC)]}, this Lotse reads {FORMAT_VERSION}")
    if data[len(MAGIC) + 1 : HEADER_BYTES] != kind:
        raise SealError("the file is of another kind")
    nonce = data[HEADER_BYTES : HEADER_BYTES + NONCE_BYTES]
    try:
        body = AESGCM(keys.key_for(kind)).decrypt(
            nonce, data[HEADER_BYTES + NONCE_BYTES :], _aad(kind, keys.team_id, owner, number)
        )
    except InvalidTag:
        raise SealError("authentication failed: the file was altered, truncated, renamed or belongs elsewhere") from None
    if not compressed:
        return body
    try:
        inflater = zlib.decompressobj()
        plain = inflater.decompress(body, MAX_PLAINTEXT)
        if inflater.unconsumed_tail:
            raise SealError("the file is larger than Lotse accepts")
        return plain
    except zlib.error as exc:
        raise SealError(f"the content cannot be unpacked ({exc})") from None


def seal_json(keys: TeamKeys, kind: bytes, owner: str, number: str, document: dict[str, Any]) -> bytes:
    raw = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return seal(keys, kind, owner, number, raw)


def open_json(keys: TeamKeys, kind: bytes, owner: str, number: str, data: bytes) -> dict[str, Any]:
    plain = open_sealed(keys, kind, owner, number, data)
    try:
        document = json.loads(plain.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SealError(f"the content is not readable ({exc})") from None
    if not isinstance(document, dict):
        raise SealError("the content is not a Lotse sync document")
    return document


def blob_name(keys: TeamKeys, sha256_hex: str) -> str:
    """The file name of an attachment's blob: a keyed hash of its content hash.

    A plain SHA-256 in the name would let anyone who can read the share test
    whether a known file (a particular passport scan) is stored there.
    """
    return hmac.new(keys.blob_name, sha256_hex.encode(), hashlib.sha256).hexdigest()
