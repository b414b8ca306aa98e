"""All connections of the network drawn by one item, from NumPy arrays.

One ``QGraphicsItem`` per edge with a ``setPen`` per frame was measured too slow for live
training (DESIGN §7). Here the geometry (one ``QLineF`` per edge) is built only when units
move, and a weight update only stores the weights; at paint time the edges are grouped by
pen — sign, |w| quantised into :data:`~gui.canvas.style.EDGE_LEVELS` steps, frozen or
removed — and each group is one ``setPen`` and one ``drawLines`` call, weakest first so
that strong weights lie on top. Pens are opaque: a translucent wide pen was measured
several times slower to rasterise.

Edge ``k`` runs from global unit ``src[k]`` to global unit ``dst[k]``; units are numbered
column by column in engine order, and edges layer by layer in the engine's (i, j)
row-major order, so a layer's weight matrix ``W[:, j]`` ravels straight into them.
"""

from __future__ import annotations

import time
from collections import deque
from operator import itemgetter

import numpy as np
from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsItem

from . import style

#: pens by group key: 0 = removed, else 1 + 4·level + 2·positive + frozen
_N_KEYS = 1 + 4 * style.EDGE_LEVELS


def _pens() -> list:
    pens = [style.removed_pen()]
    for level in range(style.EDGE_LEVELS):
        for positive in (False, True):
            for frozen in (False, True):
                pens.append(style.edge_pen(positive, level, frozen))
    return pens


