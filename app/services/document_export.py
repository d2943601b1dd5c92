"""Saving an attachment out of the vault, unencrypted, to a file the user chose.

This is the one way a document leaves the vault in plaintext; it is logged as
an export (ids only, never the path: a path may carry a name). The file is
created owner-only before any byte is written.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from app.errors import DataError, ValidationError
from app.i18n import _
from app.models import Document, DocumentContent
from app.services import audit
from app.services.lookup import actor, get_row


def export_document(vault, *, document_id: str, target: str | os.PathLike[str], user: str | None = None) -> Path:
    """Write the document's bytes to ``target`` (replacing a file there); returns the path written."""
    path = Path(target).expanduser()
    if not path.name:
        raise ValidationError(_("Choose a file name to save the document to."))
    if path.is_dir():
        raise ValidationError(_("{path} is a folder; choose a file name to save the document to.").format(path=path))
    by = actor(vault, user)
    with vault.session() as session:
        document = get_row(session, Document, document_id, "document")
        content = session.get(DocumentContent, document_id)
        if content is None:
            raise ValidationError(_("The content of this document is not in the vault (not synced yet?)."))
        data = bytes(content.data)
        if document.sha256 and hashlib.sha256(data).hexdigest() != document.sha256:
            raise ValidationError(_("The stored document does not match its checksum; it is damaged."))
        _write_owner_only(path, data)
        audit.record(session, by, "document.export", document.case_id, f"document_id={document.id}")
    return path


def _write_owner_only(path: Path, data: bytes) -> None:
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise DataError(_("The document could not be saved to {path}: {reason}.").format(
            path=path, reason=exc.strerror or exc)) from exc
