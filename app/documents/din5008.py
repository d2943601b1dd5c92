"""DIN 5008 form B geometry on A4, in one place (DOMAIN.md "Referral letters").

All figures are millimetres from the top-left corner, as the standard gives
them; ``y_from_top`` turns them into ReportLab's bottom-up points.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

PAGE_WIDTH, PAGE_HEIGHT = A4

# Address field (Anschriftfeld), form B.
ADDRESS_LEFT_MM = 20.0
ADDRESS_TOP_MM = 45.0
ADDRESS_WIDTH_MM = 85.0
ADDRESS_HEIGHT_MM = 45.0
RETURN_ZONE_MM = 5.0  # Rücksendeangabe
ENDORSEMENT_ZONE_MM = 12.7  # Zusatz- und Vermerkzone
RECIPIENT_ZONE_MM = 27.3  # Anschriftzone
ADDRESS_TEXT_INSET_MM = 5.0  # text starts at 25 mm, flush with the body
RECIPIENT_MAX_LINES = 6

# Information block (Informationsblock).
INFO_LEFT_MM = 125.0
INFO_TOP_MM = 50.0
INFO_RIGHT_MM = 190.0  # keeps the 20 mm right margin

# Text margins and marks.
TEXT_LEFT_MM = 25.0
TEXT_RIGHT_MM = 20.0
FOLD_MARKS_MM = (105.0, 210.0)
PUNCH_MARK_MM = 148.5

# Where the letter text starts on page 1: two blank lines below the address
# field (90 mm + 2 x 4.23 mm), the usual position of the subject line.
BODY_TOP_MM = 98.46
LETTERHEAD_HEIGHT_MM = 45.0
BOTTOM_MARGIN_MM = 25.0  # room for the footer and page number
FOLLOW_TOP_MM = 30.0  # follow-up pages: header line, then text


def y_from_top(millimetres: float) -> float:
    """ReportLab y (points from the bottom) of a line ``millimetres`` from the top."""
    return PAGE_HEIGHT - millimetres * mm


def x_mm(millimetres: float) -> float:
    return millimetres * mm
