"""Full-text search: end to end through the service vs. the bare FTS5 query, 100 vs N cases.

The queries are what a case manager types: family names (also in Arabic,
Persian, Cyrillic and Ge'ez script, with umlauts and apostrophes), the
first 2–4 letters of a name as the search-as-you-type field sends them, note
words and a case reference.
"""

from __future__ import annotations

import time

from sqlalchemy.orm import Session

from app.services.search import build_match_query, ranked_case_rows, search
from app.storage.engine import READ_ONLY_OPTION
from benchmarks.harness import BenchContext, Figure, Timing

SMALL_VAULT = 100
LIMIT = 20
QUERIES = (
    # family names, as written in the file and as typed
    "Haddad", "Ahmadi", "Kravchenko", "Diallo", "Tesfamariam", "Krasniqi", "Okafor", "Yilmaz",
    "Müller", "Mueller", "Ma'arouf", "Al-Hassan", "Mohammed Haddad",
    # the first letters, key by key
    "mo", "moh", "moha", "ah", "ahm", "kr", "kra", "dia", "ka", "kar", "sch", "sa", "al",
    # original scripts
    "محمد", "الحسن", "احمدی", "Олена", "ዮናስ", "გიორგი",
    # note, goal and barrier words
    "Duldung", "Wohnung", "Praktikum", "Therapieplatz", "Sprachkurs", "Ausbildung Elektroniker",
    "Botschaft Pass", "Warteliste",
    # a reference
    "2025-0042",
)


def measure_search(vault, queries=QUERIES, *, rounds: int = 10) -> tuple[Timing, Timing]:
    """(end to end through ``search``, bare FTS5 query) over the same queries and vault."""
    timings = measure_interleaved(vault, None, queries, rounds=rounds)
    return timings["search"], timings["bare"]


def measure_interleaved(large, small, queries=QUERIES, *, rounds: int = 10) -> dict[str, Timing]:
    """Per query and round: the bare FTS5 query and ``search`` on ``large``, then ``search``
    on ``small`` — interleaved, so a neighbour's load on this shared machine hits all alike.

    ``search`` runs in a transaction of its own, as a service call pays for it;
    the bare query runs on a connection held open, so it is only the FTS5 work.
    """
    samples: dict[str, list[float]] = {"bare": [], "search": [], "search_small": []}
    matches = {query: build_match_query(query) for query in queries}
    connection = large.engine.execution_options(**{READ_ONLY_OPTION: True}).connect()
    try:
        with Session(bind=connection) as held:

            def bare(query: str) -> None:
                ranked_case_rows(held, matches[query], LIMIT)

            def end_to_end(vault):
                def run(query: str) -> None:
                    with vault.read_session() as session:
                        search(session, query, limit=LIMIT)

                return run

            steps = [("bare", bare), ("search", end_to_end(large))]
            if small is not None:
                steps.append(("search_small", end_to_end(small)))
            for query in queries:  # warm-up
                for _name, step in steps:
                    step(query)
            for _ in range(rounds):
                for query in queries:
                    for name, step in steps:
                        started = time.perf_counter()
                        step(query)
                        samples[name].append((time.perf_counter() - started) * 1000)
    finally:
        connection.close()
    return {name: Timing(tuple(values)) for name, values in samples.items() if values}


def slowest(vault, queries=QUERIES, count: int = 3) -> str:
    """The slowest queries (median of 5), for the note on the figure."""
    per_query = {query: measure_search(vault, (query,), rounds=5)[0].median_ms for query in queries}
    ranked = sorted(per_query.items(), key=lambda item: -item[1])[:count]
    return ", ".join(f"{query!r} {ms:.1f} ms" for query, ms in ranked)


def run(ctx: BenchContext) -> list[Figure]:
    large = ctx.vault(ctx.cases)
    timings = measure_interleaved(large, ctx.vault(SMALL_VAULT))
    full, bare, small_full = timings["search"], timings["bare"], timings["search_small"]
    n = ctx.cases
    return [
        Figure.of("search_median_ms", full.median_ms, "ms", note=f"{n:,} cases, {len(QUERIES)} queries"),
        Figure.of("search_p95_ms", full.p95_ms, "ms", 30.0, note=f"{n:,} cases; slowest: {slowest(large)}"),
        Figure.of("search_bare_fts_median_ms", bare.median_ms, "ms"),
        Figure.of("search_bare_fts_p95_ms", bare.p95_ms, "ms"),
        Figure.of("search_vs_bare_fts_ratio", full.p95_ms / bare.p95_ms, "x", 2.0, note="p95 end to end / p95 bare FTS5"),
        Figure.of("search_100_median_ms", small_full.median_ms, "ms"),
        Figure.of("search_100_p95_ms", small_full.p95_ms, "ms"),
        Figure.of("search_10k_vs_100_ratio", full.p95_ms / small_full.p95_ms, "x", 2.0,
                  note=f"p95 at {n:,} cases / p95 at {SMALL_VAULT} cases"),
    ]
