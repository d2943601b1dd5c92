"""An agreement's steps as a two-column chain: the person's side on the left, the authority's on the right.

Zug um Zug means step for step: the person does something, then the foreign
nationals authority grants something. The chain reads top to bottom in the
agreed order; a numbered marker on the spine between the columns connects
the steps. Steps of the case manager and of others (an employer, a school)
stand in the left column with their party named on the card: they act on
the person's side of the agreement, to help the person fulfil it.

Each card says its state in colour AND in words: overdue (red, "overdue by N
days"), due (with the date), waiting (grey: "waiting for the person's
steps"), fulfilled (green, with the date), missed (red), waived (with the
reason). The buttons on a card depend on the agreement's status (see
:func:`step_actions`); a card only emits ``action_requested(step_id, action)``,
the tab does the work.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _, ngettext
from app.services.agreement_steps import StepView
from app.ui import labels
from app.ui.formatting import format_date
from app.ui.theme import color
from app.ui.widgets.buttons import link_button
from app.ui.widgets.chips import Chip
from app.ui.widgets.labels import hint_label, role_label

AUTHORITY = "authority"
MARKER_WIDTH = 56
MARKER_RADIUS = 14
MARKER_Y = 30  # the circle's centre from the top of a row: level with the card's first line
CARD_GAP = 7  # above and below each card; the spine runs through it

def state_words(step: StepView, waiting_text: str) -> tuple[str, str]:
    """(chip text, tone) for a step."""
    if step.state == "overdue":
        return ngettext("Overdue by {n} day", "Overdue by {n} days", step.days_overdue).format(n=step.days_overdue), \
            "danger"
    if step.state == "missed":
        return _("Missed"), "danger"
    if step.state == "fulfilled":
        return _("Fulfilled"), "success"
    if step.state == "waived":
        return _("Waived"), "muted"
    if step.state == "due":
        return _("Due"), "accent"
    return waiting_text, "neutral"


def waiting_reason(steps: list[StepView], index: int, in_force: bool) -> str:
    """Why a waiting step has no due date yet, in words."""
    step = steps[index]
    if not in_force:
        if step.within_days_after_previous is not None:
            return ngettext("Planned {n} day after the previous step", "Planned {n} days after the previous step",
                            step.within_days_after_previous).format(n=step.within_days_after_previous)
        return _("Planned for {date}").format(date=format_date(step.planned_due)) if step.planned_due else \
            _("No due date")
    if step.party == AUTHORITY and any(
        s.party == "person" and s.state not in ("fulfilled", "waived") for s in steps[:index]
    ):
        return _("Waiting for the person's steps")
    previous = steps[index - 1].position if index > 0 else None
    days = step.within_days_after_previous or 0
    if previous is None:
        return ngettext("Due {n} day after the agreement is concluded", "Due {n} days after the agreement is concluded",
                        days).format(n=days)
    return ngettext("Due {n} day after step {previous} is done", "Due {n} days after step {previous} is done",
                    days).format(n=days, previous=previous)


def step_actions(step: StepView, agreement_status: str, read_only: bool) -> tuple[list[str], list[str]]:
    """(the buttons on a step card, the actions in its "More" menu), by the agreement's and the step's status."""
    if read_only or agreement_status == "ended":
        return [], []
    if agreement_status == "draft":
        return ["edit", "up", "down", "remove"], []
    if agreement_status == "fulfilled":
        return ["reopen"], []
    # Not fallen due yet (waiting for earlier steps, or its day still ahead): it cannot be missed.
    not_due_yet = step.state == "waiting" or (step.state == "due" and step.effective_due is not None)
    if step.status == "open" and not_due_yet:
        return ["fulfil", "waive"], ["edit", "up", "down", "remove"]
    if step.status == "open":
        return ["fulfil", "miss", "waive"], ["edit", "up", "down", "remove"]
    if step.status == "missed":
        return ["fulfil", "waive", "reopen"], []
    return ["reopen"], []


# (button text, accessible name) per action, English source marked for translation.
ACTION_TEXTS = {
    "fulfil": (N_("Fulfilled…"), N_("Record step {n} as fulfilled, with its proof")),
    "miss": (N_("Missed…"), N_("Record step {n} as missed")),
    "waive": (N_("Waive…"), N_("Waive step {n}, with the reason")),
    "reopen": (N_("Reopen"), N_("Reopen step {n} (correct a mistake)")),
    "edit": (N_("Edit…"), N_("Edit step {n}")),
    "up": (N_("Move up"), N_("Move step {n} up")),
    "down": (N_("Move down"), N_("Move step {n} down")),
    "remove": (N_("Remove"), N_("Remove step {n}")),
}


class StepCard(QFrame):
    """One step: party, action, when, proof, state; buttons emit ``action_requested(step_id, action)``."""

    action_requested = Signal(str, str)

    def __init__(self, step: StepView, *, waiting_text: str, actions: tuple[list[str], list[str]],
                 proof_title: str | None, first: bool, last: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.setObjectName(f"step{step.position}")
        self.setProperty("stepCard", True)
        self.setProperty("state", step.state)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)

        party = role_label(labels.label(labels.STEP_PARTY_LABELS, step.party), "step-party", wrap=False)
        chip_text, tone = state_words(step, _("Waiting"))
        self.chip = Chip()
        self.chip.show_state(chip_text, tone)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(party)
        top.addStretch(1)
        top.addWidget(self.chip)

        self.action_label = role_label(" ".join(step.action.split()), "step-action")
        self.action_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.when_label = role_label(self._when_text(waiting_text), self._when_role(), wrap=True)
        self.proof_label = hint_label(self._proof_text(proof_title))
        self.proof_label.setVisible(bool(self.proof_label.text()))
        self.reason_label = role_label(self._reason_text(), "note")
        self.reason_label.setVisible(bool(self.reason_label.text()))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.action_label)
        layout.addWidget(self.when_label)
        layout.addWidget(self.proof_label)
        layout.addWidget(self.reason_label)

        # Every action, as a button or a menu entry: ``trigger(key)`` runs it as a click would.
        self.buttons: dict[str, QPushButton | QAction] = {}
        shown, more = actions
        shown = [key for key in shown if not (key == "up" and first) and not (key == "down" and last)]
        more = [key for key in more if not (key == "up" and first) and not (key == "down" and last)]
        if shown or more:
            row = QHBoxLayout()
            row.setSpacing(10)
            for key in shown:
                text, accessible = ACTION_TEXTS[key]
                button = link_button(_(text), _(accessible).format(n=step.position))
                button.setObjectName(f"step{step.position}_{key}")
                button.clicked.connect(lambda _checked=False, key=key: self.action_requested.emit(self.step.id, key))
                row.addWidget(button)
                self.buttons[key] = button
            if more:
                self.more_button = QToolButton()
                self.more_button.setText(_("More"))
                self.more_button.setObjectName(f"step{step.position}_more")
                self.more_button.setAccessibleName(_("More actions for step {n}").format(n=step.position))
                self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
                self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
                menu = QMenu(self.more_button)
                for key in more:
                    text, _accessible = ACTION_TEXTS[key]
                    action = menu.addAction(_(text))
                    action.triggered.connect(lambda _checked=False, key=key: self.action_requested.emit(self.step.id, key))
                    self.buttons[key] = action
                self.more_button.setMenu(menu)
                row.addWidget(self.more_button)
            row.addStretch(1)
            layout.addSpacing(2)
            layout.addLayout(row)
        self.setAccessibleName(_("Step {n}, {party}: {action}. {state}. {when}").format(
            n=step.position, party=party.text(), action=self.action_label.text(), state=chip_text,
            when=self.when_label.text()))

    def trigger(self, key: str) -> None:
        """Run an action of this card as the user would (a button click or a menu entry)."""
        control = self.buttons[key]
        if isinstance(control, QAction):
            control.trigger()
        else:
            control.click()

    def _when_text(self, waiting_text: str) -> str:
        step = self.step
        if step.state == "fulfilled":
            return _("Fulfilled on {date}").format(date=format_date(step.settled_on)) if step.settled_on else \
                _("Fulfilled")
        if step.state == "waived":
            return _("Waived on {date}").format(date=format_date(step.settled_on)) if step.settled_on else _("Waived")
        if step.state == "missed":
            if step.effective_due is not None:
                return _("Was due on {date}").format(date=format_date(step.effective_due))
            return _("Recorded as missed")
        if step.state == "overdue":
            return _("Was due on {date}").format(date=format_date(step.effective_due))
        if step.state == "due":
            if step.effective_due is None:
                return _("Due now, no date set")
            return _("Due on {date}").format(date=format_date(step.effective_due))
        return waiting_text

    def _when_role(self) -> str:
        return {"overdue": "step-when-alert", "missed": "step-when-alert", "due": "step-when",
                "fulfilled": "step-when-done"}.get(self.step.state, "hint")

    def _proof_text(self, proof_title: str | None) -> str:
        required = " ".join(self.step.proof_required.split())
        if self.step.proof_document_id:
            document = proof_title or _("a document of the case")
            return _("Proof: {required} · received: {document}").format(required=required or _("document"),
                                                                        document=document)
        if required:
            if self.step.state == "fulfilled":
                return _("Proof required: {required} · no document linked").format(required=required)
            return _("Proof required: {required}").format(required=required)
        return ""

    def _reason_text(self) -> str:
        reason = " ".join(self.step.status_reason.split())
        if not reason:
            return ""
        if self.step.state == "waived":
            return _("Reason: {reason}").format(reason=reason)
        return _("Note: {reason}").format(reason=reason)


class ChainMarker(QWidget):
    """The spine between the columns: a numbered circle per step, coloured by state, and the connecting line."""

    def __init__(self, number: int, state: str, side: str, first: bool, last: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number, self.state, self.side, self.first, self.last = number, state, side, first, last
        self.setFixedWidth(MARKER_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(MARKER_WIDTH, 2 * MARKER_Y)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x = self.width() / 2
        y = CARD_GAP + MARKER_Y - 6
        line = QPen(color("border"), 2)
        painter.setPen(line)
        if not self.first:
            painter.drawLine(QPointF(x, 0), QPointF(x, y - MARKER_RADIUS))
        if not self.last:
            painter.drawLine(QPointF(x, y + MARKER_RADIUS), QPointF(x, self.height()))
        # A short arm from the circle to the card it belongs to.
        arm_end = 0.0 if self.side == "left" else float(self.width())
        start = x - MARKER_RADIUS if self.side == "left" else x + MARKER_RADIUS
        painter.drawLine(QPointF(start, y), QPointF(arm_end, y))

        fill, ring, text = self._colours()
        painter.setPen(QPen(ring, 2))
        painter.setBrush(fill)
        circle = QRectF(x - MARKER_RADIUS, y - MARKER_RADIUS, 2 * MARKER_RADIUS, 2 * MARKER_RADIUS)
        if self.state == "waived":
            painter.setPen(QPen(ring, 2, Qt.PenStyle.DashLine))
        painter.drawEllipse(circle)
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(text)
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, str(self.number))
        painter.end()

    def _colours(self):
        white = color("surface")
        if self.state in ("overdue", "missed"):
            return color("error"), color("error"), white
        if self.state == "fulfilled":
            return color("success"), color("success"), white
        if self.state == "due":
            return color("accent"), color("accent"), white
        if self.state == "waived":
            return white, color("text_muted"), color("text_muted")
        return white, color("border"), color("text_muted")


class StepChain(QWidget):
    """The chain of one agreement. ``show_steps`` rebuilds it; cards' actions come out of
    ``action_requested(step_id, action)``."""

    action_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepChain")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(0)
        self.grid.setVerticalSpacing(0)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(2, 1)
        self.cards: dict[str, StepCard] = {}
        self.markers: list[ChainMarker] = []

    def show_steps(self, steps: list[StepView], *, agreement_status: str, read_only: bool,
                   documents: Mapping[str, str], authority_name: str = "") -> None:
        self._clear()
        in_force = agreement_status == "in_force"
        left_title = role_label(_("The person"), "subsection", wrap=False)
        left_hint = hint_label(_("with the case manager and others who act on the person's side"))
        right_title = role_label(_("Foreign nationals authority"), "subsection", wrap=False)
        right_hint = hint_label(authority_name or _("not named yet"))
        for column, (title, hint) in ((0, (left_title, left_hint)), (2, (right_title, right_hint))):
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 6)
            box_layout.setSpacing(0)
            box_layout.addWidget(title)
            box_layout.addWidget(hint)
            self.grid.addWidget(box, 0, column)
        if not steps:
            empty = role_label(_("No steps yet. Add the first step: what the person does, and what the authority "
                                 "grants in return."), "lead")
            self.grid.addWidget(empty, 1, 0, 1, 3)
            return
        for index, step in enumerate(steps):
            row = index + 1
            side = "right" if step.party == AUTHORITY else "left"
            first, last = index == 0, index == len(steps) - 1
            card = StepCard(step, waiting_text=waiting_reason(steps, index, in_force),
                            actions=step_actions(step, agreement_status, read_only),
                            proof_title=documents.get(step.proof_document_id or ""), first=first, last=last)
            card.action_requested.connect(self.action_requested)
            holder = QWidget()
            holder_layout = QVBoxLayout(holder)
            # Cards keep a small gap to the spine on their side, the full column on the other.
            holder_layout.setContentsMargins(0, CARD_GAP, 0, CARD_GAP)
            holder_layout.addWidget(card)
            marker = ChainMarker(step.position, step.state, side, first, last)
            self.grid.addWidget(holder, row, 0 if side == "left" else 2)
            self.grid.addWidget(marker, row, 1)
            self.cards[step.id] = card
            self.markers.append(marker)

    def card_at(self, position: int) -> StepCard:
        return next(card for card in self.cards.values() if card.step.position == position)

    def _clear(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.cards = {}
        self.markers = []
