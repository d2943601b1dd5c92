"""Add or edit a referral: the agency (searchable), date, goal area, purpose, status, handover."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QWidget

from app.errors import ValidationError
from app.i18n import _
from app.models.codes import GOAL_AREAS
from app.services.referrals import REFERRAL_STATUSES, add_referral, update_referral
from app.ui.case_view.agency_picker import AgencyPicker
from app.ui.case_view.casework_fields import CodeCombo, DateField, TextBox
from app.ui.case_view.casework_format import as_date
from app.ui.case_view.casework_labels import GOAL_AREA_LABELS, REFERRAL_STATUS_LABELS
from app.ui.case_view.casework_widgets import Badge
from app.ui.case_view.consent_status import recipient_consent
from app.ui.case_view.entry_dialog import EntryDialog


class ReferralDialog(EntryDialog):
    def __init__(self, ctx: Any, referral: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        editing = referral is not None
        super().__init__(
            _("Edit referral") if editing else _("Refer to an agency"),
            _("Agencies come from the directory (Agencies page). A letter to the agency needs a valid consent."),
            parent=parent,
        )
        self.ctx = ctx
        self.referral_id = referral["id"] if referral else None
        self.agency = AgencyPicker(ctx.vault, _("Agency"), keep_id=referral["agency_id"] if referral else None)
        self.consent_badge = Badge()
        self.date = DateField(_("Referral date"), not_after_today=True)
        self.area = CodeCombo(GOAL_AREA_LABELS, _("Goal area"), codes=GOAL_AREAS, blank=_("No particular goal area"))
        self.purpose = TextBox(_("Purpose"), height=84, placeholder=_("What the agency is asked to do"))
        self.status = CodeCombo(REFERRAL_STATUS_LABELS, _("Status"), codes=REFERRAL_STATUSES)
        self.handover = QCheckBox(_("The case is handed over to this agency (Verweisberatung)"))
        self.handover.setAccessibleName(_("Handover"))

        self.add_row(_("&Agency"), self.agency, _("No agencies in the directory yet: add them on the Agencies page.")
                     if self.agency.is_empty() else "")
        self.form.addRow("", self.consent_badge)
        self.add_row(_("&Date"), self.date)
        self.add_row(_("&Goal area"), self.area)
        self.add_row(_("&Purpose"), self.purpose)
        self.add_row(_("&Status"), self.status)
        self.add_row("", self.handover)
        self.agency.agency_changed.connect(self._show_consent)

        if referral:
            self.agency.set_agency(referral.get("agency_id"))
            self.date.set_value(as_date(referral.get("date")))
            self.area.set_code(referral.get("area"))
            self.purpose.setPlainText(referral.get("purpose") or "")
            self.status.set_code(referral.get("status"))
            self.handover.setChecked(bool(referral.get("handover")))
        self._show_consent()
        self.mark_clean()

    def _show_consent(self, *_args: object) -> None:
        state = recipient_consent(self.ctx.detail or {}, self.agency.agency_id())
        self.consent_badge.set_state(state.text, state.tone)
        self.consent_badge.setToolTip(state.detail)

    def save(self) -> None:
        agency_id = self.agency.agency_id()
        if not agency_id:
            raise ValidationError(_("Choose an agency from the directory."))
        values = {
            "date": self.date.value(),
            "area": self.area.code(),
            "purpose": self.purpose.toPlainText(),
            "status": self.status.code(),
            "handover": self.handover.isChecked(),
        }
        if self.referral_id is None:
            add_referral(self.ctx.vault, case_id=self.ctx.case_id, agency_id=agency_id, **values)
        else:
            update_referral(self.ctx.vault, referral_id=self.referral_id, agency_id=agency_id, **values)
