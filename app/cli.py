"""The headless commands (shared/CLI.md): common rules and dispatch.

Each group of commands lives in ``app/commands/<group>.py`` with a
``register(subparsers)`` function; a handler receives the parsed arguments and
a :class:`CliContext` and returns an exit code. Errors become one line on
stderr starting with ``lotse: `` and the exit code of CLI.md.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import json
import os
import sys
import traceback
from pathlib import Path
from typing import Any

from app import i18n
from app.errors import DataError, LotseError, UsageError
from app.i18n import N_, _

COMMAND_MODULES = [
    "app.commands.vault_commands",
    "app.commands.residence_commands",
    "app.commands.demo_commands",
    "app.commands.bench_commands",
    "app.commands.report_commands",
    "app.commands.case_commands",
    "app.commands.deadline_commands",
    "app.commands.document_commands",
    "app.commands.team_commands",
]


class CliParser(argparse.ArgumentParser):
    """argparse that reports usage errors as one ``lotse:`` line with exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def add_common_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--vault", type=Path, default=default, help="vault directory (or LOTSE_VAULT)")
    parser.add_argument("--password-file", type=Path, default=default, help="read the password from this file")
    parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS if suppress else False,
                        help="show a traceback on unexpected errors")


def build_parser() -> CliParser:
    parser = CliParser(prog="lotse", description="Lotse: encrypted case files. Without a command the desktop app starts.")
    add_common_options(parser, suppress=False)
    subparsers = parser.add_subparsers(dest="command", parser_class=CliParser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def add_command(subparsers, name: str, handler, help_text: str) -> argparse.ArgumentParser:
    """Register one command (or a sub-command of a group) with the common options."""
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    add_common_options(parser, suppress=True)
    parser.set_defaults(handler=handler)
    return parser


class CliContext:
    """What every handler needs: the vault folder, secrets from the environment, output."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._vaults: list = []

    @property
    def vault_dir(self) -> Path:
        from app.settings import default_vault_dir

        return Path(self.args.vault) if self.args.vault else default_vault_dir()

    def password(self, prompt: str = N_("Password: ")) -> str:
        """The password from LOTSE_PASSWORD, --password-file or a terminal prompt; never argv."""
        if os.environ.get("LOTSE_PASSWORD"):
            return os.environ["LOTSE_PASSWORD"]
        if self.args.password_file:
            try:
                return Path(self.args.password_file).read_text(encoding="utf-8").splitlines()[0]
            except (OSError, IndexError) as exc:
                raise UsageError(_("Cannot read a password from {path}.").format(path=self.args.password_file)) from exc
        if sys.stdin.isatty():
            return getpass.getpass(_(prompt))
        raise UsageError(_("No password given: set LOTSE_PASSWORD, use --password-file or run in a terminal."))

    def new_password(self, *, env: str = "LOTSE_NEW_PASSWORD", fallback_env: str | None = None) -> str:
        for name in (env, fallback_env):
            if name and os.environ.get(name):
                return os.environ[name]
        if sys.stdin.isatty():
            first = getpass.getpass(_("New password: "))
            if first != getpass.getpass(_("Repeat the new password: ")):
                raise UsageError(_("The two passwords differ."))
            return first
        raise UsageError(_("No new password given: set {env}.").format(env=env))

    def secret(self, env: str, prompt: str) -> str:
        if os.environ.get(env):
            return os.environ[env]
        if sys.stdin.isatty():
            return getpass.getpass(_(prompt))
        raise UsageError(_("No value given: set {env}.").format(env=env))

    def open_vault(self):
        """Unlock the selected vault; it is locked again when the command ends."""
        from app.storage.vault import Vault

        vault = Vault.unlock(self.vault_dir, self.password())
        self._vaults.append(vault)
        return vault

    def close(self) -> None:
        for vault in self._vaults:
            vault.lock()

    @staticmethod
    def print_json(document: Any) -> None:
        print(json.dumps(document, ensure_ascii=False, indent=2, default=str))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    debug = "--debug" in argv
    context = None
    i18n.install()  # messages in LOTSE_LANG, the 'ui/language' setting or the system's language
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            from app.ui.application import run_gui

            return run_gui(args.vault)
        if not hasattr(args, "handler"):
            raise UsageError(_("'{command}' needs a sub-command; see 'lotse {command} --help'.").format(command=args.command))
        context = CliContext(args)
        return int(args.handler(args, context) or 0)
    except LotseError as exc:
        _fail(exc.message)
        return exc.exit_code
    except KeyboardInterrupt:
        _fail(_("interrupted"))
        return 130
    except BrokenPipeError:
        # `lotse case list | head`: the reader left; that is not an error of ours.
        # Point stdout at devnull so the interpreter's final flush stays quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # a database error surfacing from deep inside, or a bug
        database_error = _as_database_error(exc)
        if database_error is not None:
            _fail(database_error.message)
            return database_error.exit_code
        if debug:
            traceback.print_exc()
        _fail(_("unexpected error ({error}); run again with --debug and report it").format(error=type(exc).__name__))
        return 1
    finally:
        if context is not None:
            context.close()


def _as_database_error(exc: Exception) -> DataError | None:
    """A damaged page (SQLCipher's HMAC check) surfaces as a DatabaseError on the
    first read of that page, wherever that happens: map it to exit 4."""
    from app.storage.engine import as_data_error

    return as_data_error(exc)


def _fail(message: str) -> None:
    # One line, whatever the message holds (a path or a driver message with a newline).
    print("lotse: " + " ".join(message.split()), file=sys.stderr)
