"""Run the CLI as a user does: a subprocess with the password in the environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import TEST_PASSWORD


def run(vault_dir: Path, *args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "LOTSE_PASSWORD": TEST_PASSWORD, "LOTSE_KDF_TARGET_SECONDS": "0", "LOTSE_HOME": str(home),
           "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "app", "--vault", str(vault_dir), *args],
                          capture_output=True, text=True, env=env, timeout=120)


def run_json(vault_dir: Path, *args: str, home: Path):
    result = run(vault_dir, *args, "--json", home=home)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
