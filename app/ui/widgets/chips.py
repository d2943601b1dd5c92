"""Small coloured labels that say a state in words (never colour alone): overdue, due, fulfilled …

Tones: ``danger`` (overdue, missed), ``warning`` (due soon), ``success``
(fulfilled), ``accent`` (in force, due), ``neutral`` (waiting, draft),
``muted`` (waived, ended). The stylesheet colours them (lotse.qss, "tones").
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

TONES = ("danger", "warning", "success", "accent", "neutral", "muted")


def set_tone(label: QLabel, tone: str) -> None:
    if label.property("tone") == tone:
        return
    label.setProperty("tone", tone)
    label.style().unpolish(label)
    label.style().polish(label)


class Chip(QLabel):
    def __init__(self, text: str = "", tone: str = "neutral", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setProperty("tone", tone)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def show_state(self, text: str, tone: str) -> None:
        self.setText(text)
        self.setAccessibleName(text)
        set_tone(self, tone)
        self.setVisible(bool(text))
