"""Step-chain templates for Zug-um-Zug agreements, stored as editable JSON in ``resources/agreement_templates``.

A template is a chain of steps; each step names the party (``person``,
``authority``, ``case_manager``, ``other``), the action in German (printed
for the foreign nationals authority) and English, the proof required, and
when it falls due: ``offset_days`` after the start of its part, or
``within_days_after_previous`` after the previous step. A chain template
lists ``parts`` (other templates), each starting when the previous part's
last step is due, optionally ``start_after_days``/``start_after_months``
later (e.g. twelve months of work before the § 60d proofs).

:func:`instantiate` turns a template into plain step dicts with due dates;
it is pure, so the agreement tracker stores its result and recomputes an
authority step's due date from the day the person's previous step was
fulfilled (``within_days_after_previous``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from app.errors import DataError, NotFoundError
from app.i18n import _
from app.resources import resource_path
from app.services.residence.dates import add_months

TEMPLATES_DIR = resource_path("agreement_templates")

PARTIES = ("person", "authority", "case_manager", "other")


@dataclass(frozen=True)
class TemplateStep:
    party: str
    action: str
    action_en: str
    proof_required: str | None
    proof_required_en: str | None
    offset_days: int | None
    within_days_after_previous: int | None
    legal_basis: str | None


@dataclass(frozen=True)
class TemplatePart:
    """A run of steps from one template, starting after the previous part (or the start date)."""

    template_id: str
    start_after_days: int
    start_after_months: int
    steps: tuple[TemplateStep, ...]


@dataclass(frozen=True)
class AgreementTemplate:
    id: str
    title: str
    title_en: str
    description: str
    description_en: str
    parts: tuple[TemplatePart, ...]

    @property
    def steps(self) -> tuple[TemplateStep, ...]:
        return tuple(step for part in self.parts for step in part.steps)


def load_templates(templates_dir: Path | None = None) -> dict[str, AgreementTemplate]:
    """All templates by id (the file name without ``.json``), chains expanded; sorted by id."""
    folder = Path(templates_dir) if templates_dir is not None else TEMPLATES_DIR
    raw = {path.stem: _read(path) for path in sorted(folder.glob("*.json"))} if folder.is_dir() else {}
    if not raw:
        raise DataError(_("No agreement templates found in {folder}.").format(folder=folder))
    simple = {tid: _simple_template(tid, data) for tid, data in raw.items() if "parts" not in data}
    templates = dict(simple)
    for tid, data in raw.items():
        if "parts" in data:
            templates[tid] = _chain_template(tid, data, simple)
    return dict(sorted(templates.items()))


def get_template(template_id: str, templates_dir: Path | None = None) -> AgreementTemplate:
    templates = load_templates(templates_dir)
    if template_id not in templates:
        raise NotFoundError(
            _("There is no agreement template '{id}'; available: {ids}.").format(id=template_id, ids=", ".join(templates))
        )
    return templates[template_id]


def instantiate(template: AgreementTemplate, start_date: date) -> list[dict[str, Any]]:
    """The template's steps as plain dicts with due dates counted from ``start_date``.

    Keys: ``position`` (1-based), ``part`` (template id), ``party``,
    ``action``, ``action_en``, ``proof_required``, ``proof_required_en``,
    ``legal_basis``, ``within_days_after_previous`` (None for fixed steps),
    ``due`` (a ``date``).
    """
    steps: list[dict[str, Any]] = []
    previous_due = start_date
    for part in template.parts:
        part_start = add_months(previous_due, part.start_after_months) + timedelta(days=part.start_after_days)
        previous_due = part_start
        for step in part.steps:
            if step.offset_days is not None:
                due = part_start + timedelta(days=step.offset_days)
            else:
                due = previous_due + timedelta(days=step.within_days_after_previous or 0)
            steps.append({
                "position": len(steps) + 1,
                "part": part.template_id,
                "party": step.party,
                "action": step.action,
                "action_en": step.action_en,
                "proof_required": step.proof_required,
                "proof_required_en": step.proof_required_en,
                "legal_basis": step.legal_basis,
                "within_days_after_previous": step.within_days_after_previous,
                "due": due,
            })
            previous_due = due
    return steps


# --- loading and validation -------------------------------------------------------------------

def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(_("The agreement template {file} cannot be read: {error}.").format(file=path.name, error=exc)) from exc
    if not isinstance(data, dict):
        raise DataError(_("The agreement template {file} must hold a JSON object.").format(file=path.name))
    if data.get("id", path.stem) != path.stem:
        raise DataError(_("The agreement template {name} has the id '{id}'; it must match the file name.").format(
            name=path.name, id=data.get("id")))
    return data


def _header(tid: str, data: dict[str, Any]) -> dict[str, str]:
    return {key: _text(tid, data, key) for key in ("title", "title_en", "description", "description_en")}


def _simple_template(tid: str, data: dict[str, Any]) -> AgreementTemplate:
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise DataError(_("The agreement template {tid} needs a non-empty list of steps.").format(tid=tid))
    steps = tuple(_step(tid, index, raw) for index, raw in enumerate(raw_steps, start=1))
    return AgreementTemplate(id=tid, **_header(tid, data), parts=(TemplatePart(tid, 0, 0, steps),))


def _chain_template(tid: str, data: dict[str, Any], simple: dict[str, AgreementTemplate]) -> AgreementTemplate:
    raw_parts = data["parts"]
    if not isinstance(raw_parts, list) or not raw_parts:
        raise DataError(_("The agreement template {tid} needs a non-empty list of parts.").format(tid=tid))
    parts = []
    for raw in raw_parts:
        spec = {"template": raw} if isinstance(raw, str) else raw
        if not isinstance(spec, dict) or spec.get("template") not in simple:
            raise DataError(_("The agreement template {tid} names an unknown part: {raw!r}.").format(tid=tid, raw=raw))
        part_template = simple[spec["template"]]
        parts.append(TemplatePart(
            template_id=part_template.id,
            start_after_days=_count(tid, spec, "start_after_days", default=0),
            start_after_months=_count(tid, spec, "start_after_months", default=0),
            steps=part_template.parts[0].steps,
        ))
    return AgreementTemplate(id=tid, **_header(tid, data), parts=tuple(parts))


def _step(tid: str, index: int, raw: Any) -> TemplateStep:
    where = f"{tid} step {index}"
    if not isinstance(raw, dict):
        raise DataError(_("The agreement template {where} must be an object.").format(where=where))
    if raw.get("party") not in PARTIES:
        raise DataError(_("The agreement template {where} has party {party!r}; allowed: {parties}.").format(
            where=where, party=raw.get("party"), parties=", ".join(PARTIES)))
    has_offset, has_within = "offset_days" in raw, "within_days_after_previous" in raw
    if has_offset == has_within:
        raise DataError(
            _("The agreement template {where} needs exactly one of offset_days and within_days_after_previous.").format(
                where=where)
        )
    return TemplateStep(
        party=raw["party"],
        action=_text(where, raw, "action"),
        action_en=_text(where, raw, "action_en"),
        proof_required=_optional_text(where, raw, "proof_required"),
        proof_required_en=_optional_text(where, raw, "proof_required_en"),
        offset_days=_count(where, raw, "offset_days", default=None),
        within_days_after_previous=_count(where, raw, "within_days_after_previous", default=None),
        legal_basis=_optional_text(where, raw, "legal_basis"),
    )


def _text(where: str, data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DataError(_("The agreement template {where} needs a text '{key}'.").format(where=where, key=key))
    return value


def _optional_text(where: str, data: dict[str, Any], key: str) -> str | None:
    return _text(where, data, key) if data.get(key) is not None else None


def _count(where: str, data: dict[str, Any], key: str, *, default: int | None) -> int | None:
    if key not in data:
        return default
    value = data[key]
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise DataError(_("In the agreement template {where}, '{key}' must be a whole number of days or months.").format(where=where, key=key))
    return value
