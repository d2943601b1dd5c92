"""The casework tabs of the case view (contacts … deadlines).

They are listed in ``tabs.CASEWORK_TABS`` and so are part of every case view;
``register_casework_tabs()`` puts them back in place in a ``CASE_TABS`` that a
test or script changed.
"""

from __future__ import annotations

from app.ui.case_view.tabs import CASEWORK_TABS, CaseTabSpec, lazy_tab, register_case_tab

__all__ = ["CASEWORK_TABS", "register_casework_tabs"]


def register_casework_tabs() -> None:
    """Put the seven casework tabs where they stand in CASE_TABS (idempotent)."""
    for key, label, target in CASEWORK_TABS:
        register_case_tab(CaseTabSpec(key, label, lazy_tab(target)))
