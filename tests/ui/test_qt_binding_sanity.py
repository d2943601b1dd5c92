"""Guard against a Qt binding that corrupts reference counts.

PySide6 6.12.0 drops a reference to True/False each time a Python-declared
signal carries a bool (even inside a tuple); after a few thousand emits a
long session aborts with "bool_dealloc". pyproject.toml excludes that
release; this test fails if an upgrade brings the bug back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    flag = Signal(bool)
    payload = Signal(object)


def test_emitting_bools_keeps_their_reference_counts():
    emitter = Emitter()
    received: list[object] = []
    emitter.flag.connect(received.append)
    emitter.payload.connect(received.append)
    before = sys.getrefcount(True)
    for _ in range(50):
        emitter.flag.emit(True)
        emitter.payload.emit((True,))
    received.clear()
    # The bug loses one reference per emit (-100 here); allow for unrelated small noise.
    assert sys.getrefcount(True) - before > -10
