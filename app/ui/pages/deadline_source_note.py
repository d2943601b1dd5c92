"""Why a deadline cannot be ticked off on the deadlines page, and where it can be dealt with.

A deadline computed from the case file (a Duldung's expiry, a 27th birthday, an
agreement step, a consent, a goal's target date) is not a to-do of its own: it
goes away when its source changes. The deadlines page says so under the
buttons, with a button that opens the case at the part where the source lives.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from app.i18n import N_, _
from app.ui.case_opening import tab_for_deadline_source
from app.ui.case_view.tabs import case_tab_spec
from app.ui.widgets.buttons import link_button

# By the start of a deadline's source (deadline_item.py): why it cannot be ticked off here.
REASONS = (
    ("agreement_step:", N_("This is a step of an agreement: it is done when the step is recorded as fulfilled "
                           "in the case's agreement, not here.")),
    ("rule:", N_("This date follows from a residence-law rule (such as a 27th birthday): it goes away when the "
                 "case file changes, not here.")),
    ("residence_document:", N_("This date comes from a residence document in the case file: it goes away when "
                               "the new document is recorded there, not here.")),
    ("passport", N_("This date comes from the passport in the case file: it goes away when the new passport is "
                    "recorded there, not here.")),
    ("consent:", N_("This date comes from a consent: renew or withdraw the consent in the case, not here.")),
    ("goal:", N_("This is a goal's target date: record the goal as reached or change its date in the case, "
                 "not here.")),
)
GENERIC_REASON = N_("This deadline is computed from the case file: it goes away when the case file changes, "
                    "not here.")


def reason_for_source(source: str) -> str:
    """The sentence that says why a computed deadline from ``source`` is not ticked off here."""
    for prefix, reason in REASONS:
        if source.startswith(prefix):
            return _(reason)
    return _(GENERIC_REASON)


class DeadlineSourceNote(QFrame):
    """The reason and an "Open case: <part>" button; hidden while no computed deadline is selected."""

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deadlineSourceNote")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.open_button = link_button("", _("Open the case where this deadline comes from"))
        self.open_button.clicked.connect(self.open_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        layout.setSpacing(12)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def show_source(self, source: str | None) -> None:
        """Explain ``source``; None hides the note (nothing selected, or a deadline that can be ticked off)."""
        if source is None:
            self.hide()
            return
        reason = reason_for_source(source)
        self.text.setText(reason)
        self.setAccessibleName(reason)
        try:
            part = _(case_tab_spec(tab_for_deadline_source(source)).label)
        except KeyError:  # a view without that tab: the case opens at its first one
            self.open_button.setText(_("Open case"))
        else:
            self.open_button.setText(_("Open case: {part}").format(part=part))
        self.show()
