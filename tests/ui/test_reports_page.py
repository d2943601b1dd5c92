"""The report page on a vault with known numbers: the published figures, the charts, the exports."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.models import AuditEntry
from app.services.reporting import ReportScope, publish, report_csv
from app.services.reporting.use_cases import report_for
from app.ui.pages.report_periods import preset_period
from app.ui.pages.reports_page import ReportsPage
from tests.ui.helpers import click
from tests.unit.known_report_vault import PERIOD, build_known_vault

WAIT_MS = 20_000


@pytest.fixture
def known_vault(vault):
    with vault.session() as session:
        build_known_vault(session)
    return vault


def shown_for(qtbot, page: ReportsPage, first: date, last: date) -> None:
    page.date_from.setDate(QDate(first.year, first.month, first.day))
    page.date_to.setDate(QDate(last.year, last.month, last.day))
    qtbot.waitUntil(lambda: not page.tasks.busy, timeout=WAIT_MS)  # the first report, opened on its own
    click(qtbot, page.show_button)
    qtbot.waitUntil(lambda: not page.tasks.busy and page.published is not None
                    and page.published.scope.period_from == first, timeout=WAIT_MS)


@pytest.fixture
def page(qtbot, known_vault, settings):
    page = ReportsPage(known_vault, settings=settings)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    shown_for(qtbot, page, *PERIOD)
    return page


def test_the_page_shows_the_published_figures_with_their_marks(page):
    cases = page.view.tables["cases"]
    assert [cases.shown(cases.row_of("Case Management"), c) for c in (1, 2, 3)] == ["x", "x", "x"]
    assert [cases.shown(cases.row_of("Verweisberatung"), c) for c in (1, 2, 3)] == ["<5", "<5", "<5"]
    assert [cases.shown(cases.row_of("Total"), c) for c in (1, 2, 3)] == ["15", "22", "11"]

    ages = page.view.tables["age_groups"]
    assert ages.shown(ages.row_of("unter 18 Jahre"), 1) == "<5"
    assert ages.shown(ages.row_of("18 bis 27 Jahre"), 1) == "12"
    assert ages.shown(ages.row_of("über 27 Jahre"), 1) == "x"
    goals = page.view.tables["goals"]
    assert goals.shown(goals.row_of("Zugang zu Sprache ermöglichen"), 1) == "9"
    assert goals.shown(goals.row_of("Zugang zu Sprache ermöglichen"), 2) == "x"
    institutions = page.view.tables["barrier_institutions"]
    assert institutions.shown(institutions.row_of(
        "Jobcenter Musterkreis (Ablehnung / Nichtannahme durch Behörde)"), 1) == "<5"
    assert page.view.tables["case_conferences"].shown(0, 1) == "<5"
    assert page.view.tiles == {"opened": "15", "active": "22", "closed": "11", "conferences": "<5",
                               "goals_set": "20", "goals_attained": "x", "referrals": "19", "barriers": "18"}
    # No raw figure from 1 to 4 anywhere on the page.
    for table in page.view.tables.values():
        for row in range(table.rowCount()):
            for column in range(1, table.columnCount()):
                assert table.shown(row, column) not in {"1", "2", "3", "4"}


def test_every_figure_equals_the_published_report(page, known_vault):
    published = publish(report_for(known_vault, ReportScope(*PERIOD)))
    assert page.published.sections == published.sections
    residence = page.view.tables["residence_status"]
    shown = [residence.shown(row, 1) for row in range(residence.rowCount())]
    assert shown == [str(v) for v in published.sections["residence_status"].values()]


def test_charts_draw_no_bar_for_a_withheld_figure_and_scale_to_shown_ones(page):
    ages = page.view.charts["age_groups"]
    assert ages.categories() == ["unter 18 Jahre", "18 bis 27 Jahre", "über 27 Jahre", "unbekannt"]
    assert ages.values() == ["<5", 12, "x", "<5"]
    bars = {bar.category: bar for bar in ages.bars()}
    assert bars[1].rect.width() > 0
    for withheld in (0, 2, 3):
        assert bars[withheld].rect.width() == 0 and bars[withheld].value in ("<5", "x")
    assert ages.axis_end() == 15  # from the shown 12 only; the withheld 7 plays no part
    goals = page.view.charts["goals"]
    assert goals.values(0)[:3] == ["<5", 0, 9] and goals.values(1)[2] == "x"
    referrals = page.view.charts["referrals"]
    assert "SGB II (Jobcenter): x" in referrals.accessibleDescription()


def test_rows_of_a_chart_line_up_with_the_rows_of_its_table(page):
    table, chart = page.view.tables["age_groups"], page.view.charts["age_groups"]
    for row, bar in enumerate(b for b in chart.bars()):
        table_middle = table.mapTo(page, table.visualRect(table.model().index(row, 0)).center()
                                   + table.viewport().pos()).y()
        chart_middle = chart.mapTo(page, bar.rect.center().toPoint()).y()
        assert abs(table_middle - chart_middle) <= 2


def test_save_csv_writes_exactly_the_services_csv(page, known_vault, tmp_path, monkeypatch, qtbot):
    target = tmp_path / "bericht"  # no suffix typed: .csv is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    click(qtbot, page.save_csv_button)
    written = tmp_path / "bericht.csv"
    qtbot.waitUntil(lambda: written.exists() and not page.tasks.busy, timeout=WAIT_MS)
    assert written.read_bytes() == report_csv(publish(report_for(known_vault, ReportScope(*PERIOD))))
    assert str(written) in page.status.text()
    with known_vault.session() as session:
        logged = [e.detail for e in session.query(AuditEntry).filter_by(action="report.exported")]
    assert logged == ["from=2025-01-01;to=2025-12-31;outputs=csv"]


def test_save_pdf_and_barrier_report_write_pdfs(page, tmp_path, monkeypatch, qtbot):
    for kind, button, name in (("pdf", page.save_pdf_button, "bericht.pdf"),
                               ("barriers", page.save_barriers_button, "hemmnisse.pdf")):
        target = tmp_path / name
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, target=target, **k: (str(target), ""))
        click(qtbot, button)
        qtbot.waitUntil(lambda target=target: target.exists() and not page.tasks.busy, timeout=WAIT_MS)
        assert target.read_bytes().startswith(b"%PDF"), kind
        assert str(target) in page.status.text()


def test_cancelling_the_save_dialog_writes_nothing(page, tmp_path, monkeypatch, qtbot):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: ("", ""))
    click(qtbot, page.save_csv_button)
    assert not page.tasks.busy and page.status.text() == ""


def test_filters_narrow_the_report(page, qtbot):
    page.case_manager.setCurrentIndex(page.case_manager.findData("Ben Kaya"))
    click(qtbot, page.show_button)
    qtbot.waitUntil(lambda: page.published.scope.case_manager == "Ben Kaya" and not page.tasks.busy, timeout=WAIT_MS)
    assert page.published.sections["cases_opened"]["total"] == "<5"  # Ben opened 4: published as "<5"
    assert "Ben Kaya" in page.scope_label.text()
    page.programme.setCurrentIndex(page.programme.findData("gk"))
    click(qtbot, page.show_button)
    qtbot.waitUntil(lambda: page.published.scope.programme == "gk" and not page.tasks.busy, timeout=WAIT_MS)


def test_an_upside_down_period_is_said_not_computed(page, qtbot):
    page.date_from.setDate(QDate(2025, 6, 1))
    page.date_to.setDate(QDate(2025, 1, 1))
    click(qtbot, page.show_button)
    boxes = [box for box in page.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1 and "ends before it starts" in boxes[0].informativeText()
    boxes[0].close()
    assert not page.tasks.busy
    assert page.published.scope.period_from == PERIOD[0]  # the report shown stays


def test_presets():
    assert preset_period("this_quarter", date(2026, 11, 21)) == (date(2026, 10, 1), date(2026, 12, 31))
    assert preset_period("last_quarter", date(2026, 2, 3)) == (date(2025, 10, 1), date(2025, 12, 31))
    assert preset_period("last_quarter", date(2026, 8, 31)) == (date(2026, 4, 1), date(2026, 6, 30))
    assert preset_period("this_year", date(2026, 1, 1)) == (date(2026, 1, 1), date(2026, 12, 31))
    assert preset_period("last_year", date(2026, 12, 31)) == (date(2025, 1, 1), date(2025, 12, 31))


def test_locking_clears_the_figures_and_unlocking_shows_them_again(page, known_vault, qtbot):
    from app.storage.vault import Vault
    from tests.conftest import TEST_PASSWORD

    page.on_vault_locked()
    known_vault.lock()
    assert page.view.tables == {} and not page.save_csv_button.isEnabled()
    assert page.date_from.date() == QDate(2025, 1, 1)  # the user's input survives the lock
    again = Vault.unlock(known_vault.directory, TEST_PASSWORD)
    try:
        page.on_vault_unlocked(again)
        qtbot.waitUntil(lambda: page.published is not None and not page.tasks.busy, timeout=WAIT_MS)
        assert page.view.tables["cases"].shown(2, 1) == "15"
    finally:
        again.lock()


def test_the_sidebar_opens_the_report_page(qtbot, known_vault, settings):
    from app.ui.main_window import MainWindow

    window = MainWindow(known_vault, settings)
    qtbot.addWidget(window)
    page = window.show_page("reports")
    assert isinstance(page, ReportsPage)
    qtbot.waitUntil(lambda: page.published is not None and not page.tasks.busy, timeout=WAIT_MS)
