"""Zug-um-Zug agreements: the one module screens, commands and documents import.

* Drafting and amending (``agreement_editing``): :func:`create_agreement`
  (empty or from a template), :func:`update_agreement`, :func:`add_step`,
  :func:`edit_step`, :func:`move_step`, :func:`reorder_steps`,
  :func:`remove_step`, :func:`delete_agreement` (drafts only).
* Progress (``agreement_progress``): :func:`conclude_agreement`,
  :func:`fulfil_step`, :func:`miss_step`, :func:`waive_step`,
  :func:`reopen_step`, :func:`set_step_proof`, :func:`end_agreement`; an
  agreement whose steps are all fulfilled or waived is fulfilled by itself.
* Reading: :func:`get_agreement_view`, :func:`list_case_agreements`,
  :func:`list_agreements_overview` (vault level) and
  :func:`~app.services.agreement_views.agreements_overview` (in a session).
* The chain logic (``agreement_steps``): :class:`StepView`, :class:`StepState`.

Every function that changes something takes the vault, runs one
transaction, writes the audit log and returns the agreement afterwards as an
:class:`AgreementView`. Errors are ``ValidationError``/``NotFoundError`` with
a sentence for the user.
"""

from __future__ import annotations

from datetime import date

from app.services.agreement_editing import (
    UNCHANGED,
    add_step,
    create_agreement,
    delete_agreement,
    edit_step,
    move_step,
    remove_step,
    reorder_steps,
    update_agreement,
)
from app.services.agreement_progress import (
    conclude_agreement,
    end_agreement,
    fulfil_step,
    miss_step,
    reopen_step,
    set_step_proof,
    waive_step,
)
from app.services.agreement_steps import StepState, StepView
from app.services.agreement_support import get_agreement
from app.services.agreement_views import (
    AgreementSummary,
    AgreementView,
    agreement_view,
    agreements_overview,
    case_agreements,
)

__all__ = [
    "UNCHANGED",
    "AgreementSummary",
    "AgreementView",
    "StepState",
    "StepView",
    "add_step",
    "agreements_overview",
    "conclude_agreement",
    "create_agreement",
    "delete_agreement",
    "edit_step",
    "end_agreement",
    "fulfil_step",
    "get_agreement_view",
    "list_agreements_overview",
    "list_case_agreements",
    "miss_step",
    "move_step",
    "remove_step",
    "reopen_step",
    "reorder_steps",
    "set_step_proof",
    "update_agreement",
    "waive_step",
]


def get_agreement_view(vault, agreement_id: str, *, today: date | None = None) -> AgreementView:
    """One agreement with its chain as of ``today``."""
    with vault.read_session() as session:
        return agreement_view(get_agreement(session, agreement_id), today or date.today())


def list_case_agreements(vault, case_id: str, *, today: date | None = None) -> list[AgreementView]:
    """A case's agreements: in force first, then drafts, fulfilled and ended ones."""
    with vault.read_session() as session:
        return case_agreements(session, case_id, today or date.today())


def list_agreements_overview(vault, *, today: date | None = None) -> list[AgreementSummary]:
    """Agreements in force across open cases, those with overdue or missed steps first."""
    with vault.read_session() as session:
        return agreements_overview(session, today or date.today())
