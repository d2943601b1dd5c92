"""Show, print and save a PDF that exists only in memory.

Pages are rendered from the bytes by PDFium (``app.ui.case_view.pdf_pages``,
the same renderer the document viewer uses; PySide6-Essentials has no QtPdf).
The preview stacks the pages, fitted to the width; printing paints each page
as an image on the QPrinter the system print dialog set up; saving writes only
where the user chose in the file dialog. No temp file anywhere.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from app.errors import DataError
from app.i18n import _
from app.ui.case_view.pdf_pages import PdfPages, pdf_rendering_available
from app.ui.user_files import ask_save_path, write_user_file

PRINT_DPI = 300
PAGE_GAP = 12
PAGE_MARGIN = 14


def pdf_support() -> bool:
    """Whether PDFs can be previewed and printed here (PDFium is installed)."""
    return pdf_rendering_available()


class PdfPreview(QScrollArea):
    """The pages of a PDF in memory, one under the other, fitted to the width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setAccessibleName(_("Preview of the document"))
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setStyleSheet("QScrollArea#pdfPreview, QWidget#pdfPages { background: #8a949e; }")
        self._data: bytes | None = None
        self._pages: list[QLabel] = []
        self._rendered_width = 0
        self._container = QWidget()
        self._container.setObjectName("pdfPages")
        self._column = QVBoxLayout(self._container)
        self._column.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        self._column.setSpacing(PAGE_GAP)
        self.message = QLabel(_("The preview appears here.") if pdf_support() else
                              _("No preview: PDF display (pypdfium2) is not installed. Saving as PDF works."))
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: white;")
        self._column.addWidget(self.message)
        self._column.addStretch(1)
        self.setWidget(self._container)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(150)
        self._resize_timer.timeout.connect(self._rerender_if_wider)

    def show_pdf(self, data: bytes) -> None:
        self._data = data
        self._render()

    def show_message(self, text: str) -> None:
        self._data = None
        self._clear_pages()
        self.message.setText(text)
        self.message.show()

    def page_count(self) -> int:
        return len(self._pages)

    def _page_width(self) -> int:
        return max(200, self.viewport().width() - 2 * PAGE_MARGIN)

    def _clear_pages(self) -> None:
        for label in self._pages:
            self._column.removeWidget(label)
            label.deleteLater()
        self._pages = []

    def _render(self) -> None:
        if self._data is None or not pdf_support():
            return
        pages = PdfPages(self._data)
        try:
            width = self._page_width()
            ratio = self.devicePixelRatioF()
            labels = []
            for index in range(pages.count):
                page_width, _height = pages.page_size(index)
                image = pages.render(index, scale=width * ratio / page_width)
                pixmap = QPixmap.fromImage(image)
                pixmap.setDevicePixelRatio(ratio)
                label = QLabel()
                label.setPixmap(pixmap)
                label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
                label.setAccessibleName(_("Page {number} of {total}").format(number=index + 1, total=pages.count))
                labels.append(label)
        finally:
            pages.close()
        self._clear_pages()
        self.message.hide()
        for i, label in enumerate(labels):
            self._column.insertWidget(i, label)
        self._pages = labels
        self._rendered_width = width

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._resize_timer.start()

    def _rerender_if_wider(self) -> None:
        if self._data is not None and abs(self._page_width() - self._rendered_width) > 24:
            self._render()


def paint_pdf(printer, data: bytes) -> int:
    """Paint every page of ``data`` on ``printer`` (already set up); returns the pages printed."""
    pages = PdfPages(data)
    painter = QPainter()
    if not painter.begin(printer):
        pages.close()
        raise DataError(_("The printer could not be started."))
    try:
        dpi = min(printer.resolution(), PRINT_DPI)
        for index in range(pages.count):
            if index:
                printer.newPage()
            image = pages.render(index, scale=dpi / 72)
            target = painter.viewport()
            scaled = image.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                  Qt.TransformationMode.SmoothTransformation)
            painter.drawImage(target.x(), target.y(), scaled)
        return pages.count
    finally:
        painter.end()
        pages.close()


def choose_print_target(parent: QWidget, title: str):
    """The system print dialog; the configured QPrinter, or None when cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer


def choose_save_path(parent: QWidget, suggested_name: str) -> Path | None:
    """Where the user wants the PDF; None when cancelled."""
    return ask_save_path(parent, _("Save PDF"), suggested_name, _("PDF documents (*.pdf)"), ".pdf")


def write_file(path: Path, data: bytes) -> None:
    write_user_file(path, data)
