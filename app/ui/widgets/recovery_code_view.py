"""The recovery code, large and monospaced, with Copy and Print…

The code is held only by this widget while it is shown: it is never written
to settings, logs or a file (printing goes to the printer the user picks).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.i18n import _
from app.ui.icons import icon
from app.ui.theme import mono_font
from app.ui.widgets.buttons import secondary_button
from app.ui.widgets.labels import hint_label


def display_form(code: str) -> str:
    """Two lines of three groups: large enough to copy by hand without losing the place.

    Selecting and pasting this form still works: the recovery input ignores
    spaces, dashes and line breaks."""
    groups = code.split("-")
    half = (len(groups) + 1) // 2
    return "-".join(groups[:half]) + "\n" + "-".join(groups[half:])


class RecoveryCodeView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._code = ""
        self.code_label = QLabel()
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setFont(mono_font(22))
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextFormat(Qt.TextFormat.PlainText)
        self.code_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.code_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.code_label.setAccessibleName(_("Recovery code"))

        self.copy_button = secondary_button(_("&Copy"), _("Copy the recovery code"))
        self.copy_button.setIcon(icon("copy"))
        self.print_button = secondary_button(_("&Print…"), _("Print the recovery code"))
        self.print_button.setIcon(icon("print"))
        self.feedback = hint_label("")
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.print_button.clicked.connect(self.print_code)

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.print_button)
        buttons.addSpacing(8)
        buttons.addWidget(self.feedback, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.code_label)
        layout.addLayout(buttons)

    def set_code(self, code: str) -> None:
        self._code = code
        self.code_label.setText(display_form(code))
        # Screen readers spell the groups; a plain string would be read as one word.
        self.code_label.setAccessibleDescription(" ".join(code.replace("-", " - ")))

    def code(self) -> str:
        return self._code

    def copy_to_clipboard(self) -> None:
        data = QMimeData()
        data.setText(self._code)
        # KDE's and other clipboard managers skip history for data marked like this.
        data.setData("x-kde-passwordManagerHint", b"secret")
        QGuiApplication.clipboard().setMimeData(data)
        self.feedback.setText(_("Copied. Lotse empties the clipboard when you continue."))

    def forget(self) -> None:
        """Empty the clipboard if it still holds the code, and drop the code."""
        clipboard = QGuiApplication.clipboard()
        if self._code and clipboard.text() == self._code:
            clipboard.clear()
        self._code = ""
        self.code_label.clear()

    def print_code(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print the recovery code"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        document.setHtml(
            "<h2>{title}</h2><p>{intro}</p><p style='font-family:monospace;font-size:20pt'>{code}</p>".format(
                title=html.escape(_("Lotse recovery code")),
                intro=html.escape(_("Keep this sheet somewhere safe, away from the laptop. "
                                    "With this code the vault can be opened if the password is forgotten.")),
                code=html.escape(self._code),
            )
        )
        document.print_(printer)
        self.feedback.setText(_("Sent to the printer."))
