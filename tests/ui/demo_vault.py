"""A demo vault shared by the tests of one module (building 300 cases takes a second or two)."""

from __future__ import annotations

import pytest

from app.services.demo import generate_demo
from app.storage.vault import Vault
from tests.conftest import TEST_PASSWORD

DEMO_CASES = 300


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory):
    vault, _code = Vault.create(tmp_path_factory.mktemp("demo") / "vault", TEST_PASSWORD, user_name="Test Case Manager")
    generate_demo(vault, cases=DEMO_CASES, seed=7)
    yield vault
    vault.lock()
