"""Settings: automatic locking, interface language and the organisation's letterhead.

Changes are collected in the form and written on "Save" (with an inline
confirmation), so a half-typed address never reaches a letter.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.i18n import LANGUAGES, _, current_language
from app.settings import Settings
from app.storage.vault import Vault
from app.ui.app_signals import app_signals
from app.ui.pages.page_frame import PageFrame
from app.ui.widgets.buttons import primary_button, secondary_button
from app.ui.widgets.inline_message import InlineMessage
from app.ui.widgets.labels import hint_label, role_label

MAX_IDLE_MINUTES = 240
ORG_TEXT_FIELDS = ("org/name", "org/phone", "org/email", "org/logo_path")


class SettingsPage(PageFrame):
    def __init__(self, vault: Vault | None = None, parent: QWidget | None = None,
                 settings: Settings | None = None) -> None:
        super().__init__(_("Settings"), parent)
        self.settings = settings or Settings()

        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(0, MAX_IDLE_MINUTES)
        self.idle_minutes.setSuffix(_(" min"))
        self.idle_minutes.setSpecialValueText(_("Never"))
        self.idle_minutes.setAccessibleName(_("Lock automatically after minutes without input"))
        self.idle_minutes.setFixedWidth(140)

        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setAccessibleName(_("Interface language"))
        self.language.setFixedWidth(220)

        self.org_name = self._line(_("Organisation name"))
        self.org_address = QPlainTextEdit()
        self.org_address.setAccessibleName(_("Postal address"))
        self.org_address.setTabChangesFocus(True)
        self.org_address.setPlaceholderText(_("Street and number\nPostcode and town"))
        self.org_address.setFixedHeight(92)
        self.org_phone = self._line(_("Phone"))
        self.org_email = self._line(_("E-mail"))
        self.org_logo = self._line(_("Logo file"))
        self.org_logo.setPlaceholderText(_("Optional: a PNG or JPEG image"))
        self.browse_logo = secondary_button(_("&Browse…"), _("Choose a logo file"))
        self.browse_logo.clicked.connect(self._choose_logo)

        self.message = InlineMessage()
        self.saved_note = role_label("", "success", wrap=False)
        self.save_button = primary_button(_("&Save"), _("Save settings"))
        self.revert_button = secondary_button(_("&Discard changes"), _("Discard changes"))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.load)

        self.body.addWidget(self._general_card())
        self.body.addWidget(self._letterhead_card())
        self.body.addWidget(self.message)
        actions = QHBoxLayout()
        actions.addWidget(self.save_button)
        actions.addWidget(self.revert_button)
        actions.addSpacing(12)
        actions.addWidget(self.saved_note)
        actions.addStretch(1)
        self.body.addLayout(actions)
        self.body.addStretch(1)

        order = [self.idle_minutes, self.language, self.org_name, self.org_address, self.org_phone,
                 self.org_email, self.org_logo, self.browse_logo, self.save_button, self.revert_button]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

        for field in (self.org_name, self.org_phone, self.org_email, self.org_logo):
            field.textEdited.connect(self._mark_unsaved)
        self.org_address.textChanged.connect(self._mark_unsaved)
        self.idle_minutes.valueChanged.connect(self._mark_unsaved)
        self.language.currentIndexChanged.connect(self._mark_unsaved)
        self.load()

    # --- layout ------------------------------------------------------------------

    @staticmethod
    def _line(accessible_name: str) -> QLineEdit:
        field = QLineEdit()
        field.setAccessibleName(accessible_name)
        return field

    @staticmethod
    def _card(title: str, description: str) -> tuple[QFrame, QFormLayout]:
        card = QFrame()
        card.setProperty("card", True)
        card.setMaximumWidth(760)
        outer = QVBoxLayout(card)
        outer.setContentsMargins(24, 20, 24, 22)
        outer.setSpacing(4)
        outer.addWidget(role_label(title, "section"))
        outer.addWidget(hint_label(description))
        outer.addSpacing(10)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(20)
        form.setVerticalSpacing(10)
        outer.addLayout(form)
        return card, form

    def _general_card(self) -> QFrame:
        card, form = self._card(
            _("General"),
            _("How Lotse protects an unattended laptop, and the language it speaks."),
        )
        form.addRow(_("Lock &automatically after"), self._with_hint(
            self.idle_minutes, _("without keyboard or mouse input. Ctrl+L locks at once.")))
        form.labelForField(form.itemAt(0, QFormLayout.ItemRole.FieldRole).layout()).setBuddy(self.idle_minutes)
        form.addRow(_("Interface &language"), self._with_hint(
            self.language, _("A new language applies after Lotse is restarted.")))
        form.labelForField(form.itemAt(1, QFormLayout.ItemRole.FieldRole).layout()).setBuddy(self.language)
        return card

    @staticmethod
    def _with_hint(field: QWidget, hint: str) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(field)
        row.addWidget(hint_label(hint), 1)
        return row

    def _letterhead_card(self) -> QFrame:
        card, form = self._card(
            _("Organisation letterhead"),
            _("Printed at the top of referral letters and agreements."),
        )
        logo_row = QHBoxLayout()
        logo_row.setSpacing(8)
        logo_row.addWidget(self.org_logo, 1)
        logo_row.addWidget(self.browse_logo)
        form.addRow(_("&Name"), self.org_name)
        form.addRow(_("Postal &address"), self.org_address)
        form.addRow(_("&Phone"), self.org_phone)
        form.addRow(_("&E-mail"), self.org_email)
        form.addRow(_("&Logo"), logo_row)
        form.labelForField(logo_row).setBuddy(self.org_logo)
        return card

    # --- data ----------------------------------------------------------------------

    @Slot()
    def load(self) -> None:
        """Show what is stored (also "Discard changes")."""
        self.idle_minutes.setValue(int(self.settings.get("ui/idle_lock_minutes")))
        stored = str(self.settings.get("ui/language") or current_language())
        index = self.language.findData(stored)
        self.language.setCurrentIndex(index if index >= 0 else 0)
        self.org_name.setText(str(self.settings.get("org/name")))
        self.org_address.setPlainText(str(self.settings.get("org/address")))
        self.org_phone.setText(str(self.settings.get("org/phone")))
        self.org_email.setText(str(self.settings.get("org/email")))
        self.org_logo.setText(str(self.settings.get("org/logo_path")))
        self.message.clear_message()
        self.saved_note.clear()

    @Slot()
    def save(self) -> None:
        problem = self._problem()
        if problem:
            self.message.show_message(problem)
            self.saved_note.clear()
            return
        self.message.clear_message()
        values = {
            "ui/idle_lock_minutes": self.idle_minutes.value(),
            "ui/language": self.language.currentData(),
            "org/name": self.org_name.text().strip(),
            "org/address": self.org_address.toPlainText().strip(),
            "org/phone": self.org_phone.text().strip(),
            "org/email": self.org_email.text().strip(),
            "org/logo_path": self.org_logo.text().strip(),
        }
        changed = [key for key, value in values.items() if self.settings.get(key) != value]
        for key in changed:
            self.settings.set(key, values[key])
        for key in changed:
            app_signals().setting_changed.emit(key)
        self.saved_note.setText(_("Settings saved."))

    def _problem(self) -> str:
        email = self.org_email.text().strip()
        if email and ("@" not in email or " " in email or email.startswith("@") or email.endswith("@")):
            self.org_email.setFocus()
            return _("The e-mail address does not look complete (name@example.org).")
        logo = self.org_logo.text().strip()
        if logo:
            from pathlib import Path

            if not Path(logo).is_file():
                self.org_logo.setFocus()
                return _("There is no logo file at {path}.").format(path=logo)
        return ""

    @Slot()
    def _mark_unsaved(self) -> None:
        self.saved_note.clear()

    @Slot()
    def _choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Choose a logo"), self.org_logo.text(), _("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.org_logo.setText(path)
            self._mark_unsaved()
