"""report, retention, audit: the programme report and the data-protection lifecycle."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.cli import add_command
from app.errors import DataError, UsageError
from app.i18n import _, ngettext


def register(subparsers) -> None:
    report = add_command(subparsers, "report", cmd_report, "aggregate report (Berichtswesen) for a period")
    report.add_argument("--from", dest="date_from", required=True, metavar="DATE", help="first day (YYYY-MM-DD)")
    report.add_argument("--to", dest="date_to", required=True, metavar="DATE", help="last day (YYYY-MM-DD)")
    report.add_argument("-o", "--output", type=Path, metavar="FILE.pdf", help="write the report PDF")
    report.add_argument("--csv", type=Path, metavar="FILE", help="write the report as CSV (section,key,value)")
    report.add_argument("--barriers", type=Path, metavar="FILE.pdf", help="write the barrier report for the steering group")
    report.add_argument("--case-manager", metavar="NAME", help="only this case manager's cases")
    report.add_argument("--programme", choices=("kim", "gk"), help="only cases of this programme")
    report.add_argument("--json", action="store_true")

    retention = add_command(subparsers, "retention", cmd_retention, "cases past their retention period; --apply erases them")
    retention.add_argument("--apply", action="store_true", help="erase the listed cases (final)")
    retention.add_argument("--json", action="store_true")

    audit = add_command(subparsers, "audit", cmd_audit, "the audit log, filtered; --csv exports it")
    audit.add_argument("--case", metavar="REF", help="only entries of this case")
    audit.add_argument("--from", dest="date_from", metavar="DATE")
    audit.add_argument("--to", dest="date_to", metavar="DATE")
    audit.add_argument("--user")
    audit.add_argument("--action", help="exact, or a prefix ending in * (case.*)")
    audit.add_argument("--limit", type=int, default=100)
    audit.add_argument("--csv", type=Path, metavar="FILE", help="export every matching entry as CSV")
    audit.add_argument("--json", action="store_true")


def parse_date(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise UsageError(_("{option} needs a date as YYYY-MM-DD, not '{text}'.").format(option=option, text=text)) from exc


def _write(path: Path, data: bytes) -> None:
    from app.storage.files import atomic_write

    try:
        atomic_write(path, data)
    except OSError as exc:
        raise DataError(_("Cannot write {path}: {reason}.").format(path=path, reason=exc.strerror)) from exc


def _setting(key: str):
    from app.settings import Settings

    return Settings().get(key)


def cmd_report(args, ctx) -> int:
    from app.services.reporting import ReportScope
    from app.services.reporting.use_cases import export_report

    scope = ReportScope(
        parse_date(args.date_from, "--from"), parse_date(args.date_to, "--to"), args.case_manager, args.programme
    )
    vault = ctx.open_vault()
    export = export_report(
        vault, scope, organisation=_setting("org/name"),
        pdf=bool(args.output), csv=bool(args.csv), barrier_pdf=bool(args.barriers),
    )
    published = export.published
    for path, data in ((args.output, export.pdf), (args.csv, export.csv), (args.barriers, export.barrier_pdf)):
        if path:
            _write(path, data)
    if args.json:
        ctx.print_json({
            "from": scope.period_from.isoformat(),
            "to": scope.period_to.isoformat(),
            "case_manager": scope.case_manager,
            "programme": scope.programme,
            "sections": published.sections,
        })
        return 0
    s = published.sections
    print(_("Report {start} to {end}: cases opened {opened}, active {active}, closed {closed}; goals set {goals}, "
            "attained {attained}; referrals {referrals}; barriers {barriers}.").format(
        start=scope.period_from.isoformat(), end=scope.period_to.isoformat(), opened=s["cases_opened"]["total"],
        active=s["cases_active"]["total"], closed=s["cases_closed"]["total"], goals=s["goals_set"]["total"],
        attained=s["goals_attained"]["total"], referrals=s["referrals"]["total"], barriers=s["barriers"]["total"]))
    for path in (args.output, args.csv, args.barriers):
        if path:
            print(_("Written: {path}").format(path=path))
    return 0


def retention_periods() -> dict[str, int]:
    return {
        "case_management": int(_setting("retention/case_management_years")),
        "referral_advice": int(_setting("retention/referral_advice_years")),
    }


def cmd_retention(args, ctx) -> int:
    from app.services.retention import cases_past_retention, erase_cases

    vault = ctx.open_vault()
    today = date.today()
    with vault.session() as session:
        overview = cases_past_retention(session, today, retention_periods())
    erased: list[str] = []
    if args.apply and overview.due:
        erased = erase_cases(vault, [c.case_id for c in overview.due], vault.user_name, today)

    def item(c) -> dict:
        return {"ref": c.ref, "case_type": c.case_type, "closed": c.closed.isoformat(), "retention_ends": c.retention_ends.isoformat()}

    if args.json:
        ctx.print_json({
            "due": [] if args.apply else [item(c) for c in overview.due],
            "erased": erased,
            "held": [{**item(c), "reason": c.legal_hold_reason} for c in overview.held],
        })
        return 0
    if args.apply:
        for c in overview.due:
            print(_("Erased {ref} ({case_type}, closed {closed}).").format(
                ref=c.ref, case_type=c.case_type, closed=c.closed.isoformat()))
        if not erased:
            print(_("No case is past its retention period."))
    else:
        for c in overview.due:
            print("\t".join((c.ref, c.case_type, _("closed {date}").format(date=c.closed.isoformat()),
                             _("retention ended {date}").format(date=c.retention_ends.isoformat()))))
        if overview.due:
            print(ngettext("{n} case past retention; 'lotse retention --apply' erases it for good.",
                           "{n} cases past retention; 'lotse retention --apply' erases them for good.",
                           len(overview.due)).format(n=len(overview.due)))
        else:
            print(_("No case is past its retention period."))
    for c in overview.held:
        print(c.ref + "\t" + _("legal hold, not erased: {reason}").format(reason=c.legal_hold_reason or _("no reason given")))
    return 0


def cmd_audit(args, ctx) -> int:
    from sqlalchemy import select

    from app.errors import NotFoundError
    from app.models import Case
    from app.services.audit_queries import audit_entries, export_audit_csv

    filters = {
        "user": args.user,
        "action": args.action,
        "date_from": parse_date(args.date_from, "--from"),
        "date_to": parse_date(args.date_to, "--to"),
    }
    vault = ctx.open_vault()
    with vault.session() as session:
        if args.case:
            case_id = session.scalar(select(Case.id).where(Case.ref == args.case))
            if case_id is None:
                raise NotFoundError(_("There is no case {ref}.").format(ref=args.case))
            filters["case_id"] = case_id
        if args.csv:
            data = export_audit_csv(session, vault.user_name, **filters)
        page = audit_entries(session, **filters, limit=args.limit)
    if args.csv:
        _write(args.csv, data)
    if args.json:
        ctx.print_json({
            "total": page.total,
            "entries": [
                {"at": r.at.isoformat(timespec="seconds"), "user": r.user, "action": r.action,
                 "case_ref": r.case_ref, "detail": r.detail}
                for r in page.rows
            ],
        })
        return 0
    for r in page.rows:
        print(f"{r.at.isoformat(timespec='seconds')}\t{r.user}\t{r.action}\t{r.case_ref or '-'}\t{r.detail}")
    print(ngettext("{shown} of {total} entry shown (newest first).", "{shown} of {total} entries shown (newest first).",
                   page.total).format(shown=len(page.rows), total=page.total))
    if args.csv:
        print(_("Written: {path}").format(path=args.csv))
    return 0
