"""The top of a case: who it is (also in the original script) and the facts a case manager checks first."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from app.i18n import _
from app.ui import labels
from app.ui.formatting import age_text, days_until_text, format_date, is_right_to_left, to_date
from app.ui.widgets.labels import ElidedLabel, hint_label, role_label, set_role

DEADLINE_MAX_WIDTH = 480


def next_open_deadline(detail: dict[str, Any]) -> dict[str, Any] | None:
    """The earliest deadline not yet done (overdue ones first, as they come earliest)."""
    open_ones = [d for d in detail.get("deadlines", []) if not d.get("done") and d.get("due")]
    return min(open_ones, key=lambda d: d["due"]) if open_ones else None


class Fact(QWidget):
    """A small caption and its value on one line ("Age 22 years"): the header stays two lines high."""

    def __init__(self, caption: str, parent: QWidget | None = None, *, elide: bool = False,
                 show_caption: bool = True) -> None:
        """``elide``: the value takes the room that is left and ends in "…" when it is longer.
        ``show_caption=False`` for values that say what they are ("22 years", "Duldung"): the
        caption then only names them for screen readers."""
        super().__init__(parent)
        self.caption = hint_label(caption)
        self.caption.setWordWrap(False)
        if not show_caption:
            self.caption.hide()  # (setVisible(True) on a label not yet in a layout would open a window)
        self.value = ElidedLabel("", "fact") if elide else role_label("", "fact", wrap=False)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(5)
        layout.addWidget(self.caption, 0, Qt.AlignmentFlag.AlignBaseline)
        layout.addWidget(self.value, 1 if elide else 0, Qt.AlignmentFlag.AlignBaseline)

    def set_value(self, text: str, role: str = "fact") -> None:
        self.value.setText(text or "–")
        self.value.setAccessibleName(f"{self.caption.text()}: {text or _('none')}")
        if self.value.property("role") != role:
            set_role(self.value, role)


class CaseHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_label = role_label("", "case-name", wrap=False)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.original_label = role_label("", "case-name-original", wrap=False)
        self.original_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ref_label = role_label("", "chip", wrap=False)
        self.status_label = role_label("", "chip", wrap=False)

        names = QHBoxLayout()
        names.setSpacing(14)
        names.addWidget(self.name_label)
        names.addWidget(self.original_label)
        names.addSpacing(4)
        names.addWidget(self.ref_label, 0, Qt.AlignmentFlag.AlignVCenter)
        names.addWidget(self.status_label, 0, Qt.AlignmentFlag.AlignVCenter)
        names.addStretch(1)
        self.names_row = names

        self.age = Fact(_("Age"), show_caption=False)
        # Not shown: the phase cycle right below shows the phase (and names it for screen readers).
        self.phase = Fact(_("Phase"))
        self.phase.hide()
        self.residence = Fact(_("Residence status"), show_caption=False)
        self.deadline = Fact(_("Next deadline"), elide=True)
        # "Betreut von Rasha Haddad" reads as a sentence and is shorter than "Fallverantwortung".
        self.case_manager = Fact(_("Managed by"), elide=True)
        facts = QHBoxLayout()
        facts.setSpacing(16)
        # The deadline's text is the long one ("02.09.2025 · Agreement step (446 days overdue)") and the
        # one that matters: it gets its width (up to DEADLINE_MAX_WIDTH); the case manager stands last
        # and takes the rest, cut with "…" only when there is no room.
        for fact in (self.age, self.residence, self.deadline):
            facts.addWidget(fact)
        facts.addWidget(self.case_manager, 1)
        self.case_manager.setMinimumWidth(120)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(names)
        layout.addLayout(facts)

    def add_action(self, widget: QWidget) -> None:
        """A control at the right end of the name row (it leaves the facts row its full width)."""
        self.names_row.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)

    def show_loading(self, ref: str) -> None:
        self.name_label.setText(_("Opening case…"))
        self.ref_label.setText(ref)
        self.ref_label.setVisible(bool(ref))
        self.original_label.hide()
        self.status_label.hide()

    def show_case(self, detail: dict[str, Any], on: date | None = None) -> None:
        person = detail.get("person", {})
        name = detail.get("name") or _("(no name)")
        self.name_label.setText(name)
        self.name_label.setAccessibleName(_("Name: {name}").format(name=name))
        self._show_original(detail.get("name_original") or "")
        self.ref_label.setText(detail.get("ref", ""))
        self.ref_label.setAccessibleName(_("Reference {ref}").format(ref=detail.get("ref", "")))
        self.ref_label.setToolTip(_("Case reference (Aktenzeichen)"))
        status = detail.get("status", "")
        self.status_label.setVisible(status in ("paused", "closed"))
        self.status_label.setText(labels.label(labels.CASE_STATUS_LABELS, status))

        self.age.set_value(age_text(person.get("birth_date"), on))
        phase_text = labels.phase_state(detail.get("phase", ""))
        if detail.get("case_type") == "referral_advice":
            phase_text = _("{phase} · referral advice").format(phase=phase_text)
        self.phase.set_value(phase_text)
        self.residence.set_value(labels.residence_status(person.get("residence_status", "")))
        self.case_manager.set_value(detail.get("case_manager", ""))
        self._show_deadline(next_open_deadline(detail), on)

    def _show_original(self, original: str) -> None:
        self.original_label.setVisible(bool(original))
        self.original_label.setText(original)
        self.original_label.setAccessibleName(_("Name in original script: {name}").format(name=original))
        # Arabic, Persian, Pashto … read right to left: lay the label out that way so the
        # name is shaped and ordered correctly, but keep it where the eye expects it.
        rtl = is_right_to_left(original)
        self.original_label.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        self.original_label.setAlignment(Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignLeft
                                          | Qt.AlignmentFlag.AlignVCenter)

    def _show_deadline(self, deadline: dict[str, Any] | None, on: date | None) -> None:
        if deadline is None:
            self.deadline.set_value(_("none open"), "fact")
            self.deadline.value.setMinimumWidth(90)
            return
        due = to_date(deadline["due"])
        kind = labels.label(labels.DEADLINE_KIND_LABELS, deadline.get("kind"))
        text = _("{date} · {kind} ({when})").format(date=format_date(due), kind=kind, when=days_until_text(due, on))
        today = on or date.today()
        role = "fact-alert" if due < today else "fact-warning" if (due - today).days <= 14 else "fact"
        self.deadline.set_value(text, role)
        font = self.deadline.value.font()
        font.setBold(True)  # the fact roles are bold
        width = QFontMetrics(font).horizontalAdvance(text) + 6
        self.deadline.value.setMinimumWidth(min(width, DEADLINE_MAX_WIDTH))

