"""The referral letter: check the consent, choose the data, edit the text, save or print.

The dialog shows whom the letter goes to and the consent it relies on — or,
in red, why there is none, with the option to override with a written
reason (the legal basis; it goes to the audit log, never into the letter).
Ticking data categories refills the text from the case file (health only
when ticked) and checks the consent again. The preview is rendered from
memory as the user types. "Save PDF…" writes where the user chooses,
"Print…" goes through the system print dialog; both pass the consent gate
in the letters service, which records the letter and the print.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.documents.data import Organisation
from app.documents.text import format_date
from app.i18n import N_, _
from app.models.codes import SPECIAL_CATEGORIES
from app.services.letters import (
    MIN_OVERRIDE_REASON,
    LetterDraft,
    clean_body,
    issue_referral_letter,
    prepare_referral_letter,
    preview_referral_letter,
)
from app.ui.dialogs.document_preview_dialog import DocumentPreviewDialog, open_document_dialog
from app.ui.error_dialogs import as_lotse_error
from app.ui.widgets.buttons import link_button
from app.ui.widgets.labels import field_label, hint_label, role_label, set_role

CATEGORY_LABELS: dict[str, str] = {
    "identity": N_("Identity (always)"),
    "residence": N_("Residence status"),
    "social": N_("Family and social situation"),
    "education_work": N_("School, training, work"),
    "financial": N_("Finances and benefits"),
    "health": N_("Health (Art. 9 GDPR)"),
    "mental_health": N_("Mental health (Art. 9 GDPR)"),
}


class LetterDialog(DocumentPreviewDialog):
    """Emits ``issued(bytes)`` each time a letter passed the gate and was saved or printed."""

    issued = Signal(bytes)

    def __init__(self, vault, *, case_id: str, agency_id: str, organisation: Organisation | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(vault, title=_("Referral letter"), organisation=organisation, parent=parent)
        self.case_id = case_id
        self.agency_id = agency_id
        self.draft: LetterDraft | None = None
        self.issued_pdf: bytes | None = None
        self._issued_key: tuple | None = None
        self._filling = False
        self._text_edited = False
        self._build()
        self.reload()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.recipient = role_label("", "lead")
        self.recipient.setAccessibleName(_("Recipient"))

        self.consent_label = role_label("", "success")
        self.consent_label.setAccessibleName(_("Consent"))
        self.consent_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.override_button = link_button(_("Override with reason…"), _("Override the missing consent with a reason"))
        self.override_button.clicked.connect(self._show_override)
        self.override_box = QWidget()
        override_layout = QVBoxLayout(self.override_box)
        override_layout.setContentsMargins(0, 4, 0, 0)
        self.override_reason = QPlainTextEdit()
        self.override_reason.setAccessibleName(_("Reason for the override"))
        self.override_reason.setPlaceholderText(_("The legal basis for sending this letter without a consent"))
        self.override_reason.setFixedHeight(70)
        self.override_reason.textChanged.connect(self.update_buttons)
        override_layout.addWidget(field_label(_("&Reason for the override"), self.override_reason))
        override_layout.addWidget(self.override_reason)
        override_layout.addWidget(hint_label(_(
            "At least {n} characters. The reason is written to the audit log for the data-protection "
            "officer; it is not printed in the letter, and the letter names no consent."
        ).format(n=MIN_OVERRIDE_REASON)))
        self.override_box.hide()

        self.category_boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        for i, (code, label) in enumerate(CATEGORY_LABELS.items()):
            box = QCheckBox(_(label))
            box.setAccessibleName(_(label))
            if code == "identity":
                box.setChecked(True)
                box.setEnabled(False)
            if code in SPECIAL_CATEGORIES:
                box.setToolTip(_("Special-category data: only with a consent that names it."))
            box.toggled.connect(self._categories_changed)
            self.category_boxes[code] = box
            grid.addWidget(box, i // 2, i % 2)

        self.subject = QLineEdit()
        self.subject.setAccessibleName(_("Subject"))
        self.salutation = QLineEdit()
        self.salutation.setAccessibleName(_("Salutation"))
        self.body = QPlainTextEdit()
        self.body.setAccessibleName(_("Letter text"))
        self.body.setMinimumHeight(200)
        for editor in (self.subject, self.salutation):
            editor.textChanged.connect(self._text_changed)
        self.body.textChanged.connect(self._text_changed)
        self.refill_hint = hint_label(_("You edited the text: it was kept when the data categories changed."))
        self.refill_button = link_button(_("Refill from the case file"), _("Refill the text from the case file"))
        self.refill_button.clicked.connect(self.refill)
        refill_row = QHBoxLayout()
        refill_row.addWidget(self.refill_hint, 1)
        refill_row.addWidget(self.refill_button)
        self.refill_hint.hide()
        self.refill_button.hide()

        form = QWidget()
        column = QVBoxLayout(form)
        column.setContentsMargins(0, 0, 12, 0)
        column.setSpacing(6)
        column.addWidget(role_label(_("To"), "section"))
        column.addWidget(self.recipient)
        column.addSpacing(6)
        column.addWidget(role_label(_("Consent"), "section"))
        column.addWidget(self.consent_label)
        column.addWidget(self.override_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.override_box)
        column.addSpacing(6)
        column.addWidget(role_label(_("Data in this letter"), "section"))
        column.addLayout(grid)
        column.addSpacing(8)
        column.addWidget(field_label(_("&Subject"), self.subject))
        column.addWidget(self.subject)
        column.addWidget(field_label(_("S&alutation"), self.salutation))
        column.addWidget(self.salutation)
        column.addWidget(field_label(_("&Text"), self.body))
        column.addWidget(self.body, 1)
        column.addWidget(hint_label(_("Separate paragraphs with an empty line.")))
        column.addLayout(refill_row)
        self.print_button.setToolTip(_("Print the letter"))
        self.save_button.setToolTip(_("Save the letter as PDF"))
        self.finish_layout(form, width=1180, height=900)

    # ------------------------------------------------------------------ state

    def checked_categories(self) -> list[str]:
        return [code for code, box in self.category_boxes.items() if box.isChecked()]

    def reload(self, categories: list[str] | None = None) -> None:
        """Ask the letters service for the draft (and its consent) for these categories."""
        self.draft = prepare_referral_letter(self.vault, case_id=self.case_id, agency_id=self.agency_id,
                                             categories=categories, organisation=self.organisation)
        draft = self.draft
        self.header.set_texts(_("Referral letter to {agency}").format(agency=draft.agency_name),
                              _("Case {ref} · {name}").format(ref=draft.reference, name=draft.person_name))
        lines = [draft.recipient.name, draft.recipient.department, draft.recipient.contact_person,
                 ", ".join(draft.recipient.address_lines)]
        self.recipient.setText(" · ".join(line for line in lines if line))
        self._filling = True
        try:
            for code, box in self.category_boxes.items():
                box.setChecked(code in draft.categories or code == "identity")
            if not self._text_edited:
                self._fill_text(draft)
        finally:
            self._filling = False
        self.refill_hint.setVisible(self._text_edited and categories is not None)
        self.refill_button.setVisible(self._text_edited)
        self._show_consent()
        self.update_buttons()
        self.schedule_preview(immediately=True)

    def _fill_text(self, draft: LetterDraft) -> None:
        self.subject.setText(draft.subject)
        self.salutation.setText(draft.salutation)
        self.body.setPlainText("\n\n".join(draft.body))

    def refill(self) -> None:
        """Throw away the edits and fill the text again from the case file."""
        if self.draft is None:
            return
        self._filling = True
        try:
            self._fill_text(self.draft)
        finally:
            self._filling = False
        self._text_edited = False
        self.refill_hint.hide()
        self.refill_button.hide()
        self.schedule_preview()

    def _show_consent(self) -> None:
        draft = self.draft
        if draft is not None and draft.consent is not None:
            c = draft.consent
            until = (_("valid until {date}").format(date=format_date(c.valid_until)) if c.valid_until
                     else _("valid until withdrawn"))
            text = _("The letter relies on the consent of {date} ({until}) for: {categories}. Purpose: {purpose}").format(
                date=format_date(c.given_on), until=until, categories=", ".join(c.categories), purpose=c.purpose)
            set_role(self.consent_label, "success")
            self.override_button.hide()
            self.override_box.hide()
        else:
            text = draft.refusal if draft is not None else ""
            set_role(self.consent_label, "error")
            self.override_button.setVisible(not self.override_box.isVisible())
        self.consent_label.setText(text)
        self.consent_label.setAccessibleDescription(text)

    def _show_override(self) -> None:
        self.override_button.hide()
        self.override_box.show()
        self.override_reason.setFocus()
        self.update_buttons()

    def override_text(self) -> str | None:
        """The override reason when the user chose to override (and there is no consent)."""
        if self.draft is None or self.draft.allowed or not self.override_box.isVisible():
            return None
        return self.override_reason.toPlainText()

    def can_issue(self) -> bool:
        if self.draft is None or not self.subject.text().strip() or not clean_body(self.body.toPlainText()):
            return False
        if self.draft.allowed:
            return True
        reason = self.override_text()
        return reason is not None and len(" ".join(reason.split())) >= MIN_OVERRIDE_REASON

    def _categories_changed(self) -> None:
        if self._filling:
            return
        try:
            self.reload(self.checked_categories())
        except Exception as exc:  # a service error: say it, keep the dialog
            self.report(exc)

    def _text_changed(self) -> None:
        if self._filling:
            return
        self._text_edited = True
        self.refill_button.show()
        self.update_buttons()
        self.schedule_preview()

    # ---------------------------------------------------------------- preview

    def preview_job(self):
        if self.draft is None:
            return None
        return preview_referral_letter, dict(
            draft=self.draft, organisation=self.organisation, subject=self.subject.text() or " ",
            salutation=self.salutation.text(), body=self.body.toPlainText())

    # ----------------------------------------------------------- save, print

    def issue_pdf(self) -> bytes:
        """The letter through the consent gate; the same unchanged letter is not recorded twice."""
        assert self.draft is not None
        reason = self.override_text()
        key = (self.subject.text(), self.salutation.text(), self.body.toPlainText(),
               tuple(self.checked_categories()), reason)
        if self.issued_pdf is not None and key == self._issued_key:
            return self.issued_pdf
        pdf = issue_referral_letter(
            self.vault, case_id=self.case_id, agency_id=self.agency_id, subject=self.subject.text(),
            salutation=self.salutation.text(), body=self.body.toPlainText(), closing=self.draft.closing,
            categories=self.checked_categories(), override_reason=reason, organisation=self.organisation,
        )
        self.issued_pdf, self._issued_key = pdf, key
        self.issued.emit(pdf)
        return pdf

    def file_name(self) -> str:
        return f"Verweis-{self.draft.reference}.pdf" if self.draft is not None else "Verweis.pdf"

    def print_title(self) -> str:
        return _("Referral letter {ref}").format(ref=self.draft.reference if self.draft is not None else "")

    def print_letter(self, printer=None) -> bool:
        return self.print_document(printer)

    def report(self, exc: BaseException) -> None:
        super().report(exc)
        error = as_lotse_error(exc)
        if error is not None and self.draft is not None and "consent" in error.message:
            # The consent changed since the draft (withdrawn here or on another device).
            self.reload(self.checked_categories())


def open_letter_dialog(parent: QWidget | None, vault, *, case_id: str, agency_id: str,
                       organisation: Organisation | None = None) -> LetterDialog | None:
    """Open the letter dialog window-modal; shows the error instead when the draft cannot be made."""
    return open_document_dialog(parent, lambda: LetterDialog(
        vault, case_id=case_id, agency_id=agency_id, organisation=organisation, parent=parent))



def write_letter_for_referral(ctx, referral: dict, parent: QWidget | None) -> LetterDialog | None:
    """The referrals tab's letter hook (``referrals_tab.register_letter_writer``): the letter to the
    referral's agency; the case view reloads after each letter that passed the gate."""
    dialog = open_letter_dialog(parent, ctx.vault, case_id=ctx.case_id, agency_id=referral["agency_id"])
    if dialog is not None:
        dialog.issued.connect(ctx.changed)
    return dialog
