"""The case's sync conflicts (``detail["conflicts"]``), each resolvable with the same dialog as
on the sync page. After resolving, the view reloads the case (``ctx.changed()``)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.i18n import _
from app.ui.case_view.context import CaseContext
from app.ui.sync.conflict_list import ConflictList
from app.ui.widgets.labels import hint_label, role_label


class ConflictsTab(QWidget):
    def __init__(self, ctx: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.conflict_list = ConflictList(lambda: None if ctx.is_locked else ctx.vault, show_ref=False,
                                          empty_text=_("No sync conflicts"))
        self.conflict_list.resolved.connect(lambda _outcome: self.ctx.changed())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(8)
        layout.addWidget(role_label(_("Sync conflicts"), "section"))
        layout.addWidget(hint_label(_(
            "Another device in the team changed the same field at the same time. The later change is in "
            "effect; decide which version stays.")))
        layout.addWidget(self.conflict_list)
        layout.addStretch(1)
        if ctx.detail is not None:
            self.show_case(ctx.detail)

    def show_case(self, detail: dict) -> None:
        self.conflict_list.set_conflicts(detail.get("conflicts") or [])
