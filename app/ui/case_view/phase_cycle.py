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

RADIUS = 13
ARC_SPACE = 16  # room above the circles for the monitoring → assessment loop
LABEL_GAP = 8


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
        self.update()

    def phases(self) -> tuple[str, ...]:
        return self._order

    def current(self) -> str:
        return self._current

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(560, self._height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(360, self._height())

    def _height(self) -> int:
        return ARC_SPACE + 2 * RADIUS + LABEL_GAP + QFontMetrics(self._label_font()).height() + 4

    def _label_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(8.5, font.pointSizeF() - 1.0))
        return font

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        count = len(self._order)
        width = self.width()
        slot = width / count
        centers = [QPointF(slot * (i + 0.5), ARC_SPACE + RADIUS) for i in range(count)]
        current = self._order.index(self._current) if self._current in self._order else -1
        closed = self._current == "closed"

        # Connectors: done ones in the accent colour.
        for i in range(count - 1):
            done = i < current
            painter.setPen(QPen(color("accent") if done else color("border"), 2))
            painter.drawLine(QPointF(centers[i].x() + RADIUS + 3, centers[i].y()),
                             QPointF(centers[i + 1].x() - RADIUS - 3, centers[i + 1].y()))

        if "monitoring" in self._order and "assessment" in self._order:
            self._draw_loop(painter, centers[self._order.index("assessment")], centers[self._order.index("monitoring")])

        number_font = QFont(self.font())
        number_font.setBold(True)
        label_font = self._label_font()
        for i, (code, center) in enumerate(zip(self._order, centers, strict=True)):
            circle = QRectF(center.x() - RADIUS, center.y() - RADIUS, 2 * RADIUS, 2 * RADIUS)
            if i < current or (closed and i == current):
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(color("accent") if i == current else color("accent_soft"))
                painter.drawEllipse(circle)
                self._draw_check(painter, center, color("surface") if i == current else color("accent"))
            elif i == current:
                painter.setPen(QPen(color("accent_soft"), 5))
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

            label_font.setBold(i == current)
            painter.setFont(label_font)
            painter.setPen(color("accent_text") if i == current else
                           color("text_secondary") if i < current else color("text_muted"))
            metrics = QFontMetrics(label_font)
            text_rect = QRectF(center.x() - slot / 2 + 2, center.y() + RADIUS + LABEL_GAP, slot - 4,
                               metrics.height() + 2)
            text = metrics.elidedText(_(labels.PHASE_SHORT.get(code, code)), Qt.TextElideMode.ElideRight,
                                      int(slot - 4))
            painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), text)
        painter.end()

    @staticmethod
    def _draw_check(painter: QPainter, center: QPointF, pen_color) -> None:
        pen = QPen(pen_color, 2.2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath(QPointF(center.x() - 5, center.y()))
        path.lineTo(center.x() - 1.5, center.y() + 3.5)
        path.lineTo(center.x() + 5, center.y() - 3.5)
        painter.drawPath(path)

    @staticmethod
    def _draw_loop(painter: QPainter, start: QPointF, end: QPointF) -> None:
        """A dashed arc from monitoring back to assessment: the cycle's loop."""
        pen = QPen(color("border"), 1.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        top = 4.0
        y = start.y() - RADIUS - 2
        path = QPainterPath(QPointF(end.x(), y))
        path.cubicTo(QPointF(end.x(), top), QPointF(start.x(), top), QPointF(start.x(), y))
        painter.drawPath(path)
        # The arrow head points down into assessment.
        painter.setPen(QPen(color("border"), 1.5))
        painter.drawLine(QPointF(start.x(), y), QPointF(start.x() - 4, y - 5))
        painter.drawLine(QPointF(start.x(), y), QPointF(start.x() + 4, y - 5))
