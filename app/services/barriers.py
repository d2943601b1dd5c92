"""Structural barriers (Hemmnisse) met in the system, for the steering group.

Categories come from the maintained list ``resources/barrier_categories.json``;
barriers are reported in aggregate, never with names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from app.models import Barrier
from app.models.codes import GOAL_AREAS
from app.services import audit
from app.services import validation as v
from app.services.lookup import actor, get_case, get_row
from app.services.resource_files import load_json
from app.services.search import index_case

BARRIER_CATEGORIES_FILE = "barrier_categories.json"


@dataclass(frozen=True)
class BarrierCategory:
    code: str
    label_de: str
    label_en: str


@cache
def barrier_categories() -> tuple[BarrierCategory, ...]:
    return tuple(
        BarrierCategory(entry["code"], entry["de"], entry["en"])
        for entry in load_json(BARRIER_CATEGORIES_FILE)["categories"]
    )


def barrier_category_codes() -> tuple[str, ...]:
    return tuple(category.code for category in barrier_categories())


_FIELDS: dict[str, v.Cleaner] = {
    "category": lambda x: v.clean_code(x, barrier_category_codes(), "barrier category"),
    "description": lambda x: v.clean_text(x, "description"),
    "area": lambda x: v.clean_code(x, GOAL_AREAS, "goal area", required=False),
    "institution": lambda x: v.clean_text(x, "institution", max_length=300),
    "occurred_on": lambda x: v.past_date(x, "date of the barrier"),
    "structural": lambda x: bool(v.clean_bool(x, "structural flag")),
    "shareable": lambda x: bool(v.clean_bool(x, "shareable flag")),
}


def add_barrier(
    vault,
    *,
    case_id: str,
    category: str,
    description: str = "",
    area: str = "",
    institution: str = "",
    occurred_on: date | str | None = None,
    structural: bool = True,
    shareable: bool = False,
    user: str | None = None,
) -> str:
    """Record an obstacle; ``shareable`` marks an anonymised description fit for the steering group."""
    values = v.clean_fields(
        _FIELDS,
        {"category": category, "description": description, "area": area, "institution": institution,
         "occurred_on": occurred_on, "structural": structural, "shareable": shareable},
        "barrier",
    )
    values["occurred_on"] = values["occurred_on"] or v.today()
    by = actor(vault, user)
    with vault.session() as session:
        case = get_case(session, case_id)
        barrier = Barrier(case_id=case.id, **values)
        session.add(barrier)
        session.flush()
        index_case(session, case)
        audit.record(session, by, "barrier.add", case.id, f"case_id={case.id} barrier_id={barrier.id}")
        return barrier.id


def update_barrier(vault, *, barrier_id: str, user: str | None = None, **fields: Any) -> None:
    values = v.clean_fields(_FIELDS, fields, "barrier")
    if "occurred_on" in values and values["occurred_on"] is None:
        values.pop("occurred_on")
    by = actor(vault, user)
    with vault.session() as session:
        barrier = get_row(session, Barrier, barrier_id, "barrier")
        for field, value in values.items():
            setattr(barrier, field, value)
        session.flush()
        index_case(session, get_case(session, barrier.case_id))
        audit.record(session, by, "barrier.update", barrier.case_id,
                     "barrier_id={} fields={}".format(barrier.id, ",".join(sorted(values))))


def delete_barrier(vault, *, barrier_id: str, user: str | None = None) -> None:
    by = actor(vault, user)
    with vault.session() as session:
        barrier = get_row(session, Barrier, barrier_id, "barrier")
        case = get_case(session, barrier.case_id)
        session.delete(barrier)
        session.flush()
        index_case(session, case)
        audit.record(session, by, "barrier.delete", case.id, f"barrier_id={barrier_id}")
