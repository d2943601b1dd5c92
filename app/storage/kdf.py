"""Argon2id key derivation with stored, versioned parameters.

Parameters are calibrated when a vault is created so that one derivation takes
about half a second on the user's machine, and never fall below the OWASP
minimum (19 MiB memory, 2 iterations). They are stored with the wrapped key,
so a vault made on a slow laptop still opens on a fast one and vice versa.
"""

from __future__ import annotations

import os
import time
from dataclasses import asdict, dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

KDF_VERSION = 1
OWASP_MIN_MEMORY_KIB = 19 * 1024
OWASP_MIN_ITERATIONS = 2
DEFAULT_TARGET_SECONDS = 0.5
MAX_MEMORY_KIB = 1024 * 1024  # 1 GiB: the most a stored key file may ask for
# Calibration grows memory only up to here, then iterations: at 256 MiB the app's
# peak memory during unlock was 367 MB, over the 300 MB budget of a laptop app.
CALIBRATION_MEMORY_CAP_KIB = 128 * 1024
MAX_ITERATIONS = 64  # calibration on the fastest machine stays far below this
MAX_LANES = 16


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int
    iterations: int
    lanes: int
    salt: bytes
    version: int = KDF_VERSION
    name: str = "argon2id"

    def to_json(self) -> dict:
        data = asdict(self)
        data["salt"] = self.salt.hex()
        return data

    @classmethod
    def from_json(cls, data: dict) -> KdfParams:
        if data.get("name") != "argon2id" or data.get("version") != KDF_VERSION:
            raise ValueError("unknown key-derivation function")
        params = cls(
            memory_kib=int(data["memory_kib"]),
            iterations=int(data["iterations"]),
            lanes=int(data["lanes"]),
            salt=bytes.fromhex(data["salt"]),
        )
        if (
            params.memory_kib < OWASP_MIN_MEMORY_KIB
            or params.iterations < OWASP_MIN_ITERATIONS
            or len(params.salt) < 16
        ):
            # An attacker who can edit the key file must not be able to make
            # the next password entry cheap to brute-force.
            raise ValueError("key-derivation parameters below the safe minimum")
        if params.memory_kib > MAX_MEMORY_KIB or params.iterations > MAX_ITERATIONS or not 1 <= params.lanes <= MAX_LANES:
            # ... nor so expensive that unlocking exhausts memory or never ends.
            raise ValueError("key-derivation parameters out of range")
        return params

    def with_new_salt(self) -> KdfParams:
        return KdfParams(self.memory_kib, self.iterations, self.lanes, os.urandom(16))


def derive_key(secret: str, params: KdfParams) -> bytes:
    """A 256-bit key from a password or recovery code."""
    kdf = Argon2id(
        salt=params.salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(secret.encode("utf-8"))


def target_seconds() -> float:
    """The calibration target; tests lower it with LOTSE_KDF_TARGET_SECONDS (floor: OWASP minimum)."""
    raw = os.environ.get("LOTSE_KDF_TARGET_SECONDS")
    try:
        return float(raw) if raw else DEFAULT_TARGET_SECONDS
    except ValueError:
        return DEFAULT_TARGET_SECONDS


def calibrate(target: float | None = None) -> KdfParams:
    """Parameters whose derivation takes about ``target`` seconds here.

    Memory grows first (it is what makes GPU attacks expensive), then the
    iteration count, from the OWASP minimum upwards.
    """
    target = target_seconds() if target is None else target
    params = KdfParams(OWASP_MIN_MEMORY_KIB, OWASP_MIN_ITERATIONS, 2, os.urandom(16))
    elapsed = _time(params)
    while elapsed < target * 0.7:
        factor = min(4.0, max(1.2, target / max(elapsed, 1e-3)))
        if params.memory_kib < CALIBRATION_MEMORY_CAP_KIB:
            memory = min(CALIBRATION_MEMORY_CAP_KIB, int(params.memory_kib * factor))
            params = KdfParams(memory, params.iterations, params.lanes, params.salt)
        else:
            if params.iterations >= MAX_ITERATIONS:
                break
            iterations = min(MAX_ITERATIONS, max(params.iterations + 1, int(params.iterations * factor)))
            params = KdfParams(params.memory_kib, iterations, params.lanes, params.salt)
        elapsed = _time(params)
    return params.with_new_salt()


def _time(params: KdfParams) -> float:
    start = time.perf_counter()
    derive_key("calibration", params)
    return time.perf_counter() - start
