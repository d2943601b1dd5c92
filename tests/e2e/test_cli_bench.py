"""`lotse bench` refuses what it cannot run with one line and the usage code, writes its
figures to a file and fails ``--check`` on a regression. The figures themselves are
benchmarks, not tests: see benchmarks/ and make bench."""

from __future__ import annotations

import json

import pytest

from tests.e2e.test_cli_demo import lotse


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--only", "nonsense"], "Unknown benchmark nonsense; available:"),
        (["--cases", "50"], "at least 100 cases"),
    ],
)
def test_bench_refuses_bad_options(args, message):
    result = lotse("bench", *args)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("lotse: ") and message in result.stderr
    assert result.stderr.count("\n") == 1 and not result.stdout


def test_check_needs_a_readable_baseline_of_the_same_size(tmp_path):
    missing = lotse("bench", "--check", "--baseline", tmp_path / "none.json")
    assert missing.returncode == 2 and "Cannot read the baseline" in missing.stderr
    other_size = tmp_path / "baseline.json"
    other_size.write_text(json.dumps({"cases": 10_000, "figures": {}}), encoding="utf-8")
    result = lotse("bench", "--cases", "100", "--check", "--baseline", other_size)
    assert result.returncode == 2 and "run with --cases 10000 to compare" in result.stderr


def test_a_run_writes_its_figures_and_check_fails_on_a_regression(tmp_path):
    """The document renderers need no vault: a real, short run of one benchmark."""
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"cases": 100, "date": "2026-01-01", "figures": {
        "letter_ms": {"value": 2.0, "unit": "ms", "target": 100.0, "met": True},  # far faster than a real render
        "agreement_fa_ms": {"value": 100_000.0, "unit": "ms", "target": None, "met": None},
    }}), encoding="utf-8")
    output = tmp_path / "out" / "run.json"
    result = lotse("bench", "--cases", "100", "--only", "documents", "--output", output,
                   "--check", "--baseline", baseline)
    assert result.returncode == 6, result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("lotse: 1 figure(s) more than 30% worse")
    assert "REGRESSION letter_ms 2 →" in result.stdout
    written = json.loads(output.read_text(encoding="utf-8"))
    assert written["cases"] == 100 and written["figures"]["letter_ms"]["value"] > 2.0
    assert {"cpu", "cores", "sqlcipher", "load_average"} <= set(written["machine_info"])
