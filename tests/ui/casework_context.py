"""A stand-in for the case view's CaseContext, for testing casework tabs on their own.

It is the tab protocol of WORKBENCH.md, not a mock of a real part: a plain
object with ``vault``, ``case_id``, ``ref`` and ``detail`` whose ``changed()``
re-fetches the real case file (``case_file_for_view``) from the real vault and hands
it to every tab's ``show_case``, as the case view does (synchronously here,
so a test sees the result right after the write).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from app.services.case_view_file import case_file_for_view


class CaseworkContext:
    def __init__(self, vault, case_id: str) -> None:
        self.vault = vault
        self.case_id = case_id
        self.detail: dict[str, Any] = case_file_for_view(vault, case_id)
        self.ref: str = self.detail["ref"]
        self.tabs: list = []
        self.changes = 0

    def changed(self) -> None:
        self.changes += 1
        self.detail = case_file_for_view(self.vault, self.case_id)
        for tab in self.tabs:
            tab.show_case(self.detail)

    def open_tab(self, tab_class, qtbot):
        """Make the tab as the case view would (factory(ctx)), show it, keep it informed."""
        tab = tab_class(self)
        qtbot.addWidget(tab)
        self.tabs.append(tab)
        tab.resize(1100, 700)
        tab.show()
        qtbot.waitExposed(tab)
        return tab


def make_case(vault, *, opened_days_ago: int = 400, **fields: Any) -> str:
    """A case opened a while ago (contacts and consents may lie anywhere after it)."""
    from app.services.cases import create_case

    values = {"given_names": "Amina", "family_name": "Haddad", **fields}
    return create_case(vault, opened=date.today() - timedelta(days=opened_days_ago), **values).case_id


def first_agency_id(vault, name_part: str = "") -> str:
    from app.services.agencies import ensure_default_agencies, list_agencies

    ensure_default_agencies(vault)
    agencies = list_agencies(vault)
    return next(a.id for a in agencies if name_part.casefold() in a.name.casefold())
