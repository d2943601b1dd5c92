"""Small helpers that open cases through the real services for the case-file tests."""

from __future__ import annotations

from datetime import date, timedelta

from app.services.agencies import ensure_default_agencies, list_agencies
from app.services.cases import CaseRef, create_case

TODAY = date.today()
JOBCENTER_ID = "261f7889-7090-5a20-a1dc-564ef0fc0c26"
ABH_ID = "67584884-6491-56cd-a31e-3c8ba6d5e364"


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def days_ahead(n: int) -> date:
    return TODAY + timedelta(days=n)


def new_case(vault, **fields) -> CaseRef:
    values = {
        "given_names": "Amina",
        "family_name": "Haddad",
        "birth_date": "2001-04-12",
        "opened": days_ago(100),
        "nationalities": ["SY"],
    }
    values.update(fields)
    return create_case(vault, **values)


def agencies(vault):
    ensure_default_agencies(vault)
    return {agency.id: agency for agency in list_agencies(vault)}
