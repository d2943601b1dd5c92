"""The one dialog frame for every printable document: preview, language, save, print.

The referral letter, the agreement, the consent form and the appointment
letter share it: a header, an optional form on the left (what the document
says), an optional language choice, the preview rendered from memory on a
worker thread (never written to disk, never logged), and Close / Print… /
Save PDF… with one line of feedback. A subclass says how to render:

- ``render(**arguments)`` calls the service; ``arguments(record)`` reads the
  widgets on the GUI thread (``record=False`` for the preview, which a worker
  renders; ``record=True`` for saving and printing, which the service logs);
- ``file_stem`` and ``print_title()`` name it; ``can_issue()`` guards it.
  (The referral letter, which goes through the consent gate, overrides
  ``preview_job`` and ``issue_pdf`` instead.)

The language list puts German first, then the person's languages (marked as
such), then the rest; the default is the person's preferred language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from babel import Locale
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from app.documents.data import Organisation
from app.i18n import _
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

PREVIEW_DELAY_MS = 400


def language_name(code: str) -> str:
    """The language in its own words ("العربية", "українська"), so the person can find it."""
    try:
        return Locale.parse(code).get_display_name(code) or code
    except (ValueError, LookupError):
        return code


def language_order(available: Sequence[str], client: Sequence[str]) -> list[str]:
    """German first, then the person's languages, then the rest, each once."""
    order = ["de"] if "de" in available else []
    order += [code for code in client if code in available and code not in order]
    order += [code for code in available if code not in order]
    return order


