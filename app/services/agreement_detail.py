"""A case's agreements as views, computed from the case file dict the case view already holds.

The case view loads ``case_detail`` once and hands it to every tab; the
agreements tab turns its ``agreements`` entries into :class:`AgreementView`
objects with the same chain logic as the services (``agreement_steps``), so
the tab shows exactly what :func:`list_case_agreements` would return, without
a second query. Pure: no database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from types import SimpleNamespace
from typing import Any

from app.models.codes import AgreementStatus
from app.services.agreement_steps import step_views
from app.services.agreement_views import AgreementView, case_agreement_order


def agreements_from_case_file(agreements: Iterable[Mapping[str, Any]], *, today: date) -> list[AgreementView]:
    """``case_detail(...)["agreements"]`` as views: in force first, then drafts, fulfilled and ended ones
    (the order of :func:`app.services.agreements.list_case_agreements`)."""
    return sorted((agreement_from_dict(agreement, today=today) for agreement in agreements), key=case_agreement_order)


def agreement_from_dict(agreement: Mapping[str, Any], *, today: date) -> AgreementView:
    concluded_on = _day(agreement.get("concluded_on"))
    steps = [
        SimpleNamespace(
            id=step["id"], position=step["position"], party=step["party"], action=step.get("action") or "",
            due=_day(step.get("due")), within_days_after_previous=step.get("within_days_after_previous"),
            status=step["status"], fulfilled_on=_day(step.get("fulfilled_on")),
            proof_required=step.get("proof_required") or "", proof_document_id=step.get("proof_document_id"),
            status_reason=step.get("status_reason") or "",
        )
        for step in agreement.get("steps", [])
    ]
    return AgreementView(
        id=agreement["id"],
        case_id=agreement.get("case_id", ""),
        title=agreement.get("title") or "",
        status=agreement["status"],
        concluded_on=concluded_on,
        authority_name=agreement.get("authority_name") or "",
        authority_officer=agreement.get("authority_officer") or "",
        other_parties=agreement.get("other_parties") or "",
        ended_reason=agreement.get("ended_reason") or "",
        template=agreement.get("template") or "",
        steps=step_views(steps, today=today, in_force=agreement["status"] == AgreementStatus.IN_FORCE,
                         concluded_on=concluded_on),
    )


def _day(value: date | str | None) -> date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(value)
