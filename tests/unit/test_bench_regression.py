"""The benchmark's regression check and the generator of docs/performance.md (no vaults needed)."""

from __future__ import annotations

import pytest

from benchmarks.harness import Figure, report, with_suffix
from benchmarks.regression import compare, load_warning, not_measured, worse_by
from benchmarks.report import CONTRACT_FIGURES, MARKER, notes_of, render, write_docs


def document(cases: int = 10_000, **figures: tuple) -> dict:
    """A bench --json document; each figure as (value, unit[, target[, higher_is_better]])."""
    built = []
    for name, spec in figures.items():
        value, unit, *rest = spec
        target = rest[0] if rest else None
        higher = rest[1] if len(rest) > 1 else False
        built.append(Figure.of(name, value, unit, target, higher_is_better=higher))
    return report(built, cases)


# --- the regression check ---------------------------------------------------------------


def test_a_time_more_than_30_percent_slower_is_flagged():
    baseline = document(search_p95_ms=(20.0, "ms", 30.0), case_open_ms=(100.0, "ms"))
    current = document(search_p95_ms=(25.8, "ms", 30.0), case_open_ms=(131.0, "ms"))  # 29 %, 31 %
    flagged = compare(current, baseline)
    assert [r.name for r in flagged] == ["case_open_ms"]
    assert flagged[0].worse_by == pytest.approx(0.31)
    assert flagged[0].describe() == "case_open_ms 100 → 131 ms (31% worse)"


def test_the_direction_of_a_figure_decides_what_worse_means():
    baseline = document(pages_per_s=(100.0, "1/s", 50.0, True), rss_mb=(200.0, "MB"))
    slower = document(pages_per_s=(69.0, "1/s", 50.0, True), rss_mb=(150.0, "MB"))
    assert [r.name for r in compare(slower, baseline)] == ["pages_per_s"]
    faster = document(pages_per_s=(180.0, "1/s", 50.0, True), rss_mb=(140.0, "MB"))
    assert compare(faster, baseline) == []
    assert worse_by(69.0, 100.0, higher_is_better=True) == pytest.approx(0.31)
    assert worse_by(69.0, 100.0, higher_is_better=False) == pytest.approx(-0.31)


def test_a_ratio_is_compared_like_a_time():
    baseline = document(encryption_overhead_ratio=(1.1, "x", 1.3))
    assert compare(document(encryption_overhead_ratio=(1.5, "x", 1.3)), baseline)[0].name == "encryption_overhead_ratio"
    assert compare(document(encryption_overhead_ratio=(1.4, "x", 1.3)), baseline) == []


def test_changes_below_the_noise_floor_are_not_flagged():
    baseline = document(tiny_ms=(0.4, "ms"), small_ms=(2.0, "ms"))
    current = document(tiny_ms=(0.9, "ms"), small_ms=(3.2, "ms"))  # +125 % but 0.5 ms; +60 % and 1.2 ms
    assert [r.name for r in compare(current, baseline)] == ["small_ms"]


def test_figures_only_one_side_has_are_not_compared_but_listed():
    baseline = document(search_p95_ms=(20.0, "ms"), sync_initial_1000_ms=(2000.0, "ms"), zero_ms=(0.0, "ms"))
    current = document(search_p95_ms=(21.0, "ms"), gui_rss_mb=(900.0, "MB"), zero_ms=(50.0, "ms"))
    assert compare(current, baseline) == []
    assert not_measured(current, baseline) == ["sync_initial_1000_ms"]
    with pytest.raises(ValueError):
        worse_by(1.0, 0.0, higher_is_better=False)


def test_a_much_busier_machine_than_the_baselines_is_pointed_out():
    baseline, current = document(), document()
    baseline["load_average"], current["machine_info"]["cores"] = [0.4, 0.5, 0.5], 2
    current["load_average"] = [1.2, 1.0, 0.9]
    assert load_warning(current, baseline) is None  # 0.4 per core apart
    current["load_average"] = [4.4, 3.9, 3.8]
    assert "4.4 now and 0.4 for the baseline (2 cores)" in load_warning(current, baseline)
    del baseline["load_average"]
    assert load_warning(current, baseline) is None


