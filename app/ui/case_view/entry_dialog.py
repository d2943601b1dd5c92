"""The small modal form every casework list uses to add or edit one entry.

It saves on OK through a service (``save``); when the service refuses, its
message appears inside the dialog and the input stays, so nothing typed is
lost. Cancel with unsaved input asks first. The dialog opens with ``open()``
(window-modal, no nested event loop) and reports success with ``accepted``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.errors import LotseError
from app.i18n import _
from app.ui.case_view.casework_fields import AreaChecks, OptionalDateField
from app.ui.dialogs.layout import dialog_layout
from app.ui.error_dialogs import report_unexpected
from app.ui.widgets.buttons import primary_button, secondary_button
from app.ui.widgets.inline_message import InlineMessage
from app.ui.widgets.labels import hint_label, role_label

FORM_WIDTH = 560


class EntryDialog(QDialog):
    def __init__(self, title: str, lead: str = "", *, save_text: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self._dirty = False
        self._first_field: QWidget | None = None
        self._discard_box: QMessageBox | None = None
        layout = dialog_layout(self)
        heading = role_label(title, "section")
        heading.setAccessibleName(title)
        layout.addWidget(heading)
        if lead:
            layout.addWidget(hint_label(lead))
        layout.addSpacing(10)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setHorizontalSpacing(16)
        self.form.setVerticalSpacing(10)
        form_holder = QWidget()
        form_holder.setMinimumWidth(FORM_WIDTH)  # the layout's minimum size rules the dialog's width
        form_holder.setLayout(self.form)
        self.form.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form_holder)
        layout.addSpacing(8)
        self.message = InlineMessage()
        layout.addWidget(self.message)
        layout.addSpacing(12)
        self.save_button = primary_button(save_text or _("&Save"), _("Save"))
        self.save_button.setDefault(True)
        self.cancel_button = secondary_button(_("Cancel"), _("Cancel"))
        self.save_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        # Ctrl+S like everywhere in Lotse; Ctrl+Enter because Enter is a new line in a note.
        for keys in (QKeySequence.StandardKey.Save, QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")):
            QShortcut(keys, self, self.submit)

    # --- for subclasses -------------------------------------------------------------

    def save(self) -> None:
        """Write through a service; raise the service's LotseError when it refuses."""
        raise NotImplementedError

    def add_row(self, text: str, field: QWidget, hint: str = "") -> QWidget:
        """A form row whose label is the field's buddy (``&`` marks the Alt shortcut)."""
        label = role_label(text, "field-label", wrap=False)
        label.setTextFormat(Qt.TextFormat.AutoText)  # keeps the & mnemonic working
        label.setText(text)
        label.setBuddy(field.focusProxy() or field)
        if hint:
            holder = QWidget()
            column = QFormLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setVerticalSpacing(2)
            column.addRow(field)
            column.addRow(hint_label(hint))
            self.form.addRow(label, holder)
        else:
            self.form.addRow(label, field)
        self.watch(field)
        if self._first_field is None:
            self._first_field = field
        return label

    def watch(self, *widgets: QWidget) -> None:
        """Any edit in these fields makes Cancel ask before dropping the input."""
        for widget in widgets:
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(self.mark_dirty)
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(self.mark_dirty)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.mark_dirty)
                if widget.isEditable():
                    widget.editTextChanged.connect(self.mark_dirty)
            elif isinstance(widget, QDateEdit):
                widget.dateChanged.connect(self.mark_dirty)
            elif isinstance(widget, QSpinBox):
                widget.valueChanged.connect(self.mark_dirty)
            elif isinstance(widget, QAbstractButton | QCheckBox):
                widget.toggled.connect(self.mark_dirty)
            elif isinstance(widget, AreaChecks | OptionalDateField):
                widget.changed.connect(self.mark_dirty)

    def mark_dirty(self, *_args: object) -> None:
        self._dirty = True

    def mark_clean(self) -> None:
        """After filling the form from a stored entry: nothing typed yet."""
        self._dirty = False

    def has_unsaved_input(self) -> bool:
        return self._dirty and self.isVisible()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._first_field is not None and not self._first_field.hasFocus():
            self._first_field.setFocus(Qt.FocusReason.TabFocusReason)

    # --- saving and leaving -----------------------------------------------------------

    def submit(self) -> bool:
        self.message.clear_message()
        try:
            self.save()
        except LotseError as error:
            self.message.show_message(error.message)
            return False
        except Exception as exc:  # a bug: reported, the input stays in the form
            report_unexpected(type(exc), exc, exc.__traceback__, self)
            return False
        self._dirty = False
        self.accept()
        return True

    def reject(self) -> None:
        if not self._dirty:
            super().reject()
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Lotse"))
        box.setText(_("Discard what you entered?"))
        box.setInformativeText(_("The entry has not been saved."))
        discard = box.addButton(_("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(_("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._discard_box = box

        def decided() -> None:
            self._discard_box = None
            if box.clickedButton() is discard:
                self._dirty = False
                QDialog.reject(self)

        box.finished.connect(decided)
        box.open()
