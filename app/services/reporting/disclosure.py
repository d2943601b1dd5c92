"""Disclosure control: what a report may show outside the app.

The rule (docs/reporting.md explains it for readers):

1. **Primary suppression.** Every count from 1 to 4 is written ``<5``.
   0 stays 0: "nobody" discloses nobody.
2. **Totals are shown**, so a reader can check the sums — and could subtract.
   Sections that count the same population are *linked*: ``cases_active``,
   ``age_groups`` and ``residence_status`` all add up to the active cases;
   ``cases_closed`` and ``closing_reasons`` to the closed cases; ``barriers``
   and ``barrier_institutions`` (the same barriers per category and
   institution) to all barriers, and each category to its institutions;
   the two need-level rows of a goal area to the cases assessed in it. A
   total shown in one linked section is known in all of them.
3. **Complementary (secondary) suppression.** After step 1 the published
   table is attacked the way a reader would: for each withheld cell, every
   value consistent with everything shown (visible cells, totals, the
   meaning of the marks) is worked out exactly. A ``<5`` cell is safe when
   the reader still cannot tell whether it is 1, 2, 3 or 4; any other withheld
   cell is safe when at least two values remain possible. While some cell is
   not safe, one more cell is withheld, and the attack runs again: first the
   smallest visible non-zero cell sharing a sum with it (a sibling, or a cell
   it is the total of: least information lost), then the total of its sum,
   then the smallest visible non-zero cell anywhere in the linked group. A withheld cell of 5 or more is written
   ``x`` (its mark says no more than "5 or more").
4. **Last resort.** If every non-zero cell of a linked group is withheld and
   a cell is still not safe (only in tiny groups, e.g. 8 people in 8
   different residence statuses, 4 and 4 per case type), the zeros of that
   group are withheld as well, and the group shows no number at all. The
   rule readers get: *in a linked group that shows no number at all, ``<5``
   means 0 to 4.* (The only exception to "0 stays 0".) There the guarantee
   is the weaker one: every withheld cell has at least two possible values.

The attack is exact because the sums form a tree (each cell is added into at
most one sum, and the sums meet only at totals): on such constraint networks
interval propagation to a fixpoint gives every cell's exact range of possible
values. ``_check_tree`` refuses any other shape rather than claim safety it
cannot prove.

What this does not protect against, and cannot from one report: differencing
two reports over overlapping populations (the whole team vs one case
manager, January–June vs January–July). Publish one cut per period.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from app.services.reporting import report as r

LESS_THAN_FIVE = "<5"
WITHHELD = "x"
TOTAL = "total"
THRESHOLD = 5

Ref = tuple[str, str]  # (section, key)
Value = int | str


@dataclass(frozen=True)
class Equation:
    """``parent`` equals the sum of ``children``."""

    parent: Ref
    children: tuple[Ref, ...]


@dataclass
class Table:
    """Cells, the sums a reader can check, and aliases (the same total shown in several sections)."""

    values: dict[Ref, int]
    equations: list[Equation]
    aliases: dict[Ref, Ref] = field(default_factory=dict)  # alias -> canonical cell


@dataclass
class PublishedReport:
    """What may leave the app: ``sections[section][key]`` is an int or ``<5`` / ``x``."""

    scope: r.ReportScope
    sections: dict[str, dict[str, Value]]

    def value(self, section: str, key: str) -> Value:
        return self.sections[section][key]


# --- the report's tables --------------------------------------------------------------


def report_table(report: r.Report) -> Table:
    """The report's cells with the totals it shows and the sums linking them."""
    s = report.sections
    values: dict[Ref, int] = {(name, key): n for name, cells in s.items() for key, n in cells.items()}
    equations: list[Equation] = []
    aliases: dict[Ref, Ref] = {}

    def cells(name: str, keys=None) -> tuple[Ref, ...]:
        return tuple((name, k) for k in (s[name] if keys is None else keys))

    def linked(names: tuple[str, ...]) -> None:
        total = (names[0], TOTAL)
        values[total] = report.total(names[0])
        for name in names:
            equations.append(Equation(total, cells(name)))
            if name != names[0]:
                aliases[(name, TOTAL)] = total

    for group in (
        (r.CASES_OPENED,),
        (r.CASES_ACTIVE, r.AGE_GROUPS_SECTION, r.RESIDENCE_STATUS),
        (r.CASES_CLOSED, r.CLOSING_REASONS),
        (r.GOALS_SET,),
        (r.GOALS_ATTAINED,),
        (r.REFERRALS,),
    ):
        linked(group)

    # Barriers: all = sum of categories; each category = sum of its institutions.
    barrier_total = (r.BARRIERS, TOTAL)
    values[barrier_total] = report.total(r.BARRIERS)
    equations.append(Equation(barrier_total, cells(r.BARRIERS)))
    aliases[(r.BARRIER_INSTITUTIONS, TOTAL)] = barrier_total
    for category in s[r.BARRIERS]:
        prefix = category + r.INSTITUTION_SEPARATOR
        equations.append(
            Equation((r.BARRIERS, category), cells(r.BARRIER_INSTITUTIONS, [k for k in s[r.BARRIER_INSTITUTIONS] if k.startswith(prefix)]))
        )

    # Need levels: per area, both rows add up to the cases assessed in that area.
    areas = dict.fromkeys(k.split(":")[0] for k in s[r.NEED_LEVELS_ASSESSMENT])
    for area in areas:
        total = (r.NEED_LEVELS_ASSESSMENT, f"{area}:{TOTAL}")
        aliases[(r.NEED_LEVELS_CLOSURE, f"{area}:{TOTAL}")] = total
        for name in (r.NEED_LEVELS_ASSESSMENT, r.NEED_LEVELS_CLOSURE):
            keys = [k for k in s[name] if k.split(":")[0] == area]
            values[total] = sum(s[name][k] for k in keys)
            equations.append(Equation(total, cells(name, keys)))
    return Table(values, equations, aliases)


