"""What encryption costs: the same workload on the SQLCipher vault and on a plain SQLite copy.

Two fresh copies of the large demo vault go into a private temporary folder
(deleted afterwards, whatever happens): one encrypted under the vault's key
(``export_encrypted_copy``), one plaintext (``sqlcipher_export`` into a
database attached with ``KEY ''``). Both are written by the same export, so
their page layout is the same; both are opened with the vault's engine
settings (page cache, WAL, ``secure_delete``, pool) — the plain one without
the key and the ``cipher_*`` pragmas.

The workload is what a working day asks of the database, through the services
the app calls: searches (``search_cases``, audited), case files opened
(``case_detail``, audited), case-list pages under several sorts, filters and
searches (``case_list_page``, as the GUI's list asks), and a bulk insert of
1,000 contact entries in one transaction. The two sides alternate; the figure is the ratio
of the medians of the whole workload.
"""

from __future__ import annotations

import random
import shutil
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine, insert, select
from sqlalchemy.orm import sessionmaker

from app.models import Case, Contact
from app.services.case_file import case_detail
from app.services.case_list_page import case_list_page
from app.services.case_search import search_cases
from app.storage.engine import CONNECTION_PRAGMAS, READ_ONLY_OPTION, engine_for, open_connection
from app.storage.files import make_private_dir
from app.storage.vault import DATABASE_NAME, KEYFILE_NAME, Vault
from benchmarks.bench_case_file import LIST_QUERIES
from benchmarks.bench_search import QUERIES
from benchmarks.harness import BENCH_PASSWORD, BenchContext, Figure, Timing

RUNS = 5
SEARCHES = QUERIES[::2]  # every other query of the search benchmark: names, prefixes, scripts, notes
CASES_OPENED = 20
CONTACTS_INSERTED = 1000
OVERHEAD_TARGET = 1.3
PARTS = ("search", "case_open", "list", "insert")


class PlainDatabase(Vault):
    """A plaintext database with the vault's engine and transactions (``session``,
    ``read_session``), so the services run on it unchanged. Never holds client data:
    it is a copy of the synthetic demo vault in a private temporary folder."""

    def __init__(self, path: Path) -> None:  # no super().__init__: there is no key file and no key
        self.directory = path.parent
        self.keyfile = None
        self._key = bytearray(32)
        self._engine = plain_engine(path)
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(
            self._engine.execution_options(**{READ_ONLY_OPTION: True}), expire_on_commit=False)
        self.device_id = ""
        self.user_name = "benchmark"


def plain_engine(path: Path) -> Engine:
    """``app.storage.engine.make_engine`` minus the key: same pragmas, pool and transactions."""
    pragmas = [pragma for pragma in CONNECTION_PRAGMAS if not pragma.startswith("PRAGMA cipher_")]

    def creator() -> sqlcipher3.Connection:
        conn = sqlcipher3.connect(str(path), check_same_thread=False, timeout=10)
        for pragma in pragmas:
            conn.execute(pragma)
        return conn

    return engine_for(creator)


def export_plain_copy(vault: Vault, destination: Path) -> None:
    """A plaintext copy of the vault's database (only ever in a private temporary folder)."""
    conn = open_connection(vault.database_path, bytes.fromhex(vault.raw_key_hex()))
    try:
        quoted = str(destination).replace("'", "''")
        conn.execute(f"ATTACH DATABASE '{quoted}' AS plaintext KEY ''")
        conn.execute("PRAGMA plaintext.journal_mode = OFF")
        conn.execute("SELECT sqlcipher_export('plaintext')")
        conn.execute("DETACH DATABASE plaintext")
    finally:
        conn.close()
    with open(destination, "rb") as handle:  # the comparison means nothing if this were encrypted too
        if handle.read(16) != b"SQLite format 3\x00":
            raise RuntimeError("the plain copy is not a plaintext SQLite database")


