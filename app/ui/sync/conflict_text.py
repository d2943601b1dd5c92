"""How a stored conflict reads in the UI: its place, its values, its time."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.i18n import _
from app.ui.formats import format_moment


def shown_value(value: Any) -> str:
    if value is None or value == "":
        return _("(empty)")
    return str(value)


def field_name(conflict: dict[str, Any]) -> str:
    """``intake_notes`` -> ``Intake notes``; the entity is named when it is not the case itself."""
    field = str(conflict.get("field") or "").replace("_", " ").strip().capitalize()
    entity = str(conflict.get("entity") or "")
    if entity and entity not in ("cases", "case"):
        return f"{field} ({entity.replace('_', ' ')})"
    return field


def describe_place(conflict: dict[str, Any]) -> str:
    ref = conflict.get("ref") or _("a case no longer in this vault")
    return _("Case {ref}, field {field}. Two devices changed it at the same time.").format(
        ref=ref, field=field_name(conflict))


def detected_text(conflict: dict[str, Any]) -> str:
    raw = conflict.get("detected_at")
    try:
        return format_moment(datetime.fromisoformat(raw)) if raw else ""
    except ValueError:
        return str(raw)


def one_line(value: Any, limit: int = 80) -> str:
    text = " ".join(shown_value(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
