"""The race window's pictures (pyqtgraph): overlaid loss curves, the loss surface with each
lane's path, and a lane's small decision region.

All three reuse the OUTPUT panel's plot styling (:mod:`gui.panels.plots`): still views a
student cannot pan by accident, the same axes and fonts, the same decision-region colours.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QTransform
from PySide6.QtWidgets import QGraphicsItem, QSizePolicy

from engine.training import target_range
from gui import theme
from gui.i18n import translate
from gui.panels.plots import (
    INK,
    DecisionRegionPlot,
    _StillPlot,
    _nice_ceiling,
    _style_axis,
    class_rgba,
    loss_range,
    make_pen,
    value_levels,
)

from .race_setup import LANE_COLORS, LANE_DASHES

_DASH = {"solid": Qt.PenStyle.SolidLine, "dash": Qt.PenStyle.DashLine, "dot": Qt.PenStyle.DotLine,
         "dashdot": Qt.PenStyle.DashDotLine}


def lane_color(index: int) -> str:
    return LANE_COLORS[index % len(LANE_COLORS)]


def lane_pen_spec(index: int, width: float = 2.5) -> dict:
    """The lane's line (colour and dash) as a :func:`gui.panels.plots.make_pen` spec."""
    return dict(color=lane_color(index), width=width, style=_DASH[LANE_DASHES[index % len(LANE_DASHES)]])


# ---------------------------------------------------------------------- loss curves
#: Losses above this are drawn at this height (a diverging lane reaches 1e300; Qt cannot draw it).
LOSS_CAP = 1e12


def _capped(values: np.ndarray) -> np.ndarray:
    values = np.asarray(values)
    with np.errstate(invalid="ignore"):
        if values.size and np.nanmax(values, initial=0.0) > LOSS_CAP:
            return np.minimum(values, LOSS_CAP)
    return values

