"""The main window: sidebar and pages, and the lock that hides them.

The central widget is a stack of two screens: the workspace (sidebar and
pages) and the lock screen. Locking switches to the lock screen, covers any
other open window, tells the pages (protocol.py) and drops the vault's key;
unlocking brings back the very same widgets, so unsaved input survives.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from app.i18n import _, ngettext
from app.settings import Settings
from app.storage.vault import Vault
from app.ui.app_signals import app_signals
from app.ui.icons import app_icon, icon
from app.ui.idle_lock import IdleLock
from app.ui.lock_guard import LockGuard
from app.ui.lock_screen import LockScreen
from app.ui.navigation import Sidebar
from app.ui.page_host import PageHost
from app.ui.pages import PAGES, START_PAGE, PageSpec
from app.ui.vault_startup import VaultStartup

DEFAULT_SIZE = (1240, 800)
MINIMUM_SIZE = (960, 620)


class MainWindow(QMainWindow):
    def __init__(self, vault: Vault, settings: Settings | None = None,
                 pages: list[PageSpec] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.vault_dir = vault.directory
        self.settings = settings or Settings()
        self._focus_before_lock: QWidget | None = None
        self._lock_guard = LockGuard()
        self._closed = False
        self.setWindowTitle("Lotse")
        self.setWindowIcon(app_icon())
        self._fit_minimum_size_to_screen()
        self.setObjectName("mainWindow")

        self._build_actions()
        specs = list(PAGES if pages is None else pages)
        self.sidebar = Sidebar(specs, self.lock_action)
        self.pages = PageHost(specs, vault)
        self.workspace = QWidget()
        self.workspace.setObjectName("workspace")
        workspace_layout = QHBoxLayout(self.workspace)
        workspace_layout.setContentsMargins(0, 0, 0, 0)
        workspace_layout.setSpacing(0)
        workspace_layout.addWidget(self.sidebar)
        workspace_layout.addWidget(self.pages, 1)
        self.lock_screen = LockScreen(self.vault_dir)
        self.screens = QStackedWidget()
        self.screens.addWidget(self.workspace)
        self.screens.addWidget(self.lock_screen)
        self.setCentralWidget(self.screens)
        self._build_menu()
        self._build_status_bar()

        self.sidebar.page_selected.connect(self.pages.show_page)
        self.lock_screen.form.unlocked.connect(self.unlock_with)
        self.idle_lock = IdleLock(int(self.settings.get("ui/idle_lock_minutes")), self)
        self.idle_lock.idle.connect(self.lock)
        app_signals().setting_changed.connect(self._setting_changed)

        self.sidebar.select(START_PAGE if any(s.key == START_PAGE for s in specs) else specs[0].key)
        self._restore_geometry()
        self.idle_lock.start()
        self._update_lock_hint()
        self.startup = VaultStartup(self)
        self.startup.prepare(vault)

    # --- building ------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.lock_action = QAction(icon("lock"), _("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.setToolTip(_("Lock the vault (Ctrl+L)"))
        self.lock_action.triggered.connect(self.lock)
        self.quit_action = QAction(_("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # StandardKey.Quit is empty on Windows
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action.triggered.connect(self.close)
        self.addAction(self.lock_action)
        self.addAction(self.quit_action)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.go_menu = self.menuBar().addMenu(_("&Go to"))
        for row in range(self.sidebar.list.count()):
            item = self.sidebar.list.item(row)
            action = self.go_menu.addAction(item.icon(), item.text())
            if row < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            key = item.data(Qt.ItemDataRole.UserRole)
            action.triggered.connect(lambda _checked=False, key=key: self.show_page(key))

    def _build_status_bar(self) -> None:
        # Only the folder and the user: the status bar stays visible while locked.
        self.vault_label = QLabel(_("Vault: {path}").format(path=self.vault_dir))
        self.vault_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.vault_label.setToolTip(str(self.vault_dir))
        # A long path must not set the window's minimum width: let the label be cut instead.
        self.vault_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.user_label = QLabel()
        self.lock_hint = QLabel()
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        bar.addWidget(self.vault_label, 1)
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.lock_hint)
        self.user_label.setText(_("Signed in as {name}").format(name=self.vault.user_name))

    # --- navigation ----------------------------------------------------------------

    def show_page(self, key: str) -> QWidget:
        """Show a page by its registry key (pages may call ``self.window().show_page``)."""
        if self.is_locked:
            raise RuntimeError("the vault is locked")
        self.sidebar.select(key)
        return self.pages.show_page(key)

    # --- locking -------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self.screens.currentWidget() is self.lock_screen

    @Slot()
    def lock(self) -> None:
        """Hide everything, let pages react, drop the key, show the unlock form."""
        if self.is_locked:
            return
        self.idle_lock.stop()
        self._focus_before_lock = QApplication.focusWidget()
        self.lock_screen.prepare(self.vault.user_name)
        self.screens.setCurrentWidget(self.lock_screen)
        self._lock_guard.cover_all(self, self.vault_dir, self.unlock_with)
        self.lock_action.setEnabled(False)
        self.go_menu.setEnabled(False)
        self.pages.notify_locked()
        self.vault.lock()
        self._update_lock_hint()
        self.lock_screen.form.focus_password()

    @Slot(object)
    def unlock_with(self, vault: Vault) -> None:
        """An unlock form succeeded: bring back the same widgets with the new vault."""
        if not self.is_locked:
            vault.lock()  # a second form finished too; one open vault is enough
            return
        self.vault = vault
        self.lock_screen.form.reset()
        self._lock_guard.uncover_all()
        self.screens.setCurrentWidget(self.workspace)
        self.lock_action.setEnabled(True)
        self.go_menu.setEnabled(True)
        self.pages.notify_unlocked(vault)
        self.startup.prepare(vault)
        if self._focus_before_lock is not None and self._focus_before_lock.window() is self:
            self._focus_before_lock.setFocus(Qt.FocusReason.OtherFocusReason)
        self._focus_before_lock = None
        self.idle_lock.start()
        self._update_lock_hint()

    def _update_lock_hint(self) -> None:
        if self.is_locked:
            self.lock_hint.setText(_("Locked"))
            return
        minutes = self.idle_lock.timeout_ms // 60_000
        if self.idle_lock.timeout_ms == 0:
            self.lock_hint.setText(_("Ctrl+L locks"))
        else:
            self.lock_hint.setText(ngettext(
                "Ctrl+L locks · locks itself after {n} idle minute",
                "Ctrl+L locks · locks itself after {n} idle minutes", max(minutes, 1),
            ).format(n=max(minutes, 1)))

    @Slot(str)
    def _setting_changed(self, key: str) -> None:
        if key == "ui/idle_lock_minutes":
            self.idle_lock.set_minutes(int(self.settings.get(key)))
            if not self.is_locked:
                self.idle_lock.start()
            self._update_lock_hint()

    # --- geometry and closing ------------------------------------------------------

    def _fit_minimum_size_to_screen(self) -> None:
        """A 1366×768 laptop at 150 % scaling has only 910×512 logical pixels: never demand more."""
        width, height = MINIMUM_SIZE
        screen = QApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            width, height = min(width, available.width()), min(height, available.height())
        self.setMinimumSize(width, height)

    def _restore_geometry(self) -> None:
        geometry = self.settings.get("ui/window_geometry")
        if not geometry or not self.restoreGeometry(QByteArray(geometry)):
            self.resize(*DEFAULT_SIZE)
            screen = QApplication.primaryScreen()
            if screen is not None:
                frame = self.frameGeometry()
                frame.moveCenter(screen.availableGeometry().center())
                self.move(frame.topLeft())
        state = self.settings.get("ui/window_state")
        if state:
            self.restoreState(QByteArray(state))

    def save_geometry(self) -> None:
        self.settings.set("ui/window_geometry", self.saveGeometry())
        self.settings.set("ui/window_state", self.saveState())

    @Slot()
    def lock_on_exit(self) -> None:
        """The application is quitting: drop the key whatever else happens."""
        self.idle_lock.detach()
        self.vault.lock()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self._closed:
            event.accept()
            return
        if not self.is_locked and not self.pages.allow_close():
            event.ignore()
            return
        self.save_geometry()
        if not self.is_locked:
            self.pages.notify_locked()  # last chance for pages to save before the key goes
        self.idle_lock.detach()
        self.vault.lock()
        app_signals().setting_changed.disconnect(self._setting_changed)
        self._closed = True
        event.accept()
