"""Where Lotse's shipped resources live (rules, templates, fonts, agency directory).

One place to change if resources ever move into the package for a wheel
install; every module asks here instead of counting parent directories.
"""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return RESOURCES_DIR.joinpath(*parts)
