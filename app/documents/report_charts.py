"""Bar charts for the report PDF (reportlab.graphics), with the "<5" rule.

A withheld figure is never drawn with its true value: its bar is left out
and its mark (``<5`` or ``x``) stands in grey italics at the axis instead.
The value axis is scaled to the *shown* figures only, so not even the scale
hints at a withheld one.
"""

from __future__ import annotations

import math

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.documents.report_style import (
    ACCENT,
    ACCENT_LIGHT,
    INK,
    MUTED,
    RULE,
    SUPPRESSED,
    report_fonts,
)

Value = int | str
WIDTH = 170 * mm
LABEL_WIDTH = 58 * mm
ROW_HEIGHT = 7 * mm
LABEL_FONT_SIZE = 8.5


def _fit_label(text: str, font: str) -> str:
    """Break a long axis label onto two lines at the space nearest its middle."""
    if stringWidth(text, font, LABEL_FONT_SIZE) <= LABEL_WIDTH - 6 * mm or " " not in text:
        return text
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return text[:cut] + "\n" + text[cut + 1 :]


def _nice_step(maximum: float) -> float:
    raw = maximum / 5
    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return max(1, factor * power)
    return max(1, 10 * power)


def value_axis(values: list[Value]) -> tuple[float, float]:
    """The value axis's end and step for the *shown* figures only (marks are ignored), so the
    scale never hints at a withheld one. The app's report page uses it too: same charts."""
    top = max((v for v in values if isinstance(v, int)), default=0)
    step = _nice_step(max(top, 4) * 1.1)
    return step * math.ceil(max(top, 4) * 1.12 / step), step


def bar_chart(
    categories: list[str],
    series: list[list[Value]],
    series_names: list[str] | None = None,
    title: str = "",
) -> Drawing:
    """Horizontal bars, one group per category, one bar per series (first series on top)."""
    fonts = report_fonts()
    n_series = len(series)
    categories = [_fit_label(c, fonts.regular) for c in categories]
    row_height = ROW_HEIGHT * (1.3 if any("\n" in c for c in categories) else 1)
    legend_height = 10 * mm if series_names and n_series > 1 else 0
    title_height = 7 * mm if title else 0
    plot_height = max(1, len(categories)) * row_height * (1 + 0.6 * (n_series - 1))
    height = plot_height + legend_height + title_height + 12 * mm
    drawing = Drawing(WIDTH, height)

    chart = HorizontalBarChart()
    chart.x, chart.y = LABEL_WIDTH, 9 * mm + legend_height
    chart.width, chart.height = WIDTH - LABEL_WIDTH - 14 * mm, plot_height
    # ReportLab draws the first category at the bottom: reverse, so the chart reads like the table.
    # Within a group ReportLab stacks the first series lowest: reverse them too, so the
    # first series (e.g. "set") is on top, above the second ("attained").
    palette = [ACCENT, ACCENT_LIGHT]
    colours = [palette[i % len(palette)] for i in range(n_series)]
    series_drawn = list(reversed(series))
    colours_drawn = list(reversed(colours))
    chart.data = [[v if isinstance(v, int) else 0 for v in reversed(row)] for row in series_drawn]
    chart.categoryAxis.categoryNames = list(reversed(categories))
    maximum, step = value_axis([v for row in series for v in row])
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = maximum
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = fonts.regular
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.labelTextFormat = lambda v: f"{int(v)}" if float(v).is_integer() else f"{v:g}"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.strokeColor = RULE
    chart.categoryAxis.labels.fontName = fonts.regular
    chart.categoryAxis.labels.fontSize = LABEL_FONT_SIZE
    chart.categoryAxis.labels.leading = LABEL_FONT_SIZE * 1.15
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.categoryAxis.strokeColor = MUTED
    chart.categoryAxis.tickLeft = 0
    chart.barSpacing = 1
    chart.groupSpacing = 5
    for i in range(n_series):
        chart.bars[i].fillColor = colours_drawn[i]
        chart.bars[i].strokeColor = None
    chart.barLabelFormat = "values"
    chart.barLabelArray = [[str(v) for v in reversed(row)] for row in series_drawn]
    chart.barLabels.fontName = fonts.regular
    chart.barLabels.fontSize = 7.5
    chart.barLabels.fillColor = INK
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    for i, row in enumerate(series_drawn):
        for j, v in enumerate(reversed(row)):
            if not isinstance(v, int):
                label = chart.barLabels[(i, j)]
                label.fontName = fonts.italic
                label.fillColor = SUPPRESSED
    drawing.add(chart)

    if title:
        drawing.add(String(0, height - 5 * mm, title, fontName=fonts.bold, fontSize=9.5, fillColor=INK))
    if legend_height:
        legend = Legend()
        legend.x, legend.y = LABEL_WIDTH, 5 * mm
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = 45 * mm
        legend.fontName = fonts.regular
        legend.fontSize = 8
        legend.boxAnchor = "sw"
        legend.colorNamePairs = list(zip(colours, series_names, strict=True))
        drawing.add(legend)
    return drawing
