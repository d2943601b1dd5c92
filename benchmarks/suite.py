"""The benchmarks ``lotse bench`` runs, in this order. Add yours to the list."""

from __future__ import annotations

from benchmarks import (
    bench_case_file,
    bench_deadlines,
    bench_demo,
    bench_documents,
    bench_gui,
    bench_reporting_pages,
    bench_search,
)
from benchmarks.harness import Benchmark

BENCHMARKS: list[Benchmark] = [
    bench_search.run,
    bench_case_file.run,
    bench_demo.run,
    bench_documents.run,
    bench_reporting_pages.run,
    bench_deadlines.run,
    bench_gui.run,
]
