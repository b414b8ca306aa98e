"""Small pictures for the DATA and FEATURES panels: data sets and features as ``QImage``s.

Pictures are drawn at twice their logical size with ``devicePixelRatio`` 2, so the tiles
stay crisp on HiDPI screens and projectors. Generated data set pictures depend only on the
generator's settings, so they are cached (:func:`generator_thumbnail`); feature pictures
are cached per extent.

Colours are the data colours of :mod:`gui.theme`: class ``k`` in ``CLASS_COLORS[k]``,
regression targets and feature values through the orange → neutral → blue scale.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

from engine.datasets import GENERATORS, Dataset, generate
from engine.features import FEATURES, grid_points
from gui import theme

#: Device pixels per logical pixel of every thumbnail.
RATIO = 2.0
#: Behind the points: a light neutral, a shade lighter than the "zero" colour.
BACKGROUND = "#f3f5f6"
FRAME = "#c9d2d7"

_LUT = theme.diverging_lut()


def _refresh_colors() -> None:
    """Colours of the live theme and palette; cached pictures are drawn again (gui.theme.on_change)."""
    global _LUT, BACKGROUND, FRAME
    _LUT = theme.diverging_lut()
    BACKGROUND, FRAME = theme.COLORS.thumb_bg, theme.COLORS.thumb_frame
    for cached in (generator_thumbnail, draw_thumbnail, csv_thumbnail, feature_thumbnail):
        cached.cache_clear()


theme.on_change(_refresh_colors)


def values_to_rgba(values: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """RGBA uint8 of ``values`` through the diverging scale, ``lo`` → orange, ``hi`` → blue."""
    span = (hi - lo) or 1.0
    idx = np.clip(np.rint((np.asarray(values, np.float64) - lo) / span * 255), 0, 255).astype(np.intp)
    return _LUT[idx]


def rgba_image(rgba: np.ndarray, ratio: float = 1.0) -> QImage:
    """A ``QImage`` that owns a copy of an (h, w, 4) uint8 array."""
    rgba = np.ascontiguousarray(rgba, dtype=np.uint8)
    h, w = rgba.shape[:2]
    image = QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()
    image.setDevicePixelRatio(ratio)
    return image


def _canvas(size: int) -> tuple[QImage, QPainter]:
    side = round(size * RATIO)
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(RATIO)
    image.fill(QColor(BACKGROUND))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return image, painter


def _point_colors(ds: Dataset, y: np.ndarray) -> list[QColor]:
    if ds.kind == "classification":
        return [theme.class_color(int(c)) for c in y]
    top = float(np.max(np.abs(np.concatenate([ds.y_train, ds.y_test])))) or 1.0
    rgba = values_to_rgba(y, -top, top)
    return [QColor(int(r), int(g), int(b)) for r, g, b, _ in rgba]


def dataset_thumbnail(ds: Dataset, size: int = 56, max_points: int = 400) -> QImage:
    """The training points of ``ds`` over its extent, ``size`` logical pixels square.

    Few points (a truth table) are drawn large with a white ring; many are small dots.
    At most ``max_points`` are drawn (evenly picked), so a huge CSV stays quick.
    """
    image, p = _canvas(size)
    xmin, xmax, ymin, ymax = ds.extent
    x, y = ds.x_train, ds.y_train
    if len(x) > max_points:
        pick = np.linspace(0, len(x) - 1, max_points).astype(np.intp)
        x, y = x[pick], y[pick]
    px = (x[:, 0] - xmin) / (xmax - xmin) * size
    py = (ymax - x[:, 1]) / (ymax - ymin) * size
    few = len(x) <= 16
    radius = (size / 9 if size >= 40 else size / 7) if few else max(1.5, size / 34)
    p.setPen(QPen(QColor("#ffffff"), 1.5 if size >= 40 else 1.0) if few else Qt.PenStyle.NoPen)
    for cx, cy, color in zip(px, py, _point_colors(ds, y)):
        p.setBrush(color)
        p.drawEllipse(QPointF(cx, cy), radius, radius)
    p.end()
    return image


@lru_cache(maxsize=64)
def generator_thumbnail(name: str, size: int = 56, variant: str = "table", n_classes: int = 3) -> QImage:
    """The picture of a generator's typical data (seed 0, a little noise), cached."""
    info = GENERATORS[name]
    extra = {}
    if "variant" in info.extras:
        extra["variant"] = variant
    if "n_classes" in info.extras:
        extra["n_classes"] = n_classes
    n = 260 if info.kind == "classification" else 320
    noise = 10 if variant == "cloud" else 0
    ds = generate(name, n_points=n, noise=noise, train_ratio=1.0, seed=0, **extra)
    return dataset_thumbnail(ds, size)