class RaceLossPlot(_StillPlot):
    """Each lane's training loss over epochs (optionally its test loss, thinner, dotted)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        item = self.getPlotItem()
        _style_axis(item.getAxis("bottom"), translate("RaceLossPlot", "Epoch"))
        _style_axis(item.getAxis("left"), translate("RaceLossPlot", "Loss"))
        item.setDownsampling(auto=True, mode="peak")
        item.setClipToView(True)
        item.getViewBox().disableAutoRange()
        self.curves: list[pg.PlotDataItem] = []
        self.test_curves: list[pg.PlotDataItem] = []
        self._log = False
        self._show_test = False
        self._x_span = None
        self._y_range = None
        self._data: list[tuple] = []
        self.setMinimumHeight(120)
        self._update_y_range()

    def set_lanes(self, n: int) -> None:
        """``n`` lanes, curves empty."""
        item = self.getPlotItem()
        for c in self.curves + self.test_curves:
            item.removeItem(c)
        self.curves, self.test_curves = [], []
        for k in range(n):
            train = self._curve(lane_pen_spec(k, 3.0))
            train.setZValue(10 + k)
            spec = lane_pen_spec(k, 1.6)
            spec["style"] = Qt.PenStyle.DotLine
            test = self._curve(spec)
            test.setVisible(self._show_test)
            item.addItem(test)
            item.addItem(train)
            self.curves.append(train)
            self.test_curves.append(test)
        self._data = [None] * n
        self._x_span = None
        self._redraw()

    @staticmethod
    def _curve(spec: dict) -> pg.PlotDataItem:
        curve = pg.PlotDataItem(pen=make_pen(spec), antialias=True, connect="finite")
        curve.setDownsampling(auto=True, method="peak")
        curve.setClipToView(True)
        return curve

    def set_history(self, k: int, epochs, train_loss, test_loss, diverged: bool = False) -> None:
        """Lane ``k``'s curves (arrays referenced, not copied). A diverged lane's losses do
        not stretch the axis (its curve leaves the top), and absurd values are drawn capped."""
        train_loss, test_loss = _capped(train_loss), _capped(test_loss)
        self._data[k] = (epochs, train_loss, test_loss, diverged)
        self.curves[k].setData(epochs, train_loss)
        if self._show_test:
            self.test_curves[k].setData(epochs, test_loss)

    def finish_frame(self) -> None:
        """After the lanes' data changed: the axes' ranges, in steps (no re-layout each frame)."""
        last = max((float(d[0][-1]) for d in self._data if d is not None and len(d[0])), default=1.0)
        span = _nice_ceiling(max(last, 10.0))
        if span != self._x_span:
            self._x_span = span
            self.getPlotItem().setXRange(0.0, span, padding=0.02)
        self._update_y_range()

    def _series(self):
        out = []
        live = [d for d in self._data if d is not None and not d[3]]
        for d in live or self._data:
            if d is not None:
                out.append(d[1])
                if self._show_test:
                    out.append(d[2])
        return out

    def _update_y_range(self) -> None:
        y_range = loss_range(self._series(), self._log)
        if y_range != self._y_range:
            self._y_range = y_range
            self.getPlotItem().setYRange(*y_range, padding=0.03)

    def _redraw(self) -> None:
        for k, d in enumerate(self._data):
            if d is None:
                self.curves[k].setData([], [])
                self.test_curves[k].setData([], [])
            else:
                self.curves[k].setData(d[0], d[1])
                self.test_curves[k].setData(*(d[0], d[2]) if self._show_test else ([], []))
        self.finish_frame()

    def set_log(self, on: bool) -> None:
        self._log = bool(on)
        self.getPlotItem().setLogMode(x=False, y=self._log)
        self._y_range = None
        label = translate("RaceLossPlot", "Loss (log)") if self._log else translate("RaceLossPlot", "Loss")
        _style_axis(self.getPlotItem().getAxis("left"), label)
        self._update_y_range()

    def set_show_test(self, on: bool) -> None:
        self._show_test = bool(on)
        for c in self.test_curves:
            c.setVisible(self._show_test)
        self._y_range = None
        self._redraw()

    def clear_curves(self) -> None:
        """Empty curves (not ``clear``: PlotWidget forwards that name to its PlotItem)."""
        self._data = [None] * len(self.curves)
        self._x_span = None
        self._redraw()


# ---------------------------------------------------------------------- a lane's region
class LaneRegionPlot(DecisionRegionPlot):
    """The OUTPUT panel's decision region, small: no axes, smaller points."""

    def __init__(self, parent=None):
        super().__init__(parent)
        item = self.getPlotItem()
        for side in ("left", "bottom", "top", "right"):
            item.hideAxis(side)
        item.layout.setContentsMargins(0, 0, 0, 0)
        self.train_points.setSize(6)
        self.train_points.setPen(pg.mkPen("#ffffff", width=0.8))
        # the points never move during a race: painted once, then copied (≈1 ms a frame per lane)
        self.train_points.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setMinimumSize(60, 60)
        self._brushes: dict[str, object] = {}
        self._levels = (-1.0, 1.0)
        self._points_key = None

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(150, 150)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, w: int) -> int:  # noqa: N802 (Qt override)
        return w

    def axes_margins(self) -> tuple[float, float]:
        return 0.0, 0.0

    def set_data(self, dataset) -> None:
        """The data set's plane and its training points (as the OUTPUT panel colours them)."""
        if dataset is self._points_key:
            return
        self._points_key = dataset
        self.set_extent(dataset.extent)
        if dataset.kind == "regression":
            self._levels = value_levels(np.concatenate([dataset.y_train, dataset.y_test]))
            lo, hi = self._levels
            lut = theme.diverging_lut()
            idx = np.clip(np.rint((np.asarray(dataset.y_train, float) - lo) / ((hi - lo) or 1.0) * 255), 0, 255)
            colors = ["#%02x%02x%02x" % tuple(lut[int(i), :3]) for i in idx]
        else:
            colors = [theme.CLASS_COLORS[int(c) % len(theme.CLASS_COLORS)] for c in dataset.y_train]
        brushes = []
        for c in colors:
            b = self._brushes.get(c)
            if b is None:
                b = self._brushes[c] = pg.mkBrush(c)
            brushes.append(b)
        self.train_points.setData(pos=dataset.x_train, brush=brushes)

    def show_output(self, out: np.ndarray, network, dataset) -> None:
        """The output column of ``Network.grid`` as the OUTPUT panel shows it."""
        if out.shape[0] == 1:
            if dataset.kind == "regression":
                levels = self._levels
            else:
                try:
                    levels = tuple(float(v) for v in target_range(network))
                except (AttributeError, IndexError):
                    levels = (-1.0, 1.0)
            lo, hi = levels
            # a diverged lane's last finite weights can give ±inf here: the colours end at the levels anyway
            values = np.clip(np.nan_to_num(out[0], nan=(lo + hi) / 2), lo, hi)
            self.show_values(np.ascontiguousarray(values, dtype=np.float32), levels)
        else:
            self.show_rgba(class_rgba(out, network.output_activation == "softmax", False))


