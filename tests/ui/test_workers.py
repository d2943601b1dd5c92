"""Background tasks run off the GUI thread and report back on it."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread, Slot

from app.ui.workers import run_in_background


class Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.results: list[tuple[object, bool]] = []
        self.errors: list[BaseException] = []

    @Slot(object)
    def done(self, result) -> None:
        self.results.append((result, QThread.currentThread() is self.thread()))

    @Slot(object)
    def failed(self, exc) -> None:
        self.errors.append(exc)


def test_the_work_runs_on_another_thread_and_the_answer_arrives_on_the_gui_thread(qtbot):
    receiver = Receiver()
    gui_thread = threading.get_ident()
    task = run_in_background(threading.get_ident, on_success=receiver.done, on_failure=receiver.failed)
    qtbot.waitUntil(lambda: bool(receiver.results), timeout=10_000)
    worker_thread, on_gui_thread = receiver.results[0]
    assert worker_thread != gui_thread
    assert on_gui_thread
    assert task is not None


def test_an_exception_is_handed_over_not_lost(qtbot):
    receiver = Receiver()

    def fail():
        raise ValueError("boom")

    run_in_background(fail, on_success=receiver.done, on_failure=receiver.failed)
    qtbot.waitUntil(lambda: bool(receiver.errors), timeout=10_000)
    assert isinstance(receiver.errors[0], ValueError)
    assert receiver.errors[0].__traceback__ is not None
