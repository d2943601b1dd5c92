"""`lotse retention` and `lotse audit` end to end."""

from __future__ import annotations

import csv
import io
from datetime import date

from app.models import Case, Person
from app.services import audit
from tests.e2e.cli_helpers import run, run_json


def add(session, ref, closed, hold=""):
    case = Case(ref=ref, person=Person(given_names="Vorname", family_name=ref), case_type="case_management",
                opened=date(2015, 1, 1), closed=closed, status="closed" if closed else "active",
                legal_hold=bool(hold), legal_hold_reason=hold)
    session.add(case)
    session.flush()
    audit.record(session, "anna", "case.viewed", case.id, "tab=overview")
    return case


def test_retention_lists_then_erases(vault, vault_dir, isolated_home, tmp_path):
    with vault.session() as session:
        add(session, "2016-0001", date(2016, 5, 1))
        add(session, "2016-0002", date(2016, 6, 1), hold="Verfahren vor dem Sozialgericht")
        add(session, "2099-0001", None)
    vault.lock()
    listed = run_json(vault_dir, "retention", home=isolated_home)
    assert [c["ref"] for c in listed["due"]] == ["2016-0001"]
    assert listed["held"] == [{"ref": "2016-0002", "case_type": "case_management", "closed": "2016-06-01",
                               "retention_ends": "2019-06-01", "reason": "Verfahren vor dem Sozialgericht"}]
    assert listed["erased"] == []
    plain = run(vault_dir, "retention", home=isolated_home)
    assert "2016-0001" in plain.stdout and "legal hold" in plain.stdout

    applied = run(vault_dir, "retention", "--apply", home=isolated_home)
    assert applied.returncode == 0, applied.stderr
    assert "Erased 2016-0001" in applied.stdout and "Verfahren vor dem Sozialgericht" in applied.stdout
    again = run_json(vault_dir, "retention", home=isolated_home)
    assert again["due"] == [] and [c["ref"] for c in again["held"]] == ["2016-0002"]

    # The audit log still shows the view and the erasure, no longer whose case it was.
    log = run_json(vault_dir, "audit", "--action", "case.*", "--limit", "50", home=isolated_home)
    assert {"at", "user", "action", "case_ref", "detail"} <= set(log["entries"][0])
    erased = [e for e in log["entries"] if e["action"] == "case.erased"]
    assert erased and erased[0]["case_ref"] == "" and erased[0]["detail"] == "retention"
    views = [e for e in log["entries"] if e["action"] == "case.viewed"]
    assert sorted(e["case_ref"] for e in views) == ["", "2016-0002", "2099-0001"]
    assert [e["detail"] for e in views if e["case_ref"] == ""] == [""]

    held = run_json(vault_dir, "audit", "--case", "2016-0002", home=isolated_home)
    assert held["total"] == 1
    gone = run(vault_dir, "audit", "--case", "2016-0001", home=isolated_home)
    assert gone.returncode == 4 and gone.stderr.startswith("lotse: ")
    export = tmp_path / "audit.csv"
    result = run(vault_dir, "audit", "--user", "anna", "--csv", str(export), home=isolated_home)
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(export.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["at_utc", "user", "action", "case_ref", "case_id", "detail"] and len(rows) == 4
