"""The case file's entities (SQLAlchemy 2.0 ORM). No Qt here.

Importing this package registers every model on ``Base.metadata``.
"""

from app.models.base import Base
from app.models.meta import AuditEntry, VaultMeta

__all__ = ["AuditEntry", "Base", "VaultMeta"]
