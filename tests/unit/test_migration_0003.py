"""A vault made before report tombstones existed gains the table on unlock."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from app.storage import migrate
from app.storage.vault import Vault
from tests.conftest import TEST_PASSWORD


def test_vault_at_0002_upgrades_to_tombstones(vault, vault_dir):
    config = migrate.alembic_config()
    with vault.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0002")
    assert "report_tombstones" not in inspect(vault.engine).get_table_names()
    vault.lock()
    reopened = Vault.unlock(vault_dir, TEST_PASSWORD)
    try:
        assert "report_tombstones" in inspect(reopened.engine).get_table_names()
        assert migrate.current_revision(reopened.engine) == migrate.head_revision()
        assert list((vault_dir / "backups").glob("before-0002-*"))
    finally:
        reopened.lock()