def workload(database, case_ids: list[str], rng: random.Random) -> dict[str, float]:
    """One working day in miniature; ms per part."""
    spent: dict[str, float] = {}

    started = time.perf_counter()
    for query in SEARCHES:
        search_cases(database, query=query, limit=20, user="benchmark")
    spent["search"] = time.perf_counter() - started

    started = time.perf_counter()
    for case_id in rng.sample(case_ids, CASES_OPENED):
        case_detail(database, case_id=case_id, user="benchmark")
    spent["case_open"] = time.perf_counter() - started

    started = time.perf_counter()
    for query in LIST_QUERIES:
        case_list_page(database, limit=100, **query)
    spent["list"] = time.perf_counter() - started

    today = date.today()
    rows = [{"id": str(uuid.uuid4()), "case_id": rng.choice(case_ids), "date": today - timedelta(days=n % 400),
             "kind": "meeting", "participants": "", "areas": ["work"], "duration_minutes": 45,
             "note": f"Benchmark-Kontakt {n}: Termin beim Jobcenter, Unterlagen besprochen"}
            for n in range(CONTACTS_INSERTED)]
    started = time.perf_counter()
    with database.session() as session:
        session.execute(insert(Contact), rows)
    spent["insert"] = time.perf_counter() - started
    return {part: seconds * 1000 for part, seconds in spent.items()}


def run(ctx: BenchContext) -> list[Figure]:
    source = ctx.vault(ctx.cases)
    scratch = Path(tempfile.mkdtemp(prefix="lotse-bench-plain-"))
    sides: dict[str, Vault] = {}
    samples: dict[str, dict[str, list[float]]] = {side: {part: [] for part in (*PARTS, "total")}
                                                  for side in ("encrypted", "plain")}
    try:
        ctx.log("copying the demo vault, encrypted and plain …")
        make_private_dir(scratch / "encrypted")
        source.export_encrypted_copy(scratch / "encrypted" / DATABASE_NAME)
        shutil.copyfile(source.directory / KEYFILE_NAME, scratch / "encrypted" / KEYFILE_NAME)
        export_plain_copy(source, scratch / "plain.sqlite")
        sides["encrypted"] = Vault.unlock(scratch / "encrypted", BENCH_PASSWORD)
        sides["plain"] = PlainDatabase(scratch / "plain.sqlite")
        with sides["plain"].session() as session:
            case_ids = sorted(session.scalars(select(Case.id)))
        for database in sides.values():  # warm both page caches alike
            workload(database, case_ids, random.Random(0))
        for attempt in range(RUNS):
            order = list(sides.items())
            for name, database in order if attempt % 2 else reversed(order):  # neither side always goes first
                spent = workload(database, case_ids, random.Random(attempt + 1))  # same cases on both sides
                for part, ms in spent.items():
                    samples[name][part].append(ms)
                samples[name]["total"].append(sum(spent.values()))
    finally:
        for database in sides.values():
            database.lock()
        shutil.rmtree(scratch, ignore_errors=True)

    def median(side: str, part: str) -> float:
        return Timing(tuple(samples[side][part])).median_ms

    ratio = median("encrypted", "total") / median("plain", "total")
    parts = {part: median("encrypted", part) / median("plain", part) for part in PARTS}
    return [
        Figure.of("encryption_overhead_ratio", ratio, "x", OVERHEAD_TARGET,
                  note=f"{ctx.cases:,} cases, median of {RUNS} workloads (SQLCipher {median('encrypted', 'total'):.0f} ms "
                       f"vs plain {median('plain', 'total'):.0f} ms): {len(SEARCHES)} searches, "
                       f"{CASES_OPENED} case files, {len(LIST_QUERIES)} list pages, {CONTACTS_INSERTED:,} contacts "
                       "inserted"),
        *(Figure.of(f"encryption_overhead_{part}_ratio", value, "x") for part, value in parts.items()),
    ]