# ---------------------------------------------------------------------- the loss surface
#: low loss pale, high loss a muted blue-grey: the coloured paths stay the brightest thing
SURFACE_STOPS = ((0.0, "#fffef6"), (0.45, "#e8eff1"), (1.0, "#a6bac4"))
CONTOUR_PEN = "#5f7079"
N_CONTOURS = 14
PATH_CAP = 1e6


def surface_lut(n: int = 256) -> np.ndarray:
    cmap = pg.ColorMap([p for p, _ in SURFACE_STOPS], [QColor(c) for _, c in SURFACE_STOPS])
    return cmap.getLookupTable(0.0, 1.0, n, alpha=False)


def shade(Z: np.ndarray) -> np.ndarray:
    """What colours the surface: log(Z − min + δ), so the basin keeps detail next to steep walls."""
    Z = np.asarray(Z, float)
    finite = np.isfinite(Z)
    if not finite.any():
        return np.zeros_like(Z, dtype=np.float32)
    lo, hi = float(Z[finite].min()), float(Z[finite].max())
    delta = max((hi - lo) * 1e-3, 1e-12)
    top = np.log(hi - lo + delta)
    out = np.where(finite, np.log(np.clip(Z, lo, hi) - lo + delta), top)
    return out.astype(np.float32)


def contour_lines(xs: np.ndarray, ys: np.ndarray, S: np.ndarray, n: int = N_CONTOURS) -> tuple[np.ndarray, np.ndarray]:
    """Iso-lines of ``S`` (rows = ys, columns = xs) at ``n`` even levels, in parameter
    coordinates, as one polyline with NaN breaks (for one ``connect="finite"`` item)."""
    lo, hi = float(S.min()), float(S.max())
    if not hi > lo:
        return np.empty(0), np.empty(0)
    px, py = [], []
    dx, dy = xs[1] - xs[0], ys[1] - ys[0]
    data = S.T  # pyqtgraph's isocurve: data[x index, y index]
    for level in np.linspace(lo, hi, n + 2)[1:-1]:
        for line in pg.isocurve(data, level, connected=True, extendToEdge=False):
            if len(line) < 2:
                continue
            pts = np.asarray(line, float)
            px.append(xs[0] + (pts[:, 0] - 0.5) * dx)
            py.append(ys[0] + (pts[:, 1] - 0.5) * dy)
            px.append([np.nan])
            py.append([np.nan])
    if not px:
        return np.empty(0), np.empty(0)
    return np.concatenate(px), np.concatenate(py)


