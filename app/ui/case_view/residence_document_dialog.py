"""Add or edit one residence document (Duldung, Gestattung, permit …); saves on OK."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QWidget

from app.errors import LotseError
from app.i18n import _
from app.services.persons import add_residence_document, update_residence_document
from app.ui import labels
from app.ui.case_view.context import CaseContext
from app.ui.dialogs.layout import dialog_layout
from app.ui.error_dialogs import show_error
from app.ui.widgets.buttons import primary_button, secondary_button
from app.ui.widgets.forms import code_combo, date_field, line_field, new_form, select_code, set_date
from app.ui.widgets.inline_message import InlineMessage
from app.ui.widgets.labels import title_label


class ResidenceDocumentDialog(QDialog):
    def __init__(self, ctx: CaseContext, document: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.document = document
        editing = document is not None
        self.setWindowTitle(_("Residence document"))
        self.doc_type = code_combo(_("Document type"), labels.choices(labels.RESIDENCE_STATUS_LABELS))
        self.paragraph = line_field(_("Legal basis"), _("e.g. § 60a AufenthG"))
        self.number = line_field(_("Document number"))
        self.issued = date_field(_("Issued on"))
        self.valid_until = date_field(_("Valid until"))
        self.current = QCheckBox(_("This is the person's current residence title"))
        self.current.setAccessibleName(_("Current residence title"))
        self.current.setChecked(True)
        self.current.setVisible(not editing)
        if editing:
            select_code(self.doc_type, document.get("doc_type"))
            self.paragraph.setText(document.get("paragraph") or "")
            self.number.setText(document.get("number") or "")
            set_date(self.issued, document.get("issued"))
            set_date(self.valid_until, document.get("valid_until"))

        self.message = InlineMessage()
        self.ok_button = primary_button(_("Save"), _("Save the residence document"))
        self.ok_button.setDefault(True)
        self.cancel_button = secondary_button(_("Cancel"), _("Cancel"))
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)

        form = new_form()
        form.addRow(_("&Type"), self.doc_type)
        form.addRow(_("&Legal basis"), self.paragraph)
        form.addRow(_("&Number"), self.number)
        form.addRow(_("&Issued on"), self.issued)
        form.addRow(_("&Valid until"), self.valid_until)
        form.addRow("", self.current)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout = dialog_layout(self)
        layout.addWidget(title_label(_("Edit residence document") if editing else _("Add a residence document")))
        layout.addSpacing(12)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addSpacing(12)
        layout.addLayout(buttons)

    def values(self) -> dict[str, Any]:
        return {
            "doc_type": self.doc_type.currentData(),
            "paragraph": self.paragraph.text(),
            "number": self.number.text(),
            "issued": self.issued.text().strip() or None,
            "valid_until": self.valid_until.text().strip() or None,
        }

    def submit(self) -> None:
        try:
            if self.document is None:
                add_residence_document(self.ctx.vault, case_id=self.ctx.case_id, current=self.current.isChecked(),
                                       **self.values())
            else:
                update_residence_document(self.ctx.vault, document_id=self.document["id"], **self.values())
        except LotseError as exc:
            self.message.show_message(exc.message)
            return
        except Exception as exc:
            show_error(self, exc)
            return
        self.accept()
        self.ctx.changed()
