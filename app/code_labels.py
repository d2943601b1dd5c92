"""The names users read for the stable codes that service messages mention (no Qt).

Codes (app/models/codes.py) never change; these labels are English source
text, marked for the catalogs and translated when shown. The GUI's label
tables can use them too, so a phase is called the same in a message and on
screen.
"""

from __future__ import annotations

from app.i18n import N_, _

PHASES: dict[str, str] = {
    "intake": N_("Intake"),
    "assessment": N_("Assessment"),
    "planning": N_("Planning"),
    "implementation": N_("Implementation"),
    "monitoring": N_("Monitoring"),
    "closed": N_("Closed"),
}

# DOMAIN.md: the German labels are what users see; the catalogs hold them.
GOAL_AREAS: dict[str, str] = {
    "residence": N_("Secure residence and develop a prospect of staying"),
    "needs": N_("Meet personal needs (housing, living, money)"),
    "language": N_("Enable access to language"),
    "education_work": N_("Open up access to education, training and work"),
    "health": N_("Establish access to medical care"),
    "mental_health": N_("Secure or establish psychological stability"),
    "networks": N_("Strengthen existing networks and develop new ones"),
    "perspectives": N_("Develop personal perspectives (further)"),
}


def phase_label(code: str) -> str:
    """The translated name of a phase; an unknown code is shown as it is."""
    return _(PHASES[code]) if code in PHASES else code


def goal_area_label(code: str) -> str:
    """The translated name of a goal area; an unknown code is shown as it is."""
    return _(GOAL_AREAS[code]) if code in GOAL_AREAS else code
