"""Every neuron's heatmap thumbnail cut from one image.

Per frame the maps of all units (``NeuronMaps.columns``: per column a float32 array
(units, n, n)) become one tall ARGB image in a few whole-array NumPy operations and one
``QPixmap``; each neuron then paints its square of it. The image is built at the size the
thumbnails have on screen (nearest-neighbour resampling of the colour indices), with the
rounded corners already transparent, so painting is a plain unscaled blit: Qt's smooth
pixmap scaling and a rounded clip path cost about 8 ms a frame for 55 neurons, this about
1 ms in all. Values map to the diverging
orange → neutral → blue table through each layer's value range: −1 … 1 for tanh-like
activations, 0 … 1 for sigmoid, step and the ReLU family (their ``target_range``), and
for the inputs each feature's own symmetric range (x₁ over [−6, 6] spans the table).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage, QPixmap

from engine.activations import ACTIVATIONS

from . import style


def value_range(activation: str | None) -> tuple[float, float] | None:
    """The (lo, hi) of a layer's outputs mapped onto the colour table; None = per unit."""
    if activation is None:
        return None
    cls = ACTIVATIONS.get(activation)
    return tuple(cls.target_range) if cls is not None else (-1.0, 1.0)


class ThumbnailAtlas:
    """Builds the shared thumbnail pixmap; ``row(k)`` is global unit k's square."""

    def __init__(self):
        self.pixmap: QPixmap | None = None
        #: side of one thumbnail in the pixmap, in device pixels
        self.resolution = 0
        #: the side the thumbnails are drawn at (device pixels) and their corner radius
        self.size = 64
        self.radius = 7.0
        self._columns: list[np.ndarray] = []
        self._ranges: list = []
        self._mask_key = None
        self._mask: np.ndarray | None = None
        #: units per column of the maps the pixmap was built from
        self.sizes: tuple[int, ...] = ()
        self._work: np.ndarray | None = None
        self._index: np.ndarray | None = None

    def set_size(self, size: int, radius: float) -> bool:
        """Draw thumbnails ``size`` device pixels wide from now on; True if rebuilt."""
        size = max(8, min(int(size), 512))
        if size == self.size and radius == self.radius:
            return False
        self.size, self.radius = size, radius
        return bool(self._columns) and self.build(self._columns, self._ranges)

    def _corner_mask(self, t: int) -> np.ndarray:
        """(t, t) True outside the rounded square (those pixels stay transparent)."""
        key = (t, self.radius)
        if key != self._mask_key:
            r = max(self.radius, 0.0)
            c = (np.arange(t) + 0.5)
            dx = np.maximum(np.maximum(r - c, c - (t - r)), 0.0)
            self._mask = (dx[:, None] ** 2 + dx[None, :] ** 2) > r * r
            self._mask_key = key
        return self._mask

    def build(self, columns: list[np.ndarray], ranges: list[tuple[float, float] | None]) -> bool:
        """Recolour from ``columns``; False (and no pixmap) when they do not fit ``ranges``."""
        self._columns, self._ranges = columns, ranges
        if not columns or len(columns) != len(ranges):
            self.pixmap, self.sizes = None, ()
            return False
        n = int(columns[0].shape[-1])
        sizes = tuple(int(c.shape[0]) for c in columns)
        total = sum(sizes)
        if self._work is None or self._work.shape != (total, n, n):
            self._work = np.empty((total, n, n), np.float32)
            self._index = np.empty((total, n, n), np.uint8)
        work = self._work
        start = 0
        for col, rng in zip(columns, ranges):
            part = work[start : start + col.shape[0]]
            start += col.shape[0]
            if rng is None:  # symmetric per unit: the largest |value| reaches the end of the table
                peak = np.abs(col).reshape(col.shape[0], -1).max(axis=1)
                peak[~(peak > 0)] = 1.0
                np.multiply(col, (style.LUT_ZERO / peak)[:, None, None], out=part)
                part += style.LUT_ZERO
            else:
                lo, hi = rng
                scale = 255.0 / (hi - lo)
                np.subtract(col, lo, out=part)
                part *= scale
        if not np.isfinite(work.sum()):  # (one cheap pass; nan_to_num is several)
            np.nan_to_num(work, copy=False, nan=style.LUT_ZERO, posinf=255.0, neginf=0.0)
        np.clip(work, 0.0, 255.0, out=work)
        np.add(work, 0.5, out=work)
        self._index[...] = work  # truncation after +0.5 rounds
        index, t = self._index, self.size
        if t != n:
            pick = (np.arange(t) * n) // t
            index = index.take(pick, axis=1).take(pick, axis=2)
        argb = style.LUT_ARGB32[index]
        argb[:, self._corner_mask(t)] = 0
        image = QImage(argb.data, t, total * t, t * 4, QImage.Format.Format_ARGB32_Premultiplied)
        self.pixmap = QPixmap.fromImage(image)  # copies: argb may go
        self.resolution = t
        self.sizes = sizes
        return True
