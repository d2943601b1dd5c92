"""A cases page for tests: hosts the real case view, with the ``open_case`` the case list offers.

The case list page (app/ui/pages/cases_page.py) is built on another branch;
this page has the same ``open_case(case_id, ref, name) -> CaseView`` so the
overview's and the agreements page's "open the case" can be driven end to end.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.case_view.case_view import CaseView


class CasesHostPage(QWidget):
    def __init__(self, vault) -> None:
        super().__init__()
        self.vault = vault
        self.case_view: CaseView | None = None
        self.opened: list[tuple[str, str, str]] = []
        self.box = QVBoxLayout(self)

    def open_case(self, case_id: str, ref: str = "", name: str = "") -> CaseView:
        self.opened.append((case_id, ref, name))
        if self.case_view is not None:
            self.case_view.deleteLater()
        self.case_view = CaseView(self.vault, case_id, ref=ref)
        self.box.addWidget(self.case_view)
        return self.case_view

    def on_vault_locked(self) -> None:
        if self.case_view is not None:
            self.case_view.on_vault_locked()

    def on_vault_unlocked(self, vault) -> None:
        self.vault = vault
        if self.case_view is not None:
            self.case_view.on_vault_unlocked(vault)
