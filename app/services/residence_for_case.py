"""The residence-law check for a person of the case file (the "Residence check" tab).

The facts come from the person as the case file holds them: from the
``person`` dict of ``case_detail`` (what the case view already has) or, with
:func:`residence_check_for_case`, read from the vault. The rule engine itself
is ``app.services.residence`` (pure); this module only maps the case file's
fields onto its facts, the same way the deadline engine does.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import SimpleNamespace
from typing import Any

from app.services import audit
from app.services.lookup import actor, get_case
from app.services.residence import Facts, ResidenceCheck, check_residence
from app.services.residence.facts import FACT_FIELDS


def facts_from_person(person: Mapping[str, Any]) -> Facts:
    """Facts from the case file's ``person`` dict; empty fields are unknown.

    ``qualification`` stays unknown: the case file records qualifications as
    free text, which does not say whether one is recognised (as in the
    deadline engine). A malformed field raises ``UsageError`` naming it."""
    return Facts.from_attributes(SimpleNamespace(**{name: person.get(name) for name in FACT_FIELDS}))


def residence_check_for_person(person: Mapping[str, Any], on: date) -> ResidenceCheck:
    """§§ 25a, 25b, 60c, 60d for the person of a case file, as of ``on``."""
    return check_residence(facts_from_person(person), on)


def residence_check_for_case(vault, case_id: str, *, on: date | None = None,
                             user: str | None = None) -> ResidenceCheck:
    """The check for the person of case ``case_id``, read from the vault; logged as a view of the case."""
    from app.services.case_file import person_dict

    by = actor(vault, user)
    with vault.session() as session:
        case = get_case(session, case_id)
        person = person_dict(case.person)
        audit.record(session, by, "case.residence_check", case.id, f"case_id={case.id}")
    return residence_check_for_person(person, on or date.today())


__all__ = ["facts_from_person", "residence_check_for_case", "residence_check_for_person"]
