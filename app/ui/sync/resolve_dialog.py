"""Resolve one sync conflict: keep mine, keep theirs, or write a merged text.

The dialog only asks; the caller resolves through ``team_sync.resolve_conflict``
with :attr:`ResolveConflictDialog.choice` after ``accepted``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from app.i18n import _
from app.ui.dialogs.layout import CONTENT_WIDTH, dialog_layout
from app.ui.icons import app_icon
from app.ui.sync.conflict_text import describe_place, shown_value
from app.ui.widgets.buttons import primary_button, secondary_button
from app.ui.widgets.labels import field_label, hint_label, lead_label, title_label


def merge_prefill(mine: Any, theirs: Any) -> str:
    """Both values, one after the other, for the user to edit into one."""
    return f"{shown_value(mine)}\n\n{shown_value(theirs)}"


class ResolveConflictDialog(QDialog):
    def __init__(self, conflict: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.setWindowTitle(_("Resolve a sync conflict"))
        self.setWindowIcon(app_icon())
        self.setModal(True)
        editable = conflict.get("kind", "edit") == "edit"

        title = title_label(_("Which version should stay?"))
        title.setMinimumWidth(CONTENT_WIDTH + 60)
        place = lead_label(describe_place(conflict))
        self.mine_view = self._value_view(conflict.get("mine"), _("Your version"))
        self.theirs_view = self._value_view(conflict.get("theirs"), _("The team's version"))

        self.keep_mine = QRadioButton(_("Keep &mine"))
        self.keep_theirs = QRadioButton(_("Keep &theirs"))
        self.merge = QRadioButton(_("&Merge the texts"))
        self.group = QButtonGroup(self)
        for button in (self.keep_mine, self.keep_theirs, self.merge):
            self.group.addButton(button)
        self.keep_mine.setChecked(True)
        self.merged_text = QPlainTextEdit(merge_prefill(conflict.get("mine"), conflict.get("theirs")))
        self.merged_text.setAccessibleName(_("Merged text"))
        self.merged_text.setFixedHeight(110)
        self.merged_text.setEnabled(False)
        self.merge.toggled.connect(self.merged_text.setEnabled)
        self.merge.setVisible(editable)
        self.merged_text.setVisible(editable)

        self.cancel_button = secondary_button(_("Cancel"), _("Close without resolving"))
        self.ok_button = primary_button(_("Resolve"), _("Resolve the conflict with the chosen version"))
        self.ok_button.setDefault(True)
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button.clicked.connect(self.accept)

        layout = dialog_layout(self)
        layout.addWidget(title)
        layout.addWidget(place)
        layout.addSpacing(10)
        layout.addWidget(field_label(_("Your version (this device)"), self.mine_view))
        layout.addWidget(self.mine_view)
        layout.addWidget(field_label(_("The team's version (arrived with the sync)"), self.theirs_view))
        layout.addWidget(self.theirs_view)
        layout.addSpacing(10)
        if not editable:
            layout.addWidget(hint_label(_("This entry was deleted or is a notice: resolving it acknowledges it.")))
        layout.addWidget(self.keep_mine)
        layout.addWidget(self.keep_theirs)
        layout.addWidget(self.merge)
        layout.addWidget(self.merged_text)
        layout.addSpacing(16)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout.addLayout(buttons)
        self.keep_mine.setFocus()  # the choice first; the versions above are read-only

    @staticmethod
    def _value_view(value: Any, name: str) -> QPlainTextEdit:
        view = QPlainTextEdit(shown_value(value))
        view.setReadOnly(True)
        view.setAccessibleName(name)
        view.setFixedHeight(64)
        return view

    @property
    def choice(self) -> tuple[str, str | None]:
        """``(keep, merged_text)`` as ``resolve_conflict`` takes them."""
        if self.merge.isChecked():
            return "merged", self.merged_text.toPlainText()
        return ("theirs" if self.keep_theirs.isChecked() else "mine"), None

    def choose(self, keep: str) -> None:
        """Select a choice by its name (keyboard users and tests)."""
        {"mine": self.keep_mine, "theirs": self.keep_theirs, "merged": self.merge}[keep].setChecked(True)
