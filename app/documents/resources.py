"""Where the shipped resources (fonts, letter templates) live.

``resources/`` sits beside ``app/`` in the repository and in an editable
install; one function finds it so a packaged build changes one line.
"""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """A path below ``resources/``, e.g. ``resource_path("fonts", "NotoSans-Regular.ttf")``."""
    return RESOURCES_DIR.joinpath(*parts)
