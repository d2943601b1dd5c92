"""The contact log as a timeline, newest first, grouped by month, with filters.

Filtering runs over the contacts already in the case-file dict (a case holds
tens to a few hundred); the timeline builds cards for the first ``PAGE_SIZE``
matches and more on request, so a long-running case opens at once.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _, ngettext
from app.models.codes import GOAL_AREAS
from app.services.contacts import CONTACT_KINDS, delete_contact
from app.ui.case_view.casework_fields import DateField
from app.ui.case_view.casework_format import as_date, format_date, format_month
from app.ui.case_view.casework_labels import CONTACT_KIND_LABELS, GOAL_AREA_LABELS, label
from app.ui.case_view.casework_tab import CaseworkTab
from app.ui.case_view.casework_widgets import EmptyState, TabHeading, confirm
from app.ui.case_view.contact_card import ContactCard
from app.ui.case_view.contact_dialog import ContactDialog
from app.ui.widgets.buttons import link_button, primary_button, secondary_button
from app.ui.widgets.labels import role_label

PAGE_SIZE = 50
# (code, label, days back); None days = all time, -1 = a range the user picks
PERIODS: tuple[tuple[str, str, int | None], ...] = (
    ("all", N_("Any time"), None),
    ("30", N_("Last 30 days"), 30),
    ("90", N_("Last 3 months"), 91),
    ("365", N_("Last 12 months"), 365),
    ("custom", N_("Between dates…"), -1),
)


class ContactsTab(CaseworkTab):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.contacts: list[dict[str, Any]] = []
        self.shown_limit = PAGE_SIZE
        self.cards: list[ContactCard] = []

        self.heading = TabHeading(_("Contacts"))
        self.letter_button = self.heading.add_action(secondary_button(
            _("Appointment &letter…"), _("Invite the person by letter, in their language")))
        self.letter_button.clicked.connect(lambda: self.appointment_letter())
        self.add_button = self.heading.add_action(primary_button(_("&Add contact…"), _("Add a contact")))
        self.add_button.clicked.connect(self.add_contact)
        self.column.addWidget(self.heading)
        self.column.addLayout(self._filters())

        self.timeline = QWidget()
        self.timeline.setObjectName("timeline")
        self.timeline_layout = QVBoxLayout(self.timeline)
        self.timeline_layout.setContentsMargins(0, 0, 12, 0)
        self.timeline_layout.setSpacing(0)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("timelineScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.timeline)
        self.scroll.setAccessibleName(_("Contact timeline"))
        self.empty = EmptyState("contacts", _("No contacts yet"), _(
            "Log meetings, calls, home visits and case conferences here; they appear newest first."))
        self.no_match = EmptyState("contacts", _("No contact matches the filters"), _(
            "Change or reset the filters to see more contacts."))
        self.column.addWidget(self.empty)
        self.column.addWidget(self.no_match)
        self.column.addWidget(self.scroll, 1)
        self.column.addStretch(0)
        self.show_initial_case()

    # --- filters -----------------------------------------------------------------------

    def _filters(self) -> QHBoxLayout:
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search notes and participants"))
        self.search.setAccessibleName(_("Search contacts"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName(_("Filter by kind"))
        self.kind_filter.addItem(_("All kinds"), "")
        for code in CONTACT_KINDS:
            self.kind_filter.addItem(label(CONTACT_KIND_LABELS, code), code)
        self.area_filter = QComboBox()
        self.area_filter.setAccessibleName(_("Filter by goal area"))
        self.area_filter.addItem(_("All goal areas"), "")
        for code in GOAL_AREAS:
            self.area_filter.addItem(label(GOAL_AREA_LABELS, code), code)
        self.period_filter = QComboBox()
        self.period_filter.setAccessibleName(_("Filter by date"))
        for code, text, _days in PERIODS:
            self.period_filter.addItem(_(text), code)
        self.date_from = DateField(_("Contacts from"))
        self.date_from.set_value(date.today() - timedelta(days=90))
        self.date_to = DateField(_("Contacts until"))
        self.range_dash = role_label("–", "hint", wrap=False)
        self.reset_button = link_button(_("Reset filters"), _("Reset filters"))
        self.reset_button.clicked.connect(self.reset_filters)

        self.search.textChanged.connect(self.refilter)
        for combo in (self.kind_filter, self.area_filter, self.period_filter):
            combo.currentIndexChanged.connect(self.refilter)
        self.date_from.dateChanged.connect(self.refilter)
        self.date_to.dateChanged.connect(self.refilter)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.search, 2)
        row.addWidget(self.kind_filter, 1)
        row.addWidget(self.area_filter, 1)
        row.addWidget(self.period_filter, 1)
        row.addWidget(self.date_from)
        row.addWidget(self.range_dash)
        row.addWidget(self.date_to)
        row.addWidget(self.reset_button)
        self._show_range(False)
        return row

    def _show_range(self, visible: bool) -> None:
        for widget in (self.date_from, self.range_dash, self.date_to):
            widget.setVisible(visible)

    def reset_filters(self) -> None:
        for widget in (self.search, self.kind_filter, self.area_filter, self.period_filter):
            widget.blockSignals(True)
        self.search.clear()
        self.kind_filter.setCurrentIndex(0)
        self.area_filter.setCurrentIndex(0)
        self.period_filter.setCurrentIndex(0)
        for widget in (self.search, self.kind_filter, self.area_filter, self.period_filter):
            widget.blockSignals(False)
        self.refilter()

    def filters_active(self) -> bool:
        return bool(self.search.text().strip() or self.kind_filter.currentData()
                    or self.area_filter.currentData() or self.period_filter.currentData() != "all")

    def _date_range(self) -> tuple[date | None, date | None]:
        code = self.period_filter.currentData()
        days = next((d for c, _t, d in PERIODS if c == code), None)
        if days is None:
            return None, None
        if days < 0:
            return self.date_from.value(), self.date_to.value()
        return date.today() - timedelta(days=days), None

    def matching(self) -> list[dict[str, Any]]:
        """The contacts the filters let through, newest first."""
        kind = self.kind_filter.currentData()
        area = self.area_filter.currentData()
        words = self.search.text().casefold().split()
        start, end = self._date_range()
        result = []
        for contact in self.contacts:
            day = as_date(contact.get("date"))
            if kind and contact.get("kind") != kind:
                continue
            if area and area not in (contact.get("areas") or []):
                continue
            if start and (day is None or day < start):
                continue
            if end and (day is None or day > end):
                continue
            if words:
                haystack = " ".join((contact.get("note") or "", contact.get("participants") or "")).casefold()
                if not all(word in haystack for word in words):
                    continue
            result.append(contact)
        return result

    # --- showing -------------------------------------------------------------------------

    def show_case(self, detail: dict[str, Any]) -> None:
        self.detail = detail
        # Newest first; the same day in the order the dict has them (service order).
        self.contacts = sorted(detail.get("contacts") or [], key=lambda c: c.get("date") or "", reverse=True)
        self.refilter(keep_limit=True)

    def refilter(self, *_args: object, keep_limit: bool = False) -> None:
        self._show_range(self.period_filter.currentData() == "custom")
        if not keep_limit:
            self.shown_limit = PAGE_SIZE
        matches = self.matching()
        total = len(self.contacts)
        if self.filters_active():
            self.heading.set_count(_("{shown} of {total}").format(shown=len(matches), total=total))
        else:
            self.heading.set_count(ngettext("{n} contact", "{n} contacts", total).format(n=total))
        self.reset_button.setVisible(self.filters_active())
        self.empty.setVisible(total == 0)
        self.no_match.setVisible(total > 0 and not matches)
        self.scroll.setVisible(bool(matches))
        self._build_cards(matches)

    def _build_cards(self, matches: list[dict[str, Any]]) -> None:
        while self.timeline_layout.count():
            item = self.timeline_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.cards = []
        shown = matches[: self.shown_limit]
        month = None
        for index, contact in enumerate(shown):
            day = as_date(contact.get("date"))
            if day is not None and (day.year, day.month) != month:
                month = (day.year, day.month)
                heading = role_label(format_month(day), "timeline-month", wrap=False)
                self.timeline_layout.addWidget(heading)
            card = ContactCard(contact, last=index == len(shown) - 1)
            card.edit_requested.connect(self.edit_contact)
            card.delete_requested.connect(self.ask_delete)
            self.cards.append(card)
            self.timeline_layout.addWidget(card)
        rest = len(matches) - len(shown)
        if rest > 0:
            more = secondary_button(
                ngettext("Show {n} more contact", "Show {n} more contacts", min(rest, PAGE_SIZE)).format(
                    n=min(rest, PAGE_SIZE)),
                _("Show more contacts"))
            more.clicked.connect(self.show_more)
            self.timeline_layout.addWidget(more, 0, Qt.AlignmentFlag.AlignHCenter)
            self.more_button = more
        else:
            self.more_button = None
        self.timeline_layout.addStretch(1)

    def show_more(self) -> None:
        self.shown_limit += PAGE_SIZE
        self.refilter(keep_limit=True)

    def visible_contact_ids(self) -> list[str]:
        return [card.contact_id for card in self.cards]

    def card(self, contact_id: str) -> ContactCard:
        return next(card for card in self.cards if card.contact_id == contact_id)

    # --- actions -------------------------------------------------------------------------

    def _contact(self, contact_id: str) -> dict[str, Any] | None:
        return next((c for c in self.contacts if c["id"] == contact_id), None)

    def appointment_letter(self):
        """An invitation to the next appointment, printed in the person's language."""
        from app.ui.dialogs.appointment_letter_dialog import open_appointment_letter_dialog

        return open_appointment_letter_dialog(self, self.ctx.vault, self.ctx.case_id, ref=self.ctx.ref)

    def add_contact(self) -> ContactDialog:
        return self.open_dialog(ContactDialog(self.ctx, parent=self))

    def edit_contact(self, contact_id: str) -> ContactDialog | None:
        contact = self._contact(contact_id)
        if contact is None:
            return None
        return self.open_dialog(ContactDialog(self.ctx, contact, parent=self))

    def ask_delete(self, contact_id: str) -> None:
        contact = self._contact(contact_id)
        if contact is None:
            return
        self.last_box = confirm(
            self,
            _("Delete this contact?"),
            _("The {kind} of {date} and its note are removed from the case file. This cannot be undone.").format(
                kind=label(CONTACT_KIND_LABELS, contact.get("kind")), date=format_date(contact.get("date"))),
            _("&Delete contact"),
            lambda: self.write(delete_contact, contact_id=contact_id),
        )
