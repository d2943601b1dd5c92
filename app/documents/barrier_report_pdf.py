"""The barrier report for the steering group as a PDF, built in memory."""

from __future__ import annotations

import io
from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from app.documents.report_charts import bar_chart
from app.documents.report_pdf import MARGIN, _escape, _footer_for, fmt_date, period_text, table
from app.documents.report_style import styles
from app.services.reporting.barrier_report import BarrierReport
from app.services.reporting.disclosure import LESS_THAN_FIVE, WITHHELD
from app.services.reporting.labels import UNKNOWN_INSTITUTION

TITLE = "Strukturelle Hemmnisse – Bericht für die Lenkungsgruppe"


def _span(first: date | None, last: date | None) -> str:
    if first is None or last is None:
        return "–"
    return fmt_date(first) if first == last else f"{fmt_date(first)} – {fmt_date(last)}"


def barrier_report_pdf(report: BarrierReport, organisation: str, generated_on: date, *, compress: bool = True) -> bytes:
    s = styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=22 * mm,
        title=TITLE, author=organisation or "Lotse", pageCompression=1 if compress else 0,
    )
    story = [Paragraph(TITLE, s["title"])]
    story.append(Paragraph(f"Berichtszeitraum: <b>{period_text(report.scope)}</b>", s["subtitle"]))
    if organisation:
        story.append(Paragraph(f"Organisation: {_escape(organisation)}", s["subtitle"]))
    story.append(Paragraph(f"Erstellt am {fmt_date(generated_on)}", s["subtitle"]))
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph(
        "Hemmnisse, auf die Menschen im Case Management gestoßen sind, nach Kategorie und Institution. Ohne Namen und "
        f"Aktenzeichen; Beschreibungen nur, wo die Fallmanagerin oder der Fallmanager sie freigegeben hat, Namen darin "
        f"ersetzt durch [Name]. Werte von 1 bis 4: {_escape(LESS_THAN_FIVE)}; {WITHHELD}: gesperrt (5 oder mehr), "
        "damit sich kleine Werte nicht zurückrechnen lassen. Zeiträume nur bei nicht gesperrten Werten.",
        s["base"],
    ))
    if not report.categories:
        story.append(Spacer(1, 6 * mm))
        story.append(Paragraph("Im Zeitraum wurden keine Hemmnisse dokumentiert.", s["base"]))
    else:
        story.append(Spacer(1, 4 * mm))
        story.append(bar_chart([b.label for b in report.categories], [[b.count for b in report.categories]],
                               title="Hemmnisse nach Kategorie"))
        overview = [[b.label, b.count, _span(b.first, b.last)] for b in report.categories]
        overview.append(["Summe", report.total, ""])
        story.append(table(["Kategorie", "Anzahl", "Zeitraum"], overview, total_row=True, widths=[90 * mm, 25 * mm, 55 * mm]))
    for block in report.categories:
        parts = [Paragraph(_escape(block.label), s["h1"])]
        rows = [[line.institution or UNKNOWN_INSTITUTION, line.count, _span(line.first, line.last)] for line in block.institutions]
        parts.append(table(["Institution", "Anzahl", "Zeitraum"], rows, widths=[90 * mm, 25 * mm, 55 * mm]))
        story.append(KeepTogether(parts))
        if block.descriptions:
            story.append(Paragraph("Freigegebene Beschreibungen", s["h2"]))
            for institution, text in block.descriptions:
                prefix = f"<i>{_escape(institution)}:</i> " if institution else ""
                story.append(Paragraph(f"• {prefix}{_escape(text)}", s["quote"]))
    if report.pooled_descriptions:
        story.append(Paragraph("Weitere freigegebene Beschreibungen", s["h1"]))
        story.append(Paragraph("Aus Kategorien mit gesperrten Werten, ohne Zuordnung, damit die Zahl der Texte "
                               "keinen gesperrten Wert verrät.", s["note"]))
        for text in report.pooled_descriptions:
            story.append(Paragraph(f"• {_escape(text)}", s["quote"]))
    footer = _footer_for(TITLE, period_text(report.scope))
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
