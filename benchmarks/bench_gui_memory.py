"""Peak memory (RSS) of the desktop app with the large vault open.

A fresh interpreter (``benchmarks.gui_probe memory``, offscreen Qt) unlocks
the demo vault, shows the main window and the case list, scrolls through a
few pages of it (``fetchMore``), searches, and opens three cases. The figure
is the process's peak RSS from the moment the vault is unlocked; Argon2id's
own memory during unlock is reported by the unlock benchmark
(``unlock_peak_rss_mb``), as it depends on the calibration, not on the vault.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from benchmarks.gui_probe import CASES_TO_OPEN, SCROLL_PAGES, SEARCH_TEXT, run_probe
from benchmarks.harness import BENCH_PASSWORD, BenchContext, Figure, demo_vault_dir

RSS_TARGET_MB = 300.0


def run(ctx: BenchContext) -> list[Figure]:
    ctx.vault(ctx.cases)  # built (or found) in the cache before a second process opens it
    home = Path(tempfile.mkdtemp(prefix="lotse-bench-rss-"))
    try:
        result = run_probe("memory", demo_vault_dir(ctx.cases, ctx.seed), BENCH_PASSWORD, home)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    scope = "from unlock on" if not result["peak_includes_unlock"] else "whole process, unlock included"
    return [
        Figure.of("gui_rss_mb", result["peak_rss_mb"], "MB", RSS_TARGET_MB,
                  note=f"peak RSS ({scope}), {ctx.cases:,} cases, offscreen: window, case list, "
                       f"{SCROLL_PAGES} pages scrolled ({result['rows_loaded']:,} rows), search "
                       f"{SEARCH_TEXT!r} ({result['search_matches']} hits), {CASES_TO_OPEN} cases opened"),
        Figure.of("gui_rss_case_list_mb", result["window_and_list_rss_mb"], "MB",
                  note="RSS with the window and the first page of the case list"),
    ]
