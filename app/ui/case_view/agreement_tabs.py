"""The agreements and residence-check tabs of the case view, registered in one place.

``register_agreement_tabs()`` puts "Residence check" right after "Person" and
"Agreements" right after "Goal areas" (each at the end when that tab is
missing). Calling it again changes nothing. The tab modules are imported only
when a case view first builds the tabs.
"""

from __future__ import annotations

from app.i18n import N_
from app.ui.case_view import tabs
from app.ui.case_view.tabs import CaseTabSpec, lazy_tab, register_case_tab

# key, label, "module:Class", the key of the tab it follows
AGREEMENT_TABS: tuple[tuple[str, str, str, str], ...] = (
    ("residence", N_("Residence check"), "app.ui.case_view.residence_check_tab:ResidenceCheckTab", "person"),
    ("agreements", N_("Agreements"), "app.ui.case_view.agreements_tab:AgreementsTab", "goal_areas"),
)


def _key_after(key: str) -> str | None:
    """The key of the tab behind ``key``, or None when ``key`` is last or missing."""
    keys = [spec.key for spec in tabs.CASE_TABS]
    if key in keys and keys.index(key) + 1 < len(keys):
        return keys[keys.index(key) + 1]
    return None


def register_agreement_tabs() -> None:
    for key, label, target, after in AGREEMENT_TABS:
        spec = CaseTabSpec(key, label, lazy_tab(target))
        if any(existing.key == key for existing in tabs.CASE_TABS):
            register_case_tab(spec)  # replaced where it stands
            continue
        register_case_tab(spec, before=_key_after(after))
