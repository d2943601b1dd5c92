"""Every figure of the 2025 report over a vault with known numbers, raw and published."""

from __future__ import annotations

import csv
import io

import pytest

from app.models.codes import GOAL_AREAS
from app.services.reporting import ReportScope, build_report, publish, report_csv
from app.services.reporting.disclosure import report_table
from tests.unit.known_report_vault import (
    EXPECTED_RAW,
    NEED_ASSESSMENT,
    NEED_CLOSURE,
    PERIOD,
    build_known_vault,
)

X, LT5 = "x", "<5"

EXPECTED_PUBLISHED = {
    "cases_opened": {"case_management": X, "referral_advice": LT5, "total": 15},
    "cases_active": {"case_management": X, "referral_advice": LT5, "total": 22},
    "cases_closed": {"case_management": X, "referral_advice": LT5, "total": 11},
    "closing_reasons": {"goals_attained": 5, "handed_over": LT5, "moved_away": LT5, "no_contact": LT5, "total": 11},
    "age_groups": {"under_18": LT5, "18_27": 12, "over_27": X, "unknown": LT5, "total": 22},
    "residence_status": {
        "duldung": 8, "gestattung": X, "aufenthaltserlaubnis": X, "fiktionsbescheinigung": 0,
        "niederlassungserlaubnis": 0, "ankunftsnachweis": 0, "other": 0, "unknown": LT5, "total": 22,
    },
    "goals_set": {
        "residence": LT5, "needs": 0, "language": 9, "education_work": 6, "health": LT5,
        "mental_health": 0, "networks": 0, "perspectives": 0, "total": 20,
    },
    "goals_attained": {
        "residence": 0, "needs": 0, "language": X, "education_work": LT5, "health": 0,
        "mental_health": 0, "networks": 0, "perspectives": 0, "total": X,
    },
    "referrals": {
        "SGB II": X, "SGB III": LT5, "SGB VIII": 0, "SGB XII": 0, "AsylbLG": 0, "AufenthG": 9,
        "MBE": 0, "JMD": 0, "health": 0, "education": 0, "other": 0, "total": 19,
    },
    "barriers": {"missing_offer": LT5, "office_refusal": X, "waiting_list": X, "total": 18},
    "barrier_institutions": {
        "missing_offer|unknown": LT5,
        "office_refusal|Ausländerbehörde Musterkreis": X,
        "office_refusal|Jobcenter Musterkreis": LT5,
        "waiting_list|Sprachkursträger A": X,
        "total": 18,
    },
    "case_conferences": {"count": LT5},
}


def need_levels(levels: dict[str, dict[int, int]], mark_language: bool) -> dict:
    out = {}
    for area in GOAL_AREAS:
        for level in range(4):
            n = levels.get(area, {}).get(level, 0)
            out[f"{area}:{level}"] = n
        out[f"{area}:total"] = sum(levels.get(area, {}).values())
    if mark_language:  # six people: every count is 1-4, and the 6 would give them away
        out = {k: (LT5 if v and not k.endswith("total") else (X if k == "language:total" else v)) for k, v in out.items()}
    return out


@pytest.fixture
def report(vault):
    with vault.session() as session:
        build_known_vault(session)
    with vault.session() as session:
        return build_report(session, ReportScope(*PERIOD))


def test_every_raw_figure(report):
    for section, expected in EXPECTED_RAW.items():
        assert report.sections[section] == expected, section
    without_total = {k: v for k, v in need_levels(NEED_ASSESSMENT, False).items() if not k.endswith("total")}
    assert report.sections["need_levels_assessment"] == without_total
    without_total = {k: v for k, v in need_levels(NEED_CLOSURE, False).items() if not k.endswith("total")}
    assert report.sections["need_levels_closure"] == without_total
    assert set(report.sections) == set(EXPECTED_RAW) | {"need_levels_assessment", "need_levels_closure"}


def test_every_published_figure(report):
    published = publish(report)
    for section, expected in EXPECTED_PUBLISHED.items():
        assert published.sections[section] == expected, section
    assert published.sections["need_levels_assessment"] == need_levels(NEED_ASSESSMENT, True)
    assert published.sections["need_levels_closure"] == need_levels(NEED_CLOSURE, True)


def test_csv_has_every_figure_in_long_format(report):
    data = report_csv(publish(report))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert rows[0] == ["section", "key", "value"]
    got: dict[str, dict[str, str]] = {}
    for section, key, value in rows[1:]:
        assert key not in got.setdefault(section, {})
        got[section][key] = value
    expected = dict(EXPECTED_PUBLISHED)
    expected["need_levels_assessment"] = need_levels(NEED_ASSESSMENT, True)
    expected["need_levels_closure"] = need_levels(NEED_CLOSURE, True)
    assert got == {s: {k: str(v) for k, v in cells.items()} for s, cells in expected.items()}
    assert "Ausländerbehörde" in data.decode("utf-8")  # UTF-8, not mangled
    assert not any(v in ("1", "2", "3", "4") for cells in got.values() for v in cells.values())


def test_no_withheld_cell_can_be_recomputed_from_what_the_csv_shows(report):
    """The reader's attack on the CSV: with every sum the report implies, each
    '<5' could still be 1, 2, 3 or 4 and each 'x' has more than one value."""
    published = publish(report)
    table = report_table(report)
    withheld = {ref for ref in table.values if isinstance(_shown(published, table, ref), str)}
    from app.services.reporting.disclosure import feasible_ranges

    bounds = feasible_ranges(table, withheld)
    for ref in withheld:
        lo, hi = bounds[ref]
        if _shown(published, table, ref) == LT5:
            assert (lo, hi) == (1, 4), ref
        else:
            assert hi > lo and lo >= 5, ref
    # The sums hold on the raw figures (the table really describes the report).
    for eq in table.equations:
        assert table.values[eq.parent] == sum(table.values[c] for c in eq.children)


def _shown(published, table, ref):
    return published.sections[ref[0]][ref[1]]


def test_filter_by_case_manager_and_programme(vault):
    with vault.session() as session:
        build_known_vault(session)
    with vault.session() as session:
        ben = build_report(session, ReportScope(*PERIOD, case_manager="Ben Kaya"))
        gk = build_report(session, ReportScope(*PERIOD, programme="gk"))
    assert ben.sections["cases_opened"] == {"case_management": 4, "referral_advice": 0}
    assert gk.sections["cases_opened"] == {"case_management": 3, "referral_advice": 0}
    # Ben's cases (opened 2025, i = 8..11) carry one language goal each for i = 8 only.
    assert ben.sections["goals_set"]["language"] == 1
    assert ben.sections["case_conferences"]["count"] == 0


def test_period_must_be_in_order_and_programme_known():
    from datetime import date

    from app.errors import UsageError

    with pytest.raises(UsageError):
        ReportScope(date(2025, 2, 1), date(2025, 1, 1))
    with pytest.raises(UsageError):
        ReportScope(date(2025, 1, 1), date(2025, 2, 1), programme="xyz")
