"""The report (Berichtswesen) as a PDF, built in memory.

Only a *published* report goes in: every figure already follows the "<5"
rule and complementary suppression; tables and charts show the marks.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.documents.report_charts import bar_chart
from app.documents.report_style import (
    ACCENT,
    HEADER_FILL,
    INK,
    MUTED,
    RULE,
    SUPPRESSED,
    report_fonts,
    styles,
)
from app.services.reporting import labels
from app.services.reporting import report as r
from app.services.reporting.disclosure import (
    LESS_THAN_FIVE,
    TOTAL,
    WITHHELD,
    PublishedReport,
    Value,
)

TITLE = "Berichtswesen Kommunales Integrationsmanagement"
PROGRAMME_LABELS = labels.PROGRAMMES
MARGIN = 20 * mm


def fmt_date(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def period_text(scope: r.ReportScope) -> str:
    return f"{fmt_date(scope.period_from)} – {fmt_date(scope.period_to)}"


def fmt_value(value: Value) -> str:
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")  # German thousands separator
    return value


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def table(header: list[str], rows: list[list], *, total_row: bool = False, widths: list[float] | None = None) -> Table:
    """A figures table: text in the first column, numbers right-aligned, marks in grey."""
    s = styles()
    fonts = report_fonts()
    data = [[Paragraph(_escape(h), s["cell_bold" if i == 0 else "cell_bold_right"]) for i, h in enumerate(header)]]
    for row in rows:
        data.append([Paragraph(_escape(row[0]), s["cell"]), *[fmt_value(v) for v in row[1:]]])
    widths = widths or [90 * mm] + [(170 * mm - 90 * mm) / max(1, len(header) - 1)] * (len(header) - 1)
    t = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    commands = [
        ("FONT", (1, 1), (-1, -1), fonts.regular, 9),
        ("TEXTCOLOR", (1, 1), (-1, -1), INK),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if total_row:
        commands += [("LINEABOVE", (0, -1), (-1, -1), 0.8, INK), ("FONT", (1, -1), (-1, -1), fonts.bold, 9)]
        data[-1][0] = Paragraph(_escape(rows[-1][0]), s["cell_bold"])
    for i, row in enumerate(rows, start=1):
        for j, v in enumerate(row[1:], start=1):
            if v in (LESS_THAN_FIVE, WITHHELD):
                commands += [("TEXTCOLOR", (j, i), (j, i), SUPPRESSED), ("FONT", (j, i), (j, i), fonts.italic, 9)]
    t.setStyle(TableStyle(commands))
    return t


def _section_rows(published: PublishedReport, section: str, label_of: Callable[[str], str], *, keep_zero_rows: bool = True) -> list[list]:
    cells = published.sections[section]
    rows = [[label_of(k), v] for k, v in cells.items() if k != TOTAL and (keep_zero_rows or v != 0)]
    if TOTAL in cells:
        rows.append(["Summe", cells[TOTAL]])
    return rows


def report_pdf(published: PublishedReport, organisation: str, generated_on: date, *, compress: bool = True) -> bytes:
    """The report PDF: a title page, then cases, people, goals, need levels, referrals, barriers."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=22 * mm,
        title=TITLE, author=organisation or "Lotse", subject=f"Berichtszeitraum {period_text(published.scope)}",
        pageCompression=1 if compress else 0,
    )
    story = _title_page(published, organisation, generated_on)
    story += _cases(published)
    story += _people(published)
    story += _goals(published)
    story += _need_levels(published)
    story += _referrals(published)
    story += _barriers(published)
    footer = _footer_for(TITLE, period_text(published.scope))
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def _footer_for(title: str, period: str):
    """Draws the footer on every page: title, period, "aggregates only", page number."""
    fonts = report_fonts()

    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, 15 * mm, A4[0] - MARGIN, 15 * mm)
        canvas.setFont(fonts.regular, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, 10.5 * mm, f"{title} · {period} · nur aggregierte Zahlen")
        canvas.drawRightString(A4[0] - MARGIN, 10.5 * mm, f"Seite {doc.page}")
        canvas.restoreState()

    return draw


