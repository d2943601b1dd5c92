"""Run slow work (key derivation, backups, reports) off the GUI thread.

A :class:`BackgroundTask` runs a plain function on the global QThreadPool and
reports back through Qt signals, which Qt delivers on the GUI thread, so the
slots may touch widgets. The function itself must not touch widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class TaskSignals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)  # the exception; its traceback is kept on __traceback__
    finished = Signal()


class BackgroundTask(QRunnable):
    """One call of ``function(*args, **kwargs)`` on a worker thread.

    Keep a reference to the task (or its ``signals``) until ``finished``:
    the signals object must outlive the worker.
    """

    def __init__(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it; Qt must not delete it under us
        self.signals = TaskSignals()
        self._call = (function, args, kwargs)

    def run(self) -> None:
        function, args, kwargs = self._call
        try:
            result = function(*args, **kwargs)
        except BaseException as exc:  # reported to the GUI thread, never lost in a worker
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)
        finally:
            self._call = (None, (), {})  # drop secrets passed as arguments as soon as possible
            self.signals.finished.emit()


def run_in_background(
    function: Callable[..., Any],
    *args: Any,
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
    **kwargs: Any,
) -> BackgroundTask:
    """Start ``function`` on the thread pool. Pass bound methods of widgets as callbacks
    so Qt queues them onto the GUI thread (the widget's thread)."""
    task = BackgroundTask(function, *args, **kwargs)
    task.signals.succeeded.connect(on_success)
    task.signals.failed.connect(on_failure)
    QThreadPool.globalInstance().start(task)
    return task
