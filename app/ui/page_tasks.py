"""Background work of one page: results arrive on the GUI thread, stale ones are dropped.

A page starts service calls with :meth:`PageTasks.run`. The callbacks run on
the GUI thread (a relay QObject living there receives the worker's signals:
a plain function connected to a cross-thread signal would run on the worker).
:meth:`forget` — called when the vault locks — drops every answer still on its
way, so a report computed before locking never appears over the lock, and a
failure caused by the closed vault is not shown as an error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from app.ui.error_dialogs import show_error
from app.ui.workers import BackgroundTask, run_in_background


class _Relay(QObject):
    """Lives on the GUI thread; its slots are where the worker's signals are queued to."""

    def __init__(self, tasks: PageTasks, generation: int, on_success: Callable[[Any], None],
                 on_failure: Callable[[BaseException], None]) -> None:
        super().__init__(tasks)
        self._tasks, self._generation = tasks, generation
        self._on_success, self._on_failure = on_success, on_failure
        self.task: BackgroundTask | None = None

    @Slot(object)
    def succeeded(self, result: object) -> None:
        if self._tasks.finish(self):
            self._on_success(result)

    @Slot(object)
    def failed(self, exc: BaseException) -> None:
        if self._tasks.finish(self):
            self._on_failure(exc)

    @property
    def generation(self) -> int:
        return self._generation


class PageTasks(QObject):
    busy_changed = Signal(bool)

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self._page = page
        self._generation = 0
        self._running: set[_Relay] = set()

    @property
    def busy(self) -> bool:
        return any(relay.generation == self._generation for relay in self._running)

    def run(self, function: Callable[..., Any], *args: Any, on_success: Callable[[Any], None],
            on_failure: Callable[[BaseException], None] | None = None, **kwargs: Any) -> BackgroundTask:
        """Start ``function(*args, **kwargs)`` off the GUI thread. Failures default to a dialog."""
        relay = _Relay(self, self._generation, on_success, on_failure or self._show_failure)
        was_busy = self.busy
        self._running.add(relay)  # also keeps the task alive until its worker is done
        relay.task = run_in_background(function, *args, on_success=relay.succeeded, on_failure=relay.failed,
                                       **kwargs)
        if not was_busy:
            self.busy_changed.emit(True)
        return relay.task

    def forget(self) -> None:
        """Answers of tasks started so far will not be delivered (the vault is locking)."""
        was_busy = self.busy
        self._generation += 1
        if was_busy:
            self.busy_changed.emit(False)

    def finish(self, relay: _Relay) -> bool:
        """Called by a relay when its task ended; True when its answer is still wanted."""
        wanted = relay.generation == self._generation
        self._running.discard(relay)
        relay.deleteLater()
        if wanted and not self.busy:
            self.busy_changed.emit(False)
        return wanted

    def _show_failure(self, exc: BaseException) -> None:
        show_error(self._page.window(), exc)
