"""Opening a case and paging the case list on a large vault.

Figures: ``case_open_ms`` (``case_detail`` end to end, audit entry included;
target 150 ms on 10,000 cases) and ``list_sort_ms`` (the first page of the
case list for every sort key, with and without filters and search; target
50 ms, issue 10). ``run(ctx)`` plugs into the suite's harness; run this file directly
(``python -m benchmarks.bench_case_file --cases 10000``) to measure on a
synthetic vault it builds itself with bulk inserts, without the demo generator.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from app.models import (
    Assessment,
    Barrier,
    Case,
    Consent,
    Contact,
    Deadline,
    Goal,
    GoalStep,
    Measure,
    Person,
    PhaseTransition,
    Referral,
)
from app.models.codes import GOAL_AREAS, PHASES
from app.services.agencies import ensure_default_agencies, list_agencies
from app.services.case_fields import sort_name
from app.services.case_file import case_detail
from app.services.case_list import SORT_KEYS, list_cases
from app.services.search import write_index_row

CASE_OPEN_TARGET_MS = 150.0
LIST_PAGE_TARGET_MS = 50.0
PAGE = 100
LIST_QUERIES: tuple[dict, ...] = (
    *({"sort": key} for key in SORT_KEYS if key != "relevance"),
    {"sort": "name", "descending": True, "offset": 5000},
    {"sort": "name", "status": "active", "residence_status": "duldung"},
    {"sort": "next_deadline", "goal_area": "language"},
    {"sort": "opened", "programme": "gk", "phase": ["planning", "implementation"]},
    {"sort": "relevance", "search": "Haddad"},
    {"sort": "name", "search": "Wohnung", "status": "active"},
)


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def _time(fn: Callable[[], object], runs: int) -> list[float]:
    fn()  # warm the page cache once
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def measure(vault, *, samples: int = 60, seed: int = 7) -> dict[str, dict[str, float]]:
    """Median and p95 (ms) of opening random cases and of first list pages."""
    with vault.session() as session:
        refs = list(session.scalars(select(Case.ref)))
    chosen = random.Random(seed).sample(refs, min(samples, len(refs)))
    open_ms = []
    for ref in chosen:
        open_ms += _time(lambda ref=ref: case_detail(vault, ref, user="bench"), 1)

    def page(query: dict) -> None:
        with vault.session() as session:
            list_cases(session, limit=PAGE, **query)

    list_ms = []
    slowest = ("", 0.0)
    for query in LIST_QUERIES:
        timings = _time(lambda query=query: page(query), 5)
        list_ms += timings
        if statistics.median(timings) > slowest[1]:
            slowest = (json.dumps(query, ensure_ascii=False), statistics.median(timings))
    return {
        "case_open_ms": {"median": statistics.median(open_ms), "p95": _percentile(open_ms, 95)},
        "list_sort_ms": {"median": statistics.median(list_ms), "p95": _percentile(list_ms, 95),
                         "slowest_query_median": slowest[1]},
        "_slowest_list_query": {"query": slowest[0]},  # type: ignore[dict-item]
    }


def run(ctx) -> list:
    """The suite entry point (benchmarks.harness): figures on the demo vault of ``ctx.cases``."""
    from benchmarks.harness import Figure

    result = measure(ctx.vault(ctx.cases))
    n = f"{ctx.cases:,} cases"
    return [
        Figure.of("case_open_ms", result["case_open_ms"]["p95"], "ms", CASE_OPEN_TARGET_MS,
                  note=f"p95 of case_detail, {n}; median {result['case_open_ms']['median']:.1f} ms"),
        Figure.of("list_sort_ms", result["list_sort_ms"]["p95"], "ms", LIST_PAGE_TARGET_MS,
                  note=f"p95 of a {PAGE}-row page over {len(LIST_QUERIES)} sorts/filters, {n}; "
                       f"slowest {result['_slowest_list_query']['query']}"),
    ]


# --- a synthetic vault for running this file on its own ---------------------------------

GIVEN = ("Amina", "Mohammed", "Yusuf", "Olena", "Dawit", "Zainab", "Omar", "Mariam", "Ali", "Sara", "Hamid", "Lina")
FAMILY = ("Haddad", "Ahmadi", "Kovalenko", "Tesfay", "Barakzai", "Müller", "Diallo", "Okafor", "Yilmaz", "Rahimi",
          "Al-Hassan", "Nouri", "Kravchenko", "Idris", "Sultani", "Jalloh")
ORIGINAL = ("أمينة حداد", "محمد الحسن", "Олена Коваленко", "ዳዊት ተስፋይ", "زینب احمدی", "")
NOTES = ("Termin Ausländerbehörde wegen Duldung", "Wohnung besichtigt, Absage", "Sprachkurs A2 angemeldet",
         "Praktikum beim Elektrobetrieb vereinbart", "Therapieplatz gesucht, Warteliste", "Botschaft Pass beantragt")


def build_synthetic(vault, cases: int, *, seed: int = 1) -> None:
    """Cases with ten contacts, goals, steps, assessments, referrals, consents, barriers,
    measures and deadlines each, inserted in bulk (minutes with the services, seconds here)."""
    ensure_default_agencies(vault)
    agency_ids = [a.id for a in list_agencies(vault)]
    rng = random.Random(seed)
    today = date.today()
    with vault.session() as session:
        rows: dict[type, list[dict]] = {model: [] for model in (
            Person, Case, PhaseTransition, Assessment, Goal, GoalStep, Contact, Referral, Consent, Barrier, Measure,
            Deadline)}
        texts = []
        for n in range(cases):
            person_id, case_id = str(uuid.uuid4()), str(uuid.uuid4())
            given, family = rng.choice(GIVEN), rng.choice(FAMILY)
            opened = today - timedelta(days=rng.randint(30, 1500))
            rows[Person].append(dict(
                id=person_id, given_names=given, family_name=family, name_original=rng.choice(ORIGINAL), aliases=[],
                birth_date=str(rng.randint(1995, 2007)), nationalities=["SY"], languages=["ar"],
                residence_status=rng.choice(("duldung", "gestattung", "aufenthaltserlaubnis"))))
            phase = rng.choice(PHASES)
            rows[Case].append(dict(
                id=case_id, ref=f"{opened.year}-{n + 1:05d}", person_id=person_id, case_type="case_management",
                phase=phase, status="closed" if phase == "closed" else "active", opened=opened,
                closed=today if phase == "closed" else None, case_manager=rng.choice(("Jana", "Tom", "Ali")),
                programme_gk=rng.random() < 0.3, indication=[], sort_name=sort_name(family, given)))
            rows[PhaseTransition].append(dict(id=str(uuid.uuid4()), case_id=case_id, phase="intake", on=opened))
            notes = []
            for area in GOAL_AREAS:
                rows[Assessment].append(dict(id=str(uuid.uuid4()), case_id=case_id, area=area,
                                             situation="Lage", need_level=rng.randint(0, 3), assessed_on=opened))
            for g in range(3):
                goal_id = str(uuid.uuid4())
                rows[Goal].append(dict(id=goal_id, case_id=case_id, area=GOAL_AREAS[g], text=f"Ziel {g}",
                                       created_on=opened, target_date=today + timedelta(days=90)))
                for s in range(2):
                    rows[GoalStep].append(dict(id=str(uuid.uuid4()), goal_id=goal_id, action=f"Schritt {s}",
                                               due=today + timedelta(days=rng.randint(-30, 60))))
            for _ in range(10):
                note = rng.choice(NOTES)
                notes.append(note)
                rows[Contact].append(dict(id=str(uuid.uuid4()), case_id=case_id, kind="meeting", areas=["language"],
                                          date=opened + timedelta(days=rng.randint(0, 29)), note=note))
            for _ in range(2):
                agency = rng.choice(agency_ids)
                rows[Referral].append(dict(id=str(uuid.uuid4()), case_id=case_id, agency_id=agency, date=opened))
                rows[Consent].append(dict(id=str(uuid.uuid4()), case_id=case_id, recipient_id=agency,
                                          categories=["identity"], given=opened))
                rows[Measure].append(dict(id=str(uuid.uuid4()), case_id=case_id, area="language",
                                          kind="language_course", title="Integrationskurs"))
            rows[Barrier].append(dict(id=str(uuid.uuid4()), case_id=case_id, category="waiting_list",
                                      description="Warteliste Sprachkurs", occurred_on=opened))
            for _ in range(3):
                rows[Deadline].append(dict(id=str(uuid.uuid4()), case_id=case_id, kind="review",
                                           due=today + timedelta(days=rng.randint(-20, 200)), done=rng.random() < .3))
            texts.append((case_id, {"name": f"{given} {family}", "ref": rows[Case][-1]["ref"], "notes": "\n".join(notes),
                                    "goals": "Ziel 0\nZiel 1\nZiel 2", "barriers": "Warteliste Sprachkurs"}))
        for model, values in rows.items():
            for start in range(0, len(values), 5000):
                session.execute(insert(model), values[start : start + 5000])
        for case_id, case_texts in texts:
            write_index_row(session, case_id, case_texts)


def main() -> None:
    from app.storage.vault import Vault

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        vault, _ = Vault.create(Path(folder) / "bench", "benchmark password 1", user_name="bench")
        started = time.perf_counter()
        build_synthetic(vault, args.cases)
        built_s = time.perf_counter() - started
        result = measure(vault)
        vault.lock()
    print(json.dumps({"cases": args.cases, "build_s": round(built_s, 1), **result}, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
