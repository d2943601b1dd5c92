"""Small dialogs of the goal areas: a goal, a step toward it, a review of attainment.

Each saves through its service on OK and keeps the input (with the service's
message inline) when the service refuses it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QSlider, QSpinBox, QWidget

from app.errors import LotseError
from app.i18n import _
from app.services.goal_areas import add_goal, add_review, add_step, update_goal, update_step
from app.ui import labels
from app.ui.case_view.context import CaseContext
from app.ui.dialogs.layout import dialog_layout
from app.ui.error_dialogs import show_error
from app.ui.formatting import format_date
from app.ui.widgets.buttons import primary_button, secondary_button
from app.ui.widgets.forms import (
    code_combo,
    date_field,
    line_field,
    new_form,
    select_code,
    set_date,
    text_block,
)
from app.ui.widgets.inline_message import InlineMessage
from app.ui.widgets.labels import hint_label, title_label


class _ServiceDialog(QDialog):
    """Title, a form, an inline message and Cancel / Save; ``write()`` calls the service."""

    def __init__(self, ctx: CaseContext, title: str, lead: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.form = new_form()
        self.message = InlineMessage()
        self.ok_button = primary_button(_("Save"), _("Save"))
        self.ok_button.setDefault(True)
        self.cancel_button = secondary_button(_("Cancel"), _("Cancel"))
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout = dialog_layout(self)
        layout.addWidget(title_label(title))
        if lead:
            layout.addWidget(hint_label(lead))
        layout.addSpacing(12)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addSpacing(12)
        layout.addLayout(buttons)

    def write(self) -> None:
        raise NotImplementedError

    def submit(self) -> None:
        try:
            self.write()
        except LotseError as exc:
            self.message.show_message(exc.message)
            return
        except Exception as exc:
            show_error(self, exc)
            return
        self.accept()
        self.ctx.changed()


class GoalDialog(_ServiceDialog):
    """A new goal in ``area``, or an existing ``goal`` (then with its status)."""

    def __init__(self, ctx: CaseContext, area: str, goal: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("Edit goal") if goal else _("New goal"), labels.goal_area(area), parent)
        self.area = area
        self.goal = goal
        self.text = text_block(_("Goal"), _("Specific: what should be reached"), 64)
        self.criterion = line_field(_("Criterion"), _("Measurable: how we see that it is reached"))
        self.target_date = date_field(_("Target date"))
        self.status = code_combo(_("Status"), labels.choices(labels.GOAL_STATUS_LABELS))
        self.form.addRow(_("&Goal"), self.text)
        self.form.addRow(_("&Criterion"), self.criterion)
        self.form.addRow(_("&Target date"), self.target_date)
        if goal is not None:
            self.text.setPlainText(goal.get("text", ""))
            self.criterion.setText(goal.get("criterion", ""))
            set_date(self.target_date, goal.get("target_date"))
            select_code(self.status, goal.get("status"))
            self.form.addRow(_("&Status"), self.status)
        self.setMinimumWidth(560)

    def write(self) -> None:
        values = {"text": self.text.toPlainText(), "criterion": self.criterion.text(),
                  "target_date": self.target_date.text().strip() or None}
        if self.goal is None:
            add_goal(self.ctx.vault, case_id=self.ctx.case_id, area=self.area, **values)
        else:
            update_goal(self.ctx.vault, goal_id=self.goal["id"], status=self.status.currentData(), **values)


class StepDialog(_ServiceDialog):
    """An agreed step toward a goal: what, who, by when."""

    def __init__(self, ctx: CaseContext, goal: dict[str, Any], step: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("Edit step") if step else _("New step"), goal.get("text", ""), parent)
        self.goal = goal
        self.step = step
        self.action = line_field(_("Step"), _("What is done"))
        self.responsible = line_field(_("Responsible"), _("Who does it, e.g. the person, case manager, Jobcenter"))
        self.due = date_field(_("Due date"))
        self.form.addRow(_("&Step"), self.action)
        self.form.addRow(_("&Responsible"), self.responsible)
        self.form.addRow(_("&Due"), self.due)
        if step is not None:
            self.action.setText(step.get("action", ""))
            self.responsible.setText(step.get("responsible", ""))
            set_date(self.due, step.get("due"))
        self.setMinimumWidth(560)

    def write(self) -> None:
        values = {"action": self.action.text(), "responsible": self.responsible.text(),
                  "due": self.due.text().strip() or None}
        if self.step is None:
            add_step(self.ctx.vault, goal_id=self.goal["id"], **values)
        else:
            update_step(self.ctx.vault, step_id=self.step["id"], **values)


class ReviewDialog(_ServiceDialog):
    """A monitoring review: how far the goal is reached (0–100 %), and a note."""

    def __init__(self, ctx: CaseContext, goal: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("Review goal"), goal.get("text", ""), parent)
        self.goal = goal
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 100)
        self.slider.setSingleStep(5)
        self.slider.setPageStep(10)
        self.slider.setAccessibleName(_("Attainment slider"))
        self.attainment = QSpinBox()
        self.attainment.setRange(0, 100)
        self.attainment.setSingleStep(5)
        self.attainment.setSuffix(" %")
        self.attainment.setAccessibleName(_("Attainment in percent"))
        self.attainment.setFixedWidth(110)
        self.slider.valueChanged.connect(self.attainment.setValue)
        self.attainment.valueChanged.connect(self.slider.setValue)
        self.attainment.setValue(int(goal.get("attainment") or 0))
        self.on = date_field(_("Review date"))
        self.on.setText(format_date(date.today()))
        self.note = text_block(_("Note"), _("What has happened since the last review, what changes"), 84)
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(self.slider, 1)
        row.addWidget(self.attainment)
        self.form.addRow(_("&Attainment"), row)
        self.form.labelForField(row).setBuddy(self.attainment)
        self.form.addRow(_("Review &date"), self.on)
        self.form.addRow(_("&Note"), self.note)
        self.setMinimumWidth(560)

    def write(self) -> None:
        add_review(self.ctx.vault, goal_id=self.goal["id"], attainment=self.attainment.value(),
                   on=self.on.text().strip() or None, note=self.note.toPlainText())

