"""Features plug pages into the sidebar through the registry."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from app.ui import pages as registry
from app.ui.main_window import MainWindow
from app.ui.pages import PageSpec, lazy, page_spec, register_page
from app.ui.pages.placeholder import PlaceholderPage

SIDEBAR = ["overview", "cases", "deadlines", "agreements", "agencies", "reports", "sync", "retention", "audit",
           "settings"]


@pytest.fixture
def restore_registry():
    saved = list(registry.PAGES)
    yield
    registry.PAGES[:] = saved


def test_the_sidebar_has_the_planned_entries_in_order(qtbot, vault, settings):
    assert [spec.key for spec in registry.PAGES] == SIDEBAR
    window = MainWindow(vault, settings)
    qtbot.addWidget(window)
    labels = [window.sidebar.list.item(row).text() for row in range(window.sidebar.list.count())]
    assert labels == ["Overview", "Cases", "Deadlines", "Agreements", "Agencies", "Reports",
                      "Team sync", "Retention", "Audit log", "Settings"]
    assert window.pages.current_key() == "overview"


def test_unbuilt_pages_show_a_tidy_placeholder(qtbot, vault, settings):
    # Every planned page is built now; a feature still to come gets the same stand-in.
    summary = "Letters to agencies, from templates an organisation adapts."
    specs = [PageSpec("letters", "Letters", "agreements",
                      lambda _vault: PlaceholderPage("Letters", summary, "agreements"), summary)]
    window = MainWindow(vault, settings, pages=specs)
    qtbot.addWidget(window)
    page = window.show_page("letters")
    assert isinstance(page, PlaceholderPage)
    assert page.title_label.text() == "Letters"
    assert "from templates" in page.summary_label.text()


def test_register_page_replaces_in_place_and_lazy_imports_on_first_visit(qtbot, vault, settings,
                                                                       restore_registry):
    made = []

    def cases_page(vault_arg):
        made.append(vault_arg)
        return QLabel("the real case list")

    register_page(PageSpec("cases", "Cases", "cases", cases_page))
    register_page(PageSpec("letters", "Letters", "agreements", lazy("app.ui.pages.placeholder:PlaceholderPage")),
                  before="settings")
    assert [spec.key for spec in registry.PAGES].index("cases") == 1
    assert [spec.key for spec in registry.PAGES][-2:] == ["letters", "settings"]
    assert page_spec("cases").factory is cases_page

    window = MainWindow(vault, settings)
    qtbot.addWidget(window)
    assert made == []  # pages are made on first visit, not at start
    page = window.show_page("cases")
    assert page.text() == "the real case list"
    assert made == [vault]
    assert window.show_page("cases") is page  # and kept


def test_a_page_that_fails_to_build_is_reported_and_replaced(qtbot, vault, settings):
    from app.ui import error_dialogs

    def broken(_vault):
        raise RuntimeError("bug in a page")

    specs = [PageSpec("overview", "Overview", "overview", broken)]
    window = MainWindow(vault, settings, pages=specs)
    qtbot.addWidget(window)
    assert isinstance(window.pages.page("overview"), PlaceholderPage)
    assert error_dialogs._crash_box is not None
    error_dialogs._crash_box.done(0)
    error_dialogs._crash_box = None
