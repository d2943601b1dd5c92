"""Small dialogs of the agreements tab: new or edited agreement, conclude, a step, a reason.

Dialogs get the case's context (``CaseContext``) and read ``ctx.vault`` when
saving, so one left open across a lock and unlock saves into the vault as it
is now. Each saves on OK through one service call (or two, for concluding with
changed parties) and stays open with the service's message inline when the
input is not right, so nothing typed is lost. Dates are typed DD.MM.YYYY.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStackedWidget,
    QWidget,
)

from app.errors import LotseError, ValidationError
from app.i18n import _, current_language
from app.services import agreements as svc
from app.services.agreement_steps import StepView
from app.services.agreement_templates import load_templates
from app.services.agreement_views import AgreementView
from app.ui import labels
from app.ui.dialogs.layout import dialog_layout
from app.ui.error_dialogs import show_error
from app.ui.formatting import format_date
from app.ui.widgets.buttons import primary_button, secondary_button
from app.ui.widgets.inline_message import InlineMessage
from app.ui.widgets.labels import hint_label, title_label


def date_field(value: date | None, accessible_name: str) -> QLineEdit:
    field = QLineEdit(format_date(value))
    field.setPlaceholderText(_("DD.MM.YYYY"))
    field.setAccessibleName(accessible_name)
    field.setMaximumWidth(150)
    return field


def form_label(text: str, buddy: QWidget) -> QLabel:
    """A form row's label whose Alt shortcut (``&``) focuses ``buddy`` (for rows holding a layout)."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def text_box(accessible_name: str, placeholder: str = "", height: int = 72) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(accessible_name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


class FormDialog(QDialog):
    """Title, a sentence, a form, an inline message and OK/Cancel. Subclasses implement ``save()``:
    it calls the service and raises a LotseError when the input is not right."""

    def __init__(self, title: str, intro: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(16)
        self.form.setVerticalSpacing(10)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.message = InlineMessage()
        self.ok_button = primary_button(ok_text, ok_text)
        self.ok_button.setDefault(True)
        self.cancel_button = secondary_button(_("Cancel"), _("Cancel"))
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        self.layout_ = dialog_layout(self)
        self.layout_.addWidget(title_label(title))
        self.intro = hint_label(intro)
        self.intro.setVisible(bool(intro))
        self.layout_.addWidget(self.intro)
        self.layout_.addSpacing(10)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.message)
        self.layout_.addSpacing(12)
        self.layout_.addLayout(buttons)
        self.result_view: AgreementView | None = None
        self.ctx = None  # the case's context: its ``vault`` is read when saving (a new one after a lock)

    @property
    def vault(self):
        return self.ctx.vault

    def save(self) -> AgreementView | None:
        raise NotImplementedError

    def submit(self) -> None:
        try:
            self.result_view = self.save()
        except LotseError as exc:
            self.message.show_message(exc.message)
            return
        except Exception as exc:  # a bug: the standard dialog; the form stays open with the input
            show_error(self, exc)
            return
        self.accept()


