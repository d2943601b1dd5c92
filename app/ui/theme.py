"""The look: Fusion, a calm palette with one accent colour, and resources/style/lotse.qss.

Colours are declared once here; the stylesheet refers to them as ``$name``
tokens so the palette, the icons and the stylesheet cannot drift apart.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from app.resources import resource_path

COLORS: dict[str, str] = {
    "accent": "#1F6680",
    "accent_hover": "#1A5870",
    "accent_pressed": "#144659",
    "accent_soft": "#E2EEF3",
    "accent_text": "#174F63",
    "window": "#F4F6F8",
    "surface": "#FFFFFF",
    "sidebar": "#EBEEF2",
    "border": "#C9D0D8",
    "border_soft": "#DDE2E8",
    "text": "#1F2933",
    "text_secondary": "#4B5866",
    "text_muted": "#6B7785",
    "disabled": "#9AA5B1",
    "error": "#B42318",
    "error_soft": "#FDEDEB",
    "success": "#1D7A4E",
    "warning": "#9A5B00",
    "focus": "#2B86A8",
}

BASE_POINT_SIZE = 10.5
# Segoe UI on Windows, the desktop's sans elsewhere; all have Latin, Cyrillic and Greek.
FONT_FAMILIES = ["Segoe UI", "Noto Sans", "Cantarell", "Ubuntu", "DejaVu Sans"]
MONO_FAMILIES = ["Cascadia Mono", "Consolas", "Noto Sans Mono", "DejaVu Sans Mono", "Monospace"]


def color(name: str) -> QColor:
    return QColor(COLORS[name])


def ui_font(point_size: float = BASE_POINT_SIZE, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


def mono_font(point_size: float) -> QFont:
    font = QFont()
    font.setFamilies(MONO_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setFixedPitch(True)
    font.setPointSizeF(point_size)
    return font


def stylesheet() -> str:
    text = resource_path("style", "lotse.qss").read_text(encoding="utf-8")
    tokens = dict(COLORS, style_dir=resource_path("style").as_posix())
    return re.sub(r"\$(\w+)", lambda match: tokens[match.group(1)], text)


def palette() -> QPalette:
    pal = QPalette()
    roles = QPalette.ColorRole
    pal.setColor(roles.Window, color("window"))
    pal.setColor(roles.WindowText, color("text"))
    pal.setColor(roles.Base, color("surface"))
    pal.setColor(roles.AlternateBase, color("window"))
    pal.setColor(roles.Text, color("text"))
    pal.setColor(roles.PlaceholderText, color("text_muted"))
    pal.setColor(roles.Button, color("surface"))
    pal.setColor(roles.ButtonText, color("text"))
    pal.setColor(roles.Highlight, color("accent"))
    pal.setColor(roles.HighlightedText, QColor("#FFFFFF"))
    pal.setColor(roles.ToolTipBase, color("text"))
    pal.setColor(roles.ToolTipText, QColor("#FFFFFF"))
    pal.setColor(roles.Link, color("accent"))
    pal.setColor(roles.LinkVisited, color("accent"))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, color("disabled"))
    return pal


def apply_theme(app: QApplication) -> None:
    """Fusion looks the same on Windows and Linux laptops; the palette and sheet make it calm."""
    app.setStyle("Fusion")
    app.setPalette(palette())
    app.setFont(ui_font())
    app.setStyleSheet(stylesheet())
