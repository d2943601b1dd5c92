"""A casework tab that is a list of entries, each added and edited in a small dialog.

Referrals, barriers and measures work the same way: a heading with Edit /
Delete / Add (and the count), the entry table (Enter or a double click edits,
Delete asks to delete), a sentence where the list is empty, and a question
before anything is deleted. A tab says only what differs: which entries of the
case file it lists, the cells of a row, its dialog and its delete question.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QWidget

from app.i18n import _
from app.ui.case_view.casework_tab import CaseworkTab
from app.ui.case_view.casework_widgets import EmptyState, TabHeading, confirm
from app.ui.case_view.entry_dialog import EntryDialog
from app.ui.case_view.entry_table import Cell, EntryTable
from app.ui.widgets.buttons import primary_button, secondary_button


@dataclass(frozen=True)
class ListTexts:
    """The visible words of one list tab (already translated)."""

    title: str
    edit_tip: str
    delete_tip: str
    add: str
    add_tip: str
    empty_icon: str
    empty_title: str
    empty_text: str


@dataclass(frozen=True)
class DeleteQuestion:
    """What the confirmation says before an entry is deleted, and the service call that deletes it."""

    title: str
    text: str
    button: str
    service: Callable[..., Any]
    arguments: dict[str, Any]


class EntryListTab(CaseworkTab):
    """Subclasses implement ``entries``, ``cells``, ``count_text``, ``make_dialog`` and ``delete_question``."""

    def __init__(self, ctx: Any, texts: ListTexts, headers: list[str], widths: dict[int, int], stretch: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.entries: list[dict[str, Any]] = []
        self.heading = TabHeading(texts.title)
        self.add_extra_actions()
        self.edit_button = self.heading.add_action(secondary_button(_("&Edit…"), texts.edit_tip))
        self.delete_button = self.heading.add_action(secondary_button(_("De&lete…"), texts.delete_tip))
        self.delete_button.setProperty("danger", True)
        self.add_button = self.heading.add_action(primary_button(texts.add, texts.add_tip))
        self.add_button.clicked.connect(self.add_entry)
        self.edit_button.clicked.connect(lambda: self.edit_entry(self.table.current_id()))
        self.delete_button.clicked.connect(lambda: self.ask_delete(self.table.current_id()))
        self.table = EntryTable(headers, texts.title)
        self.table.fit_columns(widths, stretch=stretch)
        self.table.activated_entry.connect(self.edit_entry)
        self.table.delete_requested.connect(self.ask_delete)
        self.table.selection_changed.connect(self._update_buttons)
        self.empty = EmptyState(texts.empty_icon, texts.empty_title, texts.empty_text)

    def finish_layout(self, *above: QWidget) -> None:
        """Subclasses call this at the end of ``__init__``: ``above`` stands over the heading (a banner)."""
        for widget in above:
            self.column.addWidget(widget)
        self.column.addWidget(self.heading)
        self.column.addWidget(self.empty)
        self.column.addWidget(self.table, 1)
        self.show_initial_case()
        self._update_buttons()

    # --- what a subclass says ------------------------------------------------------------

    def add_extra_actions(self) -> None:
        """Buttons that stand before Edit in the heading (e.g. the referral letter)."""

    def entries_of(self, detail: dict[str, Any]) -> list[dict[str, Any]]:
        raise NotImplementedError

    def cells(self, entry: dict[str, Any]) -> list[Cell]:
        raise NotImplementedError

    def count_text(self, count: int) -> str:
        raise NotImplementedError

    def make_dialog(self, entry: dict[str, Any] | None) -> EntryDialog:
        raise NotImplementedError

    def delete_question(self, entry: dict[str, Any]) -> DeleteQuestion:
        raise NotImplementedError

    def after_show(self, detail: dict[str, Any]) -> None:
        """Anything beside the list that follows the case file (e.g. a warning banner)."""

    # --- the list ------------------------------------------------------------------------

    def show_case(self, detail: dict[str, Any]) -> None:
        self.detail = detail
        self.entries = self.entries_of(detail)
        self.table.set_rows([(entry["id"], self.cells(entry)) for entry in self.entries])
        self.after_show(detail)
        count = len(self.entries)
        self.heading.set_count(self.count_text(count))
        self.empty.setVisible(count == 0)
        self.table.setVisible(count > 0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.table.current_id() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def entry(self, entry_id: str | None) -> dict[str, Any] | None:
        return next((e for e in self.entries if e["id"] == entry_id), None)

    # --- actions -------------------------------------------------------------------------

    def add_entry(self) -> EntryDialog:
        return self.open_dialog(self.make_dialog(None))

    def edit_entry(self, entry_id: str | None) -> EntryDialog | None:
        entry = self.entry(entry_id)
        if entry is None:
            return None
        return self.open_dialog(self.make_dialog(entry))

    def ask_delete(self, entry_id: str | None) -> None:
        entry = self.entry(entry_id)
        if entry is None:
            return
        question = self.delete_question(entry)
        self.last_box = confirm(self, question.title, question.text, question.button,
                                lambda: self.write(question.service, **question.arguments))

