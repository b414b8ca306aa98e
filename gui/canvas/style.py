"""Sizes, colours, fonts and limits of the network canvas, in scene units (1 unit = 1 px
at 100 % zoom), plus the cached pens and the colour table the items paint with.

Colour follows :mod:`gui.theme`: the data palette's pair only for values (weights, biases,
thumbnails), the accent only for selection and drop targets, greys for the rest.
Everything an item paints every frame comes from a cache here, so a frame allocates no
pens, brushes or fonts. :func:`refresh` rebuilds the colours and caches when the theme or
palette changes (registered with :func:`gui.theme.on_change`); :func:`set_ui_scale`
(presentation mode) makes outlines, edges, the smallest label size and the largest fit
zoom grow with the UI scale.
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

# --- colours and line widths (from the live theme tokens; see refresh) -----------------------

CANVAS = INK = MUTED = ACCENT = ACCENT_SOFT = GRID_DOT = QColor()
LANE_FILL = LANE_BORDER = LANE_DROP_FILL = NEURON_BORDER = NEURON_EMPTY = QColor()
REMOVED_EDGE = BUTTON_FILL = BUTTON_BORDER = HOVER_OUTLINE = QColor()

#: the presentation mode's UI scale (1 … 2.5): line widths, minimum label size, fit zoom
UI_SCALE = 1.0
#: outlines (neuron frames, lanes, buttons) are this many times as wide: the theme's line
#: scale times the UI scale, capped so a selection outline stays inside its sprite
OUTLINE_SCALE = 1.0
OUTLINE_SCALE_MAX = 1.6
_BASE = {"EDGE_MIN_WIDTH": 1.0, "EDGE_MAX_WIDTH": 5.0, "MIN_TITLE_PX": 12.5,
         "TEXT_SCALE_MAX": 1.8, "MAX_FIT_ZOOM": 1.35}


def refresh() -> None:
    """Take the colours from :data:`gui.theme.COLORS` and the line widths from the theme
    and :data:`UI_SCALE`; drops every cached pen (call the scene's ``restyle`` after)."""
    global CANVAS, GRID_DOT, INK, MUTED, ACCENT, ACCENT_SOFT, LANE_FILL, LANE_BORDER, LANE_DROP_FILL
    global NEURON_BORDER, NEURON_EMPTY, REMOVED_EDGE, BUTTON_FILL, BUTTON_BORDER, HOVER_OUTLINE
    global OUTLINE_SCALE, EDGE_MIN_WIDTH, EDGE_MAX_WIDTH, MIN_TITLE_PX, TEXT_SCALE_MAX, MAX_FIT_ZOOM
    global LUT_RGBA, LUT_ARGB32
    c = COLORS
    CANVAS, GRID_DOT, INK, MUTED = QColor(c.canvas), QColor(c.canvas_grid), QColor(c.ink), QColor(c.muted)
    ACCENT, ACCENT_SOFT = QColor(c.accent), QColor(c.accent_soft)
    #: opaque (the canvas colour mixed in): a translucent lane was measurably slower to blit
    LANE_FILL, LANE_BORDER, LANE_DROP_FILL = QColor(c.lane_fill), QColor(c.lane_border), QColor(c.lane_drop_fill)
    NEURON_BORDER, NEURON_EMPTY = QColor(c.neuron_border), QColor(theme.NEUTRAL)
    REMOVED_EDGE, BUTTON_FILL = QColor(c.removed_edge), QColor(c.button_fill)
    BUTTON_BORDER, HOVER_OUTLINE = QColor(c.button_border), QColor(c.hover_outline)
    OUTLINE_SCALE = min(OUTLINE_SCALE_MAX, c.line_scale * UI_SCALE)
    # edges grow more slowly than text: many wide edges into one neuron would merge
    edge_scale = max(c.line_scale ** 0.5, UI_SCALE ** 0.75)
    EDGE_MIN_WIDTH = _BASE["EDGE_MIN_WIDTH"] * edge_scale
    EDGE_MAX_WIDTH = _BASE["EDGE_MAX_WIDTH"] * edge_scale
    # labels grow with the square root of the UI scale: the headers of neighbouring layers
    # share the gap between them, which the larger neurons already narrow
    MIN_TITLE_PX = _BASE["MIN_TITLE_PX"] * UI_SCALE ** 0.5
    TEXT_SCALE_MAX = _BASE["TEXT_SCALE_MAX"] * UI_SCALE ** 0.5
    MAX_FIT_ZOOM = _BASE["MAX_FIT_ZOOM"] * UI_SCALE
    LUT_RGBA = theme.diverging_lut(256)
    LUT_ARGB32 = (
        (0xFF << 24)
        | (LUT_RGBA[:, 0].astype(np.uint32) << 16)
        | (LUT_RGBA[:, 1].astype(np.uint32) << 8)
        | LUT_RGBA[:, 2].astype(np.uint32)
    ).astype(np.uint32)
    for cached in (edge_pen, removed_pen, halo_pen, grid_pen, pen):
        cached.cache_clear()
    _COSMETIC.clear()


def set_ui_scale(factor: float) -> bool:
    """Presentation mode's UI scale for the canvas; True if it changed (then restyle)."""
    global UI_SCALE
    factor = float(min(max(factor, 1.0), 2.5))
    if factor == UI_SCALE:
        return False
    UI_SCALE = factor
    refresh()
    return True


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

#: 256 entries −1 … +1 as RGBA and as ARGB32 words (for thumbnails cut from one image);
#: set by refresh()
LUT_RGBA = LUT_ARGB32 = np.zeros(0, np.uint32)
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
    pen = QPen(REMOVED_EDGE, 1.2 * OUTLINE_SCALE, Qt.PenStyle.DotLine)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


@lru_cache(maxsize=None)
def halo_pen(width: float, color: str = "accent") -> QPen:
    """Behind a selected (accent) or hovered edge; opaque and flat-capped, which Qt's
    raster engine strokes much faster than translucent or round-capped pens."""
    c = QColor(COLORS.halo_accent if color == "accent" else COLORS.halo_hover)
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
    """An outline pen; its width grows with the theme's line scale and the UI scale."""
    p = QPen(QColor(color), width * OUTLINE_SCALE, style)
    p.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return p


refresh()
theme.on_change(refresh)
