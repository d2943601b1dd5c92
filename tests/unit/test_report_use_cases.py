"""The report use cases the GUI's report page calls: published figures and the filter list."""

from __future__ import annotations

from app.models import AuditEntry
from app.services.reporting import ReportScope, build_report, publish
from app.services.reporting.use_cases import case_managers, published_report_for
from tests.unit.known_report_vault import PERIOD, build_known_vault


def test_the_page_gets_the_published_figures_and_nothing_is_logged(vault):
    with vault.session() as session:
        build_known_vault(session)
    scope = ReportScope(*PERIOD)
    published = published_report_for(vault, scope)
    with vault.session() as session:
        expected = publish(build_report(session, scope))
        logged = session.query(AuditEntry).count()
    assert published.sections == expected.sections
    assert published.sections["cases_opened"] == {"case_management": "x", "referral_advice": "<5", "total": 15}
    assert logged == 0  # showing figures inside the app is no export


def test_case_managers_are_listed_once_sorted(vault):
    with vault.session() as session:
        build_known_vault(session)
    assert case_managers(vault) == ["Anna Berger", "Ben Kaya"]
