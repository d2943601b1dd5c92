"""bench: the benchmark suite (benchmarks/) on temporary demo vaults."""

from __future__ import annotations

import sys

from app.cli import add_command
from app.errors import UsageError
from app.formatting import format_number
from app.i18n import _


def register(subparsers) -> None:
    bench = add_command(subparsers, "bench", cmd_bench, "run the benchmark suite on temporary demo vaults")
    bench.add_argument("--cases", type=int, default=10_000, help="size of the large demo vault (default 10,000)")
    bench.add_argument("--seed", type=int, default=1, help="seed of the demo vaults (default 1)")
    bench.add_argument("--only", action="append", metavar="NAME",
                       help="run only this benchmark (e.g. search, demo); may be repeated")
    bench.add_argument("--json", action="store_true")


def cmd_bench(args, ctx) -> int:
    try:
        from benchmarks.harness import BenchContext, benchmark_name, report, run_suite
        from benchmarks.suite import BENCHMARKS
    except ImportError as exc:
        raise UsageError(_("The benchmarks package is not installed; run from a source checkout (make bench).")) from exc

    if args.cases < 100:
        raise UsageError(_("bench needs at least 100 cases (--cases)."))
    chosen = BENCHMARKS
    if args.only:
        names = {benchmark_name(benchmark) for benchmark in BENCHMARKS}
        unknown = sorted(set(args.only) - names)
        if unknown:
            raise UsageError(_("Unknown benchmark {names}; available: {available}.").format(
                names=", ".join(unknown), available=", ".join(sorted(names))))
        chosen = [benchmark for benchmark in BENCHMARKS if benchmark_name(benchmark) in args.only]

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    bench_ctx = BenchContext(cases=args.cases, seed=args.seed, log=log)
    figures = run_suite(chosen, bench_ctx)
    document = report(figures, args.cases)
    if args.json:
        ctx.print_json(document)
        return 0
    print(_("Machine: {machine}").format(machine=document["machine"]))
    if document.get("load_average"):
        print(_("Load average while measuring: {loads}").format(loads=" ".join(f"{load:g}" for load in document["load_average"])))
    print(_("Cases: {n}").format(n=format_number(args.cases)))
    width = max((len(figure.name) for figure in figures), default=10)
    for figure in figures:
        target = "" if figure.target is None else _("target {target:g}").format(target=figure.target)
        verdict = {True: _("met"), False: _("MISSED"), None: ""}[figure.met]
        print(f"  {figure.name:<{width}}  {figure.value:>10.3f} {figure.unit:<3} {target:<14} {verdict:<6} {figure.note}")
    return 0
