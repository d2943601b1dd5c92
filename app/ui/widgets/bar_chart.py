"""Horizontal bar chart for published report figures, drawn like the report PDF's charts.

The rules are the PDF's (app/documents/report_charts.py): one group per
category, one bar per series (first series on top), a withheld figure gets
no bar — its mark (``<5`` or ``x``) stands in grey italics at the axis — and
the value axis is scaled to the shown figures only (``value_axis``, shared
with the PDF), so not even the scale hints at a withheld figure.

ReportLab's bitmap renderer needs the rlPyCairo backend and the cairo library,
which Lotse does not ship; drawing with QPainter from the same numbers also
keeps the chart sharp at any screen scale and in the app's fonts.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.documents.report_charts import value_axis
from app.i18n import _
from app.ui.formats import format_count
from app.ui.theme import COLORS, ui_font

Value = int | str
SERIES_COLORS = (COLORS["accent"], "#8FC1D4")
ROW_PITCH = 30.0  # one category with one series: the height of a FiguresTable row, so both line up
BAR_HEIGHT = 16.0
BAR_SPACING = 3.0
AXIS_HEIGHT = 24.0
LEGEND_HEIGHT = 28.0
LABEL_GAP = 10.0
VALUE_ROOM = 34.0  # right of the longest bar, for its value
MAX_LABEL_SHARE = 0.42
MULTI_BAR_HEIGHT = 13.0  # bars of a group of two: the group stays compact
MULTI_GROUP_SPACING = 11.0


@dataclass(frozen=True)
class Bar:
    category: int
    series: int
    rect: QRectF
    value: Value  # what the label next to the bar (or at the axis) says


class BarChart(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(title)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._categories: list[str] = []
        self._series: list[list[Value]] = []
        self._names: list[str] = []
        self._label_font = ui_font(9.5)
        self._wrapped_font = ui_font(8.5)  # a label broken onto two lines must fit one row
        self._value_font = ui_font(9)
        self._mark_font = ui_font(9)
        self._mark_font.setItalic(True)
        self._axis_font = ui_font(8.5)
        self.top_padding = 0.0  # e.g. a neighbouring table's header height, so rows line up

    # --- data --------------------------------------------------------------------

    def set_data(self, categories: list[str], series: list[list[Value]], series_names: list[str] | None = None) -> None:
        self._categories = list(categories)
        self._series = [list(row) for row in series]
        self._names = list(series_names or [])
        self.setFixedHeight(round(self._height()))
        self.setAccessibleDescription(self._describe())
        self.update()

    def categories(self) -> list[str]:
        return list(self._categories)

    def values(self, series: int = 0) -> list[Value]:
        return list(self._series[series]) if series < len(self._series) else []

    def axis_end(self) -> float:
        return value_axis([v for row in self._series for v in row])[0]

    # --- geometry ------------------------------------------------------------------

    def set_top_padding(self, pixels: float) -> None:
        self.top_padding = float(pixels)
        self.setFixedHeight(round(self._height()))
        self.update()

    def _legend_height(self) -> float:
        return LEGEND_HEIGHT if len(self._names) > 1 else 0.0

    def _bar_height(self) -> float:
        return BAR_HEIGHT if len(self._series) <= 1 else MULTI_BAR_HEIGHT

    def _group_spacing(self) -> float:
        return ROW_PITCH - BAR_HEIGHT if len(self._series) <= 1 else MULTI_GROUP_SPACING

    def _group_height(self) -> float:
        n = max(1, len(self._series))
        return n * self._bar_height() + (n - 1) * BAR_SPACING

    def _height(self) -> float:
        rows = max(1, len(self._categories))
        return self.top_padding + self._legend_height() + rows * self._pitch() + AXIS_HEIGHT + 4

    def _pitch(self) -> float:
        return self._group_height() + self._group_spacing()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(520, round(self._height()))

    def _label_width(self) -> float:
        metrics = QFontMetricsF(self._label_font)
        widest = max((metrics.horizontalAdvance(c) for c in self._categories), default=0.0)
        return min(widest, self.width() * MAX_LABEL_SHARE)

    def label_lines(self, text: str) -> list[str]:
        """The axis label as drawn: one line if it fits, else broken at the space nearest its
        middle (as the PDF does), each line elided only if it still does not fit."""
        metrics = QFontMetricsF(self._label_font)
        width = self._label_width()
        if metrics.horizontalAdvance(text) <= width or " " not in text:
            return [metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)]
        spaces = [i for i, ch in enumerate(text) if ch == " "]
        cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
        wrapped = QFontMetricsF(self._wrapped_font)
        return [wrapped.elidedText(part, Qt.TextElideMode.ElideRight, width) for part in (text[:cut], text[cut + 1:])]

    def plot_rect(self) -> QRectF:
        left = self._label_width() + LABEL_GAP
        top = self.top_padding + self._legend_height()
        width = max(40.0, self.width() - left - VALUE_ROOM)
        height = max(1, len(self._categories)) * self._pitch()
        return QRectF(left, top, width, height)

    def bars(self) -> list[Bar]:
        """Every figure's place: a bar for a shown count (empty for 0), none for a mark."""
        plot = self.plot_rect()
        maximum, _step = value_axis([v for row in self._series for v in row])
        result = []
        for c in range(len(self._categories)):
            group_top = plot.top() + c * self._pitch() + self._group_spacing() / 2
            for s, row in enumerate(self._series):
                value = row[c]
                top = group_top + s * (self._bar_height() + BAR_SPACING)
                length = plot.width() * value / maximum if isinstance(value, int) and maximum else 0.0
                result.append(Bar(c, s, QRectF(plot.left(), top, length, self._bar_height()), value))
        return result

    # --- painting --------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plot = self.plot_rect()
        self._paint_grid(painter, plot)
        self._paint_labels(painter, plot)
        self._paint_bars(painter)
        self._paint_legend(painter, plot)
        if self.all_withheld():
            self._paint_all_withheld(painter, plot)
        painter.end()

    def _paint_grid(self, painter: QPainter, plot: QRectF) -> None:
        maximum, step = value_axis([v for row in self._series for v in row])
        painter.setFont(self._axis_font)
        metrics = QFontMetricsF(self._axis_font)
        ticks = int(round(maximum / step))
        for i in range(ticks + 1):
            value = i * step
            x = plot.left() + plot.width() * value / maximum
            painter.setPen(QColor(COLORS["border_soft"]))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            text = format_count(int(value)) if float(value).is_integer() else f"{value:g}"
            painter.setPen(QColor(COLORS["text_muted"]))
            width = metrics.horizontalAdvance(text)
            painter.drawText(QPointF(x - width / 2, plot.bottom() + 4 + metrics.ascent()), text)
        painter.setPen(QColor(COLORS["text_muted"]))
        painter.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.left(), plot.bottom()))

    def _paint_labels(self, painter: QPainter, plot: QRectF) -> None:
        painter.setFont(self._label_font)
        painter.setPen(QColor(COLORS["text"]))
        width = self._label_width()
        wrapped_height = QFontMetricsF(self._wrapped_font).lineSpacing()
        for c, text in enumerate(self._categories):
            lines = self.label_lines(text)
            painter.setFont(self._label_font if len(lines) == 1 else self._wrapped_font)
            line_height = wrapped_height if len(lines) > 1 else self._pitch()
            middle = plot.top() + c * self._pitch() + self._pitch() / 2
            for i, line in enumerate(lines):
                top = middle - line_height * len(lines) / 2 + i * line_height
                painter.drawText(QRectF(0, top, width, line_height),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, line)

    def _paint_bars(self, painter: QPainter) -> None:
        value_metrics = QFontMetricsF(self._value_font)
        for bar in self.bars():
            rect = bar.rect
            withheld = not isinstance(bar.value, int)
            if rect.width() > 0:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(SERIES_COLORS[bar.series % len(SERIES_COLORS)]))
                painter.drawRoundedRect(rect, 2, 2)
            painter.setFont(self._mark_font if withheld else self._value_font)
            painter.setPen(QColor(COLORS["text_muted"] if withheld else COLORS["text"]))
            baseline = rect.center().y() + (value_metrics.ascent() - value_metrics.descent()) / 2
            painter.drawText(QPointF(rect.right() + 5, baseline), format_count(bar.value))

    def _paint_legend(self, painter: QPainter, plot: QRectF) -> None:
        if not self._legend_height():
            return
        painter.setFont(self._label_font)
        metrics = QFontMetricsF(self._label_font)
        x = plot.left()
        for s, name in enumerate(self._names):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(SERIES_COLORS[s % len(SERIES_COLORS)]))
            middle = self.top_padding + 13
            painter.drawRoundedRect(QRectF(x, middle - 6, 12, 12), 2, 2)
            painter.setPen(QColor(COLORS["text_secondary"]))
            painter.drawText(QPointF(x + 18, middle + (metrics.ascent() - metrics.descent()) / 2), name)
            x += 18 + metrics.horizontalAdvance(name) + 24

    def all_withheld(self) -> bool:
        """Every figure is a mark: the chart has no bar to draw and says why."""
        values = [v for row in self._series for v in row]
        return bool(values) and not any(isinstance(v, int) and v > 0 for v in values) and any(
            not isinstance(v, int) for v in values)

    def _paint_all_withheld(self, painter: QPainter, plot: QRectF) -> None:
        painter.setFont(self._mark_font)
        painter.setPen(QColor(COLORS["text_muted"]))
        note = plot.adjusted(40, 0, 0, 0)
        painter.fillRect(note.adjusted(0, plot.height() / 2 - 14, 0, -plot.height() / 2 + 14), QColor(COLORS["surface"]))
        painter.drawText(note, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                         _("Every figure here is withheld, so no bar is drawn."))

    def _describe(self) -> str:
        """What a screen reader says: each category with its figures."""
        parts = []
        for c, category in enumerate(self._categories):
            figures = [format_count(row[c]) for row in self._series]
            if self._names and len(self._names) == len(figures):
                figures = [f"{name} {figure}" for name, figure in zip(self._names, figures, strict=True)]
            parts.append(f"{category}: {', '.join(figures)}")
        return "; ".join(parts) or _("No figures")

