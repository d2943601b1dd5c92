"""Residence check ("Bleiberecht prüfen"): what §§ 25a, 25b, 60c, 60d AufenthG give for this person.

The facts are the person's fields of the case file (birth date, entry, Duldung
since, school years, German level, employment, identity); the rules are the
versioned data in resources/rules, the legal version in force on the "check
as of" day. Per rule a card: available or not, the day the time requirements
are met, the application deadline with the days left (red under 90), what is
still open, and the engine's notes (a partial birth date is counted
conservatively and says so). The check is pure and takes well under a
millisecond, so it runs on the GUI thread whenever the case or the day changes.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.errors import LotseError
from app.formatting import qt_date_format
from app.i18n import _, ngettext
from app.services.residence import ResidenceCheck, RuleResult
from app.services.residence_for_case import residence_check_for_person
from app.ui.case_view.context import CaseContext
from app.ui.deadline_texts import with_local_dates
from app.ui.formatting import format_birth_date, format_date
from app.ui.widgets.buttons import link_button
from app.ui.widgets.chips import Chip
from app.ui.widgets.labels import field_label, hint_label, role_label

RULES = ("25a", "25b", "60c", "60d")
DEADLINE_ALERT_DAYS = 90
ONE_COLUMN_BELOW = 860  # px of tab width: two rule cards side by side need about that


def days_left_text(deadline: date, on: date) -> tuple[str, str]:
    """("in 98 days", tone) for an application deadline seen from ``on``."""
    days = (deadline - on).days
    if days < 0:
        return ngettext("passed {n} day ago", "passed {n} days ago", -days).format(n=-days), "danger"
    if days == 0:
        return _("today is the last day"), "danger"
    text = ngettext("{n} day left", "{n} days left", days).format(n=days)
    return text, "danger" if days < DEADLINE_ALERT_DAYS else "accent"


def facts_summary(person: dict[str, Any]) -> str:
    """The facts the check used, in one line, so a wrong result can be traced to a field."""
    parts = []
    birth = person.get("birth_date")
    if not birth:
        parts.append(_("birth date unknown"))
    elif partial_birth_date(person):  # "born in 1998", not "born on 1998"
        parts.append(_("born in {date}").format(date=format_birth_date(birth)))
    else:
        parts.append(_("born {date}").format(date=format_birth_date(birth)))
    entry = person.get("entry_date")
    parts.append(_("entered {date}").format(date=format_date(entry)) if entry else _("entry date unknown"))
    duldung = person.get("duldung_since")
    if duldung:
        parts.append(_("Duldung since {date}").format(date=format_date(duldung)))
    if person.get("school_years") is not None:
        parts.append(_("{n} school years").format(n=_number(person["school_years"])))
    if person.get("german_level"):
        parts.append(_("German {level}").format(level=person["german_level"]))
    if person.get("employment_since"):
        hours = person.get("weekly_hours")
        since = format_date(person["employment_since"])
        parts.append(_("employed since {date}, {hours} h a week").format(date=since, hours=_number(hours))
                     if hours is not None else _("employed since {date}").format(date=since))
    clarified = person.get("identity_clarified")
    if clarified is not None:
        parts.append(_("identity clarified") if clarified else _("identity not clarified"))
    if person.get("minor_child"):
        parts.append(_("lives with a minor child"))
    return " · ".join(parts)


def partial_birth_date(person: dict[str, Any]) -> bool:
    birth = person.get("birth_date") or ""
    return 0 < len(birth) < len("YYYY-MM-DD")


def _number(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


class RuleCard(QFrame):
    """One rule's result."""

    def __init__(self, rule: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rule = rule
        self.setObjectName(f"rule{rule}")
        self.setProperty("card", True)
        self.title = role_label("", "section-small")
        self.available = Chip()
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.title, 1)
        top.addWidget(self.available, 0, Qt.AlignmentFlag.AlignTop)
        self.met_on = role_label("", "fact", wrap=False)
        self.met_hint = hint_label("")
        self.deadline = role_label("", "fact", wrap=False)
        self.deadline_left = Chip()
        facts = QGridLayout()
        facts.setHorizontalSpacing(12)
        facts.setVerticalSpacing(4)
        facts.addWidget(field_label(_("Requirements met on")), 0, 0)
        facts.addWidget(self.met_on, 0, 1)
        facts.addWidget(self.met_hint, 0, 2)
        facts.addWidget(field_label(_("Application deadline")), 1, 0)
        facts.addWidget(self.deadline, 1, 1)
        facts.addWidget(self.deadline_left, 1, 2, Qt.AlignmentFlag.AlignLeft)
        facts.setColumnStretch(2, 1)
        self.missing_title = role_label(_("Still open"), "subsection", wrap=False)
        self.missing = QLabel()
        self.missing.setObjectName("missing")
        self.missing.setWordWrap(True)
        self.missing.setTextFormat(Qt.TextFormat.PlainText)
        self.notes = hint_label("")
        self.notes.setObjectName("notes")
        self.notes_toggle = link_button("", _("Show or hide the notes of this rule"))
        self.notes_toggle.clicked.connect(lambda: self.set_notes_open(not self.notes_open))
        self._notes_count = 0
        self.notes_open = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(facts)
        layout.addSpacing(4)
        layout.addWidget(self.missing_title)
        layout.addWidget(self.missing)
        layout.addWidget(self.notes_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.notes)
        layout.addStretch(1)

    def set_notes_open(self, open_: bool) -> None:
        self.notes_open = open_
        self.notes.setVisible(open_ and self._notes_count > 0)
        self.notes_toggle.setVisible(self._notes_count > 0)
        self.notes_toggle.setText(_("Hide notes") if open_ else
                                  ngettext("Show {n} note", "Show {n} notes", self._notes_count).format(
                                      n=self._notes_count))

    def show_result(self, result: RuleResult, on: date, *, notes_open: bool = False) -> None:
        self.title.setText(result.title)
        self.available.show_state(_("Available") if result.available else _("Not available"),
                                  "success" if result.available else "muted")
        met = result.requirements_met_on
        self.met_on.setText(format_date(met) if met else _("not known yet"))
        self.met_hint.setText((_("met") if met <= on else _("still ahead")) if met else "")
        deadline = result.application_deadline
        self.deadline.setText(format_date(deadline) if deadline else _("none"))
        if deadline:
            text, tone = days_left_text(deadline, on)
            self.deadline_left.show_state(text, tone)
        else:
            self.deadline_left.show_state("", "neutral")
        missing = [with_local_dates(finding.text) for finding in result.missing]
        self.missing_title.setVisible(bool(missing))
        self.missing.setVisible(bool(missing))
        self.missing.setText("\n".join(f"•  {text}" for text in missing))
        notes = [with_local_dates(note) for note in result.notes]
        self.notes.setText("\n".join(f"–  {note}" for note in notes))
        self._notes_count = len(notes)
        self.set_notes_open(notes_open or self.notes_open)
        self.setAccessibleName(_("{title}: {available}. Requirements met on {met}. Application deadline {deadline}.")
                               .format(title=result.title, available=self.available.text(), met=self.met_on.text(),
                                       deadline=self.deadline.text()))


