"""Schema versions: an old vault opens and upgrades, with an encrypted copy made first."""

from __future__ import annotations

import shutil
import textwrap

import pytest
import sqlcipher3
from sqlalchemy import text

from app.errors import DataError
from app.storage import migrate
from app.storage.engine import open_connection
from app.storage.migrate import current_revision, head_revision
from app.storage.vault import BACKUP_DIR_NAME, Vault
from tests.conftest import TEST_PASSWORD
from tests.filetree import snapshot
from tests.fixtures.make_fixture_vault import (
    FIXTURE_DIR,
    FIXTURE_PASSWORD,
    FIXTURE_REVISION,
    FIXTURE_USER,
    KNOWN_AUDIT,
    KNOWN_META,
    RECOVERY_CODE_FILE,
)


@pytest.fixture
def old_vault(tmp_path):
    """A private copy of the committed vault made at schema revision 0001."""
    assert sorted(p.name for p in FIXTURE_DIR.iterdir()) == ["keyfile.json", "lotse.sqlcipher"]
    copy = tmp_path / "old-vault"
    shutil.copytree(FIXTURE_DIR, copy)
    return copy


def _revision_of_copy(path, key) -> str:
    conn = open_connection(path, key)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def test_the_fixture_vault_opens_at_head_with_its_data_intact(old_vault):
    vault = Vault.unlock(old_vault, FIXTURE_PASSWORD)
    try:
        assert current_revision(vault.engine) == head_revision()
        assert vault.user_name == FIXTURE_USER
        assert vault.meta("vault_id") == vault.keyfile.vault_id
        for key, value in KNOWN_META.items():
            assert vault.meta(key) == value
        with vault.session() as session:
            rows = session.execute(
                text("SELECT at, user, action, case_id, detail FROM audit_log ORDER BY id")
            ).all()
        assert [tuple(row) for row in rows[: len(KNOWN_AUDIT)]] == KNOWN_AUDIT

        backups = sorted((old_vault / BACKUP_DIR_NAME).glob("*")) if (old_vault / BACKUP_DIR_NAME).exists() else []
        if head_revision() == FIXTURE_REVISION:
            assert backups == []  # nothing to migrate, nothing to back up
        else:
            assert len(backups) == 1
            assert backups[0].name.startswith(f"before-{FIXTURE_REVISION}-to-{head_revision()}-")
            assert not backups[0].read_bytes().startswith(b"SQLite format 3")
            assert _revision_of_copy(backups[0], vault._key) == FIXTURE_REVISION
    finally:
        vault.lock()


def test_the_fixture_vault_still_opens_with_its_recovery_code(old_vault):
    code = RECOVERY_CODE_FILE.read_text().strip()
    Vault.unlock_with_recovery_code(old_vault, code).lock()


# --- migrations added after the fact (a scratch copy of the migrations folder) ---------


