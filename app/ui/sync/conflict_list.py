"""A list of sync conflicts with a Resolve button: used on the sync page and in the case view.

The owner gives it the conflicts (``set_conflicts``) and a way to reach the
vault; resolving runs ``team_sync.resolve_conflict`` off the GUI thread and
then emits ``resolved`` so the owner reloads (the list itself keeps no state
beyond what it shows).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.services import team_sync
from app.storage.vault import Vault
from app.ui.page_tasks import PageTasks
from app.ui.sync.conflict_text import detected_text, field_name, one_line
from app.ui.sync.resolve_dialog import ResolveConflictDialog
from app.ui.widgets.buttons import secondary_button
from app.ui.widgets.labels import hint_label

ROW_HEIGHT = 32
MAX_VISIBLE_ROWS = 12


class ConflictList(QWidget):
    resolved = Signal(dict)  # the outcome of resolve_conflict

    def __init__(self, vault_of: Callable[[], Vault | None], *, show_ref: bool = True,
                 empty_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault_of = vault_of
        self._conflicts: list[dict[str, Any]] = []
        self.tasks = PageTasks(self)
        self.tasks.busy_changed.connect(self._update_button)
        self.dialog: ResolveConflictDialog | None = None
        headers = [_("Case"), _("Field"), _("Mine"), _("Theirs"), _("Detected")]
        self._columns = headers if show_ref else headers[1:]
        self._show_ref = show_ref

        self.table = QTableWidget(0, len(self._columns))
        self.table.setObjectName("conflictTable")
        self.table.setAccessibleName(_("Sync conflicts"))
        self.table.setHorizontalHeaderLabels(self._columns)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, name in enumerate(self._columns):
            if name in (_("Mine"), _("Theirs")):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self.resolve_selected())
        self.table.itemSelectionChanged.connect(self._update_button)

        self.empty_label = hint_label(empty_text or _("No sync conflicts."))
        self.empty_label.setAccessibleName(self.empty_label.text())
        self.resolve_button = secondary_button(_("&Resolve…"), _("Resolve the selected conflict"))
        self.resolve_button.clicked.connect(self.resolve_selected)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.table)
        layout.addWidget(self.empty_label)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.resolve_button)
        layout.addLayout(actions)
        self.set_conflicts([])

    def conflicts(self) -> list[dict[str, Any]]:
        return list(self._conflicts)

    def set_conflicts(self, conflicts: list[dict[str, Any]]) -> None:
        self._conflicts = list(conflicts)
        self.table.setRowCount(len(self._conflicts))
        for row, conflict in enumerate(self._conflicts):
            values = [conflict.get("ref") or "", field_name(conflict), one_line(conflict.get("mine")),
                      one_line(conflict.get("theirs")), detected_text(conflict)]
            if not self._show_ref:
                values = values[1:]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if self._columns[column] in (_("Mine"), _("Theirs")):
                    item.setToolTip(str(conflict.get("mine" if self._columns[column] == _("Mine") else "theirs")))
                self.table.setItem(row, column, item)
        has_any = bool(self._conflicts)
        self.table.setVisible(has_any)
        self.empty_label.setVisible(not has_any)
        self.resolve_button.setVisible(has_any)
        rows = min(len(self._conflicts), MAX_VISIBLE_ROWS)
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + ROW_HEIGHT * rows
                                  + 2 * self.table.frameWidth() + 2)
        if has_any and not self.table.selectedItems():
            self.table.selectRow(0)
        self._update_button()

    @Slot()
    def _update_button(self) -> None:
        self.resolve_button.setEnabled(bool(self.table.selectedItems()) and not self.tasks.busy)

    def selected_conflict(self) -> dict[str, Any] | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self._conflicts[min(rows)] if rows else None

    @Slot()
    def resolve_selected(self) -> None:
        conflict = self.selected_conflict()
        if conflict is None or self._vault_of() is None:
            return
        self.dialog = ResolveConflictDialog(conflict, self.window())
        self.dialog.accepted.connect(lambda: self.resolve(conflict["id"], *self.dialog.choice))
        self.dialog.open()

    def resolve(self, conflict_id: int, keep: str, merged_text: str | None = None) -> None:
        vault = self._vault_of()
        if vault is None:
            return
        self.resolve_button.setEnabled(False)
        self.tasks.run(team_sync.resolve_conflict, vault, conflict_id, keep, merged_text,
                       on_success=self._resolved)

    def _resolved(self, outcome: dict) -> None:
        self._update_button()
        self.resolved.emit(outcome)

    def forget(self) -> None:
        """The vault locks: drop answers on their way, close an open dialog, show nothing."""
        self.tasks.forget()
        if self.dialog is not None:
            self.dialog.reject()
        self.set_conflicts([])
