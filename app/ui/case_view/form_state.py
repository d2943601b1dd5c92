"""Which fields of a form hold unsaved input, and what to send when saving.

A :class:`FormState` binds widgets to field keys. ``load(values)`` shows stored
values; a field the user has edited keeps its input (a reload after another
tab saved must not wipe it), the others show the new value. ``changes()``
gives only the edited fields, so a save touches (and audits) only those.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from app.ui.formatting import format_birth_date, format_date
from app.ui.widgets.code_list_field import CodeListField
from app.ui.widgets.forms import mark_invalid, select_code, select_flag


@dataclass
class Binding:
    key: str
    widget: QWidget
    read: Callable[[], Any]  # what the widget shows now (compared to find edits)
    show: Callable[[Any], None]  # put a stored value into the widget
    value: Callable[[], Any]  # what to send to the service


def _number_text(value: Any) -> str:
    return "" if value is None else f"{value:g}"


class FormState(QObject):
    unsaved_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bindings: dict[str, Binding] = {}
        self._baseline: dict[str, Any] = {}
        self._loading = False
        self._dirty = False

    # --- binding widgets ----------------------------------------------------------------------

    def add(self, binding: Binding, signal) -> None:
        self.bindings[binding.key] = binding
        signal.connect(self._edited)

    def line(self, key: str, widget: QLineEdit) -> None:
        self.add(Binding(key, widget, widget.text, lambda v: widget.setText(v or ""), widget.text), widget.textChanged)

    def number(self, key: str, widget: QLineEdit) -> None:
        self.add(Binding(key, widget, widget.text, lambda v: widget.setText(_number_text(v)),
                         lambda: widget.text().strip() or None), widget.textChanged)

    def date(self, key: str, widget: QLineEdit) -> None:
        self.add(Binding(key, widget, widget.text, lambda v: widget.setText(format_date(v)),
                         lambda: widget.text().strip() or None), widget.textChanged)

    def birth_date(self, key: str, widget: QLineEdit) -> None:
        self.add(Binding(key, widget, widget.text, lambda v: widget.setText(format_birth_date(v)),
                         lambda: widget.text().strip()), widget.textChanged)

    def block(self, key: str, widget: QPlainTextEdit) -> None:
        self.add(Binding(key, widget, widget.toPlainText, lambda v: widget.setPlainText(v or ""), widget.toPlainText),
                 widget.textChanged)

    def combo(self, key: str, widget: QComboBox) -> None:
        self.add(Binding(key, widget, widget.currentData, lambda v: select_code(widget, v), widget.currentData),
                 widget.currentIndexChanged)

    def flag(self, key: str, widget: QComboBox) -> None:
        self.add(Binding(key, widget, widget.currentData, lambda v: select_flag(widget, v), widget.currentData),
                 widget.currentIndexChanged)

    def check(self, key: str, widget: QCheckBox) -> None:
        self.add(Binding(key, widget, widget.isChecked, lambda v: widget.setChecked(bool(v)), widget.isChecked),
                 widget.toggled)

    def codes(self, key: str, widget: CodeListField, *, single: bool = False) -> None:
        self.add(Binding(key, widget, widget.text, widget.set_codes, widget.code if single else widget.codes),
                 widget.textChanged)

    def aliases(self, key: str, widget: QLineEdit) -> None:
        def show(value: Any) -> None:
            widget.setText("; ".join(value or []))

        def value() -> list[str]:
            return [part.strip() for part in widget.text().split(";") if part.strip()]

        self.add(Binding(key, widget, widget.text, show, value), widget.textChanged)

    # --- state -----------------------------------------------------------------------------------

    def load(self, values: dict[str, Any], *, keep_edits: bool = True) -> None:
        """Show stored values; with ``keep_edits`` a field holding unsaved input keeps it."""
        self._loading = True
        try:
            for key, binding in self.bindings.items():
                if keep_edits and key in self._baseline and binding.read() != self._baseline[key]:
                    continue
                binding.show(values.get(key))
                self._baseline[key] = binding.read()
                mark_invalid(binding.widget, False)
        finally:
            self._loading = False
        self._edited()

    def edited_keys(self) -> list[str]:
        return [key for key, binding in self.bindings.items() if binding.read() != self._baseline.get(key)]

    def is_dirty(self) -> bool:
        return bool(self.edited_keys())

    def changes(self) -> dict[str, Any]:
        """The edited fields as the service takes them."""
        return {key: self.bindings[key].value() for key in self.edited_keys()}

    def mark_saved(self) -> None:
        for key, binding in self.bindings.items():
            self._baseline[key] = binding.read()
            mark_invalid(binding.widget, False)
        self._edited()

    def _edited(self, *_args: object) -> None:
        if self._loading:
            return
        dirty = self.is_dirty()
        if dirty != self._dirty:
            self._dirty = dirty
            self.unsaved_changed.emit(dirty)
