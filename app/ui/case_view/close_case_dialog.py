"""Close a case (DGCC evaluation): a reason from the fixed list, the outcome in words, the day."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.errors import LotseError
from app.i18n import _
from app.services.cases import close_case
from app.ui import labels
from app.ui.dialogs.layout import dialog_layout
from app.ui.error_dialogs import show_error
from app.ui.formatting import format_date
from app.ui.widgets.buttons import primary_button, secondary_button
from app.ui.widgets.inline_message import InlineMessage
from app.ui.widgets.labels import hint_label, title_label


class CloseCaseDialog(QDialog):
    def __init__(self, vault, case_id: str, case_type: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.case_id = case_id
        self.setWindowTitle(_("Close case"))
        self.reason = QComboBox()
        self.reason.setAccessibleName(_("Closing reason"))
        self.reason.addItem(_("Choose a reason…"), "")
        for text, code in labels.choices(labels.CLOSING_REASON_LABELS):
            self.reason.addItem(text, code)
        if case_type == "referral_advice":
            self.reason.setCurrentIndex(self.reason.findData("referral_completed"))
        self.outcome = QPlainTextEdit()
        self.outcome.setAccessibleName(_("Outcome"))
        self.outcome.setTabChangesFocus(True)
        self.outcome.setPlaceholderText(_("What was reached, what remains, who takes over"))
        self.outcome.setFixedHeight(96)
        self.closed_on = QLineEdit(format_date(date.today()))
        self.closed_on.setAccessibleName(_("Closing date"))
        self.closed_on.setPlaceholderText(_("DD.MM.YYYY"))
        self.closed_on.setMaximumWidth(140)
        self.message = InlineMessage()
        self.close_button = primary_button(_("Close case"), _("Close the case"))
        self.cancel_button = secondary_button(_("Cancel"), _("Cancel"))
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)

        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        form.addRow(_("&Reason"), self.reason)
        form.addRow(_("&Outcome"), self.outcome)
        form.addRow(_("Closed &on"), self.closed_on)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)

        layout = dialog_layout(self)
        layout.addWidget(title_label(_("Close the case of {name}").format(name=name)))
        layout.addWidget(hint_label(_("A closed case stays in the vault until its retention period ends; "
                                      "it can be reopened.")))
        layout.addSpacing(12)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addSpacing(12)
        layout.addLayout(buttons)

    def submit(self) -> None:
        reason = self.reason.currentData()
        if not reason:
            self.message.show_message(_("Choose why the case is closed."))
            self.reason.setFocus()
            return
        try:
            close_case(self.vault, case_id=self.case_id, closing_reason=reason,
                       outcome=self.outcome.toPlainText(), closed_on=self.closed_on.text().strip() or None)
        except LotseError as exc:
            self.message.show_message(exc.message)
            return
        except Exception as exc:  # a bug: the standard dialog, and the form stays open
            show_error(self, exc)
            return
        self.accept()
