"""The case's attachments: add a scan or PDF, open it inside Lotse, export, edit, delete."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.i18n import _, ngettext
from app.services.documents import delete_document
from app.ui.case_view.casework_format import format_date, format_size
from app.ui.case_view.casework_labels import DOCUMENT_TYPE_LABELS, label
from app.ui.case_view.casework_tab import CaseworkTab
from app.ui.case_view.casework_widgets import EmptyState, TabHeading, confirm
from app.ui.case_view.document_actions import DocumentActions
from app.ui.case_view.document_dialog import DocumentDialog
from app.ui.case_view.entry_table import Cell, EntryTable
from app.ui.widgets.buttons import primary_button, secondary_button
from app.ui.widgets.labels import hint_label


class DocumentsTab(CaseworkTab):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.documents: list[dict[str, Any]] = []
        self.actions = DocumentActions(self, ctx)
        self.heading = TabHeading(_("Documents"))
        self.open_button = self.heading.add_action(secondary_button(_("&Open"), _("Open the selected document")))
        self.export_button = self.heading.add_action(secondary_button(_("E&xport…"), _("Export the selected document")))
        self.edit_button = self.heading.add_action(secondary_button(_("&Edit…"), _("Edit the document details")))
        self.delete_button = self.heading.add_action(secondary_button(_("De&lete…"), _("Delete the selected document")))
        self.delete_button.setProperty("danger", True)
        self.add_button = self.heading.add_action(primary_button(_("&Add scan or PDF…"), _("Add a scan or PDF")))
        self.add_button.clicked.connect(self.choose_file)
        self.open_button.clicked.connect(self.open_selected)
        self.export_button.clicked.connect(self.export_selected)
        self.edit_button.clicked.connect(lambda: self.edit_document(self.table.current_id()))
        self.delete_button.clicked.connect(lambda: self.ask_delete(self.table.current_id()))

        self.table = EntryTable([_("Title"), _("Type"), _("Date"), _("Size"), _("File")], _("Documents"))
        self.table.fit_columns({1: 160, 2: 100, 3: 80, 4: 220}, stretch=0)
        self.table.activated_entry.connect(lambda entry_id: self.open_document(entry_id))
        self.table.delete_requested.connect(self.ask_delete)
        self.table.selection_changed.connect(self._update_buttons)
        self.empty = EmptyState("document", _("No documents yet"), _(
            "Attach scans of letters, certificates and signed forms. They are stored encrypted in the vault."))
        self.note = hint_label(_(
            "Documents open inside Lotse without a copy on disk. Export… saves an unencrypted copy where you choose."))
        self.column.addWidget(self.heading)
        self.column.addWidget(self.empty)
        self.column.addWidget(self.table, 1)
        self.column.addWidget(self.note)
        self.show_initial_case()
        self._update_buttons()

    @property
    def viewer(self):
        return self.actions.viewer

    @property
    def file_dialog(self):
        return self.actions.file_dialog

    def show_case(self, detail: dict[str, Any]) -> None:
        self.detail = detail
        self.documents = sorted(detail.get("documents") or [], key=lambda d: d.get("doc_date") or "", reverse=True)
        self.table.set_rows([
            (doc["id"], [
                Cell(doc.get("title") or ""),
                Cell(label(DOCUMENT_TYPE_LABELS, doc.get("doc_type"))),
                Cell(format_date(doc.get("doc_date")), doc.get("doc_date") or ""),
                Cell(format_size(doc.get("size")), int(doc.get("size") or 0)),
                Cell(doc.get("filename") or ""),
            ])
            for doc in self.documents
        ])
        count = len(self.documents)
        self.heading.set_count(ngettext("{n} document", "{n} documents", count).format(n=count))
        self.empty.setVisible(count == 0)
        self.table.setVisible(count > 0)
        self.note.setVisible(count > 0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.table.current_id() is not None
        for button in (self.open_button, self.export_button, self.edit_button, self.delete_button):
            button.setEnabled(selected)

    def _document(self, document_id: str | None) -> dict[str, Any] | None:
        return next((d for d in self.documents if d["id"] == document_id), None)

    # --- actions -------------------------------------------------------------------------

    def choose_file(self) -> None:
        self.actions.choose_file(_("Add a scan or PDF"), self.add_document_bytes)

    def add_document_bytes(self, data: bytes, filename: str) -> DocumentDialog:
        return self.open_dialog(DocumentDialog(self.ctx, data=data, filename=filename, parent=self))

    def open_selected(self) -> None:
        self.open_document(self.table.current_id())

    def open_document(self, document_id: str | None) -> None:
        document = self._document(document_id)
        if document is not None:
            self.actions.open_document(document)

    def export_selected(self) -> None:
        document = self._document(self.table.current_id())
        if document is not None:
            self.actions.export_document(document)

    def edit_document(self, document_id: str | None) -> DocumentDialog | None:
        document = self._document(document_id)
        if document is None:
            return None
        return self.open_dialog(DocumentDialog(self.ctx, document=document, parent=self))

    def ask_delete(self, document_id: str | None) -> None:
        document = self._document(document_id)
        if document is None:
            return
        self.last_box = confirm(
            self, _("Delete this document?"),
            _("“{title}” is removed from the vault. This cannot be undone.").format(title=document.get("title") or ""),
            _("&Delete document"),
            lambda: self.write(delete_document, document_id=document["id"]),
        )
