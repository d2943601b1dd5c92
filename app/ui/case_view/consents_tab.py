"""Consents per recipient with their state shown in colour and words, the Art. 9 categories
marked, withdrawal with a date, and the signed form attached as a document."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.errors import LotseError
from app.i18n import _, ngettext
from app.models.codes import SPECIAL_CATEGORIES
from app.services.consents import delete_consent, update_consent
from app.services.documents import add_document, delete_document
from app.ui.case_view.casework_format import format_date
from app.ui.case_view.casework_labels import DATA_CATEGORY_LABELS, label
from app.ui.case_view.casework_tab import CaseworkTab
from app.ui.case_view.casework_widgets import EmptyState, TabHeading, confirm
from app.ui.case_view.consent_dialogs import ConsentDialog, WithdrawDialog
from app.ui.case_view.consent_status import consent_state_text
from app.ui.case_view.document_actions import DocumentActions
from app.ui.case_view.entry_table import Cell, EntryTable
from app.ui.error_dialogs import show_error
from app.ui.widgets.buttons import primary_button, secondary_button
from app.ui.widgets.labels import hint_label

COLUMNS = ("recipient", "categories", "purpose", "period", "state", "form")


def categories_text(codes: list[str]) -> str:
    """'Identity, Health*' — the star marks special-category data (explained below the table)."""
    return ", ".join(label(DATA_CATEGORY_LABELS, c) + ("*" if c in SPECIAL_CATEGORIES else "") for c in codes)


def period_text(consent: dict[str, Any]) -> str:
    """Two lines: when it was given, and until when it holds (or when it was withdrawn)."""
    given = _("given {date}").format(date=format_date(consent.get("given")))
    if consent.get("withdrawn"):
        end = _("withdrawn {date}").format(date=format_date(consent.get("withdrawn")))
    elif consent.get("valid_until"):
        end = _("until {date}").format(date=format_date(consent.get("valid_until")))
    else:
        end = _("no end date")
    return f"{given}\n{end}"


class ConsentsTab(CaseworkTab):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.consents: list[dict[str, Any]] = []
        self.actions = DocumentActions(self, ctx)
        self.heading = TabHeading(_("Consents"))
        self.print_button = self.heading.add_action(secondary_button(
            _("&Print form…"), _("Print a consent form for signature, in the person's language")))
        self.form_button = self.heading.add_action(secondary_button(_("Attach &form…"), _("Attach the signed form")))
        self.open_form_button = self.heading.add_action(secondary_button(_("&Open form"), _("Open the signed form")))
        self.withdraw_button = self.heading.add_action(secondary_button(_("&Withdraw…"), _("Record a withdrawal")))
        self.edit_button = self.heading.add_action(secondary_button(_("&Edit…"), _("Correct the selected consent")))
        self.delete_button = self.heading.add_action(secondary_button(_("De&lete…"), _("Delete the selected consent")))
        self.delete_button.setProperty("danger", True)
        self.add_button = self.heading.add_action(primary_button(_("&Add consent…"), _("Record a consent")))
        self.add_button.clicked.connect(self.add_consent)
        self.withdraw_button.clicked.connect(lambda: self.withdraw(self.table.current_id()))
        self.edit_button.clicked.connect(lambda: self.edit_consent(self.table.current_id()))
        self.delete_button.clicked.connect(lambda: self.ask_delete(self.table.current_id()))
        self.form_button.clicked.connect(lambda: self.attach_form(self.table.current_id()))
        self.print_button.clicked.connect(lambda: self.print_form(self.table.current_id()))
        self.open_form_button.clicked.connect(lambda: self.open_form(self.table.current_id()))

        self.table = EntryTable(
            [_("Recipient"), _("Data categories"), _("Purpose"), _("Period"), _("State"), _("Form")],
            _("Consents"),
            lines=2,
        )
        self.table.fit_columns({0: 165, 1: 175, 3: 180, 4: 160, 5: 96}, stretch=2)
        self.table.activated_entry.connect(self.edit_consent)
        self.table.delete_requested.connect(self.ask_delete)
        self.table.selection_changed.connect(self._update_buttons)
        self.empty = EmptyState("consent", _("No consents yet"), _(
            "Record what the person agreed to share, with whom and why. Referral letters need a valid consent."))
        self.legend = hint_label(_(
            "* Special-category data (Art. 9 GDPR): health and mental health. "
            "“Expires” means the consent ends within 30 days."))
        self.column.addWidget(self.heading)
        self.column.addWidget(self.empty)
        self.column.addWidget(self.table, 1)
        self.column.addWidget(self.legend)
        self.show_initial_case()
        self._update_buttons()

    @property
    def file_dialog(self):
        return self.actions.file_dialog

    @property
    def viewer(self):
        return self.actions.viewer

    def show_case(self, detail: dict[str, Any]) -> None:
        self.detail = detail
        self.consents = sorted(detail.get("consents") or [], key=lambda c: c.get("given") or "", reverse=True)
        rows = []
        for consent in self.consents:
            state = consent_state_text(consent)
            categories = list(consent.get("categories") or [])
            rows.append((consent["id"], [
                Cell(consent.get("recipient_name") or _("(agency deleted)")),
                Cell(categories_text(categories), tone=None,
                     tooltip="\n".join(label(DATA_CATEGORY_LABELS, c) + (
                         _(" — special category (Art. 9 GDPR)") if c in SPECIAL_CATEGORIES else "") for c in categories)),
                Cell(consent.get("purpose") or ""),
                Cell(period_text(consent), consent.get("given") or ""),
                Cell(state.text, consent.get("state") or "", tone=state.tone, tooltip=state.detail or state.text),
                Cell(_("Attached") if consent.get("document_id") else "—",
                     tone="info" if consent.get("document_id") else None,
                     tooltip="" if consent.get("document_id") else _("No signed form attached yet")),
            ]))
        self.table.set_rows(rows)
        count = len(self.consents)
        self.heading.set_count(ngettext("{n} consent", "{n} consents", count).format(n=count))
        self.empty.setVisible(count == 0)
        self.table.setVisible(count > 0)
        self.legend.setVisible(count > 0)
        self._update_buttons()

    def state_text(self, consent_id: str) -> str:
        return self.table.row_texts(consent_id)[COLUMNS.index("state")]

    def _update_buttons(self) -> None:
        consent = self._consent(self.table.current_id())
        selected = consent is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
        self.withdraw_button.setEnabled(selected and not consent.get("withdrawn"))
        self.form_button.setEnabled(selected)
        self.open_form_button.setEnabled(selected and bool(consent.get("document_id")))

    def _consent(self, consent_id: str | None) -> dict[str, Any] | None:
        return next((c for c in self.consents if c["id"] == consent_id), None)

    # --- actions ---------------------------------------------------------------------------

    def print_form(self, consent_id: str | None = None):
        """The consent form to sign, prefilled from the selected consent (empty without one)."""
        from app.ui.dialogs.consent_form_dialog import open_consent_form_dialog

        return open_consent_form_dialog(self, self.ctx.vault, self.ctx.case_id, ref=self.ctx.ref,
                                        consent=self._consent(consent_id))

    def add_consent(self) -> ConsentDialog:
        return self.open_dialog(ConsentDialog(self.ctx, parent=self))

    def edit_consent(self, consent_id: str | None) -> ConsentDialog | None:
        consent = self._consent(consent_id)
        if consent is None:
            return None
        return self.open_dialog(ConsentDialog(self.ctx, consent, parent=self))

    def withdraw(self, consent_id: str | None) -> WithdrawDialog | None:
        consent = self._consent(consent_id)
        if consent is None or consent.get("withdrawn"):
            return None
        return self.open_dialog(WithdrawDialog(self.ctx, consent, parent=self))

    def ask_delete(self, consent_id: str | None) -> None:
        consent = self._consent(consent_id)
        if consent is None:
            return
        self.last_box = confirm(
            self, _("Delete this consent?"),
            _("Only for a consent entered by mistake: a consent the person took back is recorded with "
              "“Withdraw…” and stays on record. Delete the consent for {recipient} of {date}?").format(
                recipient=consent.get("recipient_name") or "", date=format_date(consent.get("given"))),
            _("&Delete consent"),
            lambda: self.write(delete_consent, consent_id=consent["id"]),
        )

    def attach_form(self, consent_id: str | None) -> None:
        consent = self._consent(consent_id)
        if consent is not None:
            self.actions.choose_file(_("Attach the signed consent form"),
                                     lambda data, name: self.attach_form_bytes(consent["id"], data, name))

    def attach_form_bytes(self, consent_id: str, data: bytes, filename: str) -> bool:
        """Store the signed form as a consent_form document and link it to the consent."""
        consent = self._consent(consent_id)
        if consent is None:
            return False
        vault = self.ctx.vault
        try:
            document_id = add_document(
                vault, case_id=self.ctx.case_id, data=data, filename=filename, doc_type="consent_form",
                doc_date=consent.get("given"),
                title=_("Signed consent form – {recipient}").format(recipient=consent.get("recipient_name") or ""),
            )
        except LotseError as error:
            self.last_box = show_error(self, error)
            return False
        try:
            update_consent(vault, consent_id=consent_id, document_id=document_id)
        except LotseError as error:
            delete_document(vault, document_id=document_id)  # no stray form without its consent
            self.last_box = show_error(self, error)
            return False
        self.ctx.changed()
        return True

    def open_form(self, consent_id: str | None) -> None:
        consent = self._consent(consent_id)
        if consent is None or not consent.get("document_id"):
            return
        document = next((d for d in (self.detail.get("documents") or []) if d["id"] == consent["document_id"]),
                        {"id": consent["document_id"], "title": _("Signed consent form")})
        self.actions.open_document(document)
