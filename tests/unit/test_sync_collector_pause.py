"""A sync run pauses Python's garbage collector and always switches it back on."""

from __future__ import annotations

import gc

import pytest

from app.gc_pause import collector_paused


def test_collector_is_back_on_after_a_run_and_after_a_failed_one():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("the share went away")
    assert gc.isenabled()


def test_nested_runs_switch_it_on_only_when_the_last_ends():
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer run is still going
    assert gc.isenabled()


def test_collector_switched_off_by_someone_else_stays_off():
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
