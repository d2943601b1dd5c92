"""Lotse's benchmark suite (``lotse bench``, ``make bench``).

Figures are measured here, never in timed tests. ``harness`` has the tools
(demo vaults cached per size and seed, timing with median and p95, the Figure
type and the JSON report); each ``bench_*.py`` module measures one area and
``suite.BENCHMARKS`` lists them.
"""
