"""Referrals to agencies of the directory."""

from __future__ import annotations

import pytest

from app.errors import NotFoundError, ValidationError
from app.services.case_file import case_detail
from app.services.referrals import add_referral, delete_referral, update_referral
from tests.unit.case_factory import ABH_ID, JOBCENTER_ID, agencies, days_ago, days_ahead, new_case


def test_referral_names_the_agency_id_of_agency_list(vault):
    directory = agencies(vault)
    ref = new_case(vault, opened=days_ago(20))
    referral = add_referral(vault, case_id=ref.case_id, agency_id=JOBCENTER_ID, date=days_ago(3), area="education_work",
                            purpose="Antrag SGB II")
    [shown] = case_detail(vault, ref.ref)["referrals"]
    assert shown["agency_id"] == JOBCENTER_ID and shown["agency_name"] == directory[JOBCENTER_ID].name
    assert (shown["legal_domain"], shown["status"], shown["date"]) == ("SGB II", "open", days_ago(3).isoformat())
    update_referral(vault, referral_id=referral, status="accepted", agency_id=ABH_ID)
    [shown] = case_detail(vault, ref.ref)["referrals"]
    assert (shown["status"], shown["legal_domain"]) == ("accepted", "AufenthG")
    delete_referral(vault, referral_id=referral)
    assert case_detail(vault, ref.ref)["referrals"] == []


def test_referral_bad_input(vault):
    agencies(vault)
    ref = new_case(vault, opened=days_ago(20))
    with pytest.raises(NotFoundError, match="No agency with id nope"):
        add_referral(vault, case_id=ref.case_id, agency_id="nope")
    with pytest.raises(ValidationError, match="referral date .* lies in the future"):
        add_referral(vault, case_id=ref.case_id, agency_id=JOBCENTER_ID, date=days_ahead(2))
    with pytest.raises(ValidationError, match="lies before the opening date"):
        add_referral(vault, case_id=ref.case_id, agency_id=JOBCENTER_ID, date=days_ago(21))
    with pytest.raises(ValidationError, match="Unknown referral status 'done'"):
        add_referral(vault, case_id=ref.case_id, agency_id=JOBCENTER_ID, status="done")
    referral = add_referral(vault, case_id=ref.case_id, agency_id=JOBCENTER_ID)
    with pytest.raises(ValidationError, match="referral date is missing"):
        update_referral(vault, referral_id=referral, date="")
