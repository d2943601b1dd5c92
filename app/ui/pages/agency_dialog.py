"""Add or edit an agency of the directory: name, department, legal domain, address, contact."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QWidget

from app.i18n import _
from app.services.agencies import LEGAL_DOMAINS, AgencyInfo, add_agency, update_agency
from app.storage.vault import Vault
from app.ui.case_view.casework_fields import CodeCombo, TextBox
from app.ui.case_view.casework_labels import LEGAL_DOMAIN_LABELS
from app.ui.case_view.entry_dialog import EntryDialog

TEXT_FIELDS = ("name", "department", "contact_person", "street", "postcode", "city", "phone", "email")


class AgencyDialog(EntryDialog):
    def __init__(self, vault_source, agency: AgencyInfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(
            _("Edit agency") if agency else _("Add an agency"),
            _("Referrals, consents and letters name agencies from this directory."),
            parent=parent,
        )
        self._vault_source = vault_source  # a callable: the page's current vault (a new one after unlock)
        self.agency_id = agency.id if agency else None
        self.fields: dict[str, QLineEdit] = {}
        for name, accessible, limit in (
            ("name", _("Name"), 300), ("department", _("Department"), 300),
            ("contact_person", _("Contact person"), 200), ("street", _("Street and number"), 200),
            ("postcode", _("Postcode"), 10), ("city", _("Town"), 100), ("phone", _("Phone"), 100),
            ("email", _("E-mail"), 200),
        ):
            field = QLineEdit()
            field.setAccessibleName(accessible)
            field.setMaxLength(limit)
            self.fields[name] = field
        self.fields["postcode"].setFixedWidth(96)
        self.fields["name"].setPlaceholderText(_("e.g. Jobcenter Kreis Emsbruch"))
        self.legal_domain = CodeCombo(LEGAL_DOMAIN_LABELS, _("Legal domain"), codes=LEGAL_DOMAINS)
        self.legal_domain.set_code("other")
        self.notes = TextBox(_("Notes"), height=72)
        self.active = QCheckBox(_("Active: offered when referring"))
        self.active.setAccessibleName(_("Active"))
        self.active.setChecked(True)

        town = QWidget()
        town_row = QHBoxLayout(town)
        town_row.setContentsMargins(0, 0, 0, 0)
        town_row.setSpacing(8)
        town_row.addWidget(self.fields["postcode"])
        town_row.addWidget(self.fields["city"], 1)
        town.setFocusProxy(self.fields["postcode"])

        self.add_row(_("&Name *"), self.fields["name"])
        self.add_row(_("&Department"), self.fields["department"])
        self.add_row(_("&Legal domain"), self.legal_domain)
        self.add_row(_("&Contact person"), self.fields["contact_person"])
        self.add_row(_("&Street"), self.fields["street"])
        self.add_row(_("&Postcode, town"), town)
        self.watch(self.fields["city"])
        self.add_row(_("P&hone"), self.fields["phone"])
        self.add_row(_("&E-mail"), self.fields["email"])
        self.add_row(_("N&otes"), self.notes)
        self.add_row("", self.active)
        if agency:
            for name in TEXT_FIELDS:
                self.fields[name].setText(getattr(agency, name) or "")
            self.legal_domain.set_code(agency.legal_domain)
            self.notes.setPlainText(agency.notes or "")
            self.active.setChecked(agency.active)
        self.mark_clean()

    def values(self) -> dict[str, object]:
        values: dict[str, object] = {name: field.text() for name, field in self.fields.items()}
        values.update(legal_domain=self.legal_domain.code(), notes=self.notes.toPlainText(),
                      active=self.active.isChecked())
        return values

    def save(self) -> None:
        vault: Vault = self._vault_source()
        values = self.values()
        if self.agency_id is None:
            self.agency_id = add_agency(vault, **values)
        else:
            update_agency(vault, agency_id=self.agency_id, **values)
