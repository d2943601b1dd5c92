"""Pages of a PDF rendered to QImages from bytes in memory (PDFium via pypdfium2).

PySide6-Essentials has no QtPdf; PDFium reads the document from the buffer we
hand it (``FPDF_LoadMemDocument``), so no copy of the plaintext touches the disk.
Without pypdfium2 the viewer falls back to "Export…" only. PDFium is loaded on
the first PDF shown, not when a case view (whose Documents tab imports this
module) is built: ~30 ms and ~8 MB nobody needs until then.
"""

from __future__ import annotations

from functools import cache
from types import ModuleType

from PySide6.QtGui import QImage

from app.errors import DataError
from app.i18n import _

PDF_MAGIC = b"%PDF-"


@cache
def _pdfium() -> ModuleType | None:
    try:
        import pypdfium2
    except ImportError:  # pragma: no cover - the dependency is declared; a broken install still starts
        return None
    return pypdfium2


def pdf_rendering_available() -> bool:
    return _pdfium() is not None


def looks_like_pdf(data: bytes, mime_type: str = "") -> bool:
    return mime_type == "application/pdf" or data[:1024].lstrip().startswith(PDF_MAGIC)


class PdfPages:
    """An open PDF; ``render(index, scale)`` draws one page (72 dpi × scale)."""

    def __init__(self, data: bytes) -> None:
        pdfium = _pdfium()
        if pdfium is None:
            raise DataError(_("PDF display is not installed; use Export… to open the file elsewhere."))
        self._data = data  # PDFium reads from this buffer: it must live as long as the document
        try:
            self._document = pdfium.PdfDocument(data)
            self.count = len(self._document)
        except pdfium.PdfiumError as exc:
            raise DataError(_("This PDF cannot be shown: it is damaged or protected by a password.")) from exc
        if self.count == 0:
            raise DataError(_("This PDF has no pages."))

    def page_size(self, index: int) -> tuple[float, float]:
        """Width and height in points."""
        return self._document[index].get_size()

    def render(self, index: int, scale: float) -> QImage:
        page = self._document[index]
        bitmap = page.render(scale=scale, rev_byteorder=True, fill_color=(255, 255, 255, 255))
        image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, _format(bitmap.n_channels))
        return image.copy()  # own the pixels: the bitmap's buffer goes away with it

    def close(self) -> None:
        self._document.close()


def _format(channels: int) -> QImage.Format:
    if channels == 4:
        return QImage.Format.Format_RGBA8888
    if channels == 1:
        return QImage.Format.Format_Grayscale8
    return QImage.Format.Format_RGB888
