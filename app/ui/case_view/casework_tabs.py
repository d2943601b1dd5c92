"""The casework tabs of the case view, registered in one place.

The lead calls ``register_casework_tabs()`` once, before a case view is built.
Each tab module is imported only when a case view first builds it
(``lazy_tab``), like the pages of the sidebar.
"""

from __future__ import annotations

from app.i18n import N_
from app.ui.case_view.tabs import CaseTabSpec, lazy_tab, register_case_tab

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


def register_casework_tabs() -> None:
    """Replace the placeholders of the seven casework tabs where they stand in CASE_TABS."""
    for key, label, target in CASEWORK_TABS:
        register_case_tab(CaseTabSpec(key, label, lazy_tab(target)))