def _title_page(published: PublishedReport, organisation: str, generated_on: date) -> list:
    s = styles()
    scope = published.scope
    story = [Spacer(1, 30 * mm), Paragraph(TITLE, s["title"]), Spacer(1, 4 * mm)]
    story.append(Paragraph(f"Berichtszeitraum: <b>{period_text(scope)}</b>", s["subtitle"]))
    if organisation:
        story.append(Paragraph(f"Organisation: {_escape(organisation)}", s["subtitle"]))
    scope_parts = []
    if scope.programme:
        scope_parts.append(f"Programm: {PROGRAMME_LABELS[scope.programme]}")
    if scope.case_manager:
        scope_parts.append(f"Fallmanagement: {_escape(scope.case_manager)}")
    story.append(Paragraph(" · ".join(scope_parts) or "Alle Fälle des Teams", s["subtitle"]))
    story.append(Paragraph(f"Erstellt am {fmt_date(generated_on)}", s["subtitle"]))
    story.append(Spacer(1, 12 * mm))
    sec = published.sections
    story.append(Paragraph("Auf einen Blick", s["h1"]))
    story.append(
        table(
            ["", "Anzahl"],
            [
                ["Neu aufgenommene Fälle", sec[r.CASES_OPENED][TOTAL]],
                ["Im Zeitraum aktive Fälle", sec[r.CASES_ACTIVE][TOTAL]],
                ["Abgeschlossene Fälle", sec[r.CASES_CLOSED][TOTAL]],
                ["Gesetzte Ziele", sec[r.GOALS_SET][TOTAL]],
                ["Erreichte Ziele", sec[r.GOALS_ATTAINED][TOTAL]],
                ["Verweisungen", sec[r.REFERRALS][TOTAL]],
                ["Dokumentierte Hemmnisse", sec[r.BARRIERS][TOTAL]],
                ["Fallkonferenzen", sec[r.CASE_CONFERENCES]["count"]],
            ],
            widths=[120 * mm, 50 * mm],
        )
    )
    story.append(Spacer(1, 10 * mm))
    story.append(Paragraph("Lesehilfe und Datenschutz", s["h2"]))
    story.append(
        Paragraph(
            "Der Bericht enthält ausschließlich aggregierte Zahlen, keine Namen und keine Aktenzeichen. "
            f"Werte von 1 bis 4 erscheinen als <b>{_escape(LESS_THAN_FIVE)}</b>. Damit sie sich nicht aus Summen "
            f"zurückrechnen lassen, sind weitere Werte gesperrt und als <b>{WITHHELD}</b> markiert (Wert 5 oder mehr); "
            "auch Summen können gesperrt sein. Zeigt eine Tabelle gar keine Zahl, steht dort <5 für 0 bis 4. "
            "In Diagrammen werden gesperrte Werte nicht als Balken gezeichnet. Eine 0 bedeutet: kein Fall.",
            s["base"],
        )
    )
    story.append(PageBreak())
    return story


def _chart_note() -> Paragraph:
    return Paragraph(f"{_escape(LESS_THAN_FIVE)}: Wert von 1 bis 4, ohne Balken · {WITHHELD}: gesperrt (5 oder mehr), ohne Balken", styles()["note"])


def _cases(published: PublishedReport) -> list:
    s, sec = styles(), published.sections
    rows = [
        [labels.label(labels.CASE_TYPES, t), sec[r.CASES_OPENED][t], sec[r.CASES_ACTIVE][t], sec[r.CASES_CLOSED][t]]
        for t in sec[r.CASES_OPENED]
        if t != TOTAL
    ]
    rows.append(["Summe", sec[r.CASES_OPENED][TOTAL], sec[r.CASES_ACTIVE][TOTAL], sec[r.CASES_CLOSED][TOTAL]])
    story = [Paragraph("1. Fälle", s["h1"])]
    story.append(table(["Fallart", "Neu aufgenommen", "Aktiv", "Abgeschlossen"], rows, total_row=True,
                       widths=[62 * mm, 36 * mm, 36 * mm, 36 * mm]))
    story.append(Paragraph("Aktiv: an mindestens einem Tag des Zeitraums offen.", s["note"]))
    story.append(Paragraph("Abschlussgründe der abgeschlossenen Fälle", s["h2"]))
    story.append(table(["Abschlussgrund", "Fälle"], _section_rows(published, r.CLOSING_REASONS, lambda k: labels.label(labels.CLOSING_REASONS, k)),
                       total_row=True, widths=[120 * mm, 50 * mm]))
    return story


