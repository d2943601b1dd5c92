"""team create/join/leave/status/compact, sync, conflicts: the team share from the command line."""

from __future__ import annotations

import sys
from pathlib import Path

from app.cli import CliParser, add_command, add_common_options
from app.errors import DataError, UsageError
from app.i18n import _

PASSPHRASE_ENV = "LOTSE_TEAM_PASSPHRASE"


def register(subparsers) -> None:
    team = subparsers.add_parser("team", help="set up, join or leave a team share", description="the team share")
    add_common_options(team, suppress=True)
    actions = team.add_subparsers(dest="team_command", parser_class=CliParser)
    create = add_command(actions, "create", cmd_team_create, "set up a team in a shared folder (LOTSE_TEAM_PASSPHRASE)")
    create.add_argument("--folder", type=Path, required=True, help="the shared folder (network drive, cloud folder, USB stick)")
    create.add_argument("--name", default="", help="a name for the team (not secret)")
    create.add_argument("--json", action="store_true")
    join = add_command(actions, "join", cmd_team_join, "join the team in a shared folder (LOTSE_TEAM_PASSPHRASE)")
    join.add_argument("--folder", type=Path, required=True)
    join.add_argument("--json", action="store_true")
    add_command(actions, "leave", cmd_team_leave, "leave the team; the data stays in this vault")
    status = add_command(actions, "status", cmd_team_status, "team, folder, last sync, pending changes, conflicts")
    status.add_argument("--json", action="store_true")
    compact = add_command(actions, "compact", cmd_team_compact, "sync, write a snapshot for new members, prune old segments")
    compact.add_argument("--folder", type=Path, help="use this folder instead of the stored one")
    compact.add_argument("--json", action="store_true")

    sync = add_command(subparsers, "sync", cmd_sync, "two-way sync with the team folder")
    sync.add_argument("--folder", type=Path, help="use this folder instead of the stored one (e.g. a USB stick)")
    sync.add_argument("--json", action="store_true")

    conflicts = add_command(subparsers, "conflicts", cmd_conflicts, "unresolved sync conflicts")
    conflicts.add_argument("--json", action="store_true")
    conflict_actions = conflicts.add_subparsers(dest="conflicts_command", parser_class=CliParser)
    resolve = add_command(conflict_actions, "resolve", cmd_conflicts_resolve, "resolve a conflict")
    resolve.add_argument("id", type=int, help="the conflict's id from 'lotse conflicts'")
    resolve.add_argument("--keep", required=True, choices=["mine", "theirs", "merged"])
    resolve.add_argument("--text-file", type=Path, help="the merged text (UTF-8), for --keep merged")
    resolve.add_argument("--json", action="store_true")


def _passphrase(ctx) -> str:
    return ctx.secret(PASSPHRASE_ENV, "Team passphrase: ")


def _audit(vault, action: str, detail: str = "", case_id: str | None = None) -> None:
    from app.services import audit

    with vault.session() as session:
        audit.record(session, vault.user_name, action, case_id=case_id, detail=detail)


def cmd_team_create(args, ctx) -> int:
    from app.storage.sync import create_team

    passphrase = _passphrase(ctx)
    vault = ctx.open_vault()
    team = create_team(vault, args.folder, passphrase, name=args.name)
    _audit(vault, "team.created", f"team={team.team_id}")
    if args.json:
        ctx.print_json({"team_id": team.team_id, "name": team.name, "folder": str(team.folder)})
    else:
        print(_("Team {team_id} created in {folder}.").format(team_id=team.team_id, folder=team.share().dir))
        print(_("Give the team passphrase to your colleagues in person; they run 'lotse team join'."))
    return 0


def cmd_team_join(args, ctx) -> int:
    from app.storage.sync import join_team

    passphrase = _passphrase(ctx)
    vault = ctx.open_vault()
    team = join_team(vault, args.folder, passphrase)
    _audit(vault, "team.joined", f"team={team.team_id}")
    if args.json:
        ctx.print_json({"team_id": team.team_id, "name": team.name, "folder": str(team.folder)})
    else:
        print(_("Joined team {team_id}. Run 'lotse sync' to exchange cases.").format(team_id=team.team_id))
    return 0


