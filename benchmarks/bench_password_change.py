"""Password change costs the same on an empty vault and on a 10,000-case one.

The password only wraps the data key (ARCHITECTURE.md decision 1), so changing
it must not touch the database. Measured with the real calibrated Argon2id
(LOTSE_KDF_TARGET_SECONDS is unset), median of 5 runs each:

    .venv/bin/python benchmarks/bench_password_change.py [--rows 10000] [--row-kb 5] [--json]

Until case models exist, "10,000 cases" is a scratch table of 10,000 rows of
~5 KB each (about the size a case with notes, goals and contacts will take).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.pop("LOTSE_KDF_TARGET_SECONDS", None)  # the real calibration, as users get it
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text  # noqa: E402

from app.storage.vault import Vault, kdf_params  # noqa: E402

RUNS = 5
CLI_RUNS = 3
PASSWORDS = ("benchmark password A", "benchmark password B")


def pad(vault: Vault, rows: int, row_kb: int) -> None:
    body = os.urandom(row_kb * 512).hex()  # incompressible, row_kb KB of text
    with vault.engine.begin() as conn:
        conn.execute(text("CREATE TABLE bench_padding (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"))
        for start in range(0, rows, 500):
            conn.execute(
                text("INSERT INTO bench_padding (body) VALUES (:body)"),
                [{"body": body} for _ in range(start, min(rows, start + 500))],
            )


def time_password_change(directory: Path, run: int) -> tuple[float, float]:
    """One unlock and one change_password, in seconds; alternates between two passwords."""
    old, new = PASSWORDS[run % 2], PASSWORDS[(run + 1) % 2]
    start = time.perf_counter()
    vault = Vault.unlock(directory, old)
    unlocked = time.perf_counter() - start
    start = time.perf_counter()
    vault.change_password(new)
    changed = time.perf_counter() - start
    vault.lock()
    return unlocked, changed


def time_cli_passwd(directory: Path, run: int) -> float:
    """``lotse passwd`` end to end: process start, unlock, re-wrap, audit row."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOTSE_")}
    env.update(LOTSE_PASSWORD=PASSWORDS[run % 2], LOTSE_NEW_PASSWORD=PASSWORDS[(run + 1) % 2],
               LOTSE_HOME=str(directory.parent / "home"))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "app", "--vault", str(directory), "passwd"], env=env, check=True,
                   capture_output=True, stdin=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--row-kb", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="lotse-bench-") as scratch:
        base = Path(scratch)
        dirs = {"empty": base / "empty", "padded": base / "padded"}
        start = time.perf_counter()
        vault, _code = Vault.create(dirs["empty"], PASSWORDS[0])
        created = time.perf_counter() - start
        params = kdf_params(vault)
        vault.lock()
        # The padded vault is a copy of the empty one: same key file, same Argon2
        # parameters, so the only difference is the database's size.
        shutil.copytree(dirs["empty"], dirs["padded"])
        with Vault.unlock(dirs["padded"], PASSWORDS[0]) as padded:
            pad(padded, args.rows, args.row_kb)

        samples = {label: {"unlock": [], "change": [], "cli": []} for label in dirs}
        # Interleaved, so a neighbour's load on this machine hits both alike.
        for run in range(RUNS):
            for label, directory in dirs.items():
                unlocked, changed = time_password_change(directory, run)
                samples[label]["unlock"].append(unlocked)
                samples[label]["change"].append(changed)
        for run in range(CLI_RUNS):
            for label, directory in dirs.items():
                samples[label]["cli"].append(time_cli_passwd(directory, RUNS + run))
        figures: dict = {
            "kdf": f"argon2id m={params.memory_kib // 1024} MiB t={params.iterations} p={params.lanes}",
            "create_s": round(created, 3),
        }
        for label, directory in dirs.items():
            got = samples[label]
            figures[label] = {
                "rows": 0 if label == "empty" else args.rows,
                "database_mb": round(sum(p.stat().st_size for p in directory.iterdir()) / 1e6, 1),
                "unlock_median_s": round(statistics.median(got["unlock"]), 3),
                "change_password_median_s": round(statistics.median(got["change"]), 3),
                "change_password_runs_s": [round(t, 3) for t in got["change"]],
                "cli_passwd_median_s": round(statistics.median(got["cli"]), 3),
            }
    ratio = figures["padded"]["change_password_median_s"] / figures["empty"]["change_password_median_s"]
    cli_ratio = figures["padded"]["cli_passwd_median_s"] / figures["empty"]["cli_passwd_median_s"]
    figures["password_change_ratio"] = round(ratio, 3)
    figures["cli_passwd_ratio"] = round(cli_ratio, 3)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"KDF as calibrated here: {figures['kdf']} (vault created in {figures['create_s']:.2f} s)")
    for label in dirs:
        f = figures[label]
        print(f"{label:>6}: {f['rows']:>6} rows, {f['database_mb']:6.1f} MB, "
              f"unlock {f['unlock_median_s']:.3f} s, change_password {f['change_password_median_s']:.3f} s "
              f"(runs {f['change_password_runs_s']}), lotse passwd {f['cli_passwd_median_s']:.3f} s")
    print(f"password_change_ratio (padded / empty, change_password median): {ratio:.3f}")
    print(f"cli_passwd_ratio (padded / empty, whole 'lotse passwd'):         {cli_ratio:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
