"""Referrals to agencies of the directory (and the handover of a Verweisberatung)."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.errors import ValidationError
from app.i18n import _
from app.models import Referral
from app.models.case_codes import ReferralStatus
from app.models.codes import GOAL_AREAS
from app.services import audit
from app.services import validation as v
from app.services.lookup import actor, get_agency, get_case, get_row

REFERRAL_STATUSES = tuple(status.value for status in ReferralStatus)

_FIELDS: dict[str, v.Cleaner] = {
    "date": lambda x: v.past_date(x, "referral date"),
    "area": lambda x: v.clean_code(x, GOAL_AREAS, "goal area", required=False),
    "purpose": lambda x: v.clean_text(x, "purpose"),
    "status": lambda x: v.clean_code(x, REFERRAL_STATUSES, "referral status"),
    "handover": lambda x: bool(v.clean_bool(x, "handover flag")),
}


def add_referral(
    vault,
    *,
    case_id: str,
    agency_id: str,
    date: date | str | None = None,
    area: str = "",
    purpose: str = "",
    status: str = ReferralStatus.OPEN.value,
    handover: bool = False,
    user: str | None = None,
) -> str:
    """Refer the person to an agency; ``handover`` marks the case handed over (Verweisberatung)."""
    values = v.clean_fields(
        _FIELDS, {"date": date, "area": area, "purpose": purpose, "status": status, "handover": handover}, "referral"
    )
    values["date"] = values["date"] or v.today()
    by = actor(vault, user)
    with vault.session() as session:
        case = get_case(session, case_id)
        agency = get_agency(session, agency_id)
        v.not_before(values["date"], case.opened, "referral date", "opening date of the case")
        referral = Referral(case_id=case.id, agency_id=agency.id, **values)
        session.add(referral)
        session.flush()
        audit.record(session, by, "referral.add", case.id,
                     f"case_id={case.id} referral_id={referral.id} agency_id={agency.id}")
        return referral.id


def update_referral(vault, *, referral_id: str, user: str | None = None, **fields: Any) -> None:
    """Change status, purpose, area, date or handover of a referral (or its agency: ``agency_id``)."""
    agency_id = fields.pop("agency_id", None)
    values = v.clean_fields(_FIELDS, fields, "referral")
    if "date" in values and values["date"] is None:
        raise ValidationError(_("The referral date is missing."))
    by = actor(vault, user)
    with vault.session() as session:
        referral = get_row(session, Referral, referral_id, "referral")
        if agency_id is not None:
            values["agency_id"] = get_agency(session, agency_id).id
        if "date" in values:
            v.not_before(values["date"], get_case(session, referral.case_id).opened, "referral date",
                         "opening date of the case")
        for field, value in values.items():
            setattr(referral, field, value)
        audit.record(session, by, "referral.update", referral.case_id,
                     "referral_id={} fields={}".format(referral.id, ",".join(sorted(values))))


def delete_referral(vault, *, referral_id: str, user: str | None = None) -> None:
    by = actor(vault, user)
    with vault.session() as session:
        referral = get_row(session, Referral, referral_id, "referral")
        session.delete(referral)
        audit.record(session, by, "referral.delete", referral.case_id, f"referral_id={referral_id}")
