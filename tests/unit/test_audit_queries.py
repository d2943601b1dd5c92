"""Audit log viewer queries and the export for the data-protection officer."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest

from app.errors import UsageError
from app.models import AuditEntry, Case, Person
from app.services.audit_queries import audit_entries, audit_users_and_actions, export_audit_csv


@pytest.fixture
def logged(vault):
    with vault.session() as session:
        case = Case(ref="2025-0001", person=Person(given_names="A", family_name="B"), case_type="case_management",
                    opened=date(2025, 1, 1))
        session.add(case)
        session.flush()
        entries = [
            (datetime(2025, 3, 1, 9), "anna", "case.viewed", case.id, "tab=goals"),
            (datetime(2025, 3, 1, 23, 59), "ben", "case.changed", case.id, "field=phase"),
            (datetime(2025, 3, 2, 0, 0), "anna", "letter.printed", case.id, "agency=x"),
            (datetime(2025, 4, 1, 8), "anna", "vault.backup", None, ""),
            (datetime(2025, 4, 2, 8), "zoë", "case_list.viewed", None, "Übersicht"),
        ]
        session.add_all([AuditEntry(at=at, user=u, action=a, case_id=c, detail=d) for at, u, a, c, d in entries])
        return case.id


def test_filters(vault, logged):
    with vault.session() as session:
        everything = audit_entries(session)
        assert everything.total == 5
        assert [r.action for r in everything.rows][:2] == ["case_list.viewed", "vault.backup"]  # newest first
        of_case = audit_entries(session, case_id=logged)
        assert of_case.total == 3 and {r.case_ref for r in of_case.rows} == {"2025-0001"}
        assert audit_entries(session, user="anna").total == 3
        assert audit_entries(session, action="case.viewed").total == 1
        assert audit_entries(session, action="case.*").total == 2  # not "case_list.viewed": _ is literal
        assert audit_entries(session, date_from=date(2025, 3, 1), date_to=date(2025, 3, 1)).total == 2
        assert audit_entries(session, date_from=date(2025, 3, 2)).total == 3
        page = audit_entries(session, offset=4, limit=2)
        assert (len(page.rows), page.total) == (1, 5)
        assert audit_users_and_actions(session)[0] == ["anna", "ben", "zoë"]
        with pytest.raises(UsageError):
            audit_entries(session, limit=0)
        with pytest.raises(UsageError):
            audit_entries(session, date_from=date(2025, 2, 1), date_to=date(2025, 1, 1))


def test_export_csv_is_readable_and_logged(vault, logged):
    with vault.session() as session:
        data = export_audit_csv(session, "dpo", user="zoë")
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [list(("at_utc", "user", "action", "case_ref", "case_id", "detail")),
                    ["2025-04-02T08:00:00", "zoë", "case_list.viewed", "", "", "Übersicht"]]
    with vault.session() as session:
        assert audit_entries(session, action="audit.exported").rows[0].user == "dpo"


def test_vault_level_calls_for_the_gui(vault, logged):
    from app.services.audit_queries import audit_csv, audit_page
    from app.services.retention import retention_overview

    assert audit_page(vault, case_id=logged, limit=2).total == 3
    assert audit_csv(vault, "dpo", action="vault.*").count(b"\r\n") == 2
    assert retention_overview(vault, date(2025, 1, 1), {"case_management": 3}).due == []


def test_filter_by_case_reference(vault, logged):
    from app.services.audit_queries import audit_csv, audit_page

    assert audit_page(vault, case_ref="2025-0001").total == 3
    assert audit_page(vault, case_ref=" 2025-0001 ").total == 3  # pasted with spaces
    assert audit_page(vault, case_ref="2025-9999").total == 0
    rows = list(csv.reader(io.StringIO(audit_csv(vault, "dpo", case_ref="2025-0001").decode("utf-8-sig"))))
    assert len(rows) == 1 + 3
    exported = audit_page(vault, action="audit.exported").rows[0]
    assert exported.case_id == logged  # the export of one case's entries is logged against that case


def test_local_days_follow_the_computers_time_zone(vault, logged, monkeypatch):
    import time as time_module

    from app.services.audit_queries import audit_page

    if not hasattr(time_module, "tzset"):
        pytest.skip("time zones cannot be switched on this platform")
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time_module.tzset()
    try:
        # 2025-03-01 23:59 UTC is 2 March 00:59 in Berlin: a local 1 March has only the 09:00 entry.
        assert audit_page(vault, date_from=date(2025, 3, 1), date_to=date(2025, 3, 1)).total == 2
        assert audit_page(vault, date_from=date(2025, 3, 1), date_to=date(2025, 3, 1), local_days=True).total == 1
        assert audit_page(vault, date_from=date(2025, 3, 2), date_to=date(2025, 3, 2), local_days=True).total == 2
    finally:
        monkeypatch.delenv("TZ")
        time_module.tzset()


def test_filter_values_for_the_gui(vault, logged):
    from app.services.audit_queries import audit_filter_values

    users, actions = audit_filter_values(vault)
    assert users == ["anna", "ben", "zoë"]
    assert actions == ["case.changed", "case.viewed", "case_list.viewed", "letter.printed", "vault.backup"]