class DocumentPreviewDialog(QDialog):
    """A document with its live preview; subclasses add a form and say how to render."""

    def __init__(self, vault, *, title: str, subtitle: str = "", organisation: Organisation | None = None,
                 languages: Sequence[str] = (), client_languages: Sequence[str] = (),
                 default_language: str = "de", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.organisation = organisation if organisation is not None else organisation_from_settings()
        self.saved_path: Path | None = None
        self._preview_task: BackgroundTask | None = None
        self._preview_generation = 0
        self.setWindowTitle(title)
        self.setWindowIcon(app_icon())
        self.header = Header(title, subtitle)

        self.language = QComboBox()
        self.language.setAccessibleName(_("Language of the document"))
        for code in language_order(languages, client_languages):
            label = language_name(code)
            if code in client_languages and code != "de":
                label = _("{language} — the person's language").format(language=label)
            self.language.addItem(label, code)
        if languages:
            self.set_language(default_language)
        self.language.currentIndexChanged.connect(lambda _index: self.schedule_preview(immediately=True))

        self.preview = PdfPreview()
        self.preview.setMinimumSize(480, 560)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._render_preview)

        self.message = InlineMessage()
        self.close_button = secondary_button(_("Close"), _("Close"))
        self.close_button.clicked.connect(self.reject)
        self.print_button = secondary_button(_("Print…"), _("Print the document"))
        self.print_button.clicked.connect(lambda: self.print_document())
        self.print_button.setEnabled(pdf_support())
        self.save_button = primary_button(_("Save PDF…"), _("Save the document as PDF"))
        self.save_button.clicked.connect(lambda: self.save_pdf())

    @staticmethod
    def form_column(*fields: tuple[str, QWidget]) -> tuple[QWidget, QVBoxLayout]:
        """The left pane: each (label with mnemonic, widget) as a label over its field."""
        form = QWidget()
        column = QVBoxLayout(form)
        column.setContentsMargins(0, 0, 12, 0)
        for text, widget in fields:
            column.addWidget(field_label(text, widget))
            column.addWidget(widget)
        return form, column

    def finish_layout(self, form: QWidget | None = None, *, width: int = 760, height: int = 880) -> None:
        """Lay out header, language, the subclass's ``form`` beside the preview, and the buttons."""
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addStretch(1)  # keeps the buttons their size while no message shows
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.addWidget(self.header)
        layout.addSpacing(12)
        if self.language.count():
            row = QHBoxLayout()
            row.addWidget(field_label(_("&Language"), self.language))
            row.addWidget(self.language, 1)
            layout.addLayout(row)
        if form is not None:
            scroll = QScrollArea()
            scroll.setWidget(form)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the form wraps
            scroll.setMinimumWidth(420)
            panes = QHBoxLayout()
            panes.addWidget(scroll, 5)
            panes.addWidget(self.preview, 6)
            layout.addLayout(panes, 1)
        else:
            layout.addWidget(self.preview, 1)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        self.resize(width, height)

    # ------------------------------------------------------------ subclasses

    file_stem = "Dokument"  # the file name offered on saving, before the language suffix

    def render(self, **arguments: Any) -> bytes:
        """The service call that renders the document (runs on a worker for the preview)."""
        raise NotImplementedError

    def arguments(self, record: bool) -> dict[str, Any]:
        """``render``'s arguments as the widgets say now (read on the GUI thread)."""
        raise NotImplementedError

    def preview_job(self) -> tuple[Callable[..., bytes], dict[str, Any]] | None:
        """The function (run on a worker) and its arguments for the preview; None: nothing to show."""
        return self.render, self.arguments(record=False)

    def issue_pdf(self) -> bytes:
        """The document for saving or printing (the service logs it)."""
        return self.render(**self.arguments(record=True))

    def file_name(self) -> str:
        return f"{self.file_stem}{self.language_suffix()}.pdf"

    def print_title(self) -> str:
        return self.windowTitle()

    def can_issue(self) -> bool:
        return True

    # --------------------------------------------------------------- language

    def lang(self) -> str:
        return self.language.currentData() or "de"

    def set_language(self, code: str) -> None:
        index = self.language.findData(code)
        self.language.setCurrentIndex(index if index >= 0 else 0)

    def language_suffix(self) -> str:
        """"-uk" for a file name, nothing for German."""
        return "" if self.lang() == "de" else f"-{self.lang()}"

    # ---------------------------------------------------------------- preview

    def update_buttons(self) -> None:
        ok = self.can_issue()
        self.save_button.setEnabled(ok)
        self.print_button.setEnabled(ok and pdf_support())

    def schedule_preview(self, immediately: bool = False) -> None:
        if not pdf_support():  # pragma: no cover - depends on the installation
            return
        if immediately:
            self._timer.stop()
            self._render_preview()
        else:
            self._timer.start()

    def _render_preview(self) -> None:
        job = self.preview_job()
        if job is None:
            return
        function, arguments = job
        self._preview_generation += 1
        # Bound methods as callbacks: Qt queues them to the GUI thread and drops
        # them when the dialog is gone before the rendering ends.
        self._preview_task = run_in_background(
            _numbered, self._preview_generation, function, arguments,
            on_success=self._preview_ready, on_failure=self._preview_failed,
        )

    def _preview_ready(self, result: tuple[int, bytes]) -> None:
        generation, pdf = result
        if generation == self._preview_generation:  # an older rendering is stale
            self.preview.show_pdf(pdf)

    def _preview_failed(self, exc: BaseException) -> None:
        error = as_lotse_error(exc)
        if error is None:
            show_error(self, exc)
            return
        self.preview.show_message(error.message)

    # ----------------------------------------------------------- save, print

    def save_pdf(self, path: Path | None = None) -> Path | None:
        """Save where the user chooses (``path`` skips the file dialog); None when cancelled or refused."""
        if not self.can_issue():
            return None
        target = path or choose_save_path(self, self.file_name())
        if target is None:
            return None
        try:
            write_file(target, self.issue_pdf())
        except Exception as exc:
            self.report(exc)
            return None
        self.saved_path = target
        self.say(_("Saved: {path}").format(path=target))
        return target

    def print_document(self, printer=None) -> bool:
        """Print through the system dialog (``printer`` skips it); False when cancelled or refused."""
        if not self.can_issue():
            return False
        target = printer or choose_print_target(self, self.print_title())
        if target is None:
            return False
        try:
            paint_pdf(target, self.issue_pdf())
        except Exception as exc:
            self.report(exc)
            return False
        self.say(_("Sent to the printer."))
        return True

    def say(self, text: str) -> None:
        set_role(self.message, "success")
        self.message.show_message(text)

    def report(self, exc: BaseException) -> None:
        error = as_lotse_error(exc)
        if error is None:
            show_error(self, exc)
            return
        set_role(self.message, "error")
        self.message.show_message(error.message)


class ClientDocumentDialog(DocumentPreviewDialog):
    """A document about one case's person, offered in every document language, the person's first."""

    def __init__(self, vault, case_id: str, *, ref: str, title: str, subtitle: str,
                 organisation: Organisation | None = None, parent: QWidget | None = None) -> None:
        from app.documents.labels import DEFAULT_LANGUAGE, DOCUMENT_LANGUAGES
        from app.services.document_language import client_languages

        client = client_languages(vault, case_id=case_id)  # one read: the default is its first
        super().__init__(
            vault, title=title, subtitle=subtitle, organisation=organisation, languages=DOCUMENT_LANGUAGES,
            client_languages=client, default_language=client[0] if client else DEFAULT_LANGUAGE, parent=parent,
        )
        self.case_id = case_id
        self.ref = ref


def _numbered(generation: int, function: Callable[..., bytes], arguments: dict[str, Any]) -> tuple[int, bytes]:
    return generation, function(**arguments)


def open_document_dialog(parent: QWidget | None, factory: Callable[[], DocumentPreviewDialog]
                         ) -> DocumentPreviewDialog | None:
    """Build the dialog and open it window-modal; shows the error instead when it cannot be built."""
    try:
        dialog = factory()
    except Exception as exc:
        show_error(parent, exc)
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
