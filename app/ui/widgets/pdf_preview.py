"""Show, print and save a PDF that exists only in memory.

The preview loads the bytes through a QBuffer into QtPdf (PySide6-Addons);
printing renders each page with QPdfDocument into an image and paints it on
the QPrinter the system print dialog set up; saving writes only where the
user chose in the file dialog. No temp file anywhere. Without QtPdf (a
minimal PySide6 install) the preview says so and printing is unavailable,
saving still works.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QFileDialog, QLabel, QStackedLayout, QWidget

from app.errors import DataError
from app.i18n import _

try:  # QtPdf ships in PySide6-Addons
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
except ImportError:  # pragma: no cover - depends on the installation
    QPdfDocument = None  # type: ignore[assignment,misc]
    QPdfView = None  # type: ignore[assignment,misc]

PRINT_DPI = 300


def pdf_support() -> bool:
    """Whether PDFs can be previewed and printed here (QtPdf is installed)."""
    return QPdfDocument is not None


class MemoryPdf:
    """A QPdfDocument over bytes in memory; keeps the buffer alive as long as the document."""

    def __init__(self, data: bytes, parent=None) -> None:
        if QPdfDocument is None:
            raise DataError(_("Showing PDFs needs the Qt PDF module (PySide6-Addons), which is not installed."))
        self._bytes = QByteArray(data)
        self.buffer = QBuffer(parent)
        self.buffer.setData(self._bytes)
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(parent)
        self.document.load(self.buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            raise DataError(_("The PDF could not be read for the preview."))

    def page_count(self) -> int:
        return self.document.pageCount()

    def render_page(self, page: int, dpi: int) -> QImage:
        size = self.document.pagePointSize(page)
        pixels = QSize(max(1, round(size.width() * dpi / 72)), max(1, round(size.height() * dpi / 72)))
        return self.document.render(page, pixels)

    def close(self) -> None:
        self.document.close()
        self.buffer.close()


class PdfPreview(QWidget):
    """The pages of a PDF in memory, one under the other, zoomed to the width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Preview"))
        self._pdf: MemoryPdf | None = None
        self._stack = QStackedLayout(self)
        self.message = QLabel(_("The preview appears here."))
        self.message.setProperty("role", "hint")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self._stack.addWidget(self.message)
        self.view = None
        if QPdfView is not None:
            self.view = QPdfView(self)
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.view.setAccessibleName(_("Preview of the document"))
            self._stack.addWidget(self.view)
        else:  # pragma: no cover - depends on the installation
            self.message.setText(_("No preview: the Qt PDF module (PySide6-Addons) is not installed. "
                                   "Saving as PDF works."))

    def show_pdf(self, data: bytes) -> None:
        if self.view is None:  # pragma: no cover
            return
        previous = self._pdf
        self._pdf = MemoryPdf(data, self)
        self.view.setDocument(self._pdf.document)
        self._stack.setCurrentWidget(self.view)
        if previous is not None:
            previous.close()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self._stack.setCurrentWidget(self.message)

    def page_count(self) -> int:
        return self._pdf.page_count() if self._pdf is not None else 0


def paint_pdf(printer, data: bytes) -> int:
    """Paint every page of ``data`` on ``printer`` (already set up); returns the pages printed."""
    pdf = MemoryPdf(data)
    painter = QPainter()
    if not painter.begin(printer):
        pdf.close()
        raise DataError(_("The printer could not be started."))
    try:
        dpi = min(printer.resolution(), PRINT_DPI)
        for page in range(pdf.page_count()):
            if page:
                printer.newPage()
            image = pdf.render_page(page, dpi)
            target = painter.viewport()
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(target.x(), target.y(), image.scaled(scaled, Qt.AspectRatioMode.KeepAspectRatio,
                                                                   Qt.TransformationMode.SmoothTransformation))
        return pdf.page_count()
    finally:
        painter.end()
        pdf.close()


def choose_print_target(parent: QWidget, title: str):
    """The system print dialog; the configured QPrinter, or None when cancelled or unavailable."""
    try:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    except ImportError:  # pragma: no cover
        raise DataError(_("Printing needs the Qt print support module, which is not installed.")) from None
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer


def choose_save_path(parent: QWidget, suggested_name: str) -> Path | None:
    """Where the user wants the PDF; None when cancelled."""
    path, _filter = QFileDialog.getSaveFileName(
        parent, _("Save PDF"), str(Path.home() / suggested_name), _("PDF documents (*.pdf)")
    )
    if not path:
        return None
    chosen = Path(path)
    return chosen if chosen.suffix.lower() == ".pdf" else chosen.with_suffix(".pdf")


def write_file(path: Path, data: bytes) -> None:
    from app.storage.files import atomic_write

    try:
        atomic_write(path, data)
    except OSError as exc:
        raise DataError(_("Cannot write {path}: {reason}.").format(path=path, reason=exc.strerror or exc)) from exc
