"""Files the user asked for: pick a path, write it whole (no Qt in ``write_user_file``).

Writing to a path the user chose is the explicit save ARCHITECTURE.md allows
for client data; the bytes are built in memory and written atomically, with
owner-only permissions, so a half-written report never lies there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from app.errors import DataError
from app.i18n import _
from app.storage.files import atomic_write


def ask_save_path(parent: QWidget, title: str, suggested_name: str, file_filter: str, suffix: str) -> Path | None:
    """The path the user chose in a save dialog (with ``suffix`` added if they left it out), or None."""
    chosen, _selected_filter = QFileDialog.getSaveFileName(parent, title, str(Path.home() / suggested_name), file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def write_user_file(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` as a whole; a failure becomes a clear DataError."""
    try:
        atomic_write(path, data)
    except OSError as exc:
        raise DataError(_("Cannot write {path}: {reason}.").format(path=path, reason=exc.strerror or exc)) from exc
    return path
