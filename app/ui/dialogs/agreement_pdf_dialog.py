"""The Zug-um-Zug agreement as a document: choose the language, look at it, save or print.

German is the binding version for the authority; the person can get it in
their own language (right-to-left included). The preview is rendered from
memory and not logged; saving and printing are (``agreement.print``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QVBoxLayout, QWidget

from app.documents.data import Organisation
from app.documents.labels import supported_languages
from app.i18n import _
from app.services.agreement_document import agreement_languages, agreement_pdf
from app.services.organisation import organisation_from_settings
from app.ui.error_dialogs import as_lotse_error, show_error
from app.ui.icons import app_icon
from app.ui.widgets.buttons import primary_button, secondary_button
from app.ui.widgets.header import Header
from app.ui.widgets.inline_message import InlineMessage
from app.ui.widgets.labels import field_label, set_role
from app.ui.widgets.pdf_preview import (
    PdfPreview,
    choose_print_target,
    choose_save_path,
    paint_pdf,
    pdf_support,
    write_file,
)
from app.ui.workers import BackgroundTask, run_in_background


def language_name(code: str) -> str:
    """The language in its own words ("العربية"), so the person can find it."""
    from babel import Locale

    try:
        return Locale.parse(code).get_display_name(code) or code
    except (ValueError, LookupError):
        return code


class AgreementPdfDialog(QDialog):
    def __init__(self, vault, agreement_id: str, *, organisation: Organisation | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.agreement_id = agreement_id
        self.organisation = organisation if organisation is not None else organisation_from_settings()
        self.saved_path: Path | None = None
        self._task: BackgroundTask | None = None
        self._generation = 0
        self.setWindowTitle(_("Zug-um-Zug agreement"))
        self.setWindowIcon(app_icon())

        header = Header(_("Zug-um-Zug agreement"),
                        _("German is the binding version; the person can read it in their own language."))
        self.language = QComboBox()
        self.language.setAccessibleName(_("Language of the document"))
        client = agreement_languages(vault, agreement_id=agreement_id)
        for code in client + [c for c in supported_languages() if c not in client]:
            label = language_name(code)
            if code in client and code != "de":
                label = _("{language} — the person's language").format(language=label)
            self.language.addItem(label, code)
        self.language.currentIndexChanged.connect(self.render_preview)
        self.preview = PdfPreview()
        self.preview.setMinimumSize(560, 600)
        self.message = InlineMessage()
        self.close_button = secondary_button(_("Close"), _("Close"))
        self.close_button.clicked.connect(self.reject)
        self.print_button = secondary_button(_("Print…"), _("Print the agreement"))
        self.print_button.setEnabled(pdf_support())
        self.print_button.clicked.connect(lambda: self.print_agreement())
        self.save_button = primary_button(_("Save PDF…"), _("Save the agreement as PDF"))
        self.save_button.clicked.connect(lambda: self.save_pdf())

        top = QHBoxLayout()
        top.addWidget(field_label(_("&Language"), self.language))
        top.addWidget(self.language, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.addWidget(header)
        layout.addSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        self.resize(720, 860)
        self.render_preview()

    def lang(self) -> str:
        return self.language.currentData() or "de"

    def set_language(self, code: str) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(code)))

    def render_preview(self) -> None:
        if not pdf_support():  # pragma: no cover - depends on the installation
            return
        self._generation += 1
        self._task = run_in_background(
            _numbered_agreement, self._generation, self.vault, agreement_id=self.agreement_id,
            organisation=self.organisation, lang=self.lang(), record=False,
            on_success=self._preview_ready, on_failure=self._failed,
        )

    def _preview_ready(self, result: tuple[int, bytes]) -> None:
        generation, pdf = result
        if generation == self._generation:
            self.preview.show_pdf(pdf)

    def _failed(self, exc: BaseException) -> None:
        error = as_lotse_error(exc)
        if error is None:
            show_error(self, exc)
            return
        set_role(self.message, "error")
        self.message.show_message(error.message)

    def _pdf(self) -> bytes:
        return agreement_pdf(self.vault, agreement_id=self.agreement_id, organisation=self.organisation,
                             lang=self.lang())

    def save_pdf(self, path: Path | None = None) -> Path | None:
        suffix = "" if self.lang() == "de" else f"-{self.lang()}"
        target = path or choose_save_path(self, f"Vereinbarung{suffix}.pdf")
        if target is None:
            return None
        try:
            write_file(target, self._pdf())
        except Exception as exc:
            self._failed(exc)
            return None
        self.saved_path = target
        set_role(self.message, "success")
        self.message.show_message(_("Saved: {path}").format(path=target))
        return target

    def print_agreement(self, printer=None) -> bool:
        target = printer or choose_print_target(self, _("Zug-um-Zug agreement"))
        if target is None:
            return False
        try:
            paint_pdf(target, self._pdf())
        except Exception as exc:
            self._failed(exc)
            return False
        set_role(self.message, "success")
        self.message.show_message(_("Sent to the printer."))
        return True


def _numbered_agreement(generation: int, vault, **kwargs) -> tuple[int, bytes]:
    return generation, agreement_pdf(vault, **kwargs)


def open_agreement_pdf_dialog(parent: QWidget | None, vault, agreement_id: str, *,
                              organisation: Organisation | None = None) -> AgreementPdfDialog | None:
    try:
        dialog = AgreementPdfDialog(vault, agreement_id, organisation=organisation, parent=parent)
    except Exception as exc:
        show_error(parent, exc)
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
