"""Full-text search as a use case: hits with snippets, and a line in the audit log.

The query text is not logged (it is often a client's name), only how many
cases it found.
"""

from __future__ import annotations

from app.errors import ValidationError
from app.i18n import _
from app.services import audit
from app.services.lookup import actor
from app.services.search import SearchHit, search

MAX_LIMIT = 500


def search_cases(vault, *, query: str, limit: int = 20, user: str | None = None) -> list[SearchHit]:
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError(_("The limit must be between 1 and {max}.").format(max=MAX_LIMIT))
    with vault.session() as session:
        hits = search(session, query, limit=limit)
        audit.record(session, actor(vault, user), "search", None, f"hits={len(hits)}")
        return hits
