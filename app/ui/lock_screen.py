"""What the main window shows while the vault is locked: nothing of the case file.

A centred card with the unlock form. The user's name and the vault folder
are not client data and help a shared laptop's next user see whose it is.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout, QWidget

from app.i18n import _
from app.ui.widgets.header import Header
from app.ui.widgets.labels import hint_label
from app.ui.widgets.unlock_form import UnlockForm

CARD_WIDTH = 520


class LockScreen(QWidget):
    def __init__(self, vault_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.header = Header(_("Lotse is locked"), "")
        self.form = UnlockForm(vault_dir)
        self.form.unlock_button.setDefault(False)
        location = hint_label(_("Vault folder: {path}").format(path=vault_dir))
        location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        card = QFrame()
        card.setProperty("card", True)
        # At least this wide; wider when a language's button texts need it (German is longer).
        card.setMinimumWidth(CARD_WIDTH)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 28, 32, 26)
        inner.setSpacing(6)
        inner.addWidget(self.header)
        inner.addSpacing(20)
        inner.addWidget(self.form)
        inner.addSpacing(10)
        inner.addWidget(location)

        layout = QGridLayout(self)
        layout.addWidget(card, 0, 0, Qt.AlignmentFlag.AlignCenter)

    def prepare(self, user_name: str) -> None:
        """Empty the form and greet the user; called every time the vault locks."""
        self.form.reset()
        self.header.set_texts(
            _("Lotse is locked"),
            _("Your work is kept as you left it. Enter the password of {name} to continue.").format(name=user_name),
        )
