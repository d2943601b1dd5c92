"""bench: the benchmark suite (benchmarks/) on temporary demo vaults.

Every run writes its ``bench --json`` document to a file (``--output``, default
benchmarks/results/latest.json); ``--write-docs`` regenerates
docs/performance.md from it; ``--check`` compares it with the recorded
baseline (benchmarks/baseline.json) and exits with code 6 when a figure is
more than 30 % worse.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from app.cli import add_command
from app.errors import LotseError, UsageError
from app.i18n import _


class RegressionFound(LotseError):
    """``bench --check``: a figure is markedly worse than the baseline."""

    exit_code = 6


def register(subparsers) -> None:
    bench = add_command(subparsers, "bench", cmd_bench, "run the benchmark suite on temporary demo vaults")
    bench.add_argument("--cases", type=int, default=10_000, help="size of the large demo vault (default 10,000)")
    bench.add_argument("--seed", type=int, default=1, help="seed of the demo vaults (default 1)")
    bench.add_argument("--only", action="append", metavar="NAME",
                       help="run only this benchmark (e.g. search, demo); may be repeated")
    bench.add_argument("--json", action="store_true")
    bench.add_argument("--output", type=Path, metavar="FILE",
                       help="write the JSON document here too (default benchmarks/results/latest.json)")
    bench.add_argument("--write-docs", action="store_true", help="regenerate docs/performance.md from this run")
    bench.add_argument("--check", action="store_true",
                       help="compare with the baseline; exit 6 if a figure is more than 30%% worse")
    bench.add_argument("--baseline", type=Path, metavar="FILE",
                       help="the recorded figures for --check (default benchmarks/baseline.json)")
    bench.add_argument("--stress", action="store_true",
                       help="also run search, case file, unlock and memory on 100,000 cases "
                            "(builds that vault once: about 10 minutes)")


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def cmd_bench(args, ctx) -> int:
    try:
        from benchmarks.harness import BenchContext, benchmark_name, report, run_suite, with_suffix
        from benchmarks.regression import THRESHOLD, compare, load, load_warning, not_measured
        from benchmarks.report import (
            DEFAULT_BASELINE,
            DEFAULT_DOCS,
            DEFAULT_RESULTS,
            display_path,
            write_docs,
        )
        from benchmarks.suite import BENCHMARKS, STRESS_BENCHMARKS, STRESS_CASES, STRESS_SUFFIX
    except ImportError as exc:
        raise UsageError(_("The benchmarks package is not installed; run from a source checkout (make bench).")) from exc

    if args.cases < 100:
        raise UsageError(_("bench needs at least 100 cases (--cases)."))
    chosen = BENCHMARKS
    if args.only:
        names = {benchmark_name(benchmark) for benchmark in BENCHMARKS}
        unknown = sorted(set(args.only) - names)
        if unknown:
            raise UsageError(_("Unknown benchmark {unknown}; available: {available}.").format(
                unknown=", ".join(unknown), available=", ".join(sorted(names))))
        chosen = [benchmark for benchmark in BENCHMARKS if benchmark_name(benchmark) in args.only]

    baseline = None
    if args.check:  # before a run of many minutes, not after it
        baseline_path = args.baseline or DEFAULT_BASELINE
        try:
            baseline = load(baseline_path)
        except (OSError, ValueError) as exc:
            raise UsageError(_("Cannot read the baseline {path} ({error}).").format(path=baseline_path, error=exc)) from exc
        if baseline.get("cases") != args.cases:
            raise UsageError(_("The baseline was measured on {cases} cases; run with --cases {cases} to compare.").format(
                cases=baseline.get("cases")))

    figures = run_suite(chosen, BenchContext(cases=args.cases, seed=args.seed, log=_log))
    if args.stress:
        stress = [benchmark for benchmark in STRESS_BENCHMARKS if benchmark in chosen]
        stress_ctx = BenchContext(cases=STRESS_CASES, seed=args.seed, log=_log)
        figures += with_suffix(run_suite(stress, stress_ctx), STRESS_SUFFIX)
    document = report(figures, args.cases, args.seed)

    output = args.output or DEFAULT_RESULTS
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    _log(f"wrote {display_path(output)}")
    if args.write_docs:
        write_docs(document, DEFAULT_DOCS, display_path(output))
        _log(f"wrote {display_path(DEFAULT_DOCS)}")

    regressions = compare(document, baseline) if baseline is not None else []
    if args.json:
        ctx.print_json(document)
    else:
        _print_table(document, figures)
        if baseline is not None:
            missing = not_measured(document, baseline)
            values = {"date": baseline.get("date", _("unknown date")), "count": len(regressions),
                      "threshold": f"{THRESHOLD:.0%}", "missing": ", ".join(missing)}
            if missing:
                print(_("Compared with the baseline of {date}: {count} figure(s) more than {threshold} worse; "
                        "not measured this time: {missing}").format(**values))
            else:
                print(_("Compared with the baseline of {date}: {count} figure(s) more than {threshold} worse").format(
                    **values))
            for regression in regressions:
                print(f"  REGRESSION {regression.describe()}")
    if baseline is not None and (warning := load_warning(document, baseline)):
        _log(warning)
    if regressions:
        raise RegressionFound(_("{count} figure(s) more than {threshold} worse than the baseline: {regressions}").format(
            count=len(regressions), threshold=f"{THRESHOLD:.0%}",
            regressions="; ".join(regression.describe() for regression in regressions)))
    return 0


def _print_table(document: dict, figures: list) -> None:
    print(_("Machine: {machine}").format(machine=document["machine"]))
    if document.get("load_average"):
        print(_("Load average while measuring: {loads}").format(
            loads=" ".join(f"{load:g}" for load in document["load_average"])))
    print(_("Cases: {cases}").format(cases=f"{document['cases']:,}"))
    width = max((len(figure.name) for figure in figures), default=10)
    for figure in figures:
        target = "" if figure.target is None else f"target {figure.target:g}"
        verdict = {True: "met", False: "MISSED", None: ""}[figure.met]
        print(f"  {figure.name:<{width}}  {figure.value:>10.3f} {figure.unit:<3} {target:<14} {verdict:<6} {figure.note}")
