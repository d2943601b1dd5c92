"""Reading the maintained JSON data files under ``resources/`` (located by app.resources)."""

from __future__ import annotations

import json
from typing import Any

from app.resources import resource_path


def load_json(name: str) -> Any:
    with open(resource_path(name), encoding="utf-8") as handle:
        return json.load(handle)
