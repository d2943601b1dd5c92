"""What a page shows when there is nothing to list: one friendly sentence and the next step.

In a new vault the overview, deadlines and agreements pages would otherwise
show zeros and empty tables; they say instead that there are no cases yet and
offer "New case", which opens the cases page and its new-case form.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from app.i18n import N_, _
from app.services.case_list import case_page
from app.ui.widgets.buttons import primary_button
from app.ui.widgets.labels import role_label

NO_CASES_YET = N_("No cases yet — create the first one with “New case”.")


def vault_has_cases(vault) -> bool:
    """Runs on a page's worker thread with its other loading: whether the vault holds any case at all."""
    _rows, total = case_page(vault, limit=0)
    return total > 0


def start_new_case(widget: QWidget) -> bool:
    """Show the cases page of ``widget``'s window with its new-case form; False when there is none."""
    window = widget.window()
    show_page = getattr(window, "show_page", None)
    if show_page is None or getattr(window, "is_locked", False):
        return False
    page = show_page("cases")
    new_case = getattr(page, "new_case", None)
    if new_case is None:
        return False
    new_case()
    return True


class EmptyState(QFrame):
    """A centred sentence (``label``) and, when asked for, a "New case" button under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyStateBox")
        self.label = role_label("", "lead")
        self.label.setObjectName("emptyState")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.new_case_button = primary_button(_("New case"), _("Create a new case"))
        self.new_case_button.setAutoDefault(False)
        self.new_case_button.clicked.connect(self._new_case)
        self.new_case_button.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(14)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.new_case_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.hide()

    def show_text(self, text: str, *, offer_new_case: bool = False) -> None:
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.new_case_button.setVisible(offer_new_case)

    def show_no_cases(self) -> None:
        self.show_text(_(NO_CASES_YET), offer_new_case=True)

    @Slot()
    def _new_case(self) -> None:
        start_new_case(self)
