"""Column widths the user drags in the case list are there again in the next window."""

from __future__ import annotations

from app.settings import Settings
from app.ui.main_window import MainWindow
from app.ui.pages.case_list_model import COLUMN_KEYS
from app.ui.pages.cases_page import NAME_COLUMN

PHASE_COLUMN = COLUMN_KEYS.index("phase")

LOAD_TIMEOUT = 10_000


def open_cases(qtbot, vault, settings) -> tuple[MainWindow, object]:
    window = MainWindow(vault, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.startup.task is None, timeout=LOAD_TIMEOUT)
    page = window.show_page("cases")
    qtbot.waitUntil(lambda: not page.model.is_loading(), timeout=LOAD_TIMEOUT)
    return window, page


def test_a_dragged_column_width_is_remembered(qtbot, vault, settings):
    window, page = open_cases(qtbot, vault, settings)
    header = page.table.horizontalHeader()
    default = header.sectionSize(PHASE_COLUMN)
    header.resizeSection(PHASE_COLUMN, default + 77)  # what a drag on the section edge does
    qtbot.waitUntil(lambda: '"cases"' in Settings().get("ui/column_widths"), timeout=LOAD_TIMEOUT)
    window._closed = True
    window.close()

    _again, page = open_cases(qtbot, vault, settings)
    header = page.table.horizontalHeader()
    assert header.sectionSize(PHASE_COLUMN) == default + 77
    # The name takes the room the other columns leave: no sideways scrolling.
    qtbot.waitUntil(lambda: sum(header.sectionSize(i) for i in range(header.count()) if not header.isSectionHidden(i))
                    == max(page.table.viewport().width(), page.name_fill.minimum
                           + sum(header.sectionSize(i) for i in range(header.count())
                                 if i != NAME_COLUMN and not header.isSectionHidden(i))),
                    timeout=LOAD_TIMEOUT)
    _again._closed = True


def test_a_damaged_setting_falls_back_to_the_page_widths(qtbot, vault, settings):
    Settings().set("ui/column_widths", "not json")
    window, page = open_cases(qtbot, vault, settings)
    assert page.table.horizontalHeader().sectionSize(NAME_COLUMN) > 100
    window._closed = True
