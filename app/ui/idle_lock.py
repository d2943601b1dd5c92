"""Lock after a time without keyboard or mouse input (setting ``ui/idle_lock_minutes``).

An application-wide event filter restarts a single-shot timer on every
input event. A QTimer does not count time while a laptop sleeps, so a
wall-clock check on wake-up (and every few seconds) catches that too: a
laptop closed for an hour opens locked.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress,
})
WALL_CLOCK_CHECK_MS = 5_000


class IdleLock(QObject):
    """Emits ``idle`` once after ``timeout_ms`` without input; ``start()`` arms it again."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)
        self._wall_clock = QTimer(self)
        self._wall_clock.setInterval(WALL_CLOCK_CHECK_MS)
        self._wall_clock.timeout.connect(self._check_wall_clock)
        self._last_input = time.time()
        self._timeout_ms = 0
        self._armed = False
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    @property
    def is_armed(self) -> bool:
        return self._armed and self._timeout_ms > 0

    def remaining_ms(self) -> int:
        return self._timer.remainingTime() if self._timer.isActive() else -1

    def set_minutes(self, minutes: int) -> None:
        """0 switches automatic locking off."""
        self.set_timeout_ms(max(0, int(minutes)) * 60_000)

    def set_timeout_ms(self, milliseconds: int) -> None:
        self._timeout_ms = max(0, int(milliseconds))
        if self._armed:
            self.start()

    def start(self) -> None:
        """Arm (after unlock)."""
        self._armed = True
        self._last_input = time.time()
        if self._timeout_ms > 0:
            self._timer.start(self._timeout_ms)
            self._wall_clock.start()
        else:
            self.stop_timers()

    def stop(self) -> None:
        """Disarm (while locked)."""
        self._armed = False
        self.stop_timers()

    def stop_timers(self) -> None:
        self._timer.stop()
        self._wall_clock.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if self._armed and event.type() in INPUT_EVENTS:
            self._last_input = time.time()
            if self._timeout_ms > 0:
                self._timer.start(self._timeout_ms)
        return False  # only watching; the event goes on to its widget

    def _check_wall_clock(self) -> None:
        if self._armed and self._timeout_ms > 0 and (time.time() - self._last_input) * 1000 >= self._timeout_ms:
            self._fire()

    def _fire(self) -> None:
        if not self._armed:
            return
        self.stop()
        self.idle.emit()

    def detach(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.stop()
