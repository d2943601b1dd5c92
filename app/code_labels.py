"""The names of phases and goal areas in service messages (no Qt, no app.ui import).

Codes (app/models/codes.py) never change; these labels are English source
text, translated when shown. The source texts are the same as in the GUI's
tables (app/ui/labels.py: PHASE_STATE_LABELS, GOAL_AREA_LABELS), so a
message names a phase or goal area exactly as the screen does and both share
one catalog entry; tests/unit/test_code_labels.py keeps them equal.
"""

from __future__ import annotations

from app.i18n import N_, _

PHASES: dict[str, str] = {
    "intake": N_("Intake"),
    "assessment": N_("Assessment"),
    "planning": N_("Goals and plan"),
    "implementation": N_("Implementation"),
    "monitoring": N_("Monitoring"),
    "closed": N_("Closed"),
}

# DOMAIN.md: the German labels are what users see; the catalogs hold them.
GOAL_AREAS: dict[str, str] = {
    "residence": N_("Secure residence and develop a prospect to stay"),
    "needs": N_("Meet personal needs (housing, living, money)"),
    "language": N_("Enable access to language"),
    "education_work": N_("Open access to education, training and work"),
    "health": N_("Establish access to medical care"),
    "mental_health": N_("Secure or restore psychological stability"),
    "networks": N_("Strengthen existing networks and develop new ones"),
    "perspectives": N_("Develop personal perspectives"),
}


def phase_label(code: str) -> str:
    """The translated name of a phase; an unknown code is shown as it is."""
    return _(PHASES[code]) if code in PHASES else code


def goal_area_label(code: str) -> str:
    """The translated name of a goal area; an unknown code is shown as it is."""
    return _(GOAL_AREAS[code]) if code in GOAL_AREAS else code
