"""Choose a new password: the password twice, a strength hint, mismatches said inline."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from app.i18n import _
from app.storage.vault import MIN_PASSWORD_LENGTH
from app.ui.password_strength import estimate
from app.ui.widgets.inline_message import InlineMessage
from app.ui.widgets.labels import field_label, hint_label
from app.ui.widgets.password_field import PasswordField


class NewPasswordFields(QWidget):
    """Emits ``changed`` on every keystroke; ``problem()`` says what is still wrong."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, first_label: str | None = None,
                 repeat_label: str | None = None) -> None:
        super().__init__(parent)
        self.password = PasswordField(_("Password"))
        self.repeat = PasswordField(_("Repeat password"))
        self.password.setPlaceholderText(
            _("At least {count} characters").format(count=MIN_PASSWORD_LENGTH)
        )
        self.repeat.setPlaceholderText(_("Type the password again"))
        self.meter = QProgressBar()
        self.meter.setObjectName("strengthMeter")
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setAccessibleName(_("Password strength"))
        self.meter.setFixedWidth(120)
        self.strength_label = QLabel()
        self.strength_label.setProperty("role", "hint")
        self.message = InlineMessage()

        strength_row = QHBoxLayout()
        strength_row.setSpacing(10)
        strength_row.addWidget(self.meter)
        strength_row.addWidget(self.strength_label, 1)

        self.tip = hint_label(_("A passphrase of several words is easy to remember and hard to guess."))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(field_label(first_label or _("&Password"), self.password))
        layout.addWidget(self.password)
        layout.addLayout(strength_row)
        layout.addSpacing(10)
        layout.addWidget(field_label(repeat_label or _("&Repeat password"), self.repeat))
        layout.addWidget(self.repeat)
        layout.addWidget(self.message)
        layout.addSpacing(4)
        layout.addWidget(self.tip)

        self.password.textChanged.connect(self._update)
        self.repeat.textChanged.connect(self._update)
        self.repeat.editingFinished.connect(self._show_mismatch)
        self._update()

    def value(self) -> str:
        return self.password.text()

    def problem(self) -> str:
        """What prevents using the password, in a sentence; '' when it is fine."""
        if len(self.password.text()) < MIN_PASSWORD_LENGTH:
            return _("The password must have at least {count} characters.").format(count=MIN_PASSWORD_LENGTH)
        if self.password.text() != self.repeat.text():
            return _("The two passwords are not the same.")
        return ""

    def is_valid(self) -> bool:
        return not self.problem()

    def wipe(self) -> None:
        self.password.wipe()
        self.repeat.wipe()

    def _update(self) -> None:
        strength = estimate(self.password.text())
        shown = self.password.text() != ""
        self.meter.setValue(strength.level if shown else 0)
        self.strength_label.setText(_("Strength: {label}").format(label=_(strength.label)) if shown else "")
        for widget in (self.strength_label, self.meter):
            widget.setProperty("strength", str(strength.level))
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.meter.setAccessibleDescription(self.strength_label.text())
        mismatch = bool(self.repeat.text()) and not self.password.text().startswith(self.repeat.text())
        self._mark(self.repeat, mismatch)
        if mismatch:
            self.message.show_message(_("The two passwords are not the same."))
        else:
            self.message.clear_message()
        self.changed.emit()

    def _show_mismatch(self) -> None:
        """When the user leaves the repeat field half-typed, say so too."""
        if self.repeat.text() and self.repeat.text() != self.password.text():
            self._mark(self.repeat, True)
            self.message.show_message(_("The two passwords are not the same."))

    @staticmethod
    def _mark(field: PasswordField, invalid: bool) -> None:
        if bool(field.property("invalid")) != invalid:
            field.setProperty("invalid", invalid)
            field.style().unpolish(field)
            field.style().polish(field)
