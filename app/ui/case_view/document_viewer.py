"""Shows an attachment inside Lotse from its bytes in memory: images and PDFs, page by page.

Nothing is written anywhere: the image is decoded with QImage.fromData and a
PDF page is rendered by PDFium from the buffer. Other file types (and PDFs
when PDFium is missing) can only be exported, which says where the
unencrypted copy goes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.errors import LotseError
from app.i18n import _
from app.services.documents import DocumentContentResult
from app.ui.case_view.pdf_pages import PdfPages, looks_like_pdf, pdf_rendering_available
from app.ui.widgets.buttons import primary_button, secondary_button
from app.ui.widgets.labels import hint_label, role_label

ZOOM_STEPS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
FIT_WIDTH = 0.0  # zoom value meaning "as wide as the window"


class DocumentViewer(QDialog):
    export_requested = Signal()

    def __init__(self, title: str, content: DocumentContentResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(900, 760)
        self.content = content
        self.pdf: PdfPages | None = None
        self.image: QImage | None = None
        self.page_index = 0
        self.zoom = FIT_WIDTH
        self.problem = ""

        self.title = role_label(title, "section", wrap=False)
        self.page_label = role_label("", "hint", wrap=False)
        self.previous_button = secondary_button(_("◀ Previous"), _("Previous page"))
        self.next_button = secondary_button(_("Next ▶"), _("Next page"))
        self.zoom_out_button = secondary_button("−", _("Zoom out"))
        self.zoom_in_button = secondary_button("+", _("Zoom in"))
        self.fit_button = secondary_button(_("Fit width"), _("Fit to the window's width"))
        for button in (self.previous_button, self.next_button, self.zoom_out_button, self.zoom_in_button,
                       self.fit_button):
            button.setProperty("compact", True)
        self.export_button = secondary_button(_("&Export…"), _("Export the document"))
        self.close_button = primary_button(_("&Close"), _("Close the viewer"))
        self.previous_button.clicked.connect(lambda: self.show_page(self.page_index - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page_index + 1))
        self.zoom_in_button.clicked.connect(lambda: self.step_zoom(+1))
        self.zoom_out_button.clicked.connect(lambda: self.step_zoom(-1))
        self.fit_button.clicked.connect(lambda: self.set_zoom(FIT_WIDTH))
        self.export_button.clicked.connect(self.export_requested)
        self.close_button.clicked.connect(self.close)

        self.page_view = QLabel()
        self.page_view.setObjectName("pageView")
        self.page_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_view.setAccessibleName(_("Document page"))
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.page_view)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll.setObjectName("viewerScroll")
        self.message = hint_label("")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.hide()

        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.title, 1)
        top.addWidget(self.previous_button)
        top.addWidget(self.page_label)
        top.addWidget(self.next_button)
        top.addSpacing(12)
        top.addWidget(self.zoom_out_button)
        top.addWidget(self.zoom_in_button)
        top.addWidget(self.fit_button)
        bottom = QHBoxLayout()
        bottom.addWidget(hint_label(_("Shown from the encrypted vault; no copy is written to disk.")), 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.message, 1)
        layout.addLayout(bottom)

        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn), self, lambda: self.step_zoom(+1))
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut), self, lambda: self.step_zoom(-1))
        QShortcut(QKeySequence("Ctrl+0"), self, lambda: self.set_zoom(FIT_WIDTH))
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, lambda: self.show_page(self.page_index + 1))
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, lambda: self.show_page(self.page_index - 1))
        self._load()

    # --- loading -------------------------------------------------------------------------

    def _load(self) -> None:
        data, mime = self.content.data, self.content.mime_type or ""
        if looks_like_pdf(data, mime):
            if not pdf_rendering_available():
                self._cannot_show(_("PDFs cannot be shown inside Lotse on this computer. Use Export… to save it."))
                return
            try:
                self.pdf = PdfPages(data)
            except LotseError as error:
                self._cannot_show(error.message)
                return
        else:
            image = QImage.fromData(data)
            if image.isNull():
                self._cannot_show(_("Lotse cannot show this kind of file. Use Export… to save it and open it "
                                    "with another program."))
                return
            self.image = image
        self.show_page(0)

    def _cannot_show(self, text: str) -> None:
        self.problem = text
        self.message.setText(text)
        self.message.show()
        self.scroll.hide()
        for button in (self.previous_button, self.next_button, self.zoom_in_button, self.zoom_out_button,
                       self.fit_button, self.page_label):
            button.hide()
        self.export_button.setProperty("primary", True)

    @property
    def page_count(self) -> int:
        if self.pdf is not None:
            return self.pdf.count
        return 1 if self.image is not None else 0

    # --- showing -------------------------------------------------------------------------

    def _scale_for(self, width_points: float) -> float:
        if self.zoom != FIT_WIDTH:
            return self.zoom
        available = max(self.scroll.viewport().width() - 24, 200)
        return available / width_points

    def show_page(self, index: int) -> None:
        if not self.page_count:
            return
        self.page_index = max(0, min(index, self.page_count - 1))
        ratio = self.devicePixelRatioF()
        if self.pdf is not None:
            width, _height = self.pdf.page_size(self.page_index)
            scale = self._scale_for(width)
            rendered = self.pdf.render(self.page_index, scale * ratio)
        else:
            scale = self._scale_for(self.image.width()) if self.zoom == FIT_WIDTH else self.zoom
            scale = min(scale, 1.0) if self.zoom == FIT_WIDTH else scale  # small scans are not blown up
            rendered = self.image.scaledToWidth(
                max(1, round(self.image.width() * scale * ratio)), Qt.TransformationMode.SmoothTransformation)
        pixmap = QPixmap.fromImage(rendered)
        pixmap.setDevicePixelRatio(ratio)
        self.page_view.setPixmap(pixmap)
        self.page_view.resize(pixmap.deviceIndependentSize().toSize())
        self.page_label.setText(_("Page {page} of {count}").format(page=self.page_index + 1, count=self.page_count))
        many = self.page_count > 1
        for widget in (self.previous_button, self.next_button, self.page_label):
            widget.setVisible(many)
        self.previous_button.setEnabled(self.page_index > 0)
        self.next_button.setEnabled(self.page_index < self.page_count - 1)

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self.show_page(self.page_index)

    def step_zoom(self, direction: int) -> None:
        current = self.zoom or self._current_scale()
        if direction > 0:
            bigger = [z for z in ZOOM_STEPS if z > current + 0.01]
            self.set_zoom(bigger[0] if bigger else ZOOM_STEPS[-1])
        else:
            smaller = [z for z in ZOOM_STEPS if z < current - 0.01]
            self.set_zoom(smaller[-1] if smaller else ZOOM_STEPS[0])

    def _current_scale(self) -> float:
        if self.pdf is not None:
            return self._scale_for(self.pdf.page_size(self.page_index)[0])
        if self.image is not None:
            return min(self._scale_for(self.image.width()), 1.0)
        return 1.0

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.zoom == FIT_WIDTH and self.page_count:
            self.show_page(self.page_index)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.pdf is not None:
            self.pdf.close()
            self.pdf = None
        self.page_view.clear()
        self.image = None
        super().closeEvent(event)
