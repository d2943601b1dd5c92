"""An indeterminate progress bar with a short sentence, for work that runs in the background.

It sits in a dialog's button row, left of the buttons, so starting work does
not make the dialog jump.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from app.ui.widgets.labels import hint_label

WIDTH = 250


class BusyBar(QWidget):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # indeterminate: key derivation has no steps to count
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(text)
        self.label: QLabel = hint_label(text)
        self.setFixedWidth(WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(5)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addStretch(1)
        self.hide()
