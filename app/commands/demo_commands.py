"""demo: fill a vault with realistic synthetic case files."""

from __future__ import annotations

import sys
from datetime import date

from app.cli import add_command
from app.errors import UsageError
from app.formatting import format_date, format_number
from app.i18n import _


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
        raise UsageError(_("--today must be a date as YYYY-MM-DD, not '{value}'.").format(value=value)) from exc


def cmd_demo(args, ctx) -> int:
    from app.services.demo import generate_demo

    today = _parse_day(args.today)
    vault = ctx.open_vault()
    show_progress = not args.json and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show_progress:
            print("\r" + _("{done} / {total} cases").format(done=format_number(done), total=format_number(total)),
                  end="", file=sys.stderr, flush=True)

    summary = generate_demo(vault, cases=args.cases, seed=args.seed, today=today, progress=progress)
    if show_progress:
        print(file=sys.stderr)
    if args.json:
        ctx.print_json(summary.as_dict())
        return 0
    rows = summary.rows
    print(_("Added {n} demo cases (seed {seed}, relative to {today}) in {seconds} s.").format(
        n=format_number(summary.cases), seed=summary.seed, today=format_date(summary.today),
        seconds=format_number(summary.seconds, decimals=1)))
    print(_("Phases: {counts}").format(counts=", ".join(f"{phase} {count}" for phase, count in summary.by_phase.items())))
    print(_("Case types: {counts}").format(
        counts=", ".join(f"{kind} {count}" for kind, count in summary.by_case_type.items())))
    count = {name: format_number(rows.get(name, 0)) for name in (
        "contacts", "goals", "referrals", "consents", "barriers", "agreements", "deadlines")}
    print(
        _("Contacts {contacts}, goals {goals}, referrals {referrals}, consents {consents}, barriers {barriers}, "
          "agreements {agreements}, deadlines {deadlines}.").format(**count)
    )
    return 0
