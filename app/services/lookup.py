"""Fetching the rows a use case works on, with a clear message when they are gone."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFoundError
from app.i18n import _
from app.models import Agency, Case

T = TypeVar("T")


def get_case(session: Session, case_id: str) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFoundError(_("No case with id {case_id}.").format(case_id=case_id))
    return case


def case_by_ref(session: Session, ref: str) -> Case:
    case = session.scalars(select(Case).where(Case.ref == ref.strip())).first()
    if case is None:
        raise NotFoundError(_("No case with reference {ref}.").format(ref=ref.strip()))
    return case


def get_row(session: Session, model: type[T], row_id: str, what: str) -> T:
    row = session.get(model, row_id)
    if row is None:
        raise NotFoundError(_("No {what} with id {row_id}.").format(what=_(what), row_id=row_id))
    return row


def get_agency(session: Session, agency_id: str) -> Agency:
    return get_row(session, Agency, agency_id, "agency")


def actor(vault, user: str | None) -> str:
    """Who the audit log names: the given user, else the vault's case manager."""
    return user or vault.user_name
