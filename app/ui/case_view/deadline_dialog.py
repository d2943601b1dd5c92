"""Add a deadline by hand: kind, due date, note."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from app.i18n import _
from app.services.deadlines import DEADLINE_KINDS, add_deadline
from app.ui.case_view.casework_fields import CodeCombo, DateField
from app.ui.case_view.casework_labels import DEADLINE_KIND_LABELS
from app.ui.case_view.entry_dialog import EntryDialog


class DeadlineDialog(EntryDialog):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(
            _("Add a deadline"),
            _("Deadlines from residence documents, birthdays and agreements are added automatically; "
              "enter here what only you know about."),
            parent=parent,
        )
        self.ctx = ctx
        self.kind = CodeCombo(DEADLINE_KIND_LABELS, _("Kind of deadline"), codes=DEADLINE_KINDS)
        self.kind.set_code("other")
        self.due = DateField(_("Due date"))
        self.due.set_value(date.today() + timedelta(days=14))
        self.note = QLineEdit()
        self.note.setAccessibleName(_("Note"))
        self.note.setPlaceholderText(_("e.g. hand in the school certificate at the Ausländerbehörde"))
        self.add_row(_("&Kind"), self.kind)
        self.add_row(_("&Due"), self.due)
        self.add_row(_("&Note"), self.note)
        self.mark_clean()

    def save(self) -> None:
        add_deadline(self.ctx.vault, case_id=self.ctx.case_id, kind=self.kind.code(), due=self.due.value(),
                     note=self.note.text())
