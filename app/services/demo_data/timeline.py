"""When a demo case entered each phase, worked backwards from today.

Working backwards guarantees every transition lies in the past and each phase
was entered after the one before it, whatever the random gaps are. The
orders follow the case-file rules: case management passes intake, assessment,
planning, implementation, monitoring (closing is allowed from any of them);
a Verweisberatung goes from intake straight to closed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

CM_ORDER = ("intake", "assessment", "planning", "implementation", "monitoring")
CM_PHASE_WEIGHTS = {"intake": 7, "assessment": 9, "planning": 9, "implementation": 27, "monitoring": 20, "closed": 28}
RA_PHASE_WEIGHTS = {"intake": 20, "closed": 80}
# The phase a closed case-management case was in when it was closed.
CLOSED_FROM_WEIGHTS = {"intake": 8, "assessment": 10, "planning": 7, "implementation": 35, "monitoring": 40}
REFERRAL_ADVICE_SHARE = 0.15

# Days from entering the previous phase to entering this one.
_GAP = {"assessment": (3, 21), "planning": (14, 60), "implementation": (7, 35), "monitoring": (60, 240)}
# Days a case has been in its current phase so far.
_DWELL = {"intake": (0, 21), "assessment": (0, 45), "planning": (0, 30), "implementation": (0, 270), "monitoring": (0, 420)}
_CLOSE_GAP = (10, 240)
_RA_CLOSE_GAP = (1, 30)
CLOSED_WITHIN_DAYS = 3 * 365

# The first cases of every demo cover each phase of both case types, so even a
# vault of a dozen cases shows the whole cycle.
COVERAGE = (
    ("case_management", "intake"), ("case_management", "assessment"), ("case_management", "planning"),
    ("case_management", "implementation"), ("case_management", "monitoring"), ("case_management", "closed"),
    ("referral_advice", "intake"), ("referral_advice", "closed"),
)


@dataclass(frozen=True)
class Timeline:
    case_type: str
    phase: str  # the current phase
    transitions: tuple[tuple[str, date], ...]  # (phase, entered on), intake first

    @property
    def opened(self) -> date:
        return self.transitions[0][1]

    @property
    def closed(self) -> date | None:
        return self.transitions[-1][1] if self.phase == "closed" else None

    @property
    def last_active_phase(self) -> str:
        """The phase work happened in last (for a closed case: the one before closing)."""
        return self.transitions[-2][0] if self.phase == "closed" else self.phase

    def entered(self, phase: str) -> date | None:
        for name, on in self.transitions:
            if name == phase:
                return on
        return None

    def reached(self, phase: str) -> bool:
        return any(name == phase for name, _ in self.transitions)

    def end(self, today: date) -> date:
        """The last day of work on the case: closing day or today."""
        return self.closed or today


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(tuple(weights), tuple(weights.values()))[0]


def draw_kind(rng: random.Random, index: int) -> tuple[str, str]:
    """Case type and current phase of the index-th demo case."""
    if index < len(COVERAGE):
        return COVERAGE[index]
    if rng.random() < REFERRAL_ADVICE_SHARE:
        return "referral_advice", _pick(rng, RA_PHASE_WEIGHTS)
    return "case_management", _pick(rng, CM_PHASE_WEIGHTS)


def make_timeline(rng: random.Random, case_type: str, phase: str, today: date) -> Timeline:
    randint = rng.randint
    if case_type == "referral_advice":
        if phase == "closed":
            closed = today - timedelta(days=randint(0, CLOSED_WITHIN_DAYS))
            opened = closed - timedelta(days=randint(*_RA_CLOSE_GAP))
            return Timeline(case_type, phase, (("intake", opened), ("closed", closed)))
        return Timeline(case_type, phase, (("intake", today - timedelta(days=randint(0, 14))),))

    if phase == "closed":
        last = _pick(rng, CLOSED_FROM_WEIGHTS)
        closed = today - timedelta(days=randint(0, CLOSED_WITHIN_DAYS))
        entered_last = closed - timedelta(days=randint(*_CLOSE_GAP))
        tail: list[tuple[str, date]] = [("closed", closed)]
    else:
        last = phase
        entered_last = today - timedelta(days=randint(*_DWELL[phase]))
        tail = []
    passed = CM_ORDER[: CM_ORDER.index(last) + 1]
    dates = [entered_last]
    for name in reversed(passed[1:]):
        dates.append(dates[-1] - timedelta(days=randint(*_GAP[name])))
    dates.reverse()
    return Timeline(case_type, phase, tuple(zip(passed, dates, strict=True)) + tuple(tail))
