"""What the report and audit pages wait for: the published report, and one page of the audit log.

- The report page computes off the GUI thread; the figure is how long "Show"
  takes for a full year on the demo vault of ``ctx.cases`` cases.
- The audit viewer asks for the next 200 entries where Qt asks (``fetchMore``,
  on the GUI thread), so one page must stay well below a frame budget even in
  a log of 100,000 entries — at the top, in the middle, at the end, and
  filtered. Measured in a private vault (the shared demo vault is not changed).
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from app.models import AuditEntry
from app.services.audit_queries import audit_page
from app.services.reporting import ReportScope
from app.services.reporting.use_cases import published_report_for
from app.storage.vault import Vault
from benchmarks.harness import BENCH_PASSWORD, BenchContext, Figure, time_calls, time_runs

AUDIT_ENTRIES = 100_000
PAGE = 200
ACTIONS = ("case.viewed", "case.changed", "letter.printed", "consent.recorded", "report.exported")


def _audit_vault(directory: Path) -> Vault:
    vault, _code = Vault.create(directory, BENCH_PASSWORD, user_name="benchmark")
    start = datetime(2025, 1, 1)
    with vault.session() as session:
        session.execute(insert(AuditEntry), [
            {"at": start + timedelta(minutes=5 * i), "user": f"user {i % 9}", "action": ACTIONS[i % len(ACTIONS)],
             "case_id": None, "detail": f"n={i}"}
            for i in range(AUDIT_ENTRIES)
        ])
    return vault


def run(ctx: BenchContext) -> list[Figure]:
    vault = ctx.vault(ctx.cases)
    year = date.today().year - 1
    scope = ReportScope(date(year, 1, 1), date(year, 12, 31))
    report = time_runs(lambda: published_report_for(vault, scope), runs=10, warmup=1)

    scratch = Path(tempfile.mkdtemp(prefix="lotse-bench-audit-"))
    try:
        audit = _audit_vault(scratch / "vault")
        try:
            requests = [
                {"offset": 0}, {"offset": AUDIT_ENTRIES // 2}, {"offset": AUDIT_ENTRIES - PAGE},
                {"offset": 0, "action": "case.changed"},
                {"offset": 0, "user": "user 3", "date_from": date(2025, 3, 1), "date_to": date(2025, 3, 31),
                 "local_days": True},
            ]
            pages = time_calls(lambda filters: audit_page(audit, limit=PAGE, **filters), requests, rounds=10)
        finally:
            audit.lock()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return [
        Figure.of("report_page_year_median_ms", report.median_ms, "ms", note=f"{ctx.cases:,} cases, {year}"),
        Figure.of("report_page_year_p95_ms", report.p95_ms, "ms", 2000.0, note="off the GUI thread"),
        Figure.of("audit_page_fetch_median_ms", pages.median_ms, "ms",
                  note=f"{PAGE} rows of {AUDIT_ENTRIES:,} entries, top/middle/end/filtered"),
        Figure.of("audit_page_fetch_p95_ms", pages.p95_ms, "ms", 50.0, note="on the GUI thread (fetchMore)"),
    ]
