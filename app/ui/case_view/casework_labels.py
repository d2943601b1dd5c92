"""What users read for the codes the casework tabs show (English source, wrapped for gettext).

Codes are stable and stored (app/models/codes.py, case_codes.py); these labels
may change freely. German comes from the catalogs; the German goal-area names
are those of the DOMAIN.md table.
"""

from __future__ import annotations

from app.i18n import N_, _

# Short forms for chips and table columns; GOAL_AREA_TITLES has the programme's wording.
GOAL_AREA_LABELS: dict[str, str] = {
    "residence": N_("Residence"),
    "needs": N_("Personal needs"),
    "language": N_("Language"),
    "education_work": N_("Education and work"),
    "health": N_("Health"),
    "mental_health": N_("Mental health"),
    "networks": N_("Networks"),
    "perspectives": N_("Perspectives"),
}

GOAL_AREA_TITLES: dict[str, str] = {
    "residence": N_("Secure residence and develop a prospect to stay"),
    "needs": N_("Meet personal needs (housing, living, money)"),
    "language": N_("Enable access to language"),
    "education_work": N_("Open access to education, training and work"),
    "health": N_("Establish access to medical care"),
    "mental_health": N_("Secure or establish psychological stability"),
    "networks": N_("Strengthen existing networks and develop new ones"),
    "perspectives": N_("(Further) develop personal perspectives"),
}

CONTACT_KIND_LABELS: dict[str, str] = {
    "meeting": N_("Meeting"),
    "phone": N_("Phone call"),
    "home_visit": N_("Home visit"),
    "case_conference": N_("Case conference"),
    "email": N_("E-mail"),
    "accompaniment": N_("Accompaniment"),
    "other": N_("Other contact"),
}

# resources/icons/<name>.svg per contact kind
CONTACT_KIND_ICONS: dict[str, str] = {
    "meeting": "contact-meeting",
    "phone": "contact-phone",
    "home_visit": "contact-home-visit",
    "case_conference": "contact-case-conference",
    "email": "contact-email",
    "accompaniment": "contact-accompaniment",
    "other": "contact-other",
}

REFERRAL_STATUS_LABELS: dict[str, str] = {
    "open": N_("Open"),
    "accepted": N_("Accepted"),
    "declined": N_("Declined"),
    "completed": N_("Completed"),
}

DATA_CATEGORY_LABELS: dict[str, str] = {
    "identity": N_("Identity"),
    "residence": N_("Residence status"),
    "social": N_("Social situation"),
    "education_work": N_("Education and work"),
    "financial": N_("Financial situation"),
    "health": N_("Health"),
    "mental_health": N_("Mental health"),
}

CONSENT_STATE_LABELS: dict[str, str] = {
    "valid": N_("Valid"),
    "expiring": N_("Expiring soon"),
    "expired": N_("Expired"),
    "withdrawn": N_("Withdrawn"),
    "not_yet_valid": N_("Not yet valid"),
}

MEASURE_KIND_LABELS: dict[str, str] = {
    "language_course": N_("Language course"),
    "vocational_preparation": N_("Vocational preparation"),
    "training": N_("Training"),
    "programme": N_("Programme"),
    "counselling": N_("Counselling"),
    "other": N_("Other measure"),
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
    "other": N_("Other deadline"),
}

# A deadline's source is "<where>" or "<where>:<id>" ("rule:<§>" for the residence rules).
DEADLINE_SOURCE_LABELS: dict[str, str] = {
    "manual": N_("Entered by hand"),
    "residence_document": N_("Residence document"),
    "passport": N_("Passport"),
    "goal": N_("Goal"),
    "agreement_step": N_("Agreement"),
    "consent": N_("Consent"),
}

DOCUMENT_TYPE_LABELS: dict[str, str] = {
    "consent_form": N_("Consent form"),
    "id_document": N_("ID document"),
    "residence_document": N_("Residence document"),
    "certificate": N_("Certificate"),
    "letter": N_("Letter"),
    "application": N_("Application"),
    "agreement": N_("Agreement"),
    "other": N_("Other document"),
}

LEGAL_DOMAIN_LABELS: dict[str, str] = {
    "SGB II": N_("SGB II (Jobcenter)"),
    "SGB III": N_("SGB III (employment agency)"),
    "SGB VIII": N_("SGB VIII (youth welfare)"),
    "SGB XII": N_("SGB XII (social welfare)"),
    "AsylbLG": N_("AsylbLG (asylum seekers' benefits)"),
    "AufenthG": N_("AufenthG (foreign nationals authority)"),
    "MBE": N_("MBE (migration counselling for adults)"),
    "JMD": N_("JMD (youth migration service)"),
    "health": N_("Health"),
    "education": N_("Education"),
    "other": N_("Other"),
}

# Short forms for table columns: the legal codes as such, the rest in words.
LEGAL_DOMAIN_SHORT: dict[str, str] = {
    **{code: code for code in ("SGB II", "SGB III", "SGB VIII", "SGB XII", "AsylbLG", "AufenthG", "MBE", "JMD")},
    "health": N_("Health"),
    "education": N_("Education"),
    "other": N_("Other"),
}


def deadline_source_label(source: str | None) -> str:
    where, _sep, detail = (source or "").partition(":")
    if where == "rule":
        return _("Rule §{paragraph}").format(paragraph=detail) if detail else _("Residence rules")
    return label(DEADLINE_SOURCE_LABELS, where)


def label(labels: dict[str, str], code: str | None) -> str:
    """The translated label of ``code``; an unknown code (from a newer version) shows as itself."""
    if not code:
        return ""
    return _(labels[code]) if code in labels else code
