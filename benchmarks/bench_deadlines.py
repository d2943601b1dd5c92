"""Benchmark: the deadline list and the agreements overview on a 10,000-case vault.

Two ways in. ``run(ctx)`` is the ``lotse bench`` suite's entry: it measures on
the shared demo vault (``app.services.demo``). Run as a script, it builds its
own vault: a real SQLCipher vault in a temporary folder, written through the
ORM (bulk inserts of model rows), with the mix of a Gemeinsam-klappt's team: young
people with a Duldung or Gestattung, residence document histories, passports,
consents, goals, stored deadlines, Zug-um-Zug agreements in every status and
some closed cases. Then it times ``collect_deadlines`` for the overview's
14-day list (target < 300 ms), the CLI's 30-day default, the unbounded list,
one case's list, and ``agreements_overview``.

    .venv/bin/python benchmarks/bench_deadlines.py [--cases 10000] [--runs 7] [--backlog] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``app`` importable from the checkout
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, select  # noqa: E402

from app.models import (  # noqa: E402
    Agency,
    Agreement,
    AgreementStep,
    Case,
    Consent,
    Deadline,
    Goal,
    Person,
    ResidenceDocument,
)
from app.models.codes import GOAL_AREAS  # noqa: E402
from app.services.agreement_views import agreements_overview  # noqa: E402
from app.services.deadline_engine import collect_deadlines  # noqa: E402
from app.storage.vault import Vault  # noqa: E402

TARGET_14_DAYS_MS = 300.0
TODAY = date(2026, 3, 16)


def new_id() -> str:
    return str(uuid.uuid4())


def days(n: int) -> timedelta:
    return timedelta(days=n)


def build_rows(cases: int, seed: int, backlog: bool = False) -> dict[type, list[dict]]:
    """Plain rows per model, deterministic for a seed.

    Typical: what a working team's vault looks like — past goal target dates
    mostly reviewed, past deadlines mostly ticked off, past agreement steps
    mostly fulfilled (85 %, as in the demo generator). ``backlog``: nobody
    has tidied up for a year — half the past items are still open, so the
    list carries thousands of overdue items.
    """
    rng = random.Random(seed)
    tidy = 0.5 if backlog else 0.85  # share of past items dealt with
    rows: dict[type, list[dict]] = {model: [] for model in (
        Agency, Person, ResidenceDocument, Case, Consent, Goal, Deadline, Agreement, AgreementStep)}
    agencies = [new_id() for _ in range(20)]
    for index, agency_id in enumerate(agencies):
        rows[Agency].append({"id": agency_id, "name": f"Agency {index}", "legal_domain": "SGB II"})

    for number in range(cases):
        person_id, case_id = new_id(), new_id()
        age_days = rng.randint(17 * 365, 31 * 365)
        birth = TODAY - days(age_days)
        birth_text = birth.isoformat() if rng.random() > 0.08 else str(birth.year)
        status = rng.choices(["duldung", "gestattung", "aufenthaltserlaubnis", "niederlassungserlaubnis", ""],
                             weights=(45, 25, 20, 5, 5))[0]
        entry = TODAY - days(rng.randint(300, 9 * 365))
        has_passport = rng.random() < 0.6
        rows[Person].append({
            "id": person_id, "given_names": f"Given{number}", "family_name": f"Family{number}",
            "birth_date": birth_text, "residence_status": status, "entry_date": entry,
            "duldung_since": entry + days(rng.randint(90, 700)) if status == "duldung" else None,
            "employment_since": TODAY - days(rng.randint(30, 900)) if rng.random() < 0.3 else None,
            "weekly_hours": rng.choice([15.0, 20.0, 30.0, 39.0]),
            "minor_child": rng.random() < 0.1, "identity_clarified": rng.random() < 0.5,
            "school_years": float(rng.randint(0, 4)),
            "passport_status": "has" if has_passport else rng.choice(["applied", "none"]),
            "passport_valid_until": TODAY + days(rng.randint(-365, 5 * 365)) if has_passport else None,
            "aliases": [], "nationalities": [], "languages": [],
        })
        # A history of documents, each valid about six months, the last one ending around now.
        end = TODAY + days(rng.randint(-60, 365))
        doc_type = status or "duldung"
        history = rng.randint(1, 4)
        for back in range(history):
            valid_until = end - days(180 * (history - 1 - back))
            rows[ResidenceDocument].append({
                "id": new_id(), "person_id": person_id,
                "doc_type": doc_type if back == history - 1 else rng.choice(["duldung", "gestattung"]),
                "issued": valid_until - days(180), "valid_until": valid_until,
                "paragraph": "§ 104c AufenthG" if status == "aufenthaltserlaubnis" and rng.random() < 0.2 else "",
            })
        case_status = rng.choices(["active", "paused", "closed"], weights=(80, 5, 15))[0]
        rows[Case].append({
            "id": case_id, "ref": f"{2020 + number % 7}-{number:05d}", "person_id": person_id,
            "case_type": "case_management", "phase": "monitoring", "status": case_status,
            "opened": TODAY - days(rng.randint(30, 2000)),
            "closed": TODAY - days(rng.randint(1, 30)) if case_status == "closed" else None,
            "indication": [], "sort_name": f"family{number}, given{number}",
        })
        for _ in range(2):
            given = TODAY - days(rng.randint(0, 700))
            rows[Consent].append({
                "id": new_id(), "case_id": case_id, "recipient_id": rng.choice(agencies), "categories": ["identity"],
                "given": given, "valid_until": given + days(rng.choice([365, 730])),
                "withdrawn": given + days(30) if rng.random() < 0.05 else None,
            })
        for _ in range(3):
            target = TODAY + days(rng.randint(-180, 365))
            closed_goal = target < TODAY and rng.random() < tidy
            rows[Goal].append({
                "id": new_id(), "case_id": case_id, "area": rng.choice(GOAL_AREAS), "text": "Ziel",
                "status": rng.choice(["attained", "dropped"] if closed_goal else ["open", "in_progress"]),
                "target_date": target, "created_on": TODAY - days(400),
            })
        for kind in ("review", "other"):
            due = TODAY + days(rng.randint(-120, 200))
            done = due < TODAY and rng.random() < tidy
            rows[Deadline].append({
                "id": new_id(), "case_id": case_id, "kind": kind, "due": due, "source": "manual",
                "done": done, "done_on": due if done else None,
            })
        if rng.random() < 0.25:
            _agreement(rng, rows, case_id, tidy)
    return rows


def _agreement(rng: random.Random, rows: dict[type, list[dict]], case_id: str, tidy: float) -> None:
    agreement_id = new_id()
    status = rng.choices(["draft", "in_force", "fulfilled", "ended"], weights=(10, 60, 15, 15))[0]
    concluded = TODAY - days(rng.randint(10, 400)) if status != "draft" else None
    rows[Agreement].append({
        "id": agreement_id, "case_id": case_id, "title": "Passbeschaffung", "status": status,
        "concluded_on": concluded, "authority_name": "ABH", "template": "identitaet_pass",
    })
    anchor = concluded or TODAY
    settled = 6 if status == "fulfilled" else rng.randint(0, 5)
    chain_broken = False
    for position in range(1, 7):
        party = "authority" if position % 3 == 0 else "person"
        relative = party == "authority"
        due = anchor + days(14 * position)
        if status == "in_force":
            # Past steps are fulfilled as people get on with it, until one is not; the rest stay open.
            done = due < TODAY and not chain_broken and rng.random() < tidy
            chain_broken = chain_broken or (due < TODAY and not done)
        else:
            done = position <= settled
        step_status = "fulfilled" if done else "open"
        rows[AgreementStep].append({
            "id": new_id(), "agreement_id": agreement_id, "position": position, "party": party,
            "action": "Schritt", "due": due, "within_days_after_previous": 14 if relative else None,
            "status": step_status, "fulfilled_on": due if step_status == "fulfilled" else None,
        })
    if status == "in_force" and not chain_broken and due < TODAY:
        rows[Agreement][-1]["status"] = "fulfilled"  # every step done: the service would have fulfilled it


def build_vault(folder: Path, cases: int, seed: int, backlog: bool = False) -> Vault:
    # The benchmark measures queries, not unlocking: keep the vault's key derivation at its floor.
    previous = os.environ.get("LOTSE_KDF_TARGET_SECONDS")
    os.environ["LOTSE_KDF_TARGET_SECONDS"] = "0"
    try:
        vault, _code = Vault.create(folder, "benchmark password", user_name="Benchmark")
    finally:
        if previous is None:
            os.environ.pop("LOTSE_KDF_TARGET_SECONDS", None)
        else:
            os.environ["LOTSE_KDF_TARGET_SECONDS"] = previous
    rows = build_rows(cases, seed, backlog)
    with vault.session() as session:
        for model, model_rows in rows.items():
            for start in range(0, len(model_rows), 5000):
                session.execute(insert(model), model_rows[start:start + 5000])
    with vault.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    return vault


def timed(function, runs: int) -> tuple[float, float, float, float, object]:
    """(first run ms, median ms of the following runs, their fastest, median CPU ms of those, last result).

    The CPU time of this process is reported beside the wall time because the
    benchmark machine is shared: under load the wall time also counts waiting
    for a core.
    """
    times, cpu_times, result = [], [], None
    for _ in range(runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        result = function()
        times.append((time.perf_counter() - start) * 1000)
        cpu_times.append((time.process_time() - cpu_start) * 1000)
    rest = times[1:] or times
    return times[0], statistics.median(rest), min(rest), statistics.median(cpu_times[1:] or cpu_times), result


def figure(first: float, median: float, fastest: float, cpu: float, result) -> dict:
    return {"value": round(median, 1), "fastest": round(fastest, 1), "cpu": round(cpu, 1),
            "first_run": round(first, 1), "unit": "ms", "items": len(result)}


def run_standalone(cases: int = 10_000, runs: int = 7, seed: int = 5, backlog: bool = False) -> dict:
    with tempfile.TemporaryDirectory(prefix="lotse-bench-deadlines-") as tmp:
        start = time.perf_counter()
        vault = build_vault(Path(tmp) / "vault", cases, seed, backlog)
        build_s = time.perf_counter() - start
        try:
            figures = {}

            def deadlines(within_days, case_id=None):
                def call():
                    with vault.session() as session:
                        return collect_deadlines(session, today=TODAY, within_days=within_days, case_id=case_id)
                return call

            for name, call in (("deadlines_14d_ms", deadlines(14)), ("deadlines_30d_ms", deadlines(30)),
                               ("deadlines_unbounded_ms", deadlines(None))):
                figures[name] = figure(*timed(call, runs))
            figures["deadlines_14d_ms"]["target"] = TARGET_14_DAYS_MS
            figures["deadlines_14d_ms"]["met"] = figures["deadlines_14d_ms"]["value"] < TARGET_14_DAYS_MS

            with vault.session() as session:
                # The case view's list: an open case with an agreement in force, so every source has work.
                some_case = session.scalar(
                    select(Case.id).join(Agreement, Agreement.case_id == Case.id)
                    .where(Case.status == "active", Agreement.status == "in_force").limit(1))
            figures["deadlines_one_case_ms"] = figure(*timed(deadlines(None, some_case), runs))

            def overview():
                with vault.session() as session:
                    return agreements_overview(session, TODAY)

            figures["agreements_overview_ms"] = figure(*timed(overview, runs))
        finally:
            vault.lock()
    return {"machine": f"{platform.machine()} {platform.processor() or ''} {os.cpu_count()} cpus".strip(),
            "python": platform.python_version(), "cases": cases, "profile": "backlog" if backlog else "typical",
            "build_seconds": round(build_s, 1),
            "figures": figures}


def run(ctx) -> list:
    """``lotse bench``: the 14-day deadline list and the agreements overview on the demo vault."""
    from benchmarks.harness import Figure, time_runs

    vault = ctx.vault(ctx.cases)
    today = date.today()  # the demo vault's dates are relative to the day it was built, close enough

    def deadlines_14_days():
        with vault.session() as session:
            return collect_deadlines(session, today=today, within_days=14)

    def overview():
        with vault.session() as session:
            return agreements_overview(session, today)

    items, lines = len(deadlines_14_days()), len(overview())
    scale = ctx.cases / 10_000
    return [
        Figure.of("deadlines_14d_ms", time_runs(deadlines_14_days, runs=10).median_ms, "ms",
                  round(TARGET_14_DAYS_MS * max(scale, 1.0), 1), note=f"{items:,} deadlines"),
        Figure.of("agreements_overview_ms", time_runs(overview, runs=10).median_ms, "ms",
                  note=f"{lines:,} agreements in force"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--backlog", action="store_true", help="a vault where half the past items are still open")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    report = run_standalone(args.cases, args.runs, args.seed, args.backlog)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{report['cases']} cases ({report['profile']}) on {report['machine']}, "
              f"vault built in {report['build_seconds']} s; load average {os.getloadavg()[0]:.1f}")
        for name, entry in report["figures"].items():
            target = f"  target < {entry['target']:.0f} ms: {'met' if entry['met'] else 'NOT met'}" \
                if "target" in entry else ""
            print(f"  {name:24} median {entry['value']:7.1f} ms, fastest {entry['fastest']:7.1f} ms, "
                  f"CPU {entry['cpu']:7.1f} ms, first run {entry['first_run']:7.1f} ms, {entry['items']} items{target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
