"""Confirm erasing cases after their retention period: say exactly what happens, then ask
for the number of cases typed in, so erasure is never one click or one Enter away."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QWidget

from app.i18n import _, ngettext
from app.ui.dialogs.layout import CONTENT_WIDTH, dialog_layout
from app.ui.icons import app_icon
from app.ui.widgets.buttons import secondary_button
from app.ui.widgets.labels import field_label, lead_label, role_label, title_label

MAX_REFS_LISTED = 12


def listed_refs(refs: list[str]) -> str:
    if len(refs) <= MAX_REFS_LISTED:
        return ", ".join(refs)
    rest = len(refs) - MAX_REFS_LISTED
    return ngettext("{refs} and {n} more", "{refs} and {n} more", rest).format(
        refs=", ".join(refs[:MAX_REFS_LISTED]), n=rest)


class EraseCasesDialog(QDialog):
    """Accepted only after the user typed the number of cases; the caller then erases."""

    def __init__(self, refs: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.refs = list(refs)
        n = len(self.refs)
        self.setWindowTitle(_("Erase cases"))
        self.setWindowIcon(app_icon())
        self.setModal(True)

        title = title_label(ngettext("Erase {n} case for good?", "Erase {n} cases for good?", n).format(n=n))
        self.cases_label = lead_label(ngettext("Case: {refs}", "Cases: {refs}", n).format(refs=listed_refs(self.refs)))
        points = [
            _("The person, the case and everything in it (notes, goals, documents, letters, consents, "
              "agreements) are deleted from this vault now."),
            _("If the vault syncs with a team, the erasure reaches every other device and wins over "
              "changes made there."),
            _("This is final and cannot be undone. Backups written earlier elsewhere are not reached."),
            _("Only anonymous counts stay, so reports for past periods keep their figures. The audit log "
              "keeps who did what and when, but no longer names the person."),
        ]
        self.confirm_input = QLineEdit()
        self.confirm_input.setAccessibleName(_("Number of cases to erase"))
        self.confirm_input.setPlaceholderText(str(n))
        self.confirm_input.setFixedWidth(120)
        confirm_label = field_label(
            ngettext("To confirm, type the number of cases to erase ({n}):",
                     "To confirm, type the number of cases to erase ({n}):", n).format(n=n), self.confirm_input)
        self.cancel_button = secondary_button(_("Cancel"), _("Cancel, erase nothing"))
        self.erase_button = secondary_button(
            ngettext("Erase {n} case", "Erase {n} cases", n).format(n=n),
            ngettext("Erase {n} case for good", "Erase {n} cases for good", n).format(n=n))
        self.erase_button.setProperty("danger", True)
        self.erase_button.setProperty("filled", True)  # the final step looks like one
        self.erase_button.setEnabled(False)

        self.cancel_button.clicked.connect(self.reject)
        self.erase_button.clicked.connect(self.accept)
        self.confirm_input.textChanged.connect(self._update_button)
        self.confirm_input.returnPressed.connect(self.accept)  # erases only with the right number

        layout = dialog_layout(self)
        title.setMinimumWidth(CONTENT_WIDTH + 60)
        layout.addWidget(title)
        layout.addSpacing(4)
        layout.addWidget(self.cases_label)
        layout.addSpacing(12)
        for point in points:
            row = QHBoxLayout()
            row.setSpacing(10)
            bullet = role_label("•", "lead", wrap=False)
            row.addWidget(bullet, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(lead_label(point), 1)
            layout.addLayout(row)
            layout.addSpacing(4)
        layout.addSpacing(14)
        layout.addWidget(confirm_label)
        layout.addWidget(self.confirm_input)
        layout.addSpacing(20)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.erase_button)
        layout.addLayout(buttons)
        self.confirm_input.setFocus()

    def is_confirmed(self) -> bool:
        return self.confirm_input.text().strip() == str(len(self.refs))

    @Slot()
    def _update_button(self) -> None:
        self.erase_button.setEnabled(self.is_confirmed())

    def accept(self) -> None:
        if self.is_confirmed():  # Enter in the field must not get round the typed number
            super().accept()