def cmd_team_leave(args, ctx) -> int:
    from app.storage.sync import leave_team

    vault = ctx.open_vault()
    leave_team(vault)
    _audit(vault, "team.left")
    print(_("Left the team. The cases stay in this vault."))
    return 0


def cmd_team_status(args, ctx) -> int:
    from app.storage.sync import sync_status

    status = sync_status(ctx.open_vault())
    if args.json:
        ctx.print_json(status.to_json())
        return 0
    if not status.in_team:
        print(_("This vault is not in a team."))
        return 0
    print(_("Team:        {team}").format(team=status.team_name or status.team_id))
    reachable = _("reachable") if status.folder_reachable else _("NOT reachable")
    print(_("Folder:      {folder} ({reachable})").format(folder=status.folder, reachable=reachable))
    print(_("Last sync:   {when}").format(when=status.last_sync_at or _("never")))
    print(_("Pending:     {count} local changes").format(count=status.pending_changes))
    print(_("Conflicts:   {count} unresolved").format(count=status.unresolved_conflicts))
    for message in status.rejected:
        print(_("Rejected:    {message}").format(message=message))
    return 0


def _report(args, ctx, result) -> int:
    for message in result.rejected:
        print(f"lotse: {message}", file=sys.stderr)
    if args.json:
        ctx.print_json(result.to_json())
    else:
        print(_("Sent {sent} changes, received {received}, {conflicts} new conflicts.").format(
            sent=result.sent, received=result.received, conflicts=result.conflicts))
        for message in result.waiting:
            print(message)
    # Something on the share is damaged: the rest was applied, but a script should notice.
    return DataError.exit_code if result.rejected else 0


def cmd_sync(args, ctx) -> int:
    from app.storage.sync import sync_now

    vault = ctx.open_vault()
    result = sync_now(vault, args.folder)
    _audit(vault, "sync.run", f"sent={result.sent} received={result.received} conflicts={result.conflicts}")
    return _report(args, ctx, result)


def cmd_team_compact(args, ctx) -> int:
    from app.storage.sync import compact

    vault = ctx.open_vault()
    result = compact(vault, args.folder)
    _audit(vault, "sync.compacted")
    return _report(args, ctx, result)


def cmd_conflicts(args, ctx) -> int:
    from app.storage.sync import list_conflicts

    vault = ctx.open_vault()
    with vault.read_session() as session:
        rows = list_conflicts(session)
    if args.json:
        ctx.print_json(rows)
        return 0
    if not rows:
        print(_("No unresolved conflicts."))
        return 0
    for row in rows:
        where = row["ref"] or row["case_id"] or "-"
        print(_("#{id}  {where}  {entity}.{field}  ({kind}, in effect: {winner})").format(
            id=row["id"], where=where, entity=row["entity"], field=row["field"], kind=row["kind"], winner=row["winner"]))
        print(_("    mine:   {value}").format(value=str(row["mine"])[:200]))
        print(_("    theirs: {value}").format(value=str(row["theirs"])[:200]))
    return 0


def cmd_conflicts_resolve(args, ctx) -> int:
    from app.storage.sync import resolve_conflict

    text = None
    if args.keep == "merged":
        if args.text_file is None:
            raise UsageError(_("--keep merged needs --text-file FILE with the merged text."))
        try:
            text = args.text_file.read_text(encoding="utf-8")
        except OSError as exc:
            raise UsageError(_("Cannot read {path} ({reason}).").format(path=args.text_file, reason=exc.strerror)) from exc
    elif args.text_file is not None:
        raise UsageError(_("--text-file goes with --keep merged only."))
    vault = ctx.open_vault()
    with vault.session() as session:
        outcome = resolve_conflict(session, args.id, args.keep, text)
        from app.services import audit

        audit.record(session, vault.user_name, "sync.conflict_resolved", detail=f"conflict={args.id} field={outcome['field']} keep={outcome['resolution']}")
    if args.json:
        ctx.print_json(outcome)
    else:
        print(_("Conflict {id}: {resolution}. The choice goes to the team with the next sync.").format(
            id=args.id, resolution=outcome["resolution"]))
    return 0
