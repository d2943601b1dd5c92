"""Which person and case fields a form (or a CSV row) may set, and how each is checked.

One table per entity, used by create/update services and the CSV import alike.
Fields that follow the DGCC cycle (phase, status, closed, closing reason) are
not here: they change only through ``change_phase``/``close_case``/``reopen_case``.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from app.models.case_codes import GERMAN_LEVELS, Gender, Indication
from app.models.codes import (
    CaseStatus,
    CaseType,
    IntakeSource,
    PassportStatus,
    ResidenceDocumentType,
)
from app.services import validation as v

PERSON_FIELDS: dict[str, v.Cleaner] = {
    "given_names": lambda x: v.clean_name(x, "given names"),
    "family_name": lambda x: v.clean_name(x, "family name"),
    "name_original": lambda x: v.clean_name(x, "name in original script"),
    "aliases": v.clean_aliases,
    "birth_date": v.clean_birth_date,
    "gender": lambda x: v.clean_code(x, [g.value for g in Gender], "gender", required=False),
    "nationalities": v.clean_countries,
    "languages": v.clean_languages,
    "interpreter_language": lambda x: v.clean_language(x, "interpreter language"),
    "phone": lambda x: v.clean_text(x, "phone number", max_length=100),
    "email": lambda x: v.clean_text(x, "e-mail address", max_length=200),
    "address": lambda x: v.clean_text(x, "address"),
    "household": lambda x: v.clean_text(x, "household"),
    "minor_child": lambda x: v.clean_bool(x, "minor child", nullable=True),
    "entry_date": lambda x: v.past_date(x, "entry date"),
    "residence_status": lambda x: v.clean_code(
        x, [t.value for t in ResidenceDocumentType], "residence status", required=False
    ),
    "duldung_since": lambda x: v.past_date(x, "Duldung start date"),
    "identity_clarified": lambda x: v.clean_bool(x, "identity clarified", nullable=True),
    "passport_status": lambda x: v.clean_code(x, [p.value for p in PassportStatus], "passport status", required=False),
    "passport_valid_until": lambda x: v.parse_date(x, "passport validity date"),
    "school_years": lambda x: v.clean_number(x, "school years", 0, 25),
    "qualifications": lambda x: v.clean_text(x, "qualifications"),
    "german_level": lambda x: v.clean_code(
        x.strip().upper() if isinstance(x, str) else x, GERMAN_LEVELS, "German level", required=False
    ),
    "employment": lambda x: v.clean_text(x, "employment"),
    "employment_since": lambda x: v.past_date(x, "employment start date"),
    "weekly_hours": lambda x: v.clean_number(x, "weekly hours", 0, 80),
}

CASE_FIELDS: dict[str, v.Cleaner] = {
    "case_type": lambda x: v.clean_code(x, [t.value for t in CaseType], "case type"),
    "opened": lambda x: v.not_in_future(v.require_date(x, "opening date"), "opening date"),
    "case_manager": lambda x: v.clean_text(x, "case manager", max_length=200),
    "programme_kim": lambda x: bool(v.clean_bool(x, "KIM programme flag")),
    "programme_gk": lambda x: bool(v.clean_bool(x, "Gemeinsam klappt's programme flag")),
    "intake_source": lambda x: v.clean_code(x, [s.value for s in IntakeSource], "intake source", required=False),
    "indication": lambda x: v.clean_codes(x, [i.value for i in Indication], "indication"),
    "consent_to_case_management": lambda x: bool(v.clean_bool(x, "consent to case management")),
    "intake_notes": lambda x: v.clean_text(x, "intake notes"),
    "outcome": lambda x: v.clean_text(x, "outcome"),
    "shared": lambda x: bool(v.clean_bool(x, "shared flag")),
    # Only active/paused here: closing is its own use case with a reason.
    "status": lambda x: v.clean_code(x, [CaseStatus.ACTIVE.value, CaseStatus.PAUSED.value], "status"),
}

# Text changes in these fields must refresh the search index.
SEARCHABLE_PERSON_FIELDS = frozenset({"given_names", "family_name", "name_original", "aliases"})
SEARCHABLE_CASE_FIELDS = frozenset({"intake_notes"})


def sort_name(family_name: str, given_names: str) -> str:
    """The key the case list sorts by (denormalised on Case): "family, given" in lower case
    with diacritics folded, so "Ćosić" sorts among the C's and "Müller" with "Muller"
    (as German lists do, DIN 5007-1) instead of after "Z". Every writer of cases uses this."""
    text = ", ".join(part for part in (family_name, given_names) if part)
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def check_person(values: dict[str, Any]) -> None:
    """Checks across person fields, once all are cleaned."""
    v.require_some_name(values.get("given_names", ""), values.get("family_name", ""))
