"""Referrals to agencies, each with whether a valid consent for that agency is on file.

"Write letter…" belongs to the documents module: it is enabled only when that
module has registered a letter writer (``register_letter_writer``), and says so
in its tooltip until then.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from app.i18n import _, ngettext
from app.services.referrals import delete_referral
from app.ui.case_view.casework_format import format_date
from app.ui.case_view.casework_labels import (
    GOAL_AREA_LABELS,
    LEGAL_DOMAIN_LABELS,
    REFERRAL_STATUS_LABELS,
    label,
)
from app.ui.case_view.casework_tab import CaseworkTab
from app.ui.case_view.casework_widgets import EmptyState, TabHeading, confirm
from app.ui.case_view.consent_status import recipient_consent
from app.ui.case_view.entry_table import Cell, EntryTable
from app.ui.case_view.referral_dialog import ReferralDialog
from app.ui.widgets.buttons import primary_button, secondary_button

# (ctx, referral dict, parent widget) -> None: opens the documents module's letter dialog.
LetterWriter = Callable[[Any, dict[str, Any], QWidget], None]
_letter_writer: LetterWriter | None = None


def register_letter_writer(writer: LetterWriter | None) -> None:
    """The documents module plugs its referral-letter dialog in here."""
    global _letter_writer
    _letter_writer = writer


def letter_writer() -> LetterWriter | None:
    return _letter_writer


COLUMNS = ("date", "agency", "area", "purpose", "status", "consent")


class ReferralsTab(CaseworkTab):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.referrals: list[dict[str, Any]] = []
        self.heading = TabHeading(_("Referrals"))
        self.letter_button = self.heading.add_action(secondary_button(_("Write &letter…"), _("Write a referral letter")))
        self.edit_button = self.heading.add_action(secondary_button(_("&Edit…"), _("Edit the selected referral")))
        self.delete_button = self.heading.add_action(secondary_button(_("De&lete…"), _("Delete the selected referral")))
        self.delete_button.setProperty("danger", True)
        self.add_button = self.heading.add_action(primary_button(_("&Add referral…"), _("Add a referral")))
        self.add_button.clicked.connect(self.add_referral)
        self.edit_button.clicked.connect(lambda: self.edit_referral(self.table.current_id()))
        self.delete_button.clicked.connect(lambda: self.ask_delete(self.table.current_id()))
        self.letter_button.clicked.connect(self.write_letter)

        self.table = EntryTable(
            [_("Date"), _("Agency"), _("Goal area"), _("Purpose"), _("Status"), _("Consent for the agency")],
            _("Referrals"),
        )
        self.table.fit_columns({0: 96, 1: 210, 2: 130, 4: 140, 5: 170}, stretch=3)
        self.table.activated_entry.connect(self.edit_referral)
        self.table.delete_requested.connect(self.ask_delete)
        self.table.selection_changed.connect(self._update_buttons)
        self.empty = EmptyState("referral", _("No referrals yet"), _(
            "Refer the person to the Jobcenter, the youth migration service or any agency of the directory."))
        self.column.addWidget(self.heading)
        self.column.addWidget(self.empty)
        self.column.addWidget(self.table, 1)
        self.show_initial_case()
        self._update_buttons()

    def show_case(self, detail: dict[str, Any]) -> None:
        self.detail = detail
        self.referrals = sorted(detail.get("referrals") or [], key=lambda r: r.get("date") or "", reverse=True)
        rows = []
        for referral in self.referrals:
            consent = recipient_consent(detail, referral.get("agency_id"))
            agency = referral.get("agency_name") or _("(agency deleted)")
            domain = label(LEGAL_DOMAIN_LABELS, referral.get("legal_domain"))
            status = label(REFERRAL_STATUS_LABELS, referral.get("status"))
            if referral.get("handover"):
                status = _("{status} · handed over").format(status=status)
            rows.append((referral["id"], [
                Cell(format_date(referral.get("date")), referral.get("date") or ""),
                Cell(agency, tooltip=f"{agency}\n{domain}" if domain else agency),
                Cell(label(GOAL_AREA_LABELS, referral.get("area"))),
                Cell(" ".join((referral.get("purpose") or "").split()), tooltip=referral.get("purpose") or ""),
                Cell(status),
                Cell(consent.text, tone=consent.tone, tooltip=consent.detail),
            ]))
        self.table.set_rows(rows)
        count = len(self.referrals)
        self.heading.set_count(ngettext("{n} referral", "{n} referrals", count).format(n=count))
        self.empty.setVisible(count == 0)
        self.table.setVisible(count > 0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.table.current_id() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
        if letter_writer() is None:
            self.letter_button.setEnabled(False)
            self.letter_button.setToolTip(_("Available with the documents module."))
        else:
            self.letter_button.setEnabled(selected)
            self.letter_button.setToolTip(_("Write a referral letter to the selected agency."))

    def _referral(self, referral_id: str | None) -> dict[str, Any] | None:
        return next((r for r in self.referrals if r["id"] == referral_id), None)

    def consent_text(self, referral_id: str) -> str:
        return self.table.row_texts(referral_id)[COLUMNS.index("consent")]

    # --- actions ---------------------------------------------------------------------------

    def add_referral(self) -> ReferralDialog:
        return self.open_dialog(ReferralDialog(self.ctx, parent=self))

    def edit_referral(self, referral_id: str | None) -> ReferralDialog | None:
        referral = self._referral(referral_id)
        if referral is None:
            return None
        return self.open_dialog(ReferralDialog(self.ctx, referral, parent=self))

    def ask_delete(self, referral_id: str | None) -> None:
        referral = self._referral(referral_id)
        if referral is None:
            return
        self.last_box = confirm(
            self, _("Delete this referral?"),
            _("The referral of {date} to {agency} is removed from the case file. This cannot be undone.").format(
                date=format_date(referral.get("date")), agency=referral.get("agency_name") or ""),
            _("&Delete referral"),
            lambda: self.write(delete_referral, referral_id=referral["id"]),
        )

    def write_letter(self) -> None:
        writer = letter_writer()
        referral = self._referral(self.table.current_id())
        if writer is not None and referral is not None:
            writer(self.ctx, referral, self)
