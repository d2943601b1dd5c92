"""Stable codes used across the case file. Labels for users live in the UI/i18n layer.

Codes are stored in the database and travel in sync segments and exports, so
they never change once released; add new ones instead.
"""

from __future__ import annotations

from enum import StrEnum


class GoalArea(StrEnum):
    """The eight goal areas of KIM Baustein 2 (DOMAIN.md)."""

    RESIDENCE = "residence"
    NEEDS = "needs"
    LANGUAGE = "language"
    EDUCATION_WORK = "education_work"
    HEALTH = "health"
    MENTAL_HEALTH = "mental_health"
    NETWORKS = "networks"
    PERSPECTIVES = "perspectives"


GOAL_AREAS: tuple[str, ...] = tuple(area.value for area in GoalArea)

# Health entries are special-category data (GDPR Art. 9).
SPECIAL_CATEGORY_AREAS = frozenset({GoalArea.HEALTH.value, GoalArea.MENTAL_HEALTH.value})


class CaseType(StrEnum):
    CASE_MANAGEMENT = "case_management"
    REFERRAL_ADVICE = "referral_advice"  # Verweisberatung


class Phase(StrEnum):
    """The DGCC case-management cycle, in order."""

    INTAKE = "intake"
    ASSESSMENT = "assessment"
    PLANNING = "planning"
    IMPLEMENTATION = "implementation"
    MONITORING = "monitoring"
    CLOSED = "closed"


PHASES: tuple[str, ...] = tuple(phase.value for phase in Phase)


class CaseStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    CLOSED = "closed"


class IntakeSource(StrEnum):
    SELF = "self"
    SHELTER = "shelter"
    AUTHORITY = "authority"
    SERVICE = "service"
    OTHER = "other"


class ContactKind(StrEnum):
    MEETING = "meeting"
    PHONE = "phone"
    HOME_VISIT = "home_visit"
    CASE_CONFERENCE = "case_conference"
    EMAIL = "email"
    ACCOMPANIMENT = "accompaniment"
    OTHER = "other"


class GoalStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    ATTAINED = "attained"
    PARTLY_ATTAINED = "partly_attained"
    NOT_ATTAINED = "not_attained"
    DROPPED = "dropped"


class LegalDomain(StrEnum):
    """Legal domains of agencies; the report counts referrals per domain."""

    SGB_II = "SGB II"
    SGB_III = "SGB III"
    SGB_VIII = "SGB VIII"
    SGB_XII = "SGB XII"
    ASYLBLG = "AsylbLG"
    AUFENTHG = "AufenthG"
    MBE = "MBE"
    JMD = "JMD"
    HEALTH = "health"
    EDUCATION = "education"
    OTHER = "other"


class ResidenceDocumentType(StrEnum):
    DULDUNG = "duldung"
    GESTATTUNG = "gestattung"
    AUFENTHALTSERLAUBNIS = "aufenthaltserlaubnis"
    FIKTIONSBESCHEINIGUNG = "fiktionsbescheinigung"
    NIEDERLASSUNGSERLAUBNIS = "niederlassungserlaubnis"
    ANKUNFTSNACHWEIS = "ankunftsnachweis"
    OTHER = "other"


class PassportStatus(StrEnum):
    HAS = "has"
    APPLIED = "applied"
    NONE = "none"


class DataCategory(StrEnum):
    """What a consent allows to be shared. Health ones are GDPR Art. 9 data."""

    IDENTITY = "identity"
    RESIDENCE = "residence"
    SOCIAL = "social"
    EDUCATION_WORK = "education_work"
    FINANCIAL = "financial"
    HEALTH = "health"
    MENTAL_HEALTH = "mental_health"


SPECIAL_CATEGORIES = frozenset({DataCategory.HEALTH.value, DataCategory.MENTAL_HEALTH.value})


class MeasureKind(StrEnum):
    LANGUAGE_COURSE = "language_course"
    VOCATIONAL_PREPARATION = "vocational_preparation"
    TRAINING = "training"
    PROGRAMME = "programme"
    COUNSELLING = "counselling"
    OTHER = "other"


class MeasureOutcome(StrEnum):
    ONGOING = "ongoing"
    ATTAINED = "attained"
    NOT_ATTAINED = "not_attained"
    DROPPED_OUT = "dropped_out"


class DeadlineKind(StrEnum):
    DULDUNG_EXPIRY = "duldung_expiry"
    GESTATTUNG_EXPIRY = "gestattung_expiry"
    PERMIT_EXPIRY = "permit_expiry"
    PASSPORT_EXPIRY = "passport_expiry"
    BIRTHDAY_27 = "birthday_27"
    STAY_REQUIREMENT = "stay_requirement"
    REVIEW = "review"
    AGREEMENT_STEP = "agreement_step"
    CONSENT_EXPIRY = "consent_expiry"
    GOAL_TARGET = "goal_target"
    OTHER = "other"


class AgreementStatus(StrEnum):
    DRAFT = "draft"
    IN_FORCE = "in_force"
    FULFILLED = "fulfilled"
    ENDED = "ended"


class StepParty(StrEnum):
    PERSON = "person"
    AUTHORITY = "authority"
    CASE_MANAGER = "case_manager"
    OTHER = "other"


class StepStatus(StrEnum):
    OPEN = "open"
    FULFILLED = "fulfilled"
    MISSED = "missed"
    WAIVED = "waived"
