"""Where deadlines come from: one query per source, each filtered in SQL to open cases and the window.

Every function takes a :class:`Window` and returns :class:`DeadlineItem`s;
``deadline_engine.collect_deadlines`` merges them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from itertools import groupby
from operator import attrgetter

from sqlalchemy import ColumnElement, Select, and_, exists, false, or_, select, true
from sqlalchemy.orm import Session, aliased

from app.errors import LotseError
from app.models import (
    Agency,
    Agreement,
    AgreementStep,
    Case,
    Consent,
    Deadline,
    Goal,
    GoalReview,
    Person,
    ResidenceDocument,
)
from app.models.codes import AgreementStatus, CaseStatus, DeadlineKind, GoalStatus, PassportStatus
from app.services.agreement_steps import StepState, step_states
from app.services.deadline_item import (
    EXPIRY_KIND_BY_DOCUMENT,
    MANUAL,
    DeadlineItem,
    consent_text,
    document_text,
    goal_text,
    is_derived,
    passport_text,
    person_name,
    step_text,
    stored_text,
)
from app.services.residence import Facts, RuleDeadline, rule_deadlines, rules_in_force
from app.services.rule_deadline_window import may_have_rule_deadline, needs_rule_deadlines

# A consent enters the deadline list this many days before it expires. A working
# choice of this application (a month to have a new one signed), not law.
CONSENT_LEAD_DAYS = 30

OPEN_GOAL_STATUSES = (GoalStatus.OPEN.value, GoalStatus.IN_PROGRESS.value)
LISTED_STEP_STATES = (StepState.DUE, StepState.OVERDUE, StepState.MISSED)


@dataclass(frozen=True)
class Window:
    """Deadlines up to ``last`` (None: no limit), overdue ones always; optionally one case only,
    or only the cases of one case manager (``case_manager``: the start page's "my cases").

    ``cases`` maps each open case in scope to its reference and the person's
    name, read once (:func:`open_cases`) so the sources need not join the wide
    persons table for every row.
    """

    today: date
    last: date | None
    case_id: str | None = None
    cases: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    case_manager: str | None = None

    def up_to_last(self, column) -> ColumnElement[bool]:
        return column <= self.last if self.last is not None else column.is_not(None)


@dataclass
class StoredDeadlines:
    """The ``deadlines`` table read for the merge (see ``deadline_item.DERIVED_SOURCE_PREFIXES``)."""

    items: list[DeadlineItem]
    # (case_id, source, kind, due) of derived deadlines ticked off: the live item with that date is done.
    done: set[tuple[str, str, str, date]]
    # (case_id, source, kind) -> id of an open stored row the live item stands for.
    row_ids: dict[tuple[str, str, str], str]


def open_cases(
    session: Session, case_id: str | None = None, case_manager: str | None = None
) -> dict[str, tuple[str, str]]:
    """case id -> (reference, person's name) of the open cases (or of the one case asked for, if open;
    or of one case manager's)."""
    statement = select(Case.id, Case.ref, Person.given_names, Person.family_name).join(
        Person, Person.id == Case.person_id)
    scope = Window(date.min, None, case_id, case_manager=case_manager)
    return {case_id: (ref, person_name(given, family))
            for case_id, ref, given, family in _rows(session, _in_open_cases(statement, scope))}


def _rows(session: Session, statement: Select):
    """Run a column query on the session's connection: plain rows, without the ORM's loading layer
    (a third of the time on thousands of rows), in the session's transaction. All rows at once:
    iterating a result fetches row by row, several times slower."""
    return session.connection().execute(statement).all()


def _in_open_cases(statement: Select, window: Window, case_column=None) -> Select:
    """Only rows of open cases in the window's scope (the statement joins ``Case``).

    ``case_column``: the source table's case id. With a case manager's scope it is also
    matched against the manager's cases, which makes SQLite start from those few cases
    instead of walking the whole team's rows by date (measured: goals 15 -> 6 ms, stored
    deadlines 8 -> 2 ms on 10,000 cases).
    """
    # A closing date counts as closed too, as in the reports (consent_expiry, reporting).
    statement = statement.where(Case.status != CaseStatus.CLOSED, Case.closed.is_(None))
    if window.case_id is not None:
        statement = statement.where(Case.id == window.case_id)
    if window.case_manager is not None:
        # In SQL, not by filtering the whole team's list afterwards: a case manager's list
        # costs a tenth of the team's on a vault shared by ten.
        statement = statement.where(Case.case_manager == window.case_manager)
        if case_column is not None:
            managed = aliased(Case)
            statement = statement.where(
                case_column.in_(select(managed.id).where(managed.case_manager == window.case_manager)))
    return statement


def stored_deadlines(session: Session, window: Window) -> StoredDeadlines:
    """Deadlines entered by hand (manual, reviews …) and what the table says about derived ones."""
    open_rows = _rows(session, _in_open_cases(
        select(Deadline.id, Deadline.case_id, Deadline.kind, Deadline.due, Deadline.source, Deadline.note)
        .join(Case, Case.id == Deadline.case_id)
        .where(Deadline.done == false(), window.up_to_last(Deadline.due)),
        window, Deadline.case_id,
    ))
    # Ticked-off copies of derived deadlines: only the keys, there can be thousands of them.
    done_rows = _rows(session, _in_open_cases(
        select(Deadline.case_id, Deadline.source, Deadline.kind, Deadline.due)
        .join(Case, Case.id == Deadline.case_id)
        .where(Deadline.done == true(), window.up_to_last(Deadline.due), Deadline.source != MANUAL),
        window, Deadline.case_id,
    ))
    result = StoredDeadlines([], set(), {})
    today, cases, row_ids, items = window.today, window.cases, result.row_ids, result.items
    # Rows unpacked as tuples: thousands of them, and a named attribute costs a lookup each.
    for deadline_id, case_id, kind, due, source, note in open_rows:
        if is_derived(source):
            row_ids[(case_id, source, kind)] = deadline_id
        else:
            ref, name = cases[case_id]
            items.append(DeadlineItem(case_id, ref, name, kind, due, due < today, source, stored_text(kind, note),
                                      False, deadline_id))
    result.done.update(row for row in map(tuple, done_rows) if is_derived(row[1]))
    return result


def document_deadlines(session: Session, window: Window) -> list[DeadlineItem]:
    """Expiry of Duldung, Gestattung and permits: the latest document of each type per person.

    An expired document no longer counts once a newer one (of any type) is
    valid: an old Duldung replaced by a residence permit is no deadline.
    """
    document = aliased(ResidenceDocument)
    same_type_newer = aliased(ResidenceDocument)
    valid_newer = aliased(ResidenceDocument)
    rows = _rows(session, _in_open_cases(
        select(document.id, document.doc_type, document.paragraph, document.valid_until,
               Case.id.label("case_id"), Case.ref, Person.given_names, Person.family_name)
        .join(Person, Person.id == document.person_id)
        .join(Case, Case.person_id == Person.id)
        .where(
            document.valid_until.is_not(None),
            window.up_to_last(document.valid_until),
            document.doc_type.in_(EXPIRY_KIND_BY_DOCUMENT),
            ~exists().where(
                same_type_newer.person_id == document.person_id,
                same_type_newer.doc_type == document.doc_type,
                _newer(same_type_newer, document),
            ),
            or_(
                document.valid_until >= window.today,
                ~exists().where(
                    valid_newer.person_id == document.person_id,
                    _newer(valid_newer, document),
                    or_(valid_newer.valid_until.is_(None), valid_newer.valid_until >= window.today),
                ),
            ),
        ),
        window,
    ))
    today = window.today
    return [
        DeadlineItem(
            case_id, ref, person_name(given, family), EXPIRY_KIND_BY_DOCUMENT[doc_type], valid_until,
            valid_until < today, f"residence_document:{document_id}", document_text(doc_type, paragraph, valid_until, today),
        )
        for document_id, doc_type, paragraph, valid_until, case_id, ref, given, family in rows
    ]


def _newer(other, document) -> ColumnElement[bool]:
    """``other`` is a later document than ``document``: valid longer (ties broken by id), or
    without an end date and issued later."""
    return and_(
        other.id != document.id,
        or_(
            other.valid_until > document.valid_until,
            and_(other.valid_until == document.valid_until, other.id > document.id),
            and_(other.valid_until.is_(None), other.issued.is_not(None),
                 or_(document.issued.is_(None), other.issued > document.issued)),
        ),
    )


def passport_deadlines(session: Session, window: Window) -> list[DeadlineItem]:
    rows = _rows(session, _in_open_cases(
        select(Case.id.label("case_id"), Case.ref, Person.given_names, Person.family_name,
               Person.passport_valid_until)
        .join(Person, Person.id == Case.person_id)
        .where(
            Person.passport_valid_until.is_not(None),
            window.up_to_last(Person.passport_valid_until),
            Person.passport_status != PassportStatus.NONE,
        ),
        window,
    ))
    kind, today = DeadlineKind.PASSPORT_EXPIRY.value, window.today
    return [
        DeadlineItem(case_id, ref, person_name(given, family), kind, valid_until, valid_until < today, "passport",
                     passport_text(valid_until, today))
        for case_id, ref, given, family, valid_until in rows
    ]


def rule_deadline_items(session: Session, window: Window) -> list[DeadlineItem]:
    """The residence engine's deadlines (last day before the 27th birthday for § 25a, the day a
    stay requirement is met, the § 60c identity time limit) for the persons SQL lets through."""
    rule_set = rules_in_force(window.today)
    rules_signature = (str(rule_set.path), rule_set.path.stat().st_mtime_ns, rule_set.version)
    rows = _rows(session, _in_open_cases(
        select(Case.id.label("case_id"), Case.ref, Person.id.label("person_id"), Person.given_names,
               Person.family_name, Person.birth_date, Person.entry_date, Person.duldung_since, Person.minor_child,
               Person.school_years, Person.employment_since, Person.weekly_hours, Person.german_level,
               Person.identity_clarified)
        .join(Person, Person.id == Case.person_id)
        .where(needs_rule_deadlines(), may_have_rule_deadline(rule_set, window.today, window.last)),
        window,
    ))
    items = []
    for row in rows:
        try:
            facts = Facts.from_attributes(row)
        except LotseError:  # a malformed fact in one case file must not hide everyone else's deadlines
            continue
        for deadline in _rule_deadlines(facts, window.today, rules_signature):
            if window.last is None or deadline.due <= window.last:
                items.append(DeadlineItem(
                    row.case_id, row.ref, person_name(row.given_names, row.family_name), deadline.kind,
                    deadline.due, deadline.due < window.today, deadline.source, deadline.text,
                ))
    return items


@lru_cache(maxsize=50_000)
def _rule_deadlines(facts: Facts, today: date, rules_signature: tuple) -> tuple[RuleDeadline, ...]:
    """The engine's answer, remembered: the overview asks again for the same persons all day long.
    ``rules_signature`` names the rules file in force, so an edited or new file is used at once."""
    return tuple(rule_deadlines(facts, today))


def agreement_step_deadlines(session: Session, window: Window) -> list[DeadlineItem]:
    """Steps of agreements in force that are due, overdue or missed (see ``agreement_steps``)."""
    rows = _rows(session, _in_open_cases(
        select(AgreementStep.id, AgreementStep.position, AgreementStep.party, AgreementStep.action,
               AgreementStep.due, AgreementStep.within_days_after_previous, AgreementStep.status,
               AgreementStep.fulfilled_on, Agreement.id.label("agreement_id"), Agreement.title,
               Agreement.concluded_on, Agreement.case_id)
        .join(Agreement, Agreement.id == AgreementStep.agreement_id)
        .join(Case, Case.id == Agreement.case_id)
        .where(Agreement.status == AgreementStatus.IN_FORCE)
        .order_by(Agreement.id, AgreementStep.position),
        window,
    ))
    items = []
    kind = DeadlineKind.AGREEMENT_STEP.value
    for _agreement_id, chain in groupby(rows, key=attrgetter("agreement_id")):
        steps = list(chain)  # in chain order already (ORDER BY)
        first = steps[0]
        ref, name = window.cases[first.case_id]
        states = step_states(steps, today=window.today, in_force=True, concluded_on=first.concluded_on)
        for step, (due, state, _late_by) in zip(steps, states, strict=True):
            if due is None or state not in LISTED_STEP_STATES or (window.last is not None and due > window.last):
                continue
            items.append(DeadlineItem(
                first.case_id, ref, name, kind, due, state != StepState.DUE, f"agreement_step:{step.id}",
                step_text(first.title, step.position, step.party, step.action, state.value),
            ))
    return items


def consent_deadlines(session: Session, window: Window) -> list[DeadlineItem]:
    """Consents that are not withdrawn and expire within the next 30 days (or the window if shorter),
    unless a newer consent for the same recipient takes over."""
    lead_end = window.today + timedelta(days=CONSENT_LEAD_DAYS)
    last = min(lead_end, window.last) if window.last is not None else lead_end
    renewal = aliased(Consent)
    rows = _rows(session, _in_open_cases(
        select(Consent.id, Consent.valid_until, Consent.case_id, Agency.name.label("agency_name"))
        .join(Agency, Agency.id == Consent.recipient_id)
        .join(Case, Case.id == Consent.case_id)
        .where(
            Consent.withdrawn.is_(None),
            Consent.valid_until.between(window.today, last),
            ~exists().where(
                renewal.case_id == Consent.case_id,
                # "|| ''" keeps SQLite on the case index: without statistics it would pick the
                # recipient index, and one agency holds thousands of consents.
                renewal.recipient_id.concat("") == Consent.recipient_id,
                renewal.id != Consent.id,
                renewal.withdrawn.is_(None),
                or_(renewal.valid_until.is_(None), renewal.valid_until > Consent.valid_until),
            ),
        ),
        window,
    ))
    kind = DeadlineKind.CONSENT_EXPIRY.value
    return [
        DeadlineItem(
            row.case_id, *window.cases[row.case_id], kind,
            row.valid_until, False, f"consent:{row.id}", consent_text(row.agency_name, row.valid_until),
        )
        for row in rows
    ]


def goal_deadlines(session: Session, window: Window) -> list[DeadlineItem]:
    """Target dates of goals still open or in progress, until the goal is reviewed on or after its
    target date: that review is what the date asks for (DGCC monitoring), and its outcome sets what
    comes next (a new review date, a changed goal)."""
    rows = _rows(session, _in_open_cases(
        select(Goal.id, Goal.area, Goal.text, Goal.target_date, Goal.case_id)
        .join(Case, Case.id == Goal.case_id)
        .where(
            Goal.status.in_(OPEN_GOAL_STATUSES),
            Goal.target_date.is_not(None),
            window.up_to_last(Goal.target_date),
            ~exists().where(GoalReview.goal_id == Goal.id, GoalReview.on >= Goal.target_date),
        ),
        window, Goal.case_id,
    ))
    kind, today, cases = DeadlineKind.GOAL_TARGET.value, window.today, window.cases  # not looked up per row
    return [
        DeadlineItem(case_id, *cases[case_id], kind, target, target < today, f"goal:{goal_id}", goal_text(area, goal))
        for goal_id, area, goal, target, case_id in rows
    ]
