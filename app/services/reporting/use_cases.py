"""The report use cases the GUI and the CLI call: each owns its transaction.

``report_for`` gives the raw counts; ``published_report_for`` the figures as
every export shows them ("<5", "x"), which is what the app's report page
displays, so the screen and the PDF handed out never differ; ``export_report``
gives what may leave the app — the published figures, and the PDF / CSV /
barrier PDF asked for — and logs the export. ``case_managers`` lists the
names the report can be filtered by. Run them off the GUI thread
(ARCHITECTURE.md: long work).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.models import Case
from app.services import audit
from app.services.reporting.barrier_report import build_barrier_report
from app.services.reporting.csv_export import report_csv
from app.services.reporting.disclosure import PublishedReport, publish
from app.services.reporting.report import Report, ReportScope, build_report

EXPORT_ACTION = "report.exported"


@dataclass(frozen=True)
class ReportExport:
    published: PublishedReport
    pdf: bytes | None = None
    csv: bytes | None = None
    barrier_pdf: bytes | None = None


def report_for(vault, scope: ReportScope) -> Report:
    with vault.read_session() as session:
        return build_report(session, scope)


def published_report_for(vault, scope: ReportScope) -> PublishedReport:
    """The published figures for the app's report page. Not logged: nothing leaves the app."""
    return publish(report_for(vault, scope))


def case_managers(vault) -> list[str]:
    """The case managers named on cases, for the report's filter (sorted, no blanks)."""
    with vault.read_session() as session:
        names = session.scalars(select(Case.case_manager).where(Case.case_manager != "").distinct())
        return sorted(names, key=str.casefold)


def export_report(
    vault,
    scope: ReportScope,
    *,
    organisation: str = "",
    generated_on: date | None = None,
    pdf: bool = False,
    csv: bool = False,
    barrier_pdf: bool = False,
) -> ReportExport:
    """The published report and the requested documents, built in memory; the export is logged
    (period and outputs only)."""
    from app.documents.barrier_report_pdf import barrier_report_pdf
    from app.documents.report_pdf import report_pdf

    generated_on = generated_on or date.today()
    outputs = [name for name, wanted in (("pdf", pdf), ("csv", csv), ("barriers", barrier_pdf)) if wanted]
    with vault.session() as session:
        published = publish(build_report(session, scope))
        barriers = build_barrier_report(session, published) if barrier_pdf else None
        audit.record(
            session, vault.user_name, EXPORT_ACTION,
            detail=f"from={scope.period_from};to={scope.period_to};outputs={','.join(outputs) or 'data'}",
        )
    return ReportExport(
        published,
        report_pdf(published, organisation, generated_on) if pdf else None,
        report_csv(published) if csv else None,
        barrier_report_pdf(barriers, organisation, generated_on) if barriers is not None else None,
    )
