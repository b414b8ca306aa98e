"""The OUTPUT panel's live plots (pyqtgraph) and the legends under them.

* :class:`DecisionRegionPlot` — an ``ImageItem`` over the data set's plane, fed float32
  C-contiguous maps with explicit ``levels`` and one fixed 256-entry lookup table (or an
  RGBA image for several classes), ``setRect`` only when the plane or the grid size
  changes; the data points on top; hover and click reported in plane coordinates.
* :class:`LossPlot` — train and test loss (and, optionally, accuracy on a right axis) as
  ``PlotDataItem``s with peak downsampling and clip-to-view, fed the training history's
  own arrays (no copies kept here).

The legends under the plots are plain Qt widgets (:mod:`gui.panels.legends`).

Pure colour helpers (:func:`class_rgba`, :func:`value_levels`) are NumPy only and tested
on their own.
"""

from __future__ import annotations

import math
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QSizePolicy, QWidget

from gui import theme
from gui.i18n import translate

#: The picture is drawn as Playground draws it: the data colours at alpha 160/255 over
#: white, so points in full colour stand out against the region they fall in.
REGION_ALPHA = 160 / 255


def _over_white(rgb: np.ndarray) -> np.ndarray:
    """A data colour as the picture shows it: over the theme's region base (white in the
    light themes) at the theme's region alpha."""
    c = QColor(theme.COLORS.region_base)
    base = np.array([c.red(), c.green(), c.blue()], np.float32)
    return base + (np.asarray(rgb, np.float32) - base) * theme.COLORS.region_alpha


def region_lut() -> np.ndarray:
    """The 256-entry orange → neutral → blue table, lightened like Playground's heatmap."""
    lut = theme.diverging_lut().copy()
    lut[:, :3] = np.rint(_over_white(lut[:, :3])).astype(np.uint8)
    return lut


def region_rgb(color: str) -> tuple[int, int, int]:
    """How a data colour looks in the picture (class regions)."""
    c = QColor(color)
    return tuple(int(v) for v in np.rint(_over_white([c.red(), c.green(), c.blue()])))


LUT = region_lut()
TICK_POINT_SIZE = 10.0
AXIS_LABEL_POINT_SIZE = 12.0
TRAIN_POINT_SIZE = 8
TEST_POINT_SIZE = 9
INK = theme.COLORS.ink
AXIS_PEN = "#8a9aa3"

TRAIN_LOSS_PEN = dict(color="#37474f", width=2.5, style=Qt.PenStyle.SolidLine)
TEST_LOSS_PEN = dict(color=theme.COLORS.accent, width=2.5, style=Qt.PenStyle.DashLine)
TRAIN_ACC_PEN = dict(color="#78909c", width=2.0, style=Qt.PenStyle.DotLine)
TEST_ACC_PEN = dict(color="#4db6ac", width=2.0, style=Qt.PenStyle.DashDotLine)


def make_pen(spec: dict) -> QPen:
    pen = pg.mkPen(color=spec["color"], width=spec["width"], style=spec["style"])
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def _rgb(color: str) -> np.ndarray:
    c = QColor(color)
    return np.array([c.red(), c.green(), c.blue()], dtype=np.float32)


CLASS_RGB = np.stack([_rgb(c) for c in theme.CLASS_COLORS])
NEUTRAL_RGB = _rgb(theme.NEUTRAL)


def refresh_colors() -> None:
    """Take the live theme's and palette's colours (gui.theme.on_change); plots restyle after."""
    global LUT, INK, AXIS_PEN, CLASS_RGB, NEUTRAL_RGB
    c = theme.COLORS
    LUT = region_lut()
    INK, AXIS_PEN = c.ink, c.plot_axis
    CLASS_RGB = np.stack([_rgb(k) for k in theme.CLASS_COLORS])
    NEUTRAL_RGB = _rgb(theme.NEUTRAL)
    # the pen specs are shared with the legends: changed in place
    for spec, color, width in ((TRAIN_LOSS_PEN, c.train_curve, 2.5), (TEST_LOSS_PEN, c.test_curve, 2.5),
                               (TRAIN_ACC_PEN, c.train_acc_curve, 2.0), (TEST_ACC_PEN, c.test_acc_curve, 2.0)):
        spec["color"], spec["width"] = color, width * c.line_scale


