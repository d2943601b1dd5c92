"""Keyboard alone is enough, and assistive technology can name every control."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from app.ui.dialogs.create_vault import CreateVaultDialog
from app.ui.dialogs.recover import RecoverDialog
from app.ui.dialogs.unlock import UnlockDialog
from app.ui.main_window import MainWindow

CONTROLS = (QLineEdit, QPlainTextEdit, QAbstractButton, QComboBox, QAbstractSpinBox, QListWidget)


def unnamed_controls(root: QWidget) -> list[QWidget]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS):
            continue
        parent = widget.parentWidget()
        # Qt's own parts: the editor inside a spin box, the icon button inside a line edit.
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QLineEdit)) or widget.objectName().startswith("qt_"):
            continue
        if not widget.accessibleName():
            missing.append(widget)
    return missing


def tab_through(qtbot, window: QWidget, start: QWidget, steps: int) -> list[QWidget]:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    start.setFocus(Qt.FocusReason.TabFocusReason)
    visited = [QApplication.focusWidget()]
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    return visited


def test_every_control_has_an_accessible_name(qtbot, vault, vault_dir, settings):
    windows = [CreateVaultDialog(vault_dir.parent / "new"), UnlockDialog(vault_dir), RecoverDialog(vault_dir)]
    main = MainWindow(vault, settings)
    main.show_page("settings")
    windows.append(main)
    for window in windows:
        qtbot.addWidget(window)
        assert unnamed_controls(window) == [], type(window).__name__


def test_create_dialog_tab_order_follows_the_form(qtbot, vault_dir):
    dialog = CreateVaultDialog(vault_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    type_ready = dialog.passwords
    dialog.name_input.setText("Miriam Okafor")
    type_ready.password.setText("Leuchtturm am Rhein 42")
    type_ready.repeat.setText("Leuchtturm am Rhein 42")
    order = tab_through(qtbot, dialog, dialog.name_input, 4)
    assert order == [dialog.name_input, type_ready.password, type_ready.repeat,
                     dialog.create_button, dialog.cancel_button]


def test_unlock_dialog_tab_order_and_enter_submits(qtbot, vault, vault_dir):
    vault.lock()
    dialog = UnlockDialog(vault_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    order = tab_through(qtbot, dialog, dialog.form.password, 3)
    assert order == [dialog.form.password, dialog.form.unlock_button, dialog.quit_button,
                     dialog.form.forgot_button]

    dialog.form.password.setFocus()
    qtbot.keyClick(dialog.form.password, Qt.Key.Key_Return)
    assert dialog.form.message.text() == "Please enter your password."  # Enter went to Unlock


def test_sidebar_pages_open_with_the_keyboard(qtbot, vault, settings):
    main = MainWindow(vault, settings)
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    main.sidebar.list.setFocus()
    qtbot.keyClick(main.sidebar.list, Qt.Key.Key_Down)
    assert main.pages.current_key() == "cases"
    qtbot.keyClick(main.sidebar.list, Qt.Key.Key_End)
    assert main.pages.current_key() == "settings"
    qtbot.keyClick(main, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert main.pages.current_key() == "deadlines"
    main.close()
