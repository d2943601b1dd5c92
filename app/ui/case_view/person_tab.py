"""The Person tab: everything about the person, residence documents and passport included.

The form saves explicitly (Save or Ctrl+S) and only the fields the user
changed; until then the tab shows "Unsaved changes" and a dot in its title.
Residence documents are a small table edited in a dialog that saves on OK.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import LotseError
from app.i18n import N_, _
from app.models.case_codes import GERMAN_LEVELS
from app.services.case_fields import PERSON_FIELDS
from app.services.persons import delete_residence_document, update_person
from app.services.validation import collect_field_errors
from app.ui import labels
from app.ui.case_view.context import CaseContext
from app.ui.case_view.form_state import FormState
from app.ui.case_view.save_bar import SaveBar
from app.ui.error_dialogs import show_error
from app.ui.formatting import format_date, to_date
from app.ui.theme import color
from app.ui.widgets.buttons import secondary_button
from app.ui.widgets.code_list_field import CodeListField
from app.ui.widgets.forms import (
    code_combo,
    date_field,
    form_card,
    line_field,
    mark_invalid,
    text_block,
    yes_no_unknown,
)
from app.ui.widgets.inline_message import InlineMessage
from app.ui.widgets.labels import hint_label, role_label

EXPIRING_WITHIN_DAYS = 30
DOCUMENT_COLUMNS = (N_("Type"), N_("Legal basis"), N_("Number"), N_("Issued"), N_("Valid until"))


class PersonTab(QWidget):
    unsaved_changed = Signal(bool)

    def __init__(self, ctx: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.documents: list[dict[str, Any]] = []
        self.form = FormState(self)
        self._build_fields()
        self._bind()

        self.documents_table = self._documents_table()
        self.add_document_button = secondary_button(_("Add…"), _("Add a residence document"))
        self.edit_document_button = secondary_button(_("Edit…"), _("Edit the selected residence document"))
        self.delete_document_button = secondary_button(_("Delete"), _("Delete the selected residence document"))
        self.add_document_button.clicked.connect(self.add_document)
        self.edit_document_button.clicked.connect(self.edit_document)
        self.delete_document_button.clicked.connect(self.delete_document)
        self.documents_table.itemSelectionChanged.connect(self._selection_changed)
        self.documents_table.doubleClicked.connect(lambda _index: self.edit_document())
        self.documents_empty = hint_label(_("No residence document recorded yet."))

        self.message = InlineMessage()
        self.save_bar = SaveBar(_("the person's details"))
        self.save_bar.save_button.clicked.connect(self.save)
        self.save_bar.discard_button.clicked.connect(self.discard_changes)
        self.form.unsaved_changed.connect(self._unsaved_changed)

        content = QWidget()
        content.setObjectName("tabContent")
        grid = QGridLayout(content)
        grid.setContentsMargins(18, 16, 18, 18)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(16)
        left = QVBoxLayout()
        left.setSpacing(16)
        left.addWidget(self._identity_card())
        left.addWidget(self._languages_card())
        left.addWidget(self._contact_card())
        left.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(16)
        right.addWidget(self._residence_card())
        right.addWidget(self._work_card())
        right.addStretch(1)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        scroll = QScrollArea()
        scroll.setObjectName("tabScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        footer = QVBoxLayout()
        footer.setContentsMargins(18, 8, 18, 12)
        footer.setSpacing(6)
        footer.addWidget(self.message)
        footer.addWidget(self.save_bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(scroll, 1)
        rule = QFrame()
        rule.setObjectName("rule")
        rule.setFixedHeight(1)
        layout.addWidget(rule)
        layout.addLayout(footer)
        self._selection_changed()

    # --- fields ----------------------------------------------------------------------------------

    def _build_fields(self) -> None:
        self.given_names = line_field(_("Given names"))
        self.family_name = line_field(_("Family name"))
        self.name_original = line_field(_("Name in original script"))
        self.aliases = line_field(_("Other spellings"), _("Separate several with ;"))
        self.birth_date = date_field(_("Birth date"), partial=True)
        self.gender = code_combo(_("Gender"), labels.choices(labels.GENDER_LABELS), _("Not recorded"))
        self.nationalities = CodeListField.countries(_("Nationalities"))
        self.languages = CodeListField.languages(_("Languages"))
        self.interpreter_language = CodeListField.languages(_("Interpreter needed for"), single=True)
        self.interpreter_language.setPlaceholderText(_("No interpreter needed"))
        self.german_level = code_combo(_("German level"), [(level, level) for level in GERMAN_LEVELS],
                                       _("Not known"))
        self.phone = line_field(_("Phone"))
        self.email = line_field(_("E-mail"))
        self.address = text_block(_("Address or shelter"), _("Shelter, room; or street, postcode and town"), 62)
        self.household = text_block(_("Household"), _("Who lives with the person"), 62)
        self.minor_child = yes_no_unknown(_("Lives with a minor child"))
        self.entry_date = date_field(_("Entry to Germany"))
        self.residence_status = code_combo(_("Residence status"), labels.choices(labels.RESIDENCE_STATUS_LABELS),
                                           _("Not recorded"))
        self.duldung_since = date_field(_("Tolerated (Duldung) since"))
        self.identity_clarified = yes_no_unknown(_("Identity clarified"))
        self.passport_status = code_combo(_("Passport"), labels.choices(labels.PASSPORT_STATUS_LABELS),
                                          _("Not recorded"))
        self.passport_valid_until = date_field(_("Passport valid until"))
        self.school_years = line_field(_("Years of school"))
        self.school_years.setMaximumWidth(90)
        self.qualifications = text_block(_("Qualifications"), _("School leaving certificate, training, degrees"), 62)
        self.employment = line_field(_("Employment"), _("Employer and job, or none"))
        self.employment_since = date_field(_("Employed since"))
        self.weekly_hours = line_field(_("Hours per week"))
        self.weekly_hours.setMaximumWidth(90)

    def _bind(self) -> None:
        form = self.form
        for key in ("given_names", "family_name", "name_original", "phone", "email", "employment"):
            form.line(key, getattr(self, key))
        form.aliases("aliases", self.aliases)
        form.birth_date("birth_date", self.birth_date)
        for key in ("gender", "residence_status", "passport_status", "german_level"):
            form.combo(key, getattr(self, key))
        form.codes("nationalities", self.nationalities)
        form.codes("languages", self.languages)
        form.codes("interpreter_language", self.interpreter_language, single=True)
        for key in ("address", "household", "qualifications"):
            form.block(key, getattr(self, key))
        for key in ("minor_child", "identity_clarified"):
            form.flag(key, getattr(self, key))
        for key in ("entry_date", "duldung_since", "passport_valid_until", "employment_since"):
            form.date(key, getattr(self, key))
        for key in ("school_years", "weekly_hours"):
            form.number(key, getattr(self, key))

    def _identity_card(self) -> QFrame:
        card, form = form_card(_("Identity"))
        form.addRow(_("&Given names"), self.given_names)
        form.addRow(_("&Family name"), self.family_name)
        form.addRow(_("Original &script"), self.name_original)
        form.addRow(_("Other spellings"), self.aliases)
        form.addRow(_("&Birth date"), self.birth_date)
        form.addRow(_("Gender"), self.gender)
        form.addRow(_("&Nationalities"), self.nationalities)
        return card

    def _languages_card(self) -> QFrame:
        card, form = form_card(_("Languages"))
        form.addRow(_("&Languages"), self.languages)
        form.addRow(_("&Interpreter"), self.interpreter_language)
        form.addRow(_("German level"), self.german_level)
        return card

    def _contact_card(self) -> QFrame:
        card, form = form_card(_("Contact and household"))
        form.addRow(_("&Phone"), self.phone)
        form.addRow(_("&E-mail"), self.email)
        form.addRow(_("&Address / shelter"), self.address)
        form.addRow(_("&Household"), self.household)
        form.addRow(_("Minor child"), self.minor_child)
        return card

    def _residence_card(self) -> QFrame:
        card, form = form_card(_("Residence and passport"))
        form.addRow(_("En&try to Germany"), self.entry_date)
        form.addRow(_("&Residence status"), self.residence_status)
        form.addRow(_("Duldung since"), self.duldung_since)
        form.addRow(_("Identity clarified"), self.identity_clarified)
        passport = QHBoxLayout()
        passport.setSpacing(8)
        passport.addWidget(self.passport_status, 1)
        passport.addWidget(hint_label(_("until")))
        passport.addWidget(self.passport_valid_until)
        form.addRow(_("Pass&port"), passport)
        form.labelForField(passport).setBuddy(self.passport_status)

        documents = QVBoxLayout()
        documents.setSpacing(6)
        heading = QHBoxLayout()
        heading.addWidget(role_label(_("Residence documents"), "section-small"))
        heading.addStretch(1)
        heading.addWidget(self.add_document_button)
        heading.addWidget(self.edit_document_button)
        heading.addWidget(self.delete_document_button)
        documents.addSpacing(8)
        documents.addLayout(heading)
        documents.addWidget(self.documents_table)
        documents.addWidget(self.documents_empty)
        card.layout().addLayout(documents)
        return card

    def _work_card(self) -> QFrame:
        card, form = form_card(_("School and work"))
        form.addRow(_("Years of s&chool"), self.school_years)
        form.addRow(_("&Qualifications"), self.qualifications)
        form.addRow(_("Emplo&yment"), self.employment)
        form.addRow(_("Employed since"), self.employment_since)
        form.addRow(_("Hours per &week"), self.weekly_hours)
        return card

    def _documents_table(self) -> QTableWidget:
        table = QTableWidget(0, len(DOCUMENT_COLUMNS))
        table.setObjectName("residenceDocuments")
        table.setAccessibleName(_("Residence documents"))
        table.setHorizontalHeaderLabels([_(title) for title in DOCUMENT_COLUMNS])
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(30)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.setShowGrid(False)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        return table

    # --- showing -----------------------------------------------------------------------------------

    def show_case(self, detail: dict[str, Any]) -> None:
        person = dict(detail.get("person", {}))
        self.form.load(person)  # fields with unsaved input keep it
        self._show_documents(person.get("residence_documents", []))

    def _show_documents(self, documents: list[dict[str, Any]], on: date | None = None) -> None:
        today = on or date.today()
        self.documents = sorted(documents, key=lambda d: d.get("valid_until") or "9999", reverse=True)
        table = self.documents_table
        table.setRowCount(len(self.documents))
        for row, document in enumerate(self.documents):
            valid_until = to_date(document.get("valid_until"))
            expired = valid_until is not None and valid_until < today
            expiring = valid_until is not None and not expired and valid_until <= today + timedelta(
                days=EXPIRING_WITHIN_DAYS)
            cells = (
                labels.residence_status(document.get("doc_type", "")),
                document.get("paragraph") or "",
                document.get("number") or "",
                format_date(document.get("issued")),
                format_date(valid_until) + (_("  (expired)") if expired else _("  (expires soon)") if expiring else ""),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, document["id"])
                if expired:
                    item.setForeground(QBrush(color("disabled")))
                    item.setToolTip(_("Expired on {date}").format(date=format_date(valid_until)))
                elif expiring:
                    item.setBackground(QBrush(QColor("#FDF3DC")))
                    item.setForeground(QBrush(color("warning")))
                    item.setToolTip(_("Expires on {date}").format(date=format_date(valid_until)))
                table.setItem(row, column, item)
        visible_rows = max(1, min(len(self.documents), 5))
        table.setFixedHeight(table.horizontalHeader().height() + visible_rows * 30 + 4)
        table.setVisible(bool(self.documents))
        self.documents_empty.setVisible(not self.documents)
        self._selection_changed()

    def document_row_state(self, row: int) -> str:
        """'expired', 'expiring' or 'valid' (tests read what the colours say)."""
        text = self.documents_table.item(row, 4).text()
        return "expired" if _("(expired)") in text else "expiring" if _("(expires soon)") in text else "valid"

    # --- unsaved input and saving --------------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self.form.is_dirty()

    @Slot(bool)
    def _unsaved_changed(self, dirty: bool) -> None:
        self.save_bar.set_state(dirty=dirty)
        if dirty:
            self.message.clear_message()
        self.unsaved_changed.emit(dirty)

    @Slot()
    def save(self) -> bool:
        changes = self.form.changes()
        if not changes:
            return True
        problems = self._problems(changes)
        if problems:
            self.message.show_message("\n".join(text for _key, text in problems))
            first = self.form.bindings[problems[0][0]].widget
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        try:
            update_person(self.ctx.vault, case_id=self.ctx.case_id, **changes)
        except LotseError as exc:
            self.message.show_message(exc.message)
            return False
        except Exception as exc:
            show_error(self, exc)
            return False
        self.message.clear_message()
        self.form.mark_saved()
        self.save_bar.set_state(dirty=False, saved=True)
        self.ctx.changed()
        return True

    def _problems(self, changes: dict[str, Any]) -> list[tuple[str, str]]:
        """Field by field, before anything is written: every problem at once, each field marked."""
        problems: list[tuple[str, str]] = []
        for key, field in (("nationalities", self.nationalities), ("languages", self.languages),
                           ("interpreter_language", self.interpreter_language)):
            if key in changes and field.problem():
                problems.append((key, field.problem()))
        known = {key for key, _text in problems}
        _cleaned, errors = collect_field_errors(PERSON_FIELDS, {k: v for k, v in changes.items() if k not in known})
        problems.extend(errors)
        for key, binding in self.form.bindings.items():
            mark_invalid(binding.widget, any(key == k for k, _text in problems))
        return problems

    @Slot()
    def discard_changes(self) -> None:
        detail = self.ctx.detail or {}
        self.form.load(dict(detail.get("person", {})), keep_edits=False)
        self.message.clear_message()

    # --- residence documents ----------------------------------------------------------------------------

    def _selected_document(self) -> dict[str, Any] | None:
        rows = self.documents_table.selectionModel().selectedRows() if self.documents_table.selectionModel() else []
        if not rows:
            return None
        return self.documents[rows[0].row()]

    @Slot()
    def _selection_changed(self) -> None:
        selected = self._selected_document() is not None
        self.edit_document_button.setEnabled(selected)
        self.delete_document_button.setEnabled(selected)

    @Slot()
    def add_document(self) -> None:
        from app.ui.case_view.residence_document_dialog import ResidenceDocumentDialog

        self.document_dialog = ResidenceDocumentDialog(self.ctx, None, self)
        self.document_dialog.open()

    @Slot()
    def edit_document(self) -> None:
        document = self._selected_document()
        if document is None:
            return
        from app.ui.case_view.residence_document_dialog import ResidenceDocumentDialog

        self.document_dialog = ResidenceDocumentDialog(self.ctx, document, self)
        self.document_dialog.open()

    @Slot()
    def delete_document(self) -> None:
        document = self._selected_document()
        if document is None:
            return
        answer = QMessageBox.question(
            self, _("Delete residence document"),
            _("Delete the {type} valid until {date}? This cannot be undone.").format(
                type=labels.residence_status(document.get("doc_type", "")),
                date=format_date(document.get("valid_until"), _("an unknown date"))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            delete_residence_document(self.ctx.vault, document_id=document["id"])
        except Exception as exc:
            show_error(self, exc)
            return
        self.ctx.changed()