refresh_colors()
theme.on_change(refresh_colors)


def class_rgba(out: np.ndarray, probabilities: bool, discretize: bool) -> np.ndarray:
    """An (n, n, 4) uint8 picture of several outputs (k, n, n): the winning class's colour.

    Like the single-output picture the colours are lightened (:data:`REGION_ALPHA`).
    Brightness follows confidence: the colour is blended with the neutral grey by
    ``t = (p − 1/k) / (1 − 1/k)`` where p is the winner's probability (softmax outputs as
    they are, other outputs through a softmax), so a region the network is unsure about
    stays pale. ``discretize`` shows every winner at full colour.
    """
    k = out.shape[0]
    winner = np.argmax(out, axis=0)
    rgba = np.empty(out.shape[1:] + (4,), np.uint8)
    rgba[..., 3] = 255
    colors = CLASS_RGB[np.arange(k) % len(CLASS_RGB)]
    if discretize:
        rgba[..., :3] = np.rint(_over_white(colors[winner])).astype(np.uint8)
        return rgba
    with np.errstate(all="ignore"):
        if probabilities:
            p = np.max(out, axis=0)
        else:
            shifted = out - np.max(out, axis=0, keepdims=True)
            e = np.exp(shifted)
            p = 1.0 / np.sum(e, axis=0)  # the winner's shifted exp is 1
        t = np.clip((p - 1.0 / k) / (1.0 - 1.0 / k), 0.0, 1.0)
    t = np.nan_to_num(t)[..., None]
    rgb = NEUTRAL_RGB + (colors[winner] - NEUTRAL_RGB) * t
    rgba[..., :3] = np.rint(_over_white(rgb)).astype(np.uint8)
    return rgba


def value_levels(values: np.ndarray) -> tuple[float, float]:
    """Colour levels for regression targets: symmetric about 0 when they straddle it."""
    values = np.asarray(values, float)
    values = values[np.isfinite(values)]
    if values.size == 0:
        return (-1.0, 1.0)
    lo, hi = float(values.min()), float(values.max())
    if lo < 0 < hi or lo == hi:
        top = max(abs(lo), abs(hi), 1e-9)
        return (-top, top)
    return (lo, hi)


def _style_axis(axis: pg.AxisItem, label: str) -> None:
    tick_font = theme.base_font()
    tick_font.setPointSizeF(TICK_POINT_SIZE)
    axis.setStyle(tickFont=tick_font, tickTextOffset=6, tickLength=-6)
    axis.setPen(pg.mkPen(AXIS_PEN, width=1))
    axis.setTextPen(pg.mkPen(INK))
    axis.enableAutoSIPrefix(False)
    if label:
        axis.setLabel(label, **{"font-size": f"{AXIS_LABEL_POINT_SIZE:g}pt", "color": INK})


class _StillPlot(pg.PlotWidget):
    """A PlotWidget that students cannot accidentally pan, zoom or open menus on."""

    def __init__(self, parent=None):
        super().__init__(parent, background=theme.COLORS.surface, enableMenu=False)  # no menus to build
        item = self.getPlotItem()
        item.hideButtons()
        item.setMenuEnabled(False)
        item.setMouseEnabled(x=False, y=False)
        self.setAntialiasing(True)
        self.setFrameShape(self.Shape.NoFrame)
        # The axes change only with the range, but they overlap the view (ticks inside, the
        # frame lines), so every new picture or curve would replay their drawing: cached,
        # a frame blits them instead (about 0.8 ms a frame less for the decision region).
        for side in ("left", "bottom", "top", "right"):
            item.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        theme.on_change(self.restyle)

    def wheelEvent(self, event):  # noqa: N802 (Qt override)
        event.ignore()  # let the panel scroll instead of the view zooming

    def fit_label_room(self) -> None:
        """Room above the view for the top tick label, which is centred on its tick at the
        view's top edge: the ink of its digits reaches about half a line above it. Called
        again when the tick font changes (presentation mode), as pyqtgraph does not."""
        item = self.getPlotItem()
        font = item.getAxis("left").style.get("tickFont")
        if font is None:
            return
        fm = QFontMetrics(font)
        room = max(1, math.ceil(fm.height() / 2 - (fm.ascent() - fm.capHeight())) + 1)
        top = item.getAxis("top")
        if top.isVisible():  # the decision region's frame: its top axis holds the room
            top.setHeight(max(10, room))
        else:
            item.layout.setContentsMargins(1, room, 1, 1)

    def restyle(self) -> None:
        """Background, axes and labels in the live theme's colours (sizes stay as they are)."""
        self.setBackground(theme.COLORS.surface)
        for entry in self.getPlotItem().axes.values():
            axis = entry["item"]
            axis.setPen(pg.mkPen(AXIS_PEN, width=theme.COLORS.line_scale))
            axis.setTextPen(pg.mkPen(INK))
            if axis.labelText:
                axis.setLabel(axis.labelText, axis.labelUnits, **{**axis.labelStyle, "color": INK})
            axis.picture = None
            axis.update()