def _glyph_frame(size: int) -> tuple[QImage, QPainter]:
    image, p = _canvas(size)
    p.setBrush(Qt.BrushStyle.NoBrush)
    return image, p


@lru_cache(maxsize=8)
def draw_thumbnail(size: int = 56) -> QImage:
    """"Draw your own": a few dots of three classes and a pencil."""
    image, p = _glyph_frame(size)
    s = size / 56
    dots = [(14, 16, 0), (24, 12, 0), (12, 28, 0), (40, 40, 1), (30, 44, 1), (44, 30, 1), (22, 40, 2)]
    p.setPen(QPen(QColor("#ffffff"), 1.2))
    for x, y, c in dots:
        p.setBrush(theme.class_color(c))
        p.drawEllipse(QPointF(x * s, y * s), 3.6 * s, 3.6 * s)
    # a pencil from the upper right towards the centre
    p.save()
    p.translate(36 * s, 20 * s)
    p.rotate(45)
    ink = QColor(theme.COLORS.ink)
    p.setPen(QPen(ink, 1.6 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    p.setBrush(QColor("#ffffff"))
    body = QRectF(-3.5 * s, -16 * s, 7 * s, 18 * s)
    p.drawRect(body)
    tip = QPainterPath(QPointF(-3.5 * s, 2 * s))
    tip.lineTo(0, 9 * s)
    tip.lineTo(3.5 * s, 2 * s)
    tip.closeSubpath()
    p.setBrush(QColor(theme.COLORS.accent_soft))
    p.drawPath(tip)
    p.restore()
    p.end()
    return image


@lru_cache(maxsize=8)
def csv_thumbnail(size: int = 56) -> QImage:
    """"Import CSV…": a sheet with three columns and a folded corner."""
    image, p = _glyph_frame(size)
    s = size / 56
    ink = QColor(theme.COLORS.ink)
    left, top, right, bottom, fold = 13 * s, 9 * s, 43 * s, 47 * s, 9 * s
    sheet = QPainterPath(QPointF(left, top))
    sheet.lineTo(right - fold, top)
    sheet.lineTo(right, top + fold)
    sheet.lineTo(right, bottom)
    sheet.lineTo(left, bottom)
    sheet.closeSubpath()
    p.setPen(QPen(ink, 1.6 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    p.setBrush(QColor("#ffffff"))
    p.drawPath(sheet)
    p.drawPolyline([QPointF(right - fold, top), QPointF(right - fold, top + fold), QPointF(right, top + fold)])
    # rows: two number cells and a coloured label cell
    p.setPen(Qt.PenStyle.NoPen)
    for r in range(4):
        y = top + (13 + 7.5 * r) * s
        p.setBrush(QColor(theme.COLORS.muted))
        p.drawRoundedRect(QRectF(left + 4 * s, y, 8 * s, 3 * s), 1, 1)
        p.drawRoundedRect(QRectF(left + 14 * s, y, 8 * s, 3 * s), 1, 1)
        p.setBrush(theme.class_color(r % 2))
        p.drawEllipse(QPointF(left + 26 * s, y + 1.5 * s), 2.4 * s, 2.4 * s)
    p.end()
    return image


def feature_values(name: str, extent, n: int) -> np.ndarray:
    """Feature ``name`` on an n×n grid over ``extent``, row 0 at the top."""
    pts = grid_points(extent, n)
    return FEATURES[name].fn(pts[:, 0], pts[:, 1]).reshape(n, n)


@lru_cache(maxsize=64)
def feature_thumbnail(name: str, extent: tuple[float, float, float, float], size: int = 40) -> QImage:
    """The feature over the plane, scaled so its largest |value| there is full colour."""
    n = round(size * RATIO)
    v = feature_values(name, extent, n)
    top = float(np.max(np.abs(v))) or 1.0
    return rgba_image(values_to_rgba(v, -top, top), RATIO)
