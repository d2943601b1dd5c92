"""The pages of the main window's sidebar, and how a feature plugs one in.

``PAGES`` lists every sidebar entry in order. A page is made on first visit
by ``factory(vault) -> QWidget`` and then kept for the rest of the session
(its unsaved input survives locking; see ``protocol.py`` for the lock hooks).

A feature replaces its placeholder by calling, at import time of
``app/ui/pages/__init__.py`` or before the main window is built::

    register_page(PageSpec("cases", N_("Cases"), "cases", lazy("app.ui.pages.cases:CasesPage")))

``register_page`` replaces the entry with the same key in place (its sidebar
position stays) or appends a new one (``before=`` puts it in front of an
existing key). ``lazy("module:attr")`` imports the page only when it is first
opened, which keeps start-up fast and avoids import cycles.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from app.i18n import N_, _
from app.storage.vault import Vault

PageFactory = Callable[[Vault], QWidget]


@dataclass(frozen=True)
class PageSpec:
    key: str  # stable id: settings, tests and navigation use it
    label: str  # English, marked with N_(); the sidebar shows _(label)
    icon: str  # name of resources/icons/<icon>.svg
    factory: PageFactory
    summary: str = ""  # one sentence, marked with N_(); shown by placeholders


def lazy(target: str) -> PageFactory:
    """A factory that imports ``"package.module:Attribute"`` on first use and calls it with the vault."""
    module_name, _sep, attribute = target.partition(":")

    def factory(vault: Vault) -> QWidget:
        return getattr(importlib.import_module(module_name), attribute)(vault)

    factory.__qualname__ = f"lazy({target!r})"
    return factory


def placeholder(label: str, summary: str, icon: str) -> PageFactory:
    """A factory for the stand-in page of a feature that is not built yet."""

    def factory(_vault: Vault) -> QWidget:
        from app.ui.pages.placeholder import PlaceholderPage

        return PlaceholderPage(_(label), _(summary), icon)

    return factory


def _placeholder_spec(key: str, label: str, icon: str, summary: str) -> PageSpec:
    return PageSpec(key, label, icon, placeholder(label, summary, icon), summary)


PAGES: list[PageSpec] = [
    _placeholder_spec("overview", N_("Overview"), "overview", N_(
        "Deadlines due soon, your active cases by phase and the cases you opened recently, at a glance.")),
    PageSpec("cases", N_("Cases"), "cases", lazy("app.ui.pages.cases_page:CasesPage"), N_(
        "Find, open and create case files: search, filters and every part of a case.")),
    _placeholder_spec("deadlines", N_("Deadlines"), "deadlines", N_(
        "Residence documents, passports, 27th birthdays, reviews and agreement steps that fall due.")),
    _placeholder_spec("agreements", N_("Agreements"), "agreements", N_(
        "Zug-um-Zug agreements with the foreign nationals authority, step by step.")),
    PageSpec("agencies", N_("Agencies"), "agencies", lazy("app.ui.pages.agencies_page:AgenciesPage"),
             N_("The directory of agencies you refer people to, with legal domain, address and contact person.")),
    _placeholder_spec("reports", N_("Reports"), "reports", N_(
        "Aggregate figures for the coordination and the state, without any names.")),
    _placeholder_spec("sync", N_("Team sync"), "sync", N_(
        "Share case files with your team through a shared folder, encrypted from end to end.")),
    _placeholder_spec("audit", N_("Audit log"), "audit", N_(
        "Who viewed, changed, printed or exported which case, and when.")),
    PageSpec("settings", N_("Settings"), "settings", lazy("app.ui.pages.settings_page:SettingsPage"),
             N_("Automatic locking, language and your organisation's letterhead.")),
]

START_PAGE = "overview"


def register_page(spec: PageSpec, *, before: str | None = None) -> None:
    """Add a page, or replace the page with the same key where it stands."""
    for index, existing in enumerate(PAGES):
        if existing.key == spec.key:
            PAGES[index] = spec
            return
    if before is not None:
        for index, existing in enumerate(PAGES):
            if existing.key == before:
                PAGES.insert(index, spec)
                return
    PAGES.append(spec)


# Pages built so far replace their placeholders (lazy: imported on the first visit).
register_page(PageSpec("reports", N_("Reports"), "reports", lazy("app.ui.pages.reports_page:ReportsPage"), N_(
    "Aggregate figures for the coordination and the state, without any names.")))
register_page(PageSpec("retention", N_("Retention"), "retention", lazy("app.ui.pages.retention_page:RetentionPage"), N_(
    "Closed cases past their retention period, erased for good after your confirmation.")), before="audit")
register_page(PageSpec("sync", N_("Team sync"), "sync", lazy("app.ui.pages.sync_page:SyncPage"), N_(
    "Share case files with your team through a shared folder, encrypted from end to end.")))
register_page(PageSpec("audit", N_("Audit log"), "audit", lazy("app.ui.pages.audit_page:AuditPage"), N_(
    "Who viewed, changed, printed or exported which case, and when.")))
register_page(PageSpec("overview", N_("Overview"), "overview", lazy("app.ui.pages.overview_page:OverviewPage"), N_(
    "Deadlines due soon, your active cases by phase and the cases you opened recently, at a glance.")))
register_page(PageSpec("deadlines", N_("Deadlines"), "deadlines", lazy("app.ui.pages.deadlines_page:DeadlinesPage"), N_(
    "Residence documents, passports, 27th birthdays, reviews and agreement steps that fall due.")))
register_page(PageSpec("agreements", N_("Agreements"), "agreements",
                       lazy("app.ui.pages.agreements_page:AgreementsPage"), N_(
    "Zug-um-Zug agreements with the foreign nationals authority, step by step.")))


def _register_case_tabs() -> None:
    # The case view's agreements and residence-check tabs (app/ui/case_view/agreement_tabs.py).
    from app.ui.case_view.agreement_tabs import register_agreement_tabs

    register_agreement_tabs()


_register_case_tabs()


def page_spec(key: str) -> PageSpec:
    for spec in PAGES:
        if spec.key == key:
            return spec
    raise KeyError(key)


__all__ = ["PAGES", "START_PAGE", "PageFactory", "PageSpec", "lazy", "page_spec", "placeholder", "register_page"]
