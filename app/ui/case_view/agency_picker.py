"""Choose an agency from the directory by typing part of its name, department or town."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from app.i18n import _
from app.services.agencies import AgencyInfo, list_agencies


def agency_text(agency: AgencyInfo) -> str:
    parts = [agency.name]
    if agency.department:
        parts.append(agency.department)
    text = " – ".join(parts)
    if agency.city:
        text += f" ({agency.city})"
    if not agency.active:
        text += " " + _("[inactive]")
    return text


class AgencyPicker(QComboBox):
    """An editable combo over the active agencies; the completer matches anywhere in the text."""

    agency_changed = Signal(str)

    def __init__(self, vault, accessible_name: str, *, keep_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setAccessibleName(accessible_name)
        self.setMaxVisibleItems(14)
        # Long agency names must not widen the dialog: the list shows them in full.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(28)
        self.view().setMinimumWidth(460)
        self.lineEdit().setPlaceholderText(_("Type to search the agency directory"))
        agencies = list_agencies(vault, include_inactive=True)
        self.agencies = {a.id: a for a in agencies if a.active or a.id == keep_id}
        self.addItem("", "")
        for agency in self.agencies.values():
            self.addItem(agency_text(agency), agency.id)
            self.setItemData(self.count() - 1, agency.legal_domain, Qt.ItemDataRole.ToolTipRole)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.currentIndexChanged.connect(lambda _i: self.agency_changed.emit(self.agency_id()))
        self.setCurrentIndex(0)

    def agency_id(self) -> str:
        """The chosen agency; '' while the typed text names none of them exactly."""
        text = self.currentText().strip()
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index > 0:
            return str(self.itemData(index) or "")
        return ""

    def set_agency(self, agency_id: str | None) -> None:
        index = self.findData(agency_id or "")
        self.setCurrentIndex(max(index, 0))

    def is_empty(self) -> bool:
        return self.count() <= 1
