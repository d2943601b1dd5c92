"""letter, agreement, consent-form, export-subject as a user runs them (real subprocesses)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import AuditEntry
from tests.conftest import TEST_PASSWORD
from tests.unit.document_case import ARABIC_NAME, JOBCENTER, REF, build_document_case, give_consent
from tests.unit.pdf_inspect import pdf_text, rtl_reading

REASON = "Gefahr im Verzug nach § 8a SGB VIII, mit der Leitung abgestimmt"


def run(vault_dir: Path, *args: str, home: Path, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "LOTSE_PASSWORD": TEST_PASSWORD, "LOTSE_KDF_TARGET_SECONDS": "0", "LOTSE_HOME": str(home),
           "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "app", "--vault", str(vault_dir), *args], cwd=cwd,
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def setup(vault_dir, isolated_home, tmp_path):
    """A vault with one case (no consent yet) and the organisation in the settings."""
    from app.settings import Settings
    from app.storage.vault import Vault

    settings = Settings()
    settings.set("org/name", "Kreis Emsbruch – Kommunales Integrationszentrum")
    settings.set("org/address", "Kreishausplatz 1\n48431 Emsbruch")
    settings.set("org/phone", "05971 399-0")
    vault, _code = Vault.create(vault_dir, TEST_PASSWORD, user_name="Lena Schulte")
    case = build_document_case(vault)
    vault.lock()
    work = tmp_path / "work"
    work.mkdir()
    return case, work


def _with_vault(vault_dir, action):
    from app.storage.vault import Vault

    vault = Vault.unlock(vault_dir, TEST_PASSWORD)
    try:
        return action(vault)
    finally:
        vault.lock()


def test_letter_is_refused_without_consent(vault_dir, isolated_home, setup):
    _case, work = setup
    result = run(vault_dir, "letter", REF, "--to", JOBCENTER, home=isolated_home, cwd=work)
    assert result.returncode == 5
    assert result.stderr.splitlines() == [
        "lotse: No letter to Jobcenter Kreis Emsbruch without a valid consent: There is no consent for this recipient."
    ]
    assert list(work.iterdir()) == []


def test_letter_with_consent_is_written_where_the_user_says(vault_dir, isolated_home, setup):
    case, work = setup
    _with_vault(vault_dir, lambda vault: give_consent(vault, case.case_id))
    result = run(vault_dir, "letter", REF, "--to", JOBCENTER, home=isolated_home, cwd=work)
    assert result.returncode == 0, result.stderr
    default = work / f"Verweis-{REF}.pdf"
    assert str(default) in result.stdout and "relies on the consent of" in result.stdout
    pdf = default.read_bytes()
    assert pdf.startswith(b"%PDF")
    assert REF in pdf_text(pdf)
    # The default name is not overwritten; -o chooses another place.
    again = run(vault_dir, "letter", REF, "--to", JOBCENTER, home=isolated_home, cwd=work)
    assert again.returncode == 4 and "exists already" in again.stderr
    chosen = work / "sub" / "jobcenter.pdf"
    chosen.parent.mkdir()
    assert run(vault_dir, "letter", REF, "--to", JOBCENTER, "-o", str(chosen), home=isolated_home,
               cwd=work).returncode == 0
    assert chosen.read_bytes().startswith(b"%PDF")


def test_override_is_logged_but_not_printed(vault_dir, isolated_home, setup):
    _case, work = setup
    out = work / "letter.pdf"
    result = run(vault_dir, "letter", REF, "--to", JOBCENTER, "--override-reason", REASON, "-o", str(out),
                 home=isolated_home, cwd=work)
    assert result.returncode == 0, result.stderr
    assert "WITHOUT a consent" in result.stdout
    text = pdf_text(out.read_bytes())
    assert REF in text and "8a" not in text and "Leitung" not in text

    def overrides(vault):
        with vault.session() as session:
            return [e.detail for e in session.scalars(select(AuditEntry).where(AuditEntry.action == "letter.override"))]

    [detail] = _with_vault(vault_dir, overrides)
    assert detail.endswith(f"reason={REASON}")
    audit = run(vault_dir, "audit", "--action", "letter.*", "--json", home=isolated_home, cwd=work)
    assert REASON in audit.stdout


def test_too_short_override_is_a_usage_problem(vault_dir, isolated_home, setup):
    _case, work = setup
    result = run(vault_dir, "letter", REF, "--to", JOBCENTER, "--override-reason", "weil", home=isolated_home,
                 cwd=work)
    assert result.returncode == 4 and "at least 10 characters" in result.stderr
    assert list(work.iterdir()) == []


def test_export_subject_writes_both_files(vault_dir, isolated_home, setup):
    _case, work = setup
    folder = work / "auskunft"
    result = run(vault_dir, "export-subject", REF, "-o", str(folder), home=isolated_home, cwd=work)
    assert result.returncode == 0, result.stderr
    pdf_path, json_path = folder / f"{REF}-auskunft.pdf", folder / f"{REF}-auskunft.json"
    assert str(pdf_path) in result.stdout and str(json_path) in result.stdout
    assert "unencrypted" in result.stdout
    document = json.loads(json_path.read_text(encoding="utf-8"))
    assert document["data"]["person"]["name_original"] == ARABIC_NAME
    assert ARABIC_NAME in json_path.read_text(encoding="utf-8")
    assert "Auskunft nach Art. 15 DSGVO" in pdf_text(pdf_path.read_bytes())


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_agreement_in_german_and_arabic(vault_dir, isolated_home, setup, lang):
    _case, work = setup
    out = work / f"agreement-{lang}.pdf"
    result = run(vault_dir, "agreement", REF, "--lang", lang, "-o", str(out), home=isolated_home, cwd=work)
    assert result.returncode == 0, result.stderr
    text = pdf_text(out.read_bytes())
    if lang == "de":
        assert "Zug-um-Zug-Vereinbarung" in text and "Pass bei der Botschaft beantragen" in text
    else:
        from app.documents.labels import labels_for

        assert labels_for("ar")["agreement_title"].split(" (")[0] in rtl_reading(text)


def test_agreement_in_ukrainian_prints_german_beside_it_and_an_unknown_language_is_refused(
        vault_dir, isolated_home, setup):
    _case, work = setup
    out = work / "agreement-uk.pdf"
    result = run(vault_dir, "agreement", REF, "--lang", "uk", "-o", str(out), home=isolated_home, cwd=work)
    assert result.returncode == 0, result.stderr
    text = " ".join(pdf_text(out.read_bytes()).split())
    assert "Покрокова угода" in text and "Zug-um-Zug-Vereinbarung" in text
    assert "Die Beteiligten vereinbaren" in text and "Сторони домовляються" in text
    refused = run(vault_dir, "agreement", REF, "--lang", "xx", home=isolated_home, cwd=work)
    assert refused.returncode == 4 and refused.stderr.startswith("lotse: ")
    assert len(refused.stderr.splitlines()) == 1 and "'xx'" in refused.stderr


@pytest.mark.parametrize("typed", ["fa-AF", "prs"])
def test_agreement_takes_the_language_codes_a_person_record_takes(vault_dir, isolated_home, setup, typed):
    # Dari (prs, fa-AF) prints in the Persian catalog, as it does for the person's own languages.
    _case, work = setup
    result = run(vault_dir, "agreement", REF, "--lang", typed, home=isolated_home, cwd=work)
    assert result.returncode == 0, result.stderr
    assert (work / f"Vereinbarung-{REF}-fa.pdf").is_file()


def test_agreement_in_the_clients_language_by_default_name(vault_dir, isolated_home, setup):
    _case, work = setup
    result = run(vault_dir, "agreement", REF, "--lang", "client", home=isolated_home, cwd=work)
    assert result.returncode == 0, result.stderr
    assert (work / f"Vereinbarung-{REF}-ar.pdf").is_file()


def test_consent_form(vault_dir, isolated_home, setup):
    _case, work = setup
    out = work / "form.pdf"
    result = run(vault_dir, "consent-form", REF, "--to", JOBCENTER, "--purpose", "Vermittlung in Arbeit",
                 "--categories", "identity,education_work", "-o", str(out), home=isolated_home, cwd=work)
    assert result.returncode == 0, result.stderr
    text = " ".join(pdf_text(out.read_bytes()).split())
    assert "Jobcenter Kreis Emsbruch" in text and "Vermittlung in Arbeit" in text


def test_unknown_case_and_agency_are_data_errors(vault_dir, isolated_home, setup):
    _case, work = setup
    assert run(vault_dir, "letter", "1999-0001", "--to", JOBCENTER, home=isolated_home, cwd=work).returncode == 4
    result = run(vault_dir, "letter", REF, "--to", "nope", home=isolated_home, cwd=work)
    assert result.returncode == 4 and "No agency with id nope" in result.stderr
