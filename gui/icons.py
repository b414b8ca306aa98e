"""The SVG icon set in ``resources/icons`` as ``QIcon``s, optionally recoloured.

Every icon is drawn on a 24×24 grid with a 2 px round-capped stroke in one ink colour
(:data:`ICON_INK`). :func:`icon` renders the SVG at the usual sizes so it stays sharp on
projectors and HiDPI screens; asking for another colour (white on the accent Play button)
swaps the ink in the SVG text before rendering, so one file serves every variant.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

RESOURCES_DIR = Path(__file__).resolve().parents[1] / "resources"
ICONS_DIR = RESOURCES_DIR / "icons"
APP_ICON_PATH = RESOURCES_DIR / "neurona.svg"

#: The single ink colour every icon file is drawn in.
ICON_INK = "#37474f"
#: Ink for disabled icons: light enough to read as "not now", dark enough for a projector.
DISABLED_INK = "#a7b4ba"

_SIZES = (16, 20, 24, 32, 48, 64)


def icon_path(name: str) -> Path:
    """Path of ``resources/icons/{name}.svg``; ``FileNotFoundError`` names a missing icon."""
    path = ICONS_DIR / f"{name}.svg"
    if not path.is_file():
        raise FileNotFoundError(f"no icon named {name!r} (looked for {path})")
    return path


def available_icons() -> list[str]:
    """Names of all icons in the set, sorted."""
    return sorted(p.stem for p in ICONS_DIR.glob("*.svg"))


def _render(svg: bytes, size: int, ratio: float) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg))
    side = round(size * ratio)
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


@lru_cache(maxsize=None)
def _icon(name: str, color: str) -> QIcon:
    text = icon_path(name).read_text(encoding="utf-8")
    normal = text.replace(ICON_INK, color).encode()
    disabled = text.replace(ICON_INK, DISABLED_INK).encode()
    result = QIcon()
    for size in _SIZES:
        for ratio in (1.0, 2.0):
            result.addPixmap(_render(normal, size, ratio), QIcon.Mode.Normal)
            result.addPixmap(_render(disabled, size, ratio), QIcon.Mode.Disabled)
    return result


def icon(name: str, color: str | QColor | None = None) -> QIcon:
    """The icon ``resources/icons/{name}.svg``, drawn in ``color`` (default: the ink grey).

    Icons are cached per (name, colour); needs a ``QGuiApplication``.
    """
    if isinstance(color, QColor):
        color = color.name()
    return _icon(name, (color or ICON_INK).lower())


def app_icon() -> QIcon:
    """The application icon ``resources/neurona.svg`` at the sizes window managers ask for."""
    svg = APP_ICON_PATH.read_bytes()
    result = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        result.addPixmap(_render(svg, size, 1.0))
    return result


def icon_size(px: int) -> QSize:
    """A square ``QSize``; reads better than ``QSize(px, px)`` at call sites."""
    return QSize(px, px)
