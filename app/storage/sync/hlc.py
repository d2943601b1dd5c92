"""Hybrid logical clocks, packed into one integer.

An HLC is ``(wall milliseconds, counter)``: it follows the wall clock but never
goes backwards, and after a device has seen a remote clock value every clock it
issues is larger. So if change B was made by someone who had seen change A,
``hlc(B) > hlc(A)`` even when the two laptops' clocks disagree. Packed as
``wall_ms << 16 | counter`` it sorts like the pair and fits SQLite's 64-bit
integers. Ties between devices are broken by the device id.
"""

from __future__ import annotations

import time
from collections.abc import Callable

COUNTER_BITS = 16
COUNTER_MAX = (1 << COUNTER_BITS) - 1

Clock = Callable[[], int]


def system_clock_ms() -> int:
    return int(time.time() * 1000)


def pack(wall_ms: int, counter: int) -> int:
    return (wall_ms << COUNTER_BITS) | counter


def unpack(value: int) -> tuple[int, int]:
    return value >> COUNTER_BITS, value & COUNTER_MAX


def tick(last: int, now_ms: int) -> int:
    """The next local clock value after ``last`` at wall time ``now_ms``."""
    last_wall, last_counter = unpack(last)
    if now_ms > last_wall:
        return pack(now_ms, 0)
    if last_counter < COUNTER_MAX:
        return pack(last_wall, last_counter + 1)
    return pack(last_wall + 1, 0)  # 65,536 events in one millisecond: borrow from the future


def observe(last: int, remote: int) -> int:
    """The clock after receiving ``remote``: local events afterwards sort after it."""
    return max(last, remote)


def later(a: tuple[int, str], b: tuple[int, str]) -> bool:
    """Whether version ``a`` (hlc, device) beats version ``b``: last writer wins, ties by device id."""
    return a > b


def to_text(value: int) -> str:
    """A readable form for messages and exports: ISO time plus counter."""
    wall, counter = unpack(value)
    seconds = wall / 1000
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds))
    return f"{stamp}.{wall % 1000:03d}Z+{counter}"
