"""The OUTPUT panel: the numbers a teacher reads out, the decision region, the loss curves.

* Big numbers — epoch, train and test loss, train and test accuracy, epochs per second —
  set by :meth:`OutputPanel.set_metrics`.
* The decision region — :class:`~gui.panels.plots.DecisionRegionPlot` fed from
  :class:`~gui.maps.NeuronMaps` (the last column is the output): one output through the
  orange/blue table (levels = the output's target range, or the data's range for a
  regression, with a colour bar), several outputs as the winning class's colour with
  brightness by confidence. "Discretize output" thresholds at the middle of the range, as
  Playground does. :meth:`show_unit` shows one neuron's map instead (the canvas calls it
  while a neuron is hovered) and :meth:`show_output` returns. Hovering reads the value
  under the cursor from the map on screen.
* Drawing — in draw mode (:meth:`set_draw_mode`) clicks on the plot become
  ``point_clicked(x, y, button)``; the DATA panel turns them into points.
* Loss curves — :meth:`set_history` (the training history's arrays, about 30 times a
  second) and :meth:`clear_history`.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from engine.training import target_range
from gui import theme
from gui.canvas.labels import feature_label
from gui.formatting import format_accuracy, format_count, format_loss
from gui.i18n import QT_TRANSLATE_NOOP, translate
from gui.live_label import LiveLabel

from .legends import ColorLegend, LineLegend
from .plots import (
    TEST_ACC_PEN,
    TEST_LOSS_PEN,
    TRAIN_ACC_PEN,
    TRAIN_LOSS_PEN,
    DecisionRegionPlot,
    LossPlot,
    SquarePlotHolder,
    class_rgba,
    value_levels,
)
from .widgets import ElidedLabel, caption, section_heading

POINT_LUT = theme.diverging_lut()  # points in full colour; the picture is lighter
HIDDEN_LEVELS = (-1.0, 1.0)  # hidden neurons share Playground's −1 … +1 scale
HOVER_HINT = QT_TRANSLATE_NOOP("OutputPanel", "Hover over the plot to read the output")
DRAW_HINT = QT_TRANSLATE_NOOP("OutputPanel", "Left-click adds a point · right-click removes the nearest")


def _minus(text: str) -> str:
    return text.replace("-", "−")


#: the decision region and the loss curve go side by side in a panel at least this wide
#: and this many times wider than tall
WIDE_MIN_WIDTH = 640
WIDE_ASPECT = 1.25

class MetricReadout(QWidget):
    """A small-caps caption over a big number."""

    def __init__(self, title: str, short_title: str, sample: str, tooltip: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._titles = (title, short_title)
        self.sample = sample  # the widest text it shows, to size the font by
        self.caption = caption(title)
        self.caption.setMinimumWidth(10)
        self.value = LiveLabel("—", sample=sample)  # new values repaint, never re-lay out
        theme.set_role(self.value, "big-number")
        self.value.setFont(theme.big_number_font())
        self.value.setMinimumWidth(10)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addStretch(1)  # captions sit on the numbers, which line up across a row
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        self.setToolTip(tooltip)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_text(self, text: str) -> None:
        if text != self.value.text():
            self.value.setText(text)

    def text(self) -> str:
        return self.value.text()

    def fitting_point_size(self, width: int, largest: float, smallest: float) -> float:
        size = largest
        while size > smallest and QFontMetrics(theme.big_number_font(size)).horizontalAdvance(self.sample) > width:
            size -= 1
        return size

    def set_point_size(self, size: float) -> None:
        if self.value.font().pointSizeF() != size:
            self.value.setFont(theme.big_number_font(size))

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        long_title, short_title = self._titles
        fm, width = self.caption.fontMetrics(), event.size().width()
        if fm.horizontalAdvance(long_title) <= width:
            text = long_title
        elif fm.horizontalAdvance(short_title) <= width or " " not in short_title.strip():
            text = short_title
        else:  # too long even when short (a narrow dock, a longer language): two lines, not cut
            words = short_title.split(" ")
            cut = min(range(1, len(words)), key=lambda k: abs(len(" ".join(words[:k])) - len(short_title) / 2))
            text = " ".join(words[:cut]) + "\n" + " ".join(words[cut:])
        if text != self.caption.text():
            self.caption.setText(text)
        # (also when only the font changed, e.g. presentation mode's UI scale)
        self.caption.setFixedHeight((text.count("\n") + 1) * fm.height())


class MetricsGrid(QWidget):
    """Epoch, losses, speed and accuracies in two rows of three, all in one size that
    fits the panel (the theme's big-number size when there is room)."""

    SMALLEST = 12.0

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.epoch = MetricReadout(translate("MetricsGrid", "Epoch"), translate("MetricsGrid", "Epoch"), "000,000",
                                   translate("MetricsGrid", "Passes over the training data so far"))
        self.train_loss = MetricReadout(translate("MetricsGrid", "Train loss"), translate("MetricsGrid", "Train loss"),
                                        "0.0000", translate("MetricsGrid", "Average loss on the training points"))
        self.test_loss = MetricReadout(
            translate("MetricsGrid", "Test loss"), translate("MetricsGrid", "Test loss"), "0.0000",
            translate("MetricsGrid", "Average loss on the test points, which the network never learns from"))
        self.speed = MetricReadout(translate("MetricsGrid", "Epochs / s"), translate("MetricsGrid", "Epochs/s"),
                                   "00,000", translate("MetricsGrid", "Training speed"))
        self.train_acc = MetricReadout(translate("MetricsGrid", "Train accuracy"),
                                       translate("MetricsGrid", "Train acc."),
                                       "100.0 %", translate("MetricsGrid", "Share of training points classified right"))
        self.test_acc = MetricReadout(translate("MetricsGrid", "Test accuracy"), translate("MetricsGrid", "Test acc."),
                                      "100.0 %", translate("MetricsGrid", "Share of test points classified right"))
        self.readouts = (self.epoch, self.train_loss, self.test_loss, self.speed, self.train_acc, self.test_acc)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(6)
        for i, w in enumerate(self.readouts):
            self.grid.addWidget(w, i // 3, i % 3)
            self.grid.setColumnStretch(i % 3, 1)

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        column = (event.size().width() - 2 * self.grid.horizontalSpacing()) / 3 - 2
        size = min(r.fitting_point_size(int(column), theme.BIG_NUMBER_POINT_SIZE, self.SMALLEST)
                   for r in self.readouts)
        for r in self.readouts:
            r.set_point_size(size)


class OutputPanel(QWidget):
    """The OUTPUT dock's contents."""

    #: a click on the plot in draw mode: plane coordinates and the ``Qt.MouseButton``
    point_clicked = Signal(float, float, object)

    def __init__(self, doc, maps, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("outputPanel")
        self.doc = doc
        self.maps = maps
        self._unit: tuple[int, int] | None = None
        self._draw = False
        self._draw_class = 1
        self._shown = None  # ("values", map, levels) or ("classes", outputs, probabilities)
        self._reg_levels = (-1.0, 1.0)
        self._brushes: dict[str, object] = {}
        self._hover: tuple[float, float] | None = None

        self.metrics = MetricsGrid()

        self.title = section_heading(translate("OutputPanel", "Decision region"))
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.plot = DecisionRegionPlot()
        self.legend = ColorLegend()
        self.readout = ElidedLabel()
        theme.set_role(self.readout, "control-label")
        self.readout.setFixedHeight(self.readout.fontMetrics().height() + 4)
        self.readout.setText(translate("OutputPanel", HOVER_HINT))
        self.show_test = QCheckBox(translate("OutputPanel", "Show test data"))
        self.show_test.setToolTip(translate("OutputPanel", "Show the test points (diamonds with a dark outline)"))
        self.discretize = QCheckBox(translate("OutputPanel", "Discretize output"))
        self.discretize.setToolTip(translate("OutputPanel",
                                             "Show only which side of the boundary each point of the plane is on"))
        toggles = QHBoxLayout()
        toggles.setSpacing(14)
        toggles.addWidget(self.show_test)
        toggles.addWidget(self.discretize)
        toggles.addStretch(1)

        self.loss_plot = LossPlot()
        self.log_scale = QCheckBox(translate("OutputPanel", "Log scale"))
        self.log_scale.setToolTip(translate("OutputPanel", "Logarithmic loss axis: small losses stay visible"))
        self.show_accuracy = QCheckBox(translate("OutputPanel", "Accuracy"))
        self.show_accuracy.setToolTip(translate("OutputPanel", "Also draw the accuracy, on the right axis (0–100 %)"))
        loss_head = QHBoxLayout()
        loss_head.setSpacing(14)
        self.loss_title = section_heading(translate("OutputPanel", "Loss"))
        loss_head.addWidget(self.loss_title)
        loss_head.addStretch(1)
        loss_head.addWidget(self.log_scale)
        loss_head.addWidget(self.show_accuracy)
        self.loss_legend = LineLegend()

        # the decision region above the loss curve in a dock; side by side when the panel is
        # wide (presentation mode's "decision region and loss" layout, a floated panel)
        region_box = QVBoxLayout()
        region_box.setSpacing(6)
        region_box.addWidget(self.title)
        self.plot_holder = SquarePlotHolder(self.plot)
        region_box.addWidget(self.plot_holder, 1)
        region_box.addWidget(self.legend)
        region_box.addWidget(self.readout)
        region_box.addLayout(toggles)
        #: the loss curve with its heading and legend (presentation's "network and decision
        #: region" layout hides it, to give the region the room)
        self.loss_section = QWidget()
        loss_box = QVBoxLayout(self.loss_section)
        loss_box.setContentsMargins(0, 0, 0, 0)
        loss_box.setSpacing(6)
        loss_box.addLayout(loss_head)
        loss_box.addWidget(self.loss_plot, 1)
        loss_box.addWidget(self.loss_legend)
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.body.setSpacing(10)
        self.body.addLayout(region_box, 5)
        self.body.addWidget(self.loss_section, 3)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 2, 12, 10)
        layout.setSpacing(6)
        layout.addWidget(self.metrics)
        layout.addSpacing(4)
        layout.addLayout(self.body, 1)
        self.setMinimumWidth(220)

        self.show_test.toggled.connect(lambda _on: self._update_points())
        self.discretize.toggled.connect(lambda _on: self.refresh_image())
        self.log_scale.toggled.connect(self.loss_plot.set_log)
        self.show_accuracy.toggled.connect(self._accuracy_toggled)
        self.plot.hovered.connect(self._hovered)
        self.plot.clicked.connect(self._clicked)
        maps.updated.connect(self.refresh_image)
        doc.data_changed.connect(self._data_changed)
        doc.structure_changed.connect(self._structure_changed)

        self._update_loss_legend()
        self.set_metrics(0, None, None, None, None)
        self._data_changed()
        theme.on_change(self.restyle)

    def restyle(self) -> None:
        """The theme or the data palette changed: points, picture and legends in the new colours."""
        global POINT_LUT
        POINT_LUT = theme.diverging_lut()
        self._brushes.clear()
        self._update_points()
        self.refresh_image()
        self._update_loss_legend()
        self.legend.update()
        self._update_title()

    def is_wide(self) -> bool:
        """Decision region and loss curve side by side."""
        return self.body.direction() == QBoxLayout.Direction.LeftToRight

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        size = event.size()
        wide = size.width() >= WIDE_MIN_WIDTH and size.width() >= WIDE_ASPECT * size.height()
        if wide != self.is_wide():
            self.body.setDirection(QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom)
            self.body.setStretch(0, 1 if wide else 5)
            self.body.setStretch(1, 1 if wide else 3)
            self.body.setSpacing(24 if wide else 10)
        narrow = size.width() < 340
        self._fit_check_labels(size.width() // 2 - 24 if wide else size.width())
        self.loss_title.setVisible(not narrow)
        self.loss_plot.set_compact(narrow)

    def changeEvent(self, event):  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_check_labels(self.width() // 2 - 24 if self.is_wide() else self.width())

    def _fit_check_labels(self, width: int) -> None:
        """Shorter check-box labels when the long ones do not fit side by side (a narrow
        dock, large presentation text, longer Spanish words), instead of clipped ones."""
        long = (translate("OutputPanel", "Show test data"), translate("OutputPanel", "Discretize output"))
        short = (translate("OutputPanel", "Test data"), translate("OutputPanel", "Discretize"))
        style = self.show_test.style()
        box = (style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
               + style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing) + 12)
        fm = self.show_test.fontMetrics()
        fits = sum(fm.horizontalAdvance(text) + box for text in long) + 24 <= width
        for check, text in zip((self.show_test, self.discretize), long if fits else short):
            check.setText(text)

    # ------------------------------------------------------------------ public API
    def set_metrics(self, epoch, train_loss, test_loss, train_acc, test_acc, eps=None) -> None:
        """The big numbers; ``None`` or NaN shows a dash (no test data, a regression)."""
        m = self.metrics
        m.epoch.set_text(format_count(epoch))
        m.train_loss.set_text(format_loss(train_loss))
        m.test_loss.set_text(format_loss(test_loss))
        m.train_acc.set_text(format_accuracy(train_acc))
        m.test_acc.set_text(format_accuracy(test_acc))
        m.speed.set_text("—" if eps is None or not math.isfinite(eps) else format_count(eps))

    def set_history(self, epochs, train_loss, test_loss, train_acc=None, test_acc=None) -> None:
        """Loss (and accuracy) over epochs: NumPy arrays, shown as they are (no copies)."""
        self.loss_plot.set_history(epochs, train_loss, test_loss, train_acc, test_acc)

    def clear_history(self) -> None:
        self.loss_plot.clear_history()

    def show_unit(self, column: int, index: int) -> None:
        """Show the map of unit ``index`` of ``column`` (0 = inputs) instead of the output."""
        self._unit = (int(column), int(index))
        self.refresh_image()

    def show_output(self) -> None:
        self._unit = None
        self.refresh_image()

    def shown_unit(self) -> tuple[int, int] | None:
        """The unit on show, or None for the output."""
        return self._unit

    def set_draw_mode(self, on: bool, class_index: int = 0) -> None:
        """In draw mode plot clicks are emitted as ``point_clicked`` for the DATA panel."""
        self._draw, self._draw_class = bool(on), int(class_index)
        self.plot.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)
        if self._hover is None:
            self.readout.setText(translate("OutputPanel", DRAW_HINT if on else HOVER_HINT))
        self._update_title()

    def is_draw_mode(self) -> bool:
        return self._draw

    # ------------------------------------------------------------------ document
    def _data_changed(self) -> None:
        ds = self.doc.dataset
        self.plot.set_extent(ds.extent)
        if ds.kind == "regression":
            self._reg_levels = value_levels(np.concatenate([ds.y_train, ds.y_test]))
        self.show_accuracy.setEnabled(ds.kind == "classification")
        self.show_test.setEnabled(ds.n_test > 0)
        self._update_points()
        self.refresh_image()

    def _structure_changed(self) -> None:
        if self._unit is not None:
            c, i = self._unit
            sizes = self.doc.network.sizes
            if c >= len(sizes) or i >= sizes[c]:
                self._unit = None
        # the maps follow with ``updated``; the title may change now
        self._update_title()

    def _brush(self, color: str):
        brush = self._brushes.get(color)
        if brush is None:
            brush = self._brushes[color] = pg.mkBrush(color)
        return brush

    def _point_brushes(self, y: np.ndarray) -> list:
        ds = self.doc.dataset
        if ds.kind == "classification":
            colors = theme.CLASS_COLORS
            return [self._brush(colors[int(c) % len(colors)]) for c in y]
        lo, hi = self._reg_levels
        idx = np.clip(np.rint((np.asarray(y, float) - lo) / ((hi - lo) or 1.0) * 255), 0, 255).astype(int)
        return [self._brush("#%02x%02x%02x" % tuple(POINT_LUT[i, :3])) for i in idx]

    def _update_points(self) -> None:
        ds = self.doc.dataset
        self.plot.train_points.setData(pos=ds.x_train, brush=self._point_brushes(ds.y_train))
        show_test = self.show_test.isChecked() and ds.n_test > 0
        if show_test:
            self.plot.test_points.setData(pos=ds.x_test, brush=self._point_brushes(ds.y_test))
        else:
            self.plot.test_points.setData(pos=np.empty((0, 2)))
        self.plot.test_points.setVisible(show_test)
        self._update_legend()

    # ------------------------------------------------------------------ the picture
    def refresh_image(self) -> None:
        """Draw the output (or the unit on show) from the newest maps."""
        columns = self.maps.columns
        if not columns:
            return
        extent = tuple(self.maps.extent)  # the maps' plane (the data's, once they caught up)
        discretize = self.discretize.isChecked()
        unit_map = None
        if self._unit is not None:
            unit_map = self.maps.unit_map(*self._unit)
        if unit_map is not None:
            column = self._unit[0]
            if column == 0:
                top = float(np.max(np.abs(unit_map))) or 1.0
                levels = (-top, top)
            elif column == len(columns) - 1:
                levels = self._output_levels()
            else:
                levels = HIDDEN_LEVELS
            self._show_values(unit_map, levels, discretize, extent)
        else:
            out = columns[-1]
            if out.shape[0] == 1:
                self._show_values(out[0], self._output_levels(), discretize, extent)
            else:
                probabilities = self.doc.network.output_activation == "softmax"
                self.plot.show_rgba(class_rgba(out, probabilities, discretize), extent)
                self._shown = ("classes", out, probabilities)
        self._update_title()
        self._update_legend()
        if self._hover is not None:
            self._show_readout(*self._hover)

    def _output_levels(self) -> tuple[float, float]:
        if self.doc.dataset.kind == "regression" and self.doc.network.n_outputs == 1:
            return self._reg_levels
        try:
            lo, hi = target_range(self.doc.network)
        except (AttributeError, IndexError):
            lo, hi = -1.0, 1.0
        return (float(lo), float(hi))

    def _show_values(self, values: np.ndarray, levels, discretize: bool, extent) -> None:
        values = np.ascontiguousarray(values, dtype=np.float32)
        if discretize:
            lo, hi = levels
            values = np.where(values >= (lo + hi) / 2, np.float32(hi), np.float32(lo))
        self.plot.show_values(values, levels, extent)
        self._shown = ("values", values, levels)

    # ------------------------------------------------------------------ labels
    def _unit_name(self) -> str:
        c, i = self._unit
        net = self.doc.network
        if c == 0:
            name = net.features[i] if i < len(net.features) else "?"
            return translate("OutputPanel", "Input {feature}").format(
                feature=feature_label(name))
        if c == len(net.sizes) - 1:
            return translate("OutputPanel", "Output neuron {n}").format(n=i + 1)
        return translate("OutputPanel", "Neuron {n} · hidden layer {layer}").format(n=i + 1, layer=c)

    def _update_title(self) -> None:
        if self._unit is not None and self.maps.unit_map(*self._unit) is not None:
            hovered = translate("OutputPanel", "(hovered)")
            text = f"{self._unit_name()} <span style='font-weight:normal'>{hovered}</span>"
        elif self.doc.dataset.kind == "regression":
            text = translate("OutputPanel", "Output")
        else:
            text = translate("OutputPanel", "Decision region")
        if self._draw:
            color = theme.CLASS_COLORS[self._draw_class % len(theme.CLASS_COLORS)]
            drawing = translate("OutputPanel", "· drawing class {k}").format(k=self._draw_class)
            text += (f" &nbsp;<span style='font-weight:normal'>{drawing} "
                     f"<span style='color:{color}'>●</span></span>")
        if text != self.title.text():
            self.title.setText(text)

    def _update_legend(self) -> None:
        ds = self.doc.dataset
        test = self.show_test.isChecked() and ds.n_test > 0
        if self._unit is not None and self._shown is not None and self._shown[0] == "values" \
                and self.maps.unit_map(*self._unit) is not None:
            lo, hi = self._shown[2]
            self.legend.set_bar(lo, hi, translate("OutputPanel", "Neuron"), test)
        elif ds.kind == "regression":
            lo, hi = self._reg_levels
            self.legend.set_bar(lo, hi, translate("OutputPanel", "Target"), test)
        else:
            label = translate("OutputPanel", "class {name}")
            self.legend.set_classes(
                [(theme.class_color(k), label.format(name=name)) for k, name in enumerate(ds.class_names)], test,
                short_names=list(ds.class_names))

    def _hovered(self, x: float, y: float, inside: bool) -> None:
        self._hover = (x, y) if inside else None
        if inside:
            self._show_readout(x, y)
        else:
            self.readout.setText(translate("OutputPanel", DRAW_HINT if self._draw else HOVER_HINT))

    def _show_readout(self, x: float, y: float) -> None:
        text = _minus(f"x₁ {x:.2f}   x₂ {y:.2f}")
        value = self._value_at(x, y)
        if value:
            text += "   →  " + value
        self.readout.setText(text)

    def _value_at(self, x: float, y: float) -> str:
        if self._shown is None:
            return ""
        kind, data, extra = self._shown
        xmin, xmax, ymin, ymax = self.plot.image_extent
        if not (xmin <= x <= xmax and ymin <= y <= ymax):
            return ""
        n_rows, n_cols = data.shape[-2], data.shape[-1]
        col = min(n_cols - 1, max(0, int((x - xmin) / (xmax - xmin) * n_cols)))
        row = min(n_rows - 1, max(0, int((ymax - y) / (ymax - ymin) * n_rows)))
        if kind == "values":
            v = float(data[row, col])
            what = translate("OutputPanel", "value {v}") if self._unit is not None \
                else translate("OutputPanel", "output {v}")
            text = what.format(v=_minus(f"{v:.3f}"))
            ds = self.doc.dataset
            if self._unit is None and ds.kind == "classification" and self.doc.network.n_outputs == 1:
                lo, hi = extra
                k = 1 if v >= (lo + hi) / 2 else 0
                if k < len(ds.class_names):
                    text += " " + translate("OutputPanel", "(class {name})").format(name=ds.class_names[k])
            return text
        cell = data[:, row, col]
        k = int(np.argmax(cell))
        names = self.doc.dataset.class_names
        name = names[k] if k < len(names) else str(k)
        p = _minus(f"{float(cell[k]):.2f}")
        if extra:
            return translate("OutputPanel", "class {name} (p {p})").format(name=name, p=p)
        return translate("OutputPanel", "class {name} (output {p})").format(name=name, p=p)

    def _clicked(self, x: float, y: float, button) -> None:
        if self._draw:
            self.point_clicked.emit(x, y, button)

    # ------------------------------------------------------------------ loss plot
    def _accuracy_toggled(self, on: bool) -> None:
        self.loss_plot.set_show_accuracy(on)
        self._update_loss_legend()

    def _update_loss_legend(self) -> None:
        entries = [(TRAIN_LOSS_PEN, translate("OutputPanel", "Train loss")),
                   (TEST_LOSS_PEN, translate("OutputPanel", "Test loss"))]
        if self.show_accuracy.isChecked():
            entries += [(TRAIN_ACC_PEN, translate("OutputPanel", "Train acc.")),
                        (TEST_ACC_PEN, translate("OutputPanel", "Test acc."))]
        self.loss_legend.set_entries(entries)
