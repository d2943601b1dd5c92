"""The full-text index's bookkeeping table.

Searchable text lives in the FTS5 table ``search_fts`` (created in the
migration; SQLAlchemy has no type for virtual tables): one row per case, one
column per field plus a column of alternative spellings for each. Its rowid is
the id of the case's ``search_docs`` row, so a case's entry is found through
an ordinary index instead of a scan of the FTS table.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class SearchDoc(Base):
    __tablename__ = "search_docs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), unique=True)


# Column order of search_fts; each field is followed by its "<field>_alt" column.
SEARCH_FIELDS: tuple[str, ...] = ("name", "ref", "notes", "goals", "barriers")
# bm25 weights per column: a hit in the name counts most.
SEARCH_WEIGHTS: tuple[float, ...] = (10.0, 10.0, 8.0, 8.0, 1.0, 1.0, 2.0, 2.0, 1.0, 1.0)
