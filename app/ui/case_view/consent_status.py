"""A consent's state in words and colour, and whether a recipient has a valid consent.

The state itself comes from the service (``consent_state``, in the case-file
dict); this module only decides how it reads: a word for every state, so the
colour is never the only sign.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.i18n import _, ngettext
from app.ui.case_view.casework_format import as_date, format_date
from app.ui.case_view.casework_labels import CONSENT_STATE_LABELS, label

STATE_TONES = {
    "valid": "success",
    "expiring": "warning",
    "expired": "error",
    "withdrawn": "neutral",
    "not_yet_valid": "info",
}
USABLE_STATES = frozenset({"valid", "expiring"})


@dataclass(frozen=True)
class StateText:
    text: str
    tone: str
    detail: str = ""


def consent_state_text(consent: dict[str, Any]) -> StateText:
    state = consent.get("state") or ""
    tone = STATE_TONES.get(state, "neutral")
    if state == "expiring":
        until = as_date(consent.get("valid_until"))
        days = (until - date.today()).days if until else 0
        text = _("Expires today") if days <= 0 else ngettext(
            "Expires in {n} day", "Expires in {n} days", days).format(n=days)
        return StateText(text, tone, _("Valid until {date}: ask for a renewal in time.").format(
            date=format_date(until)))
    if state == "expired":
        return StateText(_("Expired"), tone, _("Ended on {date}.").format(date=format_date(consent.get("valid_until"))))
    if state == "withdrawn":
        return StateText(_("Withdrawn"), tone,
                         _("Withdrawn on {date}.").format(date=format_date(consent.get("withdrawn"))))
    if state == "not_yet_valid":
        return StateText(_("Not yet valid"), tone,
                         _("Valid from {date}.").format(date=format_date(consent.get("given"))))
    return StateText(label(CONSENT_STATE_LABELS, state) or _("Unknown"), tone)


def recipient_consent(detail: dict[str, Any], agency_id: str | None) -> StateText:
    """Whether the case holds a usable consent for ``agency_id`` — what a letter to it needs."""
    if not agency_id:
        return StateText("", "neutral")
    consents = [c for c in detail.get("consents") or [] if c.get("recipient_id") == agency_id]
    usable = [c for c in consents if c.get("state") in USABLE_STATES]
    if any(c.get("state") == "valid" for c in usable):
        return StateText(_("Consent valid"), "success", _("A valid consent for this agency is on file."))
    if usable:
        ends = min(c.get("valid_until") or "" for c in usable)
        return StateText(_("Consent expires {date}").format(date=format_date(ends)), "warning",
                         _("The consent for this agency ends within 30 days."))
    if consents:
        latest = max(consents, key=lambda c: c.get("given") or "")
        reason = consent_state_text(latest)
        return StateText(_("No valid consent"), "error",
                         _("The last consent for this agency: {state}. {detail}").format(
                             state=reason.text, detail=reason.detail).strip())
    return StateText(_("No consent"), "error", _("No consent for this agency is recorded in the case."))
