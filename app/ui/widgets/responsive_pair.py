"""Two widgets side by side, or one above the other when the space gets narrow.

Used for a table with its chart: side by side in a wide window (the chart's
rows level with the table's), stacked in the smallest window, where side by
side would cut every label short. Pairs with the same stretch keep the same
column widths, so the tables of one section line up.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QWidget

NARROW_BELOW = 720
SPACING = 32


class ResponsivePair(QWidget):
    def __init__(self, left: QWidget, right: QWidget | None = None, stretch: tuple[int, int] = (5, 6),
                 parent: QWidget | None = None, *, right_top_padding: float = 0.0) -> None:
        """``right_top_padding``: space above the right widget when side by side (e.g. a table's
        header height, so a chart's rows level with the table's); none when stacked."""
        super().__init__(parent)
        self._right_top_padding = right_top_padding
        self.left = left
        self.right = right if right is not None else QWidget()  # keeps the left column's width
        self._stretch = stretch
        self._stacked: bool | None = None
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._arrange(stacked=False)

    @property
    def stacked(self) -> bool:
        return bool(self._stacked)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        self._arrange(stacked=event.size().width() < NARROW_BELOW)
        super().resizeEvent(event)

    def _arrange(self, *, stacked: bool) -> None:
        if stacked == self._stacked:
            return
        self._stacked = stacked
        for widget in (self.left, self.right):
            self._grid.removeWidget(widget)
        if stacked:
            self._grid.addWidget(self.left, 0, 0)
            self._grid.addWidget(self.right, 1, 0)
            self._grid.setColumnStretch(0, 1)
            self._grid.setColumnStretch(1, 0)
            self._grid.setHorizontalSpacing(0)
            self._grid.setVerticalSpacing(14)
        else:
            self._grid.addWidget(self.left, 0, 0)
            self._grid.addWidget(self.right, 0, 1)
            self._grid.setColumnStretch(0, self._stretch[0])
            self._grid.setColumnStretch(1, self._stretch[1])
            self._grid.setHorizontalSpacing(SPACING)
            self._grid.setVerticalSpacing(0)
        for widget in (self.left, self.right):
            self._grid.setAlignment(widget, Qt.AlignmentFlag.AlignTop)
        if hasattr(self.right, "set_top_padding"):
            self.right.set_top_padding(0.0 if stacked else self._right_top_padding)
