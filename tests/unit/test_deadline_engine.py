"""The deadline engine on a real vault: each source, the merge rules, the order, the SQL prefilter."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.errors import ValidationError
from app.models import (
    Agreement,
    AgreementStep,
    Case,
    Deadline,
    Goal,
    GoalReview,
    Person,
    ResidenceDocument,
)
from app.services.deadline_engine import collect_deadlines, deadline_list
from app.services.residence import Facts, rule_deadlines, rules_in_force
from app.services.rule_deadline_window import may_have_rule_deadline
from tests.deadline_builders import make_agency, make_case, make_consent

TODAY = date(2026, 3, 16)


def listed(vault, *, within_days=30, today=TODAY, case_id=None):
    with vault.session() as session:
        return collect_deadlines(session, today=today, within_days=within_days, case_id=case_id)


def keyed(items):
    return [(item.ref, item.kind, item.due, item.overdue, item.source) for item in items]


def add_case(vault, ref, **fields):
    with vault.session() as session:
        return make_case(session, ref=ref, **fields).id


# --- (a) and (g): the deadlines table -----------------------------------------------------------

def test_stored_deadlines_open_ones_in_the_window_and_every_overdue_one(vault):
    case_id = add_case(vault, "2026-0001")
    with vault.session() as session:
        session.add_all([
            Deadline(case_id=case_id, kind="review", due=date(2026, 3, 30), source="manual", note="Hilfeplan prüfen"),
            Deadline(case_id=case_id, kind="other", due=date(2025, 11, 2), source="manual", note=""),
            Deadline(case_id=case_id, kind="review", due=date(2026, 3, 20), source="manual", done=True,
                     done_on=date(2026, 3, 1)),
            Deadline(case_id=case_id, kind="review", due=date(2026, 4, 16), source="manual"),
        ])

    items = listed(vault)

    assert keyed(items) == [
        ("2026-0001", "other", date(2025, 11, 2), True, "manual"),
        ("2026-0001", "review", date(2026, 3, 30), False, "manual"),
    ]
    assert items[1].text == "Hilfeplan prüfen" and items[0].text == "Deadline"
    assert items[1].name == "Amina Yousef" and items[1].deadline_id is not None
    assert [item.due for item in listed(vault, within_days=31)][-1] == date(2026, 4, 16)


# --- (b) residence documents ------------------------------------------------------------------

def add_documents(vault, case_id, *documents):
    with vault.session() as session:
        person_id = session.get(Case, case_id).person_id
        rows = [ResidenceDocument(person_id=person_id, **document) for document in documents]
        session.add_all(rows)
        session.flush()
        return [row.id for row in rows]


@pytest.mark.parametrize(("doc_type", "kind"), [
    ("duldung", "duldung_expiry"),
    ("gestattung", "gestattung_expiry"),
    ("aufenthaltserlaubnis", "permit_expiry"),
    ("fiktionsbescheinigung", "permit_expiry"),
])
def test_a_document_expiring_in_the_window_is_listed_by_its_type(vault, doc_type, kind):
    case_id = add_case(vault, "2026-0001")
    (doc_id,) = add_documents(vault, case_id, {"doc_type": doc_type, "valid_until": date(2026, 4, 2)})

    assert keyed(listed(vault)) == [("2026-0001", kind, date(2026, 4, 2), False, f"residence_document:{doc_id}")]


def test_only_the_latest_document_of_a_type_counts(vault):
    case_id = add_case(vault, "2026-0001")
    old, new = add_documents(
        vault, case_id,
        {"doc_type": "duldung", "issued": date(2025, 10, 1), "valid_until": date(2026, 1, 31)},
        {"doc_type": "duldung", "issued": date(2026, 1, 30), "valid_until": date(2026, 3, 30)},
    )

    items = listed(vault)

    assert keyed(items) == [("2026-0001", "duldung_expiry", date(2026, 3, 30), False, f"residence_document:{new}")]
    assert items[0].text == "Duldung valid until 2026-03-30"
    assert old not in {item.source.split(":")[1] for item in items}


def test_an_expired_document_replaced_by_a_valid_one_of_another_type_is_no_deadline(vault):
    case_id = add_case(vault, "2026-0001")
    add_documents(
        vault, case_id,
        {"doc_type": "duldung", "valid_until": date(2026, 2, 28)},
        {"doc_type": "aufenthaltserlaubnis", "paragraph": "§ 25a Abs. 1 AufenthG", "valid_until": date(2028, 2, 27)},
    )

    assert listed(vault) == []


def test_an_expired_document_with_nothing_newer_is_overdue(vault):
    case_id = add_case(vault, "2026-0001")
    (doc_id,) = add_documents(vault, case_id, {"doc_type": "gestattung", "valid_until": date(2026, 2, 28)})

    items = listed(vault, within_days=0)

    assert keyed(items) == [("2026-0001", "gestattung_expiry", date(2026, 2, 28), True, f"residence_document:{doc_id}")]
    assert items[0].text == "Aufenthaltsgestattung expired on 2026-02-28"


def test_a_document_without_end_date_or_beyond_the_window_is_no_deadline(vault):
    case_id = add_case(vault, "2026-0001")
    add_documents(vault, case_id, {"doc_type": "niederlassungserlaubnis", "valid_until": None},
                  {"doc_type": "duldung", "valid_until": date(2026, 4, 20)})

    assert listed(vault) == []


# --- (c) passport -----------------------------------------------------------------------------

def test_passport_expiry(vault):
    add_case(vault, "2026-0001", passport_status="has", passport_valid_until=date(2026, 4, 10))
    add_case(vault, "2026-0002", passport_status="none", passport_valid_until=date(2026, 3, 20))
    add_case(vault, "2026-0003", passport_status="has", passport_valid_until=date(2026, 5, 10))

    items = listed(vault)

    assert keyed(items) == [("2026-0001", "passport_expiry", date(2026, 4, 10), False, "passport")]
    assert items[0].text == "Passport valid until 2026-04-10"


# --- (d) residence rules ----------------------------------------------------------------------

def test_the_day_before_the_27th_birthday_for_a_26_year_old_and_none_for_a_28_year_old(vault):
    add_case(vault, "2026-0001", birth_date="1999-04-01", residence_status="duldung")  # 26, turns 27 on 1 April
    add_case(vault, "2026-0002", birth_date="1998-03-20", residence_status="duldung")  # 28

    items = listed(vault)

    assert keyed(items) == [("2026-0001", "birthday_27", date(2026, 3, 31), False, "rule:25a")]
    assert items[0].text == "Last day to apply for § 25a; the person turns 27 on 2026-04-01"


def test_a_partial_birth_date_counts_from_the_earliest_possible_birthday(vault):
    add_case(vault, "2026-0001", birth_date="1999-04", residence_status="gestattung")

    (item,) = listed(vault)

    assert (item.kind, item.due) == ("birthday_27", date(2026, 3, 31))
    assert item.text.endswith("at the earliest")


def test_no_rule_deadlines_for_a_settled_title_but_for_a_104c_holder(vault):
    add_case(vault, "2026-0001", birth_date="1999-04-01", residence_status="niederlassungserlaubnis")
    chancen = add_case(vault, "2026-0002", birth_date="1999-04-02", residence_status="aufenthaltserlaubnis")
    add_documents(vault, chancen, {"doc_type": "aufenthaltserlaubnis", "paragraph": "§ 104c AufenthG",
                                   "valid_until": date(2027, 6, 30)})

    assert keyed(listed(vault)) == [("2026-0002", "birthday_27", date(2026, 4, 1), False, "rule:25a")]


def test_the_day_a_stay_requirement_is_met(vault):
    add_case(vault, "2026-0001", birth_date="2001-05-14", entry_date=date(2023, 3, 20),
             duldung_since=date(2024, 1, 10), residence_status="duldung")

    assert keyed(listed(vault)) == [("2026-0001", "stay_requirement", date(2026, 3, 21), False, "rule:25a")]
    # Without a limit, the later ones too: the last day for § 25a and six years of stay for § 25b.
    assert keyed(listed(vault, within_days=None)) == [
        ("2026-0001", "stay_requirement", date(2026, 3, 21), False, "rule:25a"),
        ("2026-0001", "birthday_27", date(2028, 5, 13), False, "rule:25a"),
        ("2026-0001", "stay_requirement", date(2029, 3, 21), False, "rule:25b"),
    ]


def test_the_sql_prefilter_lets_through_everyone_the_engine_gives_a_deadline(vault):
    """The prefilter may let through too many, never too few: checked against the engine on 400 persons."""
    rng = random.Random(20260316)
    anchor = TODAY - timedelta(days=27 * 365)

    def some_day(start: date, spread_days: int) -> date:
        return start + timedelta(days=rng.randint(-spread_days, spread_days))

    with vault.session() as session:
        for number in range(400):
            birth = some_day(anchor, 400)
            if number % 13 == 0:
                birth_text = str(birth.year)
            elif number % 7 == 0:
                birth_text = birth.isoformat()[:7]
            elif number % 29 == 0:
                birth_text = "2000-02-29"
            else:
                birth_text = birth.isoformat()
            make_case(
                session, ref=f"2026-{number:04d}", birth_date=birth_text, residence_status="duldung",
                entry_date=some_day(TODAY - timedelta(days=3 * 365), 900) if number % 5 else None,
                duldung_since=some_day(TODAY - timedelta(days=365), 400) if number % 3 else None,
                employment_since=some_day(TODAY - timedelta(days=365), 200) if number % 4 == 0 else None,
                weekly_hours=25.0, minor_child=number % 6 == 0,
            )

    rule_set = rules_in_force(TODAY)
    with vault.session() as session:
        persons = session.scalars(select(Person)).all()
        for today, days in [(TODAY, 14), (TODAY, 30), (date(2026, 2, 27), 2), (date(2026, 12, 30), 60),
                            (TODAY, None)]:
            last = today + timedelta(days=days) if days is not None else None
            expected = {
                person.id for person in persons
                if any(last is None or deadline.due <= last
                       for deadline in rule_deadlines(Facts.from_attributes(person), today))
            }
            let_through = set(session.scalars(
                select(Person.id).where(may_have_rule_deadline(rule_set, today, last))
            ))
            assert expected, "the sample should give some deadlines in every window"
            assert expected <= let_through, (today, days)
            if days is not None:
                assert len(let_through) < len(persons) / 2  # and it does filter


# --- (e) agreement steps ----------------------------------------------------------------------

def add_agreement(vault, case_id, *, status="in_force", concluded_on=date(2026, 3, 2), steps=()):
    with vault.session() as session:
        agreement = Agreement(case_id=case_id, title="Passbeschaffung", status=status, concluded_on=concluded_on,
                              authority_name="ABH Rheine")
        agreement.steps = [AgreementStep(position=index, **step) for index, step in enumerate(steps, start=1)]
        session.add(agreement)
        session.flush()
        return [step.id for step in agreement.steps]


def test_agreement_steps_due_overdue_and_missed_are_listed_waiting_ones_not(vault):
    case_id = add_case(vault, "2026-0001")
    ids = add_agreement(vault, case_id, steps=[
        {"party": "person", "action": "Termin  buchen", "due": date(2026, 3, 10)},  # overdue
        {"party": "authority", "action": "Erlaubnis erteilen", "due": date(2026, 3, 12)},  # waits for step 1
        {"party": "person", "action": "Kurs anmelden", "due": date(2026, 3, 5), "status": "missed"},
        {"party": "case_manager", "action": "Kosten klären", "due": date(2026, 4, 1)},  # due in the window
        {"party": "person", "action": "Pass vorlegen", "due": date(2026, 6, 1)},  # beyond the window
        {"party": "person", "action": "Nachweis", "within_days_after_previous": 7},  # waits for step 5
    ])

    items = listed(vault)

    assert keyed(items) == [
        ("2026-0001", "agreement_step", date(2026, 3, 5), True, f"agreement_step:{ids[2]}"),
        ("2026-0001", "agreement_step", date(2026, 3, 10), True, f"agreement_step:{ids[0]}"),
        ("2026-0001", "agreement_step", date(2026, 4, 1), False, f"agreement_step:{ids[3]}"),
    ]
    assert items[0].text == "Passbeschaffung, step 3 (person): Kurs anmelden — recorded as missed"
    assert items[1].text == "Passbeschaffung, step 1 (person): Termin buchen"


def test_a_relative_authority_step_is_listed_from_the_fulfilment(vault):
    case_id = add_case(vault, "2026-0001")
    ids = add_agreement(vault, case_id, steps=[
        {"party": "person", "action": "Pass vorlegen", "due": date(2026, 3, 10), "status": "fulfilled",
         "fulfilled_on": date(2026, 3, 9)},
        {"party": "authority", "action": "Duldung verlängern", "within_days_after_previous": 14,
         "due": date(2026, 3, 24)},
    ])

    assert keyed(listed(vault)) == [("2026-0001", "agreement_step", date(2026, 3, 23), False, f"agreement_step:{ids[1]}")]


def test_steps_of_drafts_fulfilled_and_ended_agreements_are_not_listed(vault):
    case_id = add_case(vault, "2026-0001")
    for status in ("draft", "fulfilled", "ended"):
        add_agreement(vault, case_id, status=status, steps=[
            {"party": "person", "action": "Termin buchen", "due": date(2026, 3, 10)}])

    assert listed(vault) == []


# --- (f) consents -----------------------------------------------------------------------------

def test_consents_expiring_within_30_days_unless_withdrawn_or_renewed(vault):
    case_id = add_case(vault, "2026-0001")
    with vault.session() as session:
        case = session.get(Case, case_id)
        jobcenter = make_agency(session, "Jobcenter Rheine", "SGB II")
        abh = make_agency(session)
        mbe = make_agency(session, "MBE Caritas", "MBE")
        expiring = make_consent(session, case, jobcenter, given=date(2025, 4, 1), valid_until=date(2026, 4, 1)).id
        make_consent(session, case, abh, given=date(2025, 4, 1), valid_until=date(2026, 4, 5),
                     withdrawn=date(2025, 12, 1))
        make_consent(session, case, mbe, given=date(2025, 4, 1), valid_until=date(2026, 3, 31))
        make_consent(session, case, mbe, given=date(2026, 3, 1), valid_until=date(2027, 3, 1))
        make_consent(session, case, abh, given=date(2025, 5, 1), valid_until=date(2026, 5, 1))  # 46 days
        make_consent(session, case, abh, given=date(2025, 1, 1), valid_until=date(2026, 3, 1))  # lapsed

    items = listed(vault, within_days=60)

    assert keyed(items) == [("2026-0001", "consent_expiry", date(2026, 4, 1), False, f"consent:{expiring}")]
    assert items[0].text == "Consent for Jobcenter Rheine valid until 2026-04-01"
    assert listed(vault, within_days=10) == []


# --- goal target dates ----------------------------------------------------------------------

def test_target_dates_of_open_goals(vault):
    case_id = add_case(vault, "2026-0001")
    with vault.session() as session:
        open_goal = Goal(case_id=case_id, area="language", text="B1-Kurs   abschließen", status="in_progress",
                         target_date=date(2026, 3, 1), created_on=date(2025, 9, 1))
        session.add_all([open_goal, Goal(case_id=case_id, area="needs", text="Wohnung", status="attained",
                                         target_date=date(2026, 3, 20), created_on=date(2025, 9, 1))])
        session.flush()
        goal_id = open_goal.id

    items = listed(vault)

    assert keyed(items) == [("2026-0001", "goal_target", date(2026, 3, 1), True, f"goal:{goal_id}")]
    assert items[0].text == "Target date of a goal in “Enable access to language”: B1-Kurs abschließen"


def test_a_goal_reviewed_on_or_after_its_target_date_is_no_longer_a_deadline(vault):
    case_id = add_case(vault, "2026-0001")
    with vault.session() as session:
        goal = Goal(case_id=case_id, area="language", text="B1", status="in_progress",
                    target_date=date(2026, 3, 1), created_on=date(2025, 9, 1))
        session.add(goal)
        session.flush()
        session.add(GoalReview(goal_id=goal.id, on=date(2026, 2, 28), attainment=60))  # before the target date
        goal_id = goal.id

    assert [item.source for item in listed(vault)] == [f"goal:{goal_id}"]

    with vault.session() as session:
        session.add(GoalReview(goal_id=goal_id, on=date(2026, 3, 1), attainment=70))

    assert listed(vault) == []


# --- the list as a whole --------------------------------------------------------------------

def test_overdue_first_then_by_due_date_across_cases_and_sources(vault):
    first = add_case(vault, "2026-0001", passport_status="has", passport_valid_until=date(2026, 3, 18))
    second = add_case(vault, "2026-0002", given="Dawit", family="Tesfaye", birth_date="1999-04-01",
                      residence_status="duldung")
    add_documents(vault, second, {"doc_type": "duldung", "valid_until": date(2026, 3, 1)})
    with vault.session() as session:
        session.add(Deadline(case_id=first, kind="review", due=date(2026, 3, 10), source="manual"))

    items = listed(vault)

    assert [(item.ref, item.kind, item.due, item.overdue) for item in items] == [
        ("2026-0002", "duldung_expiry", date(2026, 3, 1), True),
        ("2026-0001", "review", date(2026, 3, 10), True),
        ("2026-0001", "passport_expiry", date(2026, 3, 18), False),
        ("2026-0002", "birthday_27", date(2026, 3, 31), False),
    ]
    assert items[0].name == "Dawit Tesfaye"
    assert [item.ref for item in listed(vault, case_id=second)] == ["2026-0002", "2026-0002"]


def test_closed_cases_are_left_out(vault):
    case_id = add_case(vault, "2024-0001", status="closed", birth_date="1999-04-01", residence_status="duldung",
                       passport_status="has", passport_valid_until=date(2026, 3, 20))
    add_documents(vault, case_id, {"doc_type": "duldung", "valid_until": date(2026, 3, 25)})
    add_agreement(vault, case_id, steps=[{"party": "person", "action": "Termin", "due": date(2026, 3, 10)}])
    with vault.session() as session:
        session.add(Deadline(case_id=case_id, kind="review", due=date(2026, 3, 20), source="manual"))

    assert listed(vault) == []


def test_a_stored_copy_of_a_derived_deadline_is_merged_and_ticking_it_off_hides_it(vault):
    case_id = add_case(vault, "2026-0001", birth_date="1999-04-01", residence_status="duldung")
    (doc_id,) = add_documents(vault, case_id, {"doc_type": "duldung", "valid_until": date(2026, 3, 25)})
    with vault.session() as session:
        stored = Deadline(case_id=case_id, kind="duldung_expiry", due=date(2026, 3, 25),
                          source=f"residence_document:{doc_id}")
        # A copy with another date (e.g. computed differently by an import) is not listed twice either.
        session.add_all([stored, Deadline(case_id=case_id, kind="birthday_27", due=date(2026, 3, 30),
                                          source="rule:25a", done=True, done_on=date(2026, 3, 1))])
        session.flush()
        stored_id = stored.id

    items = listed(vault)
    assert keyed(items) == [
        ("2026-0001", "duldung_expiry", date(2026, 3, 25), False, f"residence_document:{doc_id}"),
        ("2026-0001", "birthday_27", date(2026, 3, 31), False, "rule:25a"),
    ]
    assert items[0].deadline_id == stored_id

    with vault.session() as session:
        row = session.get(Deadline, stored_id)
        row.done, row.done_on = True, date(2026, 3, 16)
        session.get(Deadline, session.scalar(select(Deadline.id).where(Deadline.kind == "birthday_27"))).due = \
            date(2026, 3, 31)

    assert listed(vault) == []


def test_negative_window_is_refused_and_the_vault_wrapper_works(vault):
    add_case(vault, "2026-0001", passport_status="has", passport_valid_until=date.today() + timedelta(days=3))

    with vault.session() as session, pytest.raises(ValidationError, match="cannot be negative"):
        collect_deadlines(session, today=TODAY, within_days=-1)
    assert [item.kind for item in deadline_list(vault, within_days=7)] == ["passport_expiry"]