def _people(published: PublishedReport) -> list:
    s, sec = styles(), published.sections
    ages = sec[r.AGE_GROUPS_SECTION]
    story = [CondPageBreak(90 * mm), Paragraph("2. Personen in aktiven Fällen", s["h1"])]
    story.append(Paragraph("Altersgruppen", s["h2"]))
    story.append(table(["Alter am Ende des Zeitraums", "Personen"],
                       _section_rows(published, r.AGE_GROUPS_SECTION, lambda k: labels.label(labels.AGE_GROUPS, k)),
                       total_row=True, widths=[120 * mm, 50 * mm]))
    keys = [k for k in ages if k != TOTAL]
    story.append(Spacer(1, 3 * mm))
    story.append(bar_chart([labels.label(labels.AGE_GROUPS, k) for k in keys], [[ages[k] for k in keys]]))
    story.append(_chart_note())
    story.append(Paragraph(
        "Bei unvollständigem Geburtsdatum wird die Mitte angenommen: nur Jahr bekannt – 1. Juli, nur Monat – der 15.",
        s["note"]))
    story.append(KeepTogether([
        Paragraph("Aufenthaltsstatus", s["h2"]),
        table(["Aktueller Aufenthaltsstatus", "Personen"],
              _section_rows(published, r.RESIDENCE_STATUS, lambda k: labels.label(labels.RESIDENCE_STATUS, k)),
              total_row=True, widths=[120 * mm, 50 * mm]),
    ]))
    return story


def _goals(published: PublishedReport) -> list:
    s, sec = styles(), published.sections
    areas = [k for k in sec[r.GOALS_SET] if k != TOTAL]
    rows = [[labels.label(labels.GOAL_AREAS, a), sec[r.GOALS_SET][a], sec[r.GOALS_ATTAINED][a]] for a in areas]
    rows.append(["Summe", sec[r.GOALS_SET][TOTAL], sec[r.GOALS_ATTAINED][TOTAL]])
    story = [CondPageBreak(120 * mm), Paragraph("3. Ziele nach Handlungsfeld", s["h1"])]
    story.append(table(["Handlungsfeld", "Gesetzt", "Erreicht"], rows, total_row=True, widths=[110 * mm, 30 * mm, 30 * mm]))
    story.append(Paragraph("Gesetzt: im Zeitraum vereinbart. Erreicht: im Zeitraum als erreicht abgeschlossen "
                           "(auch Ziele aus früheren Zeiträumen).", s["note"]))
    story.append(Spacer(1, 4 * mm))
    story.append(bar_chart([labels.label(labels.GOAL_AREAS_SHORT, a) for a in areas],
                           [[sec[r.GOALS_SET][a] for a in areas], [sec[r.GOALS_ATTAINED][a] for a in areas]],
                           ["Gesetzt", "Erreicht"], "Ziele: gesetzt und erreicht"))
    story.append(_chart_note())
    return story


