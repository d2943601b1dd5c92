"""The benchmark harness: percentiles, figures, the JSON report, the demo-vault cache."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.models import Case
from app.storage.vault import Vault
from benchmarks import harness
from benchmarks.bench_search import measure_search
from benchmarks.harness import (
    BenchContext,
    Figure,
    percentile,
    report,
    run_suite,
    time_calls,
    time_runs,
)
from benchmarks.suite import BENCHMARKS


def test_percentile_interpolates_between_ranks():
    samples = [float(n) for n in range(1, 101)]  # 1 … 100
    assert percentile(samples, 50) == pytest.approx(50.5)
    assert percentile(samples, 95) == pytest.approx(95.05)
    assert percentile([7.0], 95) == 7.0
    with pytest.raises(ValueError):
        percentile([], 50)


def test_figure_knows_whether_its_target_is_met():
    assert Figure.of("search_p95_ms", 12.0, "ms", 30.0).met is True
    assert Figure.of("search_p95_ms", 31.0, "ms", 30.0).met is False
    assert Figure.of("pages_per_s", 150, "1/s", 100, higher_is_better=True).met is True
    assert Figure.of("search_median_ms", 3.0, "ms").met is None


def test_timing_takes_the_asked_number_of_samples():
    calls = []
    timing = time_runs(lambda: calls.append(1), runs=7, warmup=2)
    assert len(timing.samples_ms) == 7 and len(calls) == 9
    pooled = time_calls(lambda n: calls.append(n), [1, 2, 3], rounds=4, warmup=1)
    assert len(pooled.samples_ms) == 12
    assert pooled.median_ms <= pooled.p95_ms


def test_report_has_the_shape_of_bench_json():
    def bench_example(ctx: BenchContext) -> list[Figure]:
        return [Figure.of("example_ms", 1.5, "ms", 2.0)]

    document = report(run_suite([bench_example], BenchContext(cases=100)), 100)
    assert set(document) >= {"machine", "cases", "figures"}
    assert document["figures"] == {"example_ms": {"value": 1.5, "unit": "ms", "target": 2.0, "met": True}}
    assert "cores" in document["machine"]


def test_suite_lists_the_search_and_demo_benchmarks():
    assert {harness.benchmark_name(b) for b in BENCHMARKS} >= {"search", "demo"}


def test_demo_vaults_are_built_once_and_reused(tmp_path, monkeypatch):
    monkeypatch.setattr(harness, "CACHE_ROOT", tmp_path / "cache")
    first = harness.demo_vault_dir(6, seed=4)
    stamp = (first / "lotse.sqlcipher").stat().st_mtime_ns
    assert harness.demo_vault_dir(6, seed=4) == first
    assert (first / "lotse.sqlcipher").stat().st_mtime_ns == stamp
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [first.name]  # no half-built leftovers

    ctx = BenchContext(cases=6, seed=4)
    try:
        vault = ctx.vault(6)
        assert ctx.vault(6) is vault
        full, bare = measure_search(vault, ("Haddad", "mo", "Duldung"), rounds=2)
        assert len(full.samples_ms) == len(bare.samples_ms) == 6
    finally:
        ctx.close()
    assert vault.is_locked
    with Vault.unlock(first, harness.BENCH_PASSWORD) as reopened, reopened.session() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == 6