class DecisionRegionPlot(_StillPlot):
    """The input plane: a picture of one unit or the output, with the data on top.

    Signals: ``hovered(x, y, inside)`` as the mouse moves, ``clicked(x, y, button)`` for a
    click inside the plane (``button`` a ``Qt.MouseButton``).
    """

    hovered = Signal(float, float, bool)
    clicked = Signal(float, float, object)

    def __init__(self, parent=None):
        super().__init__(parent)
        item = self.getPlotItem()
        self.view = item.getViewBox()
        self.view.setDefaultPadding(0.0)
        self.view.disableAutoRange()
        _style_axis(item.getAxis("bottom"), "x₁")
        _style_axis(item.getAxis("left"), "x₂")
        item.showAxis("top")
        item.showAxis("right")
        for side in ("top", "right"):
            axis = item.getAxis(side)
            axis.setStyle(showValues=False, tickLength=0)
            axis.setPen(pg.mkPen(AXIS_PEN, width=1))
        # room for the half of the top and right tick labels that sticks out
        item.getAxis("right").setWidth(14)
        self.fit_label_room()
        # the maps are coarse (64×64): let the picture be smoothed when scaled up
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-10)
        self.addItem(self.image)
        self.train_points = pg.ScatterPlotItem(size=TRAIN_POINT_SIZE, pen=pg.mkPen(theme.COLORS.point_outline, width=1.2),
                                               symbol="o", antialias=True, pxMode=True)
        self.test_points = pg.ScatterPlotItem(size=TEST_POINT_SIZE, pen=pg.mkPen(theme.COLORS.test_point_outline, width=1.0),
                                              symbol="d", antialias=True, pxMode=True)
        self.train_points.setZValue(5)
        self.test_points.setZValue(6)
        self.addItem(self.train_points)
        self.addItem(self.test_points)
        self._rect_key = None
        self.extent = (-6.0, 6.0, -6.0, 6.0)
        self.image_extent = self.extent
        self.mode = "values"  # or "rgba"
        self.levels = (-1.0, 1.0)
        scene = self.scene()
        scene.sigMouseMoved.connect(self._mouse_moved)
        scene.sigMouseClicked.connect(self._mouse_clicked)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(100, 100)

    def restyle(self) -> None:
        """Axes, outlines of the points and the colour table in the live theme and palette
        (the owner draws the picture and the points' fill again)."""
        super().restyle()
        c = theme.COLORS
        self.train_points.setPen(pg.mkPen(c.point_outline, width=1.2 * c.line_scale))
        self.test_points.setPen(pg.mkPen(c.test_point_outline, width=1.0 * c.line_scale))
        if self.mode == "values":
            self.image.setLookupTable(LUT, update=True)

    # -- shape -------------------------------------------------------------------------
    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(400, 400)

    def axes_margins(self) -> tuple[float, float]:
        """Width and height the axes take around the square view (in pixels)."""
        item = self.getPlotItem()
        w = item.getAxis("left").width() + item.getAxis("right").width()
        h = item.getAxis("top").height() + item.getAxis("bottom").height()
        return w + 2, h + 2

    # -- content -----------------------------------------------------------------------
    def set_extent(self, extent) -> None:
        """The plane on show (the data set's): the view's range, and where clicks count."""
        self.extent = tuple(float(v) for v in extent)
        xmin, xmax, ymin, ymax = self.extent
        self.view.setRange(xRange=(xmin, xmax), yRange=(ymin, ymax), padding=0.0)

    def _place(self, shape, extent) -> None:
        """``setRect`` once per plane or grid size: row 0 of the maps is the top (y max)."""
        extent = self.extent if extent is None else tuple(float(v) for v in extent)
        key = (extent, shape[:2])
        if key != self._rect_key:
            xmin, xmax, ymin, ymax = extent
            self.image.setRect(QRectF(xmin, ymax, xmax - xmin, -(ymax - ymin)))
            self._rect_key = key
            self.image_extent = extent

    def show_values(self, values: np.ndarray, levels: tuple[float, float], extent=None) -> None:
        """A float32 (n, n) map through the diverging table, ``levels`` = (orange, blue),
        covering ``extent`` (default: the plane on show)."""
        if self.mode != "values":
            self.image.setLookupTable(LUT, update=False)
            self.mode = "values"
        elif self.image.lut is None:
            self.image.setLookupTable(LUT, update=False)
        self.levels = (float(levels[0]), float(levels[1]))
        self.image.setImage(values, levels=self.levels, autoLevels=False)
        self._place(values.shape, extent)

    def show_rgba(self, rgba: np.ndarray, extent=None) -> None:
        """A ready (n, n, 4) uint8 picture (several classes)."""
        if self.mode != "rgba":
            self.image.setLookupTable(None, update=False)
            self.mode = "rgba"
        self.levels = (0.0, 255.0)
        self.image.setImage(rgba, levels=self.levels, autoLevels=False)
        self._place(rgba.shape, extent)

    def clear_image(self) -> None:
        self.image.clear()
        self._rect_key = None

    # -- mouse -------------------------------------------------------------------------
    def _to_plane(self, scene_pos) -> tuple[float, float, bool]:
        p = self.view.mapSceneToView(scene_pos)
        xmin, xmax, ymin, ymax = self.extent
        inside = self.view.sceneBoundingRect().contains(scene_pos) and xmin <= p.x() <= xmax and ymin <= p.y() <= ymax
        return p.x(), p.y(), inside

    def _mouse_moved(self, scene_pos) -> None:
        x, y, inside = self._to_plane(scene_pos)
        self.hovered.emit(x, y, inside)

    def _mouse_clicked(self, event) -> None:
        x, y, inside = self._to_plane(event.scenePos())
        if inside:
            self.clicked.emit(x, y, event.button())

    def leaveEvent(self, event):  # noqa: N802 (Qt override)
        super().leaveEvent(event)
        self.hovered.emit(math.nan, math.nan, False)