class EdgesItem(QGraphicsItem):
    """Every connection between consecutive columns, painted from arrays."""

    def __init__(self, parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.setZValue(0)
        self._pens = _pens()
        self._rect = QRectF()
        self.set_structure([])
        #: "auto" (fast drawing only while live and over budget, see paint), or forced
        #: "antialiased" / "fast" (for measurements)
        self.quality = "auto"
        #: training is animating the weights (see set_live)
        self.live = False
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.halo = EdgeHalo(self)
        #: how long the recent antialiased paints of all edges took, ms
        self.aa_times: deque[float] = deque(maxlen=5)
        self._fast_frames = 0
        self._last_update = 0.0

    # ------------------------------------------------------------------ structure
    def set_structure(self, sizes: list[int]) -> None:
        """Columns of ``sizes`` units, fully connected column to column."""
        offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.intp) if sizes else np.zeros(1, np.intp)
        src, dst, col, ii, jj = [], [], [], [], []
        for c in range(1, len(sizes)):
            n_in, n_out = sizes[c - 1], sizes[c]
            i, j = np.divmod(np.arange(n_in * n_out), n_out)
            src.append(offsets[c - 1] + i)
            dst.append(offsets[c] + j)
            col.append(np.full(i.size, c))
            ii.append(i)
            jj.append(j)
        cat = (lambda parts: np.concatenate(parts).astype(np.intp)) if src else (lambda parts: np.zeros(0, np.intp))
        self.src, self.dst, self.col, self.ii, self.jj = cat(src), cat(dst), cat(col), cat(ii), cat(jj)
        self.layer_offsets = offsets_of_layers = [0]
        for c in range(1, len(sizes)):
            offsets_of_layers.append(offsets_of_layers[-1] + sizes[c - 1] * sizes[c])
        self.sizes = list(sizes)
        n = self.src.size
        self.weights = np.zeros(n)
        self.removed = np.zeros(n, bool)
        self.frozen = np.zeros(n, bool)
        self.x0 = self.y0 = self.x1 = self.y1 = np.zeros(n)
        self._lines: list[QLineF] = [QLineF() for _ in range(n)]
        self._groups: list | None = None
        if hasattr(self, "halo"):
            self.halo.set_edges(None, None)
        self.update()

    def __len__(self) -> int:
        return int(self.src.size)

    def index_of(self, column: int, i: int, j: int) -> int | None:
        """Edge index of the link from unit i of column − 1 to unit j of ``column``."""
        if not 1 <= column < len(self.sizes):
            return None
        if not (0 <= i < self.sizes[column - 1] and 0 <= j < self.sizes[column]):
            return None
        return self.layer_offsets[column - 1] + i * self.sizes[column] + j

    def key(self, k: int) -> tuple[int, int, int]:
        """(column, i, j) of edge ``k``."""
        return int(self.col[k]), int(self.ii[k]), int(self.jj[k])

    # ------------------------------------------------------------------ geometry
    def set_geometry(self, unit_x: np.ndarray, unit_y: np.ndarray, half: float) -> None:
        """Endpoints from the units' centres: right side of the source, left of the target."""
        self.x0 = unit_x[self.src] + half
        self.y0 = unit_y[self.src]
        self.x1 = unit_x[self.dst] - half
        self.y1 = unit_y[self.dst]
        self._lines = list(map(QLineF, self.x0.tolist(), self.y0.tolist(), self.x1.tolist(), self.y1.tolist()))
        self._groups = None
        self._update_rect()
        self.halo.refresh()

    def move_units(self, units: np.ndarray, unit_x: np.ndarray, unit_y: np.ndarray, half: float) -> None:
        """Re-route only the edges touching ``units`` (during a drag)."""
        touched = np.flatnonzero(np.isin(self.src, units) | np.isin(self.dst, units))
        if touched.size == 0:
            return
        self.x0[touched] = unit_x[self.src[touched]] + half
        self.y0[touched] = unit_y[self.src[touched]]
        self.x1[touched] = unit_x[self.dst[touched]] - half
        self.y1[touched] = unit_y[self.dst[touched]]
        lines = self._lines
        for k, a, b, c, d in zip(
            touched.tolist(), self.x0[touched].tolist(), self.y0[touched].tolist(),
            self.x1[touched].tolist(), self.y1[touched].tolist(),
        ):
            lines[k] = QLineF(a, b, c, d)
        self._groups = None
        self._update_rect()
        self.halo.refresh()

    def _update_rect(self) -> None:
        if len(self) == 0:
            rect = QRectF()
        else:
            xs = np.concatenate([self.x0, self.x1])
            ys = np.concatenate([self.y0, self.y1])
            pad = style.EDGE_MAX_WIDTH + 6
            rect = QRectF(xs.min() - pad, ys.min() - pad, xs.max() - xs.min() + 2 * pad, ys.max() - ys.min() + 2 * pad)
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self.update()

    # ------------------------------------------------------------------ values
    def set_weights(self, weights: np.ndarray, removed: np.ndarray | None = None,
                    frozen: np.ndarray | None = None) -> None:
        """New weights (and flags, when given) for every edge; repainted lazily."""
        if weights.shape != self.weights.shape:
            return  # the structure is being rebuilt; the next sync brings matching arrays
        np.copyto(self.weights, weights)
        if removed is not None:
            np.copyto(self.removed, removed)
        if frozen is not None:
            np.copyto(self.frozen, frozen)
        self._groups = None
        if self.live and self._big():
            # Thousands of edges take tens of ms even aliased: while training, redraw
            # them a few times a second (the cached picture is shown in between) and
            # leave the frames to the thumbnails and to training.
            now = time.monotonic()
            if now - self._last_update < style.BIG_EDGES_INTERVAL:
                return
            self._last_update = now
        self.update()

    def _big(self) -> bool:
        return len(self) > style.EDGE_AA_THIN_MAX

    def _group(self) -> list:
        """[(pen, lines)] in paint order: removed first, then by |w| ascending."""
        w = self.weights
        keys = 1 + 4 * style.edge_level(np.abs(w)) + 2 * (w >= 0) + self.frozen
        keys[self.removed] = 0
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        cuts = np.flatnonzero(np.diff(sorted_keys)) + 1
        starts = [0, *cuts.tolist()]
        ends = [*cuts.tolist(), len(order)]
        lines = self._lines
        order_list = order.tolist()
        groups = []
        for a, b in zip(starts, ends):
            if b - a == 1:
                chunk = [lines[order_list[a]]]
            else:
                chunk = list(itemgetter(*order_list[a:b])(lines))
            groups.append((self._pens[int(sorted_keys[a])], chunk))
        return groups

    # ------------------------------------------------------------------ QGraphicsItem
    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def shape(self) -> QPainterPath:
        # Picking is done by distance (edge_at), never by Qt's item lookup, so the edges
        # never swallow a click meant for the canvas background.
        return QPainterPath()

    def paint(self, painter, option, widget=None) -> None:
        if len(self) == 0:
            return
        if self._groups is None:
            self._groups = self._group()
        # One drawLine per edge: QPainter.drawLines strokes all of a group's lines as one
        # path, and wide antialiased overlapping lines then rasterise more slowly.
        draw = painter.drawLine
        fast = self.quality == "fast" or (self.quality == "auto" and self._use_fast())
        if not fast:
            t0 = time.perf_counter()
            for pen, lines in self._groups:
                painter.setPen(pen)
                for line in lines:
                    draw(line)
            self.aa_times.append((time.perf_counter() - t0) * 1000.0)
            return
        self._fast_frames += 1
        # Live training with more edges than the budget allows: an antialiased wide line
        # costs about 15 µs per 200 px in Qt's raster engine, an aliased one 2 µs. Thin
        # edges keep antialiasing through Qt's fast one-pixel cosmetic stroker; wide ones
        # are drawn aliased, which a picture changing 30 times a second hides. A still
        # picture is always fully antialiased.
        # Without antialiasing drawLines is one call per group (no slow combined stroke).
        scale = painter.worldTransform().m11()
        aa = painter.RenderHint.Antialiasing
        thin = True
        if self._big():  # thousands of edges: no antialiasing at all
            painter.setRenderHint(aa, False)
        for pen, lines in self._groups:
            if thin and pen.widthF() * scale > style.EDGE_THIN_PX:
                thin = False
                painter.setRenderHint(aa, False)
            painter.setPen(style.cosmetic(pen) if thin else pen)
            painter.drawLines(lines)
        painter.setRenderHint(aa, True)

    def restyle(self) -> None:
        """New pens: the theme, the palette or the line widths changed (gui.canvas.style)."""
        self._pens = _pens()
        self.update()

    def set_live(self, live: bool) -> None:
        """While training animates the weights the picture changes every frame, so a
        cached copy only costs; a still picture is cached (hovering repaints cheaply)."""
        if live != self.live:
            self.live = live
            uncached = live and not self._big()
            self.setCacheMode(QGraphicsItem.CacheMode.NoCache if uncached
                              else QGraphicsItem.CacheMode.DeviceCoordinateCache)
            self.update()

    @property
    def hovered(self) -> int | None:
        return self.halo.hovered

    @property
    def selected(self) -> int | None:
        return self.halo.selected

    def set_hovered(self, k: int | None) -> None:
        self.halo.set_edges(k, self.halo.selected)

    def set_selected(self, k: int | None) -> None:
        self.halo.set_edges(self.halo.hovered, k)

    @property
    def aa_ms(self) -> float:
        """Median time of the recent antialiased paints, ms (0 before the first)."""
        return float(np.median(self.aa_times)) if self.aa_times else 0.0

    def _use_fast(self) -> bool:
        """While live: fast once antialiasing has been measured over budget (re-measured
        every 150 fast frames, so a machine that gets less busy gets quality back)."""
        if not self.live or len(self.aa_times) < 3 or self.aa_ms <= style.EDGE_AA_BUDGET_MS:
            return False
        if self._fast_frames >= 150:
            self._fast_frames = 0
            self.aa_times.clear()
            return False
        return True

    # ------------------------------------------------------------------ picking
    def edge_at(self, x: float, y: float, tolerance: float) -> int | None:
        """The edge nearest to (x, y) within ``tolerance`` scene units, or None."""
        if len(self) == 0:
            return None
        dx, dy = self.x1 - self.x0, self.y1 - self.y0
        length2 = dx * dx + dy * dy
        with np.errstate(invalid="ignore", divide="ignore"):
            t = np.clip(((x - self.x0) * dx + (y - self.y0) * dy) / length2, 0.0, 1.0)
        t = np.nan_to_num(t)
        ex, ey = self.x0 + t * dx - x, self.y0 + t * dy - y
        d2 = ex * ex + ey * ey
        k = int(np.argmin(d2))
        return k if d2[k] <= tolerance * tolerance else None


