"""Record that a step was fulfilled: the day, and the document that proves it.

The proof is an existing document of the case, or a scan or PDF added right
here: it is stored encrypted in the vault (``documents.add_document``, never
copied anywhere else) and then linked to the step. If recording the step
fails after the scan was stored, the stored document is kept and linked on
the next try instead of being added twice.
"""

from __future__ import annotations

import mimetypes
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLineEdit, QWidget

from app.errors import ValidationError
from app.i18n import _
from app.services import agreements as svc
from app.services.agreement_steps import StepView
from app.services.agreement_views import AgreementView
from app.services.documents import MAX_DOCUMENT_BYTES, add_document
from app.ui import labels
from app.ui.case_view.agreement_dialogs import FormDialog, date_field, form_label
from app.ui.formatting import format_date
from app.ui.widgets.buttons import secondary_button
from app.ui.widgets.labels import hint_label

NO_DOCUMENT = ""
NEW_SCAN = "__new_scan__"
SCAN_FILTER = "Scans and PDFs (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"


class FulfilStepDialog(FormDialog):
    def __init__(self, ctx, case_id: str, step: StepView, documents: list[dict[str, Any]],
                 parent: QWidget | None = None) -> None:
        super().__init__(_("Step {n} fulfilled").format(n=step.position), " ".join(step.action.split()),
                         _("Record as fulfilled"), parent)
        self.ctx, self.case_id, self.step = ctx, case_id, step
        self.scan: tuple[str, bytes] | None = None  # (file name, bytes) of a scan to add
        self.added_document_id: str | None = None
        self.on = date_field(date.today(), _("Fulfilled on"))
        self.proof = QComboBox()
        self.proof.setAccessibleName(_("Proof document"))
        self.proof.addItem(_("No document"), NO_DOCUMENT)
        for document in documents:
            when = format_date(document.get("doc_date"))
            text = _("{title} · {date}").format(title=document["title"], date=when) if when else document["title"]
            self.proof.addItem(text, document["id"])
        self.proof.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.proof.setMinimumContentsLength(30)
        self.proof.currentIndexChanged.connect(self._proof_chosen)
        self.add_scan_button = secondary_button(_("Add a scan…"), _("Add a scan or PDF as the proof"))
        self.add_scan_button.clicked.connect(self.choose_scan)
        self.add_scan_button.setMinimumWidth(130)
        proof_row = QHBoxLayout()
        proof_row.setSpacing(8)
        proof_row.addWidget(self.proof, 1)
        proof_row.addWidget(self.add_scan_button)
        self.scan_title = QLineEdit(step.proof_required or " ".join(step.action.split())[:120])
        self.scan_title.setAccessibleName(_("Title of the new document"))
        self.scan_type = QComboBox()
        self.scan_type.setAccessibleName(_("Type of the new document"))
        for text, code in labels.choices(labels.DOCUMENT_TYPE_LABELS):
            self.scan_type.addItem(text, code)
        self.scan_type.setCurrentIndex(self.scan_type.findData("certificate"))

        self.form.addRow(_("Fulfilled &on"), self.on)
        if step.proof_required.strip():
            self.form.addRow(_("Proof required"), hint_label(" ".join(step.proof_required.split())))
        self.form.addRow(form_label(_("&Proof"), self.proof), proof_row)
        self.form.addRow(_("Document &title"), self.scan_title)
        self.form.addRow(_("Document t&ype"), self.scan_type)
        self._proof_chosen()
        if step.proof_document_id:
            self.proof.setCurrentIndex(max(0, self.proof.findData(step.proof_document_id)))

    # --- the proof ----------------------------------------------------------------------------

    def choose_scan(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Add a scan or PDF"), "", _(SCAN_FILTER))
        if path:
            self.use_scan(Path(path))

    def use_scan(self, path: Path) -> bool:
        """Take the file at ``path`` as the new proof (read into memory now); False with a message if unusable."""
        try:
            size = path.stat().st_size
            if size > MAX_DOCUMENT_BYTES:
                raise ValidationError(_("The file is larger than {n} MB; scan with a lower resolution.").format(
                    n=MAX_DOCUMENT_BYTES // 1024 // 1024))
            data = path.read_bytes()
        except OSError as exc:
            self.message.show_message(_("The file cannot be read: {reason}").format(reason=exc.strerror or exc))
            return False
        except ValidationError as exc:
            self.message.show_message(exc.message)
            return False
        self.scan = (path.name, data)
        self.added_document_id = None
        index = self.proof.findData(NEW_SCAN)
        text = _("New: {name}").format(name=path.name)
        if index < 0:
            self.proof.addItem(text, NEW_SCAN)
            index = self.proof.count() - 1
        else:
            self.proof.setItemText(index, text)
        self.proof.setCurrentIndex(index)
        self.message.clear_message()
        return True

    def _proof_chosen(self, *_args) -> None:
        new = self.proof.currentData() == NEW_SCAN
        for field in (self.scan_title, self.scan_type):
            field.setEnabled(new)
            label = self.form.labelForField(field)
            field.setVisible(new)
            if label is not None:
                label.setVisible(new)

    # --- saving --------------------------------------------------------------------------------

    def save(self) -> AgreementView:
        on = self.on.text().strip()
        if not on:
            self.on.setFocus()
            raise ValidationError(_("Enter the day the step was fulfilled."))
        document_id = self.proof.currentData() or None
        if document_id == NEW_SCAN:
            if self.added_document_id is None:
                name, data = self.scan
                self.added_document_id = add_document(
                    self.vault, case_id=self.case_id, data=data, title=self.scan_title.text(), filename=name,
                    doc_type=self.scan_type.currentData(), doc_date=on, mime_type=mimetypes.guess_type(name)[0],
                )
            document_id = self.added_document_id
        return svc.fulfil_step(self.vault, self.step.id, on=on, proof_document_id=document_id)
