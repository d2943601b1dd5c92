"""Building blocks of the case forms: cards with aligned rows, date fields, code combos.

Dates are typed as DD.MM.YYYY (what German offices write); the services also
accept ISO. A combo's data is the stored code, its text the translated label.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.ui.formatting import format_date
from app.ui.widgets.labels import hint_label, role_label


def form_card(title: str, description: str = "", *, max_width: int | None = None) -> tuple[QFrame, QFormLayout]:
    card = QFrame()
    card.setProperty("card", True)
    if max_width:
        card.setMaximumWidth(max_width)
    outer = QVBoxLayout(card)
    outer.setContentsMargins(22, 18, 22, 20)
    outer.setSpacing(4)
    outer.addWidget(role_label(title, "section"))
    if description:
        outer.addWidget(hint_label(description))
    outer.addSpacing(8)
    form = new_form()
    outer.addLayout(form)
    return card, form


def new_form() -> QFormLayout:
    form = QFormLayout()
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setHorizontalSpacing(18)
    form.setVerticalSpacing(9)
    return form


def line_field(accessible_name: str, placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setAccessibleName(accessible_name)
    if placeholder:
        field.setPlaceholderText(placeholder)
    return field


def date_field(accessible_name: str, *, partial: bool = False) -> QLineEdit:
    """A date typed as DD.MM.YYYY; ``partial`` also allows MM.YYYY and YYYY (birth dates)."""
    field = line_field(accessible_name, _("YYYY, MM.YYYY or DD.MM.YYYY") if partial else _("DD.MM.YYYY"))
    field.setMaximumWidth(220 if partial else 150)
    return field


def set_date(field: QLineEdit, value: Any) -> None:
    field.setText(format_date(value))


def text_block(accessible_name: str, placeholder: str = "", height: int = 72) -> QPlainTextEdit:
    block = QPlainTextEdit()
    block.setAccessibleName(accessible_name)
    block.setTabChangesFocus(True)  # Tab moves on, as in every other field
    if placeholder:
        block.setPlaceholderText(placeholder)
    block.setFixedHeight(height)
    return block


def code_combo(accessible_name: str, choices: list[tuple[str, Any]], empty: str | None = None) -> QComboBox:
    """A combo of (label, code); ``empty`` adds a first entry for "not recorded" (code "")."""
    combo = QComboBox()
    combo.setAccessibleName(accessible_name)
    if empty is not None:
        combo.addItem(empty, "")
    for text, code in choices:
        combo.addItem(text, code)
    return combo


def select_code(combo: QComboBox, code: Any) -> None:
    index = combo.findData(code if code is not None else "")
    combo.setCurrentIndex(index if index >= 0 else 0)


def yes_no_unknown(accessible_name: str) -> QComboBox:
    """For facts that may be unknown (None), yes (True) or no (False)."""
    combo = QComboBox()
    combo.setAccessibleName(accessible_name)
    combo.addItem(_("Not known"), None)
    combo.addItem(_("Yes"), True)
    combo.addItem(_("No"), False)
    return combo


def select_flag(combo: QComboBox, value: bool | None) -> None:
    combo.setCurrentIndex({None: 0, True: 1, False: 2}.get(value, 0))


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    if bool(widget.property("invalid")) != invalid:
        widget.setProperty("invalid", invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
