"""What a referral letter says about the person, and which data categories that is.

Pure functions over the case file's plain values (no session): the letter
service fills the template with them, and the consent gate checks exactly
the categories they name. Data minimisation (Art. 5 (1) c GDPR) decides the
goal summary: a letter to an office speaks only of the goal areas that
office deals with, and health or mental-health goals (Art. 9 data) appear
only when the user opted in to those categories.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.documents.text import format_date
from app.models.codes import SPECIAL_CATEGORIES, DataCategory, GoalArea, GoalStatus
from app.services.reporting.labels import GOAL_AREAS, RESIDENCE_STATUS

IDENTITY = DataCategory.IDENTITY.value
RESIDENCE = DataCategory.RESIDENCE.value
CATEGORY_ORDER = tuple(category.value for category in DataCategory)

# The data category a goal area's text belongs to.
AREA_CATEGORY: dict[str, str] = {
    GoalArea.RESIDENCE.value: DataCategory.RESIDENCE.value,
    GoalArea.NEEDS.value: DataCategory.FINANCIAL.value,
    GoalArea.LANGUAGE.value: DataCategory.EDUCATION_WORK.value,
    GoalArea.EDUCATION_WORK.value: DataCategory.EDUCATION_WORK.value,
    GoalArea.HEALTH.value: DataCategory.HEALTH.value,
    GoalArea.MENTAL_HEALTH.value: DataCategory.MENTAL_HEALTH.value,
    GoalArea.NETWORKS.value: DataCategory.SOCIAL.value,
    GoalArea.PERSPECTIVES.value: DataCategory.SOCIAL.value,
}

_EVERY_AREA = ("residence", "needs", "language", "education_work", "networks", "perspectives")
# Goal areas an office of this legal domain deals with. Health areas are not
# listed: they join any letter only when the user ticks health data.
RELEVANT_AREAS: dict[str, tuple[str, ...]] = {
    "SGB II": ("needs", "language", "education_work"),
    "SGB III": ("language", "education_work"),
    "SGB VIII": ("needs", "language", "education_work", "networks", "perspectives"),
    "SGB XII": ("needs",),
    "AsylbLG": ("needs",),
    "AufenthG": ("residence", "language", "education_work"),
    "MBE": _EVERY_AREA,
    "JMD": _EVERY_AREA,
    "health": (),
    "education": ("language", "education_work"),
    "other": _EVERY_AREA,
}
OPEN_GOAL_STATUSES = frozenset({GoalStatus.OPEN.value, GoalStatus.IN_PROGRESS.value})
NOT_SHARED = "wird mit diesem Schreiben nicht übermittelt"


def ordered_categories(codes: Iterable[str]) -> tuple[str, ...]:
    wanted = set(codes)
    return tuple(code for code in CATEGORY_ORDER if code in wanted) + tuple(
        sorted(wanted - set(CATEGORY_ORDER))
    )


def areas_for_letter(legal_domain: str, categories: Iterable[str] | None) -> tuple[str, ...]:
    """Goal areas the letter may speak of: relevant to the office, covered by the categories.

    ``categories=None`` means "what the content needs": every relevant area
    except health ones, which need an explicit opt-in.
    """
    relevant = list(RELEVANT_AREAS.get(legal_domain, _EVERY_AREA))
    if categories is None:
        return tuple(relevant)
    chosen = set(categories)
    for special in (GoalArea.HEALTH.value, GoalArea.MENTAL_HEALTH.value):
        if special in chosen:
            relevant.append(special)
    return tuple(area for area in relevant if AREA_CATEGORY[area] in chosen)


def open_goals_by_area(goal_areas: Mapping[str, Any], areas: Sequence[str]) -> list[tuple[str, list[dict]]]:
    """(area, open goals) for the given areas that have open goals, in the areas' order."""
    out = []
    for area in areas:
        goals = [g for g in (goal_areas.get(area) or {}).get("goals", []) if g.get("status") in OPEN_GOAL_STATUSES]
        if goals:
            out.append((area, goals))
    return out


def goal_summary(name: str, goals: list[tuple[str, list[dict]]]) -> str:
    """One paragraph: the open goals per area, with their target dates."""
    if not goals:
        return ""
    parts = []
    for area, items in goals:
        texts = []
        for goal in items:
            text = " ".join(str(goal.get("text") or "").split()).rstrip(".")
            if not text:
                continue
            if goal.get("target_date"):
                text += f" (bis {format_date(goal['target_date'])})"
            texts.append(text)
        if texts:
            parts.append(f"{GOAL_AREAS.get(area, area)}: " + "; ".join(texts) + ".")
    if not parts:
        return ""
    return f"Gemeinsam mit {name} arbeiten wir derzeit an folgenden Zielen. " + " ".join(parts)


