"""`lotse deadlines` and `lotse agreements` as a user runs them: a real subprocess on a vault with known data."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sqlalchemy import select

from app.models import Agreement, AgreementStep, AuditEntry, Case, Deadline, ResidenceDocument
from app.storage.vault import Vault
from tests.conftest import TEST_PASSWORD
from tests.deadline_builders import make_case
from tests.e2e import cli_helpers
from tests.e2e.cli_helpers import run, run_json

TODAY = date.today()


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


def build_known_vault(vault) -> dict[str, str]:
    """Two open cases and a closed one, with dates counted from today."""
    ids: dict[str, str] = {}
    with vault.session() as session:
        amina = make_case(session, ref="2026-0001", given="Amina", family="Yousef", residence_status="duldung",
                          passport_status="has", passport_valid_until=days(200))
        old = ResidenceDocument(person_id=amina.person_id, doc_type="duldung", valid_until=days(-100))
        current = ResidenceDocument(person_id=amina.person_id, doc_type="duldung", valid_until=days(12))
        session.add_all([old, current])
        agreement = Agreement(case_id=amina.id, title="Passbeschaffung", status="in_force", concluded_on=days(-30),
                              authority_name="ABH Rheine")
        agreement.steps = [
            AgreementStep(position=1, party="person", action="Termin bei der Botschaft buchen", due=days(-5),
                          proof_required="Terminbestätigung"),
            AgreementStep(position=2, party="authority", action="Beschäftigungserlaubnis erteilen",
                          within_days_after_previous=14),
            AgreementStep(position=3, party="case_manager", action="Kostenübernahme klären", due=days(20)),
            AgreementStep(position=4, party="person", action="Pass vorlegen", due=days(90)),
        ]
        session.add(agreement)

        dawit = make_case(session, ref="2026-0002", given="Dawit", family="Tesfaye", residence_status="gestattung",
                          passport_status="has", passport_valid_until=days(25))
        session.add(Deadline(case_id=dawit.id, kind="review", due=days(3), source="manual", note="Hilfeplan prüfen"))

        closed = make_case(session, ref="2025-0099", given="Closed", family="Case", status="closed")
        session.add(ResidenceDocument(person_id=closed.person_id, doc_type="duldung", valid_until=days(5)))
        session.flush()
        ids.update(current=current.id, old=old.id, agreement=agreement.id,
                   **{f"step{step.position}": step.id for step in agreement.steps})
    vault.lock()
    return ids


def test_deadlines_json_lists_due_steps_and_documents(vault, vault_dir, isolated_home):
    ids = build_known_vault(vault)

    items = run_json(vault_dir, "deadlines", "--within", "30", home=isolated_home)

    assert [(item["ref"], item["kind"], item["due"], item["overdue"], item["source"]) for item in items] == [
        ("2026-0001", "agreement_step", days(-5).isoformat(), True, f"agreement_step:{ids['step1']}"),
        ("2026-0002", "review", days(3).isoformat(), False, "manual"),
        ("2026-0001", "duldung_expiry", days(12).isoformat(), False, f"residence_document:{ids['current']}"),
        ("2026-0001", "agreement_step", days(20).isoformat(), False, f"agreement_step:{ids['step3']}"),
        ("2026-0002", "passport_expiry", days(25).isoformat(), False, "passport"),
    ]
    assert set(items[0]) == {"ref", "kind", "due", "overdue", "source", "text", "name"}
    assert items[0]["name"] == "Amina Yousef"
    assert items[0]["text"] == "Passbeschaffung, step 1 (person): Termin bei der Botschaft buchen"
    assert items[2]["text"] == f"Duldung valid until {days(12).isoformat()}"


def test_default_window_is_30_days_and_a_shorter_one_keeps_the_overdue(vault, vault_dir, isolated_home):
    build_known_vault(vault)

    default = run_json(vault_dir, "deadlines", home=isolated_home)
    week = run_json(vault_dir, "deadlines", "--within", "7", home=isolated_home)

    assert len(default) == 5
    assert [(item["kind"], item["overdue"]) for item in week] == [("agreement_step", True), ("review", False)]


def test_fulfilling_a_step_from_the_cli_puts_the_authority_step_on_the_list(vault, vault_dir, isolated_home):
    ids = build_known_vault(vault)

    result = run(vault_dir, "agreements", "step-done", ids["step1"], "--on", days(-1).isoformat(), home=isolated_home)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Step 1 of 'Passbeschaffung' recorded as fulfilled on {days(-1).isoformat()}."

    items = run_json(vault_dir, "deadlines", "--case", "2026-0001", home=isolated_home)
    steps = [(item["due"], item["source"]) for item in items if item["kind"] == "agreement_step"]
    # The authority's step now falls due 14 days after the person's step was fulfilled.
    assert steps == [(days(13).isoformat(), f"agreement_step:{ids['step2']}"),
                     (days(20).isoformat(), f"agreement_step:{ids['step3']}")]

    (agreement,) = run_json(vault_dir, "agreements", "list", "2026-0001", home=isolated_home)
    assert agreement["status"] == "in_force"
    assert [(step["position"], step["state"], step["due"]) for step in agreement["steps"]] == [
        (1, "fulfilled", days(-5).isoformat()), (2, "due", days(13).isoformat()),
        (3, "due", days(20).isoformat()), (4, "due", days(90).isoformat())]


def test_agreements_overview_and_text_output(vault, vault_dir, isolated_home):
    ids = build_known_vault(vault)

    (line,) = run_json(vault_dir, "agreements", "overview", home=isolated_home)
    assert (line["ref"], line["agreement_id"], line["steps_settled"], line["steps_total"]) == (
        "2026-0001", ids["agreement"], 0, 4)
    assert [(step["position"], step["state"], step["days_overdue"]) for step in line["late_steps"]] == [
        (1, "overdue", 5)]

    text = run(vault_dir, "deadlines", "--within", "30", home=isolated_home)
    assert text.returncode == 0, text.stderr
    first = text.stdout.splitlines()[0]
    assert first.startswith(f"OVERDUE  {days(-5).isoformat()}  2026-0001") and "Amina Yousef" in first


def test_bad_input_is_one_line_with_the_contract_exit_code(vault, vault_dir, isolated_home):
    ids = build_known_vault(vault)

    cases = [
        (("deadlines", "--within", "-1"), 2, "--within needs a number of days"),
        (("deadlines", "--within", "ten"), 2, "invalid int value"),
        (("deadlines", "--within", "99999999"), 2, "--within needs a number of days from 0 to 36500"),
        (("deadlines", "--on", "9999-12-31"), 2, "--on lies too far in the future"),
        (("deadlines", "--on", "21.11.2026"), 2, "--on needs a date as YYYY-MM-DD"),
        (("deadlines", "--case", "1999-0001"), 4, "No case with reference 1999-0001"),
        (("agreements",), 2, "needs a sub-command"),
        (("agreements", "list", "1999-0001"), 4, "No case with reference 1999-0001"),
        (("agreements", "step-done", ids["step1"], "--on", days(1).isoformat()), 4, "lies in the future"),
        (("agreements", "step-done", "no-such-step", "--on", days(0).isoformat()), 4, "No agreement step"),
    ]
    for args, code, message in cases:
        result = run(vault_dir, *args, home=isolated_home)
        assert result.returncode == code, (args, result.stderr)
        assert result.stderr.startswith("lotse: ") and message in result.stderr, (args, result.stderr)
        assert len(result.stderr.splitlines()) == 1 and result.stdout == ""


def test_a_wrong_password_exits_3(vault, vault_dir, isolated_home, monkeypatch):
    build_known_vault(vault)
    monkeypatch.setattr(cli_helpers, "TEST_PASSWORD", "not the password")  # what run() puts in LOTSE_PASSWORD

    result = run(vault_dir, "deadlines", home=isolated_home)

    assert result.returncode == 3 and result.stderr.startswith("lotse: ")


def test_the_listing_is_in_the_audit_log_without_names(vault, vault_dir, isolated_home):
    build_known_vault(vault)
    run_json(vault_dir, "deadlines", home=isolated_home)
    run_json(vault_dir, "agreements", "list", "2026-0001", home=isolated_home)

    reopened = Vault.unlock(vault_dir, TEST_PASSWORD)
    try:
        with reopened.session() as session:
            entries = session.execute(select(AuditEntry.action, AuditEntry.case_id, AuditEntry.detail)).all()
            case_id = session.scalar(select(Case.id).where(Case.ref == "2026-0001"))
    finally:
        reopened.lock()
    assert ("deadlines.list", None, "within=30 items=5") in entries
    assert ("agreement.list", case_id, "agreements=1") in entries
    assert not any("Amina" in detail or "Yousef" in detail for _action, _case, detail in entries)


# --- on a demo vault ------------------------------------------------------------------------

DEMO_DAY = "2026-06-15"


def test_on_a_demo_vault_the_list_has_due_steps_and_documents_each_once(vault, vault_dir, isolated_home):
    vault.lock()
    demo = run(vault_dir, "demo", "--cases", "120", "--seed", "7", "--today", DEMO_DAY, "--json", home=isolated_home)
    assert demo.returncode == 0, demo.stderr

    items = run_json(vault_dir, "deadlines", "--within", "30", "--on", DEMO_DAY, home=isolated_home)

    kinds = {item["kind"] for item in items}
    assert "agreement_step" in kinds
    assert kinds & {"duldung_expiry", "gestattung_expiry", "permit_expiry"}
    assert "passport_expiry" in kinds
    # Every item names where it comes from: a document, the passport, a step, a rule, or a hand-made entry.
    assert all(re.fullmatch(r"(residence_document|agreement_step|consent|goal|deadline):[0-9a-f-]{36}|passport"
                            r"|manual|rule:(25a|25b|60c|60d)", item["source"]) for item in items), \
        {item["source"] for item in items}
    last = (date.fromisoformat(DEMO_DAY) + timedelta(days=30)).isoformat()
    assert all(item["overdue"] == (item["due"] < DEMO_DAY) for item in items)
    assert all(item["due"] <= last for item in items)
    assert [item["overdue"] for item in items] == sorted((item["overdue"] for item in items), reverse=True)
    for overdue in (True, False):
        dues = [item["due"] for item in items if item["overdue"] is overdue]
        assert dues == sorted(dues)
    # The demo also stores copies of derived deadlines; each is listed once, from the live source.
    keys = [(item["ref"], item["kind"], item["source"]) for item in items if item["source"] != "manual"]
    assert len(keys) == len(set(keys))

    reopened = Vault.unlock(vault_dir, TEST_PASSWORD)
    try:
        with reopened.session() as session:
            statuses = set(session.scalars(select(Agreement.status)))
            step_ids = [item["source"].split(":", 1)[1] for item in items if item["kind"] == "agreement_step"]
            step_agreements = session.execute(
                select(AgreementStep.status, Agreement.status)
                .join(Agreement, Agreement.id == AgreementStep.agreement_id)
                .where(AgreementStep.id.in_(step_ids))
            ).all()
            closed_refs = set(session.scalars(select(Case.ref).where(Case.status == "closed")))
    finally:
        reopened.lock()
    assert statuses == {"draft", "in_force", "fulfilled", "ended"}
    assert len(step_agreements) == len(step_ids)
    assert all(agreement == "in_force" and step in ("open", "missed") for step, agreement in step_agreements)
    assert not {item["ref"] for item in items} & closed_refs


def test_case_show_lists_the_cases_live_deadlines_with_their_sources(vault, vault_dir, isolated_home):
    ids = build_known_vault(vault)

    detail = run_json(vault_dir, "case", "show", "2026-0001", home=isolated_home)

    listed = [(row["kind"], row["due"], row["done"], row["source"]) for row in detail["deadlines"]]
    # Not only what was stored by hand: the step, the current Duldung and the passport, each once, by date.
    assert listed == [
        ("agreement_step", days(-5).isoformat(), False, f"agreement_step:{ids['step1']}"),
        ("duldung_expiry", days(12).isoformat(), False, f"residence_document:{ids['current']}"),
        ("agreement_step", days(20).isoformat(), False, f"agreement_step:{ids['step3']}"),
        ("agreement_step", days(90).isoformat(), False, f"agreement_step:{ids['step4']}"),
        ("passport_expiry", days(200).isoformat(), False, "passport"),
    ]
    assert all({"kind", "due", "done"} <= set(row) for row in detail["deadlines"])
    # A closed case keeps its stored rows only.
    assert run_json(vault_dir, "case", "show", "2025-0099", home=isolated_home)["deadlines"] == []


def test_text_output_names_states_and_kinds_in_the_interface_language(vault, vault_dir, isolated_home, monkeypatch):
    """The text lists print words, not the stored codes (JSON keeps the codes)."""
    build_known_vault(vault)
    monkeypatch.setenv("LOTSE_LANG", "de")
    listing = run(vault_dir, "agreements", "list", "2026-0001", home=isolated_home)
    assert listing.returncode == 0, listing.stderr
    assert "(In Kraft," in listing.stdout and "[überfällig 5 d" in listing.stdout
    assert "in_force" not in listing.stdout and "overdue" not in listing.stdout
    deadlines = run(vault_dir, "deadlines", "--within", "30", home=isolated_home)
    assert "duldung_expiry" not in deadlines.stdout and "agreement_step" not in deadlines.stdout
