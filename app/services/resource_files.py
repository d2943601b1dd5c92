"""The maintained data files under the project's ``resources/`` folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

RESOURCES_DIR = Path(__file__).resolve().parents[2] / "resources"


def load_json(name: str) -> Any:
    with open(RESOURCES_DIR / name, encoding="utf-8") as handle:
        return json.load(handle)