def publish(report: r.Report) -> PublishedReport:
    """The report as it may be exported: small counts and what would reveal them withheld."""
    table = report_table(report)
    marks = protect(table)
    sections: dict[str, dict[str, Value]] = {}
    for name, cells in report.sections.items():
        out: dict[str, Value] = {key: marks.get((name, key), n) for key, n in cells.items()}
        if name == r.NEED_LEVELS_ASSESSMENT or name == r.NEED_LEVELS_CLOSURE:
            out = _with_area_totals(name, out, table, marks)
        elif (name, TOTAL) in table.values or (name, TOTAL) in table.aliases:
            canonical = table.aliases.get((name, TOTAL), (name, TOTAL))
            out[TOTAL] = marks.get(canonical, table.values[canonical])
        sections[name] = out
    return PublishedReport(report.scope, sections)


def _with_area_totals(name: str, cells: dict[str, Value], table: Table, marks: dict[Ref, str]) -> dict[str, Value]:
    """Need levels: each area's four levels followed by ``<area>:total``."""
    out: dict[str, Value] = {}
    keys = list(cells)
    for i, key in enumerate(keys):
        out[key] = cells[key]
        area = key.split(":")[0]
        if i + 1 == len(keys) or keys[i + 1].split(":")[0] != area:
            ref = (name, f"{area}:{TOTAL}")
            canonical = table.aliases.get(ref, ref)
            out[f"{area}:{TOTAL}"] = marks.get(canonical, table.values[canonical])
    return out


# --- protection --------------------------------------------------------------------------


def protect(table: Table) -> dict[Ref, str]:
    """The mark (``<5`` or ``x``) of every cell that must be withheld; see the module doc."""
    _check_tree(table)
    neighbours = _neighbours(table.equations)
    groups = _groups(table)
    withheld = {ref for ref, n in table.values.items() if 0 < n < THRESHOLD}
    for _ in range(len(table.values) + len(groups) + 1):
        weak = _weak_cells(table, withheld, groups)
        if not weak:
            return {ref: _mark(table.values[ref]) for ref in withheld}
        addition = _next_to_withhold(weak[0], table, withheld, neighbours, groups)
        if addition is not None:
            withheld.add(addition)
            continue
        group = {ref for ref, g in groups.items() if g == groups[weak[0]]}
        if group <= withheld:
            break
        withheld |= group  # the last resort: the zeros too
    raise RuntimeError("disclosure control could not protect a report table")  # a bug: the doc says why not


def _mark(n: int) -> str:
    return LESS_THAN_FIVE if n < THRESHOLD else WITHHELD


def _domain(n: int, group_shows_no_number: bool) -> tuple[float, float]:
    """What a reader knows about a withheld cell from its mark."""
    if n < THRESHOLD:
        return (0 if group_shows_no_number else 1, THRESHOLD - 1)
    return (THRESHOLD, math.inf)


def blind_groups(table: Table, withheld: set[Ref], groups: dict[Ref, int] | None = None) -> set[int]:
    """Linked groups that show no number at all: there "<5" means 0 to 4.
    (A figure on its own, like the case conferences, is no linked group.)"""
    groups = groups if groups is not None else _groups(table)
    seeing = {g for ref, g in groups.items() if ref not in withheld}
    sizes = Counter(groups.values())
    return {g for g in groups.values() if sizes[g] > 1} - seeing