def _add_revisions(tmp_path, monkeypatch, revisions: dict[str, str]) -> None:
    """Run the vault against the real migrations plus ``revisions`` (file name -> source)."""
    scripts = tmp_path / "migrations"
    if not scripts.exists():
        shutil.copytree(migrate.MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    for name, source in revisions.items():
        (scripts / "versions" / name).write_text(textwrap.dedent(source))
    monkeypatch.setattr(migrate, "MIGRATIONS", scripts)


PARENT_AND_CHILDREN = """
    import sqlalchemy as sa
    from alembic import op

    revision = "zz9001"
    down_revision = "{head}"

    def upgrade():
        op.create_table("probe_parent", sa.Column("id", sa.Integer, primary_key=True), sa.Column("name", sa.Text))
        op.create_table(
            "probe_child",
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("parent_id", sa.Integer, sa.ForeignKey("probe_parent.id", ondelete="CASCADE"), nullable=False),
        )
"""

REBUILD_PARENT = """
    import sqlalchemy as sa
    from alembic import op

    revision = "zz9002"
    down_revision = "zz9001"

    def upgrade():
        # Batch mode copies the table and drops the old one: with foreign keys
        # on, that drop would cascade into probe_child.
        with op.batch_alter_table("probe_parent", recreate="always") as batch:
            batch.add_column(sa.Column("extra", sa.Text, nullable=True))
"""

BROKEN = """
    from alembic import op

    revision = "zz9003"
    down_revision = "zz9002"

    def upgrade():
        op.execute("CREATE TABLE half_done (id INTEGER)")
        op.execute("SELECT no_such_column FROM vault_meta")
"""


@pytest.fixture
def vault_at_zz9001(tmp_path, monkeypatch, vault_dir):
    _add_revisions(tmp_path, monkeypatch, {"zz9001_probe.py": PARENT_AND_CHILDREN.format(head=head_revision())})
    vault, _code = Vault.create(vault_dir, TEST_PASSWORD)
    with vault.session() as session:
        session.execute(text("INSERT INTO probe_parent (id, name) VALUES (1, 'p')"))
        session.execute(text("INSERT INTO probe_child (id, parent_id) VALUES (1, 1), (2, 1), (3, 1)"))
    assert current_revision(vault.engine) == "zz9001"
    vault.lock()
    return vault_dir


def test_a_new_revision_is_applied_after_an_encrypted_backup(vault_at_zz9001, tmp_path, monkeypatch):
    _add_revisions(tmp_path, monkeypatch, {"zz9002_rebuild.py": REBUILD_PARENT})
    vault = Vault.unlock(vault_at_zz9001, TEST_PASSWORD)
    try:
        assert current_revision(vault.engine) == "zz9002"
        with vault.session() as session:
            assert session.execute(text("SELECT count(*) FROM probe_child")).scalar() == 3
            assert session.execute(text("SELECT extra FROM probe_parent")).all() == [(None,)]
            assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1  # back on afterwards
        (backup,) = (vault_at_zz9001 / BACKUP_DIR_NAME).iterdir()
        assert backup.name.startswith("before-zz9001-to-zz9002-")
        assert not backup.read_bytes().startswith(b"SQLite format 3")
        assert _revision_of_copy(backup, vault._key) == "zz9001"
    finally:
        vault.lock()


def test_a_failing_migration_leaves_the_vault_as_it_was(vault_at_zz9001, tmp_path, monkeypatch):
    _add_revisions(tmp_path, monkeypatch, {"zz9002_rebuild.py": REBUILD_PARENT, "zz9003_broken.py": BROKEN})
    with pytest.raises(DataError, match="could not be upgraded") as caught:
        Vault.unlock(vault_at_zz9001, TEST_PASSWORD)
    assert "left at schema zz9001" in caught.value.message and "before-zz9001-to-zz9003" in caught.value.message

    _add_revisions(tmp_path, monkeypatch, {"zz9003_broken.py": BROKEN.replace('op.execute("SELECT', '# ')})
    with Vault.unlock(vault_at_zz9001, TEST_PASSWORD) as vault:  # the fixed release migrates fine
        assert current_revision(vault.engine) == "zz9003"
        with vault.session() as session:
            assert session.execute(text("SELECT count(*) FROM probe_child")).scalar() == 3


def test_a_vault_from_a_newer_version_is_refused_untouched(vault_at_zz9001, monkeypatch):
    monkeypatch.setattr(migrate, "MIGRATIONS", migrate.Path(migrate.__file__).with_name("migrations"))
    before = snapshot(vault_at_zz9001)
    with pytest.raises(DataError, match="newer version of Lotse"):
        Vault.unlock(vault_at_zz9001, TEST_PASSWORD)
    assert snapshot(vault_at_zz9001) == before


def test_the_backup_copy_needs_the_key(vault_at_zz9001, tmp_path, monkeypatch):
    _add_revisions(tmp_path, monkeypatch, {"zz9002_rebuild.py": REBUILD_PARENT})
    Vault.unlock(vault_at_zz9001, TEST_PASSWORD).lock()
    (backup,) = (vault_at_zz9001 / BACKUP_DIR_NAME).iterdir()
    with pytest.raises(DataError):
        open_connection(backup, bytes(32))
    conn = sqlcipher3.connect(str(backup))  # without any key
    with pytest.raises(sqlcipher3.DatabaseError):
        conn.execute("SELECT * FROM sqlite_master").fetchall()
    conn.close()
