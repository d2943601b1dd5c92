"""The report (Berichtswesen): what happened in a period, counted, never named.

``build_report`` returns raw counts (section -> key -> count) for the period
and the optional filter. The counts come from the live case file *plus* the
anonymous facts erasure leaves behind (``report_tombstones``), so a report over
a past period gives the same figures before and after cases are erased.

What each section counts (``period`` = from .. to, both days included):

- ``cases_opened`` / ``cases_closed``: cases opened / closed in the period,
  per case type; ``cases_active``: cases open on at least one day of the
  period (opened on or before its end, not closed before its start).
- ``closing_reasons``: the cases closed in the period, per closing reason.
- ``age_groups`` and ``residence_status``: the *active* cases, by the
  person's age at the end of the period (partial birth dates: see
  ``ages``) and current residence status. The case file keeps no history of
  the status, so it is the status today; for erased cases, the age group and
  status as at erasure's record of closing.
- ``goals_set``: goals created in the period; ``goals_attained``: goals
  closed in the period with status ``attained``; both per goal area.
- ``need_levels_assessment`` / ``need_levels_closure``: for cases closed in
  the period, per goal area, how many had need level 0, 1, 2, 3 at the
  assessment and at closing (key ``<area>:<level>``). Only areas assessed at
  both points count, so the two rows of an area describe the same people
  and can be compared directly ("before / after"). A distribution, not a
  mean: it fits the "<5" rule, and a mean next to it would let a reader
  solve for suppressed cells.
- ``referrals``: referrals dated in the period, per legal domain of the agency.
- ``barriers``: barriers that occurred in the period, per category;
  ``barrier_institutions``: the same barriers per ``<category>|<institution>``.
- ``case_conferences``: contacts of kind case conference in the period.

Filters: ``case_manager`` (exact name as stored on the case) and
``programme`` (``kim`` or ``gk``) restrict everything to those cases.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app.errors import UsageError
from app.i18n import _
from app.models import Agency, Assessment, Barrier, Case, Contact, Goal, Person, Referral
from app.models.codes import (
    GOAL_AREAS,
    CaseType,
    ContactKind,
    GoalStatus,
    LegalDomain,
    ResidenceDocumentType,
)
from app.models.reporting import ReportTombstone, TombstoneKind
from app.services.reporting.ages import AGE_GROUPS, age_group

PROGRAMMES = ("kim", "gk")
NEED_LEVELS = (0, 1, 2, 3)
UNSPECIFIED = "unspecified"
UNKNOWN = "unknown"
INSTITUTION_SEPARATOR = "|"

# Section names, in the order the CSV and the PDF show them.
CASES_OPENED = "cases_opened"
CASES_ACTIVE = "cases_active"
CASES_CLOSED = "cases_closed"
CLOSING_REASONS = "closing_reasons"
AGE_GROUPS_SECTION = "age_groups"
RESIDENCE_STATUS = "residence_status"
GOALS_SET = "goals_set"
GOALS_ATTAINED = "goals_attained"
NEED_LEVELS_ASSESSMENT = "need_levels_assessment"
NEED_LEVELS_CLOSURE = "need_levels_closure"
REFERRALS = "referrals"
BARRIERS = "barriers"
BARRIER_INSTITUTIONS = "barrier_institutions"
CASE_CONFERENCES = "case_conferences"
SECTIONS: tuple[str, ...] = (
    CASES_OPENED,
    CASES_ACTIVE,
    CASES_CLOSED,
    CLOSING_REASONS,
    AGE_GROUPS_SECTION,
    RESIDENCE_STATUS,
    GOALS_SET,
    GOALS_ATTAINED,
    NEED_LEVELS_ASSESSMENT,
    NEED_LEVELS_CLOSURE,
    REFERRALS,
    BARRIERS,
    BARRIER_INSTITUTIONS,
    CASE_CONFERENCES,
)
CASE_TYPES: tuple[str, ...] = tuple(t.value for t in CaseType)
LEGAL_DOMAINS: tuple[str, ...] = tuple(d.value for d in LegalDomain)
RESIDENCE_STATUSES: tuple[str, ...] = (*(t.value for t in ResidenceDocumentType), UNKNOWN)


@dataclass(frozen=True)
class ReportScope:
    """The period (both days included) and the optional filter of a report."""

    period_from: date
    period_to: date
    case_manager: str | None = None
    programme: str | None = None  # "kim" or "gk"

    def __post_init__(self) -> None:
        if self.period_from > self.period_to:
            raise UsageError(_("The report period ends before it starts."))
        if self.programme is not None and self.programme not in PROGRAMMES:
            raise UsageError(_("The programme must be 'kim' or 'gk'."))


@dataclass
class Report:
    """Raw counts: ``sections[section][key] = count``. For the app's own page;
    anything leaving the app goes through ``disclosure.publish`` first."""

    scope: ReportScope
    sections: dict[str, dict[str, int]] = field(default_factory=dict)

    def count(self, section: str, key: str) -> int:
        return self.sections[section].get(key, 0)

    def total(self, section: str) -> int:
        return sum(self.sections[section].values())


def institution_key(category: str, institution: str) -> str:
    return f"{category}{INSTITUTION_SEPARATOR}{institution.strip() or UNKNOWN}"


def build_report(session: Session, scope: ReportScope) -> Report:
    """Count everything for the scope, live cases and tombstones of erased ones together."""
    counters: dict[str, Counter] = {name: Counter() for name in SECTIONS}
    _count_live(session, scope, counters)
    _count_tombstones(session, scope, counters)
    return Report(scope, _with_all_keys(counters))


# --- live case file ---------------------------------------------------------------


def case_filter(scope: ReportScope) -> list:
    conditions = []
    if scope.case_manager is not None:
        conditions.append(Case.case_manager == scope.case_manager)
    if scope.programme == "kim":
        conditions.append(Case.programme_kim.is_(True))
    elif scope.programme == "gk":
        conditions.append(Case.programme_gk.is_(True))
    return conditions


def _active(scope: ReportScope, opened, closed):
    return and_(opened <= scope.period_to, or_(closed.is_(None), closed >= scope.period_from))


def _in_period(scope: ReportScope, column):
    return column.between(scope.period_from, scope.period_to)


def _count_live(session: Session, scope: ReportScope, c: dict[str, Counter]) -> None:
    cases = case_filter(scope)
    for key, n in session.execute(
        select(Case.case_type, func.count()).where(_in_period(scope, Case.opened), *cases).group_by(Case.case_type)
    ):
        c[CASES_OPENED][key] += n
    for key, n in session.execute(
        select(Case.case_type, func.count())
        .where(_active(scope, Case.opened, Case.closed), *cases)
        .group_by(Case.case_type)
    ):
        c[CASES_ACTIVE][key] += n
    for case_type, reason, n in session.execute(
        select(Case.case_type, Case.closing_reason, func.count())
        .where(_in_period(scope, Case.closed), *cases)
        .group_by(Case.case_type, Case.closing_reason)
    ):
        c[CASES_CLOSED][case_type] += n
        c[CLOSING_REASONS][reason or UNSPECIFIED] += n
    for birth, status in session.execute(
        select(Person.birth_date, Person.residence_status)
        .join(Case, Case.person_id == Person.id)
        .where(_active(scope, Case.opened, Case.closed), *cases)
    ):
        c[AGE_GROUPS_SECTION][age_group(birth, scope.period_to)] += 1
        c[RESIDENCE_STATUS][status or UNKNOWN] += 1
    for area, n in session.execute(
        select(Goal.area, func.count())
        .join(Case, Case.id == Goal.case_id)
        .where(_in_period(scope, Goal.created_on), *cases)
        .group_by(Goal.area)
    ):
        c[GOALS_SET][area] += n
    for area, n in session.execute(
        select(Goal.area, func.count())
        .join(Case, Case.id == Goal.case_id)
        .where(Goal.status == GoalStatus.ATTAINED.value, _in_period(scope, Goal.closed_on), *cases)
        .group_by(Goal.area)
    ):
        c[GOALS_ATTAINED][area] += n
    for area, before, after, n in session.execute(
        select(Assessment.area, Assessment.need_level, Assessment.need_level_at_closure, func.count())
        .join(Case, Case.id == Assessment.case_id)
        .where(
            _in_period(scope, Case.closed),
            Assessment.need_level.is_not(None),
            Assessment.need_level_at_closure.is_not(None),
            *cases,
        )
        .group_by(Assessment.area, Assessment.need_level, Assessment.need_level_at_closure)
    ):
        _count_need_levels(c, area, before, after, n)
    for domain, n in session.execute(
        select(Agency.legal_domain, func.count())
        .join(Referral, Referral.agency_id == Agency.id)
        .join(Case, Case.id == Referral.case_id)
        .where(_in_period(scope, Referral.date), *cases)
        .group_by(Agency.legal_domain)
    ):
        c[REFERRALS][domain] += n
    for category, institution, n in session.execute(
        select(Barrier.category, Barrier.institution, func.count())
        .join(Case, Case.id == Barrier.case_id)
        .where(_in_period(scope, Barrier.occurred_on), *cases)
        .group_by(Barrier.category, Barrier.institution)
    ):
        _count_barriers(c, category, institution, n)
    c[CASE_CONFERENCES]["count"] += session.scalar(
        select(func.count())
        .select_from(Contact)
        .join(Case, Case.id == Contact.case_id)
        .where(Contact.kind == ContactKind.CASE_CONFERENCE.value, _in_period(scope, Contact.date), *cases)
    )


def _count_need_levels(c: dict[str, Counter], area: str, before: int, after: int, n: int) -> None:
    if before in NEED_LEVELS and after in NEED_LEVELS:
        c[NEED_LEVELS_ASSESSMENT][f"{area}:{before}"] += n
        c[NEED_LEVELS_CLOSURE][f"{area}:{after}"] += n


def _count_barriers(c: dict[str, Counter], category: str, institution: str, n: int) -> None:
    category = category or UNSPECIFIED
    c[BARRIERS][category] += n
    c[BARRIER_INSTITUTIONS][institution_key(category, institution)] += n


# --- tombstones of erased cases -----------------------------------------------------


def tombstone_filter(scope: ReportScope) -> list:
    t = ReportTombstone
    conditions = []
    if scope.case_manager is not None:
        conditions.append(t.case_manager == scope.case_manager)
    if scope.programme == "kim":
        conditions.append(t.programme_kim.is_(True))
    elif scope.programme == "gk":
        conditions.append(t.programme_gk.is_(True))
    return conditions


def _count_tombstones(session: Session, scope: ReportScope, c: dict[str, Counter]) -> None:
    t = ReportTombstone
    base = tombstone_filter(scope)

    def kind(k: str, *more):
        return select(t).where(t.kind == k, *base, *more)

    for row in session.scalars(kind(TombstoneKind.CASE, _active(scope, t.on, t.until))):
        c[CASES_ACTIVE][row.case_type] += 1
        c[AGE_GROUPS_SECTION][row.age_group or UNKNOWN] += 1
        c[RESIDENCE_STATUS][row.residence_status or UNKNOWN] += 1
        if scope.period_from <= row.on <= scope.period_to:
            c[CASES_OPENED][row.case_type] += 1
        if row.until is not None and scope.period_from <= row.until <= scope.period_to:
            c[CASES_CLOSED][row.case_type] += 1
            c[CLOSING_REASONS][row.key or UNSPECIFIED] += 1
    in_period = _in_period(scope, t.on)
    for row in session.scalars(kind(TombstoneKind.GOAL_SET, in_period)):
        c[GOALS_SET][row.key] += 1
    for row in session.scalars(kind(TombstoneKind.GOAL_ATTAINED, in_period)):
        c[GOALS_ATTAINED][row.key] += 1
    for row in session.scalars(kind(TombstoneKind.NEED_LEVEL, in_period)):
        _count_need_levels(c, row.key, row.level_at_assessment, row.level_at_closure, 1)
    for row in session.scalars(kind(TombstoneKind.REFERRAL, in_period)):
        c[REFERRALS][row.key] += 1
    for row in session.scalars(kind(TombstoneKind.BARRIER, in_period)):
        _count_barriers(c, row.key, row.institution, 1)
    c[CASE_CONFERENCES]["count"] += len(list(session.scalars(kind(TombstoneKind.CASE_CONFERENCE, in_period))))


# --- shape --------------------------------------------------------------------------


def _with_all_keys(counters: dict[str, Counter]) -> dict[str, dict[str, int]]:
    """Every known key appears, with 0 when nothing was counted: a reader can tell
    "none" from "not reported". Keys outside the known lists follow, sorted."""
    known: dict[str, tuple[str, ...]] = {
        CASES_OPENED: CASE_TYPES,
        CASES_ACTIVE: CASE_TYPES,
        CASES_CLOSED: CASE_TYPES,
        AGE_GROUPS_SECTION: AGE_GROUPS,
        RESIDENCE_STATUS: RESIDENCE_STATUSES,
        GOALS_SET: GOAL_AREAS,
        GOALS_ATTAINED: GOAL_AREAS,
        NEED_LEVELS_ASSESSMENT: tuple(f"{a}:{lv}" for a in GOAL_AREAS for lv in NEED_LEVELS),
        NEED_LEVELS_CLOSURE: tuple(f"{a}:{lv}" for a in GOAL_AREAS for lv in NEED_LEVELS),
        REFERRALS: LEGAL_DOMAINS,
        CASE_CONFERENCES: ("count",),
    }
    sections: dict[str, dict[str, int]] = {}
    for name in SECTIONS:
        counter = counters[name]
        keys = list(known.get(name, ()))
        keys += sorted(k for k in counter if k not in keys)
        sections[name] = {key: int(counter.get(key, 0)) for key in keys}
    return sections
