"""One page of the desktop case list: rows, the total, and (when searching) a snippet per row.

``case_list.list_cases`` does the filtering, sorting and paging in SQL; this
adds the text around the match for the rows of the page, in the same read
transaction. Like ``case_page`` it is not audited: a list shows no case file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.services.case_list import CaseRow, list_cases
from app.services.search import snippets_for_cases


@dataclass(frozen=True)
class CaseListPage:
    rows: list[CaseRow]
    total: int
    # case_id -> (field that matched: name/ref/notes/goals/barriers, text with the match in [brackets])
    snippets: dict[str, tuple[str, str]] = field(default_factory=dict)


def case_list_page(vault, *, search: str | None = None, **filters: Any) -> CaseListPage:
    """``list_cases(search=…, **filters)`` plus the match snippets of the page's rows."""
    with vault.read_session() as session:
        rows, total = list_cases(session, search=search, **filters)
        snippets = snippets_for_cases(session, search, [row.case_id for row in rows]) if search else {}
        return CaseListPage(rows, total, snippets)
