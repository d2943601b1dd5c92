"""Team sync: initial sync of N cases to a new device, incremental sync, bytes per change.

In the suite (``lotse bench``), ``run(ctx)`` copies the harness's demo vaults
(1,000 cases, and ``--cases N`` when larger): their rows were bulk-inserted,
so the first sync also exercises stamping rows the ORM never saw. Run this
file directly to measure on cases made with the ORM (change capture running
as in the app)::

    .venv/bin/python -m benchmarks.bench_sync --cases 1000 [--cases 10000] [--json]

Figures (CLI.md names):

* ``sync_initial_<N>_ms`` — device A sends everything (its first sync) and a
  new device B, already joined, runs its first sync (read, decrypt, merge,
  search index): end to end, both on this machine. Target for 1,000: 3 s.
* ``sync_incremental_10_ms`` — ten edited notes on A; A syncs, then B. Median
  of five rounds. Target: 300 ms.
* ``sync_bytes_per_change`` — what one edited note adds to the share.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from app.models import Assessment, Case, Contact, Deadline, Goal, GoalStep, Person
from app.storage.sync import create_team, join_team, sync_now
from app.storage.vault import Vault

PASSWORD = "benchmark password"
PASSPHRASE = "benchmark team passphrase"
INITIAL_TARGET_MS = {1000: 3000.0}
INCREMENTAL_TARGET_MS = 300.0
ROUNDS = 5
GIVEN = ["Amina", "Karim", "Leyla", "Berhane", "Olena", "Dawit", "Samira", "Yusuf", "Mariam", "Ahmad"]
FAMILY = ["Yusuf", "Haddad", "Ahmadi", "Tesfaye", "Kovalenko", "Mengistu", "Rahimi", "Nasser"]
ORIGINAL = ["أمينة", "كريم", "ليلى", "مريم", "أحمد"]


def make_cases(vault: Vault, count: int, seed: int = 7) -> None:
    """``count`` cases through the ORM, ~11 rows each (person, case, 3 contacts, 2 goals
    with a step each, an assessment, a deadline)."""
    rnd = random.Random(seed)
    for start in range(0, count, 500):
        with vault.session() as session:
            for i in range(start, min(count, start + 500)):
                given, family = rnd.choice(GIVEN), rnd.choice(FAMILY)
                person = Person(given_names=given, family_name=family, name_original=rnd.choice(ORIGINAL),
                                birth_date=f"{rnd.randint(1997, 2007)}", nationalities=["SY"], languages=["ar", "de"])
                session.add(person)
                session.flush()
                opened = date(2025, 1, 1) + timedelta(days=rnd.randint(0, 500))
                case = Case(ref=f"2026-{i + 1:05d}", person_id=person.id, case_type="case_management", opened=opened,
                            intake_notes=f"Erstgespräch im Übergangswohnheim, Fall {i}. Wohnsituation und Sprache besprochen.",
                            sort_name=f"{family}, {given}".lower())
                session.add(case)
                session.flush()
                for k in range(3):
                    session.add(Contact(case_id=case.id, date=opened + timedelta(days=7 * k), kind="meeting",
                                        note=f"Kontakt {k}: Termin beim Jobcenter vorbereitet, Unterlagen geprüft."))
                for area in ("language", "education_work"):
                    goal = Goal(case_id=case.id, area=area, text=f"Ziel im Bereich {area}", created_on=opened)
                    session.add(goal)
                    session.flush()
                    session.add(GoalStep(goal_id=goal.id, action="Anmeldung zum Kurs", responsible="Klient"))
                session.add(Assessment(case_id=case.id, area="residence", situation="Duldung bis Jahresende", need_level=2))
                session.add(Deadline(case_id=case.id, kind="duldung_expiry", due=opened + timedelta(days=180)))


def share_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure(work: Path, cases: int, fill: Callable[[Path], Vault]) -> dict[str, dict]:
    """Figures for one source vault, made by ``fill(directory)`` (returned unlocked)."""
    previous = os.environ.get("LOTSE_KDF_TARGET_SECONDS")
    os.environ["LOTSE_KDF_TARGET_SECONDS"] = "0"  # key derivation is not what this measures
    try:
        return _measure(work, cases, fill)
    finally:
        if previous is None:
            os.environ.pop("LOTSE_KDF_TARGET_SECONDS", None)
        else:
            os.environ["LOTSE_KDF_TARGET_SECONDS"] = previous


def _measure(work: Path, cases: int, fill: Callable[[Path], Vault]) -> dict[str, dict]:
    share = work / "share"
    share.mkdir()
    a = fill(work / "a")
    b = None
    try:
        create_team(a, share, PASSPHRASE)
        started = time.perf_counter()
        sent = sync_now(a)
        send_ms = (time.perf_counter() - started) * 1000
        b, _code = Vault.create(work / "b", PASSWORD, user_name="bench")
        started = time.perf_counter()
        join_team(b, share, PASSPHRASE)
        join_ms = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        received = sync_now(b)
        receive_ms = (time.perf_counter() - started) * 1000
        if received.received != sent.sent:
            raise RuntimeError(f"B received {received.received} of {sent.sent} changes")
        figures = {
            f"sync_initial_{cases}_ms": {
                "value": round(send_ms + receive_ms, 1), "unit": "ms", "target": INITIAL_TARGET_MS.get(cases),
                "note": f"send {send_ms:.0f} ms + receive {receive_ms:.0f} ms; {sent.sent:,} rows, "
                        f"segment {sent.bytes_written / 1e6:.1f} MB; joining (passphrase KDF) {join_ms:.0f} ms more",
            }
        }
        with a.session() as session:
            ids = list(session.scalars(select(Case.id).order_by(Case.id)))
        rnd = random.Random(1)
        samples = []
        for round_no in range(ROUNDS):
            with a.session() as session:
                for case_id in rnd.sample(ids, 10):
                    session.get(Case, case_id).intake_notes = f"Aktualisiert in Runde {round_no}: Termin bestätigt."
            started = time.perf_counter()
            out = sync_now(a)
            back = sync_now(b)
            samples.append((time.perf_counter() - started) * 1000)
            if out.sent != 10 or back.received != 10:
                raise RuntimeError(f"incremental sync moved {out.sent}/{back.received} changes, not 10")
        figures["sync_incremental_10_ms"] = {
            "value": round(statistics.median(samples), 1), "unit": "ms", "target": INCREMENTAL_TARGET_MS,
            "note": "A sends 10 edited notes, B applies them; rounds: " + ", ".join(f"{s:.0f}" for s in samples),
        }
        before = share_bytes(share)
        with a.session() as session:
            session.get(Case, ids[0]).intake_notes = "Eine einzelne Änderung."
        sync_now(a)
        figures["sync_bytes_per_change"] = {
            "value": share_bytes(share) - before, "unit": "bytes", "target": None,
            "note": "one edited note: its encrypted segment (the state file is rewritten in place)",
        }
    finally:
        a.lock()
        if b is not None:
            b.lock()
    for figure in figures.values():
        target = figure["target"]
        figure["met"] = None if target is None else figure["value"] <= target
    return figures


# --- in the suite ----------------------------------------------------------------------------


def _demo_source(cases: int, seed: int) -> Path:
    """A demo vault of ``cases`` cases at this schema revision, built once and cached.

    (Keyed by the schema revision as well: a vault made before a migration changed
    would not be what this code expects.)"""
    from app.services.demo import DEMO_DATA_VERSION, generate_demo
    from app.storage.migrate import head_revision
    from benchmarks.harness import BENCH_PASSWORD, CACHE_ROOT

    directory = CACHE_ROOT / f"sync-demo-{cases}-seed{seed}-v{DEMO_DATA_VERSION}-r{head_revision()}"
    if directory.exists():
        return directory
    CACHE_ROOT.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f"building-sync-{cases}-", dir=CACHE_ROOT))
    try:
        vault, _code = Vault.create(building / "vault", BENCH_PASSWORD, user_name="benchmark")
        try:
            generate_demo(vault, cases=cases, seed=seed)
        finally:
            vault.lock()
        os.replace(building / "vault", directory)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return directory


def run(ctx) -> list:
    from benchmarks.harness import BENCH_PASSWORD, Figure

    sizes = [1000] + ([ctx.cases] if ctx.cases > 1000 else [])
    figures: dict[str, dict] = {}
    for cases in sizes:
        ctx.log(f"sync: {cases:,} demo cases to a new device …")
        source = _demo_source(cases, ctx.seed)

        def copy_of(directory: Path, source: Path = source) -> Vault:
            shutil.copytree(source, directory)
            vault = Vault.unlock(directory, BENCH_PASSWORD)
            vault.assign_new_device_id()  # a copy of the cached vault is a device of its own
            return vault

        work = Path(tempfile.mkdtemp(prefix="lotse-bench-sync-"))
        try:
            measured = measure(work, cases, copy_of)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        if cases != 1000:
            measured = {k: v for k, v in measured.items() if k.startswith("sync_initial_")}
        figures.update(measured)
    return [Figure.of(name, f["value"], f["unit"], f["target"], note=f["note"]) for name, f in figures.items()]


# --- standalone --------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description="Team sync benchmark on cases made with the ORM.")
    parser.add_argument("--cases", type=int, action="append", help="cases per run (repeatable; default 1000)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    os.environ["LOTSE_KDF_TARGET_SECONDS"] = "0"
    figures: dict[str, dict] = {}
    for cases in args.cases or [1000]:
        def fill(directory: Path, cases: int = cases) -> Vault:
            vault, _code = Vault.create(directory, PASSWORD, user_name="bench")
            make_cases(vault, cases)
            return vault

        work = Path(tempfile.mkdtemp(prefix="lotse-bench-sync-"))
        try:
            figures.update(measure(work, cases, fill))
        finally:
            shutil.rmtree(work, ignore_errors=True)
    load = [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None
    if args.json:
        print(json.dumps({"load_average": load, "figures": figures}, indent=2, ensure_ascii=False))
        return 0
    for name, figure in figures.items():
        target = "" if figure["target"] is None else f"  target {figure['target']:.0f}: {'met' if figure['met'] else 'NOT met'}"
        print(f"{name:26s} {figure['value']:>10} {figure['unit']}{target}\n    {figure['note']}")
    print(f"load average during the run: {load}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
