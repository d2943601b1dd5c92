"""Further stable codes of the case file (beside app/models/codes.py).

Kept in their own module so the case-file work adds to the code lists without
editing the shared one; the same rule applies: stored codes never change once
released, new ones are added.
"""

from __future__ import annotations

from enum import StrEnum


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    DIVERSE = "diverse"
    UNSPECIFIED = "unspecified"


class Indication(StrEnum):
    """Why case management (and not a standard service) is indicated (DGCC intake)."""

    COMPLEX_NEEDS = "complex_needs"
    SEVERAL_SERVICES = "several_services"
    STANDARD_ROUTES_FAILED = "standard_routes_failed"


class ClosingReason(StrEnum):
    GOALS_ATTAINED = "goals_attained"
    HANDED_OVER = "handed_over"  # to the legally responsible case management
    REFERRAL_COMPLETED = "referral_completed"  # Verweisberatung done
    MOVED_AWAY = "moved_away"
    DECLINED_BY_PERSON = "declined_by_person"
    NO_CONTACT = "no_contact"
    NOT_INDICATED = "not_indicated"  # intake found no case-management need
    DEPORTED_OR_LEFT = "deported_or_left"
    OTHER = "other"


class ReferralStatus(StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    COMPLETED = "completed"


class DocumentType(StrEnum):
    CONSENT_FORM = "consent_form"
    ID_DOCUMENT = "id_document"
    RESIDENCE_DOCUMENT = "residence_document"
    CERTIFICATE = "certificate"
    LETTER = "letter"
    APPLICATION = "application"
    AGREEMENT = "agreement"
    OTHER = "other"


GERMAN_LEVELS: tuple[str, ...] = ("A1", "A2", "B1", "B2", "C1", "C2")
