"""Hide case content in every other open window while the vault is locked.

A page may have a dialog open (an edit form, a message) when the vault
locks. Closing such a dialog would end it and lose its input, so instead its
contents are hidden behind a cover and its title is neutralised. A modal
dialog blocks input to the main window's lock screen, so in that case a
small unlock prompt opens above it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QVBoxLayout, QWidget

from app.i18n import _
from app.ui.dialogs.layout import CONTENT_WIDTH, dialog_layout
from app.ui.widgets.header import Header
from app.ui.widgets.labels import lead_label
from app.ui.widgets.unlock_form import UnlockForm


class LockCover(QWidget):
    """An opaque sheet over a window's (hidden) contents, resized with it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lockScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)
        note = lead_label(_("Lotse is locked."))
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        self.setGeometry(window.rect())
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False


class CoveredWindow:
    """One window's hidden children and title, restored by :meth:`restore`."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.title = window.windowTitle()
        self.focus = window.focusWidget()
        self.hidden = [
            child for child in window.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if not child.isHidden() and not child.isWindow()
        ]
        for child in self.hidden:
            child.hide()  # hidden, not just covered: no focus, no screen reader, no paint
        window.setWindowTitle(_("Lotse is locked"))
        self.cover = LockCover(window)
        self.cover.show()
        self.cover.raise_()

    def restore(self) -> None:
        self.window.removeEventFilter(self.cover)
        self.cover.hide()
        self.cover.deleteLater()
        for child in self.hidden:
            child.show()
        self.window.setWindowTitle(self.title)
        if self.focus is not None:
            self.focus.setFocus(Qt.FocusReason.OtherFocusReason)


class UnlockPrompt(QDialog):
    """The unlock form above a modal dialog that would otherwise block the lock screen."""

    def __init__(self, parent: QWidget, vault_dir: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Unlock"))
        header = Header(_("Lotse is locked"), _("Unlock to continue where you left off."))
        header.setMinimumWidth(CONTENT_WIDTH)
        self.form = UnlockForm(vault_dir)
        self.form.unlock_button.setDefault(True)
        layout = dialog_layout(self)
        layout.addWidget(header)
        layout.addSpacing(18)
        layout.addWidget(self.form)
        self.form.focus_password()

    def reject(self) -> None:
        """Escape must not leave the user in front of a blocked, locked window."""

    def close_after_unlock(self) -> None:
        super().reject()


class LockGuard:
    """Covers every visible top-level window except the main one."""

    def __init__(self) -> None:
        self.covered: list[CoveredWindow] = []
        self.prompt: UnlockPrompt | None = None

    def cover_all(self, main_window: QWidget, vault_dir: Path,
                  on_unlocked: Callable[[object], None]) -> None:
        _close_popups()
        modal = QApplication.activeModalWidget()
        for window in QApplication.topLevelWidgets():
            if window is main_window or not window.isVisible() or window.windowType() in (
                Qt.WindowType.ToolTip, Qt.WindowType.Popup, Qt.WindowType.SplashScreen
            ):
                continue
            self.covered.append(CoveredWindow(window))
        if modal is not None and modal is not main_window:
            self.prompt = UnlockPrompt(modal, vault_dir)
            self.prompt.form.unlocked.connect(on_unlocked)
            self.prompt.open()

    def uncover_all(self) -> None:
        if self.prompt is not None:
            self.prompt.close_after_unlock()
            self.prompt.deleteLater()
            self.prompt = None
        for covered in self.covered:
            covered.restore()
        self.covered.clear()


def _close_popups() -> None:
    """Menus and combo-box lists close; they hold no input worth keeping."""
    popup = QApplication.activePopupWidget()
    while popup is not None:
        popup.close()
        following = QApplication.activePopupWidget()
        popup = None if following is popup else following
