"""Realistic synthetic case files for demos, screenshots and benchmarks.

``generate_demo`` adds N cases with persons from many countries (names in Latin
and original script), every DGCC phase of both case types, all eight goal
areas, contacts, measures, referrals with consents, barriers, deadlines and
Zug-um-Zug agreements. The same seed and the same ``today`` give the same
data, ids included; dates are relative to ``today`` so deadlines fall both in
the past and in the coming weeks.

For speed it writes rows directly with bulk inserts (one executemany per
table per chunk of cases) and fills the search index with
``search.write_index_row`` from the texts it already holds, instead of going
through the per-case services; the builders in ``demo_data`` keep the same
rules those services enforce.
"""

from __future__ import annotations

import random
import re
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from time import perf_counter

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import models
from app.errors import UsageError
from app.formatting import format_number
from app.i18n import _
from app.models import Case
from app.services import audit
from app.services.demo_data.case_file import CaseFileBuilder
from app.services.demo_data.directory import agencies_by_domain
from app.services.demo_data.person import make_person
from app.services.demo_data.timeline import draw_kind, make_timeline
from app.services.search import write_index_row

# Bump when the generated data changes: benchmark caches of demo vaults are keyed on it.
DEMO_DATA_VERSION = 2
MAX_CASES = 200_000
CHUNK_CASES = 500  # cases per transaction: bounded memory, progress a user can see

# Insert order follows the foreign keys.
_TABLES = (
    models.Person, models.ResidenceDocument, models.Case, models.PhaseTransition, models.Assessment,
    models.Goal, models.GoalStep, models.GoalReview, models.Contact, models.Measure, models.Barrier,
    models.Referral, models.Consent, models.Agreement, models.AgreementStep, models.Deadline,
)
_REF = re.compile(r"^(\d{4})-(\d+)$")

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DemoSummary:
    cases: int
    seed: int
    today: date
    seconds: float
    by_phase: dict[str, int] = field(default_factory=dict)
    by_case_type: dict[str, int] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)  # table name -> rows added

    def as_dict(self) -> dict:
        data = asdict(self)
        data["today"] = self.today.isoformat()
        return data


class _Ids:
    """UUIDs from their own seeded stream: reproducible, and apart from the content stream."""

    def __init__(self, seed: str) -> None:
        self._bits = random.Random(seed).getrandbits

    def __call__(self) -> str:
        return str(uuid.UUID(int=self._bits(128), version=4))


def _next_numbers(session: Session) -> dict[int, int]:
    """The next free reference number per year, after any cases already in the vault."""
    numbers: dict[int, int] = {}
    for ref in session.scalars(select(Case.ref)):
        match = _REF.match(ref or "")
        if match:
            year, number = int(match.group(1)), int(match.group(2))
            numbers[year] = max(numbers.get(year, 1), number + 1)
    return numbers


def generate_demo(
    vault,
    *,
    cases: int,
    seed: int,
    today: date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Add ``cases`` synthetic cases to the vault; deterministic per ``seed`` and ``today``."""
    if not 1 <= cases <= MAX_CASES:
        raise UsageError(_("The number of demo cases must be between 1 and {max}.").format(max=format_number(MAX_CASES)))
    today = today or date.today()
    started = perf_counter()
    rng = random.Random(seed)
    with vault.session() as session:
        existing = session.scalar(select(func.count()).select_from(Case)) or 0
        agencies = agencies_by_domain(session)
        next_number = _next_numbers(session)
    # A second demo in the same vault must not reuse the first one's ids.
    new_id = _Ids(f"lotse-demo:{seed}:{existing}")

    timelines = [make_timeline(rng, *draw_kind(rng, index), today) for index in range(cases)]
    # References are handed out in order of opening, as a team would have.
    order = sorted(range(cases), key=lambda index: (timelines[index].opened, index))
    builder = CaseFileBuilder(rng, new_id, today, agencies)
    rows_added: Counter[str] = Counter()
    by_phase: Counter[str] = Counter()
    by_case_type: Counter[str] = Counter()

    for chunk_start in range(0, cases, CHUNK_CASES):
        rows: dict[str, list[dict]] = {model.__tablename__: [] for model in _TABLES}
        index_texts: list[tuple[str, dict[str, str]]] = []
        for position in order[chunk_start : chunk_start + CHUNK_CASES]:
            timeline = timelines[position]
            year = timeline.opened.year
            number = next_number.get(year, 1)
            next_number[year] = number + 1
            person = make_person(rng, new_id, timeline.opened, today)
            rows["persons"].append(person.row)
            rows["residence_documents"].extend(person.documents)
            texts = builder.build(timeline, person, f"{year:04d}-{number:04d}", rows)
            index_texts.append((rows["cases"][-1]["id"], texts))
            by_phase[timeline.phase] += 1
            by_case_type[timeline.case_type] += 1
        with vault.session() as session:
            for model in _TABLES:
                table_rows = rows[model.__tablename__]
                if table_rows:
                    session.execute(model.__table__.insert(), table_rows)
                    rows_added[model.__tablename__] += len(table_rows)
            for case_id, texts in index_texts:
                write_index_row(session, case_id, texts)
            if chunk_start + CHUNK_CASES >= cases:
                audit.record(session, vault.user_name, "demo.generated", None, f"cases={cases} seed={seed}")
        if progress is not None:
            progress(min(chunk_start + CHUNK_CASES, cases), cases)

    return DemoSummary(
        cases=cases,
        seed=seed,
        today=today,
        seconds=round(perf_counter() - started, 3),
        by_phase=dict(sorted(by_phase.items())),
        by_case_type=dict(sorted(by_case_type.items())),
        rows=dict(rows_added),
    )
