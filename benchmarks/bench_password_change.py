"""Password change costs the same on a 10-case vault and on a large one.

The password only wraps the data key (ARCHITECTURE.md decision 1), so
changing it must not touch the database. Measured as ``lotse passwd`` does it
— unlock with the old password, re-wrap under the new one — on private copies
of the demo vaults whose password slots use the Argon2id parameters a new vault
gets on this machine (the real calibration, whatever ``LOTSE_KDF_TARGET_SECONDS``
says). Median of 5 runs per size, the sizes alternating.

Alone: ``.venv/bin/python -m benchmarks.bench_password_change [--cases 10000]`` prints JSON.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from app.storage.vault import Vault
from benchmarks.calibrated import copy_with_kdf, describe_kdf
from benchmarks.harness import BENCH_PASSWORD, BenchContext, Figure, Timing

SMALL_VAULT = 10
RUNS = 5
RATIO_TARGET = 1.2
PASSWORDS = (BENCH_PASSWORD, "lotse benchmark vault, new password")


def change_password(directory: Path, run: int) -> tuple[float, float]:
    """(unlock + change_password, change_password alone) in ms; the passwords alternate by run."""
    old, new = PASSWORDS[run % 2], PASSWORDS[(run + 1) % 2]
    started = time.perf_counter()
    vault = Vault.unlock(directory, old)
    unlocked = time.perf_counter()
    try:
        vault.change_password(new)
        changed = time.perf_counter()
    finally:
        vault.lock()
    return (changed - started) * 1000, (changed - unlocked) * 1000


def run(ctx: BenchContext) -> list[Figure]:
    params = ctx.calibrated_kdf()
    sizes = (SMALL_VAULT, ctx.cases)
    whole: dict[int, list[float]] = {size: [] for size in sizes}
    rewrap: dict[int, list[float]] = {size: [] for size in sizes}
    scratch = Path(tempfile.mkdtemp(prefix="lotse-bench-passwd-"))
    try:
        ctx.log("copying the demo vaults with the calibrated key derivation …")
        copies = {size: copy_with_kdf(ctx.vault(size), scratch / f"vault-{size}", BENCH_PASSWORD, params)
                  for size in sizes}
        for attempt in range(RUNS):
            for size in sizes:
                both, alone = change_password(copies[size], attempt)
                whole[size].append(both)
                rewrap[size].append(alone)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    small, large = (Timing(tuple(whole[size])) for size in sizes)
    small_rewrap, large_rewrap = (Timing(tuple(rewrap[size])) for size in sizes)
    return [
        Figure.of("password_change_ratio", large.median_ms / small.median_ms, "x", RATIO_TARGET,
                  note=f"median of {RUNS}, unlock + change_password, {ctx.cases:,} vs {SMALL_VAULT} cases, "
                       f"{describe_kdf(params)}"),
        Figure.of(f"password_change_{SMALL_VAULT}_ms", small.median_ms, "ms"),
        Figure.of("password_change_large_ms", large.median_ms, "ms", note=f"{ctx.cases:,} cases"),
        Figure.of("password_rewrap_ratio", large_rewrap.median_ms / small_rewrap.median_ms, "x",
                  note="change_password alone (re-wrap and key file write)"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    args = parser.parse_args()
    ctx = BenchContext(cases=args.cases)
    try:
        figures = run(ctx)
    finally:
        ctx.close()
    print(json.dumps({figure.name: figure.as_json() for figure in figures}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