class ResidenceCheckTab(QWidget):
    """Signal ``checked()`` after each check is shown."""

    checked = Signal()

    def __init__(self, ctx: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("residenceCheckTab")
        self.ctx = ctx
        self.person: dict[str, Any] | None = None
        self.result: ResidenceCheck | None = None

        self.on = QDateEdit(QDate.currentDate())
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat(qt_date_format())
        self.on.setAccessibleName(_("Check as of"))
        self.on.dateChanged.connect(lambda _day: self.run_check())
        self.today_button = link_button(_("Today"), _("Check as of today"))
        self.today_button.clicked.connect(lambda: self.on.setDate(QDate.currentDate()))
        self.facts = hint_label("")
        self.facts.setObjectName("factsUsed")
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(field_label(_("Check as &of"), self.on))
        top.addWidget(self.on)
        top.addWidget(self.today_button)
        top.addSpacing(12)
        top.addWidget(self.facts, 1)

        self.partial_note = role_label("", "banner-info")
        self.partial_note.setObjectName("partialBirthDateNote")
        # Wrap to the tab's width; never widen the content (that would scroll the cards sideways).
        self.partial_note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.partial_note.hide()
        self.warnings = role_label("", "banner-warning")
        self.warnings.setObjectName("residenceWarnings")
        self.warnings.hide()
        self.error = role_label("", "error")
        self.error.hide()
        self.cards = {rule: RuleCard(rule) for rule in RULES}
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(14)
        self._columns = 0
        self._arrange(2)
        self.source = hint_label("")
        self.source.setObjectName("rulesSource")

        content = QWidget()
        content.setObjectName("residenceContent")
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 10, 10)
        content_layout.setSpacing(12)
        content_layout.addWidget(self.partial_note)
        content_layout.addWidget(self.warnings)
        content_layout.addWidget(self.error)
        content_layout.addLayout(self.grid)
        content_layout.addWidget(self.source)
        content_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 10, 8)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    def _arrange(self, columns: int) -> None:
        """Two cards side by side, or one below the other in a narrow window."""
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards.values():
            self.grid.removeWidget(card)
        for index, rule in enumerate(RULES):
            self.grid.addWidget(self.cards[rule], index // columns, index % columns)
        for column in range(2):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._fit_columns(event.size().width())
        super().resizeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._fit_columns()  # the check may have run while the tab was hidden and unpolished

    def _fit_columns(self, width: int | None = None) -> None:
        """Two columns only where two cards fit without being cut (German texts need more room)."""
        width = self.width() if width is None else width
        shown = [card for card in self.cards.values() if not card.isHidden()]
        for card in shown:
            card.ensurePolished()  # the stylesheet's fonts decide the width; a hidden tab has none yet
        card_width = max((card.minimumSizeHint().width() for card in shown), default=0)
        needed = max(ONE_COLUMN_BELOW, 2 * card_width + self.grid.horizontalSpacing() + 40)
        self._arrange(1 if width < needed else 2)

    def check_date(self) -> date:
        return self.on.date().toPython()

    def set_check_date(self, day: date) -> None:
        self.on.setDate(QDate(day.year, day.month, day.day))

    def show_case(self, detail: dict) -> None:
        self.person = detail.get("person") or {}
        self.run_check()

    def _show_partial_note(self) -> None:
        """Say plainly, above every result, that a partial birth date is counted conservatively."""
        birth = (self.person or {}).get("birth_date") or ""
        if not partial_birth_date(self.person or {}):
            self.partial_note.hide()
            return
        if len(birth) == len("YYYY"):
            text = _("Only the birth year is known ({year}): every date below is calculated conservatively, "
                     "from the earliest possible birthday. Enter the full birth date on the Person tab as soon "
                     "as the papers show it.").format(year=birth)
        else:
            text = _("Only the birth month is known ({month}): every date below is calculated conservatively, "
                     "from the earliest possible birthday. Enter the full birth date on the Person tab as soon "
                     "as the papers show it.").format(month=format_birth_date(birth))
        self.partial_note.setText(text)
        self.partial_note.setAccessibleName(text)
        self.partial_note.show()

    def run_check(self) -> None:
        if self.person is None:
            return
        on = self.check_date()
        self.facts.setText(_("Facts from the Person tab: {facts}").format(facts=facts_summary(self.person)))
        try:
            self.result = residence_check_for_person(self.person, on)
        except LotseError as exc:
            self.result = None
            self.error.setText(_("The check cannot run on these facts: {reason} Correct the field on the Person "
                                 "tab.").format(reason=exc.message))
            self.error.show()
            for card in self.cards.values():
                card.hide()
            self.warnings.hide()
            self.source.setText("")
            self.checked.emit()
            return
        self.error.hide()
        self._show_partial_note()
        for rule, card in self.cards.items():
            card.setVisible(rule in self.result.rules)
            if rule in self.result.rules:
                # A birth date known only in part changes every date: its caveat shows without a click.
                card.show_result(self.result.rules[rule], on, notes_open=partial_birth_date(self.person))
        warnings = [with_local_dates(text) for text in self.result.warnings]
        self.warnings.setText("\n".join(warnings))
        self.warnings.setVisible(bool(warnings))
        self._fit_columns()
        notes = " ".join(with_local_dates(note) for note in self.result.notes)
        self.source.setText(_("Rules version {version} (in force on {on}). {source} {notes}").format(
            version=self.result.rules_version, on=format_date(on), source=self.result.rules_source, notes=notes))
        self.checked.emit()
