"""What every casework tab has in common: the case context, its open dialog, writing
through a service and telling the case view that the file changed.

The tab protocol (WORKBENCH.md): ``__init__(ctx)`` with ``ctx.vault``, ``ctx.case_id``,
``ctx.ref``, ``ctx.detail`` and ``ctx.changed()``; ``show_case(detail)`` renders
from the case-file dict; ``has_unsaved_changes()`` / ``save()`` cover an entry
dialog that is still open with input when the user switches case or closes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from app.errors import LotseError
from app.ui.case_view.entry_dialog import EntryDialog
from app.ui.error_dialogs import report_unexpected, show_error

TAB_MARGINS = (24, 20, 24, 20)


class CaseworkTab(QWidget):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: dict[str, Any] = {}
        self.active_dialog: EntryDialog | None = None
        self.last_box: QMessageBox | None = None  # the last question or notice shown
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(*TAB_MARGINS)
        self.column.setSpacing(14)

    def show_initial_case(self) -> None:
        """Subclasses call this at the end of ``__init__``: render what the view already loaded."""
        detail = getattr(self.ctx, "detail", None)
        if detail:
            self.show_case(detail)

    def show_case(self, detail: dict[str, Any]) -> None:
        raise NotImplementedError

    # --- writing ---------------------------------------------------------------------

    def open_dialog(self, dialog: EntryDialog) -> EntryDialog:
        """Show an entry dialog; when it saved, the case view reloads the file for every tab."""
        self.active_dialog = dialog
        dialog.accepted.connect(self.ctx.changed)
        dialog.finished.connect(lambda _result, dialog=dialog: self._dialog_closed(dialog))
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: EntryDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        dialog.deleteLater()

    def write(self, service: Callable[..., Any], **kwargs: Any) -> bool:
        """Call ``service(vault, **kwargs)``; show its refusal in a dialog, reload on success."""
        try:
            service(self.ctx.vault, **kwargs)
        except LotseError as error:
            self.last_box = show_error(self, error)
            return False
        except Exception as exc:
            self.last_box = report_unexpected(type(exc), exc, exc.__traceback__, self)
            return False
        self.ctx.changed()
        return True

    # --- the view's questions before switching case or closing ---------------------------

    def has_unsaved_changes(self) -> bool:
        return self.active_dialog is not None and self.active_dialog.has_unsaved_input()

    def save(self) -> bool:
        if self.has_unsaved_changes():
            return self.active_dialog.submit()
        return True
