"""The tabs of the case view, and how a feature plugs one in.

``CASE_TABS`` lists the tabs in order. Each :class:`CaseTabSpec` has a stable
``key``, an English ``label`` marked with ``N_()`` (the tab shows ``_(label)``)
and a ``factory(ctx: CaseContext) -> QWidget``. A tab widget implements:

``show_case(detail: dict) -> None``
    Render the case file dict (``app.services.case_file.case_detail``). Called
    after every load and reload. A tab with unsaved input must keep that input
    (it may refresh what the user is not editing).

and optionally:

``has_unsaved_changes() -> bool`` and ``save() -> bool``
    For forms that save explicitly. ``save()`` returns False when it could not
    save (it already showed why); the view then keeps the case open.

``unsaved_changed``  (a ``Signal(bool)``)
    Emitted when the unsaved state flips; the view marks the tab title.

A feature replaces its placeholder line below (or adds a tab) with
``register_case_tab(CaseTabSpec(key, N_(label), lazy_tab("module:Class")), before=None)``,
at import time of its module or before a case view is built. ``lazy_tab``
imports the tab's module only when the first case opens.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from app.i18n import N_, _
from app.ui.case_view.context import CaseContext

CaseTabFactory = Callable[[CaseContext], QWidget]


@dataclass(frozen=True)
class CaseTabSpec:
    key: str  # stable id: tests and navigation use it
    label: str  # English, marked with N_(); the tab shows _(label)
    factory: CaseTabFactory


def lazy_tab(target: str) -> CaseTabFactory:
    """A factory that imports ``"package.module:Class"`` on first use and calls it with the context."""
    module_name, _sep, attribute = target.partition(":")

    def factory(ctx: CaseContext) -> QWidget:
        return getattr(importlib.import_module(module_name), attribute)(ctx)

    factory.__qualname__ = f"lazy_tab({target!r})"
    return factory


def placeholder_tab(label: str) -> CaseTabFactory:
    """The stand-in for a tab that a later version builds."""

    def factory(_ctx: CaseContext) -> QWidget:
        from app.ui.case_view.placeholder_tab import PlaceholderTab

        return PlaceholderTab(_(label))

    return factory


def _placeholder(key: str, label: str) -> CaseTabSpec:
    return CaseTabSpec(key, label, placeholder_tab(label))


CASE_TABS: list[CaseTabSpec] = [
    CaseTabSpec("person", N_("Person"), lazy_tab("app.ui.case_view.person_tab:PersonTab")),
    CaseTabSpec("goal_areas", N_("Goal areas"), lazy_tab("app.ui.case_view.goal_areas_tab:GoalAreasTab")),
    _placeholder("contacts", N_("Contacts")),
    _placeholder("referrals", N_("Referrals")),
    _placeholder("consents", N_("Consents")),
    _placeholder("barriers", N_("Barriers")),
    _placeholder("measures", N_("Measures")),
    _placeholder("documents", N_("Documents")),
    _placeholder("deadlines", N_("Deadlines")),
]


def register_case_tab(spec: CaseTabSpec, before: str | None = None) -> None:
    """Add a tab, or replace the tab with the same key where it stands.

    ``before`` puts a new tab in front of an existing key (else it goes last)."""
    for index, existing in enumerate(CASE_TABS):
        if existing.key == spec.key:
            CASE_TABS[index] = spec
            return
    if before is not None:
        for index, existing in enumerate(CASE_TABS):
            if existing.key == before:
                CASE_TABS.insert(index, spec)
                return
    CASE_TABS.append(spec)


def case_tab_spec(key: str) -> CaseTabSpec:
    for spec in CASE_TABS:
        if spec.key == key:
            return spec
    raise KeyError(key)


__all__ = ["CASE_TABS", "CaseTabFactory", "CaseTabSpec", "case_tab_spec", "lazy_tab", "placeholder_tab",
           "register_case_tab"]
