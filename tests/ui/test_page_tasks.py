"""A page's background work: answers arrive on the GUI thread, and none after the vault locked."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget

from app.ui.page_tasks import PageTasks

WAIT_MS = 10_000


def test_the_answer_arrives_on_the_gui_thread_and_busy_follows(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    tasks = PageTasks(page)
    busy, answers = [], []
    tasks.busy_changed.connect(busy.append)
    tasks.run(threading.get_ident, on_success=lambda worker: answers.append((worker, threading.get_ident())))
    assert tasks.busy
    qtbot.waitUntil(lambda: bool(answers), timeout=WAIT_MS)
    worker, receiver = answers[0]
    assert worker != receiver == threading.main_thread().ident
    assert busy == [True, False] and not tasks.busy


def test_answers_after_forget_are_dropped(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    tasks = PageTasks(page)
    release = threading.Event()
    answers, failures = [], []
    tasks.run(release.wait, 5, on_success=answers.append, on_failure=failures.append)
    tasks.forget()  # the vault locks while the work is under way
    assert not tasks.busy
    release.set()
    qtbot.wait(300)
    tasks.run(lambda: "after unlock", on_success=answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=WAIT_MS)
    assert answers == ["after unlock"] and failures == []
