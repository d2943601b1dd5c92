"""The benchmark harness: demo vaults, timing, figures, the report.

Adding a figure: write a function ``run(ctx: BenchContext) -> list[Figure]``
in a ``benchmarks/bench_<area>.py`` module, and add it to
``benchmarks.suite.BENCHMARKS``. Inside, ``ctx.vault(ctx.cases)`` gives an
unlocked demo vault of that size (built once, then reused from a cache in the
temp folder), ``time_runs`` / ``time_calls`` measure, and ``Figure.of`` turns
a measurement and its target into a figure.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from app.services.demo import DEMO_DATA_VERSION, generate_demo
from app.storage.kdf import DEFAULT_TARGET_SECONDS, KdfParams, calibrate
from app.storage.migrate import head_revision
from app.storage.vault import Vault
from benchmarks.machine import describe, machine_info

DEFAULT_SEED = 1
BENCH_PASSWORD = "lotse benchmark vault"  # synthetic data only
CACHE_ROOT = Path(tempfile.gettempdir()) / "lotse-bench"


@dataclass(frozen=True)
class Figure:
    """One measured figure as ``bench --json`` reports it."""

    name: str
    value: float
    unit: str
    target: float | None = None
    met: bool | None = None
    note: str = ""
    higher_is_better: bool = False  # the regression check needs the direction

    @classmethod
    def of(cls, name: str, value: float, unit: str, target: float | None = None, *,
           higher_is_better: bool = False, note: str = "") -> Figure:
        met = None
        if target is not None:
            met = value >= target if higher_is_better else value <= target
        return cls(name, round(value, 3), unit, target, met, note, higher_is_better)

    def as_json(self) -> dict:
        data = {"value": self.value, "unit": self.unit, "target": self.target, "met": self.met}
        if self.note:
            data["note"] = self.note
        if self.higher_is_better:
            data["higher_is_better"] = True
        return data


@dataclass(frozen=True)
class Timing:
    samples_ms: tuple[float, ...]

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def p95_ms(self) -> float:
        return percentile(self.samples_ms, 95)

    @property
    def total_ms(self) -> float:
        return sum(self.samples_ms)


def percentile(samples: Sequence[float], q: float) -> float:
    """The q-th percentile, linear between the closest ranks (as numpy's default)."""
    ordered = sorted(samples)
    if not ordered:
        raise ValueError("no samples")
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def time_runs(fn: Callable[[], object], *, runs: int = 30, warmup: int = 2) -> Timing:
    """Call ``fn`` ``warmup`` times unmeasured, then ``runs`` times measured."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return Timing(tuple(samples))


def time_calls(fn: Callable[[object], object], arguments: Iterable[object], *, rounds: int = 10,
               warmup: int = 1) -> Timing:
    """Time ``fn(argument)`` for every argument, ``rounds`` times over: one pooled distribution."""
    arguments = list(arguments)
    for _ in range(warmup):
        for argument in arguments:
            fn(argument)
    samples = []
    for _ in range(rounds):
        for argument in arguments:
            started = time.perf_counter()
            fn(argument)
            samples.append((time.perf_counter() - started) * 1000)
    return Timing(tuple(samples))


def machine_description() -> str:
    return describe(machine_info())


def demo_vault_dir(cases: int, seed: int = DEFAULT_SEED) -> Path:
    """A demo vault of ``cases`` cases, built on first use and kept in the temp folder.

    The folder name carries the size, the seed, the demo data version and the
    schema revision, so a change to the generator builds a new vault instead of
    measuring a stale one, and a checkout with a newer schema never migrates a
    cached vault that an older checkout (another branch) still has to open.
    """
    directory = CACHE_ROOT / f"demo-{cases}-seed{seed}-v{DEMO_DATA_VERSION}-r{head_revision()}"
    if directory.exists():
        return directory
    CACHE_ROOT.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f"building-{cases}-", dir=CACHE_ROOT))
    try:
        # Key derivation at its floor: unlocking these vaults is not what is measured
        # (bench_unlock and bench_password_change re-wrap a copy with the real calibration).
        with floor_kdf():
            vault, _code = Vault.create(building / "vault", BENCH_PASSWORD, user_name="benchmark")
        try:
            generate_demo(vault, cases=cases, seed=seed)
        finally:
            vault.lock()
        os.replace(building / "vault", directory)  # appears complete or not at all
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return directory


@contextmanager
def floor_kdf() -> Iterator[None]:
    """Vaults created inside get Argon2id at the OWASP minimum (as in the tests)."""
    previous = os.environ.get("LOTSE_KDF_TARGET_SECONDS")
    os.environ["LOTSE_KDF_TARGET_SECONDS"] = "0"
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("LOTSE_KDF_TARGET_SECONDS", None)
        else:
            os.environ["LOTSE_KDF_TARGET_SECONDS"] = previous


@dataclass
class BenchContext:
    """What a benchmark gets: the size asked for, the seed, and vaults to measure on."""

    cases: int
    seed: int = DEFAULT_SEED
    log: Callable[[str], None] = lambda message: None
    _vaults: dict[int, Vault] = field(default_factory=dict)
    _kdf: KdfParams | None = None

    def vault(self, cases: int) -> Vault:
        """An unlocked demo vault of that size (shared by all benchmarks of one run)."""
        if cases not in self._vaults:
            self.log(f"preparing a demo vault of {cases:,} cases …")
            self._vaults[cases] = Vault.unlock(demo_vault_dir(cases, self.seed), BENCH_PASSWORD)
        return self._vaults[cases]

    def calibrated_kdf(self) -> KdfParams:
        """Argon2id parameters calibrated here as a user's new vault gets them (once per run).

        ``LOTSE_KDF_TARGET_SECONDS`` (the tests' shortcut) is ignored: these are the real ones.
        """
        if self._kdf is None:
            self.log("calibrating the key derivation as for a new vault …")
            self._kdf = calibrate(DEFAULT_TARGET_SECONDS)
        return self._kdf

    def close(self) -> None:
        for vault in self._vaults.values():
            vault.lock()
        self._vaults.clear()


Benchmark = Callable[[BenchContext], list[Figure]]


def benchmark_name(benchmark: Benchmark) -> str:
    """``benchmarks.bench_search.run`` → ``search`` (what ``--only`` matches)."""
    return benchmark.__module__.rsplit(".", 1)[-1].removeprefix("bench_")


def run_suite(benchmarks: Iterable[Benchmark], ctx: BenchContext) -> list[Figure]:
    figures: list[Figure] = []
    try:
        for benchmark in benchmarks:
            ctx.log(f"running {benchmark_name(benchmark)} …")
            figures.extend(benchmark(ctx))
    finally:
        ctx.close()
    return figures


def with_suffix(figures: Iterable[Figure], suffix: str) -> list[Figure]:
    """The same figures under other names (the stress pass: ``search_p95_ms_at_100k``)."""
    return [replace(figure, name=figure.name + suffix) for figure in figures]


def report(figures: Iterable[Figure], cases: int, seed: int = DEFAULT_SEED) -> dict:
    """The ``bench --json`` document (shared/CLI.md), with the machine described in detail."""
    info = machine_info()
    return {
        "machine": describe(info),
        "machine_info": info,
        "date": info["date"],
        # Other work on this (shared) machine while measuring: read the figures with it.
        "load_average": info["load_average"],
        "cases": cases,
        "seed": seed,
        "figures": {figure.name: figure.as_json() for figure in figures},
    }
