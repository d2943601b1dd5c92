"""Pause Python's cyclic garbage collector while a read builds thousands of rows.

Two callers: the deadline engine and a sync run (app/storage/sync/transfer.py;
a first sync of 1,000 cases spent about a quarter of its CPU time in
collections). They share this one counter, so neither switches the collector
back on while the other is still inside.

The deadline engine reads ~20,000 rows on a 10,000-case vault and builds
thousands of result tuples. Every few hundred new container objects trigger a
collection, and as the rows survive, CPython keeps running full (oldest
generation) collections that walk every object of the process — the whole
application's heap, Qt wrappers included — only to find nothing: the rows are
plain tuples without cycles. Measured on 10,000 cases: 35–45 % of the 14-day
list's time. Pausing the collector for the call and letting it run as usual
afterwards frees exactly the same memory, only later.

The collector is global to the process, so the pause is counted: with two
worker threads in paused sections, it resumes when the last one leaves, and
it is only switched back on if it was on when the first one entered.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside (reference counting frees memory as always)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
