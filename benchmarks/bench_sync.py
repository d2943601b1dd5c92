"""Sync benchmark: initial sync of N cases to a new device, incremental sync, bytes per change.

Standalone for now (a harness comes later)::

    .venv/bin/python benchmarks/bench_sync.py --cases 1000 [--cases 10000] [--json]

Two real vaults, a real folder in a temporary directory. Cases are made with
the ORM (so change capture runs as in the app): a person, a case with intake
notes, three contact notes, two goals with a step each, one assessment and a
deadline — about eleven rows per case.

Figures (CLI.md names where they exist):
* ``sync_initial_<N>_ms``: device A sends everything (its first sync), B joins
  the team and runs its first sync (read, decrypt, merge, search index) — end to end.
* ``sync_incremental_10_ms``: ten edits on A, A syncs, B syncs.
* ``sync_bytes_per_change``: bytes A wrote to the share for one edited note.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("LOTSE_KDF_TARGET_SECONDS", "0")  # unlock speed is not what this measures

from app.models import Assessment, Case, Contact, Deadline, Goal, GoalStep, Person  # noqa: E402
from app.storage.sync import create_team, join_team, sync_now  # noqa: E402
from app.storage.vault import Vault  # noqa: E402

PASSWORD = "benchmark password"
PASSPHRASE = "benchmark team passphrase"
TARGETS_MS = {"sync_initial_1000_ms": 3000, "sync_incremental_10_ms": 300}
GIVEN = ["Amina", "Karim", "Leyla", "Berhane", "Olena", "Dawit", "Samira", "Yusuf", "Mariam", "Ahmad"]
FAMILY = ["Yusuf", "Haddad", "Ahmadi", "Tesfaye", "Kovalenko", "Mengistu", "Rahimi", "Nasser"]
ORIGINAL = ["أمينة", "كريم", "ليلى", "مريم", "أحمد"]


def make_cases(vault: Vault, count: int, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    ids = []
    batch = 500
    for start in range(0, count, batch):
        with vault.session() as session:
            for i in range(start, min(count, start + batch)):
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
                ids.append(case.id)
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
    return ids


def share_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def run(cases: int, work: Path) -> dict[str, dict]:
    share = work / "share"
    share.mkdir()
    a, _ = Vault.create(work / "a", PASSWORD, user_name="bench")
    create_team(a, share, PASSPHRASE)
    t = time.perf_counter()
    ids = make_cases(a, cases)
    made = time.perf_counter() - t

    start = time.perf_counter()
    sent = sync_now(a)
    t_send = time.perf_counter() - start
    b, _ = Vault.create(work / "b", PASSWORD, user_name="bench")
    t_join0 = time.perf_counter()
    join_team(b, share, PASSPHRASE)
    t_join = time.perf_counter() - t_join0
    t_recv0 = time.perf_counter()
    received = sync_now(b)
    t_receive = time.perf_counter() - t_recv0
    initial_ms = (t_send + t_receive) * 1000
    assert received.received == sent.sent, (sent, received)

    figures: dict[str, dict] = {}
    figures[f"sync_initial_{cases}_ms"] = {"value": round(initial_ms, 1), "unit": "ms",
                                           "detail": {"send_ms": round(t_send * 1000, 1),
                                                      "receive_ms": round(t_receive * 1000, 1),
                                                      "join_kdf_ms": round(t_join * 1000, 1),
                                                      "rows": sent.sent, "segment_bytes": sent.bytes_written,
                                                      "make_cases_s": round(made, 1)}}

    # Incremental: ten edited notes on A, then A and B sync.
    rnd = random.Random(1)
    samples = []
    for round_no in range(5):
        chosen = rnd.sample(ids, 10)
        with a.session() as session:
            for case_id in chosen:
                session.get(Case, case_id).intake_notes = f"Aktualisiert in Runde {round_no}: Termin bestätigt."
        t0 = time.perf_counter()
        out = sync_now(a)
        back = sync_now(b)
        samples.append((time.perf_counter() - t0) * 1000)
        assert out.sent == 10 and back.received == 10, (out, back)
    samples.sort()
    figures["sync_incremental_10_ms"] = {"value": round(samples[len(samples) // 2], 1), "unit": "ms",
                                         "detail": {"samples_ms": [round(s, 1) for s in samples]}}

    # Bytes on the share for one change.
    before = share_bytes(share)
    with a.session() as session:
        session.get(Case, ids[0]).intake_notes = "Eine einzelne Änderung."
    one = sync_now(a)
    figures["sync_bytes_per_change"] = {"value": share_bytes(share) - before, "unit": "bytes",
                                        "detail": {"segment_and_state_bytes": one.bytes_written}}
    a.lock()
    b.lock()
    for name, target in TARGETS_MS.items():
        if name in figures:
            figures[name]["target"] = target
            figures[name]["met"] = figures[name]["value"] < target
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, action="append", help="cases per run (repeatable; default 1000)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = {}
    for cases in args.cases or [1000]:
        work = Path(tempfile.mkdtemp(prefix="lotse-bench-sync-"))
        try:
            results[cases] = run(cases, work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    document = {"machine": f"{platform.node()} {platform.processor() or platform.machine()} {os.cpu_count()} cpu",
                "figures": {name: fig for figs in results.values() for name, fig in figs.items()}}
    if args.json:
        print(json.dumps(document, indent=2))
    else:
        for name, fig in document["figures"].items():
            target = f"  (target < {fig['target']} ms: {'met' if fig['met'] else 'NOT met'})" if "target" in fig else ""
            print(f"{name:28s} {fig['value']:>10} {fig['unit']}{target}  {fig.get('detail', '')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
