"""The case's Zug-um-Zug agreements: a list on the left, the selected one as a step chain on the right.

Everything shown comes from the case file dict (``show_case``): the chain's
states are computed with the services' own logic (``agreement_detail``), so
the tab, the deadline list and the printed agreement agree. Every action is
one service call in a small dialog (or a click for moving a step); after it
the tab calls ``ctx.changed()`` and the case view reloads the file for all
tabs (the header's next deadline changes too).

Late steps are visible at once: a red banner at the top names every overdue
or missed step of the case's agreements in force.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ngettext
from app.services import agreements as svc
from app.services.agreement_detail import agreements_from_case_file
from app.services.agreement_views import AgreementView
from app.ui import labels
from app.ui.case_view.agreement_chain import StepChain
from app.ui.case_view.context import CaseContext
from app.ui.error_dialogs import show_error
from app.ui.formatting import format_date
from app.ui.widgets.buttons import primary_button, secondary_button
from app.ui.widgets.chips import Chip
from app.ui.widgets.labels import hint_label, role_label

STATUS_TONES = {"draft": "neutral", "in_force": "accent", "fulfilled": "success", "ended": "muted"}


def status_chip_text(view: AgreementView) -> str:
    return labels.label(labels.AGREEMENT_STATUS_LABELS, view.status)


class AgreementButton(QPushButton):
    """One agreement of the case in the strip above the chain: its status chip and title; checked when shown."""

    def __init__(self, view: AgreementView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agreement_id = view.id
        self.setProperty("agreementChoice", True)
        self.setCheckable(True)
        self.setAutoDefault(False)
        self.setAutoExclusive(False)
        self.chip = Chip()
        self.chip.show_state(status_chip_text(view), STATUS_TONES.get(view.status, "neutral"))
        self.chip.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.title = role_label(_shorten(view.title, 38), "row-title", wrap=False)
        self.title.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 12, 4)
        layout.setSpacing(8)
        layout.addWidget(self.chip)
        layout.addWidget(self.title)
        late = len(view.late_steps) if view.status == "in_force" else 0
        if late:
            self.late = Chip()
            self.late.show_state(ngettext("{n} late", "{n} late", late).format(n=late), "danger")
            self.late.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(self.late)
        self.setFixedHeight(38)
        self.setToolTip(view.title)
        self.setAccessibleName(_("{title}, {status}").format(title=view.title, status=status_chip_text(view)))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name: as wide as chip and title need
        return QSize(self.layout().sizeHint().width(), 38)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.sizeHint()


class AgreementsTab(QWidget):
    """Signal ``shown()`` after each render (tests wait for it)."""

    shown = Signal()

    def __init__(self, ctx: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementsTab")
        self.ctx = ctx
        self.views: list[AgreementView] = []
        self.detail: dict[str, Any] | None = None
        self.selected_id: str | None = None
        self.dialog = None  # the open dialog (tests and screenshots reach it here)
        self.today = date.today()

        self.banner = role_label("", "banner")
        self.banner.setObjectName("lateStepsBanner")
        self.banner.hide()

        self.new_button = secondary_button(_("New agreement…"), _("Create a new agreement, from a template or empty"))
        self.new_button.clicked.connect(self.new_agreement)
        self.strip = QHBoxLayout()
        self.strip.setSpacing(8)
        self.strip_box = QWidget()
        self.strip_box.setLayout(self.strip)
        self.strip.setContentsMargins(0, 0, 0, 0)
        self.choices: list[AgreementButton] = []
        strip_scroll = QScrollArea()
        strip_scroll.setObjectName("agreementStrip")
        strip_scroll.setWidgetResizable(True)
        strip_scroll.setFrameShape(QFrame.Shape.NoFrame)
        strip_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        strip_scroll.setWidget(self.strip_box)
        strip_scroll.setFixedHeight(44)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(strip_scroll, 1)
        top.addWidget(self.new_button)

        self.title_label = role_label("", "section")
        self.title_label.setObjectName("agreementTitle")
        self.status_chip = Chip()
        self.parties_label = hint_label("")
        self.ended_label = role_label("", "note")
        self.ended_label.hide()
        self.conclude_button = primary_button(_("Conclude…"), _("Conclude the agreement: it comes into force"))
        self.conclude_button.setAutoDefault(False)
        self.add_step_button = secondary_button(_("Add step…"), _("Add a step at the end of the chain"))
        self.details_button = secondary_button(_("Details…"), _("Edit the title and the parties"))
        self.print_button = secondary_button(_("Print agreement…"), _("Preview, print or save the agreement as PDF"))
        self.end_button = secondary_button(_("End…"), _("End the agreement before it is fulfilled, with the reason"))
        self.delete_button = secondary_button(_("Delete draft"), _("Delete this draft"))
        self.delete_button.setProperty("danger", True)
        self.conclude_button.clicked.connect(self.conclude)
        self.add_step_button.clicked.connect(self.add_step)
        self.details_button.clicked.connect(self.edit_details)
        self.print_button.clicked.connect(self.print_agreement)
        self.end_button.clicked.connect(self.end_agreement)
        self.delete_button.clicked.connect(self.delete_draft)
        title_line = QHBoxLayout()
        title_line.setSpacing(10)
        title_line.addWidget(self.title_label, 1)
        title_line.addWidget(self.status_chip, 0, Qt.AlignmentFlag.AlignTop)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        for button in (self.conclude_button, self.add_step_button, self.details_button, self.print_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)
        actions.addWidget(self.end_button)
        heading = QVBoxLayout()
        heading.setSpacing(4)
        heading.addLayout(title_line)
        heading.addWidget(self.parties_label)
        heading.addWidget(self.ended_label)
        heading.addSpacing(6)
        heading.addLayout(actions)

        self.chain = StepChain()
        self.chain.action_requested.connect(self.step_action)

        self.detail_panel = QWidget()
        detail_layout = QVBoxLayout(self.detail_panel)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.setSpacing(6)
        detail_layout.addLayout(heading)
        detail_layout.addSpacing(8)
        detail_layout.addWidget(self.chain)

        self.empty_panel = QWidget()
        empty_layout = QVBoxLayout(self.empty_panel)
        empty_layout.setContentsMargins(0, 8, 0, 8)
        empty_layout.setSpacing(8)
        empty_layout.addWidget(role_label(_("No agreement yet"), "section"))
        explanation = role_label(_(
            "A Zug-um-Zug agreement sets out, step for step, what the person does (clarify the identity, apply for "
            "a passport, hand in a training contract) and what the foreign nationals authority grants in return "
            "(an employment permission, a Duldung for training, a residence permit). Start one from a template with "
            "“New agreement…”."), "lead")
        explanation.setMaximumWidth(760)
        empty_layout.addWidget(explanation)

        # One scrolling column: on a laptop screen the case header leaves little height, and the
        # banner, the choice of agreement and the chain all scroll together.
        content = QWidget()
        content.setObjectName("chainHolder")
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(20, 14, 16, 16)
        content_layout.setSpacing(12)
        content_layout.addWidget(self.banner)
        content_layout.addLayout(top)
        content_layout.addWidget(self.detail_panel)
        content_layout.addWidget(self.empty_panel)
        content_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self._render()

    # --- the case file ---------------------------------------------------------------------------

    def show_case(self, detail: dict) -> None:
        self.detail = detail
        self.today = date.today()
        self.views = agreements_from_case_file(
            ({**agreement, "case_id": detail.get("case_id", "")} for agreement in detail.get("agreements", [])),
            today=self.today)
        if self.selected_id not in {view.id for view in self.views}:
            self.selected_id = self.views[0].id if self.views else None
        self._render()

    def focus_agreement(self, agreement_id: str) -> None:
        """Select this agreement now, or as soon as the case file with it arrives."""
        self.selected_id = agreement_id
        if any(view.id == agreement_id for view in self.views):
            self._render()

    @property
    def read_only(self) -> bool:
        return bool(self.detail) and self.detail.get("status") == "closed"

    def selected(self) -> AgreementView | None:
        return next((view for view in self.views if view.id == self.selected_id), None)

    def _documents(self) -> dict[str, str]:
        return {doc["id"]: doc["title"] for doc in (self.detail or {}).get("documents", [])}

    # --- rendering ---------------------------------------------------------------------------------

    def _render(self) -> None:
        self._render_banner()
        while self.strip.count():
            item = self.strip.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        self.choices = []
        for view in self.views:
            button = AgreementButton(view)
            button.setChecked(view.id == self.selected_id)
            button.clicked.connect(lambda _checked=False, agreement_id=view.id: self.select(agreement_id))
            self.strip.addWidget(button)
            self.choices.append(button)
        self.strip.addStretch(1)
        self.strip_box.setVisible(bool(self.views))
        self.new_button.setEnabled(self.detail is not None and not self.read_only)
        view = self.selected()
        self.detail_panel.setVisible(view is not None)
        self.empty_panel.setVisible(view is None)
        if view is not None:
            self._render_agreement(view)
        self.shown.emit()

    def select(self, agreement_id: str) -> None:
        self.selected_id = agreement_id
        for button in self.choices:
            button.setChecked(button.agreement_id == agreement_id)
        view = self.selected()
        if view is not None:
            self._render_agreement(view)

    def _render_banner(self) -> None:
        lines = []
        for view in self.views:
            if view.status != "in_force" or not view.late_steps:
                continue
            parts = []
            for step in view.late_steps:
                if step.state == "missed":
                    parts.append(_("step {n} missed").format(n=step.position))
                else:
                    parts.append(ngettext("step {n} overdue by {days} day", "step {n} overdue by {days} days",
                                          step.days_overdue).format(n=step.position, days=step.days_overdue))
            lines.append((view.title, " · ".join(parts)))
        count = sum(len(view.late_steps) for view in self.views if view.status == "in_force")
        heading = ngettext("{n} step needs attention now", "{n} steps need attention now", count).format(n=count)
        if len(lines) == 1:
            text = _("{heading}: {steps}").format(heading=heading, steps=lines[0][1])
        else:
            text = heading + "\n" + "\n".join(
                _("“{title}”: {steps}").format(title=_shorten(title, 60), steps=steps) for title, steps in lines)
        self.banner.setText(text)
        self.banner.setAccessibleName(text.replace("\n", " "))
        self.banner.setVisible(bool(lines))

    def _render_agreement(self, view: AgreementView) -> None:
        self.title_label.setText(view.title)
        self.status_chip.show_state(status_chip_text(view), STATUS_TONES.get(view.status, "neutral"))
        parties = [view.authority_name or _("authority not named yet")]
        if view.authority_officer:
            parties[0] += _(", responsible: {officer}").format(officer=view.authority_officer)
        if view.other_parties.strip():
            parties.append(_("with {others}").format(others=", ".join(
                line.strip() for line in view.other_parties.splitlines() if line.strip())))
        if view.concluded_on:
            parties.append(_("concluded on {date}").format(date=format_date(view.concluded_on)))
        self.parties_label.setText(" · ".join(parties))
        self.ended_label.setVisible(view.status == "ended")
        self.ended_label.setText(_("Ended: {reason}").format(reason=view.ended_reason) if view.ended_reason else "")
        editable = not self.read_only and view.status in ("draft", "in_force")
        self.title_label.setToolTip(view.title)
        self.conclude_button.setVisible(view.status == "draft")
        self.conclude_button.setEnabled(editable)
        self.add_step_button.setVisible(view.status in ("draft", "in_force"))
        self.add_step_button.setEnabled(editable)
        self.details_button.setVisible(view.status in ("draft", "in_force"))
        self.details_button.setEnabled(editable)
        self.end_button.setVisible(view.status in ("draft", "in_force"))
        self.end_button.setEnabled(editable)
        self.delete_button.setVisible(view.status == "draft")
        self.delete_button.setEnabled(editable)
        self.chain.show_steps(view.steps, agreement_status=view.status, read_only=self.read_only,
                              documents=self._documents(), authority_name=view.authority_name)

    # --- writing ---------------------------------------------------------------------------------------

    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._written(getattr(dialog, "result_view", None)))
        dialog.open()

    def _written(self, view: AgreementView | None) -> None:
        if view is not None:
            self.selected_id = view.id
        self.ctx.changed()

    def _call(self, function, *args, **kwargs) -> bool:
        try:
            view = function(*args, **kwargs)
        except Exception as exc:
            show_error(self, exc)
            return False
        self._written(view if isinstance(view, AgreementView) else None)
        return True

    def _default_authority(self) -> str:
        names = [view.authority_name for view in self.views if view.authority_name]
        if names:
            return names[0]
        try:
            from app.services.agencies import list_agencies

            return next((a.name for a in list_agencies(self.ctx.vault) if a.legal_domain == "AufenthG"), "")
        except Exception:  # a suggestion only; the field stays empty
            return ""

    @Slot()
    def new_agreement(self) -> None:
        from app.ui.case_view.agreement_dialogs import AgreementDialog

        self._open(AgreementDialog(self.ctx, self.ctx.case_id, default_authority=self._default_authority(),
                                   parent=self))

    @Slot()
    def edit_details(self) -> None:
        from app.ui.case_view.agreement_dialogs import AgreementDialog

        view = self.selected()
        if view is not None:
            self._open(AgreementDialog(self.ctx, self.ctx.case_id, view, parent=self))

    @Slot()
    def conclude(self) -> None:
        from app.ui.case_view.agreement_dialogs import ConcludeDialog

        view = self.selected()
        if view is not None:
            self._open(ConcludeDialog(self.ctx, view, self))

    @Slot()
    def add_step(self) -> None:
        from app.ui.case_view.agreement_dialogs import StepDialog

        view = self.selected()
        if view is not None:
            self._open(StepDialog(self.ctx, view, parent=self))

    @Slot()
    def end_agreement(self) -> None:
        from app.ui.case_view.agreement_dialogs import ReasonDialog

        view = self.selected()
        if view is None:
            return
        self._open(ReasonDialog(
            _("End the agreement"),
            _("An agreement that ends stays in the case file with its steps and the reason. Open steps no longer "
              "fall due."),
            _("End agreement"), lambda reason, _day: svc.end_agreement(self.ctx.vault, view.id, reason=reason),
            reason_required=True, parent=self))

    @Slot()
    def delete_draft(self) -> None:
        view = self.selected()
        if view is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, _("Delete draft"),
                          _("Delete the draft “{title}” with its steps?").format(title=view.title),
                          QMessageBox.StandardButton.Cancel, self)
        delete = box.addButton(_("Delete draft"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.dialog = box

        def answered(button) -> None:
            if button is delete and self._call(svc.delete_agreement, self.ctx.vault, view.id):
                self.selected_id = None

        box.buttonClicked.connect(answered)
        box.open()

    @Slot()
    def print_agreement(self) -> None:
        view = self.selected()
        if view is None:
            return
        # Imported here: the PDF stack (ReportLab, fonts) loads on first print, not with the case view.
        from app.ui.dialogs.agreement_pdf_dialog import open_agreement_pdf_dialog

        try:
            self.dialog = open_agreement_pdf_dialog(self, self.ctx.vault, view.id)
        except Exception as exc:
            show_error(self, exc)

    @Slot(str, str)
    def step_action(self, step_id: str, action: str) -> None:
        view = self.selected()
        step = next((s for s in view.steps if s.id == step_id), None) if view is not None else None
        if step is None:
            return
        ctx = self.ctx  # its vault is read when the work is done (a new one after a lock)
        if action == "fulfil":
            from app.ui.case_view.fulfil_step_dialog import FulfilStepDialog

            documents = (self.detail or {}).get("documents", [])
            self._open(FulfilStepDialog(ctx, ctx.case_id, step, documents, self))
        elif action == "miss":
            from app.ui.case_view.agreement_dialogs import ReasonDialog

            self._open(ReasonDialog(
                _("Step {n} missed").format(n=step.position), " ".join(step.action.split()), _("Record as missed"),
                lambda reason, _day: svc.miss_step(ctx.vault, step.id, reason=reason), reason_required=False,
                parent=self))
        elif action == "waive":
            from app.ui.case_view.agreement_dialogs import ReasonDialog

            self._open(ReasonDialog(
                _("Waive step {n}").format(n=step.position),
                _("A waived step counts as done: the next step counts from the day it was waived, and the "
                  "authority no longer waits for it."),
                _("Waive step"),
                lambda reason, day: svc.waive_step(ctx.vault, step.id, reason=reason, on=day or None),
                reason_required=True, with_date=_("Waived &on"), parent=self))
        elif action == "edit":
            from app.ui.case_view.agreement_dialogs import StepDialog

            self._open(StepDialog(ctx, view, step, self))
        elif action == "reopen":
            self._call(svc.reopen_step, ctx.vault, step.id)
        elif action in ("up", "down"):
            target = step.position - 1 if action == "up" else step.position + 1
            self._call(svc.move_step, ctx.vault, step.id, to_position=target)
        elif action == "remove":
            self._call(svc.remove_step, ctx.vault, step.id)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