class AgreementDialog(FormDialog):
    """A new agreement (empty or from a template, as a draft) or the title and parties of one."""

    EMPTY = ""

    def __init__(self, ctx, case_id: str, agreement: AgreementView | None = None, *,
                 default_authority: str = "", parent: QWidget | None = None) -> None:
        editing = agreement is not None
        super().__init__(
            _("Agreement details") if editing else _("New agreement"),
            "" if editing else _("A new agreement starts as a draft: plan its steps, then conclude it with the "
                                 "foreign nationals authority. A template fills in the usual steps with due dates "
                                 "counted from the start date."),
            _("Save") if editing else _("Create draft"),
            parent,
        )
        self.ctx, self.case_id, self.agreement = ctx, case_id, agreement
        self.templates = {} if editing else load_templates()
        self.template = QComboBox()
        self.template.setAccessibleName(_("Template"))
        self.template.addItem(_("Empty agreement (add the steps yourself)"), self.EMPTY)
        english = (current_language() or "en").startswith("en")
        for template_id, template in self.templates.items():
            self.template.addItem(template.title_en if english else template.title, template_id)
        self.template.currentIndexChanged.connect(self._template_chosen)
        self.template.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.template.setMinimumContentsLength(44)
        self.template_hint = hint_label("")
        self.title = QLineEdit(agreement.title if editing else "")
        self.title.setAccessibleName(_("Title"))
        self.title.setPlaceholderText(_("Taken from the template if left empty"))
        self.authority = QLineEdit(agreement.authority_name if editing else default_authority)
        self.authority.setAccessibleName(_("Foreign nationals authority"))
        self.officer = QLineEdit(agreement.authority_officer if editing else "")
        self.officer.setAccessibleName(_("Responsible officer"))
        self.others = text_box(_("Other parties"), _("One per line, e.g. the case manager, an employer"), 64)
        self.others.setPlainText(agreement.other_parties if editing else "")
        self.start = date_field(date.today(), _("Start date"))
        if not editing:
            self.form.addRow(_("&Template"), self.template)
            self.form.addRow("", self.template_hint)
        self.form.addRow(_("T&itle"), self.title)
        self.form.addRow(_("&Authority"), self.authority)
        self.form.addRow(_("Responsible o&fficer"), self.officer)
        self.form.addRow(_("Other &parties"), self.others)
        if not editing:
            self.form.addRow(_("&Start date"), self.start)
        for field in (self.title, self.authority):
            field.setMinimumWidth(460)
        self._template_chosen()

    def choose_template(self, template_id: str) -> None:
        self.template.setCurrentIndex(self.template.findData(template_id))

    def _template_chosen(self, *_args) -> None:
        template = self.templates.get(self.template.currentData() or "")
        english = (current_language() or "en").startswith("en")
        if template is None:
            self.template_hint.setText(_("No steps yet; add them one by one."))
            self.start.setEnabled(False)
        else:
            description = template.description_en if english else template.description
            self.template_hint.setText(_("{n} steps. {description}").format(n=len(template.steps),
                                                                          description=description))
            self.start.setEnabled(True)
        self.title.setPlaceholderText(template.title if template else _("e.g. Passbeschaffung und Beschäftigung"))

    def save(self) -> AgreementView:
        if self.agreement is not None:
            return svc.update_agreement(self.vault, self.agreement.id, title=self.title.text(),
                                        authority_name=self.authority.text(), authority_officer=self.officer.text(),
                                        other_parties=self.others.toPlainText())
        template_id = self.template.currentData() or None
        return svc.create_agreement(
            self.vault, case_id=self.case_id, title=self.title.text(), authority_name=self.authority.text(),
            authority_officer=self.officer.text(), other_parties=self.others.toPlainText(),
            template_id=template_id, start=self.start.text().strip() or None if template_id else None,
        )


class ConcludeDialog(FormDialog):
    """A draft comes into force: the day, and the authority it was concluded with."""

    def __init__(self, ctx, agreement: AgreementView, parent: QWidget | None = None) -> None:
        super().__init__(_("Conclude the agreement"),
                         _("From this day on the steps fall due: the first one counts from the day of conclusion, "
                           "the authority's steps once the person's steps before them are done."),
                         _("Conclude"), parent)
        self.ctx, self.agreement = ctx, agreement
        self.on = date_field(date.today(), _("Concluded on"))
        self.authority = QLineEdit(agreement.authority_name)
        self.authority.setAccessibleName(_("Foreign nationals authority"))
        self.authority.setMinimumWidth(380)
        self.officer = QLineEdit(agreement.authority_officer)
        self.officer.setAccessibleName(_("Responsible officer"))
        self.form.addRow(_("Concluded &on"), self.on)
        self.form.addRow(_("&Authority"), self.authority)
        self.form.addRow(_("Responsible o&fficer"), self.officer)

    def save(self) -> AgreementView:
        if not self.authority.text().strip():
            self.authority.setFocus()
            raise ValidationError(_("Name the foreign nationals authority the agreement is concluded with."))
        if (self.authority.text(), self.officer.text()) != (self.agreement.authority_name,
                                                             self.agreement.authority_officer):
            svc.update_agreement(self.vault, self.agreement.id, authority_name=self.authority.text(),
                                 authority_officer=self.officer.text())
        return svc.conclude_agreement(self.vault, self.agreement.id, on=self.on.text().strip() or None)


