"""The agency directory and its default seed with fixed ids."""

from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.models.codes import LegalDomain
from app.services.agencies import (
    add_agency,
    default_agencies,
    delete_agency,
    ensure_default_agencies,
    get_agency_info,
    list_agencies,
    update_agency,
)
from app.services.referrals import add_referral
from tests.unit.case_factory import JOBCENTER_ID, new_case


def test_default_directory_has_fixed_ids_and_valid_domains():
    rows = default_agencies()
    assert len({row["id"] for row in rows}) == len(rows) >= 10
    domains = {row["legal_domain"] for row in rows}
    assert domains <= {d.value for d in LegalDomain}
    assert {"SGB II", "SGB III", "SGB VIII", "AsylbLG", "AufenthG", "MBE", "JMD", "health", "education"} <= domains
    assert all(row["street"] and row["postcode"] and row["city"] for row in rows)


def test_seeding_happens_once_and_gives_every_device_the_same_ids(vault, tmp_path):
    from app.storage.vault import Vault

    assert ensure_default_agencies(vault) == len(default_agencies())
    assert ensure_default_agencies(vault) == 0
    other, _ = Vault.create(tmp_path / "other", "another password 123")
    try:
        ensure_default_agencies(other)
        assert {a.id for a in list_agencies(other)} == {a.id for a in list_agencies(vault)}
    finally:
        other.lock()


def test_seeding_leaves_a_team_directory_alone(vault):
    add_agency(vault, name="Flüchtlingsrat", legal_domain="other")
    assert ensure_default_agencies(vault) == 0
    assert [a.name for a in list_agencies(vault)] == ["Flüchtlingsrat"]


def test_directory_crud(vault):
    ensure_default_agencies(vault)
    agency = add_agency(vault, name="Tafel Emsbruch", legal_domain="other", street="Marktweg 2", postcode="48911",
                        city="Emsbruch", contact_person="Frau Roth")
    assert get_agency_info(vault, agency_id=agency).contact_person == "Frau Roth"
    update_agency(vault, agency_id=agency, phone="02971 1234", active=False)
    assert agency not in {a.id for a in list_agencies(vault)}
    assert get_agency_info(vault, agency_id=agency).phone == "02971 1234"
    assert agency in {a.id for a in list_agencies(vault, include_inactive=True)}
    delete_agency(vault, agency_id=agency)
    with pytest.raises(ValidationError, match="Unknown legal domain 'SGB IX'"):
        add_agency(vault, name="Reha", legal_domain="SGB IX")
    with pytest.raises(ValidationError, match="agency name is empty"):
        add_agency(vault, name="", legal_domain="other")


def test_an_agency_in_use_can_only_be_deactivated(vault):
    ensure_default_agencies(vault)
    add_referral(vault, case_id=new_case(vault).case_id, agency_id=JOBCENTER_ID)
    with pytest.raises(ValidationError, match="deactivate it instead"):
        delete_agency(vault, agency_id=JOBCENTER_ID)
