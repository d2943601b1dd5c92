"""Fixtures for driving the real widgets offscreen with pytest-qt."""

from __future__ import annotations

import pytest

# The isolated LOTSE_HOME and the fast KDF come from tests/conftest.py.


@pytest.fixture(scope="session", autouse=True)
def themed_app(qapp):
    """The session's QApplication with Lotse's style, as users see it (also checks the sheet loads)."""
    from app import i18n
    from app.ui.theme import apply_theme

    apply_theme(qapp)
    i18n.install("en")
    return qapp


@pytest.fixture
def settings():
    from app.settings import Settings

    return Settings()


def _answer_leftover_prompts() -> None:
    """Discard any unsaved-input prompt (or dismiss any other modal box) still open."""
    from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

    for widget in QApplication.topLevelWidgets():
        if not (isinstance(widget, QMessageBox) and widget.isVisible()):
            continue
        discard = widget.findChild(QPushButton, "discardButton")
        if discard is not None:
            discard.click()
        else:
            widget.reject()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item):
    """A failing test can leave unsaved input behind; closing its window then asks
    Save/Discard/Cancel modally and nobody answers, which hangs the whole ui run.
    While a test is torn down, a timer answers such prompts with Discard so the
    failure is reported instead of a hang. During the test itself nothing is
    answered: tests that check the prompt answer it themselves."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    timer = None
    if QApplication.instance() is not None:
        timer = QTimer()
        timer.setInterval(200)
        timer.timeout.connect(_answer_leftover_prompts)
        timer.start()
    try:
        yield
    finally:
        if timer is not None:
            timer.stop()
