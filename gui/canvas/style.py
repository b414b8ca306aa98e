"""Sizes, colours, fonts and limits of the network canvas, in scene units (1 unit = 1 px
at 100 % zoom), plus the cached pens and the colour table the items paint with.

Colour follows :mod:`gui.theme`: the blue/orange pair only for values (weights, biases,
thumbnails), the teal accent only for selection and drop targets, greys for the rest.
Everything an item paints every frame comes from a cache here, so a frame allocates no
pens, brushes or fonts.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPen

from gui import theme
from gui.theme import COLORS

# --- limits --------------------------------------------------------------------------------

#: The canvas stays readable up to 8 hidden layers of 8 neurons and usable up to
#: 10 × 32; beyond these it refuses with a message (the engine allows more, but a
#: picture of 256 neurons per column teaches nothing and costs frames).
MAX_NEURONS_PER_COLUMN = 32
#: inputs + 10 hidden layers + output
MAX_COLUMNS = 12

# --- geometry ------------------------------------------------------------------------------

NEURON_SIZE = 60.0
NEURON_RADIUS = 7.0
#: free space around the neurons inside a layer's lane
LANE_PAD = 14.0
LANE_WIDTH = NEURON_SIZE + 2 * LANE_PAD
LANE_RADIUS = 14.0
#: the layer header above the top neuron: title, size, activation, +/− buttons
HEADER_HEIGHT = 92.0
BUTTON_SIZE = 24.0
BIAS_SIZE = 12.0
#: two columns closer than this would overlap; column drags stop there
MIN_COLUMN_GAP = LANE_WIDTH + 24.0
#: a drop this close to a column's centre lands in that layer
DROP_CAPTURE = LANE_WIDTH / 2 + 16.0
#: hover/click distance to an edge, in view pixels
EDGE_PICK_PX = 5.0
FIT_MARGIN = 36.0
MIN_ZOOM, MAX_ZOOM = 0.15, 4.0
#: fit() never magnifies beyond this (a tiny network would look bloated)
MAX_FIT_ZOOM = 1.35
ZOOM_STEP = 1.2
#: zoomed out, headings keep at least this many screen pixels (titles are 14 px at 100 %)
#: by being drawn larger in the scene, up to TEXT_SCALE_MAX times
MIN_TITLE_PX = 12.5
TEXT_SCALE_MAX = 1.8


def text_scale_for(zoom: float) -> float:
    return min(TEXT_SCALE_MAX, max(1.0, MIN_TITLE_PX / (14.0 * max(zoom, 1e-3))))
GRID_STEP = 24

# --- edges -----------------------------------------------------------------------------------

#: |w| at which an edge reaches full colour and full width (Playground: width clamped at 5)
EDGE_FULL_WEIGHT = 2.0
EDGE_MIN_WIDTH = 1.0
EDGE_MAX_WIDTH = 5.0
#: the weakest edge still shows its sign at this share of full colour
EDGE_MIN_INTENSITY = 0.4
#: while training runs, edges whose antialiased drawing took longer than this (ms) are
#: drawn the fast way until training stops (a 6 × 8 network takes about 5 ms)
EDGE_AA_BUDGET_MS = 8.0
#: in live (fast) drawing, edges up to this width in device pixels use a cosmetic pen
EDGE_THIN_PX = 1.6
#: beyond this many edges even the thin ones are drawn without antialiasing while live
EDGE_AA_THIN_MAX = 3000
#: ... and are redrawn at most this often (seconds) while training animates them
BIG_EDGES_INTERVAL = 0.25
#: pens per sign: |w| is quantised into this many steps between 0 and EDGE_FULL_WEIGHT
EDGE_LEVELS = 24

# --- colours ----------------------------------------------------------------------------------

CANVAS = QColor(COLORS.canvas)
GRID_DOT = QColor(COLORS.canvas_grid)
INK = QColor(COLORS.ink)
MUTED = QColor(COLORS.muted)
ACCENT = QColor(COLORS.accent)
ACCENT_SOFT = QColor(COLORS.accent_soft)
#: opaque (the canvas colour mixed in): a translucent lane was measurably slower to blit
LANE_FILL = QColor("#eef1f3")
LANE_BORDER = QColor("#d5dde2")
LANE_DROP_FILL = QColor("#dcefec")
NEURON_BORDER = QColor("#90a4ae")
NEURON_EMPTY = QColor(theme.NEUTRAL)
REMOVED_EDGE = QColor("#b8c3c9")
BUTTON_FILL = QColor("#ffffff")
BUTTON_BORDER = QColor("#b0bec5")
HOVER_OUTLINE = QColor("#546e7a")

# --- fonts (pixel sizes: they scale with the zoom like everything else) -----------------------


def _font(px: float, weight: QFont.Weight = QFont.Weight.Normal, caps: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(theme.FONT_FAMILIES)
    font.setPixelSize(round(px))
    font.setWeight(weight)
    if caps:
        font.setCapitalization(QFont.Capitalization.AllUppercase)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
    return font


@lru_cache(maxsize=None)
def title_font() -> QFont:
    return _font(14, QFont.Weight.Bold, caps=True)


@lru_cache(maxsize=None)
def caption_font() -> QFont:
    return _font(13)


@lru_cache(maxsize=None)
def feature_font() -> QFont:
    return _font(17, QFont.Weight.DemiBold)


@lru_cache(maxsize=None)
def button_font() -> QFont:
    return _font(18, QFont.Weight.Bold)


# --- value colours -----------------------------------------------------------------------------

#: 256 entries −1 … +1 as ARGB32 words (for thumbnails cut from one image)
LUT_RGBA = theme.diverging_lut(256)
LUT_ARGB32 = (
    (0xFF << 24)
    | (LUT_RGBA[:, 0].astype(np.uint32) << 16)
    | (LUT_RGBA[:, 1].astype(np.uint32) << 8)
    | LUT_RGBA[:, 2].astype(np.uint32)
).astype(np.uint32)
#: LUT index of the value 0
LUT_ZERO = 127.5


def lut_color(value: float) -> QColor:
    """The thumbnail colour of a value in −1 … +1 (clamped; NaN → neutral)."""
    if value != value:
        value = 0.0
    i = int(round((min(1.0, max(-1.0, value)) + 1.0) * LUT_ZERO))
    r, g, b, _ = LUT_RGBA[i]
    return QColor(int(r), int(g), int(b))


def edge_level(abs_w: np.ndarray) -> np.ndarray:
    """Quantised |w|: 0 … EDGE_LEVELS − 1 (NaN/inf → the strongest level)."""
    if not np.isfinite(abs_w.sum()):  # (rare: one cheap pass instead of nan_to_num's several)
        abs_w = np.nan_to_num(abs_w, nan=EDGE_FULL_WEIGHT, posinf=EDGE_FULL_WEIGHT)
    scaled = abs_w * (EDGE_LEVELS / EDGE_FULL_WEIGHT)
    return np.minimum(scaled, EDGE_LEVELS - 1).astype(np.intp)


def edge_width(level: int) -> float:
    t = (level + 0.5) / EDGE_LEVELS
    return EDGE_MIN_WIDTH + (EDGE_MAX_WIDTH - EDGE_MIN_WIDTH) * t


@lru_cache(maxsize=None)
def edge_pen(positive: bool, level: int, frozen: bool) -> QPen:
    """Pen of an edge: blue (+) or orange (−), stronger and wider with |w|; dashed if frozen."""
    t = (level + 0.5) / EDGE_LEVELS
    intensity = EDGE_MIN_INTENSITY + (1.0 - EDGE_MIN_INTENSITY) * t
    color = theme.value_color(intensity if positive else -intensity)
    pen = QPen(color, edge_width(level))
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if frozen:
        pen.setDashPattern([3.0, 2.0])
    return pen


def cosmetic(pen: QPen) -> QPen:
    """The same colour and dashes as a one-pixel cosmetic pen (Qt's fast stroker)."""
    key = (pen.color().rgba(), pen.style(), tuple(pen.dashPattern()) if pen.style() == Qt.PenStyle.CustomDashLine else ())
    cached = _COSMETIC.get(key)
    if cached is None:
        cached = QPen(pen)
        cached.setWidthF(0.0)
        cached.setCosmetic(True)
        _COSMETIC[key] = cached
    return cached


_COSMETIC: dict = {}


@lru_cache(maxsize=None)
def removed_pen() -> QPen:
    pen = QPen(REMOVED_EDGE, 1.2, Qt.PenStyle.DotLine)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


@lru_cache(maxsize=None)
def halo_pen(width: float, color: str = "accent") -> QPen:
    """Behind a selected (accent) or hovered edge; opaque and flat-capped, which Qt's
    raster engine strokes much faster than translucent or round-capped pens."""
    c = QColor("#80cbc4") if color == "accent" else QColor("#cfd8dc")
    pen = QPen(c, width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


@lru_cache(maxsize=None)
def grid_pen() -> QPen:
    p = QPen(GRID_DOT, 2.0)
    p.setCosmetic(True)
    p.setCapStyle(Qt.PenCapStyle.RoundCap)
    return p


@lru_cache(maxsize=None)
def pen(color: str, width: float = 1.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    p = QPen(QColor(color), width, style)
    p.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return p
