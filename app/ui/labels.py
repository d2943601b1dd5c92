"""What users see for the stable codes of the case file (app/models/codes.py, case_codes.py).

One module for every code label, so a translator finds them together and two
screens never name the same thing differently. Source strings are English,
marked with ``N_`` (the German catalog comes with the i18n step); screens call
:func:`label` (or the per-kind helpers), which translates when shown.

No Qt here: the command line prints the same words (``lotse deadlines``,
``lotse agreements``).

Codes without an entry fall back to the code itself, so a code added by a
later version (or synced from a newer device) still shows, just untranslated.
"""

from __future__ import annotations

from app.i18n import N_, _

# The eight goal areas of KIM Baustein 2 (DOMAIN.md): the meaning as the English source.
GOAL_AREA_LABELS: dict[str, str] = {
    "residence": N_("Secure residence and develop a prospect to stay"),
    "needs": N_("Meet personal needs (housing, living, money)"),
    "language": N_("Enable access to language"),
    "education_work": N_("Open access to education, training and work"),
    "health": N_("Establish access to medical care"),
    "mental_health": N_("Secure or restore psychological stability"),
    "networks": N_("Strengthen existing networks and develop new ones"),
    "perspectives": N_("Develop personal perspectives"),
}

# Short forms for tight places (cards, table columns, filters).
GOAL_AREA_SHORT: dict[str, str] = {
    "residence": N_("Residence"),
    "needs": N_("Housing, living, money"),
    "language": N_("Language"),
    "education_work": N_("Education and work"),
    "health": N_("Medical care"),
    "mental_health": N_("Psychological stability"),
    "networks": N_("Networks"),
    "perspectives": N_("Personal perspectives"),
}

PHASE_LABELS: dict[str, str] = {
    "intake": N_("Intake"),
    "assessment": N_("Assessment"),
    "planning": N_("Goals and plan"),
    "implementation": N_("Implementation"),
    "monitoring": N_("Monitoring"),
    "closed": N_("Evaluation and closing"),
}

# Short forms for the phase stepper.
PHASE_SHORT: dict[str, str] = {**PHASE_LABELS, "closed": N_("Closing")}

# The phase as a state of the case ("closed" is the end, not the evaluation work).
PHASE_STATE_LABELS: dict[str, str] = {**PHASE_LABELS, "closed": N_("Closed")}

CASE_STATUS_LABELS: dict[str, str] = {
    "active": N_("Active"),
    "paused": N_("Paused"),
    "closed": N_("Closed"),
}

CASE_TYPE_LABELS: dict[str, str] = {
    "case_management": N_("Case management"),
    "referral_advice": N_("Referral advice (Verweisberatung)"),
}

INTAKE_SOURCE_LABELS: dict[str, str] = {
    "self": N_("Came on their own"),
    "shelter": N_("Referred by the shelter"),
    "authority": N_("Referred by an authority"),
    "service": N_("Referred by another service"),
    "other": N_("Other way"),
}

INDICATION_LABELS: dict[str, str] = {
    "complex_needs": N_("Complex needs in several areas"),
    "several_services": N_("Several services are involved"),
    "standard_routes_failed": N_("Standard routes have not worked"),
}

CLOSING_REASON_LABELS: dict[str, str] = {
    "goals_attained": N_("Goals attained"),
    "handed_over": N_("Handed over to the responsible case management"),
    "referral_completed": N_("Referral advice completed"),
    "moved_away": N_("Moved away"),
    "declined_by_person": N_("Declined by the person"),
    "no_contact": N_("No contact any more"),
    "not_indicated": N_("Case management not indicated"),
    "deported_or_left": N_("Deported or left the country"),
    "other": N_("Other reason"),
}

GENDER_LABELS: dict[str, str] = {
    "female": N_("Female"),
    "male": N_("Male"),
    "diverse": N_("Diverse"),
    "unspecified": N_("Not specified"),
}

RESIDENCE_STATUS_LABELS: dict[str, str] = {
    "duldung": N_("Duldung (tolerated stay)"),
    "gestattung": N_("Aufenthaltsgestattung (asylum pending)"),
    "aufenthaltserlaubnis": N_("Aufenthaltserlaubnis (residence permit)"),
    "fiktionsbescheinigung": N_("Fiktionsbescheinigung"),
    "niederlassungserlaubnis": N_("Niederlassungserlaubnis (settlement permit)"),
    "ankunftsnachweis": N_("Ankunftsnachweis (proof of arrival)"),
    "other": N_("Other"),
}

# The German legal terms alone, for tables and the header.
RESIDENCE_STATUS_SHORT: dict[str, str] = {
    "duldung": N_("Duldung"),
    "gestattung": N_("Gestattung"),
    "aufenthaltserlaubnis": N_("Aufenthaltserlaubnis"),
    "fiktionsbescheinigung": N_("Fiktionsbescheinigung"),
    "niederlassungserlaubnis": N_("Niederlassungserlaubnis"),
    "ankunftsnachweis": N_("Ankunftsnachweis"),
    "other": N_("Other"),
}

PASSPORT_STATUS_LABELS: dict[str, str] = {
    "has": N_("Has a passport"),
    "applied": N_("Applied for"),
    "none": N_("No passport"),
}

GOAL_STATUS_LABELS: dict[str, str] = {
    "open": N_("Open"),
    "in_progress": N_("In progress"),
    "attained": N_("Attained"),
    "partly_attained": N_("Partly attained"),
    "not_attained": N_("Not attained"),
    "dropped": N_("Dropped"),
}

