"""deadlines, agreements: what is due, and the Zug-um-Zug agreements of a case (shared/CLI.md).

``agreement REF`` (singular, the printed agreement) belongs to the documents
commands; the group here is ``agreements`` (plural).
"""

from __future__ import annotations

from datetime import date

from app.cli import CliParser, add_command, add_common_options
from app.errors import UsageError
from app.i18n import _, ngettext
from app.ui import labels  # Qt-free: the same words as the screens

DEFAULT_WITHIN_DAYS = 30
# A century ahead is more than any deadline needs, and keeps the window inside the calendar.
MAX_WITHIN_DAYS = 36_500
LAST_START_YEAR = 8999


def register(subparsers) -> None:
    deadlines = add_command(subparsers, "deadlines", cmd_deadlines,
                            "due and overdue deadlines and agreement steps of open cases")
    deadlines.add_argument("--within", type=int, default=DEFAULT_WITHIN_DAYS, metavar="DAYS",
                           help=f"deadlines due within DAYS days (default {DEFAULT_WITHIN_DAYS}); overdue ones always")
    deadlines.add_argument("--case", metavar="REF", help="only this case")
    deadlines.add_argument("--on", metavar="DATE", help="count from this day instead of today (YYYY-MM-DD)")
    deadlines.add_argument("--json", action="store_true", help="print one JSON document")

    group = subparsers.add_parser("agreements", help="Zug-um-Zug agreements: list, overview, record a step",
                                  description="Zug-um-Zug agreements: list, overview, record a step")
    add_common_options(group, suppress=True)
    actions = group.add_subparsers(dest="agreements_command", parser_class=CliParser)
    listing = add_command(actions, "list", cmd_agreements_list, "a case's agreements with their steps")
    listing.add_argument("ref", metavar="REF", help="the case reference (Aktenzeichen)")
    listing.add_argument("--on", metavar="DATE", help="states as of this day (YYYY-MM-DD)")
    listing.add_argument("--json", action="store_true")
    overview = add_command(actions, "overview", cmd_agreements_overview,
                           "agreements in force across cases, overdue first")
    overview.add_argument("--on", metavar="DATE", help="states as of this day (YYYY-MM-DD)")
    overview.add_argument("--json", action="store_true")
    done = add_command(actions, "step-done", cmd_step_done, "record that a step was fulfilled")
    done.add_argument("step_id", metavar="STEP_ID")
    done.add_argument("--on", metavar="DATE", required=True, help="the day it was fulfilled (YYYY-MM-DD)")
    done.add_argument("--proof", metavar="DOCUMENT_ID", help="the case document that proves it")
    done.add_argument("--json", action="store_true")


def parse_day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    value = text.strip()
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise UsageError(_("{option} needs a date as YYYY-MM-DD, not '{text}'.").format(option=option, text=text))


def case_id_for(vault, ref: str) -> str:
    from app.services.lookup import case_by_ref

    with vault.session() as session:
        return case_by_ref(session, ref).id


def cmd_deadlines(args, ctx) -> int:
    from app.services import audit
    from app.services.deadline_engine import deadline_list

    if not 0 <= args.within <= MAX_WITHIN_DAYS:
        raise UsageError(_("--within needs a number of days from 0 to {max}.").format(max=MAX_WITHIN_DAYS))
    today = parse_day(args.on, "--on") or date.today()
    if today.year > LAST_START_YEAR:
        raise UsageError(_("--on lies too far in the future: {date}.").format(date=today.isoformat()))
    vault = ctx.open_vault()
    case_id = case_id_for(vault, args.case) if args.case else None
    items = deadline_list(vault, today=today, within_days=args.within, case_id=case_id)
    with vault.session() as session:
        audit.record(session, vault.user_name, "deadlines.list", case_id, f"within={args.within} items={len(items)}")
    if args.json:
        ctx.print_json([item.to_json() for item in items])
        return 0
    if not items:
        print(ngettext("No deadlines due within {n} day and none overdue.",
                       "No deadlines due within {n} days and none overdue.", args.within).format(n=args.within))
        return 0
    width = max(len(item.name) for item in items)
    for item in items:
        flag = _("OVERDUE") if item.overdue else ""
        kind = labels.label(labels.DEADLINE_KIND_LABELS, item.kind)
        print(f"{flag:7}  {item.due.isoformat()}  {item.ref:10}  {item.name:{width}}  {kind:24}  {item.text}")
    return 0


