"""One line of the deadline list, whatever it came from, and the texts that describe it."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

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

DOCUMENT_NAMES = {
    ResidenceDocumentType.DULDUNG.value: "Duldung",
    ResidenceDocumentType.GESTATTUNG.value: "Aufenthaltsgestattung",
    ResidenceDocumentType.AUFENTHALTSERLAUBNIS.value: "Residence permit",
    ResidenceDocumentType.FIKTIONSBESCHEINIGUNG.value: "Fiktionsbescheinigung",
    ResidenceDocumentType.NIEDERLASSUNGSERLAUBNIS.value: "Settlement permit",
    ResidenceDocumentType.ANKUNFTSNACHWEIS.value: "Proof of arrival (Ankunftsnachweis)",
}

KIND_TEXTS = {
    DeadlineKind.REVIEW.value: "Review date",
    DeadlineKind.GOAL_TARGET.value: "Target date of a goal",
    DeadlineKind.DULDUNG_EXPIRY.value: "The Duldung expires",
    DeadlineKind.GESTATTUNG_EXPIRY.value: "The Aufenthaltsgestattung expires",
    DeadlineKind.PERMIT_EXPIRY.value: "The residence permit expires",
    DeadlineKind.PASSPORT_EXPIRY.value: "The passport expires",
    DeadlineKind.BIRTHDAY_27.value: "Last day to apply for § 25a",
    DeadlineKind.STAY_REQUIREMENT.value: "A stay requirement is met",
    DeadlineKind.AGREEMENT_STEP.value: "A step of the agreement is due",
    DeadlineKind.CONSENT_EXPIRY.value: "A consent expires",
}

PARTY_NAMES = {
    StepParty.PERSON.value: "person",
    StepParty.AUTHORITY.value: "authority",
    StepParty.CASE_MANAGER.value: "case manager",
    StepParty.OTHER.value: "other party",
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
    name = DOCUMENT_NAMES.get(doc_type, "Residence document")
    if paragraph.strip():
        name = f"{name} ({paragraph.strip()})"
    if valid_until < today:
        return f"{name} expired on {valid_until.isoformat()}"
    return f"{name} valid until {valid_until.isoformat()}"


def passport_text(valid_until: date, today: date) -> str:
    if valid_until < today:
        return f"Passport expired on {valid_until.isoformat()}"
    return f"Passport valid until {valid_until.isoformat()}"


def consent_text(agency_name: str, valid_until: date) -> str:
    return f"Consent for {agency_name} valid until {valid_until.isoformat()}"


def goal_text(area: str, goal: str) -> str:
    goal = " ".join(goal.split())
    if len(goal) > 80:
        goal = goal[:79] + "…"
    return f"Target date of a goal ({area}): {goal}"


def step_text(title: str, position: int, party: str, action: str, state: str) -> str:
    action = " ".join(action.split())
    text = f"{title}, step {position} ({PARTY_NAMES.get(party, party)}): {action}"
    if state == "missed":
        text += " — recorded as missed"
    return text


def stored_text(kind: str, note: str) -> str:
    return note.strip() or KIND_TEXTS.get(kind, "Deadline")
