"""The pieces of the start page: clickable rows, placeholder rows while loading, phase bars, figures."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.services.deadline_engine import DeadlineItem
from app.ui import labels
from app.ui.deadline_texts import due_text, kind_label, with_local_dates
from app.ui.formatting import format_date
from app.ui.theme import color
from app.ui.widgets.chips import Chip
from app.ui.widgets.labels import ElidedLabel, hint_label, role_label

ROW_HEIGHT = 52


class RowButton(QPushButton):
    """A list row the user can click or reach with Tab and open with Enter/Space."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("row", True)
        self.setAutoDefault(False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(ROW_HEIGHT)
        self.row_layout = QHBoxLayout(self)
        self.row_layout.setContentsMargins(12, 6, 12, 6)
        self.row_layout.setSpacing(14)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(300, ROW_HEIGHT)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)


def _two_lines(top: str, bottom: str, top_role: str = "row-title") -> tuple[QWidget, QLabel, QLabel]:
    box = QWidget()
    box.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    first = ElidedLabel(top, top_role)  # cut with "…", never widen the card
    second = ElidedLabel(bottom, "hint")
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(1)
    layout.addWidget(first)
    layout.addWidget(second)
    return box, first, second


class DeadlineRow(RowButton):
    """One deadline: the day, who (name · reference), what (kind), and how far off it is."""

    def __init__(self, item: DeadlineItem, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.day = role_label(format_date(item.due), "row-date", wrap=False)
        self.day.setFixedWidth(86)
        who = _("{name} · {ref}").format(name=item.name or _("(no name)"), ref=item.ref)
        texts, self.who, self.what = _two_lines(item.name or _("(no name)"),
                                                _("{ref} · {kind}").format(ref=item.ref, kind=kind_label(item.kind)))
        self.due = Chip()
        days = (item.due - today).days
        tone = "danger" if item.overdue else "warning" if days <= 3 else "neutral"
        self.due.show_state(due_text(item.due, today), tone)
        self.row_layout.addWidget(self.day)
        self.row_layout.addWidget(texts, 1)
        self.row_layout.addWidget(self.due, 0, Qt.AlignmentFlag.AlignVCenter)
        detail = with_local_dates(item.text)
        self.setToolTip(detail)
        self.setAccessibleName(_("{who}: {what}, {date}, {due}. Opens the case.").format(
            who=who, what=kind_label(item.kind), date=format_date(item.due), due=self.due.text()))
        self.setAccessibleDescription(detail)


class CaseRow(RowButton):
    """A case: name, reference and phase, and a note on the right (e.g. when it was opened)."""

    def __init__(self, name: str, ref: str, phase: str, note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        texts, self.title, self.subtitle = _two_lines(name or _("(no name)"),
                                                     _("{ref} · {phase}").format(ref=ref, phase=labels.phase_state(phase)))
        self.note = role_label(note, "hint", wrap=False)
        self.row_layout.addWidget(texts, 1)
        self.row_layout.addWidget(self.note, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setAccessibleName(_("Open case {name} · {ref}").format(name=name, ref=ref))


class SkeletonRow(QWidget):
    """A grey stand-in for a row while the page loads: the layout does not jump when data arrives."""

    def __init__(self, widths: tuple[float, float] = (0.55, 0.3), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._widths = widths
        self.setFixedHeight(ROW_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_("Loading"))

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color("border_soft"))
        width = self.width() - 24
        painter.drawRoundedRect(QRectF(12, 12, 70, 12), 5, 5)
        painter.drawRoundedRect(QRectF(100, 10, max(40, width * self._widths[0] - 100), 12), 5, 5)
        painter.setBrush(color("window"))
        painter.drawRoundedRect(QRectF(100, 29, max(30, width * self._widths[1]), 10), 4, 4)
        painter.drawRoundedRect(QRectF(width - 78, 17, 90, 18), 9, 9)
        painter.end()


class FigureTile(QFrame):
    """A number with a caption: "3 · Overdue"."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("tile", True)
        self.figure = role_label("–", "figure", wrap=False)
        self.caption = hint_label(caption)
        self.caption.setWordWrap(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(0)
        layout.addWidget(self.figure)
        layout.addWidget(self.caption)
        self._caption_text = caption

    def set_value(self, value: int | None, role: str = "figure") -> None:
        self.figure.setText("–" if value is None else str(value))
        if self.figure.property("role") != role:
            self.figure.setProperty("role", role)
            self.figure.style().unpolish(self.figure)
            self.figure.style().polish(self.figure)
        self.setAccessibleName(f"{self._caption_text}: {self.figure.text()}")


class PhaseBars(QWidget):
    """Counts per phase of the cycle as labelled bars, longest bar = the largest count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(8)
        self.grid.setColumnStretch(1, 1)
        self.rows: dict[str, tuple[QLabel, QProgressBar, QLabel]] = {}

    def set_counts(self, counts: dict[str, int]) -> None:
        top = max(counts.values(), default=0)
        for row, (phase, count) in enumerate(counts.items()):
            if phase not in self.rows:
                name = role_label(labels.phase(phase), "lead", wrap=False)
                bar = QProgressBar()
                bar.setTextVisible(False)
                bar.setFixedHeight(8)
                figure = role_label("", "row-title", wrap=False)
                figure.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                figure.setMinimumWidth(28)
                self.grid.addWidget(name, row, 0)
                self.grid.addWidget(bar, row, 1)
                self.grid.addWidget(figure, row, 2)
                self.rows[phase] = (name, bar, figure)
            name, bar, figure = self.rows[phase]
            bar.setRange(0, max(top, 1))
            bar.setValue(count)
            figure.setText(str(count))
            bar.setAccessibleName(_("{phase}: {n}").format(phase=labels.phase(phase), n=count))

    def counts(self) -> dict[str, int]:
        return {phase: int(figure.text() or 0) for phase, (_n, _b, figure) in self.rows.items()}
