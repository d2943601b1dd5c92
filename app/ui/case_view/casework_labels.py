"""Labels the casework tabs need beyond app/ui/labels.py (the one module for code labels).

The code lists themselves (goal areas, contact kinds, consent states …) come
from app/ui/labels.py so no two screens name a thing differently; this module
re-exports them under the names the tabs use and adds what only the casework
tabs show: the contact kinds' icons, short legal domains for table columns and
where a deadline came from.
"""

from __future__ import annotations

from app.i18n import N_, _
from app.ui.labels import (
    CONSENT_STATE_LABELS,
    CONTACT_KIND_LABELS,
    DATA_CATEGORY_LABELS,
    DEADLINE_KIND_LABELS,
    DOCUMENT_TYPE_LABELS,
    LEGAL_DOMAIN_LABELS,
    MEASURE_KIND_LABELS,
    MEASURE_OUTCOME_LABELS,
    REFERRAL_STATUS_LABELS,
    label,
)
from app.ui.labels import GOAL_AREA_LABELS as GOAL_AREA_TITLES
from app.ui.labels import GOAL_AREA_SHORT as GOAL_AREA_LABELS

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

# Short forms for table columns: the legal codes as such, the rest in words.
LEGAL_DOMAIN_SHORT: dict[str, str] = {
    **{code: code for code in ("SGB II", "SGB III", "SGB VIII", "SGB XII", "AsylbLG", "AufenthG", "MBE", "JMD")},
    "health": N_("Health"),
    "education": N_("Education"),
    "other": N_("Other"),
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


def deadline_source_label(source: str | None) -> str:
    where, _sep, detail = (source or "").partition(":")
    if where == "rule":
        return _("Rule §{paragraph}").format(paragraph=detail) if detail else _("Residence rules")
    return label(DEADLINE_SOURCE_LABELS, where)


__all__ = [
    "CONSENT_STATE_LABELS", "CONTACT_KIND_ICONS", "CONTACT_KIND_LABELS", "DATA_CATEGORY_LABELS",
    "DEADLINE_KIND_LABELS", "DEADLINE_SOURCE_LABELS", "DOCUMENT_TYPE_LABELS", "GOAL_AREA_LABELS",
    "GOAL_AREA_TITLES", "LEGAL_DOMAIN_LABELS", "LEGAL_DOMAIN_SHORT", "MEASURE_KIND_LABELS",
    "MEASURE_OUTCOME_LABELS", "REFERRAL_STATUS_LABELS", "deadline_source_label", "label",
]
