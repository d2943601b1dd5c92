"""case list, case show, search, agency list, import: the case file from the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.cli import add_command
from app.errors import DataError, UsageError
from app.i18n import _, ngettext


def register(subparsers) -> None:
    case = subparsers.add_parser("case", help="list and show cases", description="list and show cases")
    case_commands = case.add_subparsers(dest="case_command")
    listing = add_command(case_commands, "list", cmd_case_list, "list cases: ref, name, status, phase, type, opened, closed")
    listing.add_argument("--json", action="store_true", help="print one JSON document")
    listing.add_argument("--status", action="append", help="only cases with this status (repeatable)")
    listing.add_argument("--phase", action="append", help="only cases in this phase (repeatable)")
    listing.add_argument("--type", dest="case_type", action="append", help="only cases of this type (repeatable)")
    listing.add_argument("--search", help="full-text search combined with the filters")
    listing.add_argument("--sort", default="ref", help="ref, name, opened, closed, phase, status, next_deadline …")
    listing.add_argument("--desc", action="store_true", help="sort descending")
    listing.add_argument("--limit", type=_non_negative, help="at most this many cases (default: all)")
    listing.add_argument("--offset", type=_non_negative, default=0, help="skip this many cases")
    show = add_command(case_commands, "show", cmd_case_show, "one case with its whole file")
    show.add_argument("ref", help="the case reference, e.g. 2026-0042")
    show.add_argument("--json", action="store_true", help="print one JSON document")

    search = add_command(subparsers, "search", cmd_search, "full-text search over names, notes, goals, barriers")
    search.add_argument("query")
    search.add_argument("--limit", type=_positive, default=20)
    search.add_argument("--json", action="store_true", help="print one JSON document")

    agency = subparsers.add_parser("agency", help="the agency directory", description="the agency directory")
    agency_commands = agency.add_subparsers(dest="agency_command")
    agencies = add_command(agency_commands, "list", cmd_agency_list, "the agency directory: id, name, legal domain, address")
    agencies.add_argument("--json", action="store_true", help="print one JSON document")
    agencies.add_argument("--all", action="store_true", help="include deactivated agencies")

    importing = add_command(subparsers, "import", cmd_import, "create or update cases from a CSV file (matched by ref)")
    importing.add_argument("file", type=Path)
    importing.add_argument("--json", action="store_true", help="print one JSON document")


def _non_negative(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(_("'{value}' is not a whole number").format(value=value)) from None
    if number < 0:
        raise argparse.ArgumentTypeError(_("{number} is negative").format(number=number))
    return number


def _positive(value: str) -> int:
    number = _non_negative(value)
    if number == 0:
        raise argparse.ArgumentTypeError(_("must be at least 1"))
    return number


def _open(ctx):
    from app.services.agencies import ensure_default_agencies

    vault = ctx.open_vault()
    ensure_default_agencies(vault)
    return vault


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    cells = [[("" if value is None else str(value)) for value in row] for row in rows]
    widths = [max([len(h)] + [len(row[i]) for row in cells]) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for row in cells:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


# --- case list / show ------------------------------------------------------------------


def cmd_case_list(args, ctx) -> int:
    from app.services.case_list import SORT_KEYS, case_page

    if args.sort not in SORT_KEYS:
        raise UsageError(_("--sort must be one of {keys}, not '{value}'.").format(keys=", ".join(SORT_KEYS), value=args.sort))
    vault = _open(ctx)
    rows, total = case_page(
        vault, status=args.status, phase=args.phase, case_type=args.case_type, search=args.search, sort=args.sort,
        descending=args.desc, offset=args.offset, limit=args.limit,
    )
    if args.json:
        ctx.print_json([
            {"ref": r.ref, "name": r.name, "name_original": r.name_original, "status": r.status, "phase": r.phase,
             "case_type": r.case_type, "opened": r.opened.isoformat(), "closed": r.closed.isoformat() if r.closed else None,
             "case_manager": r.case_manager, "residence_status": r.residence_status,
             "next_deadline": r.next_deadline.isoformat() if r.next_deadline else None, "case_id": r.case_id}
            for r in rows
        ])
        return 0
    print_table(
        (_("ref"), _("name"), _("status"), _("phase"), _("type"), _("opened"), _("closed")),
        [(r.ref, r.name, r.status, r.phase, r.case_type, r.opened.isoformat(),
          r.closed.isoformat() if r.closed else "") for r in rows],
    )
    print(ngettext("{shown} of {total} case", "{shown} of {total} cases", total).format(shown=len(rows), total=total))
    return 0


def cmd_case_show(args, ctx) -> int:
    from app.services.case_file import case_detail
    from app.services.deadline_engine import case_deadlines

    vault = _open(ctx)
    detail = case_detail(vault, args.ref)
    # The case file holds only stored deadlines; the live ones (papers, steps, rules) belong in the answer too.
    detail["deadlines"] = case_deadlines(vault, detail["case_id"], detail["deadlines"])
    if args.json:
        ctx.print_json(detail)
    else:
        print_case(detail)
    return 0


def print_case(d: dict[str, Any]) -> None:
    person = d["person"]
    original = f"  ({d['name_original']})" if d["name_original"] else ""
    print(f"{d['ref']}  {d['name']}{original}")
    line = _("{case_type} · phase {phase} · {status} · opened {opened}").format(
        case_type=d["case_type"], phase=d["phase"], status=d["status"], opened=d["opened"])
    if d["closed"]:
        line += " · " + _("closed {closed} ({reason})").format(closed=d["closed"], reason=d["closing_reason"])
    print("  " + line)
    if d["next_phase"]:
        missing = "; ".join(d["missing_for_next_phase"]) or _("nothing")
        print("  " + _("next phase {phase}: missing {missing}").format(phase=d["next_phase"], missing=missing))
    print("  " + _("born {birth_date} · nationality {nationality} · residence {residence}").format(
        birth_date=person["birth_date"] or "?", nationality=", ".join(person["nationalities"]) or "?",
        residence=person["residence_status"] or "?"))
    print("\n" + _("Goal areas"))
    for code, area in d["goal_areas"].items():
        need = "-" if area["need_level"] is None else area["need_level"]
        print(f"  {code:<15} " + _("need {need}  goals {goals}").format(need=need, goals=len(area["goals"])))
        for goal in area["goals"]:
            print(f"    - {goal['text']} [{goal['status']}, {goal['attainment']} %]")
    _section(_("Contacts"), [f"{c['date']} {c['kind']}: {c['note'][:60]}" for c in d["contacts"]])
    _section(_("Referrals"), [f"{r['date']} {r['agency_name']} ({r['status']})" for r in d["referrals"]])
    _section(_("Consents"), [f"{c['recipient_name']}: {', '.join(c['categories'])} — {c['state']}" for c in d["consents"]])
    _section(_("Barriers"), [f"{b['occurred_on']} {b['category']}" for b in d["barriers"]])
    _section(_("Measures"), [f"{m['area']} {m['title']} ({m['outcome']})" for m in d["measures"]]
             + [_("WARNING: {message}").format(message=w["message"]) for w in d["measure_warnings"]])
    _section(_("Agreements"), [
        ngettext("{title} ({status}), {n} step", "{title} ({status}), {n} steps", len(a["steps"])).format(
            title=a["title"], status=a["status"], n=len(a["steps"])) for a in d["agreements"]])
    _section(_("Deadlines"), [f"{x['due']} {x['kind']}" + (" " + _("(done)") if x["done"] else "") for x in d["deadlines"]])
    _section(_("Documents"), [
        _("{date} {title} ({size} bytes)").format(date=x["doc_date"] or "", title=x["title"], size=x["size"])
        for x in d["documents"]])
    _section(_("Conflicts"), [
        _("{field}: mine {mine!r} / theirs {theirs!r}").format(field=c.get("field"), mine=c.get("mine"), theirs=c.get("theirs"))
        for c in d["conflicts"]])


def _section(title: str, lines: list[str]) -> None:
    if lines:
        print(f"\n{title}")
        for line in lines:
            print(f"  {line}")


# --- search, agencies, import ------------------------------------------------------------


def cmd_search(args, ctx) -> int:
    from app.services.case_search import search_cases

    vault = _open(ctx)
    hits = search_cases(vault, query=args.query, limit=args.limit)
    if args.json:
        ctx.print_json([{"ref": h.ref, "name": h.name, "field": h.field, "snippet": h.snippet} for h in hits])
        return 0
    print_table((_("ref"), _("name"), _("field"), _("snippet")), [(h.ref, h.name, h.field, h.snippet) for h in hits])
    return 0


def cmd_agency_list(args, ctx) -> int:
    from app.services.agencies import list_agencies

    vault = _open(ctx)
    agencies = list_agencies(vault, include_inactive=args.all)
    if args.json:
        ctx.print_json([agency.as_dict() for agency in agencies])
        return 0
    print_table(
        (_("id"), _("name"), _("legal domain"), _("address")),
        [(a.id, a.name + (f" – {a.department}" if a.department else ""), a.legal_domain,
          ", ".join(p for p in (a.street, f"{a.postcode} {a.city}".strip()) if p)) for a in agencies],
    )
    return 0


def cmd_import(args, ctx) -> int:
    from app.services.import_csv import CsvImportError, import_cases_csv

    try:
        data = Path(args.file).read_bytes()
    except FileNotFoundError:
        raise DataError(_("The file {path} does not exist.").format(path=args.file)) from None
    except IsADirectoryError:
        raise UsageError(_("{path} is a folder, not a CSV file.").format(path=args.file)) from None
    except OSError as exc:
        raise DataError(_("Cannot read {path}: {reason}.").format(path=args.file, reason=exc.strerror)) from None
    vault = _open(ctx)
    try:
        summary = import_cases_csv(vault, data=data)
    except CsvImportError as exc:
        # The one place the CLI prints more than one error line: every row error, after the summary.
        print(f"lotse: {exc.summary}", file=sys.stderr)
        for error in exc.errors:
            print(" ".join(str(error).split()), file=sys.stderr)
        return exc.exit_code
    if args.json:
        ctx.print_json({"created": summary.created, "updated": summary.updated})
    else:
        total = summary.created + summary.updated
        print(ngettext("Imported {n} case: {created} created, {updated} updated.",
                       "Imported {n} cases: {created} created, {updated} updated.", total).format(
            n=total, created=summary.created, updated=summary.updated))
    return 0
