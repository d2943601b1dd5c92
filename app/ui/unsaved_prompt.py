"""The one question Lotse asks before unsaved input could be lost: Save, Discard or Cancel."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from app.i18n import _


class Answer(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_save_discard_cancel(parent: QWidget | None, what: str) -> Answer:
    """Ask modally. ``what`` names what is unsaved ("the person's details in case 2026-0042")."""
    box = QMessageBox(parent)
    box.setObjectName("unsavedPrompt")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Unsaved changes"))
    box.setText(_("Save your changes?"))
    box.setInformativeText(_("You have not saved {what}.").format(what=what))
    save = box.addButton(_("&Save"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    save.setObjectName("saveButton")
    discard.setObjectName("discardButton")
    cancel.setObjectName("cancelButton")
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.setAccessibleName(_("Unsaved changes"))
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return Answer.SAVE
    if clicked is discard:
        return Answer.DISCARD
    return Answer.CANCEL