NEED_LEVEL_LABELS: dict[int, str] = {
    0: N_("No need"),
    1: N_("Low need"),
    2: N_("Medium need"),
    3: N_("High need"),
}

PROGRAMME_LABELS: dict[str, str] = {
    "kim": N_("KIM"),
    "gk": N_("Gemeinsam klappt's"),
}

CONTACT_KIND_LABELS: dict[str, str] = {
    "meeting": N_("Meeting"),
    "phone": N_("Phone call"),
    "home_visit": N_("Home visit"),
    "case_conference": N_("Case conference"),
    "email": N_("E-mail"),
    "accompaniment": N_("Accompaniment"),
    "other": N_("Other"),
}

LEGAL_DOMAIN_LABELS: dict[str, str] = {
    "SGB II": N_("SGB II (Jobcenter)"),
    "SGB III": N_("SGB III (Agentur für Arbeit)"),
    "SGB VIII": N_("SGB VIII (Jugendamt)"),
    "SGB XII": N_("SGB XII (Sozialamt)"),
    "AsylbLG": N_("AsylbLG (Sozialamt)"),
    "AufenthG": N_("AufenthG (Ausländerbehörde)"),
    "MBE": N_("MBE (migration advice for adults)"),
    "JMD": N_("JMD (youth migration service)"),
    "health": N_("Health services"),
    "education": N_("Education"),
    "other": N_("Other"),
}

DATA_CATEGORY_LABELS: dict[str, str] = {
    "identity": N_("Identity"),
    "residence": N_("Residence"),
    "social": N_("Social situation"),
    "education_work": N_("Education and work"),
    "financial": N_("Finances"),
    "health": N_("Health"),
    "mental_health": N_("Mental health"),
}

REFERRAL_STATUS_LABELS: dict[str, str] = {
    "open": N_("Open"),
    "accepted": N_("Accepted"),
    "declined": N_("Declined"),
    "completed": N_("Completed"),
}

CONSENT_STATE_LABELS: dict[str, str] = {
    "valid": N_("Valid"),
    "not_yet_valid": N_("Not yet valid"),
    "expiring": N_("Expiring soon"),
    "expired": N_("Expired"),
    "withdrawn": N_("Withdrawn"),
}

DOCUMENT_TYPE_LABELS: dict[str, str] = {
    "consent_form": N_("Consent form"),
    "id_document": N_("ID document"),
    "residence_document": N_("Residence document"),
    "certificate": N_("Certificate"),
    "letter": N_("Letter"),
    "application": N_("Application"),
    "agreement": N_("Agreement"),
    "other": N_("Other"),
}

MEASURE_KIND_LABELS: dict[str, str] = {
    "language_course": N_("Language course"),
    "vocational_preparation": N_("Vocational preparation"),
    "training": N_("Training"),
    "programme": N_("Programme"),
    "counselling": N_("Counselling"),
    "other": N_("Other"),
}

MEASURE_OUTCOME_LABELS: dict[str, str] = {
    "ongoing": N_("Ongoing"),
    "attained": N_("Attained"),
    "not_attained": N_("Not attained"),
    "dropped_out": N_("Dropped out"),
}

DEADLINE_KIND_LABELS: dict[str, str] = {
    "duldung_expiry": N_("Duldung expires"),
    "gestattung_expiry": N_("Gestattung expires"),
    "permit_expiry": N_("Residence permit expires"),
    "passport_expiry": N_("Passport expires"),
    "birthday_27": N_("Day before the 27th birthday (§25a)"),
    "stay_requirement": N_("Stay requirement met"),
    "review": N_("Review"),
    "agreement_step": N_("Agreement step"),
    "consent_expiry": N_("Consent expires"),
    "goal_target": N_("Goal target date"),
    "other": N_("Other"),
}

AGREEMENT_STATUS_LABELS: dict[str, str] = {
    "draft": N_("Draft"),
    "in_force": N_("In force"),
    "fulfilled": N_("Fulfilled"),
    "ended": N_("Ended"),
}

STEP_PARTY_LABELS: dict[str, str] = {
    "person": N_("The person"),
    "authority": N_("Foreign nationals authority"),
    "case_manager": N_("Case manager"),
    "other": N_("Other"),
}

STEP_STATUS_LABELS: dict[str, str] = {
    "open": N_("Open"),
    "fulfilled": N_("Fulfilled"),
    "missed": N_("Missed"),
    "waived": N_("Waived"),
}

# What a step means today (agreement_steps.StepState): the words of the CLI's lists.
STEP_STATE_LABELS: dict[str, str] = {
    "waiting": N_("waiting"),
    "due": N_("due"),
    "overdue": N_("overdue"),
    "fulfilled": N_("fulfilled"),
    "missed": N_("missed"),
    "waived": N_("waived"),
}


def label(labels: dict, code: object, empty: str = "") -> str:
    """The translated label of ``code`` in ``labels``; the code itself when unknown."""
    if code is None or code == "":
        return empty
    source = labels.get(code)
    return _(source) if source is not None else str(code)


def choices(labels: dict) -> list[tuple[str, object]]:
    """(translated label, code) pairs in the declared order, for combo boxes."""
    return [(_(text), code) for code, text in labels.items()]


def goal_area(code: str) -> str:
    return label(GOAL_AREA_LABELS, code)


def goal_area_short(code: str) -> str:
    return label(GOAL_AREA_SHORT, code)


def phase(code: str) -> str:
    return label(PHASE_LABELS, code)


def phase_state(code: str) -> str:
    return label(PHASE_STATE_LABELS, code)


def residence_status(code: str, empty: str = "") -> str:
    return label(RESIDENCE_STATUS_SHORT, code, empty)
