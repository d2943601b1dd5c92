"""The agency directory: the services a case is referred to, with legal domain, address and contact.

The directory is small (tens to a few hundred rows) and loaded whole; the
search field filters what is already loaded. An agency that referrals,
consents or letters name cannot be deleted — the service says so, and it can
be deactivated instead (it then no longer shows when referring).
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QMessageBox, QWidget

from app.errors import LotseError
from app.i18n import _, ngettext
from app.services.agencies import (
    AgencyInfo,
    delete_agency,
    ensure_default_agencies,
    list_agencies,
    update_agency,
)
from app.storage.vault import Vault
from app.ui.case_view.casework_labels import LEGAL_DOMAIN_LABELS, LEGAL_DOMAIN_SHORT, label
from app.ui.case_view.casework_widgets import confirm
from app.ui.case_view.entry_table import Cell, EntryTable
from app.ui.error_dialogs import show_error
from app.ui.pages.agency_dialog import AgencyDialog
from app.ui.pages.page_frame import PageFrame
from app.ui.widgets.buttons import primary_button, secondary_button
from app.ui.widgets.labels import hint_label, role_label


class AgenciesPage(PageFrame):
    def __init__(self, vault: Vault | None = None, parent: QWidget | None = None) -> None:
        super().__init__(_("Agencies"), parent)
        self.vault = vault
        self.agencies: list[AgencyInfo] = []
        self.active_dialog: AgencyDialog | None = None
        self.last_box: QMessageBox | None = None

        self.body.addWidget(hint_label(_(
            "The services you refer people to. Referrals count per legal domain in the reports; letters use "
            "the address and contact person.")))
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search name, department, town or contact person"))
        self.search.setAccessibleName(_("Search agencies"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refilter)
        self.show_inactive = QCheckBox(_("Show inactive"))
        self.show_inactive.setAccessibleName(_("Show inactive agencies"))
        self.show_inactive.toggled.connect(self.reload)
        self.count = role_label("", "hint", wrap=False)
        self.edit_button = secondary_button(_("&Edit…"), _("Edit the selected agency"))
        self.active_button = secondary_button(_("De&activate"), _("Deactivate the selected agency"))
        self.delete_button = secondary_button(_("De&lete…"), _("Delete the selected agency"))
        self.delete_button.setProperty("danger", True)
        self.add_button = primary_button(_("&Add agency…"), _("Add an agency"))
        self.add_button.clicked.connect(self.add_agency)
        self.edit_button.clicked.connect(lambda: self.edit_agency(self.table.current_id()))
        self.active_button.clicked.connect(lambda: self.toggle_active(self.table.current_id()))
        self.delete_button.clicked.connect(lambda: self.ask_delete(self.table.current_id()))
        tools = QHBoxLayout()
        tools.setSpacing(8)
        self.search.setMinimumWidth(200)  # the placeholder says what it searches: let it be read
        tools.addWidget(self.search, 1)
        tools.addWidget(self.show_inactive)
        tools.addSpacing(8)
        for button in (self.edit_button, self.active_button, self.delete_button, self.add_button):
            tools.addWidget(button)
        self.body.addLayout(tools)
        # The count on its own line, as on the deadline and agreement pages: in German the
        # toolbar has no room to spare.
        self.body.addWidget(self.count)

        self.table = EntryTable(
            [_("Name"), _("Department"), _("Legal domain"), _("Town"), _("Contact person"), _("Status")],
            _("Agency directory"),
        )
        self.table.fit_columns({0: 250, 2: 110, 3: 120, 4: 160, 5: 100}, stretch=1)
        self.table.setMinimumHeight(360)
        self.table.activated_entry.connect(self.edit_agency)
        self.table.delete_requested.connect(self.ask_delete)
        self.table.selection_changed.connect(self._update_buttons)
        self.body.addWidget(self.table, 1)
        self.reload()

    # --- lock protocol (app/ui/pages/protocol.py) ---------------------------------------------

    def on_vault_locked(self) -> None:
        self.vault = None
        self.agencies = []
        self.table.set_rows([])

    def on_vault_unlocked(self, vault: Vault) -> None:
        self.vault = vault
        self.reload()

    def before_close(self) -> bool:
        if self.active_dialog is None or not self.active_dialog.has_unsaved_input():
            return True
        answer = QMessageBox.question(
            self, _("Lotse"), _("Save the agency you are editing?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.active_dialog.submit()
        return answer == QMessageBox.StandardButton.Discard

    # --- data -----------------------------------------------------------------------------

    def current_vault(self) -> Vault:
        if self.vault is None:
            raise LotseError(_("The vault is locked."))
        return self.vault

    def reload(self, *_args: object) -> None:
        if self.vault is None:
            return
        try:
            ensure_default_agencies(self.vault)  # a new vault starts with the default directory
            self.agencies = list_agencies(self.vault, include_inactive=self.show_inactive.isChecked())
        except LotseError as error:
            self.last_box = show_error(self, error)
            return
        self.refilter()

    def matching(self) -> list[AgencyInfo]:
        words = self.search.text().casefold().split()
        if not words:
            return list(self.agencies)
        result = []
        for agency in self.agencies:
            haystack = " ".join((agency.name, agency.department, agency.city, agency.contact_person,
                                 agency.legal_domain, agency.postcode)).casefold()
            if all(word in haystack for word in words):
                result.append(agency)
        return result

    def refilter(self, *_args: object) -> None:
        shown = self.matching()
        self.table.set_rows([
            (a.id, [
                Cell(a.name), Cell(a.department),
                Cell(label(LEGAL_DOMAIN_SHORT, a.legal_domain), tooltip=label(LEGAL_DOMAIN_LABELS, a.legal_domain)),
                Cell(a.city), Cell(a.contact_person or "—"),
                Cell(_("Active") if a.active else _("Inactive"), tone="success" if a.active else "neutral"),
            ])
            for a in shown
        ])
        if len(shown) == len(self.agencies):
            self.count.setText(ngettext("{n} agency", "{n} agencies", len(shown)).format(n=len(shown)))
        else:
            self.count.setText(_("{shown} of {total}").format(shown=len(shown), total=len(self.agencies)))
        self._update_buttons()

    def _agency(self, agency_id: str | None) -> AgencyInfo | None:
        return next((a for a in self.agencies if a.id == agency_id), None)

    def _update_buttons(self) -> None:
        agency = self._agency(self.table.current_id())
        for button in (self.edit_button, self.active_button, self.delete_button):
            button.setEnabled(agency is not None)
        self.active_button.setText(_("&Activate") if agency is not None and not agency.active else _("De&activate"))

    # --- actions ----------------------------------------------------------------------------

    def _open(self, dialog: AgencyDialog) -> AgencyDialog:
        self.active_dialog = dialog
        dialog.accepted.connect(lambda: self._saved(dialog.agency_id))
        dialog.finished.connect(lambda _r: setattr(self, "active_dialog", None))
        dialog.open()
        return dialog

    def _saved(self, agency_id: str | None) -> None:
        self.reload()
        if agency_id:
            self.table.select_id(agency_id)

    def add_agency(self) -> AgencyDialog:
        return self._open(AgencyDialog(self.current_vault, parent=self))

    def edit_agency(self, agency_id: str | None) -> AgencyDialog | None:
        agency = self._agency(agency_id)
        if agency is None:
            return None
        return self._open(AgencyDialog(self.current_vault, agency, parent=self))

    def toggle_active(self, agency_id: str | None) -> None:
        agency = self._agency(agency_id)
        if agency is None:
            return
        try:
            update_agency(self.current_vault(), agency_id=agency.id, active=not agency.active)
        except LotseError as error:
            self.last_box = show_error(self, error)
            return
        self._saved(agency.id)

    def ask_delete(self, agency_id: str | None) -> None:
        agency = self._agency(agency_id)
        if agency is None:
            return
        self.last_box = confirm(
            self, _("Delete this agency?"),
            _("{name} is removed from the directory. An agency that cases refer to cannot be deleted; "
              "deactivate it instead.").format(name=agency.name),
            _("&Delete agency"),
            lambda: self._delete(agency.id),
        )

    def _delete(self, agency_id: str) -> None:
        try:
            delete_agency(self.current_vault(), agency_id=agency_id)
        except LotseError as error:
            self.last_box = show_error(self, error)
            return
        self.reload()
