"""The SVG icon set in ``resources/icons`` as ``QIcon``s, optionally recoloured.

Every icon is drawn on a 24×24 grid with a 2 px round-capped stroke in one ink colour
(:data:`ICON_INK`). :func:`icon` renders the SVG at whatever size is asked for (when it is first asked
for), so it stays sharp on projectors and HiDPI screens; asking for another colour (white on the accent Play button)
swaps the ink in the SVG text before rendering, so one file serves every variant.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QImage, QPainter, QPixmap
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


class _SvgIconEngine(QIconEngine):
    """Renders an icon's SVG at the size it is asked for, when it is first asked for.

    Rendering every icon at every size up front cost about 0.12 s of start-up for ~600
    pictures of which a few dozen are ever shown; pixmaps are cached per size and mode.
    """

    def __init__(self, normal: bytes, disabled: bytes, sizes: tuple[int, ...] = _SIZES):
        super().__init__()
        self._svg = {False: normal, True: disabled}
        self._sizes = sizes
        self._cache: dict[tuple[int, int, bool], QPixmap] = {}

    def _pixmap(self, width: int, height: int, disabled: bool) -> QPixmap:
        key = (width, height, disabled)
        pixmap = self._cache.get(key)
        if pixmap is None:
            side = max(1, min(width, height))
            pixmap = self._cache[key] = _render(self._svg[disabled], side, 1.0)
        return pixmap

    def pixmap(self, size: QSize, mode, state) -> QPixmap:  # noqa: D401 (Qt override)
        return QPixmap(self._pixmap(size.width(), size.height(), mode == QIcon.Mode.Disabled))

    def scaledPixmap(self, size: QSize, mode, state, scale: float) -> QPixmap:  # noqa: N802
        pixmap = QPixmap(self._pixmap(round(size.width() * scale), round(size.height() * scale),
                                      mode == QIcon.Mode.Disabled))
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def paint(self, painter: QPainter, rect, mode, state) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        pixmap = self._pixmap(round(rect.width() * ratio), round(rect.height() * ratio),
                              mode == QIcon.Mode.Disabled)
        painter.drawPixmap(rect, pixmap)

    def availableSizes(self, mode=QIcon.Mode.Normal, state=QIcon.State.Off):  # noqa: N802
        return [QSize(s, s) for s in self._sizes]

    def clone(self) -> QIconEngine:
        twin = _SvgIconEngine(self._svg[False], self._svg[True], self._sizes)
        twin.tint = getattr(self, "tint", None)
        _ENGINES.append(twin)  # Qt owns the copy, but the Python side must outlive it
        return twin


#: engines handed to Qt (icons are few and cached, so this list stays short)
_ENGINES: list[_SvgIconEngine] = []


@lru_cache(maxsize=None)
def _icon(name: str, color: str) -> QIcon:
    text = icon_path(name).read_text(encoding="utf-8")
    normal = text.replace(ICON_INK, color).encode()
    disabled = text.replace(ICON_INK, DISABLED_INK).encode()
    engine = _SvgIconEngine(normal, disabled)
    engine.tint = (text, color, DISABLED_INK)  # for retint()
    _ENGINES.append(engine)
    return QIcon(engine)


def retint(mapping: dict[str, str]) -> None:
    """Redraw every icon drawn in a colour of ``mapping`` (lower-case "#rrggbb") in the
    colour it maps to (a new theme); widgets show it at their next repaint."""
    for engine in _ENGINES:
        tint = getattr(engine, "tint", None)
        if tint is None:
            continue
        text, color, disabled = tint
        new_color, new_disabled = mapping.get(color, color), mapping.get(disabled, disabled)
        if (new_color, new_disabled) != (color, disabled):
            engine.tint = (text, new_color, new_disabled)
            engine._svg = {False: text.replace(ICON_INK, new_color).encode(),
                           True: text.replace(ICON_INK, new_disabled).encode()}
            engine._cache.clear()


def icon(name: str, color: str | QColor | None = None) -> QIcon:
    """The icon ``resources/icons/{name}.svg``, drawn in ``color`` (default: the ink grey).

    Icons are cached per (name, colour); needs a ``QGuiApplication``.
    """
    if isinstance(color, QColor):
        color = color.name()
    return _icon(name, (color or ICON_INK).lower())


@lru_cache(maxsize=1)
def app_icon() -> QIcon:
    """The application icon ``resources/neurona.svg``, drawn at the sizes window managers ask for."""
    svg = APP_ICON_PATH.read_bytes()
    engine = _SvgIconEngine(svg, svg, sizes=(16, 24, 32, 48, 64, 128, 256))
    _ENGINES.append(engine)
    return QIcon(engine)


def icon_size(px: int) -> QSize:
    """A square ``QSize``; reads better than ``QSize(px, px)`` at call sites."""
    return QSize(px, px)
