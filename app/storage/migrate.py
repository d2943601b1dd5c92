"""Bring a vault's schema to the newest version, with a backup first.

Alembic runs on the vault's own keyed connection. Before an existing vault is
migrated, an encrypted copy is written to ``<vault>/backups/`` so a failed or
regretted upgrade can be undone by restoring it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from app.errors import DataError
from app.i18n import _

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"migrations have {len(heads)} heads: {heads}")
    return heads[0]


def known_revisions() -> set[str]:
    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(
    engine: Engine,
    backup_dir: Path,
    export_copy: Callable[[Path], None],
    target: str = "head",
) -> Path | None:
    """Upgrade to ``target`` (the newest revision unless a fixture asks for an old one).

    Returns the pre-migration backup's path, if one was made. ``export_copy(dest)``
    writes an encrypted copy of the database to ``dest``.
    """
    current = current_revision(engine)
    destination = head_revision() if target == "head" else target
    if current == destination:
        return None
    if current is not None and current not in known_revisions():
        raise DataError(
            _("This vault was made by a newer version of Lotse (schema {schema}). "
              "Install the newer version to open it; nothing was changed.").format(schema=current)
        )
    backup = None
    if current is not None:
        backup = _backup_path(backup_dir, current, destination)
        export_copy(backup)
    try:
        _run_alembic(engine, destination)
    except Exception as exc:
        if backup is None:
            raise DataError(_("The vault's tables could not be created ({error}).").format(error=type(exc).__name__)) from exc
        raise DataError(
            _("The vault could not be upgraded to schema {target} ({error}); "
              "it was left at schema {schema}. A copy from before the attempt is in {backup}.").format(
                target=destination, error=type(exc).__name__, schema=current, backup=backup)
        ) from exc
    return backup


def _run_alembic(engine: Engine, destination: str) -> None:
    """All revisions in one transaction, with foreign keys off.

    SQLite changes a table by copying it (Alembic's batch mode); with foreign
    keys on, dropping the old copy would cascade deletes into child tables.
    SQLite's own procedure: switch enforcement off outside the transaction,
    migrate, then check every reference before committing.
    """
    config = alembic_config()
    with engine.connect() as conn:
        dbapi = conn.connection.dbapi_connection
        dbapi.execute("PRAGMA foreign_keys = OFF")  # only outside a transaction
        try:
            with conn.begin():
                config.attributes["connection"] = conn
                command.upgrade(config, destination)
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"{len(broken)} rows refer to missing rows after migrating")
        finally:
            dbapi.execute("PRAGMA foreign_keys = ON")


def _backup_path(backup_dir: Path, current: str, destination: str) -> Path:
    backup_dir.mkdir(mode=0o700, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = backup_dir / f"before-{current}-to-{destination}-{stamp}.sqlcipher"
    counter = 1
    while path.exists():
        counter += 1
        path = backup_dir / f"before-{current}-to-{destination}-{stamp}-{counter}.sqlcipher"
    return path
