"""Column widths the user dragged stay as they were the next time (setting ``ui/column_widths``).

Only widths: sorting and hidden columns belong to each page's own state. Saving
waits until the user stops dragging, so a drag is one write, not hundreds.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QHeaderView

from app.settings import Settings

SAVE_DELAY_MS = 400
KEY = "ui/column_widths"


def _load(settings: Settings) -> dict[str, list[int]]:
    try:
        stored = json.loads(settings.get(KEY) or "{}")
    except (TypeError, ValueError):
        return {}  # a hand-edited or damaged value: start from the page's own widths
    return stored if isinstance(stored, dict) else {}


class ColumnMemory(QObject):
    """Restores the widths stored under ``name`` now, and stores them again after each change."""

    def __init__(self, header: QHeaderView, name: str, settings: Settings | None = None) -> None:
        super().__init__(header)
        self.header, self.name = header, name
        self.settings = settings or Settings()
        widths = _load(self.settings).get(name)
        # The last section stretches to the edge: its width follows the window, not the user.
        if isinstance(widths, list) and len(widths) == header.count():
            for column, width in enumerate(widths[:-1]):
                if isinstance(width, int) and width > 0:
                    header.resizeSection(column, width)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(self.save)
        header.sectionResized.connect(lambda *_args: self.timer.start())

    def widths(self) -> list[int]:
        return [self.header.sectionSize(column) for column in range(self.header.count())]

    def save(self) -> None:
        stored = _load(self.settings)
        stored[self.name] = self.widths()
        self.settings.set(KEY, json.dumps(stored))
