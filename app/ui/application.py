"""Start the desktop application."""

from __future__ import annotations

from pathlib import Path


def run_gui(vault_dir: Path | None) -> int:
    import sys

    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Lotse")
    window.show()
    return app.exec()