class EdgeHalo(QGraphicsItem):
    """The highlight behind the hovered and the selected edge (a separate small item, so
    that hovering does not repaint all edges)."""

    def __init__(self, edges: EdgesItem):
        super().__init__(edges)
        self.edges = edges
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.hovered: int | None = None
        self.selected: int | None = None
        self._rect = QRectF()

    def set_edges(self, hovered: int | None, selected: int | None) -> None:
        if (hovered, selected) != (self.hovered, self.selected):
            self.hovered, self.selected = hovered, selected
            self.refresh()

    def _lines(self):
        lines = self.edges._lines
        for k, color in ((self.hovered, "hover"), (self.selected, "accent")):
            if k is not None and k < len(lines):
                yield lines[k], color

    def refresh(self) -> None:
        rect = QRectF()
        for line, _ in self._lines():
            rect = rect.united(QRectF(line.p1(), line.p2()).normalized())
        pad = style.EDGE_MAX_WIDTH + 6
        rect = rect.adjusted(-pad, -pad, pad, pad) if not rect.isNull() else QRectF()
        self.prepareGeometryChange()
        self._rect = rect
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def shape(self) -> QPainterPath:
        return QPainterPath()

    def paint(self, painter, option, widget=None) -> None:
        for line, color in self._lines():
            painter.setPen(style.halo_pen(style.EDGE_MAX_WIDTH + 5, color))
            painter.drawLine(line)
