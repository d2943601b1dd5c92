"""One line of the deadline list, whatever it came from, and the texts that describe it.

The texts are English source text, translated for the interface language;
dates in them stay ISO (the CLI prints them as they are, the screens turn them
into the interface language's format with ``with_local_dates``).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from app.code_labels import goal_area_label
from app.i18n import N_, _
from app.models.codes import DeadlineKind, ResidenceDocumentType, StepParty

# Sources whose deadline is computed from the case file on every call. A stored
# ``Deadline`` row with such a source (an import, the demo, a deadline ticked
# off by hand) never stands on its own: the live item replaces it.
MANUAL = "manual"
DERIVED_SOURCE_PREFIXES = ("residence_document:", "passport", "rule:", "agreement_step:", "consent:", "goal:")

EXPIRY_KIND_BY_DOCUMENT = {
    ResidenceDocumentType.DULDUNG.value: DeadlineKind.DULDUNG_EXPIRY.value,
    ResidenceDocumentType.GESTATTUNG.value: DeadlineKind.GESTATTUNG_EXPIRY.value,
    ResidenceDocumentType.ANKUNFTSNACHWEIS.value: DeadlineKind.GESTATTUNG_EXPIRY.value,
    ResidenceDocumentType.AUFENTHALTSERLAUBNIS.value: DeadlineKind.PERMIT_EXPIRY.value,
    ResidenceDocumentType.FIKTIONSBESCHEINIGUNG.value: DeadlineKind.PERMIT_EXPIRY.value,
    ResidenceDocumentType.NIEDERLASSUNGSERLAUBNIS.value: DeadlineKind.PERMIT_EXPIRY.value,
}

# English source texts, translated where they are used (German legal names stay as they are).
DOCUMENT_NAMES = {
    ResidenceDocumentType.DULDUNG.value: N_("Duldung"),
    ResidenceDocumentType.GESTATTUNG.value: N_("Aufenthaltsgestattung"),
    ResidenceDocumentType.AUFENTHALTSERLAUBNIS.value: N_("Residence permit"),
    ResidenceDocumentType.FIKTIONSBESCHEINIGUNG.value: N_("Fiktionsbescheinigung"),
    ResidenceDocumentType.NIEDERLASSUNGSERLAUBNIS.value: N_("Settlement permit"),
    ResidenceDocumentType.ANKUNFTSNACHWEIS.value: N_("Proof of arrival (Ankunftsnachweis)"),
}

KIND_TEXTS = {
    DeadlineKind.REVIEW.value: N_("Review date"),
    DeadlineKind.GOAL_TARGET.value: N_("Target date of a goal"),
    DeadlineKind.DULDUNG_EXPIRY.value: N_("The Duldung expires"),
    DeadlineKind.GESTATTUNG_EXPIRY.value: N_("The Aufenthaltsgestattung expires"),
    DeadlineKind.PERMIT_EXPIRY.value: N_("The residence permit expires"),
    DeadlineKind.PASSPORT_EXPIRY.value: N_("The passport expires"),
    DeadlineKind.BIRTHDAY_27.value: N_("Last day to apply for § 25a"),
    DeadlineKind.STAY_REQUIREMENT.value: N_("A stay requirement is met"),
    DeadlineKind.AGREEMENT_STEP.value: N_("A step of the agreement is due"),
    DeadlineKind.CONSENT_EXPIRY.value: N_("A consent expires"),
}

PARTY_NAMES = {
    StepParty.PERSON.value: N_("person"),
    StepParty.AUTHORITY.value: N_("authority"),
    StepParty.CASE_MANAGER.value: N_("case manager"),
    StepParty.OTHER.value: N_("other party"),
}


class DeadlineItem(NamedTuple):
    """A date not to miss in an open case.

    ``source`` says where it comes from: ``manual`` (or another source a
    stored deadline was given), ``residence_document:<id>``, ``passport``,
    ``rule:25a`` …, ``agreement_step:<id>``, ``consent:<id>``, ``goal:<id>``.
    ``deadline_id`` is the stored ``Deadline`` row behind it, if there is
    one, so it can be ticked off. (A named tuple: the overview builds
    thousands of them, and a tuple is made several times faster than a frozen
    dataclass.)
    """

    case_id: str
    ref: str
    name: str
    kind: str  # DeadlineKind
    due: date
    overdue: bool
    source: str
    text: str
    done: bool = False
    deadline_id: str | None = None

    def days_until(self, today: date) -> int:
        """Days from ``today`` to the due date; negative when overdue."""
        return (self.due - today).days

    def to_json(self) -> dict:
        return {
            "ref": self.ref,
            "name": self.name,
            "kind": self.kind,
            "due": self.due.isoformat(),
            "overdue": self.overdue,
            "source": self.source,
            "text": self.text,
        }


def sort_key(item: DeadlineItem) -> tuple:
    """Overdue first, then by due date; ties in a stable order."""
    return (not item.overdue, item.due, item.ref, item.kind, item.source)


def is_derived(source: str) -> bool:
    return source.startswith(DERIVED_SOURCE_PREFIXES)


def person_name(given: str | None, family: str | None) -> str:
    if given and family:
        return f"{given} {family}"
    return given or family or ""


def document_text(doc_type: str, paragraph: str, valid_until: date, today: date) -> str:
    name = _(DOCUMENT_NAMES.get(doc_type, N_("Residence document")))
    if paragraph.strip():
        name = f"{name} ({paragraph.strip()})"
    if valid_until < today:
        return _("{document} expired on {date}").format(document=name, date=valid_until.isoformat())
    return _("{document} valid until {date}").format(document=name, date=valid_until.isoformat())


def passport_text(valid_until: date, today: date) -> str:
    if valid_until < today:
        return _("Passport expired on {date}").format(date=valid_until.isoformat())
    return _("Passport valid until {date}").format(date=valid_until.isoformat())


def consent_text(agency_name: str, valid_until: date) -> str:
    return _("Consent for {agency} valid until {date}").format(agency=agency_name, date=valid_until.isoformat())


def goal_text(area: str, goal: str) -> str:
    goal = " ".join(goal.split())
    if len(goal) > 80:
        goal = goal[:79] + "…"
    return _("Target date of a goal in “{area}”: {goal}").format(area=goal_area_label(area), goal=goal)


def step_text(title: str, position: int, party: str, action: str, state: str) -> str:
    action = " ".join(action.split())
    party_name = _(PARTY_NAMES[party]) if party in PARTY_NAMES else party
    if state == "missed":
        return _("{title}, step {position} ({party}): {action} — recorded as missed").format(
            title=title, position=position, party=party_name, action=action)
    return _("{title}, step {position} ({party}): {action}").format(
        title=title, position=position, party=party_name, action=action)


def stored_text(kind: str, note: str) -> str:
    return note.strip() or _(KIND_TEXTS.get(kind, N_("Deadline")))
