"""The report PDFs: real PDFs with the German title, the period, the organisation,
and the "<5" rule in tables and charts."""

from __future__ import annotations

from datetime import date

import pytest

import tests.unit.pdf_inspect
from app.documents.barrier_report_pdf import barrier_report_pdf
from app.documents.report_charts import bar_chart
from app.documents.report_pdf import report_pdf
from app.models import Barrier
from app.services.reporting import ReportScope, build_report, publish
from app.services.reporting.barrier_report import build_barrier_report
from tests.unit.known_report_vault import PERIOD, build_known_vault


def pdf_text(data: bytes) -> str:
    """The text of every page, read back by pdfminer (the embedded Noto font
    writes glyph ids, not characters, into the content streams)."""
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    return " ".join(tests.unit.pdf_inspect.pdf_text(data).split())


def words(data: bytes) -> list[str]:
    return pdf_text(data).split()


@pytest.fixture
def published(vault):
    with vault.session() as session:
        cases = build_known_vault(session)
        session.add(Barrier(case_id=cases["active"][0].id, category="waiting_list", institution="Sprachkursträger A",
                            occurred_on=date(2025, 3, 9), shareable=True, description="Vorname1 Nachname1 wartet."))
    with vault.session() as session:
        published = publish(build_report(session, ReportScope(*PERIOD)))
        return published, build_barrier_report(session, published)


def test_report_pdf_first_page_and_figures(published):
    report, _barriers = published
    data = report_pdf(report, "Stadt Rheine", date(2026, 1, 15), compress=False)
    text = pdf_text(data)
    assert "Berichtswesen Kommunales" in text and "Integrationsmanagement" in text
    assert "01.01.2025 – 31.12.2025" in text
    assert "Stadt Rheine" in text and "Erstellt am 15.01.2026" in text
    assert "Zugang zu Sprache ermöglichen" in text  # German goal-area labels
    assert "<5" in words(data) and "x" in words(data)  # marks in tables and charts
    assert data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") >= 4
    assert report_pdf(report, "Stadt Rheine", date(2026, 1, 15))[:5] == b"%PDF-"  # compressed as well


def test_withheld_bars_are_not_drawn_with_their_value():
    drawing = bar_chart(["a", "b", "c"], [[12, "<5", "x"]])
    chart = drawing.contents[0]
    assert chart.data == [[0, 0, 12]]  # reversed: first category on top; marks draw no bar
    assert chart.barLabelArray == [["x", "<5", "12"]]
    # The scale follows the shown figures only.
    assert chart.valueAxis.valueMax < 20


def test_barrier_report_pdf_carries_no_name(published):
    _report, barriers = published
    data = barrier_report_pdf(barriers, "Stadt Rheine", date(2026, 1, 15), compress=False)
    text = pdf_text(data)
    assert "Lenkungsgruppe" in text
    assert "Vorname1" not in text and "Nachname1" not in text
    assert "[Name] wartet." in text
