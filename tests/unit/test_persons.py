"""The person of a case: fields and residence documents."""

from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.services.case_file import case_detail
from app.services.persons import (
    add_residence_document,
    delete_residence_document,
    update_person,
    update_residence_document,
)
from tests.unit.case_factory import days_ago, days_ahead, new_case


def test_residence_documents_and_the_current_status(vault):
    ref = new_case(vault)
    gestattung = add_residence_document(vault, case_id=ref.case_id, doc_type="gestattung", issued=days_ago(400),
                                        valid_until=days_ago(100))
    duldung = add_residence_document(vault, case_id=ref.case_id, doc_type="duldung", paragraph="§ 60a Abs. 2 AufenthG",
                                     number="D123", issued=days_ago(99), valid_until=days_ahead(80), months_valid=6)
    person = case_detail(vault, ref.ref)["person"]
    assert person["residence_status"] == "duldung"
    assert [d["doc_type"] for d in person["residence_documents"]] == ["gestattung", "duldung"]
    add_residence_document(vault, case_id=ref.case_id, doc_type="fiktionsbescheinigung", current=False)
    assert case_detail(vault, ref.ref)["person"]["residence_status"] == "duldung"
    update_residence_document(vault, document_id=duldung, valid_until=days_ahead(180))
    delete_residence_document(vault, document_id=gestattung)
    docs = case_detail(vault, ref.ref)["person"]["residence_documents"]
    assert {d["id"] for d in docs} >= {duldung} and gestattung not in {d["id"] for d in docs}


def test_residence_document_bad_input(vault):
    ref = new_case(vault)
    with pytest.raises(ValidationError, match="Unknown residence document type 'visa'"):
        add_residence_document(vault, case_id=ref.case_id, doc_type="visa")
    with pytest.raises(ValidationError, match="validity date .* lies before the issue date"):
        add_residence_document(vault, case_id=ref.case_id, doc_type="duldung", issued=days_ago(1),
                               valid_until=days_ago(2))
    with pytest.raises(ValidationError, match="issue date .* lies in the future"):
        add_residence_document(vault, case_id=ref.case_id, doc_type="duldung", issued=days_ahead(1))


def test_person_fields_bad_input(vault):
    ref = new_case(vault)
    with pytest.raises(ValidationError, match="birth date .* lies in the future"):
        update_person(vault, case_id=ref.case_id, birth_date=days_ahead(1))
    with pytest.raises(ValidationError, match="Unknown German level 'B3'"):
        update_person(vault, case_id=ref.case_id, german_level="B3")
    with pytest.raises(ValidationError, match="weekly hours must be between 0 and 80"):
        update_person(vault, case_id=ref.case_id, weekly_hours=100)
    with pytest.raises(ValidationError, match="Unknown passport status"):
        update_person(vault, case_id=ref.case_id, passport_status="lost")
    with pytest.raises(ValidationError, match="entry date .* lies in the future"):
        update_person(vault, case_id=ref.case_id, entry_date=days_ahead(3))
