"""Demo data generation: N cases into a fresh vault (target: 10,000 in under a minute)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from app.services.demo import generate_demo
from app.storage.vault import Vault
from benchmarks.harness import BENCH_PASSWORD, BenchContext, Figure

SECONDS_PER_10K = 60.0


def run(ctx: BenchContext) -> list[Figure]:
    folder = Path(tempfile.mkdtemp(prefix="lotse-bench-demo-"))
    try:
        # Key derivation is not what this measures: keep the vault's KDF at its floor.
        previous = os.environ.get("LOTSE_KDF_TARGET_SECONDS")
        os.environ["LOTSE_KDF_TARGET_SECONDS"] = "0"
        try:
            vault, _code = Vault.create(folder / "vault", BENCH_PASSWORD, user_name="benchmark")
        finally:
            if previous is None:
                os.environ.pop("LOTSE_KDF_TARGET_SECONDS", None)
            else:
                os.environ["LOTSE_KDF_TARGET_SECONDS"] = previous
        try:
            summary = generate_demo(vault, cases=ctx.cases, seed=ctx.seed)
        finally:
            vault.lock()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    target = SECONDS_PER_10K * ctx.cases / 10_000
    return [Figure.of("demo_generation_s", summary.seconds, "s", round(target, 1),
                      note=f"{ctx.cases:,} cases, {sum(summary.rows.values()):,} rows")]
