"""Benchmark: what the start page, the deadlines page and the agreements page ask for.

* ``overview`` (one call per refresh of the start page, off the GUI thread): the 14-day
  deadline list of the whole team (a user who manages no case) and of one case
  manager, with the phase counts and the recently opened cases.
* ``deadlines_for`` with the deadlines page's longest window (90 days).
* ``recent_cases`` on an audit log of 100,000 entries (10 users, half of them case views).
* ``agreements_from_case_file``: the agreements tab's chain states from the case file dict
  (on the GUI thread, for every load of the case).
"""

from __future__ import annotations

import random
import shutil
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from app.models import AuditEntry, Case
from app.services.agreement_detail import agreements_from_case_file
from app.services.agreements import list_agreements_overview
from app.services.case_file import case_detail
from app.services.demo_data.texts import CASE_MANAGERS
from app.services.overview import deadlines_for, overview, recent_cases
from app.storage.vault import Vault
from benchmarks.harness import BENCH_PASSWORD, BenchContext, Figure, time_runs

AUDIT_ENTRIES = 100_000
USERS = [f"user {n}" for n in range(10)]


def _audit_vault(directory: Path) -> Vault:
    vault, _code = Vault.create(directory, BENCH_PASSWORD, user_name=USERS[0])
    rng = random.Random(3)
    start = datetime(2025, 1, 1)
    case_ids = [f"case-{n}" for n in range(3000)]
    rows = [{"at": start + timedelta(minutes=n), "user": rng.choice(USERS),
             "action": "case.view" if rng.random() < 0.5 else "case.update",
             "case_id": rng.choice(case_ids), "detail": ""} for n in range(AUDIT_ENTRIES)]
    with vault.session() as session:
        for chunk in range(0, len(rows), 10_000):
            session.execute(insert(AuditEntry.__table__), rows[chunk:chunk + 10_000])
    return vault


def run(ctx: BenchContext) -> list[Figure]:
    vault = ctx.vault(ctx.cases)
    today = date.today()
    with vault.session() as session:
        managers = {name: session.scalar(select(Case.id).where(Case.case_manager == name).limit(1))
                    for name in CASE_MANAGERS}
    manager = next(name for name, found in managers.items() if found)
    team = time_runs(lambda: overview(vault, user="coordinator", today=today), runs=7, warmup=1)
    mine = time_runs(lambda: overview(vault, user=manager, today=today), runs=7, warmup=1)
    window = time_runs(lambda: deadlines_for(vault, today=today, within_days=90), runs=5, warmup=1)
    agreements = time_runs(lambda: list_agreements_overview(vault, today=today), runs=7, warmup=1)
    summary = max(list_agreements_overview(vault, today=today), key=lambda s: s.steps_total)
    detail = case_detail(vault, case_id=summary.case_id, user="benchmark")
    chain = time_runs(lambda: agreements_from_case_file(detail["agreements"], today=today), runs=50, warmup=2)

    scratch = Path(tempfile.mkdtemp(prefix="lotse-bench-recent-"))
    try:
        audit = _audit_vault(scratch / "vault")
        try:
            recent = time_runs(lambda: recent_cases(audit, USERS[3]), runs=20, warmup=2)
        finally:
            audit.lock()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return [
        Figure.of("overview_team_median_ms", team.median_ms, "ms", 700.0,
                  note=f"{ctx.cases:,} cases, 14 days, every case (off the GUI thread)"),
        Figure.of("overview_one_manager_median_ms", mine.median_ms, "ms", 700.0, note="14 days, one case manager"),
        Figure.of("deadlines_page_90_days_median_ms", window.median_ms, "ms", 1500.0, note="off the GUI thread"),
        Figure.of("agreements_page_median_ms", agreements.median_ms, "ms", 500.0, note="off the GUI thread"),
        Figure.of("agreement_tab_chain_median_ms", chain.median_ms, "ms", 16.0,
                  note=f"{summary.steps_total} steps: their states from the loaded case file, computed on the "
                       "GUI thread (no widgets)"),
        Figure.of("recent_cases_median_ms", recent.median_ms, "ms", 50.0,
                  note=f"audit log of {AUDIT_ENTRIES:,} entries, {len(USERS)} users"),
    ]


if __name__ == "__main__":  # a quick look without the whole suite
    import json
    import sys

    context = BenchContext(cases=int(sys.argv[1]) if len(sys.argv) > 1 else 10_000, log=print)
    try:
        print(json.dumps({f.name: f.as_json() for f in run(context)}, indent=1))
    finally:
        context.close()
