"""Every code the case file stores has a German label in the report (no raw codes in a PDF)."""

from __future__ import annotations

from app.models.case_codes import ClosingReason
from app.models.codes import GOAL_AREAS, CaseType, LegalDomain, ResidenceDocumentType
from app.services.barriers import barrier_category_codes
from app.services.reporting import labels


def test_every_stored_code_has_a_german_label():
    for table, codes in (
        (labels.CLOSING_REASONS, [c.value for c in ClosingReason]),
        (labels.BARRIER_CATEGORIES, barrier_category_codes()),
        (labels.CASE_TYPES, [c.value for c in CaseType]),
        (labels.LEGAL_DOMAINS, [c.value for c in LegalDomain]),
        (labels.RESIDENCE_STATUS, [c.value for c in ResidenceDocumentType]),
        (labels.GOAL_AREAS, GOAL_AREAS),
        (labels.GOAL_AREAS_SHORT, GOAL_AREAS),
    ):
        missing = [code for code in codes if code not in table]
        assert not missing, missing


def test_the_maintained_barrier_list_gives_the_label():
    assert labels.label(labels.BARRIER_CATEGORIES, "childcare_missing") == "Fehlende Kinderbetreuung"
    assert labels.label(labels.BARRIER_CATEGORIES, "office_refusal") == "Ablehnung / Nichtannahme durch Behörde"
