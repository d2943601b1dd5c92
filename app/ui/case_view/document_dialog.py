"""Title, type and date of an attachment: asked after a file is chosen, and to correct them later."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from app.i18n import _
from app.services.documents import DOCUMENT_TYPES, add_document, update_document
from app.ui.case_view.casework_fields import CodeCombo, DateField
from app.ui.case_view.casework_format import as_date, format_size
from app.ui.case_view.casework_labels import DOCUMENT_TYPE_LABELS
from app.ui.case_view.casework_widgets import plain_label
from app.ui.case_view.entry_dialog import EntryDialog


class DocumentDialog(EntryDialog):
    """With ``data`` it adds a new attachment; with ``document`` it edits one."""

    def __init__(self, ctx: Any, *, data: bytes | None = None, filename: str = "",
                 document: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(
            _("Edit document details") if document else _("Attach a document"),
            _("The file is stored encrypted in the vault."),
            parent=parent,
        )
        self.ctx = ctx
        self.data = data
        self.filename = filename
        self.document_id = document["id"] if document else None
        self.file_label = plain_label(
            f"{filename} · {format_size(len(data))}" if data is not None else
            (document or {}).get("filename", ""))
        self.file_label.setProperty("role", "lead")
        self.title = QLineEdit()
        self.title.setAccessibleName(_("Title"))
        self.title.setMaxLength(300)
        self.doc_type = CodeCombo(DOCUMENT_TYPE_LABELS, _("Document type"), codes=DOCUMENT_TYPES)
        self.date = DateField(_("Document date"), not_after_today=True)

        self.form.addRow(_("File"), self.file_label)
        self.add_row(_("&Title"), self.title)
        self.add_row(_("T&ype"), self.doc_type)
        self.add_row(_("&Date"), self.date, _("The date on the document, e.g. when a letter was issued."))
        if document:
            self.title.setText(document.get("title") or "")
            self.doc_type.set_code(document.get("doc_type"))
            self.date.set_value(as_date(document.get("doc_date")))
        else:
            self.title.setText(Path(filename).stem.replace("_", " ").replace("-", " ").strip())
            self.doc_type.set_code("other")
        self.mark_clean()
        if data is not None:
            self._dirty = True  # the chosen file is input too: Cancel asks before dropping it

    def save(self) -> None:
        if self.document_id is None:
            add_document(self.ctx.vault, case_id=self.ctx.case_id, data=self.data or b"", title=self.title.text(),
                         filename=self.filename, doc_type=self.doc_type.code(), doc_date=self.date.value())
        else:
            update_document(self.ctx.vault, document_id=self.document_id, title=self.title.text(),
                            doc_type=self.doc_type.code(), doc_date=self.date.value())
