"""The regression check: which figures got markedly worse than the recorded baseline.

A figure is flagged when it is more than ``THRESHOLD`` (30 %) worse than its
baseline value, in its own direction: a time or a size that grew by more than
30 %, a rate (``higher_is_better``) that fell by more than 30 %. Changes
smaller than the unit's noise floor are not flagged (0.4 ms → 0.7 ms is 75 %
but says nothing on a shared machine). Figures only one side has are not
compared: they are new, or were not run (``--only``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

THRESHOLD = 0.30
# Below these absolute changes a difference is timer and scheduler noise.
NOISE_FLOOR = {"ms": 1.0, "s": 0.05, "MB": 5.0}


@dataclass(frozen=True)
class Regression:
    name: str
    baseline: float
    value: float
    unit: str
    worse_by: float  # 0.42: 42 % worse than the baseline
    higher_is_better: bool = False

    def describe(self) -> str:
        return f"{self.name} {self.baseline:g} → {self.value:g} {self.unit} ({self.worse_by:.0%} worse)"


def worse_by(value: float, baseline: float, *, higher_is_better: bool) -> float:
    """How much worse ``value`` is than ``baseline``, as a fraction of it (negative: better)."""
    if baseline <= 0:
        raise ValueError("a baseline must be positive to compare against")
    change = (value - baseline) / baseline
    return -change if higher_is_better else change


def compare(current: dict, baseline: dict, *, threshold: float = THRESHOLD) -> list[Regression]:
    """Figures of ``current`` more than ``threshold`` worse than in ``baseline`` (both ``bench --json``)."""
    flagged = []
    before_all = baseline.get("figures", {})
    for name, now in current.get("figures", {}).items():
        before = before_all.get(name)
        if before is None or now.get("value") is None or before.get("value") is None:
            continue
        value, old = float(now["value"]), float(before["value"])
        if old <= 0:
            continue  # nothing to scale against (a count of zero, a figure that was not measurable)
        unit = now.get("unit", before.get("unit", ""))
        if abs(value - old) < NOISE_FLOOR.get(unit, 0.0):
            continue
        higher = bool(now.get("higher_is_better", before.get("higher_is_better", False)))
        change = worse_by(value, old, higher_is_better=higher)
        if change > threshold:
            flagged.append(Regression(name, old, value, unit, change, higher))
    return flagged


def load_warning(current: dict, baseline: dict, *, per_core: float = 0.5) -> str | None:
    """A sentence when the machine was markedly busier (or quieter) than when the baseline was
    taken: on a shared machine times follow the load, and a flagged figure may be the neighbours."""
    now, then = current.get("load_average"), baseline.get("load_average")
    cores = (current.get("machine_info") or {}).get("cores") or 1
    if not now or not then or abs(now[0] - then[0]) / cores <= per_core:
        return None
    return (f"The load average was {now[0]:g} now and {then[0]:g} for the baseline ({cores} cores): "
            "compare on a quiet machine before trusting a flag.")


def not_measured(current: dict, baseline: dict) -> list[str]:
    """Baseline figures this run did not produce."""
    return sorted(set(baseline.get("figures", {})) - set(current.get("figures", {})))


def load(path: Path) -> dict:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)
