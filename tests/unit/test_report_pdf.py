"""The report PDFs: real PDFs with the German title, the period, the organisation,
and the "<5" rule in tables and charts."""

from __future__ import annotations

import zlib
from datetime import date

import pytest

from app.documents.barrier_report_pdf import barrier_report_pdf
from app.documents.report_charts import bar_chart
from app.documents.report_pdf import report_pdf
from app.models import Barrier
from app.services.reporting import ReportScope, build_report, publish
from app.services.reporting.barrier_report import build_barrier_report
from tests.unit.known_report_vault import PERIOD, build_known_vault


def pdf_text(data: bytes) -> bytes:
    """The page content streams, inflated when compressed."""
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    out = b""
    for chunk in data.split(b"stream\r\n")[1:] + data.split(b"stream\n")[1:]:
        body = chunk.split(b"endstream")[0]
        try:
            out += zlib.decompress(body)
        except zlib.error:
            out += body
    return out


def shown(text: str) -> bytes:
    """How ReportLab writes a string of Helvetica text into the page: WinAnsi, octal escapes."""
    return b"".join(bytes([b]) if b < 128 else b"\\%03o" % b for b in text.encode("cp1252"))


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
    assert b"Berichtswesen Kommunales" in text and b"Integrationsmanagement" in text
    assert shown("01.01.2025 – 31.12.2025") in text
    assert b"Stadt Rheine" in text and b"Erstellt am 15.01.2026" in text
    assert shown("Zugang zu Sprache ermöglichen") in text  # German goal-area labels
    assert b"(<5)" in text and b"(x)" in text  # marks in tables and charts
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
    assert b"Lenkungsgruppe" in text
    assert b"Vorname1" not in text and b"Nachname1" not in text
    assert b"[Name] wartet." in text
