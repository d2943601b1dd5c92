"""The Goal areas tab: all eight areas at a glance, and one page per area.

At a glance, each area is a card with its need level (0–3, or not assessed)
and the progress of its goals (mean attainment). A click, Enter or Space on
a card opens the area's page; "All goal areas" goes back. The pages keep
their unsaved assessment input while the user moves between areas.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ngettext
from app.models.codes import GOAL_AREAS
from app.ui import labels
from app.ui.case_view.context import CaseContext
from app.ui.case_view.goal_area_page import GoalAreaPage, attainment_bar, goals_summary
from app.ui.theme import color
from app.ui.widgets.labels import hint_label, role_label

NEED_COLORS = {1: "accent", 2: "warning", 3: "error"}


def mean_attainment(goals: list[dict[str, Any]]) -> int | None:
    """The goals' mean attainment in percent (dropped goals left out); None without goals."""
    counted = [int(goal.get("attainment") or 0) for goal in goals if goal.get("status") != "dropped"]
    return round(sum(counted) / len(counted)) if counted else None


class NeedMeter(QWidget):
    """Three pills: none filled = no need, three = high need; hollow when not assessed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level: int | None = None
        self.setFixedSize(QSize(54, 10))

    def set_level(self, level: int | None) -> None:
        self.level = level
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = color(NEED_COLORS.get(self.level or 0, "border"))
        for index in range(3):
            rect = QRectF(index * 18, 1, 15, 8)
            filled = self.level is not None and index < self.level
            painter.setPen(Qt.PenStyle.NoPen if filled else color("border"))
            painter.setBrush(fill if filled else color("surface") if self.level is None else color("border_soft"))
            painter.drawRoundedRect(rect, 4, 4)
        painter.end()


class AreaCard(QFrame):
    """One area at a glance; activating it opens the area."""

    activated = Signal(str)

    def __init__(self, area: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.area = area
        self.setProperty("goalCard", True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.title = role_label(labels.goal_area_short(area), "section-small", wrap=False)
        self.meaning = hint_label(labels.goal_area(area))
        self.meaning.setFixedHeight(self.meaning.fontMetrics().lineSpacing() * 2 + 2)
        self.need = NeedMeter()
        self.need_text = hint_label("")
        self.need_text.setWordWrap(False)
        self.bar = attainment_bar(0, _("Goal progress"))
        self.percent = role_label("", "fact", wrap=False)
        self.goals = hint_label("")
        self.goals.setWordWrap(False)

        need_row = QHBoxLayout()
        need_row.setSpacing(8)
        need_row.addWidget(self.need)
        need_row.addWidget(self.need_text, 1)
        bar_row = QHBoxLayout()
        bar_row.setSpacing(8)
        bar_row.addWidget(self.bar, 1)
        bar_row.addWidget(self.percent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(5)
        layout.addWidget(self.title)
        layout.addWidget(self.meaning)
        layout.addLayout(need_row)
        layout.addSpacing(2)
        layout.addLayout(bar_row)
        layout.addWidget(self.goals)

    def show_area(self, area_detail: dict[str, Any]) -> None:
        level = area_detail.get("need_level")
        self.need.set_level(level)
        self.need_text.setText(_(labels.NEED_LEVEL_LABELS[level]) if level is not None else _("Not assessed"))
        goals = area_detail.get("goals", [])
        progress = mean_attainment(goals)
        self.bar.setValue(progress or 0)
        self.bar.setProperty("level", "done" if progress == 100 else "")
        self.bar.style().unpolish(self.bar)
        self.bar.style().polish(self.bar)
        self.bar.setVisible(progress is not None)
        self.percent.setText(f"{progress} %" if progress is not None else "")
        self.goals.setText(goals_summary(goals))
        need = self.need_text.text()
        summary = _("{area}: {need}; {goals}").format(area=self.title.text(), need=need, goals=self.goals.text())
        if progress is not None:
            summary += " · " + _("progress {percent} %").format(percent=progress)
        self.setAccessibleName(summary)
        self.setToolTip(labels.goal_area(self.area))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.activated.emit(self.area)
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.area)
            return
        super().keyPressEvent(event)


class GoalAreasOverview(QWidget):
    area_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = role_label("", "lead")
        self.cards: dict[str, AreaCard] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        for index, area in enumerate(GOAL_AREAS):
            card = AreaCard(area)
            card.activated.connect(self.area_activated)
            self.cards[area] = card
            grid.addWidget(card, index // 4, index % 4)
        for column in range(4):
            grid.setColumnStretch(column, 1)
        content = QWidget()
        content.setObjectName("tabContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(18, 14, 18, 18)
        layout.setSpacing(12)
        layout.addWidget(self.summary)
        layout.addLayout(grid)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("tabScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        order = list(self.cards.values())
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def show_areas(self, areas: dict[str, Any]) -> None:
        for area, card in self.cards.items():
            card.show_area(areas.get(area, {}))
        assessed = sum(1 for a in areas.values() if a.get("need_level") is not None)
        goals = [goal for a in areas.values() for goal in a.get("goals", [])]
        attained = sum(1 for goal in goals if goal.get("status") == "attained")
        parts = [
            _("{n} of 8 areas assessed").format(n=assessed),
            ngettext("{n} goal", "{n} goals", len(goals)).format(n=len(goals)),
        ]
        if goals:
            parts.append(_("{n} attained").format(n=attained))
        self.summary.setText(" · ".join(parts))


class GoalAreasTab(QWidget):
    unsaved_changed = Signal(bool)

    def __init__(self, ctx: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: dict[str, Any] | None = None
        self.overview = GoalAreasOverview()
        self.overview.area_activated.connect(self.open_area)
        self.pages: dict[str, GoalAreaPage] = {}
        self.stack = QStackedWidget()
        self.stack.addWidget(self.overview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def show_case(self, detail: dict[str, Any]) -> None:
        self.detail = detail
        areas = detail.get("goal_areas", {})
        self.overview.show_areas(areas)
        for area, page in self.pages.items():
            page.show_area(areas.get(area, {}))

    @Slot(str)
    def open_area(self, area: str) -> GoalAreaPage:
        page = self.pages.get(area)
        if page is None:
            page = GoalAreaPage(self.ctx, area)
            page.back_requested.connect(self.show_overview)
            page.unsaved_changed.connect(self._page_unsaved_changed)
            self.pages[area] = page
            self.stack.addWidget(page)
            if self.detail is not None:
                page.show_area(self.detail.get("goal_areas", {}).get(area, {}))
        self.stack.setCurrentWidget(page)
        page.situation.setFocus(Qt.FocusReason.OtherFocusReason)
        return page

    @Slot()
    def show_overview(self) -> None:
        self.stack.setCurrentWidget(self.overview)
        current = next(iter(self.overview.cards.values()))
        current.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_area(self) -> str | None:
        widget = self.stack.currentWidget()
        return widget.area if isinstance(widget, GoalAreaPage) else None

    # --- unsaved input ------------------------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return any(page.has_unsaved_changes() for page in self.pages.values())

    @Slot(bool)
    def _page_unsaved_changed(self, _dirty: bool) -> None:
        self.unsaved_changed.emit(self.has_unsaved_changes())

    def save(self) -> bool:
        for area, page in self.pages.items():
            if page.has_unsaved_changes() and not page.save():
                self.open_area(area)
                return False
        return True
