"""The case file as the case view shows it: every stored part plus the live deadlines.

``case_detail`` returns the stored ``deadlines`` rows, which hold only what was
entered by hand or copied. A case's Duldung expiry, passport, agreement steps
and residence-rule dates live in the case file itself; the deadline engine
derives them. The case view's header and Deadlines tab show them all, as the
overview and the deadlines page do, so a case manager sees the same dates in
every place.
"""

from __future__ import annotations

from typing import Any

from app.services.case_file import case_detail
from app.services.deadline_engine import case_deadlines


def case_file_for_view(vault, case_id: str) -> dict[str, Any]:
    """``case_detail`` with ``deadlines`` replaced by every open deadline of the case
    (with its source) and the stored ones already done."""
    detail = case_detail(vault, case_id=case_id)
    detail["deadlines"] = case_deadlines(vault, case_id, detail["deadlines"])
    return detail
