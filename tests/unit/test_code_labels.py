"""Service messages name phases and goal areas exactly as the screens do."""

from __future__ import annotations

from app import code_labels
from app.models.codes import GOAL_AREAS, PHASES
from app.ui import labels


def test_the_service_labels_are_the_screen_labels():
    assert {code: labels.PHASE_STATE_LABELS[code] for code in PHASES} == code_labels.PHASES
    assert {code: labels.GOAL_AREA_LABELS[code] for code in GOAL_AREAS} == code_labels.GOAL_AREAS


def test_an_unknown_code_is_shown_as_it_is():
    assert code_labels.phase_label("review") == "review"
    assert code_labels.goal_area_label("language") == "Enable access to language"