def test_the_json_carries_the_direction_only_where_higher_is_better():
    assert "higher_is_better" not in Figure.of("letter_ms", 30.0, "ms", 100.0).as_json()
    assert Figure.of("pages_per_s", 120.0, "1/s", 100.0, higher_is_better=True).as_json()["higher_is_better"] is True
    renamed = with_suffix([Figure.of("search_p95_ms", 9.0, "ms", 30.0)], "_at_100k")
    assert renamed[0].name == "search_p95_ms_at_100k" and renamed[0].met is True


# --- docs/performance.md ----------------------------------------------------------------------


def sample_run() -> dict:
    return document(
        unlock_to_window_ms=(1200.0, "ms", 1500.0),
        unlock_to_window_no_kdf_ms=(420.0, "ms"),
        search_p95_ms=(41.0, "ms", 30.0),
        gui_rss_mb=(250.0, "MB", 300.0),
        demo_generation_s=(55.0, "s", 60.0),
    )


def test_the_page_has_every_figure_its_target_and_verdict():
    page = render(sample_run(), None)
    generated = page.split(MARKER)[0]
    for name in CONTRACT_FIGURES:
        assert f"`{name}`" in generated
    assert "| `unlock_to_window_ms` | 1,200 ms | ≤ 1,500 ms | met |" in generated
    assert "| `search_p95_ms` | 41.0 ms | ≤ 30.0 ms | **not met** |" in generated
    assert "| `sync_initial_1000_ms` | not measured | ≤ 3,000 ms | not measured |" in generated
    assert "| `demo_generation_s` | 55 s | ≤ 60 s | met |" in generated  # in "All other figures"
    # The figure without key derivation stands right under the one with it.
    assert generated.index("`unlock_to_window_ms`") < generated.index("`unlock_to_window_no_kdf_ms`") \
        < generated.index("`search_p95_ms`")
    assert "2 of 12 targets met; 9 not measured." in generated


def test_the_page_describes_the_machine_and_the_load():
    page = render(sample_run(), None)
    assert "10,000 demo cases" in page
    assert "cores" in page and "SQLCipher" in page and "Python" in page
    assert "Load average at the time" in page
    assert "**Measured:**" in page


def test_regenerating_keeps_the_notes_below_the_marker(tmp_path):
    path = tmp_path / "performance.md"
    write_docs(sample_run(), path)
    first = path.read_text(encoding="utf-8")
    assert MARKER in first and "## Notes on missed targets" in first

    notes = ("\n## Notes on missed targets\n\n- `search_p95_ms`: prefix queries of two letters | rank "
             "6,000 cases.\n\n<!-- even a comment -->\n")
    edited_above = first.split(MARKER)[0].replace("# Performance", "# Performance (edited by mistake)")
    path.write_text(edited_above + MARKER + notes, encoding="utf-8")

    faster = sample_run()
    faster["figures"]["search_p95_ms"].update(value=12.0, met=True)
    write_docs(faster, path)
    second = path.read_text(encoding="utf-8")
    assert second.split(MARKER, 1)[1] == notes  # byte for byte
    assert "edited by mistake" not in second  # the generated part is the generator's
    assert "| `search_p95_ms` | 12.0 ms | ≤ 30.0 ms | met |" in second
    assert second.count(MARKER) == 1
    assert not [p for p in tmp_path.iterdir() if p.name != "performance.md"]  # no temporary left behind


def test_a_page_without_the_marker_gets_default_notes():
    assert notes_of(None).startswith("\n## Notes on missed targets")
    assert notes_of("# Performance\nold text without a marker\n") == notes_of(None)
    assert notes_of(f"top\n{MARKER}\nmine\n") == "\nmine\n"


def test_pipes_in_notes_do_not_break_the_table():
    run = document(list_sort_ms=(40.0, "ms", 100.0))
    run["figures"]["list_sort_ms"]["note"] = 'slowest {"sort": "a|b"}'
    row = next(line for line in render(run, None).splitlines() if line.startswith("| `list_sort_ms`"))
    assert row.count(" | ") == 4 and "a\\|b" in row
