"""Opening, exporting and attaching documents: the steps the documents and consents tabs share.

Opening reads the bytes off the GUI thread (a scan can be 20 MB) and shows them
in the in-app viewer; exporting asks for a place and then says plainly that the
copy there is unencrypted.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.errors import LotseError, ValidationError
from app.i18n import _
from app.services.document_export import export_document
from app.services.documents import MAX_DOCUMENT_BYTES, DocumentContentResult, document_content
from app.ui.case_view.casework_widgets import inform
from app.ui.case_view.document_viewer import DocumentViewer
from app.ui.case_view.file_choosers import choose_file_to_attach, choose_file_to_save
from app.ui.error_dialogs import show_error
from app.ui.workers import BackgroundTask, run_in_background


class DocumentActions:
    """Owned by a tab; keeps the dialogs it opens reachable (``file_dialog``, ``viewer``, ``last_box``)."""

    def __init__(self, parent: QWidget, ctx: Any) -> None:
        self.parent = parent
        self.ctx = ctx
        self.file_dialog: QFileDialog | None = None
        self.viewer: DocumentViewer | None = None
        self.last_box: QMessageBox | None = None
        self.exported: Path | None = None
        self._task: BackgroundTask | None = None

    # --- open ------------------------------------------------------------------------------

    def open_document(self, document: dict[str, Any]) -> None:
        title = document.get("title") or document.get("filename") or _("Document")

        def loaded(content: DocumentContentResult) -> None:
            self._task = None
            self.viewer = DocumentViewer(title, content, self.parent)
            self.viewer.export_requested.connect(lambda: self.export_document(document))
            self.viewer.destroyed.connect(lambda *_a: setattr(self, "viewer", None))
            self.viewer.show()

        def failed(exc: BaseException) -> None:
            self._task = None
            self.last_box = show_error(self.parent, exc)

        self._task = run_in_background(document_content, self.ctx.vault, document_id=document["id"],
                                       on_success=loaded, on_failure=failed)

    @property
    def busy(self) -> bool:
        return self._task is not None

    # --- export ----------------------------------------------------------------------------

    def export_document(self, document: dict[str, Any]) -> QFileDialog:
        suggested = document.get("filename") or (document.get("title") or "document")
        self.file_dialog = choose_file_to_save(
            self.viewer or self.parent, _("Export a document (saved unencrypted)"), suggested,
            lambda path: self._export_to(document, path))
        return self.file_dialog

    def _export_to(self, document: dict[str, Any], path: str) -> None:
        try:
            written = export_document(self.ctx.vault, document_id=document["id"], target=path)
        except LotseError as error:
            self.last_box = show_error(self.viewer or self.parent, error)
            return
        self.exported = written
        self.last_box = inform(
            self.viewer or self.parent,
            _("Saved unencrypted to {path}").format(path=written),
            _("Anyone who can open this folder can read the document. Delete the copy when you no longer "
              "need it."),
        )

    # --- attach ----------------------------------------------------------------------------

    def choose_file(self, title: str, on_bytes: Callable[[bytes, str], None]) -> QFileDialog:
        """Ask for a file, read it (refusing one too large before reading) and hand over its bytes."""

        def chosen(path: str) -> None:
            try:
                data = read_attachment(Path(path))
            except LotseError as error:
                self.last_box = show_error(self.parent, error)
                return
            on_bytes(data, Path(path).name)

        self.file_dialog = choose_file_to_attach(self.parent, title, chosen)
        return self.file_dialog


def read_attachment(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise ValidationError(_(
                "The file has {size:.1f} MB; attachments can have at most {limit} MB. Scan with a lower "
                "resolution or split the file.").format(size=size / 1024 / 1024, limit=MAX_DOCUMENT_BYTES // 1024 // 1024))
        return path.read_bytes()
    except OSError as exc:
        raise ValidationError(_("The file {name} cannot be read: {reason}.").format(
            name=path.name, reason=exc.strerror or exc)) from exc
