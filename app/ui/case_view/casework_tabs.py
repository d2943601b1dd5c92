"""The casework tabs of the case view, registered in one place.

The lead calls ``register_casework_tabs()`` once (where the case view's own
tabs are registered). Each tab module is imported only when a case view first
builds it, like the pages of the sidebar.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from app.i18n import N_

# key, label (N_), "module:Class": the order the tabs appear in after Person and Goal areas.
CASEWORK_TABS: tuple[tuple[str, str, str], ...] = (
    ("contacts", N_("Contacts"), "app.ui.case_view.contacts_tab:ContactsTab"),
    ("referrals", N_("Referrals"), "app.ui.case_view.referrals_tab:ReferralsTab"),
    ("consents", N_("Consents"), "app.ui.case_view.consents_tab:ConsentsTab"),
    ("barriers", N_("Barriers"), "app.ui.case_view.barriers_tab:BarriersTab"),
    ("measures", N_("Measures"), "app.ui.case_view.measures_tab:MeasuresTab"),
    ("documents", N_("Documents"), "app.ui.case_view.documents_tab:DocumentsTab"),
    ("deadlines", N_("Deadlines"), "app.ui.case_view.deadlines_tab:DeadlinesTab"),
)


def lazy_tab(target: str) -> Callable[[Any], QWidget]:
    """A factory ``factory(ctx) -> QWidget`` importing ``"module:Class"`` on first use."""
    module_name, _sep, attribute = target.partition(":")

    def factory(ctx: Any) -> QWidget:
        return getattr(importlib.import_module(module_name), attribute)(ctx)

    factory.__qualname__ = f"lazy_tab({target!r})"
    return factory


def register_casework_tabs() -> None:
    from app.ui.case_view.tabs import CaseTabSpec, register_case_tab

    for key, label, target in CASEWORK_TABS:
        register_case_tab(CaseTabSpec(key, label, lazy_tab(target)))