def _need_levels(published: PublishedReport) -> list:
    s, sec = styles(), published.sections
    before, after = sec[r.NEED_LEVELS_ASSESSMENT], sec[r.NEED_LEVELS_CLOSURE]
    areas = [k.split(":")[0] for k in before if k.endswith(":" + TOTAL)]
    rows = []
    for area in areas:
        if before[f"{area}:{TOTAL}"] == 0:
            continue
        rows.append([labels.label(labels.GOAL_AREAS_SHORT, area), *[before[f"{area}:{lv}"] for lv in r.NEED_LEVELS],
                     *[after[f"{area}:{lv}"] for lv in r.NEED_LEVELS], before[f"{area}:{TOTAL}"]])
    story = [CondPageBreak(70 * mm), Paragraph("4. Bedarfe zu Beginn und bei Abschluss", s["h1"])]
    story.append(Paragraph(
        "Fälle, die im Zeitraum abgeschlossen wurden und in einem Handlungsfeld sowohl im Assessment als auch bei "
        "Abschluss eingeschätzt sind: Anzahl je Bedarfsstufe (0 kein, 1 gering, 2 mittel, 3 hoch). Beide Zeilenhälften "
        "beschreiben dieselben Personen.", s["base"]))
    story.append(Spacer(1, 2 * mm))
    if not rows:
        story.append(Paragraph("Im Zeitraum wurde kein Fall mit beiden Einschätzungen abgeschlossen.", s["note"]))
        return story
    header = ["Handlungsfeld", "A 0", "A 1", "A 2", "A 3", "E 0", "E 1", "E 2", "E 3", "Fälle"]
    story.append(table(header, rows, widths=[44 * mm] + [14 * mm] * 8 + [14 * mm]))
    story.append(Paragraph("A = Assessment (Beginn), E = Abschluss.", s["note"]))
    return story


def _referrals(published: PublishedReport) -> list:
    s, sec = styles(), published.sections
    cells = sec[r.REFERRALS]
    keys = [k for k in cells if k != TOTAL]
    story = [CondPageBreak(110 * mm), Paragraph("5. Verweisungen nach Rechtskreis", s["h1"])]
    story.append(table(["Rechtskreis", "Verweisungen"],
                       _section_rows(published, r.REFERRALS, lambda k: labels.label(labels.LEGAL_DOMAINS, k)),
                       total_row=True, widths=[120 * mm, 50 * mm]))
    story.append(Spacer(1, 4 * mm))
    story.append(bar_chart([labels.label(labels.LEGAL_DOMAINS, k) for k in keys], [[cells[k] for k in keys]]))
    story.append(_chart_note())
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph("Fallkonferenzen", s["h2"]))
    story.append(table(["", "Anzahl"], [["Fallkonferenzen im Zeitraum", sec[r.CASE_CONFERENCES]["count"]]],
                       widths=[120 * mm, 50 * mm]))
    return story


def _barriers(published: PublishedReport) -> list:
    s, sec = styles(), published.sections
    cells = sec[r.BARRIERS]
    keys = [k for k in cells if k != TOTAL]
    story = [CondPageBreak(90 * mm), Paragraph("6. Strukturelle Hemmnisse", s["h1"])]
    if not keys:
        story.append(Paragraph("Im Zeitraum wurden keine Hemmnisse dokumentiert.", s["base"]))
        return story
    story.append(table(["Kategorie", "Hemmnisse"],
                       _section_rows(published, r.BARRIERS, lambda k: labels.label(labels.BARRIER_CATEGORIES, k)),
                       total_row=True, widths=[120 * mm, 50 * mm]))
    story.append(Spacer(1, 4 * mm))
    story.append(bar_chart([labels.label(labels.BARRIER_CATEGORIES, k) for k in keys], [[cells[k] for k in keys]]))
    story.append(_chart_note())
    pairs = sec[r.BARRIER_INSTITUTIONS]
    rows = []
    for key, v in pairs.items():
        if key == TOTAL:
            continue
        category, institution = key.split(r.INSTITUTION_SEPARATOR, 1)
        name = labels.UNKNOWN_INSTITUTION if institution == r.UNKNOWN else institution
        rows.append([f"{name} ({labels.label(labels.BARRIER_CATEGORIES, category)})", v])
    rows.append(["Summe", pairs[TOTAL]])
    story.append(KeepTogether([Paragraph("Nach Institution", s["h2"]),
                               table(["Institution (Kategorie)", "Hemmnisse"], rows, total_row=True, widths=[120 * mm, 50 * mm])]))
    story.append(Paragraph("Beschreibungen und Zeiträume enthält der gesonderte Hemmnisbericht für die Lenkungsgruppe.", s["note"]))
    return story


