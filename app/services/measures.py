"""Measures (Maßnahmen) a person takes part in, and the Maßnahme-Karriere warning.

The programme exists to stop people collecting course after course without
progress; three or more measures in one goal area that ended without
attainment are shown as a warning naming the area.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from app.code_labels import goal_area_label
from app.i18n import _
from app.models import Measure
from app.models.codes import GOAL_AREAS, MeasureKind, MeasureOutcome
from app.services import audit
from app.services import validation as v
from app.services.lookup import actor, get_case, get_row

MEASURE_KINDS = tuple(kind.value for kind in MeasureKind)
MEASURE_OUTCOMES = tuple(outcome.value for outcome in MeasureOutcome)
WITHOUT_ATTAINMENT = frozenset({MeasureOutcome.NOT_ATTAINED.value, MeasureOutcome.DROPPED_OUT.value})
CAREER_THRESHOLD = 3


@dataclass(frozen=True)
class MeasureWarning:
    """A Maßnahme-Karriere: ``count`` measures in ``area`` ended without attainment."""

    area: str
    count: int
    measure_ids: tuple[str, ...]

    @property
    def message(self) -> str:
        return _(
            "{count} measures in the goal area '{area}' ended without attainment: "
            "check before arranging another one (Maßnahme-Karriere)."
        ).format(count=self.count, area=goal_area_label(self.area))


@dataclass(frozen=True)
class MeasureSaved:
    measure_id: str
    warnings: tuple[MeasureWarning, ...]


def measure_warnings(measures: Iterable[Measure]) -> list[MeasureWarning]:
    """Warnings for the given measures of one case, in goal-area order."""
    failed: dict[str, list[str]] = defaultdict(list)
    for measure in measures:
        if measure.outcome in WITHOUT_ATTAINMENT:
            failed[measure.area].append(measure.id)
    return [
        MeasureWarning(area, len(failed[area]), tuple(failed[area]))
        for area in GOAL_AREAS
        if len(failed.get(area, ())) >= CAREER_THRESHOLD
    ]


_FIELDS: dict[str, v.Cleaner] = {
    "area": lambda x: v.clean_code(x, GOAL_AREAS, "goal area"),
    "kind": lambda x: v.clean_code(x, MEASURE_KINDS, "measure kind"),
    "title": lambda x: v.clean_text(x, "title of the measure", max_length=300, required=True),
    "provider": lambda x: v.clean_text(x, "provider", max_length=300),
    "start": lambda x: v.parse_date(x, "start date"),
    "end": lambda x: v.parse_date(x, "end date"),
    "outcome": lambda x: v.clean_code(x, MEASURE_OUTCOMES, "measure outcome"),
}


def _check(start: date | None, end: date | None, outcome: str) -> None:
    v.not_before(end, start, "end date", "start date")
    if outcome != MeasureOutcome.ONGOING:
        v.not_in_future(end, "end date of a finished measure")


def _saved(session, case_id: str, measure: Measure) -> MeasureSaved:
    session.flush()
    return MeasureSaved(
        measure.id, tuple(measure_warnings(session.scalars(select(Measure).where(Measure.case_id == case_id))))
    )


def add_measure(
    vault,
    *,
    case_id: str,
    area: str,
    kind: str,
    title: str,
    provider: str = "",
    start: date | str | None = None,
    end: date | str | None = None,
    outcome: str = MeasureOutcome.ONGOING.value,
    user: str | None = None,
) -> MeasureSaved:
    values = v.clean_fields(
        _FIELDS,
        {"area": area, "kind": kind, "title": title, "provider": provider, "start": start, "end": end,
         "outcome": outcome},
        "measure",
    )
    _check(values["start"], values["end"], values["outcome"])
    by = actor(vault, user)
    with vault.session() as session:
        case = get_case(session, case_id)
        measure = Measure(case_id=case.id, **values)
        session.add(measure)
        saved = _saved(session, case.id, measure)
        audit.record(session, by, "measure.add", case.id, f"case_id={case.id} measure_id={measure.id}")
        return saved


def update_measure(vault, *, measure_id: str, user: str | None = None, **fields: Any) -> MeasureSaved:
    """Change a measure (typically its end and outcome); returns the case's warnings after it."""
    values = v.clean_fields(_FIELDS, fields, "measure")
    by = actor(vault, user)
    with vault.session() as session:
        measure = get_row(session, Measure, measure_id, "measure")
        _check(values.get("start", measure.start), values.get("end", measure.end), values.get("outcome", measure.outcome))
        for field, value in values.items():
            setattr(measure, field, value)
        saved = _saved(session, measure.case_id, measure)
        audit.record(session, by, "measure.update", measure.case_id,
                     "measure_id={} fields={}".format(measure.id, ",".join(sorted(values))))
        return saved


def delete_measure(vault, *, measure_id: str, user: str | None = None) -> None:
    by = actor(vault, user)
    with vault.session() as session:
        measure = get_row(session, Measure, measure_id, "measure")
        session.delete(measure)
        audit.record(session, by, "measure.delete", measure.case_id, f"measure_id={measure_id}")


def case_measure_warnings(vault, *, case_id: str) -> list[MeasureWarning]:
    with vault.read_session() as session:
        get_case(session, case_id)
        return measure_warnings(session.scalars(select(Measure).where(Measure.case_id == case_id)))
