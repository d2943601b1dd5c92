"""Fixtures for driving the real widgets offscreen with pytest-qt."""

from __future__ import annotations

import pytest

# The isolated LOTSE_HOME and the fast KDF come from tests/conftest.py.


@pytest.fixture(scope="session", autouse=True)
def themed_app(qapp):
    """The session's QApplication with Lotse's style, as users see it (also checks the sheet loads)."""
    from app import i18n
    from app.ui.theme import apply_theme

    apply_theme(qapp)
    i18n.install("en")
    return qapp


@pytest.fixture
def settings():
    from app.settings import Settings

    return Settings()
