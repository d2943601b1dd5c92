"""Write the anonymous facts of a case before it is erased (see models/reporting.py)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Agency, Assessment, Barrier, Case, Contact, Goal, Referral
from app.models.codes import ContactKind, GoalStatus
from app.models.reporting import ReportTombstone, TombstoneKind
from app.services.reporting.ages import age_group

ERASED_WHILE_OPEN = "erased"


def record_tombstones(session: Session, case: Case, today: date) -> int:
    """Add the facts the report counts for ``case``; returns how many rows were written.

    A case erased while still open (an erasure request) ends on the day of
    erasure, with closing reason ``erased``: it must not count as active forever.
    """
    closed = case.closed or today
    common = {
        "case_type": case.case_type,
        "case_manager": case.case_manager,
        "programme_kim": bool(case.programme_kim),
        "programme_gk": bool(case.programme_gk),
    }
    rows = [
        ReportTombstone(
            kind=TombstoneKind.CASE,
            on=case.opened,
            until=closed,
            key=case.closing_reason if case.closed else ERASED_WHILE_OPEN,
            # As at closing: the birth date itself is not kept.
            age_group=age_group(case.person.birth_date, closed),
            residence_status=case.person.residence_status,
            **common,
        )
    ]
    for area, created, status, closed_on in session.execute(
        select(Goal.area, Goal.created_on, Goal.status, Goal.closed_on).where(Goal.case_id == case.id)
    ):
        rows.append(ReportTombstone(kind=TombstoneKind.GOAL_SET, on=created, key=area, **common))
        if status == GoalStatus.ATTAINED.value and closed_on is not None:
            rows.append(ReportTombstone(kind=TombstoneKind.GOAL_ATTAINED, on=closed_on, key=area, **common))
    if case.closed is not None:
        for area, before, after in session.execute(
            select(Assessment.area, Assessment.need_level, Assessment.need_level_at_closure).where(
                Assessment.case_id == case.id,
                Assessment.need_level.is_not(None),
                Assessment.need_level_at_closure.is_not(None),
            )
        ):
            rows.append(
                ReportTombstone(
                    kind=TombstoneKind.NEED_LEVEL, on=case.closed, key=area,
                    level_at_assessment=before, level_at_closure=after, **common,
                )
            )
    for on, domain in session.execute(
        select(Referral.date, Agency.legal_domain).join(Agency, Agency.id == Referral.agency_id).where(Referral.case_id == case.id)
    ):
        rows.append(ReportTombstone(kind=TombstoneKind.REFERRAL, on=on, key=domain, **common))
    for on, category, institution in session.execute(
        select(Barrier.occurred_on, Barrier.category, Barrier.institution).where(Barrier.case_id == case.id)
    ):
        rows.append(ReportTombstone(kind=TombstoneKind.BARRIER, on=on, key=category, institution=institution, **common))
    for (on,) in session.execute(
        select(Contact.date).where(Contact.case_id == case.id, Contact.kind == ContactKind.CASE_CONFERENCE.value)
    ):
        rows.append(ReportTombstone(kind=TombstoneKind.CASE_CONFERENCE, on=on, **common))
    session.add_all(rows)
    return len(rows)
