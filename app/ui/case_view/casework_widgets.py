"""Small building blocks the casework tabs share: chips, state badges, banners, empty states,
the tab's heading row and the delete confirmation.

Every text shown here is plain text (``Qt.PlainText``): names like ``<b>Ali & Söhne</b>``
appear exactly as typed. A state is never told by colour alone: each badge carries its
word ("Expired", "overdue by 3 days").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.ui.icons import pixmap
from app.ui.widgets.labels import hint_label, role_label

# Tone -> (background, border, text) for badges drawn in tables and as labels.
TONES: dict[str, tuple[str, str, str]] = {
    "success": ("#E3F2EA", "#B9DEC9", "#1D7A4E"),
    "warning": ("#FDF3E1", "#F0D49B", "#8A5200"),
    "error": ("#FDEDEB", "#F4C7C1", "#B42318"),
    "neutral": ("#EEF1F4", "#D5DBE1", "#4B5866"),
    "info": ("#E2EEF3", "#BFD7E1", "#174F63"),
}


def plain_label(text: str = "", *, wrap: bool = False, selectable: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class Chip(QLabel):
    """A small rounded tag (a goal area on a contact, a data category)."""

    def __init__(self, text: str, tone: str = "info", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setProperty("chip", tone)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)


class Badge(QLabel):
    """A state in colour and words; ``set_state`` changes both at once."""

    def __init__(self, text: str = "", tone: str = "neutral", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.set_state(text, tone)

    def set_state(self, text: str, tone: str) -> None:
        self.setText(text)
        self.setAccessibleName(text)
        self.setProperty("badge", tone)
        self.style().unpolish(self)
        self.style().polish(self)
        self.setVisible(bool(text))

    @property
    def tone(self) -> str:
        return str(self.property("badge"))


class Banner(QFrame):
    """A prominent notice at the top of a tab (the Maßnahme-Karriere warning)."""

    def __init__(self, tone: str = "warning", icon_name: str = "warning", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("banner", tone)
        symbol = QLabel()
        symbol.setPixmap(pixmap(icon_name, 22, TONES[tone][2]))
        symbol.setFixedSize(26, 26)
        self.title = role_label("", "banner-title")
        self.text = role_label("", "banner-text")
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.title)
        texts.addWidget(self.text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(12)
        layout.addWidget(symbol, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(texts, 1)
        self.setAccessibleName(_("Warning"))
        self.hide()

    def show_message(self, title: str, text: str) -> None:
        self.title.setText(title)
        self.text.setText(text)
        self.setAccessibleDescription(f"{title} {text}")
        self.setVisible(bool(title or text))


class EmptyState(QFrame):
    """What a tab shows before there is anything: what the list is for and how to start."""

    def __init__(self, icon_name: str, title: str, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self.setObjectName("emptyState")
        symbol = QLabel()
        symbol.setObjectName("placeholderIcon")
        symbol.setFixedSize(56, 56)
        symbol.setAlignment(Qt.AlignmentFlag.AlignCenter)
        symbol.setPixmap(pixmap(icon_name, 26, "accent"))
        self.title = role_label(title, "section")
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.hint = hint_label(hint)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.setSpacing(8)
        layout.addWidget(symbol, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)

    def set_texts(self, title: str, hint: str) -> None:
        self.title.setText(title)
        self.hint.setText(hint)


class TabHeading(QWidget):
    """The top row of a tab: what it holds and how many, then its actions on the right."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = role_label(title, "section", wrap=False)
        self.count = role_label("", "hint", wrap=False)
        self.actions = QHBoxLayout()
        self.actions.setSpacing(8)
        self.head = QHBoxLayout()
        self.head.setSpacing(10)
        self.head.addWidget(self.title)
        self.head.addWidget(self.count, 0, Qt.AlignmentFlag.AlignBaseline)
        # The actions sit right of the title, or on a line of their own when the row is too
        # narrow for them (German button texts are longer): never squeezed until clipped.
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(8)
        self.grid.setColumnStretch(1, 1)
        self.grid.addLayout(self.head, 0, 0)
        self.grid.addLayout(self.actions, 0, 2)
        self.wrapped = False

    def add_action(self, button: QPushButton) -> QPushButton:
        self.actions.addWidget(button)
        return button

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        needed = self.head.sizeHint().width() + self.grid.horizontalSpacing() + self.actions.sizeHint().width()
        wrap = needed > event.size().width()
        if wrap != self.wrapped:
            self.wrapped = wrap
            self.grid.removeItem(self.actions)
            if wrap:
                self.grid.addLayout(self.actions, 1, 0, 1, 3, Qt.AlignmentFlag.AlignRight)
            else:
                self.grid.addLayout(self.actions, 0, 2)

    def set_count(self, text: str) -> None:
        self.count.setText(text)


def confirm(
    parent: QWidget, heading: str, text: str, action: str, on_confirm: Callable[[], None]
) -> QMessageBox:
    """Ask before something that cannot be undone; ``on_confirm`` runs only on the action button.

    The box opens window-modal with ``open()`` (no nested event loop); the action button is
    ``box.confirm_button`` and Cancel is the default, so Enter never deletes by accident.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Lotse"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(heading)
    _plain_informative_text(box, text)
    action_button = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.setAccessibleName(heading)
    box.confirm_button = action_button  # type: ignore[attr-defined]
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finished() -> None:
        if box.clickedButton() is action_button:
            on_confirm()

    box.finished.connect(finished)
    box.open()
    return box


def inform(parent: QWidget, heading: str, text: str) -> QMessageBox:
    """A plain-text notice with OK, opened window-modal (``box.ok_button``)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_("Lotse"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(heading)
    _plain_informative_text(box, text)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    ok = box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(ok)
    box.setEscapeButton(ok)
    box.setAccessibleName(heading)
    box.setAccessibleDescription(text)
    box.ok_button = ok  # type: ignore[attr-defined]
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def _plain_informative_text(box: QMessageBox, text: str) -> None:
    """The second line of a message box as plain text: it may quote a name or a file path."""
    box.setInformativeText(text)
    informative = box.findChild(QLabel, "qt_msgbox_informativelabel")
    if informative is not None:
        informative.setTextFormat(Qt.TextFormat.PlainText)
