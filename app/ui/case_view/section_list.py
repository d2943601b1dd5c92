"""The parts of a case file as a row of tabs that wraps, in place of the tab bar.

Twelve German tab titles ("Aufenthaltsprüfung", "Vereinbarungen", …) do not fit
in one row at 1280 px, and a tab bar then hides some behind scroll arrows. This
row wraps onto a second line instead, so every part is in view at once; the
parts below keep the window's full width (a list beside them would take it).
The ``QTabWidget`` stays underneath with its bar hidden, so the view and its
tests keep using ``setCurrentWidget``/``tabText`` as before.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtWidgets import QButtonGroup, QPushButton, QSizePolicy, QTabWidget, QWidget

from app.i18n import _
from app.ui.widgets.flow_layout import FlowLayout


class CaseSectionBar(QWidget):
    """One checkable button per tab of ``tabs``; the current tab checked, both ways.

    Left/Right (and Home/End) move between the parts, as in a tab bar."""

    def __init__(self, tabs: QTabWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseSections")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName(_("Parts of the case file"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._tabs = tabs
        tabs.tabBar().hide()
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        layout = FlowLayout(self, spacing=2)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: list[QPushButton] = []
        for index in range(tabs.count()):
            button = QPushButton(tabs.tabText(index))
            button.setObjectName("caseSection")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.installEventFilter(self)
            self.group.addButton(button, index)
            layout.addWidget(button)
            self.buttons.append(button)
        self._check(tabs.currentIndex())
        self.group.idClicked.connect(self._clicked)
        tabs.currentChanged.connect(self._check)

    def set_text(self, index: int, text: str) -> None:
        """Change a title in both places (the unsaved mark "•")."""
        self._tabs.setTabText(index, text)
        if 0 <= index < len(self.buttons):
            self.buttons[index].setText(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and watched in self.buttons:
            index = self.buttons.index(watched)
            target = {Qt.Key.Key_Left: index - 1, Qt.Key.Key_Right: index + 1, Qt.Key.Key_Home: 0,
                      Qt.Key.Key_End: len(self.buttons) - 1}.get(event.key())
            if target is not None and 0 <= target < len(self.buttons):
                self.buttons[target].setFocus(Qt.FocusReason.TabFocusReason)
                self._clicked(target)
                return True
        return False

    @Slot(int)
    def _clicked(self, index: int) -> None:
        if index != self._tabs.currentIndex():
            self._tabs.setCurrentIndex(index)
        self._check(index)

    @Slot(int)
    def _check(self, index: int) -> None:
        if 0 <= index < len(self.buttons):
            self.buttons[index].setChecked(True)
