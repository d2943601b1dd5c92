"""One goal area: its assessment (a form that saves explicitly), its goals, their steps and reviews."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import LotseError
from app.i18n import _, ngettext
from app.models.codes import SPECIAL_CATEGORY_AREAS
from app.services.goal_areas import complete_step, save_assessment, update_step
from app.ui import labels
from app.ui.case_view.context import CaseContext
from app.ui.case_view.form_state import FormState
from app.ui.case_view.goal_dialogs import GoalDialog, ReviewDialog, StepDialog
from app.ui.case_view.save_bar import SaveBar
from app.ui.error_dialogs import show_error
from app.ui.formatting import format_date, to_date
from app.ui.widgets.buttons import link_button, secondary_button
from app.ui.widgets.forms import code_combo, date_field, form_card, text_block
from app.ui.widgets.inline_message import InlineMessage
from app.ui.widgets.labels import hint_label, role_label, set_role


def attainment_bar(value: int, accessible_name: str) -> QProgressBar:
    bar = QProgressBar()
    bar.setRange(0, 100)
    bar.setValue(value)
    bar.setTextVisible(False)
    bar.setAccessibleName(accessible_name)
    bar.setAccessibleDescription(f"{value} %")
    bar.setProperty("level", "done" if value >= 100 else "")
    return bar


class GoalCard(QFrame):
    """A goal with its criterion, target date, status, attainment and steps."""

    def __init__(self, page: GoalAreaPage, goal: dict[str, Any], on: date) -> None:
        super().__init__()
        self.page = page
        self.goal = goal
        self.setProperty("card", True)
        self.setObjectName("goalCard")
        attainment = int(goal.get("attainment") or 0)

        text = role_label(goal.get("text", ""), "section-small")
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status = role_label(labels.label(labels.GOAL_STATUS_LABELS, goal.get("status")), "chip", wrap=False)
        top = QHBoxLayout()
        top.addWidget(text, 1)
        top.addWidget(status, 0, Qt.AlignmentFlag.AlignTop)

        facts = []
        if goal.get("criterion"):
            facts.append(_("Criterion: {text}").format(text=goal["criterion"]))
        target = to_date(goal.get("target_date"))
        if target:
            facts.append(_("Target date: {date}").format(date=format_date(target)))
        facts_label = hint_label(" · ".join(facts))
        facts_label.setVisible(bool(facts))
        if target and target < on and goal.get("status") in ("open", "in_progress"):
            set_role(facts_label, "fact-alert")

        self.bar = attainment_bar(attainment, _("Attainment of the goal"))
        self.percent = role_label(f"{attainment} %", "fact", wrap=False)
        self.percent.setMinimumWidth(48)
        reviews = goal.get("reviews", [])
        last_review = max(reviews, key=lambda r: r.get("on") or "") if reviews else None
        review_text = (_("last review {date}").format(date=format_date(last_review.get("on")))
                       if last_review else _("not reviewed yet"))
        progress = QHBoxLayout()
        progress.setSpacing(10)
        progress.addWidget(self.bar, 1)
        progress.addWidget(self.percent)
        progress.addWidget(hint_label(review_text))

        self.review_button = secondary_button(_("Review…"), _("Record a review of this goal"))
        self.edit_button = secondary_button(_("Edit…"), _("Edit this goal"))
        self.step_button = secondary_button(_("Add step…"), _("Add a step toward this goal"))
        self.review_button.clicked.connect(lambda: page.open_dialog(ReviewDialog(page.ctx, goal, page)))
        self.edit_button.clicked.connect(lambda: page.open_dialog(GoalDialog(page.ctx, page.area, goal, page)))
        self.step_button.clicked.connect(lambda: page.open_dialog(StepDialog(page.ctx, goal, None, page)))
        actions = QHBoxLayout()
        actions.setSpacing(6)
        actions.addWidget(self.review_button)
        actions.addWidget(self.step_button)
        actions.addWidget(self.edit_button)
        actions.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(facts_label)
        layout.addLayout(progress)
        self.step_boxes: list[QCheckBox] = []
        steps = goal.get("steps", [])
        if steps:
            layout.addSpacing(4)
            layout.addWidget(role_label(_("Steps"), "field-label"))
        for step in steps:
            layout.addLayout(self._step_row(step, on))
        layout.addSpacing(4)
        layout.addLayout(actions)

    def _step_row(self, step: dict[str, Any], on: date) -> QHBoxLayout:
        # The action sits in a wrapping label beside a bare check box: long steps wrap, not widen.
        box = QCheckBox()
        box.setChecked(bool(step.get("done")))
        box.setAccessibleName(_("Step done: {action}").format(action=step.get("action", "")))
        box.toggled.connect(lambda checked, step=step: self.page.set_step_done(step, checked))
        self.step_boxes.append(box)
        details = []
        if step.get("responsible"):
            details.append(step["responsible"])
        due = to_date(step.get("due"))
        if step.get("done"):
            details.append(_("done {date}").format(date=format_date(step.get("done_on"))))
        elif due:
            details.append(_("due {date}").format(date=format_date(due)))
        action = role_label(step.get("action", ""), "lead")
        action.setBuddy(box)
        info = hint_label(" · ".join(details))
        if due and not step.get("done") and due < on:
            set_role(info, "fact-alert")
        edit = link_button(_("Edit"), _("Edit the step {action}").format(action=step.get("action", "")))
        edit.clicked.connect(lambda: self.page.open_dialog(StepDialog(self.page.ctx, self.goal, step, self.page)))
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(0)
        texts.addWidget(action)
        texts.addWidget(info)
        row.addLayout(texts, 1)
        row.addWidget(edit, 0, Qt.AlignmentFlag.AlignTop)
        return row


class GoalAreaPage(QWidget):
    """``back_requested`` asks the tab to show all areas again."""

    back_requested = Signal()
    unsaved_changed = Signal(bool)

    def __init__(self, ctx: CaseContext, area: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.area = area
        self.area_detail: dict[str, Any] = {}
        self.goal_cards: list[GoalCard] = []

        self.back_button = link_button(_("‹ All goal areas"), _("Back to all goal areas"))
        self.back_button.clicked.connect(self.back_requested)
        title = role_label(labels.goal_area(area), "section")
        header = QVBoxLayout()
        header.setSpacing(2)
        header.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        header.addWidget(title)
        if area in SPECIAL_CATEGORY_AREAS:
            header.addWidget(hint_label(_("Health data: special category under GDPR Art. 9. "
                                          "Share it only with a consent that names it.")))

        self.situation = text_block(_("Situation"), _("What is the situation in this area?"), 70)
        self.resources = text_block(_("Resources"), _("What can the person build on?"), 58)
        need_choices = [(_(text), level) for level, text in labels.NEED_LEVEL_LABELS.items()]
        self.need_level = code_combo(_("Need level"), [(f"{level} – {text}", level) for text, level in need_choices],
                                     _("Not assessed"))
        self.assessed_on = date_field(_("Assessed on"))
        self.form = FormState(self)
        self.form.block("situation", self.situation)
        self.form.block("resources", self.resources)
        self.form.combo("need_level", self.need_level)
        self.form.date("assessed_on", self.assessed_on)
        self.form.unsaved_changed.connect(self._unsaved_changed)
        self.message = InlineMessage()
        self.save_bar = SaveBar(_("the assessment"))
        self.save_bar.save_button.setText(_("&Save assessment"))
        self.save_bar.save_button.clicked.connect(self.save)
        self.save_bar.discard_button.clicked.connect(self.discard_changes)

        assessment_card, form = form_card(_("Assessment"), _("Situation, resources and need in this area"))
        form.addRow(_("&Situation"), self.situation)
        form.addRow(_("&Resources"), self.resources)
        form.addRow(_("&Need level"), self.need_level)
        form.addRow(_("Assessed &on"), self.assessed_on)
        assessment_card.layout().addSpacing(6)
        assessment_card.layout().addWidget(self.message)
        assessment_card.layout().addWidget(self.save_bar)

        self.add_goal_button = secondary_button(_("New goal…"), _("Add a goal in this area"))
        self.add_goal_button.clicked.connect(lambda: self.open_dialog(GoalDialog(self.ctx, self.area, None, self)))
        goals_header = QHBoxLayout()
        goals_header.addWidget(role_label(_("Goals"), "section"))
        goals_header.addStretch(1)
        goals_header.addWidget(self.add_goal_button)
        self.goals_box = QVBoxLayout()
        self.goals_box.setSpacing(10)
        self.no_goals = hint_label(_("No goal in this area yet. Goals are specific, measurable and have a "
                                     "target date; agree them with the person."))

        content = QWidget()
        content.setObjectName("tabContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(18, 12, 18, 18)
        layout.setSpacing(12)
        layout.addLayout(header)
        # Assessment and goals side by side: both in view without scrolling on a laptop.
        left = QVBoxLayout()
        left.addWidget(assessment_card)
        left.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(10)
        right.addLayout(goals_header)
        right.addWidget(self.no_goals)
        right.addLayout(self.goals_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addLayout(left, 5)
        columns.addLayout(right, 6)
        layout.addLayout(columns, 1)
        scroll = QScrollArea()
        scroll.setObjectName("tabScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.dialog = None

    # --- showing ------------------------------------------------------------------------------------

    def show_area(self, area_detail: dict[str, Any], on: date | None = None) -> None:
        today = on or date.today()
        self.area_detail = area_detail
        self.form.load({
            "situation": area_detail.get("situation", ""),
            "resources": area_detail.get("resources", ""),
            "need_level": area_detail.get("need_level"),
            "assessed_on": area_detail.get("assessed_on"),
        })
        for card in self.goal_cards:
            self.goals_box.removeWidget(card)
            card.deleteLater()
        self.goal_cards = [GoalCard(self, goal, today) for goal in area_detail.get("goals", [])]
        for card in self.goal_cards:
            self.goals_box.addWidget(card)
        self.no_goals.setVisible(not self.goal_cards)

    def open_dialog(self, dialog) -> None:
        self.dialog = dialog  # tests and screenshots reach the open dialog here
        dialog.open()

    @Slot(object, bool)
    def set_step_done(self, step: dict[str, Any], done: bool) -> None:
        try:
            if done:
                complete_step(self.ctx.vault, step_id=step["id"])
            else:
                update_step(self.ctx.vault, step_id=step["id"], done_on=None)
        except Exception as exc:
            show_error(self, exc)
        self.ctx.changed()

    # --- the assessment form ---------------------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self.form.is_dirty()

    @Slot(bool)
    def _unsaved_changed(self, dirty: bool) -> None:
        self.save_bar.set_state(dirty=dirty)
        if dirty:
            self.message.clear_message()
        self.unsaved_changed.emit(dirty)

    @Slot()
    def save(self) -> bool:
        if not self.form.is_dirty():
            return True
        try:
            save_assessment(self.ctx.vault, case_id=self.ctx.case_id, area=self.area,
                            situation=self.situation.toPlainText(), resources=self.resources.toPlainText(),
                            need_level=self.need_level.currentData(),
                            assessed_on=self.assessed_on.text().strip() or None)
        except LotseError as exc:
            self.message.show_message(exc.message)
            return False
        except Exception as exc:
            show_error(self, exc)
            return False
        self.message.clear_message()
        self.form.mark_saved()
        self.save_bar.set_state(dirty=False, saved=True)
        self.ctx.changed()
        return True

    @Slot()
    def discard_changes(self) -> None:
        self.form.load({
            "situation": self.area_detail.get("situation", ""),
            "resources": self.area_detail.get("resources", ""),
            "need_level": self.area_detail.get("need_level"),
            "assessed_on": self.area_detail.get("assessed_on"),
        }, keep_edits=False)
        self.message.clear_message()


def goals_summary(goals: list[dict[str, Any]]) -> str:
    attained = sum(1 for goal in goals if goal.get("status") == "attained")
    if not goals:
        return _("No goals yet")
    text = ngettext("{n} goal", "{n} goals", len(goals)).format(n=len(goals))
    return _("{goals} · {attained} attained").format(goals=text, attained=attained) if attained else text

