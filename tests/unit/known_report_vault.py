"""A case file with known numbers for the report of 2025 (built with the ORM).

Every figure the report of 01.01.2025–31.12.2025 must show is listed in
``EXPECTED_RAW``; rows outside the period or not counted (a goal only partly
attained, a meeting that is no case conference …) are there to be ignored.
"""

from __future__ import annotations

import itertools
from datetime import date

from app.models import Agency, Assessment, Barrier, Case, Contact, Goal, Person, Referral

PERIOD = (date(2025, 1, 1), date(2025, 12, 31))

EXPECTED_RAW = {
    "cases_opened": {"case_management": 12, "referral_advice": 3},
    "cases_active": {"case_management": 19, "referral_advice": 3},
    "cases_closed": {"case_management": 8, "referral_advice": 3},
    "closing_reasons": {"goals_attained": 5, "handed_over": 3, "moved_away": 2, "no_contact": 1},
    "age_groups": {"under_18": 2, "18_27": 12, "over_27": 7, "unknown": 1},
    "residence_status": {
        "duldung": 8, "gestattung": 6, "aufenthaltserlaubnis": 7, "fiktionsbescheinigung": 0,
        "niederlassungserlaubnis": 0, "ankunftsnachweis": 0, "other": 0, "unknown": 1,
    },
    "goals_set": {
        "residence": 4, "needs": 0, "language": 9, "education_work": 6, "health": 1,
        "mental_health": 0, "networks": 0, "perspectives": 0,
    },
    "goals_attained": {
        "residence": 0, "needs": 0, "language": 5, "education_work": 2, "health": 0,
        "mental_health": 0, "networks": 0, "perspectives": 0,
    },
    "referrals": {
        "SGB II": 7, "SGB III": 3, "SGB VIII": 0, "SGB XII": 0, "AsylbLG": 0, "AufenthG": 9,
        "MBE": 0, "JMD": 0, "health": 0, "education": 0, "other": 0,
    },
    "barriers": {"missing_offer": 1, "office_refusal": 11, "waiting_list": 6},
    "barrier_institutions": {
        "missing_offer|unknown": 1,
        "office_refusal|Ausländerbehörde Musterkreis": 9,
        "office_refusal|Jobcenter Musterkreis": 2,
        "waiting_list|Sprachkursträger A": 6,
    },
    "case_conferences": {"count": 3},
}
NEED_ASSESSMENT = {"language": {2: 2, 3: 4}}
NEED_CLOSURE = {"language": {0: 1, 1: 4, 2: 1}}

# The 22 people whose cases are active in 2025: birth dates (age on 31.12.2025) and status.
ACTIVE_BIRTHS = (
    ["2008-03", "2010-05-20"]  # under 18 (a month only: the 15th, so 17)
    + ["2007", "1998-01-01"] + ["2000-02-02"] * 10  # 18-27 ("2007": 1 July, so 18; 27 exactly)
    + ["1997-12-31"] + ["1980-01-01"] * 6  # over 27 (28 on the day)
    + [""]  # unknown
)
ACTIVE_STATUS = ["duldung"] * 8 + ["gestattung"] * 6 + ["aufenthaltserlaubnis"] * 7 + [""]


def _case(session, n: int, case_type: str, opened: date, closed: date | None = None, reason: str = "",
          birth: str = "1990-01-01", status: str = "duldung", manager: str = "Anna Berger",
          gk: bool = False) -> Case:
    person = Person(given_names=f"Vorname{n}", family_name=f"Nachname{n}", birth_date=birth, residence_status=status)
    case = Case(ref=f"T-{n:04d}", person=person, case_type=case_type, opened=opened, closed=closed,
                status="closed" if closed else "active", closing_reason=reason, case_manager=manager,
                programme_gk=gk)
    session.add(case)
    session.flush()
    return case


def build_known_vault(session) -> dict[str, list[Case]]:
    """The cases, by role: ``active`` (22, in the order of ACTIVE_BIRTHS), ``inactive``."""
    births, statuses = iter(ACTIVE_BIRTHS), iter(ACTIVE_STATUS)
    counter = itertools.count(1)

    def active_case(*args, **kw) -> Case:
        return _case(session, next(counter), *args, birth=next(births), status=next(statuses), **kw)

    cm, ra = "case_management", "referral_advice"
    reasons = ["goals_attained"] * 5 + ["moved_away"] * 2
    opened_cm = []
    for i in range(12):  # 12 case-management cases opened in 2025, 7 of them closed in 2025
        closed = date(2025, 6 + i % 3, 10) if i < 7 else None
        opened_cm.append(active_case(cm, date(2025, 1 + i % 5, 3 + i), closed, reasons[i] if i < 7 else "",
                                     manager="Anna Berger" if i < 8 else "Ben Kaya", gk=i >= 9))
    opened_ra = [active_case(ra, date(2025, 2, 1 + i), date(2025, 3, 1 + i), "handed_over") for i in range(3)]
    carried = [active_case(cm, date(2024, 6, 1)) for _ in range(6)]  # opened 2024, still open
    closed_first_day = active_case(cm, date(2024, 3, 1), date(2025, 1, 1), "no_contact")
    active = opened_cm + opened_ra + carried + [closed_first_day]
    assert len(active) == 22
    inactive = [
        _case(session, next(counter), cm, date(2023, 5, 1), date(2024, 12, 31), "goals_attained", status="fiktionsbescheinigung"),
        _case(session, next(counter), cm, date(2023, 5, 2), date(2024, 12, 31), "moved_away", status="fiktionsbescheinigung"),
        _case(session, next(counter), cm, date(2026, 1, 5), status="fiktionsbescheinigung"),
    ]

    _need_levels(session, opened_cm, inactive, carried)
    _goals(session, opened_cm, carried)
    _referrals(session, active)
    _barriers(session, active)
    _contacts(session, active)
    return {"active": active, "inactive": inactive, "opened_cm": opened_cm, "carried": carried}


