"""The shared frame of Lotse's dialogs: margins, width and growth."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QLayout, QVBoxLayout, QWidget

CONTENT_WIDTH = 500


def dialog_layout(dialog: QDialog) -> QVBoxLayout:
    """A column with generous margins that grows when an inline message appears
    (instead of squeezing it) and never gets narrower than ``CONTENT_WIDTH``."""
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(32, 28, 32, 24)
    layout.setSpacing(6)
    layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
    return layout


def fit_dialog_later(widget: QWidget) -> None:
    """Resize the dialog around ``widget`` to its content once the layout has settled.

    Qt's minimum size ignores word-wrapped labels (their height depends on the
    width), so a dialog that shows a new message or step must be fitted again.
    Windows that are not dialogs (the main window) keep the size the user chose.
    """

    def fit() -> None:
        window = widget.window()
        if isinstance(window, QDialog) and window.isVisible():
            window.adjustSize()

    QTimer.singleShot(0, widget, fit)
