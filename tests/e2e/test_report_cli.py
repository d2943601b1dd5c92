"""`lotse report` end to end: PDF, CSV and JSON with the "<5" rule, bad input as one line."""

from __future__ import annotations

import csv
import io

from tests.e2e.cli_helpers import run, run_json
from tests.unit.known_report_vault import build_known_vault
from tests.unit.test_report_figures import EXPECTED_PUBLISHED


def test_report_pdf_csv_json(vault, vault_dir, tmp_path, isolated_home):
    with vault.session() as session:
        build_known_vault(session)
    vault.lock()
    pdf, table, barriers = tmp_path / "bericht.pdf", tmp_path / "bericht.csv", tmp_path / "hemmnisse.pdf"
    result = run(vault_dir, "report", "--from", "2025-01-01", "--to", "2025-12-31", "-o", str(pdf), "--csv", str(table),
                 "--barriers", str(barriers), home=isolated_home)
    assert result.returncode == 0, result.stderr
    assert "cases opened 15, active 22, closed 11" in result.stdout
    assert pdf.read_bytes().startswith(b"%PDF-") and barriers.read_bytes().startswith(b"%PDF-")
    rows = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8"))))
    assert rows[0] == ["section", "key", "value"]
    assert ["cases_opened", "referral_advice", "<5"] in rows
    assert ["referrals", "AufenthG", "9"] in rows
    document = run_json(vault_dir, "report", "--from", "2025-01-01", "--to", "2025-12-31", home=isolated_home)
    for section, cells in EXPECTED_PUBLISHED.items():
        assert document["sections"][section] == cells
    gk = run_json(vault_dir, "report", "--from", "2025-01-01", "--to", "2025-12-31", "--programme", "gk", home=isolated_home)
    assert gk["programme"] == "gk" and gk["sections"]["cases_opened"]["case_management"] == "<5"
    exports = run_json(vault_dir, "audit", "--action", "report.exported", home=isolated_home)
    assert exports["total"] == 3
    assert "from=2025-01-01;to=2025-12-31;outputs=pdf,csv,barriers" in [e["detail"] for e in exports["entries"]]


def test_report_bad_input_is_one_line(vault, vault_dir, isolated_home):
    vault.lock()
    result = run(vault_dir, "report", "--from", "2025-13-01", "--to", "2025-12-31", home=isolated_home)
    assert result.returncode == 2 and result.stderr.startswith("lotse: ") and len(result.stderr.splitlines()) == 1
    result = run(vault_dir, "report", "--from", "2025-12-31", "--to", "2025-01-01", home=isolated_home)
    assert result.returncode == 2 and "ends before it starts" in result.stderr
    result = run(vault_dir, "report", "--from", "2025-01-01", "--to", "2025-12-31", "--programme", "xyz", home=isolated_home)
    assert result.returncode == 2