def _need_levels(session, opened_cm, inactive, carried) -> None:
    # Six of the cases closed in 2025 were assessed in "language" at both points.
    pairs = [(3, 1), (3, 1), (3, 0), (2, 1), (2, 2), (3, 1)]
    for case, (before, after) in zip(opened_cm[:6], pairs, strict=True):
        session.add(Assessment(case_id=case.id, area="language", need_level=before, need_level_at_closure=after))
    # Not counted: no level at closure (closed case), a case closed in 2024, an open case.
    session.add(Assessment(case_id=opened_cm[6].id, area="language", need_level=3))
    session.add(Assessment(case_id=inactive[0].id, area="language", need_level=3, need_level_at_closure=0))
    session.add(Assessment(case_id=carried[0].id, area="health", need_level=2, need_level_at_closure=1))


def _goals(session, opened_cm, carried) -> None:
    def goal(case, area, created, status="open", closed=None):
        session.add(Goal(case_id=case.id, area=area, text=f"Ziel {area}", created_on=created, status=status, closed_on=closed))

    for i in range(9):  # language: 9 set, 4 of them attained in 2025
        goal(opened_cm[i], "language", date(2025, 3, 1), *(("attained", date(2025, 9, 1)) if i < 4 else ()))
    goal(carried[0], "language", date(2024, 11, 1), "attained", date(2025, 2, 1))  # set 2024, attained 2025
    for i in range(6):  # education_work: 6 set, 2 attained
        goal(opened_cm[i], "education_work", date(2025, 4, 1), *(("attained", date(2025, 10, 1)) if i < 2 else ()))
    for i in range(4):
        goal(carried[i], "residence", date(2025, 5, 5))
    goal(carried[4], "health", date(2025, 12, 31))
    # Not counted:
    goal(carried[5], "networks", date(2024, 12, 31))  # set before the period
    goal(carried[5], "perspectives", date(2024, 1, 1), "partly_attained", date(2025, 5, 1))
    goal(carried[5], "needs", date(2024, 1, 1), "attained", date(2026, 1, 10))


def _referrals(session, active) -> None:
    agencies = {
        domain: Agency(name=name, legal_domain=domain)
        for domain, name in (("SGB II", "Jobcenter"), ("SGB III", "Agentur für Arbeit"), ("AufenthG", "Ausländerbehörde"))
    }
    session.add_all(agencies.values())
    session.flush()

    def refer(case, domain, on):
        session.add(Referral(case_id=case.id, agency_id=agencies[domain].id, date=on))

    for i in range(7):
        refer(active[i], "SGB II", date(2025, 7, 1))
    for i in range(3):
        refer(active[12 + i], "SGB III", date(2025, 2, 10))
    for i in range(9):
        refer(active[i + 5], "AufenthG", date(2025, 8, 1))
    refer(active[0], "SGB II", date(2024, 12, 31))
    refer(active[0], "SGB II", date(2026, 1, 1))


def _barriers(session, active) -> None:
    def barrier(case, category, institution, on, shareable=False, description=""):
        session.add(Barrier(case_id=case.id, category=category, institution=institution, occurred_on=on,
                            shareable=shareable, description=description))

    for i in range(6):
        barrier(active[i], "waiting_list", "Sprachkursträger A", date(2025, 3, 1 + i), shareable=i == 0,
                description="Wartezeit von acht Monaten auf einen Integrationskurs.")
    for i in range(2):
        barrier(active[i], "office_refusal", "Jobcenter Musterkreis", date(2025, 4, 1))
    for i in range(9):
        barrier(active[i], "office_refusal", "Ausländerbehörde Musterkreis", date(2025, 5, 2 + i))
    barrier(active[3], "missing_offer", "", date(2025, 11, 30))
    barrier(active[3], "missing_offer", "", date(2024, 11, 30))  # before the period


def _contacts(session, active) -> None:
    for i in range(3):
        session.add(Contact(case_id=active[i].id, date=date(2025, 6, 1), kind="case_conference"))
    session.add(Contact(case_id=active[0].id, date=date(2024, 6, 1), kind="case_conference"))
    session.add(Contact(case_id=active[0].id, date=date(2025, 6, 1), kind="meeting"))
