"""How the desktop app reports errors (ARCHITECTURE.md decision 8).

- :func:`show_error` is the standard way every page reports a service error:
  a LotseError's plain-language message in a dialog.
- :func:`install_excepthook` catches everything else: the user sees a calm
  dialog, the log gets the type and code locations only (error_log.py).

Dialogs open window-modal with ``open()`` rather than ``exec()``, so they do
not start a nested event loop in the middle of a signal handler.
"""

from __future__ import annotations

import html
import sys
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.errors import (
    AuthenticationError,
    DataError,
    LotseError,
    NotFoundError,
    PolicyError,
    UsageError,
    ValidationError,
)
from app.i18n import _
from app.ui.error_log import log_unexpected

_open_boxes: set[QMessageBox] = set()  # parentless boxes must stay referenced while shown
_crash_box: QMessageBox | None = None


def as_lotse_error(exc: BaseException) -> LotseError | None:
    """The user-facing form of ``exc``, or None for a bug.

    A damaged database page surfaces from SQLCipher as a DatabaseError deep
    inside a query; the CLI's translation gives it the same clear message here.
    """
    if isinstance(exc, LotseError):
        return exc
    if isinstance(exc, Exception):
        from app.cli import _as_database_error

        return _as_database_error(exc)
    return None


def error_heading(error: LotseError) -> str:
    if isinstance(error, AuthenticationError):
        return _("Not unlocked")
    if isinstance(error, ValidationError):
        return _("Please check your input")
    if isinstance(error, NotFoundError):
        return _("Not found")
    if isinstance(error, DataError):
        return _("The data cannot be used")
    if isinstance(error, PolicyError):
        return _("Not allowed")
    if isinstance(error, UsageError):
        return _("This cannot be done")
    return _("This did not work")


def show_error(parent: QWidget | None, exc: BaseException, *, heading: str | None = None) -> QMessageBox:
    """Show a service error in a dialog and return the dialog (already open).

    Unexpected exceptions are logged and shown as "Something went wrong".
    """
    error = as_lotse_error(exc)
    if error is None:
        return report_unexpected(type(exc), exc, exc.__traceback__, parent)
    return _open_box(parent, QMessageBox.Icon.Warning, heading or error_heading(error), error.message)


def report_unexpected(exc_type: type[BaseException], exc: BaseException | None,
                      tb: TracebackType | None, parent: QWidget | None = None) -> QMessageBox:
    """Log a bug (type and frames only) and tell the user their data is safe."""
    global _crash_box
    path = log_unexpected(exc_type, exc, tb)
    if _crash_box is not None and _crash_box.isVisible():
        return _crash_box  # one dialog is enough; a burst of errors is still logged
    details = _(
        "Lotse stopped what it was doing. Technical details, without any client data, "
        "were written to:\n{path}\n\nIf this happens again, please send that file to your IT support."
    ).format(path=path)
    _crash_box = _open_box(
        parent, QMessageBox.Icon.Critical, _("Something went wrong. Your saved data is safe."), details
    )
    return _crash_box


def handle_uncaught(exc_type: type[BaseException], exc: BaseException | None,
                    tb: TracebackType | None) -> None:
    """``sys.excepthook`` for the GUI: no traceback ever reaches the user."""
    if issubclass(exc_type, KeyboardInterrupt) or QApplication.instance() is None:
        sys.__excepthook__(exc_type, exc, tb)
        return
    parent = QApplication.activeWindow()
    if exc is not None and as_lotse_error(exc) is not None:
        show_error(parent, exc)  # a page forgot to catch a service error: still a clear message
        return
    report_unexpected(exc_type, exc, tb, parent)


def install_excepthook() -> None:
    sys.excepthook = handle_uncaught


def _open_box(parent: QWidget | None, icon: QMessageBox.Icon, heading: str, message: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(_("Lotse"))
    # Messages may quote user input ("<b>&'" in a name): escape, never let Qt guess rich text.
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(f"<b>{html.escape(heading)}</b>")
    box.setInformativeText("<p>" + html.escape(message).replace("\n", "<br>") + "</p>")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    ok = box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(ok)
    box.setEscapeButton(ok)
    box.setAccessibleName(heading)
    box.setAccessibleDescription(message)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if box.layout() is not None:
        box.layout().setContentsMargins(24, 22, 24, 18)
    _open_boxes.add(box)
    box.finished.connect(lambda _result, box=box: _open_boxes.discard(box))
    box.open()
    return box
