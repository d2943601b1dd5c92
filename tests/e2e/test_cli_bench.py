"""`lotse bench` refuses what it cannot run with one line and the usage code (the runs
themselves are benchmarks, not tests: see benchmarks/ and make bench)."""

from __future__ import annotations

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
