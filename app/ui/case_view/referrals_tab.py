"""Referrals to agencies, each with whether a valid consent for that agency is on file.

"Write letter…" opens the documents module's consent-gated letter dialog. The
writer is replaceable (``register_letter_writer``) so tests can watch the call;
with none registered the button is disabled and its tooltip says why.
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
from app.ui.case_view.consent_status import recipient_consent
from app.ui.case_view.entry_list_tab import DeleteQuestion, EntryListTab, ListTexts
from app.ui.case_view.entry_table import Cell
from app.ui.case_view.referral_dialog import ReferralDialog
from app.ui.widgets.buttons import secondary_button

# (ctx, referral dict, parent widget) -> None: opens the documents module's letter dialog.
LetterWriter = Callable[[Any, dict[str, Any], QWidget], None]


def _open_letter_dialog(ctx: Any, referral: dict[str, Any], parent: QWidget) -> QWidget | None:
    # Imported on first use: the dialog pulls in ReportLab and PDF rendering.
    from app.ui.dialogs.letter_dialog import write_letter_for_referral

    return write_letter_for_referral(ctx, referral, parent)


_letter_writer: LetterWriter | None = _open_letter_dialog


def register_letter_writer(writer: LetterWriter | None) -> None:
    """The documents module plugs its referral-letter dialog in here."""
    global _letter_writer
    _letter_writer = writer


def letter_writer() -> LetterWriter | None:
    return _letter_writer


COLUMNS = ("date", "agency", "area", "purpose", "status", "consent")


class ReferralsTab(EntryListTab):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        texts = ListTexts(
            _("Referrals"), _("Edit the selected referral"), _("Delete the selected referral"),
            _("&Add referral…"), _("Add a referral"), "referral", _("No referrals yet"), _(
                "Refer the person to the Jobcenter, the youth migration service or any agency of the directory."))
        headers = [_("Date"), _("Agency"), _("Goal area"), _("Purpose"), _("Status"), _("Consent for the agency")]
        super().__init__(ctx, texts, headers, {0: 96, 1: 210, 2: 130, 4: 140, 5: 170}, 3, parent)
        self.letter_button.clicked.connect(self.write_letter)
        self.finish_layout()

    def add_extra_actions(self) -> None:
        self.letter_button = self.heading.add_action(secondary_button(_("Write &letter…"), _("Write a referral letter")))

    @property
    def referrals(self) -> list[dict[str, Any]]:
        return self.entries

    def entries_of(self, detail: dict[str, Any]) -> list[dict[str, Any]]:
        return sorted(detail.get("referrals") or [], key=lambda r: r.get("date") or "", reverse=True)

    def cells(self, referral: dict[str, Any]) -> list[Cell]:
        consent = recipient_consent(self.detail, referral.get("agency_id"))
        agency = referral.get("agency_name") or _("(agency deleted)")
        domain = label(LEGAL_DOMAIN_LABELS, referral.get("legal_domain"))
        status = label(REFERRAL_STATUS_LABELS, referral.get("status"))
        if referral.get("handover"):
            status = _("{status} · handed over").format(status=status)
        return [
            Cell(format_date(referral.get("date")), referral.get("date") or ""),
            Cell(agency, tooltip=f"{agency}\n{domain}" if domain else agency),
            Cell(label(GOAL_AREA_LABELS, referral.get("area"))),
            Cell(" ".join((referral.get("purpose") or "").split()), tooltip=referral.get("purpose") or ""),
            Cell(status),
            Cell(consent.text, tone=consent.tone, tooltip=consent.detail),
        ]

    def count_text(self, count: int) -> str:
        return ngettext("{n} referral", "{n} referrals", count).format(n=count)

    def _update_buttons(self) -> None:
        super()._update_buttons()
        if letter_writer() is None:
            self.letter_button.setEnabled(False)
            self.letter_button.setToolTip(_("Available with the documents module."))
        else:
            self.letter_button.setEnabled(self.table.current_id() is not None)
            self.letter_button.setToolTip(_("Write a referral letter to the selected agency."))

    def consent_text(self, referral_id: str) -> str:
        return self.table.row_texts(referral_id)[COLUMNS.index("consent")]

    # --- actions ---------------------------------------------------------------------------

    def make_dialog(self, entry: dict[str, Any] | None) -> ReferralDialog:
        return ReferralDialog(self.ctx, entry, parent=self)

    def delete_question(self, referral: dict[str, Any]) -> DeleteQuestion:
        return DeleteQuestion(
            _("Delete this referral?"),
            _("The referral of {date} to {agency} is removed from the case file. This cannot be undone.").format(
                date=format_date(referral.get("date")), agency=referral.get("agency_name") or ""),
            _("&Delete referral"), delete_referral, {"referral_id": referral["id"]})

    def add_referral(self) -> ReferralDialog:
        return self.add_entry()

    def edit_referral(self, referral_id: str | None) -> ReferralDialog | None:
        return self.edit_entry(referral_id)

    def write_letter(self) -> None:
        writer = letter_writer()
        referral = self.entry(self.table.current_id())
        if writer is not None and referral is not None:
            writer(self.ctx, referral, self)
