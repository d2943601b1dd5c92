"""Open a case from anywhere in the window: the cases page shows it, at the tab that fits.

The cases page (app/ui/pages/cases_page.py) owns the open case view and has
``open_case(case_id, ref="", name="") -> CaseView | None`` (None when the user
kept another case open because of unsaved input). Pages that list cases
(overview, deadlines, agreements) call :func:`open_case_in_window`; they also
emit their own ``case_requested(case_id, tab)`` signal, so a window without
such a cases page can still react.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

# Which case tab answers for a deadline, by the start of its source (deadline_item.py).
TAB_FOR_SOURCE = (
    ("agreement_step:", "agreements"),
    ("rule:", "residence"),
    ("residence_document:", "person"),
    ("passport", "person"),
    ("consent:", "consents"),
    ("goal:", "goal_areas"),
)


def tab_for_deadline_source(source: str) -> str:
    """The case tab where a deadline from ``source`` is dealt with ("deadlines" for the rest)."""
    for prefix, tab in TAB_FOR_SOURCE:
        if source.startswith(prefix):
            return tab
    return "deadlines"


def open_case_in_window(widget: QWidget, case_id: str, ref: str = "", name: str = "", tab: str | None = None,
                        *, agreement_id: str | None = None) -> bool:
    """Show the case on the cases page of ``widget``'s main window, at ``tab`` if the view has it.

    Returns False when the window has no cases page that can open a case (nothing happens then)
    or the user kept the case that was open."""
    window = widget.window()
    host = getattr(window, "pages", None)
    page_for = getattr(host, "page", None)
    if page_for is None or getattr(window, "is_locked", False):
        return False
    try:
        cases_page = page_for("cases")
    except KeyError:
        return False
    opener = getattr(cases_page, "open_case", None)
    if opener is None:
        return False
    window.show_page("cases")
    view = opener(case_id, ref, name)
    if view is None:
        return False
    if tab and tab in getattr(view, "tab_keys", lambda: [])():
        shown = view.show_tab(tab)
        focus = getattr(shown, "focus_agreement", None)
        if agreement_id and focus is not None:
            focus(agreement_id)
    return True
