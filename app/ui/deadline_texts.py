"""How deadlines read on screen: "overdue by 5 days", the kind in words, where it came from.

No Qt here. The deadline engine's texts carry ISO dates (they are also the
CLI's output); on screen every date reads as the interface language writes
dates (DD.MM.YYYY in German), like every other date in the window.
"""

from __future__ import annotations

import re
from datetime import date

from app.formatting import format_date
from app.i18n import N_, _, ngettext
from app.ui import labels

_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")

SOURCE_LABELS: dict[str, str] = {
    "manual": N_("Entered by hand"),
    "residence_document": N_("Residence document"),
    "passport": N_("Passport"),
    "rule": N_("Residence rules"),
    "agreement_step": N_("Agreement"),
    "consent": N_("Consent"),
    "goal": N_("Goal"),
}


def with_local_dates(text: str) -> str:
    """Every ISO date in ``text`` in the interface language's format (DD.MM.YYYY in German)."""
    def local(match: re.Match) -> str:
        try:
            return format_date(date(int(match.group(1)), int(match.group(2)), int(match.group(3))))
        except ValueError:  # not a real day (e.g. 2026-13-45): leave the text as it is
            return match.group(0)

    return _ISO_DATE.sub(local, text or "")


def due_text(due: date, today: date) -> str:
    """"overdue by 5 days", "due today", "due tomorrow", "in 12 days"."""
    days = (due - today).days
    if days < 0:
        return ngettext("overdue by {n} day", "overdue by {n} days", -days).format(n=-days)
    if days == 0:
        return _("due today")
    if days == 1:
        return _("due tomorrow")
    return ngettext("in {n} day", "in {n} days", days).format(n=days)


def kind_label(kind: str) -> str:
    return labels.label(labels.DEADLINE_KIND_LABELS, kind)


def source_label(source: str) -> str:
    """Where a deadline comes from, in words ("Residence rules · § 25a" for ``rule:25a``)."""
    head, _sep, tail = (source or "").partition(":")
    text = labels.label(SOURCE_LABELS, head, _("Entered by hand"))
    if head == "rule" and tail:
        return _("{source} · § {rule}").format(source=text, rule=tail)
    return text


# The start page's groups: overdue, the next seven days, the seven after.
GROUP_TITLES: dict[str, str] = {
    "overdue": N_("Overdue"),
    "this_week": N_("This week"),
    "next_week": N_("Next week"),
}


def group_key(due: date, today: date) -> str:
    days = (due - today).days
    if days < 0:
        return "overdue"
    return "this_week" if days < 7 else "next_week"


def group_deadlines(items: list, today: date) -> dict[str, list]:
    """The items (overdue first, then by due date, as the engine sorts them) by group, every group present."""
    groups: dict[str, list] = {key: [] for key in GROUP_TITLES}
    for item in items:
        groups[group_key(item.due, today)].append(item)
    return groups
