"""The application style sheet parses: Qt drops the WHOLE sheet on one syntax error
(a brace lost in a merge left the app unstyled), saying so only in a log message."""

from __future__ import annotations

from PySide6.QtCore import qInstallMessageHandler
from PySide6.QtWidgets import QLabel

from app.ui.theme import stylesheet


def test_the_style_sheet_has_no_syntax_error(qtbot):
    sheet = stylesheet()
    assert sheet.count("{") == sheet.count("}")
    messages: list[str] = []
    previous = qInstallMessageHandler(lambda _mode, _context, message: messages.append(message))
    try:
        label = QLabel("Lotse")
        qtbot.addWidget(label)
        label.setStyleSheet(sheet)
        label.show()
        label.ensurePolished()
        qtbot.waitExposed(label)
    finally:
        qInstallMessageHandler(previous)
    assert not [m for m in messages if "Could not parse" in m]
