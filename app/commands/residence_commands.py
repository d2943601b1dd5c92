"""residence-check: what §§ 25a, 25b, 60c, 60d AufenthG give for a person's facts (shared/CLI.md).

With a facts file it needs no vault and no password: the facts come from the
JSON file, the rules from resources/rules. Given a case reference instead
(an addition to the contract), the facts are the person's in that case file,
read from the vault; an unknown reference exits 4.
"""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

from app.cli import add_command
from app.i18n import _


def register(subparsers) -> None:
    parser = add_command(
        subparsers, "residence-check", cmd_residence_check,
        "what §25a, §25b, §60c, §60d AufenthG give for the facts in a JSON file or a case's person",
    )
    parser.add_argument("facts", metavar="FACTS.json|REF",
                        help="the person's facts (fields: see CLI.md), or the reference of a case in the vault")
    parser.add_argument("--on", metavar="DATE", help="check date as YYYY-MM-DD (default: today)")
    parser.add_argument("--json", action="store_true", help="print one JSON document")


def cmd_residence_check(args, ctx) -> int:
    from app.services.residence import Facts, check_residence
    from app.services.residence.facts import parse_iso_date

    on = parse_iso_date("--on", args.on.strip()) if args.on else date.today()
    if _names_a_case(args.facts):
        check = _check_case(ctx, args.facts, on)
    else:
        check = check_residence(Facts.from_file(Path(args.facts)), on)
    if args.json:
        ctx.print_json(check.to_json())
    else:
        print(format_check(check))
    return 0


def _names_a_case(argument: str) -> bool:
    """A case reference rather than a facts file: no such file, and it does not look like a path."""
    path = Path(argument)
    return not path.exists() and path.suffix.lower() != ".json" and path.name == argument


def _check_case(ctx, ref: str, on: date):
    from app.services.lookup import case_by_ref
    from app.services.residence_for_case import residence_check_for_case

    vault = ctx.open_vault()
    with vault.session() as session:
        case_id = case_by_ref(session, ref).id
    return residence_check_for_case(vault, case_id, on=on)


def format_check(check) -> str:
    """A readable summary for a terminal."""
    lines = [
        _("Residence check on {date} (rules version {version})").format(date=check.on.isoformat(), version=check.rules_version),
    ]
    if check.warnings:
        lines.append("")
        lines.append(_("Warnings:"))
        lines.extend(_bullets(check.warnings, "  ! "))
    for result in check.rules.values():
        lines.append("")
        status = _("can still apply") if result.available else _("not possible")
        lines.append(f"{result.title}: {status}")
        met, last = _("time requirements met on:"), _("last day to apply:")
        width = max(len(met), len(last))  # the two dates line up, in any language
        lines.append(f"  {met:<{width}} {_day(result.requirements_met_on)}")
        if result.application_deadline is not None:
            lines.append(f"  {last:<{width}} {_day(result.application_deadline)}")
        if result.missing:
            lines.append("  " + _("still open:"))
            lines.extend(_bullets([finding.text for finding in result.missing], "    - "))
        if result.notes:
            lines.append("  " + _("notes:"))
            lines.extend(_bullets(result.notes, "    · "))
    lines.append("")
    lines.extend(_bullets(check.notes, ""))
    return "\n".join(lines)


def _day(day: date | None) -> str:
    return day.isoformat() if day is not None else _("not on these facts")


def _bullets(items: list[str], prefix: str) -> list[str]:
    lines = []
    for item in items:
        # Keep "§ 25a" and "Abs. 1" together: textwrap does not break at a no-break space.
        item = item.replace("§ ", "§\u00a0").replace("Abs. ", "Abs.\u00a0")
        lines.extend(textwrap.wrap(item, width=100, initial_indent=prefix, subsequent_indent=" " * len(prefix)))
    return lines
