"""One column of a table takes the room the others leave, so no row needs sideways scrolling.

``QHeaderView.Stretch`` would do that too, but a stretched section can neither be
dragged by the user nor keep a sensible minimum: when the other columns need the
room (the search's match column appears), it shrinks to a sliver. This keeps
the column at least ``minimum`` wide and otherwise fills the viewport exactly.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QTableView


class FillColumn(QObject):
    """Resize ``column`` of ``table`` to the viewport's width less the other visible columns."""

    def __init__(self, table: QTableView, column: int, minimum: int) -> None:
        super().__init__(table)
        self.table, self.column, self.minimum = table, column, minimum
        self._busy = False
        table.viewport().installEventFilter(self)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        # Another column dragged wider or narrower: this one gives or takes the difference.
        header.sectionResized.connect(self._other_resized)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _other_resized(self, index: int, _old: int, _new: int) -> None:
        if index != self.column and not self._busy:
            QTimer.singleShot(0, self.fit)

    def fit(self) -> None:
        """Call after showing or hiding a column, too."""
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(i) for i in range(header.count())
                     if i != self.column and not header.isSectionHidden(i))
        width = max(self.minimum, self.table.viewport().width() - others)
        if header.sectionSize(self.column) != width:
            self._busy = True
            header.resizeSection(self.column, width)
            self._busy = False
