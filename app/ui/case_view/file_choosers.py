"""Choosing a file to attach or a place to save, without a nested event loop.

The dialog opens with ``open()`` and calls back with the chosen path; the
caller keeps the returned dialog (tests select a file in it and accept it,
as a user does).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from app.i18n import _


def _documents_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or ""


def choose_file_to_attach(parent: QWidget, title: str, on_chosen: Callable[[str], None]) -> QFileDialog:
    dialog = QFileDialog(parent, title, _documents_folder())
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setNameFilters([
        _("Scans and PDFs (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.webp)"),
        _("All files (*)"),
    ])
    dialog.fileSelected.connect(on_chosen)
    dialog.open()
    return dialog


def choose_file_to_save(parent: QWidget, title: str, suggested_name: str,
                        on_chosen: Callable[[str], None]) -> QFileDialog:
    dialog = QFileDialog(parent, title, _documents_folder())
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if suggested_name:
        dialog.selectFile(suggested_name)
    dialog.fileSelected.connect(on_chosen)
    dialog.open()
    return dialog