class SquarePlotHolder(QWidget):
    """Keeps the decision region's view square and centred, whatever the panel's shape.

    A square view shows the plane undistorted (a circle stays round) and lets the
    picture fill it exactly, as in Playground.
    """

    def __init__(self, plot: DecisionRegionPlot, parent=None):
        super().__init__(parent)
        self.plot = plot
        plot.setParent(self)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(180, 160)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(400, 420)

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._place()

    def showEvent(self, event):  # noqa: N802 (Qt override)
        super().showEvent(event)
        self._place()

    def _place(self) -> None:
        extra_w, extra_h = self.plot.axes_margins()
        side = max(60, int(min(self.width() - extra_w, self.height() - extra_h)))
        w, h = int(side + extra_w), int(side + extra_h)
        self.plot.setGeometry((self.width() - w) // 2, (self.height() - h) // 2, w, h)


def _nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 5 × 10ᵏ that is ≥ value."""
    k = 10.0 ** math.floor(math.log10(value))
    for m in (1.0, 2.0, 5.0, 10.0):
        if m * k >= value:
            return m * k
    return 10.0 * k


#: vertices per pixel column of a loss curve (see LossPlot._curve)
LOSS_POINTS_PER_PIXEL = 1.0
#: upper ends of the linear loss axis: 1, 1.2, 1.5, … 8 × 10ᵏ (the curve fills most of it)
_FINE_STEPS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


def loss_range(series, log: bool) -> tuple[float, float]:
    """The loss axis for these curves: (0, a rounded maximum) or, in log scale, log₁₀
    bounds on whole half-decades. Stepped, so the axis changes seldom as a curve grows."""
    finite = [a[np.isfinite(a)] for a in (np.asarray(s, float) for s in series if s is not None)]
    values = np.concatenate(finite) if finite else np.empty(0)
    if log:
        values = values[values > 0]
        if values.size == 0:
            return (-3.0, 0.0)
        lo = math.floor(2.0 * math.log10(float(values.min()))) / 2.0
        hi = math.ceil(2.0 * math.log10(float(values.max()))) / 2.0
        return (lo, hi if hi > lo else lo + 0.5)
    top = float(values.max()) if values.size else 0.0
    if not top > 0:
        return (0.0, 1.0)
    k = 10.0 ** math.floor(math.log10(top))
    return (0.0, next(m * k for m in _FINE_STEPS if m * k >= top * 0.999999))


class LossPlot(_StillPlot):
    """Loss over epochs, train solid dark grey and test dashed teal; accuracy optional."""

    def __init__(self, parent=None):
        super().__init__(parent)
        item = self.getPlotItem()
        _style_axis(item.getAxis("bottom"), translate("LossPlot", "Epoch"))
        _style_axis(item.getAxis("left"), translate("LossPlot", "Loss"))
        self.train_loss = self._curve(TRAIN_LOSS_PEN)
        self.test_loss = self._curve(TEST_LOSS_PEN)
        item.addItem(self.train_loss)
        item.addItem(self.test_loss)
        # PlotItem imposes its own (menu) settings on the items it holds: set them there too
        item.setDownsampling(auto=True, mode="peak")
        item.setClipToView(True)
        # accuracy: a second view on the right axis, sharing the epochs
        self.acc_view = pg.ViewBox(enableMouse=False, enableMenu=False)
        self.acc_view.setMenuEnabled(False)
        item.scene().addItem(self.acc_view)
        right = item.getAxis("right")
        right.linkToView(self.acc_view)
        right.setScale(100.0)
        _style_axis(right, translate("LossPlot", "Accuracy %"))
        self.acc_view.setXLink(item.getViewBox())
        self.acc_view.setYRange(0.0, 1.0, padding=0.02)
        self.acc_view.disableAutoRange(pg.ViewBox.YAxis)
        self.train_acc = self._curve(TRAIN_ACC_PEN)
        self.test_acc = self._curve(TEST_ACC_PEN)
        self.acc_view.addItem(self.train_acc)
        self.acc_view.addItem(self.test_acc)
        item.getViewBox().sigResized.connect(self._sync_views)
        self._accuracy = False
        self._log = False
        self._last = None
        self._x_span = None
        self._y_range = None
        self._drawn_at = -math.inf
        self._pending = False
        # the last history of a run that stopped between two redraws
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(self.REDRAW_MS + self.TRAILING_MS)
        self._redraw.timeout.connect(self._redraw_due)
        # Both ranges are set here, in steps (see _draw_history): pyqtgraph's automatic
        # range would re-lay out the axes after every new curve and paint the plot twice.
        item.getViewBox().disableAutoRange()
        self._update_y_range()
        self.set_show_accuracy(False)
        self.fit_label_room()
        self.setMinimumHeight(110)

    def restyle(self) -> None:
        """Axes and curves in the live theme's colours."""
        super().restyle()
        for curve, spec in zip(self.curves(), (TRAIN_LOSS_PEN, TEST_LOSS_PEN, TRAIN_ACC_PEN, TEST_ACC_PEN)):
            curve.setPen(make_pen(spec))

    @staticmethod
    def _curve(spec: dict) -> pg.PlotDataItem:
        curve = pg.PlotDataItem(pen=make_pen(spec), antialias=True, connect="finite")
        curve.setDownsampling(auto=True, method="peak")
        # one point per pixel column: a wide antialiased line costs by its vertices, and
        # pyqtgraph's default (five per pixel) looks no different
        curve.opts["autoDownsampleFactor"] = LOSS_POINTS_PER_PIXEL / 2  # peak: two per bin
        curve.setClipToView(True)
        return curve

    def _sync_views(self) -> None:
        self.acc_view.setGeometry(self.getPlotItem().getViewBox().sceneBoundingRect())
        self.acc_view.linkedViewChanged(self.getPlotItem().getViewBox(), self.acc_view.XAxis)

    def curves(self) -> list[pg.PlotDataItem]:
        return [self.train_loss, self.test_loss, self.train_acc, self.test_acc]

    #: the curves redraw at most this often: a loss curve read by eye needs no 30 Hz, and
    #: every redraw re-lays out the axes, which costs the GUI thread (and so training) time
    REDRAW_MS = 125
    #: a history that arrived between two redraws is drawn this long after the wait ends
    #: if no newer one came (training stopped); while snapshots keep coming they draw it
    TRAILING_MS = 60

    def set_history(self, epochs, train_loss, test_loss, train_acc=None, test_acc=None) -> None:
        """Show the history; the arrays are referenced, not copied (the caller owns them).

        Drawn at once when the last redraw is :data:`REDRAW_MS` old — so while training,
        inside the snapshot's frame, when the training thread stands aside — else soon.
        """
        self._last = (epochs, train_loss, test_loss, train_acc, test_acc)
        if (time.monotonic() - self._drawn_at) * 1000.0 >= self.REDRAW_MS:
            self._draw_history()
        else:
            self._pending = True
            if not self._redraw.isActive():
                self._redraw.start()

    def _draw_history(self) -> None:
        self._drawn_at = time.monotonic()
        self._pending = False
        self._redraw.stop()
        if self._last is None:
            return
        epochs, train_loss, test_loss = self._last[:3]
        self.train_loss.setData(epochs, train_loss)
        self.test_loss.setData(epochs, test_loss)
        if self._accuracy:
            self._set_accuracy_data()
        # x grows in steps of 1, 2, 5 × 10ᵏ, so the axis is not re-laid out every frame
        last = float(epochs[-1]) if len(epochs) else 1.0
        span = _nice_ceiling(max(last, 10.0))
        if span != self._x_span:
            self._x_span = span
            self.getPlotItem().setXRange(0.0, span, padding=0.02)
        self._update_y_range()

    def _update_y_range(self) -> None:
        """Loss from 0 to a rounded maximum (log scale: whole half-decades around it)."""
        y_range = loss_range(self._last[1:3] if self._last is not None else (), self._log)
        if y_range != self._y_range:
            self._y_range = y_range
            self.getPlotItem().setYRange(*y_range, padding=0.03)  # room for the end labels

    def _redraw_due(self) -> None:
        if self._pending:
            self._draw_history()

    def _set_accuracy_data(self) -> None:
        if self._last is None:
            return
        epochs, _, _, train_acc, test_acc = self._last
        if train_acc is not None:
            self.train_acc.setData(epochs, train_acc)
        if test_acc is not None:
            self.test_acc.setData(epochs, test_acc)

    def clear_history(self) -> None:
        self._last = None
        self._x_span = None
        self._redraw.stop()
        self._pending = False
        self._drawn_at = -math.inf
        for curve in self.curves():
            curve.setData([], [])
        self._update_y_range()

    def set_log(self, on: bool) -> None:
        self._log = bool(on)
        self.getPlotItem().setLogMode(x=False, y=self._log)
        self._y_range = None
        self._update_y_range()
        self._label_axes()

    def set_compact(self, compact: bool) -> None:
        """Shorter axis titles for a narrow panel."""
        if compact != getattr(self, "_compact", False):
            self._compact = compact
            self._label_axes()

    def _label_axes(self) -> None:
        compact, log = getattr(self, "_compact", False), self._log
        style = {"font-size": f"{AXIS_LABEL_POINT_SIZE:g}pt", "color": INK}
        item = self.getPlotItem()
        item.getAxis("left").setLabel(translate("LossPlot", "Loss (log)") if log and not compact
                                      else translate("LossPlot", "Loss"), **style)
        item.getAxis("right").setLabel("%" if compact else translate("LossPlot", "Accuracy %"), **style)

    def set_show_accuracy(self, on: bool) -> None:
        self._accuracy = bool(on)
        item = self.getPlotItem()
        item.showAxis("right", self._accuracy)
        self.train_acc.setVisible(self._accuracy)
        self.test_acc.setVisible(self._accuracy)
        if self._accuracy:
            self._set_accuracy_data()
        else:
            self.train_acc.setData([], [])
            self.test_acc.setData([], [])
        self._sync_views()
