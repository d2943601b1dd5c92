"""The "<5" rule and complementary suppression, attacked by brute force.

The brute-force reader here is independent of the interval propagation in
``disclosure``: it tries every assignment of the withheld cells that fits the
published marks and sums, and collects each cell's possible values.
"""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.reporting.disclosure import (
    LESS_THAN_FIVE,
    WITHHELD,
    Equation,
    Table,
    feasible_ranges,
    protect,
)


def star_table(sections: dict[str, list[int]]) -> Table:
    """Sections that all add up to one shown total (like cases_active / age_groups)."""
    values = {(name, str(i)): n for name, cells in sections.items() for i, n in enumerate(cells)}
    first = next(iter(sections))
    total = sum(sections[first])
    values[(first, "total")] = total
    equations = [Equation((first, "total"), tuple((name, str(i)) for i in range(len(cells)))) for name, cells in sections.items()]
    return Table(values, equations)


def brute_force(table: Table, marks: dict, zero_means_withheld: bool) -> dict:
    """Every value each withheld cell can take, given what is published (one star-shaped group)."""
    total_ref = table.equations[0].parent
    cap = table.values[total_ref] + 6

    def domain(ref):
        if ref not in marks:
            return [table.values[ref]]
        if marks[ref] == LESS_THAN_FIVE:
            return list(range(0 if zero_means_withheld else 1, 5))
        return list(range(5, cap + 1))

    possible = {ref: set() for ref in marks}
    for total in domain(total_ref):
        per_section = []
        for eq in table.equations:
            solutions = [combo for combo in itertools.product(*(domain(c) for c in eq.children)) if sum(combo) == total]
            per_section.append((eq, solutions))
        if any(not sols for _eq, sols in per_section):
            continue
        if total_ref in possible:
            possible[total_ref].add(total)
        for eq, sols in per_section:
            for combo in sols:
                for ref, v in zip(eq.children, combo, strict=True):
                    if ref in possible:
                        possible[ref].add(v)
    return possible


def assert_protected(table: Table, marks: dict) -> None:
    # The published rule: a group that shows no number at all uses "<5" for 0 to 4.
    shows_no_number = all(ref in marks for ref in table.values)
    possible = brute_force(table, marks, shows_no_number)
    for ref, values in possible.items():
        true = table.values[ref]
        assert true in values, (ref, true, values)
        if marks[ref] == LESS_THAN_FIVE and not shows_no_number:
            assert {1, 2, 3, 4} <= values, (ref, true, sorted(values), marks)
        else:
            assert len(values) >= 2, (ref, true, sorted(values), marks)


def test_counts_from_1_to_4_are_marked_and_zero_stays_zero():
    table = star_table({"a": [0, 3, 12, 20]})
    marks = protect(table)
    assert marks[("a", "1")] == LESS_THAN_FIVE
    assert ("a", "0") not in marks
    assert_protected(table, marks)


def test_a_single_small_cell_takes_its_smallest_neighbour_along():
    # 3 alone could be recomputed as 35 - 12 - 20; so 12 (smaller than 20) is withheld too.
    table = star_table({"a": [3, 12, 20]})
    marks = protect(table)
    assert marks == {("a", "0"): LESS_THAN_FIVE, ("a", "1"): WITHHELD}
    assert_protected(table, marks)


def test_a_neighbour_of_exactly_5_is_not_enough():
    # 1 + 5: a reader who knows "<5" >= 1 and "x" >= 5 and the total 6 solves it; 1 + 5 + 9 works.
    table = star_table({"a": [1, 5, 9, 30]})
    marks = protect(table)
    assert set(marks) == {("a", "0"), ("a", "1"), ("a", "2")}
    assert_protected(table, marks)


def test_two_fours_do_not_protect_each_other():
    # 4 + 4 = 8 with both "<5": each must be 4. A third cell is needed.
    table = star_table({"a": [4, 4, 10]})
    marks = protect(table)
    assert ("a", "2") in marks
    assert_protected(table, marks)


def test_linked_sections_are_protected_together():
    # Case types show the total 19; the age groups must not let the "<5" be recomputed.
    table = star_table({"types": [12, 7], "ages": [2, 9, 8, 0]})
    marks = protect(table)
    assert marks[("ages", "0")] == LESS_THAN_FIVE
    assert ("ages", "2") in marks  # the smallest visible neighbour
    assert ("types", "0") not in marks
    assert_protected(table, marks)


def test_tiny_group_falls_back_to_withholding_the_zeros():
    # 8 people in 8 of 9 statuses, 4 and 4 per type: even with every non-zero cell
    # withheld, "eight cells of at least 1" and "two of at most 4" pin everything.
    table = star_table({"types": [4, 4], "status": [1, 1, 1, 1, 1, 1, 1, 1, 0]})
    marks = protect(table)
    assert set(marks) == set(table.values)  # the group shows no number at all
    assert marks[("status", "8")] == LESS_THAN_FIVE  # a zero, withheld as the last resort
    assert_protected(table, marks)


def test_hierarchy_category_and_institution():
    # barriers: total = categories; each category = its institutions.
    values = {("c", "total"): 30, ("c", "a"): 20, ("c", "b"): 10,
              ("i", "a|x"): 17, ("i", "a|y"): 3, ("i", "b|z"): 10}
    equations = [
        Equation(("c", "total"), (("c", "a"), ("c", "b"))),
        Equation(("c", "a"), (("i", "a|x"), ("i", "a|y"))),
        Equation(("c", "b"), (("i", "b|z"),)),
    ]
    table = Table(values, equations)
    marks = protect(table)
    bounds = feasible_ranges(table, set(marks))
    assert bounds[("i", "a|y")] == (1, 4)
    for ref in marks:
        lo, hi = bounds[ref]
        assert hi > lo


def test_a_cycle_is_refused():
    values = {("a", "t"): 2, ("a", "x"): 1, ("a", "y"): 1}
    equations = [Equation(("a", "t"), (("a", "x"), ("a", "y"))), Equation(("a", "x"), (("a", "t"),))]
    try:
        protect(Table(values, equations))
    except ValueError:
        return
    raise AssertionError("a cyclic table was accepted")


cells = st.lists(st.integers(min_value=0, max_value=13), min_size=1, max_size=4)


@settings(max_examples=300, deadline=None)
@given(first=cells, second_shape=st.lists(st.integers(min_value=0, max_value=9), min_size=1, max_size=3), data=st.data())
def test_no_withheld_cell_can_be_recomputed(first, second_shape, data):
    total = sum(first)
    # A second section partitioning the same total differently.
    second = data.draw(partition(total, len(second_shape) + 1))
    table = star_table({"a": first, "b": second})
    marks = protect(table)
    for ref, n in table.values.items():
        if 1 <= n <= 4:
            assert marks.get(ref) == LESS_THAN_FIVE
    assert_protected(table, marks)


def partition(total: int, parts: int):
    """Non-negative integers of a given count that add up to ``total``."""
    return st.lists(st.integers(min_value=0, max_value=total), min_size=parts - 1, max_size=parts - 1).map(
        lambda cuts: [b - a for a, b in itertools.pairwise([0, *sorted(cuts), total])]
    )
