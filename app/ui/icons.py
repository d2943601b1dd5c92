"""Line icons from resources/icons, tinted per state and sharp at any screen scale.

The SVGs draw with ``currentColor``; each icon is rendered once per size and
colour, so a 150 % or 200 % display gets pixels made for it, not scaled ones.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from app.resources import resource_path
from app.ui.theme import COLORS

SIZES = (16, 20, 24, 32, 48)


def icon(name: str, color: str = "text_secondary", *, selected: str | None = "accent_text",
         disabled: str | None = "disabled") -> QIcon:
    """An icon in a theme colour, with variants for selected and disabled states."""
    result = QIcon()
    for size in SIZES:
        result.addPixmap(pixmap(name, size, color), QIcon.Mode.Normal)
        if selected:
            result.addPixmap(pixmap(name, size, selected), QIcon.Mode.Selected)
            result.addPixmap(pixmap(name, size, selected), QIcon.Mode.Active)
        if disabled:
            result.addPixmap(pixmap(name, size, disabled), QIcon.Mode.Disabled)
    return result


def pixmap(name: str, size: int, color: str = "text_secondary") -> QPixmap:
    """``name`` rendered ``size`` logical pixels wide for the primary screen's scale."""
    scale = _device_pixel_ratio()
    image = _render(name, round(size * scale), COLORS.get(color, color))
    result = QPixmap.fromImage(image)
    result.setDevicePixelRatio(scale)
    return result


def app_icon() -> QIcon:
    result = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        result.addPixmap(QPixmap.fromImage(_render("lotse", size, None)))
    return result


@cache
def _svg(name: str) -> str:
    return resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")


@cache
def _render(name: str, pixels: int, hex_color: str | None) -> QImage:
    svg = _svg(name)
    if hex_color:
        svg = svg.replace("currentColor", hex_color)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    image = QImage(pixels, pixels, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, pixels, pixels))
    painter.end()
    return image


def _device_pixel_ratio() -> float:
    screen = QGuiApplication.primaryScreen()
    return screen.devicePixelRatio() if screen else 1.0
