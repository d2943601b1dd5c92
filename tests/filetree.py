"""Helpers for tests that look at a vault the way an attacker with the disk would."""

from __future__ import annotations

import hashlib
from pathlib import Path


def snapshot(directory: Path) -> dict[str, str]:
    """Every file under ``directory`` (recursively) with the SHA-256 of its bytes."""
    directory = Path(directory)
    if not directory.exists():
        return {}
    return {
        str(path.relative_to(directory)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def all_files(directory: Path) -> list[Path]:
    return [path for path in sorted(Path(directory).rglob("*")) if path.is_file()]


def flip_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))
