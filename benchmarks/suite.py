"""The benchmarks ``lotse bench`` runs, in this order. Add yours to the list."""

from __future__ import annotations

from benchmarks import (
    bench_case_file,
    bench_deadlines,
    bench_demo,
    bench_documents,
    bench_encryption,
    bench_gui,
    bench_gui_memory,
    bench_overview,
    bench_password_change,
    bench_reporting_pages,
    bench_search,
    bench_sync,
    bench_unlock,
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
    bench_overview.run,
    bench_unlock.run,
    bench_gui_memory.run,
    bench_password_change.run,
    bench_encryption.run,
    bench_sync.run,
]

# ``lotse bench --stress``: these run a second time on a vault of STRESS_CASES cases
# (built once, ~10 minutes, then cached); their figures get the suffix ``_at_100k``.
STRESS_CASES = 100_000
STRESS_SUFFIX = "_at_100k"
STRESS_BENCHMARKS: list[Benchmark] = [
    bench_search.run,
    bench_case_file.run,
    bench_unlock.run,
    bench_gui_memory.run,
]
