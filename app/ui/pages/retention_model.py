"""Cases past their retention period as a table; the due ones can be ticked for erasure.

The lists are short (a few cases a month fall due), so the model holds them
whole. Cases under a legal hold come in a model of their own that has no
tick boxes at all: a held case cannot be chosen for erasure.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.i18n import _
from app.services.reporting import labels
from app.services.retention import RetentionCase
from app.ui.formats import format_day

Index = QModelIndex | QPersistentModelIndex


class RetentionTableModel(QAbstractTableModel):
    checked_changed = Signal()

    def __init__(self, *, held: bool, parent=None) -> None:
        super().__init__(parent)
        self.held = held
        self._cases: list[RetentionCase] = []
        self._checked: set[str] = set()
        self._columns = (("ref", _("Reference")), ("name", _("Name")), ("type", _("Case type")),
                         ("closed", _("Closed")),
                         ("reason", _("Reason for the hold")) if held else ("due", _("Due for erasure since")))

    def set_cases(self, cases: list[RetentionCase]) -> None:
        self.beginResetModel()
        self._cases = list(cases)
        self._checked &= {c.case_id for c in cases}  # a ticked case that is gone is no longer ticked
        self.endResetModel()
        self.checked_changed.emit()

    def cases(self) -> list[RetentionCase]:
        return list(self._cases)

    def checked_cases(self) -> list[RetentionCase]:
        return [c for c in self._cases if c.case_id in self._checked]

    def set_all_checked(self, checked: bool) -> None:
        if self.held:
            return
        self._checked = {c.case_id for c in self._cases} if checked else set()
        if self._cases:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._cases) - 1, 0),
                                  [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()

    # --- the table ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802,B008 - Qt's name and default
        return 0 if parent.isValid() else len(self._cases)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802,B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section][1]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() == 0 and not self.held:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        case = self._cases[index.row()]
        column = self._columns[index.column()][0]
        if role == Qt.ItemDataRole.CheckStateRole and column == "ref" and not self.held:
            return Qt.CheckState.Checked if case.case_id in self._checked else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return {
                "ref": case.ref,
                "name": case.person_name,
                "type": labels.label(labels.CASE_TYPES, case.case_type),
                "closed": format_day(case.closed),
                "due": format_day(case.retention_ends + timedelta(days=1)),
                "reason": case.legal_hold_reason or _("No reason given"),
            }[column]
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if self.held or role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        case_id = self._cases[index.row()].case_id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(case_id)
        else:
            self._checked.discard(case_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()
        return True
