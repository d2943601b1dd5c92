"""demo: fill a vault with realistic synthetic case files."""

from __future__ import annotations

import sys
from datetime import date

from app.cli import add_command
from app.errors import UsageError


def register(subparsers) -> None:
    demo = add_command(subparsers, "demo", cmd_demo, "add N realistic synthetic cases; same seed, same data")
    demo.add_argument("--cases", type=int, required=True, help="how many cases to add")
    demo.add_argument("--seed", type=int, default=1, help="the random seed (default 1)")
    demo.add_argument("--today", help="the day the data is relative to, YYYY-MM-DD (default: today)")
    demo.add_argument("--json", action="store_true")


def _parse_day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"--today must be a date as YYYY-MM-DD, not '{value}'.") from exc


def cmd_demo(args, ctx) -> int:
    from app.services.demo import generate_demo

    today = _parse_day(args.today)
    vault = ctx.open_vault()
    show_progress = not args.json and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show_progress:
            print(f"\r{done:,} / {total:,} cases", end="", file=sys.stderr, flush=True)

    summary = generate_demo(vault, cases=args.cases, seed=args.seed, today=today, progress=progress)
    if show_progress:
        print(file=sys.stderr)
    if args.json:
        ctx.print_json(summary.as_dict())
        return 0
    rows = summary.rows
    print(f"Added {summary.cases:,} demo cases (seed {summary.seed}, relative to {summary.today}) in {summary.seconds:.1f} s.")
    print("Phases: " + ", ".join(f"{phase} {count}" for phase, count in summary.by_phase.items()))
    print("Case types: " + ", ".join(f"{kind} {count}" for kind, count in summary.by_case_type.items()))
    print(
        f"Contacts {rows.get('contacts', 0):,}, goals {rows.get('goals', 0):,}, referrals {rows.get('referrals', 0):,}, "
        f"consents {rows.get('consents', 0):,}, barriers {rows.get('barriers', 0):,}, "
        f"agreements {rows.get('agreements', 0):,}, deadlines {rows.get('deadlines', 0):,}."
    )
    return 0
