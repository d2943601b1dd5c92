"""Attachments (scans, signed forms) stored encrypted inside the vault.

The bytes live in ``document_contents`` apart from the metadata, so lists and
the case view never load them; ``document_content`` hands them out in memory
(the GUI previews from memory, nothing is written to a temp folder).
"""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass
from datetime import date

from app.errors import ValidationError
from app.formatting import format_number
from app.i18n import _
from app.models import Document, DocumentContent
from app.models.case_codes import DocumentType
from app.services import audit
from app.services import validation as v
from app.services.lookup import actor, get_case, get_row

DOCUMENT_TYPES = tuple(kind.value for kind in DocumentType)
# Scans and PDFs of a few pages fit easily; whole photo series belong elsewhere.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class DocumentContentResult:
    document_id: str
    filename: str
    mime_type: str
    data: bytes


def add_document(
    vault,
    *,
    case_id: str,
    data: bytes,
    title: str,
    filename: str = "",
    doc_type: str = DocumentType.OTHER.value,
    doc_date: date | str | None = None,
    mime_type: str | None = None,
    user: str | None = None,
) -> str:
    """Store an attachment with its SHA-256 (the content address sync uses for blobs)."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ValidationError(_("The document content must be bytes."))
    content = bytes(data)
    if not content:
        raise ValidationError(_("The file is empty; nothing was attached."))
    if len(content) > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("The file has {size} MB; attachments can have at most {max} MB. "
              "Scan with a lower resolution or split the file.").format(
                size=format_number(len(content) / 1024 / 1024, decimals=1), max=MAX_DOCUMENT_BYTES // 1024 // 1024)
        )
    title_text = v.clean_text(title, "document title", max_length=300, required=True)
    name = v.clean_name(filename, "file name")
    kind = v.clean_code(doc_type, DOCUMENT_TYPES, "document type")
    day = v.past_date(doc_date, "document date")
    mime = v.clean_text(mime_type, "file type", max_length=100) or (
        mimetypes.guess_type(name)[0] if name else None
    ) or "application/octet-stream"
    by = actor(vault, user)
    with vault.session() as session:
        case = get_case(session, case_id)
        document = Document(
            case_id=case.id, title=title_text, doc_type=kind, doc_date=day, filename=name, mime_type=mime,
            size=len(content), sha256=hashlib.sha256(content).hexdigest(),
        )
        session.add(document)
        session.flush()
        session.add(DocumentContent(document_id=document.id, data=content))
        audit.record(session, by, "document.add", case.id, f"case_id={case.id} document_id={document.id}")
        return document.id


def document_content(vault, *, document_id: str, user: str | None = None) -> DocumentContentResult:
    """The bytes of an attachment, checked against their SHA-256; opening is logged."""
    by = actor(vault, user)
    with vault.session() as session:
        document = get_row(session, Document, document_id, "document")
        content = session.get(DocumentContent, document_id)
        if content is None:
            raise ValidationError(_("The content of this document is not in the vault (not synced yet?)."))
        data = bytes(content.data)
        if document.sha256 and hashlib.sha256(data).hexdigest() != document.sha256:
            raise ValidationError(_("The stored document does not match its checksum; it is damaged."))
        audit.record(session, by, "document.open", document.case_id, f"document_id={document.id}")
        return DocumentContentResult(document.id, document.filename, document.mime_type, data)


def update_document(
    vault, *, document_id: str, title: str | None = None, doc_type: str | None = None,
    doc_date: date | str | None = None, user: str | None = None,
) -> None:
    """Change the metadata of an attachment (the bytes never change: add a new one)."""
    by = actor(vault, user)
    with vault.session() as session:
        document = get_row(session, Document, document_id, "document")
        changed = []
        if title is not None:
            document.title = v.clean_text(title, "document title", max_length=300, required=True)
            changed.append("title")
        if doc_type is not None:
            document.doc_type = v.clean_code(doc_type, DOCUMENT_TYPES, "document type")
            changed.append("doc_type")
        if doc_date is not None:
            document.doc_date = v.past_date(doc_date, "document date")
            changed.append("doc_date")
        audit.record(session, by, "document.update", document.case_id,
                     "document_id={} fields={}".format(document.id, ",".join(changed)))


def delete_document(vault, *, document_id: str, user: str | None = None) -> None:
    by = actor(vault, user)
    with vault.session() as session:
        document = get_row(session, Document, document_id, "document")
        content = session.get(DocumentContent, document_id)
        if content is not None:
            session.delete(content)
            session.flush()  # the bytes first: the database's cascade must not beat the ORM to them
        session.delete(document)
        audit.record(session, by, "document.delete", document.case_id, f"document_id={document_id}")
