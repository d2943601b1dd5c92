"""The barrier report for the steering group (Lenkungsgruppe).

Barriers of the period grouped by category and institution, with counts,
the period in which they occurred, and the descriptions the case managers
marked as shareable — scrubbed of the person's names. Never a name or a case
reference.

It is built from the *published* report, so its counts carry the same
suppression as the main report (two different suppressions of the same table
could be combined to undo both). A few further rules keep the extras from
revealing a withheld count:
- first/last occurrence appear only where the count is shown (two different
  dates would say "at least 2");
- a description is listed under its category only where the category's
  count is shown, and names its institution only where that count is shown;
  descriptions from withheld categories are pooled in one list;
- everything is sorted by label, never by count (the order of withheld
  counts would be information); a text shared several times appears once,
  without a count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Barrier, Case, Person
from app.models.reporting import ReportTombstone, TombstoneKind
from app.services.reporting import labels
from app.services.reporting import report as r
from app.services.reporting.disclosure import TOTAL, PublishedReport, Value
from app.services.text_folding import alternative_spelling, fold_arabic

NAME_PLACEHOLDER = "[Name]"
REF_PLACEHOLDER = "[Az.]"
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class InstitutionLine:
    institution: str  # as entered; "" when not given
    count: Value
    first: date | None
    last: date | None


@dataclass
class CategoryBlock:
    category: str
    label: str
    count: Value
    first: date | None
    last: date | None
    institutions: list[InstitutionLine] = field(default_factory=list)
    descriptions: list[tuple[str, str]] = field(default_factory=list)  # (institution or "", text)


@dataclass
class BarrierReport:
    scope: r.ReportScope
    total: Value
    categories: list[CategoryBlock]
    pooled_descriptions: list[str]  # from categories whose count is withheld


def scrub_names(text: str, names: list[str], refs: list[str] = ()) -> str:
    """Replace every word of the person's names (any spelling variant the search
    knows, any case) with [Name], and the case reference with [Az.]."""
    words: set[str] = set()
    for name in names:
        for word in _WORD.findall(name or ""):
            if len(word) >= 2:
                words |= {word, alternative_spelling(word), fold_arabic(word)}
    for ref in refs:
        if ref:
            text = re.sub(rf"(?<![\w-]){re.escape(ref)}(?![\w-])", REF_PLACEHOLDER, text)
    if words:
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE)
        # The variants catch "Mueller" for "Müller" and Arabic letter variants (see text_folding).
        text = pattern.sub(NAME_PLACEHOLDER, text)
        text = re.sub(r"\[Name\](?:[\s\-]+\[Name\])+", NAME_PLACEHOLDER, text)
    return text


def build_barrier_report(session: Session, published: PublishedReport) -> BarrierReport:
    scope = published.scope
    categories = published.sections[r.BARRIERS]
    pairs = published.sections[r.BARRIER_INSTITUTIONS]
    spans = _spans(session, scope)
    blocks: dict[str, CategoryBlock] = {}
    for category, count in categories.items():
        if category == TOTAL:
            continue
        shown = isinstance(count, int)
        first, last = spans.get((category, None), (None, None)) if shown else (None, None)
        block = CategoryBlock(category, labels.label(labels.BARRIER_CATEGORIES, category), count, first, last)
        prefix = category + r.INSTITUTION_SEPARATOR
        for key, pair_count in pairs.items():
            if key.startswith(prefix):
                institution = key[len(prefix):]
                first, last = spans.get((category, institution), (None, None)) if isinstance(pair_count, int) else (None, None)
                block.institutions.append(InstitutionLine(institution if institution != r.UNKNOWN else "", pair_count, first, last))
        block.institutions.sort(key=lambda line: (line.institution == "", line.institution.casefold()))
        blocks[category] = block
    pooled: list[str] = []
    for category, institution, text in _shared_descriptions(session, scope):
        block = blocks.get(category)
        if block is None or not isinstance(block.count, int):
            pooled.append(text)
            continue
        pair = pairs.get(r.institution_key(category, institution))
        block.descriptions.append((institution if isinstance(pair, int) else "", text))
    for block in blocks.values():
        block.descriptions = list(dict.fromkeys(block.descriptions))  # the same text once
    ordered = sorted(blocks.values(), key=lambda b: b.label.casefold())
    return BarrierReport(scope, categories.get(TOTAL, 0), ordered, sorted(set(pooled)))


def _spans(session: Session, scope: r.ReportScope) -> dict[tuple[str, str | None], tuple[date, date]]:
    """First and last occurrence per category and per (category, institution), live and erased."""
    spans: dict[tuple[str, str | None], tuple[date, date]] = {}

    def widen(key, first, last):
        old = spans.get(key)
        spans[key] = (min(first, old[0]), max(last, old[1])) if old else (first, last)

    live = session.execute(
        select(Barrier.category, Barrier.institution, func.min(Barrier.occurred_on), func.max(Barrier.occurred_on))
        .join(Case, Case.id == Barrier.case_id)
        .where(Barrier.occurred_on.between(scope.period_from, scope.period_to), *r.case_filter(scope))
        .group_by(Barrier.category, Barrier.institution)
    )
    t = ReportTombstone
    erased = session.execute(
        select(t.key, t.institution, func.min(t.on), func.max(t.on))
        .where(t.kind == TombstoneKind.BARRIER, t.on.between(scope.period_from, scope.period_to), *r.tombstone_filter(scope))
        .group_by(t.key, t.institution)
    )
    for category, institution, first, last in [*live, *erased]:
        category = category or r.UNSPECIFIED
        widen((category, institution.strip() or r.UNKNOWN), first, last)
        widen((category, None), first, last)
    return spans


def _shared_descriptions(session: Session, scope: r.ReportScope) -> list[tuple[str, str, str]]:
    """(category, institution, scrubbed text) of the shareable barriers in the scope."""
    rows = session.execute(
        select(Barrier.category, Barrier.institution, Barrier.description, Case.ref,
               Person.given_names, Person.family_name, Person.name_original, Person.aliases)
        .join(Case, Case.id == Barrier.case_id)
        .join(Person, Person.id == Case.person_id)
        .where(
            Barrier.shareable.is_(True),
            Barrier.description != "",
            Barrier.occurred_on.between(scope.period_from, scope.period_to),
            *r.case_filter(scope),
        )
        .order_by(Barrier.occurred_on)
    )
    out = []
    for category, institution, description, ref, given, family, original, aliases in rows:
        text = scrub_names(description.strip(), [given, family, original, *(aliases or [])], [ref])
        out.append((category or r.UNSPECIFIED, institution.strip(), text))
    return out
