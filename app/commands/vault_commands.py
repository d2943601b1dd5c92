"""init, passwd, recover, backup, restore: the vault's life cycle."""

from __future__ import annotations

import os
from pathlib import Path

from app.cli import add_command
from app.errors import UsageError
from app.formatting import format_number
from app.i18n import _


def register(subparsers) -> None:
    init = add_command(subparsers, "init", cmd_init, "create a vault; prints the recovery code once")
    init.add_argument("--user", help="the case manager's name for the audit log (default: login name)")
    init.add_argument("--json", action="store_true")
    add_command(subparsers, "passwd", cmd_passwd, "change the password to LOTSE_NEW_PASSWORD")
    recover = add_command(subparsers, "recover", cmd_recover, "set a new password with the recovery code")
    recover.add_argument("--code", help="the recovery code (or LOTSE_RECOVERY_CODE)")
    backup = add_command(subparsers, "backup", cmd_backup, "write an encrypted backup of the whole vault")
    backup.add_argument("-o", "--output", type=Path, required=True)
    restore = add_command(subparsers, "restore", cmd_restore, "restore a backup into an empty vault folder")
    restore.add_argument("file", type=Path)


def cmd_init(args, ctx) -> int:
    from app.errors import DataError
    from app.storage.vault import Vault, vault_exists

    if vault_exists(ctx.vault_dir):
        raise DataError(_("A vault already exists at {path}.").format(path=ctx.vault_dir))
    password = ctx.new_password(env="LOTSE_NEW_PASSWORD", fallback_env="LOTSE_PASSWORD")
    vault, code = Vault.create(ctx.vault_dir, password, user_name=args.user)
    vault.lock()
    if args.json:
        ctx.print_json({"vault": str(ctx.vault_dir), "recovery_code": code})
    else:
        print(_("Vault created at {path}.").format(path=ctx.vault_dir))
        print(_("Recovery code (write it down now; it is shown only this once):"))
        print(f"    {code}")
    return 0


def cmd_passwd(args, ctx) -> int:
    from app.services import audit

    vault = ctx.open_vault()
    vault.change_password(ctx.new_password())
    with vault.session() as session:
        audit.record(session, vault.user_name, "vault.password_changed")
    print(_("Password changed."))
    return 0


def cmd_recover(args, ctx) -> int:
    from app.services import audit
    from app.storage.vault import recover

    code = args.code or os.environ.get("LOTSE_RECOVERY_CODE")
    if not code:
        raise UsageError(_("Give the recovery code with --code or LOTSE_RECOVERY_CODE."))
    vault = recover(ctx.vault_dir, code, ctx.new_password())
    with vault.session() as session:
        audit.record(session, vault.user_name, "vault.recovered")
    vault.lock()
    print(_("New password set with the recovery code."))
    return 0


def cmd_backup(args, ctx) -> int:
    from app.services import audit
    from app.storage.backup import write_backup

    vault = ctx.open_vault()
    size = write_backup(vault, args.output)
    with vault.session() as session:
        audit.record(session, vault.user_name, "vault.backup")
    print(_("Backup written to {path} ({size} MB).").format(path=args.output, size=format_number(size / 1e6, decimals=1)))
    return 0


def cmd_restore(args, ctx) -> int:
    from app.services import audit
    from app.storage.backup import restore_backup

    vault = restore_backup(args.file, ctx.vault_dir, ctx.password())
    with vault.session() as session:
        audit.record(session, vault.user_name, "vault.restored")
    vault.lock()
    print(_("Vault restored into {path}.").format(path=ctx.vault_dir))
    return 0