class StepDialog(FormDialog):
    """Add a step at the end of the chain, or edit one."""

    FIXED, RELATIVE, NONE = "fixed", "relative", "none"

    def __init__(self, ctx, agreement: AgreementView, step: StepView | None = None,
                 parent: QWidget | None = None) -> None:
        editing = step is not None
        super().__init__(_("Edit step {n}").format(n=step.position) if editing else _("Add a step"),
                         _("A step of the authority falls due only once the person's steps before it are done."),
                         _("Save") if editing else _("Add step"), parent)
        self.ctx, self.agreement, self.step = ctx, agreement, step
        self.party = QComboBox()
        self.party.setAccessibleName(_("Who acts"))
        for text, code in labels.choices(labels.STEP_PARTY_LABELS):
            self.party.addItem(text, code)
        self.action = text_box(_("What is to be done"), _("e.g. Book an appointment at the embassy"))
        self.due_kind = QComboBox()
        self.due_kind.setAccessibleName(_("When it is due"))
        self.due_kind.addItem(_("On a date"), self.FIXED)
        self.due_kind.addItem(_("Days after the previous step is done"), self.RELATIVE)
        self.due_kind.addItem(_("No due date"), self.NONE)
        self.due_date = date_field(None, _("Due date"))
        self.days = QSpinBox()
        self.days.setRange(0, 3650)
        self.days.setValue(14)
        self.days.setSuffix(_(" days"))
        self.days.setAccessibleName(_("Days after the previous step"))
        self.days.setMaximumWidth(150)
        self.due_stack = QStackedWidget()
        for widget in (self.due_date, self.days, QWidget()):
            self.due_stack.addWidget(widget)
        self.due_stack.setFixedHeight(self.due_date.sizeHint().height() + 4)
        self.due_kind.currentIndexChanged.connect(self.due_stack.setCurrentIndex)
        self.due_label = form_label(_("&Due"), self.due_kind)
        due_row = QHBoxLayout()
        due_row.setSpacing(10)
        due_row.addWidget(self.due_kind)
        due_row.addWidget(self.due_stack, 1)
        self.proof = QLineEdit()
        self.proof.setAccessibleName(_("Proof required"))
        self.proof.setPlaceholderText(_("e.g. Appointment confirmation (leave empty if none)"))
        self.form.addRow(_("&Who"), self.party)
        self.form.addRow(_("&What"), self.action)
        self.form.addRow(self.due_label, due_row)
        self.form.addRow(_("&Proof"), self.proof)
        self.action.setMinimumWidth(420)
        if step is not None:
            self.party.setCurrentIndex(self.party.findData(step.party))
            self.action.setPlainText(step.action)
            self.proof.setText(step.proof_required)
            if step.within_days_after_previous is not None:
                self.due_kind.setCurrentIndex(1)
                self.days.setValue(step.within_days_after_previous)
            elif step.planned_due is not None:
                self.due_date.setText(format_date(step.planned_due))
            else:
                self.due_kind.setCurrentIndex(2)

    def save(self) -> AgreementView:
        kind = self.due_kind.currentData()
        if kind == self.FIXED and not self.due_date.text().strip():
            self.due_date.setFocus()
            raise ValidationError(_("Enter the due date, or choose “No due date”."))
        due = self.due_date.text().strip() if kind == self.FIXED else None
        within = self.days.value() if kind == self.RELATIVE else None
        values = dict(party=self.party.currentData(), action=self.action.toPlainText(), due=due,
                      within_days_after_previous=within, proof_required=self.proof.text())
        if self.step is None:
            return svc.add_step(self.vault, self.agreement.id, **values)
        return svc.edit_step(self.vault, self.step.id, **values)


class ReasonDialog(FormDialog):
    """A reason (required or optional) and optionally a day, handed to ``on_save(reason, day_text)``."""

    def __init__(self, title: str, intro: str, ok_text: str, on_save: Callable[[str, str], AgreementView], *,
                 reason_required: bool, with_date: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, intro, ok_text, parent)
        self._on_save = on_save
        self.reason_required = reason_required
        self.reason = text_box(_("Reason"), _("Required") if reason_required else _("Optional"))
        self.reason.setMinimumWidth(420)
        self.day = date_field(date.today(), with_date or _("Date"))
        self.form.addRow(_("&Reason"), self.reason)
        if with_date:
            self.form.addRow(with_date, self.day)
        self.with_date = bool(with_date)

    def save(self) -> AgreementView:
        reason = self.reason.toPlainText().strip()
        if self.reason_required and not reason:
            self.reason.setFocus()
            raise ValidationError(_("Give the reason; it stays on record with the agreement."))
        return self._on_save(reason, self.day.text().strip() if self.with_date else "")
