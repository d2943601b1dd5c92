"""The strength hint under a new password."""

from __future__ import annotations

import pytest

from app.ui.password_strength import estimate


@pytest.mark.parametrize(("password", "level"), [
    ("kurz", 0),
    ("passwort", 1),
    ("aaaaaaaaaaaa", 1),
    ("abcdefghi", 1),
    ("Rheine2026!", 2),
    ("leuchtturm am rhein", 4),
    ("Leuchtturm am Rhein 42", 4),
])
def test_levels(password, level):
    assert estimate(password).level == level


def test_longer_is_never_weaker():
    base = "Kaffee7"
    levels = [estimate(base + "x" * n).level for n in range(1, 20)]
    assert levels == sorted(levels)
