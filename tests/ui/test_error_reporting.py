"""Errors reach the user as plain language; the log gets types and frames, never client data."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import NotFoundError, ValidationError
from app.ui import error_dialogs
from app.ui.error_dialogs import handle_uncaught, install_excepthook, show_error
from app.ui.error_log import describe_exception, log_path

CLIENT_DATA = "Ahmad Al-Hassan, born 2003-04-17"


def raise_with_client_data() -> None:
    try:
        {}["missing"]
    except KeyError as inner:
        raise RuntimeError(f"could not save the note of {CLIENT_DATA}") from inner


def close_box(box: QMessageBox) -> None:
    box.done(0)
    error_dialogs._crash_box = None


def test_an_unexpected_error_is_logged_without_its_message_and_explained_calmly(qtbot):
    try:
        raise_with_client_data()
    except RuntimeError:
        exc_type, exc, tb = sys.exc_info()
    handle_uncaught(exc_type, exc, tb)

    log = log_path().read_text(encoding="utf-8")
    assert "builtins.RuntimeError" in log
    assert "builtins.KeyError" in log  # the cause is there too, by type
    assert "in raise_with_client_data" in log
    assert "Ahmad" not in log and "2003" not in log and "could not save" not in log

    box = error_dialogs._crash_box
    assert box is not None and box.isVisible()
    assert "Something went wrong. Your saved data is safe." in box.text()
    assert str(log_path()) in box.informativeText()
    assert "Ahmad" not in box.informativeText()
    close_box(box)


def test_the_log_file_is_private(qtbot):
    try:
        raise ValueError("x")
    except ValueError:
        handle_uncaught(*sys.exc_info())
    close_box(error_dialogs._crash_box)
    assert log_path().stat().st_mode & 0o077 == 0


def test_a_service_error_shows_its_message_literally(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    box = show_error(parent, ValidationError("The name <b>&'\" cannot be empty."))
    assert box.isVisible()
    assert "Please check your input" in box.text()
    # Escaped: the user sees the characters, Qt does not interpret them as markup.
    assert "&lt;b&gt;&amp;" in box.informativeText()
    box.done(0)


def test_a_lotse_error_that_escapes_a_slot_still_gets_its_own_message(qtbot):
    handle_uncaught(NotFoundError, NotFoundError("There is no case 2026-0042."), None)
    boxes = [w for w in error_dialogs._open_boxes if w.isVisible()]
    assert any("There is no case 2026-0042." in b.informativeText() and "Not found" in b.text() for b in boxes)
    assert not log_path().exists()  # an expected error is no bug: nothing to log
    for box in boxes:
        box.done(0)


def test_the_hook_is_installed_for_the_gui(monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    install_excepthook()
    assert sys.excepthook is handle_uncaught


def test_describe_exception_names_each_frame():
    try:
        raise_with_client_data()
    except RuntimeError as exc:
        text = describe_exception(type(exc), exc, exc.__traceback__)
    lines = text.splitlines()
    assert lines[0] == "builtins.RuntimeError"
    assert any(line.startswith('  File "') and "line" in line for line in lines)
    assert CLIENT_DATA not in text
