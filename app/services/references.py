"""Allocating the next case reference (Aktenzeichen ``YYYY-NNNN``)."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import _
from app.models import Case

REFERENCE_PATTERN = re.compile(r"^(\d{4})-(\d{4,6})$")


def next_reference(session: Session, opened: date) -> str:
    """The next free reference for the year the case was opened: highest number + 1.

    The unique constraint on ``cases.ref`` protects a single vault. Team members
    who work offline each allocate from their own copy, so two devices can hand
    out the same number; sync detects the duplicate and resolves it (renumbering
    is sync's job, not this function's).
    """
    prefix = f"{opened.year:04d}-"
    # A range on the unique index instead of LIKE, which would scan the table.
    refs = session.scalars(select(Case.ref).where(Case.ref >= prefix, Case.ref < f"{opened.year:04d}."))
    highest = 0
    for ref in refs:
        match = REFERENCE_PATTERN.match(ref)
        if match:
            highest = max(highest, int(match.group(2)))
    return f"{prefix}{highest + 1:04d}"


def clean_reference(value: object) -> str:
    text = str(value or "").strip()
    if not REFERENCE_PATTERN.match(text):
        raise ValidationError(
            _("The case reference '{text}' is not of the form YYYY-NNNN (for example 2026-0042).").format(text=text)
        )
    return text
