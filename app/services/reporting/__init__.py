"""Reporting (Berichtswesen): counts for a period, disclosure control, CSV.

``build_report`` counts (raw, for the app's own page); ``publish`` applies the
"<5" rule with complementary suppression (for anything that leaves the app);
``report_csv`` writes the published report in the long format of CLI.md.
"""

from app.services.reporting.csv_export import report_csv
from app.services.reporting.disclosure import LESS_THAN_FIVE, WITHHELD, PublishedReport, publish
from app.services.reporting.report import Report, ReportScope, build_report

__all__ = [
    "LESS_THAN_FIVE",
    "WITHHELD",
    "PublishedReport",
    "Report",
    "ReportScope",
    "build_report",
    "publish",
    "report_csv",
]
