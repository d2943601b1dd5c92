"""The DGCC cycle as a stepper: the phases in order, the current one highlighted.

Case management runs intake → assessment → goals and plan → implementation →
monitoring → evaluation and closing, and monitoring may lead back to a new
assessment; the arc above the steps shows that loop. A Verweisberatung has
only intake and closing.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.i18n import _
from app.services.phases import phase_order
from app.ui import labels
from app.ui.theme import color

RADIUS = 10
ARC_SPACE = 9  # room above the circles for the monitoring → assessment loop
LABEL_GAP = 6  # between a circle and its label, which stands beside it (one line, not two)
MIN_CONNECTOR = 14


class PhaseCycle(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._order: tuple[str, ...] = phase_order("case_management")
        self._current = "intake"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_("Phase in the case-management cycle"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_phase(self, case_type: str, phase: str) -> None:
        self._order = phase_order(case_type)
        self._current = phase
        position = self._order.index(phase) + 1 if phase in self._order else 0
        self.setAccessibleDescription(
            _("Phase {n} of {count}: {phase}").format(n=position, count=len(self._order), phase=labels.phase(phase))
        )
        self.setToolTip(" → ".join(labels.phase(code) for code in self._order))
        self.updateGeometry()
        self.update()

    def phases(self) -> tuple[str, ...]:
        return self._order

    def current(self) -> str:
        return self._current

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self._natural_width(), self._height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(320, self._height())

    def _height(self) -> int:
        return ARC_SPACE + max(2 * RADIUS, QFontMetrics(self._label_font(True)).height()) + 4

    def _label_font(self, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(8.5, font.pointSizeF() - 0.5))
        font.setBold(bold)
        return font

    def _texts(self) -> list[str]:
        return [_(labels.PHASE_SHORT.get(code, code)) for code in self._order]

    def _label_widths(self) -> list[int]:
        return [QFontMetrics(self._label_font(code == self._current)).horizontalAdvance(text)
                for code, text in zip(self._order, self._texts(), strict=True)]

    def _natural_width(self) -> int:
        count = len(self._order)
        return sum(self._label_widths()) + count * (2 * RADIUS + LABEL_GAP) + (count - 1) * 2 * MIN_CONNECTOR

    def _layout(self) -> tuple[list[float], list[int]]:
        """Left edge of each step and the room its label gets: the connectors share what is left;
        when the row is too narrow, the other phases' labels end in "…" before the current one does."""
        count = len(self._order)
        widths = self._label_widths()
        fixed = count * (2 * RADIUS + LABEL_GAP) + (count - 1) * MIN_CONNECTOR
        room = self.width() - fixed
        if sum(widths) > room:
            current = self._order.index(self._current) if self._current in self._order else -1
            keep = widths[current] if current >= 0 else 0
            share = max(12, (room - keep) // max(1, count - (1 if current >= 0 else 0)))
            widths = [w if i == current else min(w, share) for i, w in enumerate(widths)]
        gap = MIN_CONNECTOR + max(0, (self.width() - fixed - sum(widths))) / max(1, count - 1)
        lefts, x = [], 0.0
        for width in widths:
            lefts.append(x)
            x += 2 * RADIUS + LABEL_GAP + width + gap
        return lefts, widths

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        lefts, widths = self._layout()
        y = ARC_SPACE + RADIUS
        centers = [QPointF(left + RADIUS, y) for left in lefts]
        current = self._order.index(self._current) if self._current in self._order else -1
        closed = self._current == "closed"

        # Connectors, from the end of one label to the next circle: done ones in the accent colour.
        for i in range(len(centers) - 1):
            painter.setPen(QPen(color("accent") if i < current else color("border"), 2))
            start = centers[i].x() + RADIUS + LABEL_GAP + widths[i] + 6
            painter.drawLine(QPointF(start, y), QPointF(centers[i + 1].x() - RADIUS - 6, y))

        if "monitoring" in self._order and "assessment" in self._order:
            self._draw_loop(painter, centers[self._order.index("assessment")], centers[self._order.index("monitoring")])

        number_font = QFont(self.font())
        number_font.setBold(True)
        number_font.setPointSizeF(max(8.0, number_font.pointSizeF() - 1.5))
        texts = self._texts()
        for i, center in enumerate(centers):
            circle = QRectF(center.x() - RADIUS, center.y() - RADIUS, 2 * RADIUS, 2 * RADIUS)
            if i < current or (closed and i == current):
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(color("accent") if i == current else color("accent_soft"))
                painter.drawEllipse(circle)
                self._draw_check(painter, center, color("surface") if i == current else color("accent"))
            elif i == current:
                painter.setPen(QPen(color("accent_soft"), 4))
                painter.setBrush(color("accent"))
                painter.drawEllipse(circle.adjusted(-1, -1, 1, 1))
                painter.setPen(color("surface"))
                painter.setFont(number_font)
                painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, str(i + 1))
            else:
                painter.setPen(QPen(color("border"), 2))
                painter.setBrush(color("surface"))
                painter.drawEllipse(circle)
                painter.setPen(color("text_muted"))
                painter.setFont(number_font)
                painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, str(i + 1))

            label_font = self._label_font(i == current)
            painter.setFont(label_font)
            painter.setPen(color("accent_text") if i == current else
                           color("text_secondary") if i < current else color("text_muted"))
            metrics = QFontMetrics(label_font)
            text_rect = QRectF(center.x() + RADIUS + LABEL_GAP, y - metrics.height() / 2, widths[i] + 2,
                               metrics.height())
            text = metrics.elidedText(texts[i], Qt.TextElideMode.ElideRight, widths[i] + 1)
            painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        painter.end()

    @staticmethod
    def _draw_check(painter: QPainter, center: QPointF, pen_color) -> None:
        pen = QPen(pen_color, 2.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath(QPointF(center.x() - 4, center.y()))
        path.lineTo(center.x() - 1.2, center.y() + 3)
        path.lineTo(center.x() + 4, center.y() - 3)
        painter.drawPath(path)

    @staticmethod
    def _draw_loop(painter: QPainter, start: QPointF, end: QPointF) -> None:
        """A dashed arc from monitoring back to assessment: the cycle's loop."""
        pen = QPen(color("border"), 1.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        top = 0.5
        y = start.y() - RADIUS - 1
        path = QPainterPath(QPointF(end.x(), y))
        path.cubicTo(QPointF(end.x(), top), QPointF(start.x(), top), QPointF(start.x(), y))
        painter.drawPath(path)
        # The arrow head points down into assessment.
        painter.setPen(QPen(color("border"), 1.5))
        painter.drawLine(QPointF(start.x(), y), QPointF(start.x() - 3, y - 4))
        painter.drawLine(QPointF(start.x(), y), QPointF(start.x() + 3, y - 4))