def cmd_agreements_list(args, ctx) -> int:
    from app.services import audit
    from app.services.agreements import list_case_agreements

    today = parse_day(args.on, "--on") or date.today()
    vault = ctx.open_vault()
    case_id = case_id_for(vault, args.ref)
    views = list_case_agreements(vault, case_id, today=today)
    with vault.session() as session:
        audit.record(session, vault.user_name, "agreement.list", case_id, f"agreements={len(views)}")
    if args.json:
        ctx.print_json([view.to_json() for view in views])
        return 0
    if not views:
        print(_("The case {ref} has no agreements.").format(ref=args.ref.strip()))
    for view in views:
        print(format_agreement(view))
    return 0


def cmd_agreements_overview(args, ctx) -> int:
    from app.services.agreements import list_agreements_overview

    today = parse_day(args.on, "--on") or date.today()
    vault = ctx.open_vault()
    lines = list_agreements_overview(vault, today=today)
    if args.json:
        ctx.print_json([{
            "ref": line.ref,
            "name": line.name,
            "agreement_id": line.agreement_id,
            "title": line.title,
            "concluded_on": line.concluded_on.isoformat() if line.concluded_on else None,
            "next_step": line.next_step.to_json() if line.next_step else None,
            "late_steps": [step.to_json() for step in line.late_steps],
            "steps_total": line.steps_total,
            "steps_settled": line.steps_settled,
        } for line in lines])
        return 0
    if not lines:
        print(_("No agreements in force."))
    for line in lines:
        late = _("{n} late, up to {days} days").format(n=len(line.late_steps), days=line.days_overdue) \
            if line.late_steps else _("on track")
        step = line.next_step
        upcoming = _("next: step {position} ({state}, {due})").format(
            position=step.position, state=labels.label(labels.STEP_STATE_LABELS, step.state),
            due=_day(step.effective_due)) if step else _("no open step")
        print(f"{line.ref:10}  {line.name}  {line.title}  [{line.steps_settled}/{line.steps_total}]  {late}; {upcoming}")
    return 0


def cmd_step_done(args, ctx) -> int:
    from app.services.agreements import fulfil_step

    day = parse_day(args.on, "--on")
    vault = ctx.open_vault()
    view = fulfil_step(vault, args.step_id.strip(), on=day, proof_document_id=args.proof)
    if args.json:
        ctx.print_json(view.to_json())
        return 0
    step = next(step for step in view.steps if step.id == args.step_id.strip())
    print(_("Step {position} of '{title}' recorded as fulfilled on {date}.").format(
        position=step.position, title=view.title, date=day.isoformat()))
    if view.status == "fulfilled":
        print(_("All steps are fulfilled or waived: the agreement is fulfilled."))
    return 0


def format_agreement(view) -> str:
    status = labels.label(labels.AGREEMENT_STATUS_LABELS, view.status)
    if view.concluded_on:
        heading = _("{title} ({status}, concluded on {date}) — id {id}").format(
            title=view.title, status=status, date=view.concluded_on.isoformat(), id=view.id)
    else:
        heading = _("{title} ({status}) — id {id}").format(title=view.title, status=status, id=view.id)
    lines = [heading]
    if view.ended_reason:
        lines.append("  " + _("ended: {reason}").format(reason=view.ended_reason))
    for step in view.steps:
        state = labels.label(labels.STEP_STATE_LABELS, step.state) + (
            f" {step.days_overdue} d" if step.days_overdue else "")
        party = labels.label(labels.STEP_PARTY_LABELS, step.party)
        due = _day(step.effective_due or step.planned_due)
        lines.append(f"  {step.position:2}. [{state:14}] {party:28} {due:10}  {step.action}  (id {step.id})")
    return "\n".join(lines)


def _day(day: date | None) -> str:
    return day.isoformat() if day is not None else "—"
