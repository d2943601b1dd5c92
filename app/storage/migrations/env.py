"""Alembic environment: always runs on the open vault's own connection.

Lotse never gives Alembic a URL (the key must not appear in one); the caller
passes a live connection in ``config.attributes["connection"]``.
"""

from alembic import context

from app.models import Base
from app.storage.sync import schema as _sync_schema  # noqa: F401  (sync tables on the metadata)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
