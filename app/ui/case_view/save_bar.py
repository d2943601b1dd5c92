"""Save / Discard changes and the form's state in words ("Unsaved changes", "Saved")."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from app.i18n import _
from app.ui.widgets.buttons import primary_button, secondary_button
from app.ui.widgets.labels import role_label, set_role


class SaveBar(QWidget):
    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.save_button = primary_button(_("&Save"), _("Save {what} (Ctrl+S)").format(what=what))
        self.save_button.setToolTip(_("Save (Ctrl+S)"))
        self.discard_button = secondary_button(_("Discard changes"), _("Discard changes to {what}").format(what=what))
        self.state_label = role_label("", "hint", wrap=False)
        self.state_label.setObjectName("saveState")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.save_button)
        layout.addWidget(self.discard_button)
        layout.addSpacing(10)
        layout.addWidget(self.state_label)
        layout.addStretch(1)
        self.set_state(dirty=False)

    def set_state(self, *, dirty: bool, saved: bool = False) -> None:
        self.save_button.setEnabled(dirty)
        self.discard_button.setEnabled(dirty)
        if dirty:
            text, role = _("Unsaved changes"), "unsaved"
        elif saved:
            text, role = _("Saved."), "success"
        else:
            text, role = "", "hint"
        self.state_label.setText(text)
        self.state_label.setAccessibleName(text)
        set_role(self.state_label, role)
