"""Record or correct a consent, and record its withdrawal."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QCheckBox, QGridLayout, QLineEdit, QWidget

from app.errors import ValidationError
from app.i18n import _
from app.models.codes import SPECIAL_CATEGORIES
from app.services.consents import DATA_CATEGORIES, add_consent, update_consent, withdraw_consent
from app.ui.case_view.agency_picker import AgencyPicker
from app.ui.case_view.casework_fields import DateField, OptionalDateField
from app.ui.case_view.casework_format import as_date, format_date
from app.ui.case_view.casework_labels import DATA_CATEGORY_LABELS, label
from app.ui.case_view.casework_widgets import plain_label
from app.ui.case_view.entry_dialog import EntryDialog


def category_text(code: str) -> str:
    text = label(DATA_CATEGORY_LABELS, code)
    if code in SPECIAL_CATEGORIES:
        return _("{category} (special category, Art. 9 GDPR)").format(category=text)
    return text


class CategoryChecks(QWidget):
    """The data categories as checkboxes; the health ones carry their Art. 9 mark."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Data categories"))
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(0)
        ordinary = [c for c in DATA_CATEGORIES if c not in SPECIAL_CATEGORIES]
        for index, code in enumerate(ordinary):
            self._add(grid, code, index // 2, index % 2)
        row = (len(ordinary) + 1) // 2
        for offset, code in enumerate(c for c in DATA_CATEGORIES if c in SPECIAL_CATEGORIES):
            box = self._add(grid, code, row + offset, 0, span=2)
            box.setProperty("special", True)
            box.setToolTip(_("Health data is special-category data: share it only with an explicit consent."))

    def _add(self, grid: QGridLayout, code: str, row: int, column: int, span: int = 1) -> QCheckBox:
        box = QCheckBox(category_text(code))
        box.setAccessibleName(category_text(code))
        self.boxes[code] = box
        grid.addWidget(box, row, column, 1, span)
        return box

    def selected(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def set_selected(self, codes: list[str]) -> None:
        for code, box in self.boxes.items():
            box.setChecked(code in codes)


class ConsentDialog(EntryDialog):
    def __init__(self, ctx: Any, consent: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(
            _("Correct consent") if consent else _("Record a consent"),
            _("One consent per recipient and purpose, as the person signed it. Attach the signed form afterwards."),
            parent=parent,
        )
        self.ctx = ctx
        self.consent_id = consent["id"] if consent else None
        self.recipient = AgencyPicker(ctx.vault, _("Recipient"), keep_id=consent["recipient_id"] if consent else None)
        self.recipient.setEnabled(consent is None)  # a different recipient is a different consent
        self.categories = CategoryChecks()
        self.purpose = QLineEdit()
        self.purpose.setAccessibleName(_("Purpose"))
        self.purpose.setPlaceholderText(_("e.g. referral to vocational training"))
        self.given = DateField(_("Date given"), not_after_today=True)
        self.valid_until = OptionalDateField(_("Valid until"), _("Valid until date"))

        self.add_row(_("&Recipient"), self.recipient, _("No agencies in the directory yet: add them on the "
                                                        "Agencies page.") if self.recipient.is_empty() else "")
        self.add_row(_("Data &categories"), self.categories)
        for box in self.categories.boxes.values():
            self.watch(box)
        self.add_row(_("&Purpose"), self.purpose)
        self.add_row(_("&Given on"), self.given)
        self.add_row(_("&Limited"), self.valid_until, _("Without a date the consent holds until it is withdrawn."))
        if consent:
            self.recipient.set_agency(consent.get("recipient_id"))
            self.categories.set_selected(list(consent.get("categories") or []))
            self.purpose.setText(consent.get("purpose") or "")
            self.given.set_value(as_date(consent.get("given")))
            self.valid_until.set_value(as_date(consent.get("valid_until")))
        self.mark_clean()

    def save(self) -> None:
        values = {
            "categories": self.categories.selected(),
            "purpose": self.purpose.text(),
            "given": self.given.value(),
            "valid_until": self.valid_until.value(),
        }
        if self.consent_id is not None:
            update_consent(self.ctx.vault, consent_id=self.consent_id, **values)
            return
        recipient = self.recipient.agency_id()
        if not recipient:
            raise ValidationError(_("Choose the recipient from the agency directory."))
        add_consent(self.ctx.vault, case_id=self.ctx.case_id, recipient_id=recipient, **values)


class WithdrawDialog(EntryDialog):
    def __init__(self, ctx: Any, consent: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(
            _("Record a withdrawal"),
            _("The consent stays on record, marked withdrawn from this day; no letter can rely on it afterwards."),
            save_text=_("&Withdraw consent"),
            parent=parent,
        )
        self.ctx = ctx
        self.consent_id = consent["id"]
        self.form.addRow(_("Consent"), plain_label(_("{recipient}, given {date}").format(
            recipient=consent.get("recipient_name") or "", date=format_date(consent.get("given"))), wrap=True))
        self.date = DateField(_("Withdrawn on"), not_after_today=True)
        self.add_row(_("&Withdrawn on"), self.date)
        self.mark_clean()

    def save(self) -> None:
        withdraw_consent(self.ctx.vault, consent_id=self.consent_id, withdrawn_on=self.date.value())

    def set_date(self, day: date) -> None:
        self.date.set_value(day)
