"""Pre-rendered pieces of a neuron at the view's current pixel scale.

Stroking a rounded border and a small square with antialiasing for every neuron, every
frame, cost about 0.1 ms per neuron; drawing the same pixels from a cached pixmap at
(nearly) 1:1 scale is a blit. The neuron frame (normal, hovered, selected) and the bias
marker (256 colour levels × frozen or not) are rendered once per zoom level, lazily.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap

from . import style

S = style.NEURON_SIZE
HALF = S / 2
#: room around the neuron square for the selection outline
FRAME_PAD = 5.0
FRAME_RECT = QRectF(-HALF - FRAME_PAD, -HALF - FRAME_PAD, S + 2 * FRAME_PAD, S + 2 * FRAME_PAD)
BIAS_RECT = QRectF(-HALF - style.BIAS_SIZE / 2, HALF - style.BIAS_SIZE - 5, style.BIAS_SIZE, style.BIAS_SIZE)
BIAS_SPRITE_RECT = BIAS_RECT.adjusted(-1.5, -1.5, 1.5, 1.5)


def _canvas(rect: QRectF, scale: float) -> tuple[QPixmap, QPainter]:
    w, h = max(1, math.ceil(rect.width() * scale)), max(1, math.ceil(rect.height() * scale))
    pixmap = QPixmap(w, h)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(w / rect.width(), h / rect.height())
    painter.translate(-rect.left(), -rect.top())
    return pixmap, painter


class Sprites:
    def __init__(self):
        self.scale = 1.0
        self._frames: dict[str, QPixmap] = {}
        self._bias: dict[tuple[int, bool], QPixmap] = {}

    def clear(self) -> None:
        """Forget every piece (the theme or the line widths changed)."""
        self._frames.clear()
        self._bias.clear()

    def set_scale(self, scale: float) -> bool:
        scale = round(max(scale, 0.05), 3)
        if scale == self.scale:
            return False
        self.scale = scale
        self._frames.clear()
        self._bias.clear()
        return True

    def frame(self, state: str) -> QPixmap:
        """The border of a neuron: "normal", "hover" or "selected" (over FRAME_RECT)."""
        pixmap = self._frames.get(state)
        if pixmap is None:
            pixmap, p = _canvas(FRAME_RECT, self.scale)
            rect = QRectF(-HALF, -HALF, S, S)
            r = style.NEURON_RADIUS
            p.setBrush(Qt.BrushStyle.NoBrush)
            if state == "selected":
                p.setPen(style.pen(style.COLORS.accent, 3.0))
                p.drawRoundedRect(rect.adjusted(-2.5, -2.5, 2.5, 2.5), r + 2, r + 2)
            elif state == "hover":
                p.setPen(style.pen(style.COLORS.neuron_hover, 2.2))
                p.drawRoundedRect(rect.adjusted(0.4, 0.4, -0.4, -0.4), r, r)
            else:
                p.setPen(style.pen(style.COLORS.neuron_border, 1.2))
                p.drawRoundedRect(rect.adjusted(0.3, 0.3, -0.3, -0.3), r, r)
            p.end()
            self._frames[state] = pixmap
        return pixmap

    def empty(self) -> QPixmap:
        """A neutral square for a neuron whose map is not computed yet."""
        pixmap = self._frames.get("empty")
        if pixmap is None:
            pixmap, p = _canvas(FRAME_RECT, self.scale)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(style.NEURON_EMPTY)
            p.drawRoundedRect(QRectF(-HALF, -HALF, S, S), style.NEURON_RADIUS, style.NEURON_RADIUS)
            p.end()
            self._frames["empty"] = pixmap
        return pixmap

    def bias(self, level: int, frozen: bool) -> QPixmap:
        """The bias marker in colour ``level`` (0 … 255 of the diverging table) over BIAS_SPRITE_RECT.

        A frozen bias gets a thick dark outline, like a frozen edge gets dashes.
        """
        key = (level, frozen)
        pixmap = self._bias.get(key)
        if pixmap is None:
            pixmap, p = _canvas(BIAS_SPRITE_RECT, self.scale)
            p.setBrush(style.lut_color(level / 127.5 - 1.0))
            p.setPen(style.pen(style.COLORS.ink, 2.0) if frozen else style.pen(style.COLORS.bias_border, 1.0))
            p.drawRect(BIAS_RECT)
            p.end()
            self._bias[key] = pixmap
        return pixmap


def bias_level(value: float) -> int:
    if value != value:
        return 128
    return int(round((min(1.0, max(-1.0, value)) + 1.0) * 127.5))

