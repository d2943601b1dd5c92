"""Exporting an attachment writes exactly the chosen file, owner-only, and is logged."""

from __future__ import annotations

import os
import stat
from datetime import date

import pytest
from sqlalchemy import select

from app.errors import DataError, ValidationError
from app.models import AuditEntry
from app.services.cases import create_case
from app.services.document_export import export_document
from app.services.documents import add_document


@pytest.fixture
def document_id(vault):
    case = create_case(vault, given_names="Amina", family_name="Haddad", opened=date(2025, 1, 2))
    return add_document(vault, case_id=case.case_id, data=b"%PDF-1.4 scan", title="Scan", filename="scan.pdf")


def test_export_writes_the_bytes_to_the_chosen_file_only(vault, document_id, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    written = export_document(vault, document_id=document_id, target=folder / "Bescheid.pdf")
    assert written == folder / "Bescheid.pdf"
    assert sorted(p.name for p in folder.iterdir()) == ["Bescheid.pdf"]
    assert written.read_bytes() == b"%PDF-1.4 scan"
    if os.name == "posix":
        assert stat.S_IMODE(written.stat().st_mode) == 0o600
    with vault.session() as session:
        actions = [e.action for e in session.scalars(select(AuditEntry))]
    assert "document.export" in actions


def test_export_replaces_an_existing_file(vault, document_id, tmp_path):
    target = tmp_path / "old.pdf"
    target.write_bytes(b"something much longer than the document itself")
    export_document(vault, document_id=document_id, target=target)
    assert target.read_bytes() == b"%PDF-1.4 scan"


def test_a_folder_or_an_unwritable_place_gives_a_clear_message(vault, document_id, tmp_path):
    with pytest.raises(ValidationError, match="is a folder"):
        export_document(vault, document_id=document_id, target=tmp_path)
    with pytest.raises(DataError, match="could not be saved"):
        export_document(vault, document_id=document_id, target=tmp_path / "missing" / "x.pdf")
