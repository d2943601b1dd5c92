"""The two ways into a team: create a team folder, or join one with the team passphrase.

The forms only collect input; :class:`TeamSetup` emits ``create_requested`` /
``join_requested`` and the sync page runs the (slow: Argon2id) call off the
GUI thread. Passphrases are wiped once a call has been started.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QWidget

from app.i18n import N_, _
from app.ui.widgets.buttons import primary_button, secondary_button
from app.ui.widgets.card import Card
from app.ui.widgets.forms import new_form
from app.ui.widgets.inline_message import InlineMessage
from app.ui.widgets.labels import hint_label
from app.ui.widgets.password_field import PasswordField
from app.ui.widgets.responsive_pair import ResponsivePair

MIN_PASSPHRASE_LENGTH = 8  # as app.storage.sync.team checks it; said here before the slow call

SAFE_CHANNEL_HINT = N_(
    "Everyone in the team needs this passphrase. Pass it on in person or by phone, never by e-mail; "
    "Lotse does not store it.")


class FolderField(QWidget):
    """A folder path with a "Choose…" button (QFileDialog.getExistingDirectory)."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(accessible_name)
        self.edit.setPlaceholderText(_("The shared team folder"))
        self.button = secondary_button(_("Choose…"), _("Choose the folder"))
        self.button.clicked.connect(self.choose)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)

    def text(self) -> str:
        return self.edit.text().strip()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming, like QLineEdit
        self.edit.setText(text)

    @Slot()
    def choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self.window(), _("Choose the team folder"), self.text())
        if chosen:
            self.edit.setText(chosen)


class TeamSetup(QWidget):
    create_requested = Signal(str, str, str)  # folder, name, passphrase
    join_requested = Signal(str, str)  # folder, passphrase

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # --- create ---
        self.create_card = Card(_("Create a team folder"), _(
            "Start a new team in a folder everyone in the team can reach: a network drive, a Nextcloud, "
            "Syncthing or OneDrive folder, or a USB stick. Everything in it is encrypted."))
        self.create_folder = FolderField(_("Folder for the new team"))
        self.team_name = QLineEdit()
        self.team_name.setAccessibleName(_("Team name"))
        self.team_name.setPlaceholderText(_("e.g. Case management Bielefeld"))
        self.create_passphrase = PasswordField(_("Team passphrase"))
        self.create_repeat = PasswordField(_("Repeat the team passphrase"))
        self.create_message = InlineMessage()
        self.create_button = primary_button(_("&Create team"), _("Create the team in this folder"))
        form = new_form()
        form.addRow(_("Folder"), self.create_folder)
        form.addRow(_("Team name"), self.team_name)
        form.addRow(_("Passphrase"), self.create_passphrase)
        form.addRow(_("Repeat"), self.create_repeat)
        self.create_card.content.addLayout(form)
        self.create_card.content.addWidget(hint_label(_(SAFE_CHANNEL_HINT)))
        self.create_card.content.addWidget(self.create_message)
        self.create_card.content.addLayout(_button_row(self.create_button))

        # --- join ---
        self.join_card = Card(_("Join a team"), _(
            "Someone in your team created the team folder already. Choose it and type the team passphrase "
            "they gave you."))
        self.join_folder = FolderField(_("Team folder to join"))
        self.join_passphrase = PasswordField(_("Team passphrase to join"))
        self.join_message = InlineMessage()
        self.join_button = primary_button(_("&Join team"), _("Join the team in this folder"))
        join_form = new_form()
        join_form.addRow(_("Folder"), self.join_folder)
        join_form.addRow(_("Passphrase"), self.join_passphrase)
        self.join_card.content.addLayout(join_form)
        self.join_card.content.addWidget(hint_label(_(
            "Your cases stay in your vault; those shared with the team go out with the first sync.")))
        self.join_card.content.addWidget(self.join_message)
        self.join_card.content.addStretch(1)
        self.join_card.content.addLayout(_button_row(self.join_button))

        self.create_button.clicked.connect(self._ask_create)
        self.join_button.clicked.connect(self._ask_join)
        self.create_repeat.returnPressed.connect(self._ask_create)
        self.join_passphrase.returnPressed.connect(self._ask_join)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(ResponsivePair(self.create_card, self.join_card, stretch=(1, 1)))

    def set_busy(self, busy: bool) -> None:
        for widget in (self.create_button, self.join_button):
            widget.setEnabled(not busy)

    def set_default_folder(self, folder: str) -> None:
        for field in (self.create_folder, self.join_folder):
            if not field.text():
                field.setText(folder)

    def wipe(self) -> None:
        for field in (self.create_passphrase, self.create_repeat, self.join_passphrase):
            field.wipe()

    @Slot()
    def _ask_create(self) -> None:
        folder, passphrase = self.create_folder.text(), self.create_passphrase.text()
        if not folder:
            self.create_message.show_message(_("Choose the folder for the team first."))
        elif len(passphrase) < MIN_PASSPHRASE_LENGTH:
            self.create_message.show_message(_("The team passphrase must have at least {n} characters.").format(
                n=MIN_PASSPHRASE_LENGTH))
        elif passphrase != self.create_repeat.text():
            self.create_message.show_message(_("The two passphrases are not the same."))
        else:
            self.create_message.clear_message()
            self.create_requested.emit(folder, self.team_name.text().strip(), passphrase)
            self.wipe()

    @Slot()
    def _ask_join(self) -> None:
        folder, passphrase = self.join_folder.text(), self.join_passphrase.text()
        if not folder:
            self.join_message.show_message(_("Choose the team folder first."))
        elif not passphrase:
            self.join_message.show_message(_("Type the team passphrase."))
        else:
            self.join_message.clear_message()
            self.join_requested.emit(folder, passphrase)
            self.join_passphrase.wipe()


def _button_row(button) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(button)
    return row