class _LanePath:
    """A lane's path on the surface: a line over a white shadow, drawn in two parts.

    Paths only grow, and an antialiased polyline of thousands of points takes tens of
    milliseconds to paint: the *body* (all but the newest points) is cached as a picture
    and redrawn only when it is replaced — when the *tail* (the newest points, painted
    every frame) has grown to a quarter of it, or when the race thinned or restarted the
    path. Body and tail share one point, so the line is unbroken.
    """

    MIN_TAIL = 64

    def __init__(self, item, k: int):
        self.body = self._pair(item, k, cached=True)
        self.tail = self._pair(item, k, cached=False)
        self._points = np.empty((0, 2))
        self._split = 0  # body = points[:split], tail = points[split - 1:]

    @staticmethod
    def _pair(item, k: int, cached: bool) -> tuple[pg.PlotDataItem, pg.PlotDataItem]:
        shadow = pg.PlotDataItem(pen=pg.mkPen("#ffffff", width=6.0), antialias=True)
        line = pg.PlotDataItem(pen=make_pen(lane_pen_spec(k, 2.8)), antialias=True)
        shadow.setZValue(10 + 2 * k)
        line.setZValue(11 + 2 * k)
        for it in (shadow, line):
            if cached:
                it.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            item.addItem(it)
        return shadow, line

    def remove(self, item) -> None:
        for it in self.body + self.tail:
            item.removeItem(it)

    @property
    def pen(self):
        return self.body[1].opts["pen"]

    def points(self) -> np.ndarray:
        """The points on screen, read back from the line items (body, then tail)."""
        parts = []
        for line in (self.body[1], self.tail[1]):
            if line.xData is not None and len(line.xData):
                xy = np.column_stack([line.xData, line.yData])
                parts.append(xy[1:] if parts else xy)  # the tail repeats the body's last point
        if not parts:
            return self._points[:1] if len(self._points) == 1 else np.empty((0, 2))
        return np.concatenate(parts)

    def set_points(self, p: np.ndarray | None) -> None:
        if p is None or not len(p):
            self._points = np.empty((0, 2))
            self._split = 0
            self._set(self.body, None)
            self._set(self.tail, None)
            return
        n, split = len(p), self._split
        same_body = 0 < split <= n and split <= len(self._points) and \
            np.array_equal(self._points[split - 1], p[split - 1]) and np.array_equal(self._points[0], p[0])
        if not same_body or n - split > max(self.MIN_TAIL, split // 4):
            split = max(1, n - 1)
            self._set(self.body, p[:split])
        self._split = split
        self._points = p
        self._set(self.tail, p[split - 1:])

    @staticmethod
    def _set(pair, p: np.ndarray | None) -> None:
        for it in pair:
            if p is None or len(p) < 2:
                it.setData([], [])
            else:
                it.setData(p[:, 0], p[:, 1])


class SurfacePlot(_StillPlot):
    """The training loss over two parameters, with every lane's path and where it is now.

    ``hovered(text)`` reads the parameters and the loss under the cursor.
    """

    hovered = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        item = self.getPlotItem()
        self.view = item.getViewBox()
        self.view.setDefaultPadding(0.0)
        self.view.disableAutoRange()
        _style_axis(item.getAxis("bottom"), "")
        _style_axis(item.getAxis("left"), "")
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(surface_lut())
        self.image.setZValue(-10)
        item.addItem(self.image)
        self.contours = pg.PlotDataItem(pen=pg.mkPen(CONTOUR_PEN, width=1.0), connect="finite", antialias=True)
        self.contours.setZValue(-5)
        self.contours.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # drawn once
        item.addItem(self.contours)
        self.minimum = pg.ScatterPlotItem(size=16, symbol="star", pen=pg.mkPen(INK, width=1.2),
                                          brush=pg.mkBrush("#ffffff"), pxMode=True)
        self.minimum.setZValue(4)
        item.addItem(self.minimum)
        self.start = pg.ScatterPlotItem(size=15, symbol="o", pen=pg.mkPen(INK, width=2.5),
                                        brush=pg.mkBrush("#ffffff"), pxMode=True)
        self.start.setZValue(30)
        item.addItem(self.start)
        self.pending = pg.TextItem(translate("SurfacePlot", "Computing the loss surface…"), color=INK,
                                   anchor=(0.5, 0.5))
        self.pending.setVisible(False)
        item.addItem(self.pending, ignoreBounds=True)
        self.lanes: list[_LanePath] = []
        #: where each lane is now: one item for all lanes (one call a frame, not four)
        self.heads = pg.ScatterPlotItem(size=14, symbol="o", pen=pg.mkPen("#ffffff", width=2.0), pxMode=True)
        self.heads.setZValue(40)
        item.addItem(self.heads)
        self._head_brushes: list = []
        self._start_at = None
        self.surface = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 200)
        self.scene().sigMouseMoved.connect(self._mouse_moved)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(480, 480)

    def set_lanes(self, n: int) -> None:
        item = self.getPlotItem()
        for lane in self.lanes:
            lane.remove(item)
        self.lanes = [_LanePath(item, k) for k in range(n)]
        self._head_brushes = [pg.mkBrush(lane_color(k)) for k in range(n)]
        self.heads.setData([])
        self._start_at = None

    def drawn_path(self, k: int) -> np.ndarray:
        """The (m, 2) points drawn for lane ``k``."""
        return self.lanes[k].points()

    def set_axis_names(self, x_name: str, y_name: str) -> None:
        item = self.getPlotItem()
        _style_axis(item.getAxis("bottom"), x_name)
        _style_axis(item.getAxis("left"), y_name)

    def set_surface(self, surface, pending: bool = False) -> None:
        """A :class:`~gui.inside.race_worker.SurfaceFrame`; None shows nothing (with
        ``pending``, a note that it is being computed)."""
        self.surface = surface
        self.pending.setVisible(surface is None and pending)
        if surface is None:
            self.image.clear()
            self.contours.setData([], [])
            self.minimum.setData([])
            if pending:
                self.view.setRange(xRange=(0.0, 1.0), yRange=(0.0, 1.0), padding=0.0)
                self.pending.setPos(0.5, 0.5)
            return
        xs, ys, Z = surface.xs, surface.ys, surface.Z
        S = shade(Z)
        self.image.setImage(S, levels=(float(S.min()), float(S.max()) or 1.0), autoLevels=False)
        dx, dy = xs[1] - xs[0], ys[1] - ys[0]
        # grid points are cell centres; row 0 is the lowest y
        self.image.setTransform(QTransform())
        self.image.setRect(QRectF(xs[0] - dx / 2, ys[0] - dy / 2, dx * xs.size, dy * ys.size))
        self.contours.setData(*contour_lines(xs, ys, S))
        mx, my, _ = surface.minimum
        self.minimum.setData([mx], [my])
        x0, x1, y0, y1 = surface.extent
        self.view.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.0)

    def set_paths(self, paths: list[np.ndarray | None]) -> None:
        """Each lane's (m, 2) path; the start is the first point of the first path."""
        start = None
        heads, brushes = [], []
        for k, p in enumerate(paths):
            if k >= len(self.lanes):
                break
            if p is None or not len(p):
                self.lanes[k].set_points(None)
                continue
            p = self._drawable(p)
            self.lanes[k].set_points(p)
            heads.append(p[-1])
            brushes.append(self._head_brushes[k])
            if start is None:
                start = (float(p[0, 0]), float(p[0, 1]))
        self.heads.setData(pos=np.array(heads).reshape(-1, 2), brush=brushes)
        if start != self._start_at:
            self._start_at = start
            self.start.setData([] if start is None else [start[0]], [] if start is None else [start[1]])

    def head(self, k: int) -> tuple[float, float] | None:
        """Where lane ``k``'s marker is drawn (its newest point), None if it has no path."""
        drawn = self.lanes[k].points() if k < len(self.lanes) else np.empty((0, 2))
        if not len(drawn):
            return None
        x, y = self.heads.getData()
        brush = self._head_brushes[k].color().name()
        for spot, px, py in zip(self.heads.points(), x, y):
            if spot.brush().color().name() == brush:
                return float(px), float(py)
        return None

    def _drawable(self, p: np.ndarray) -> np.ndarray:
        """A diverging path up to where it leaves far beyond the picture (its later points
        only draw long straight lines across it; Qt cannot draw 1e300 anyway)."""
        if self.surface is not None:
            x0, x1, y0, y1 = self.surface.extent
            w, h = x1 - x0, y1 - y0
            far = (p[:, 0] < x0 - 2 * w) | (p[:, 0] > x1 + 2 * w) | (p[:, 1] < y0 - 2 * h) | (p[:, 1] > y1 + 2 * h)
            if far.any():
                p = p[: int(np.argmax(far)) + 1]
        if np.abs(p).max(initial=0.0) > PATH_CAP:
            p = np.clip(p, -PATH_CAP, PATH_CAP)
        return p

    def loss_at(self, x: float, y: float) -> float | None:
        """The surface's value at the grid point nearest (x, y), None outside."""
        s = self.surface
        if s is None:
            return None
        x0, x1, y0, y1 = s.extent
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            return None
        c = int(round((x - s.xs[0]) / (s.xs[1] - s.xs[0])))
        r = int(round((y - s.ys[0]) / (s.ys[1] - s.ys[0])))
        v = float(s.Z[min(max(r, 0), s.Z.shape[0] - 1), min(max(c, 0), s.Z.shape[1] - 1)])
        return v if math.isfinite(v) else None

    def _mouse_moved(self, scene_pos) -> None:
        if self.surface is None or not self.view.sceneBoundingRect().contains(scene_pos):
            self.hovered.emit("")
            return
        p = self.view.mapSceneToView(scene_pos)
        v = self.loss_at(p.x(), p.y())
        if v is None:
            self.hovered.emit("")
            return
        self.hovered.emit(translate("SurfacePlot", "({x:.2f}, {y:.2f}) → loss {loss:.4f}")
                          .format(x=p.x(), y=p.y(), loss=v).replace("-", "−"))

    def leaveEvent(self, event):  # noqa: N802 (Qt override)
        super().leaveEvent(event)
        self.hovered.emit("")
