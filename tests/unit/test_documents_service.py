"""Attachments kept encrypted in the vault, with type, date and checksum."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from app.errors import ValidationError
from app.models import AuditEntry, DocumentContent
from app.services.case_file import case_detail
from app.services.documents import (
    MAX_DOCUMENT_BYTES,
    add_document,
    delete_document,
    document_content,
    update_document,
)
from tests.unit.case_factory import days_ago, days_ahead, new_case

PDF = b"%PDF-1.4\n% scan of a Duldung\n" + bytes(range(256)) * 40


def test_attachment_round_trip_with_metadata_only_in_the_case_view(vault):
    ref = new_case(vault)
    doc = add_document(vault, case_id=ref.case_id, data=PDF, title="Duldung 2026", filename="duldung.pdf",
                       doc_type="residence_document", doc_date=days_ago(2))
    [meta] = case_detail(vault, ref.ref)["documents"]
    assert meta == {"id": doc, "title": "Duldung 2026", "doc_type": "residence_document",
                    "doc_date": days_ago(2).isoformat(), "filename": "duldung.pdf", "mime_type": "application/pdf",
                    "size": len(PDF), "sha256": hashlib.sha256(PDF).hexdigest()}
    content = document_content(vault, document_id=doc)
    assert content.data == PDF and content.mime_type == "application/pdf"
    update_document(vault, document_id=doc, title="Duldung (verlängert)")
    assert case_detail(vault, ref.ref)["documents"][0]["title"] == "Duldung (verlängert)"
    delete_document(vault, document_id=doc)
    assert case_detail(vault, ref.ref)["documents"] == []
    with vault.session() as session:
        assert session.scalar(select(DocumentContent.document_id)) is None
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.case_id == ref.case_id)).all()
    assert {"document.add", "document.open", "document.update", "document.delete"} <= set(actions)


def test_the_stored_file_is_checked_against_its_checksum(vault):
    ref = new_case(vault)
    doc = add_document(vault, case_id=ref.case_id, data=b"original", title="Zeugnis")
    with vault.session() as session:
        session.get(DocumentContent, doc).data = b"tampered"
    with pytest.raises(ValidationError, match="does not match its checksum"):
        document_content(vault, document_id=doc)


def test_attachment_bad_input(vault):
    ref = new_case(vault)
    with pytest.raises(ValidationError, match="at most 20 MB"):
        add_document(vault, case_id=ref.case_id, data=b"x" * (MAX_DOCUMENT_BYTES + 1), title="zu groß")
    with pytest.raises(ValidationError, match="The file is empty"):
        add_document(vault, case_id=ref.case_id, data=b"", title="leer")
    with pytest.raises(ValidationError, match="Unknown document type 'scan'"):
        add_document(vault, case_id=ref.case_id, data=b"x", title="t", doc_type="scan")
    with pytest.raises(ValidationError, match="document date .* lies in the future"):
        add_document(vault, case_id=ref.case_id, data=b"x", title="t", doc_date=days_ahead(1))
    with pytest.raises(ValidationError, match="document title is empty"):
        add_document(vault, case_id=ref.case_id, data=b"x", title=" ")
