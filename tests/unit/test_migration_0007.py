"""A vault at 0006 gains the deadline-list indexes of 0007 on unlock; down and up again lose nothing."""

from __future__ import annotations

from datetime import date

from alembic import command
from sqlalchemy import text

from app.services.demo import generate_demo
from app.storage import migrate
from app.storage.vault import Vault
from tests.conftest import TEST_PASSWORD

NEW_INDEXES = {"ix_goal_reviews_goal_on", "ix_persons_passport_valid_until", "ix_cases_case_manager"}
TABLES = ("cases", "persons", "goals", "goal_reviews", "deadlines", "search_docs", "audit_log")


def _indexes(engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.scalars(text("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%'")))


def _contents(engine) -> dict[str, list[tuple]]:
    with engine.connect() as conn:
        return {table: [tuple(row) for row in conn.execute(text(f"SELECT * FROM {table} ORDER BY 1"))]
                for table in TABLES}


def _downgrade(vault, revision: str) -> None:
    config = migrate.alembic_config()
    with vault.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


def test_vault_at_0006_upgrades_to_the_deadline_indexes_with_its_data(vault, vault_dir):
    generate_demo(vault, cases=12, seed=5, today=date(2026, 3, 16))
    at_head = _indexes(vault.engine)
    before = _contents(vault.engine)
    assert before["goal_reviews"] and before["persons"]

    _downgrade(vault, "0006")
    assert migrate.current_revision(vault.engine) == "0006"
    assert not NEW_INDEXES & _indexes(vault.engine)
    assert "ix_goal_reviews_goal_id" in _indexes(vault.engine)  # 0006's index is back
    assert _contents(vault.engine) == before
    vault.lock()

    reopened = Vault.unlock(vault_dir, TEST_PASSWORD)
    try:
        assert migrate.current_revision(reopened.engine) == migrate.head_revision()
        assert _indexes(reopened.engine) == at_head  # the same indexes as a vault made at head
        assert at_head >= NEW_INDEXES and "ix_goal_reviews_goal_id" not in at_head
        after = _contents(reopened.engine)
        # Unlocking adds its own audit entries; everything else is as it was.
        assert after["audit_log"][: len(before["audit_log"])] == before["audit_log"]
        assert {table: rows for table, rows in after.items() if table != "audit_log"} == {
            table: rows for table, rows in before.items() if table != "audit_log"}
        assert list((vault_dir / "backups").glob("before-0006-*"))
    finally:
        reopened.lock()