def feasible_ranges(
    table: Table, withheld: set[Ref], groups: dict[Ref, int] | None = None
) -> dict[Ref, tuple[float, float]]:
    """The reader's attack: each cell's exact range of possible values (tree-shaped sums)."""
    groups = groups if groups is not None else _groups(table)
    blind = blind_groups(table, withheld, groups)
    bounds: dict[Ref, tuple[float, float]] = {}
    for ref, n in table.values.items():
        bounds[ref] = _domain(n, groups[ref] in blind) if ref in withheld else (n, n)
    for _ in range(4 * len(table.equations) + 4):
        changed = False
        for eq in table.equations:
            lows = [bounds[c][0] for c in eq.children]
            highs = [bounds[c][1] for c in eq.children]
            sum_lo = sum(lows)
            finite_hi = sum(h for h in highs if h != math.inf)
            unbounded = sum(1 for h in highs if h == math.inf)
            p_lo, p_hi = bounds[eq.parent]
            new_parent = (max(p_lo, sum_lo), min(p_hi, math.inf if unbounded else finite_hi))
            if new_parent != bounds[eq.parent]:
                bounds[eq.parent] = new_parent
                changed = True
            p_lo, p_hi = new_parent
            for child, lo, hi in zip(eq.children, lows, highs, strict=True):
                # The others' highest sum; inf - inf must not turn into nan.
                others_unbounded = unbounded - (1 if hi == math.inf else 0)
                others_hi = math.inf if others_unbounded else finite_hi - (0 if hi == math.inf else hi)
                new = (max(lo, p_lo - others_hi), min(hi, p_hi - (sum_lo - lo)))
                if new != bounds[child]:
                    bounds[child] = new
                    changed = True
        if not changed:
            return bounds
    raise RuntimeError("interval propagation did not settle")


def _weak_cells(table: Table, withheld: set[Ref], groups: dict[Ref, int]) -> list[Ref]:
    bounds = feasible_ranges(table, withheld, groups)
    blind = blind_groups(table, withheld, groups)
    weak = []
    for ref in sorted(withheld, key=lambda ref: (table.values[ref], ref)):
        lo, hi = bounds[ref]
        if table.values[ref] < THRESHOLD and groups[ref] not in blind:
            safe = lo <= 1 and hi >= THRESHOLD - 1
        else:
            safe = hi > lo
        if not safe:
            weak.append(ref)
    return weak


def _next_to_withhold(
    ref: Ref, table: Table, withheld: set[Ref], neighbours: dict[Ref, list], groups: dict[Ref, int]
) -> Ref | None:
    """The smallest visible non-zero cell sharing a sum with ``ref`` (its siblings, or
    the cells it totals), then the total of its sum, then anything in its group."""

    def smallest(candidates) -> Ref | None:
        visible = [c for c in candidates if c not in withheld and table.values[c] > 0]
        return min(visible, key=lambda c: (table.values[c], c), default=None)

    related = neighbours.get(ref, [])
    choice = smallest([c for cells, _parent in related for c in cells])
    if choice is None:
        choice = smallest([parent for _cells, parent in related if parent != ref])
    if choice is None:
        choice = smallest([c for c, g in groups.items() if g == groups[ref]])
    return choice


def _neighbours(equations: list[Equation]) -> dict[Ref, list]:
    """For each cell: (its siblings, the total) of the sum it is part of, then the sums it totals."""
    out: dict[Ref, list] = {}
    for eq in equations:
        for child in eq.children:
            out.setdefault(child, []).insert(0, ([c for c in eq.children if c != child], eq.parent))
        out.setdefault(eq.parent, []).append((list(eq.children), eq.parent))
    return out


def _groups(table: Table) -> dict[Ref, int]:
    """Linked groups: cells connected through sums (a cell alone is its own group)."""
    parent = {ref: ref for ref in table.values}

    def find(x: Ref) -> Ref:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for eq in table.equations:
        for child in eq.children:
            parent[find(child)] = find(eq.parent)
    roots: dict[Ref, int] = {}
    return {ref: roots.setdefault(find(ref), len(roots)) for ref in table.values}


def _check_tree(table: Table) -> None:
    """The cells and sums must form a forest (each cell a child of at most one sum, no cycles)."""
    seen_children: set[Ref] = set()
    nodes: dict[object, object] = {}

    def find(x):
        nodes.setdefault(x, x)
        while nodes[x] != x:
            x = nodes[x]
        return x

    for i, eq in enumerate(table.equations):
        for node in (eq.parent, *eq.children):
            if node not in table.values:
                raise ValueError(f"sum refers to unknown cell {node}")
        for child in eq.children:
            if child in seen_children:
                raise ValueError(f"cell {child} is added into two sums; the attack would not be exact")
            seen_children.add(child)
        for node in (eq.parent, *eq.children):
            a, b = find(("eq", i)), find(node)
            if a == b:
                raise ValueError("the sums form a cycle; the attack would not be exact")
            nodes[a] = b
