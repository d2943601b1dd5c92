"""Start the desktop application: one QApplication, the look, the vault, the window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog

from app import i18n
from app.formatting import LOCALES
from app.settings import APP_NAME, Settings, default_vault_dir
from app.storage.vault import Vault, vault_exists

ORGANIZATION = "Lotse"
# Qt's own catalog for its standard texts (dialog buttons "Cancel", "Yes", context menus);
# the installed one is kept here so it is not garbage-collected and can be replaced.
_qt_translator: QTranslator | None = None


def make_application(argv: list[str] | None = None) -> QApplication:
    """The process's one QApplication, named and styled (re-used when it exists)."""
    existing = QApplication.instance()
    if existing is not None:
        app = existing
    else:
        # Fractional scaling (125 %, 150 %) as the system asks, not rounded: sharp text on laptops.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setDesktopFileName("lotse")

    from app.ui.icons import app_icon
    from app.ui.theme import apply_theme

    apply_theme(app)
    app.setWindowIcon(app_icon())
    return app


def install_qt_translations(language: str) -> bool:
    """Load Qt's base translations (``qtbase_<language>.qm`` shipped with PySide6) for ``language``.

    Returns whether a catalog was loaded; English needs none (Qt's source text is English).
    Also sets the default QLocale, so Qt's own widgets (calendars, spin boxes) follow.
    """
    global _qt_translator
    app = QApplication.instance()
    if app is None:
        return False
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
    QLocale.setDefault(QLocale(LOCALES.get(language, language)))  # en_GB, not Qt's en_US
    if language == i18n.SOURCE_LANGUAGE:
        return False
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{language}", folder):
        return False
    app.installTranslator(translator)
    _qt_translator = translator
    return True


def resolve_vault_dir(vault_dir: Path | None, settings: Settings) -> Path:
    """The argument (or LOTSE_VAULT), else the vault opened last, else the default folder."""
    if vault_dir:
        return Path(vault_dir)
    if os.environ.get("LOTSE_VAULT"):
        return Path(os.environ["LOTSE_VAULT"])  # explicit, like --vault: beats the remembered one
    last = str(settings.get("vault/last_dir") or "")
    if last:
        return Path(last)
    return default_vault_dir()


def start_dialog(vault_dir: Path) -> QDialog:
    """First run (no vault in the folder): create one; afterwards: unlock it."""
    from app.ui.dialogs.create_vault import CreateVaultDialog
    from app.ui.dialogs.unlock import UnlockDialog

    return UnlockDialog(vault_dir) if vault_exists(vault_dir) else CreateVaultDialog(vault_dir)


def open_vault_interactively(vault_dir: Path) -> Vault | None:
    """The start dialog, modal; None when the user quits."""
    dialog = start_dialog(vault_dir)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.vault


def run_gui(vault_dir: Path | None) -> int:
    app = make_application()
    from app.ui.error_dialogs import install_excepthook
    from app.ui.main_window import MainWindow

    install_excepthook()
    settings = Settings()
    install_qt_translations(i18n.install())
    directory = resolve_vault_dir(vault_dir, settings)
    vault = open_vault_interactively(directory)
    if vault is None:
        return 0
    settings.set("vault/last_dir", str(directory))
    window = MainWindow(vault, settings)
    # Logging out or a quit from outside may end the loop without a close event: lock anyway.
    app.aboutToQuit.connect(window.lock_on_exit)
    window.show()
    return app.exec()