def content_categories(goals: list[tuple[str, list[dict]]], mentions_residence: bool) -> tuple[str, ...]:
    """The data categories a letter's content discloses: identity always."""
    used = {IDENTITY}
    if mentions_residence:
        used.add(RESIDENCE)
    used |= {AREA_CATEGORY[area] for area, _goals in goals}
    return ordered_categories(used)


def residence_text(person: Mapping[str, Any]) -> str:
    """"Duldung (§ 60a AufenthG), gültig bis 31.03.2027" from the current title."""
    status = str(person.get("residence_status") or "")
    if not status:
        return "nicht erfasst"
    text = RESIDENCE_STATUS.get(status, status)
    documents = [d for d in person.get("residence_documents") or [] if d.get("doc_type") == status]
    if documents:
        current = documents[-1]  # ordered by validity: the last runs longest
        if current.get("paragraph"):
            text += f" ({current['paragraph']})"
        if current.get("valid_until"):
            text += f", gültig bis {format_date(current['valid_until'])}"
    return text


def nationality_text(codes: Iterable[str]) -> str:
    """ISO country codes as German country names ("SY" -> "Syrien")."""
    names = [country_name(code, "de") for code in codes if code]
    return ", ".join(names) if names else "nicht erfasst"


def country_name(code: str, lang: str = "de") -> str:
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(lang)
    except (ValueError, UnknownLocaleError):
        locale = Locale("de")
    return locale.territories.get(code.upper(), code)


def salutation_for(contact_person: str, fallback: str) -> str:
    """"Sehr geehrte Frau Müller," when the directory names "Frau Anna Müller"."""
    words = contact_person.split()
    if len(words) >= 2 and words[0] in ("Frau", "Herr", "Herrn"):
        if words[0] == "Frau":
            return f"Sehr geehrte Frau {words[-1]},"
        return f"Sehr geehrter Herr {words[-1]},"
    return fallback


_FEMININE_ENDINGS = ("behörde", "agentur", "schule", "stelle", "beratung", "beratungsstelle", "stadt",
                     "gemeinde", "klinik", "praxis", "kammer", "hochschule", "einrichtung", "ambulanz")
_NEUTER_OR_MASCULINE_ENDINGS = ("amt", "center", "zentrum", "verband", "dienst", "werk", "büro", "institut",
                                "krankenhaus", "gericht", "kreis", "verein", "netzwerk", "haus")


def with_article(agency_name: str) -> str:
    """The agency in the dative after "gegenüber": "dem Jobcenter …", "der Ausländerbehörde …".

    A guess from the first word's ending; a name it cannot place stays bare,
    which still reads correctly ("gegenüber Caritas …").
    """
    first = agency_name.split()[0].lower() if agency_name.split() else ""
    if first.endswith(_FEMININE_ENDINGS):
        return f"der {agency_name}"
    if first.endswith(_NEUTER_OR_MASCULINE_ENDINGS):
        return f"dem {agency_name}"
    return agency_name


@dataclass(frozen=True)
class LetterFacts:
    """The template's placeholder values and the categories they disclose."""

    values: dict[str, object]
    categories: tuple[str, ...]
    areas: tuple[str, ...]


def letter_facts(
    detail: Mapping[str, Any], *, legal_domain: str, agency_name: str, case_manager: str, organisation: str,
    today: date, categories: Iterable[str] | None, mentions_residence: bool,
) -> LetterFacts:
    """Placeholder values for a case file (``case_file.load_case_file``) and a recipient."""
    chosen = None if categories is None else set(categories) | {IDENTITY}
    areas = areas_for_letter(legal_domain, chosen)
    goals = open_goals_by_area(detail.get("goal_areas") or {}, areas)
    person = detail.get("person") or {}
    name = str(detail.get("name") or "").strip() or "die betreute Person"
    share_residence = mentions_residence and (chosen is None or RESIDENCE in chosen)
    values: dict[str, object] = {
        "name": name,
        "birth_date": format_date(person.get("birth_date")) or "unbekannt",
        "nationality": nationality_text(person.get("nationalities") or []),
        "residence_status": residence_text(person) if share_residence else NOT_SHARED,
        "reference": detail.get("ref") or "",
        "goal_summary": goal_summary(name, goals),
        "agency": agency_name,
        "case_manager": case_manager,
        "organisation": organisation,
        "today": format_date(today),
    }
    used = content_categories(goals, share_residence)
    if chosen is not None:
        used = ordered_categories(chosen)  # what the user ticked is what the consent must cover
    return LetterFacts(values, used, tuple(area for area, _goals in goals))


def is_special(category: str) -> bool:
    return category in SPECIAL_CATEGORIES
