"""What the document renderers print: plain, frozen values, no ORM objects.

The services map models to these types, so the renderers never touch a
session and never lazy-load (they run in the CLI, in tests and in worker
threads). Every ``str`` here is plain text as a user typed it; the renderers
escape it for ReportLab's markup themselves, so callers must not escape.

Dates are ``datetime.date``; a birth date may be partial, so
``PartialDate`` also accepts ``"YYYY"`` or ``"YYYY-MM"`` strings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

PartialDate = date | str | None

# Zug-um-Zug step parties and statuses (DOMAIN.md "Zug-um-Zug agreement").
StepParty = Literal["person", "authority", "case_manager", "other"]
StepStatus = Literal["open", "fulfilled", "missed", "waived"]


@dataclass(frozen=True)
class Organisation:
    """The sending organisation: letterhead, return address, footer."""

    name: str
    address_lines: tuple[str, ...]  # e.g. ("Marktstraße 1", "48431 Rheine")
    phone: str = ""
    email: str = ""
    logo_path: Path | None = None  # PNG or JPEG from the settings; drawn top right
    department: str = ""  # e.g. "Kommunales Integrationsmanagement"
    website: str = ""


# The brief's name for the same thing: a letter's sender is an organisation.
Sender = Organisation


@dataclass(frozen=True)
class Recipient:
    """An agency from the directory, as its address field shows it."""

    name: str
    address_lines: tuple[str, ...]  # street (or PO box), "PLZ Ort"
    department: str = ""
    contact_person: str = ""  # printed as its own line, e.g. "Frau Anna Müller"


@dataclass(frozen=True)
class ConsentStatement:
    """The consent a letter relies on (DOMAIN.md "Data protection")."""

    given_by: str  # the person's name
    given_on: date
    recipient_scope: str  # whom it covers, e.g. "Jobcenter Kreis Steinfurt"
    categories: tuple[str, ...]  # data categories as labels, e.g. ("Personalien", "Gesundheit")
    purpose: str
    valid_until: date | None = None


@dataclass(frozen=True)
class LetterData:
    """A referral letter in DIN 5008 form B; ``body`` holds the final paragraphs."""

    sender: Organisation
    recipient: Recipient
    reference: str  # Aktenzeichen, e.g. "2026-0042"
    contact_person: str  # the case manager named in the information block
    phone: str
    email: str
    date: date
    subject: str
    salutation: str
    body: tuple[str, ...]
    consent: ConsentStatement | None  # None only when a logged override stands in for it
    closing: str = "Mit freundlichen Grüßen"
    signer: str = ""
    signer_role: str = ""
    enclosures: tuple[str, ...] = ()
    their_reference: str = ""  # "Ihr Zeichen", when the agency gave one
    confidential: bool = True  # prints "Vertraulich" in the endorsement zone


@dataclass(frozen=True)
class AgreementParty:
    """One party of a Zug-um-Zug agreement."""

    name: str  # the person's name, or the officer's / case manager's name
    organisation: str = ""  # e.g. "Ausländerbehörde Kreis Steinfurt"
    address_lines: tuple[str, ...] = ()
    details: tuple[str, ...] = ()  # e.g. ("geb. 01.02.2001", "Staatsangehörigkeit: Syrien")


@dataclass(frozen=True)
class AgreementStep:
    """One link of the chain; ``party`` decides the column it stands in."""

    party: StepParty
    action: str
    due: date | None = None
    status: StepStatus = "open"
    proof: str = ""  # what proves it, e.g. "Quittung der Botschaft"
    done_on: date | None = None


@dataclass(frozen=True)
class AgreementData:
    """A Zug-um-Zug agreement between a tolerated person and the ABH."""

    reference: str
    person: AgreementParty
    authority: AgreementParty
    case_manager: AgreementParty | None
    steps: tuple[AgreementStep, ...]  # in the agreed order
    date: date
    place: str = ""
    organisation: Organisation | None = None  # letterhead of whoever prints it
    preamble: str = ""  # optional free text above the steps


@dataclass(frozen=True)
class DataCategory:
    """A category of data; ``special`` marks Art. 9 GDPR data such as health."""

    label: str
    special: bool = False
    code: str = ""  # the code (``"health"``): a translated form prints the category in both languages

    @classmethod
    def from_code(cls, code: str) -> DataCategory:
        """From a consent's category code (``"health"``), labelled in German."""
        # Imported here so that importing the input types loads no ORM code.
        from app.documents.labels import DATA_CATEGORY_LABELS
        from app.models.codes import SPECIAL_CATEGORIES

        return cls(DATA_CATEGORY_LABELS.get(code, code), code in SPECIAL_CATEGORIES, code)


@dataclass(frozen=True)
class ConsentFormData:
    """An Einwilligung / Schweigepflichtentbindung to print for signature."""

    organisation: Organisation
    person_name: str
    person_birth_date: PartialDate
    person_address_lines: tuple[str, ...]
    reference: str
    recipients: tuple[Recipient, ...]
    categories: tuple[DataCategory, ...]
    purpose: str
    valid_until: date | None  # None: until withdrawn or the case is closed
    case_manager: str = ""
    place: str = ""


@dataclass(frozen=True)
class Art15Statements:
    """What Art. 15 (1)-(2) GDPR requires besides the data itself."""

    controller: str  # name and address of the controller
    purposes: tuple[str, ...]
    categories: tuple[str, ...]
    recipients: tuple[str, ...]  # categories of recipients; letters sent come from the data
    storage_period: str
    sources: tuple[str, ...]
    data_protection_officer: str = ""
    supervisory_authority: str = (
        "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen "
        "(LDI NRW), Kavalleriestraße 2–4, 40213 Düsseldorf"
    )
    automated_decisions: str = (
        "Eine automatisierte Entscheidungsfindung einschließlich Profiling "
        "(Art. 22 DSGVO) findet nicht statt."
    )
    third_country_transfers: str = "Eine Übermittlung in Drittländer findet nicht statt."


@dataclass(frozen=True)
class SubjectExportData:
    """Everything stored on one person, for the GDPR Art. 15 copy.

    ``data`` is JSON-able: section key -> dict, list of dicts or scalar. Known
    keys (person, case, goal_areas, contacts, referrals, consents, barriers,
    documents, letters, audit) get German titles and a fixed order; any other
    key is printed too, after them, so a new model field never goes missing.
    """

    organisation: Organisation
    subject_name: str
    reference: str
    generated_on: date
    data: Mapping[str, Any]
    statements: Art15Statements
    extra: Mapping[str, Any] = field(default_factory=dict)  # e.g. export id, vault user


@dataclass(frozen=True)
class AppointmentLetterData:
    """An invitation to the person (Terminbrief), DIN 5008 form B, in their language.

    ``bring`` holds keys of ``app.documents.messages.BRING_ITEMS`` (printed
    translated) or free text the case manager typed (printed as typed).
    """

    sender: Organisation
    recipient_name: str
    recipient_address_lines: tuple[str, ...]
    reference: str
    date: date
    starts_at: datetime
    place_lines: tuple[str, ...]  # where to come: address, room
    host: str  # who invites: the case manager the person meets
    phone: str = ""
    email: str = ""
    bring: tuple[str, ...] = ()
