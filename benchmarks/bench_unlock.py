"""Unlock to a usable main window, with the real key derivation and without it.

Each run is a fresh interpreter (``benchmarks.gui_probe unlock``, offscreen Qt)
on a private copy of the large demo vault whose password slot carries the
Argon2id parameters a new vault gets on this machine. Timed: ``Vault.unlock``
→ main window shown, its start page painted (the overview). Without key
derivation: the same from ``Vault.open_with_key`` with the key unwrapped
beforehand. With/without runs alternate, so a neighbour's load hits both.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from benchmarks.calibrated import copy_with_kdf, describe_kdf
from benchmarks.gui_probe import run_probe
from benchmarks.harness import BENCH_PASSWORD, BenchContext, Figure, Timing

RUNS = 5
UNLOCK_TARGET_MS = 1500.0


def run(ctx: BenchContext) -> list[Figure]:
    params = ctx.calibrated_kdf()
    scratch = Path(tempfile.mkdtemp(prefix="lotse-bench-unlock-"))
    try:
        ctx.log("copying the demo vault with the calibrated key derivation …")
        vault_dir = copy_with_kdf(ctx.vault(ctx.cases), scratch / "vault", BENCH_PASSWORD, params)
        home = scratch / "home"
        home.mkdir()

        def probe(*options: str) -> dict:
            return run_probe("unlock", vault_dir, BENCH_PASSWORD, home, *options)

        probe()  # the first start fills the OS file cache and compiles bytecode: not counted
        probe("--no-kdf")
        with_kdf, without_kdf = [], []
        for _ in range(RUNS):
            with_kdf.append(probe())
            without_kdf.append(probe("--no-kdf"))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    total = Timing(tuple(r["total_ms"] for r in with_kdf))
    derive = Timing(tuple(r["unlock_ms"] for r in with_kdf))
    bare = Timing(tuple(r["total_ms"] for r in without_kdf))
    cold = Timing(tuple((r["painted_wall"] - r["spawned_wall"]) * 1000 for r in with_kdf))
    peak = max(r["peak_rss_mb"] for r in with_kdf)
    n = f"{ctx.cases:,} cases"
    kdf = describe_kdf(params)
    return [
        Figure.of("unlock_to_window_ms", total.median_ms, "ms", UNLOCK_TARGET_MS,
                  note=f"median of {RUNS} fresh processes, {n}, {kdf}: Vault.unlock → window shown, "
                       f"start page ({with_kdf[0]['start_page']}) painted"),
        Figure.of("unlock_to_window_p95_ms", total.p95_ms, "ms"),
        Figure.of("unlock_to_window_no_kdf_ms", bare.median_ms, "ms",
                  note="the same without key derivation (Vault.open_with_key → painted)"),
        Figure.of("unlock_to_window_no_kdf_p95_ms", bare.p95_ms, "ms"),
        Figure.of("unlock_vault_ms", derive.median_ms, "ms",
                  note="of which Vault.unlock (Argon2id, key unwrap, schema check)"),
        Figure.of("cold_start_to_window_ms", cold.median_ms, "ms",
                  note="process start → window painted: imports, Qt, style, unlock (no typing)"),
        Figure.of("unlock_peak_rss_mb", peak, "MB",
                  note=f"peak RSS of the unlocking process; Argon2id holds {params.memory_kib / 1024:.0f} MiB "
                       "while it runs"),
    ]
