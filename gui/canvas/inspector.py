"""The inspector: a card floating in the canvas's corner to read and set exact values.

It opens on a click (or Enter) on a connection, a neuron or a layer header and follows
the selection while open; it is not modal, so the network stays usable behind it.

* connection: the weight, typed (4 decimals), scrolled, or dragged with a slider over
  −5 … 5 (a slider drag is one undo step: ``SetWeightCommand`` merges), Frozen, Removed;
* neuron: its bias the same way, Frozen bias, and its layer's settings;
* layer: activation, Leaky ReLU/ELU α, Maxout pieces, dropout rate (hidden layers);
* input: which feature it is.

Every change goes through the editor; values refresh when the document changes (also
during training, except in a field the user is typing in).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.activations import ACTIVATION_NAMES, ACTIVATIONS, MAXOUT
from gui import theme
from gui.i18n import translate
from gui.icons import icon

from . import labels

SLIDER_RANGE = 5.0
SLIDER_STEPS = 100  # per unit: the slider moves in steps of 0.01
VALUE_LIMIT = 1000.0
WIDTH = 320


def _rich(text: str) -> str:
    """Plain words for the rich-text formula label (apostrophes stay as they are)."""
    return labels.escape(text, quote=False)


class ValueEditor(QWidget):
    """A number typed (4 decimals), scrolled, or dragged on a −5 … 5 slider."""

    value_changed = Signal(float)

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.spin = QDoubleSpinBox()
        self.spin.setObjectName(f"{name}Spin")
        self.spin.setDecimals(4)
        self.spin.setRange(-VALUE_LIMIT, VALUE_LIMIT)
        self.spin.setSingleStep(0.01)
        self.spin.setKeyboardTracking(False)  # typing commits on Enter or leaving the field
        self.spin.setMinimumWidth(110)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName(f"{name}Slider")
        self.slider.setRange(-int(SLIDER_RANGE * SLIDER_STEPS), int(SLIDER_RANGE * SLIDER_STEPS))
        self.slider.setPageStep(SLIDER_STEPS // 4)
        self.slider.setToolTip(translate("Inspector", "Drag to change it between {low} and {high}").format(
            low=f"−{SLIDER_RANGE:g}", high=f"{SLIDER_RANGE:g}"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.spin)
        layout.addWidget(self.slider, 1)
        self.spin.valueChanged.connect(self._from_spin)
        self.slider.valueChanged.connect(self._from_slider)

    def _from_spin(self, value: float) -> None:
        self._set_slider(value)
        self.value_changed.emit(value)

    def _from_slider(self, position: int) -> None:
        value = position / SLIDER_STEPS
        self.spin.blockSignals(True)
        self.spin.setValue(value)
        self.spin.blockSignals(False)
        self.value_changed.emit(value)

    def _set_slider(self, value: float) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(round(max(-SLIDER_RANGE, min(SLIDER_RANGE, value)) * SLIDER_STEPS))
        self.slider.blockSignals(False)

    def set_value(self, value: float) -> None:
        """Show ``value`` without emitting (skipped while the user is typing in the field)."""
        if self.spin.hasFocus() and self.spin.lineEdit().isModified():
            return
        if value != value:  # NaN after divergence: show it cannot be edited here
            value = 0.0
        self.spin.blockSignals(True)
        self.spin.setValue(value)
        self.spin.blockSignals(False)
        if not self.slider.isSliderDown():
            self._set_slider(value)

    def value(self) -> float:
        return self.spin.value()


class Inspector(QFrame):
    """The floating card. ``show_target(("edge", (column, i, j)) | ("unit", uid) | ("layer", cid))``."""

    closed = Signal()

    def restyle(self) -> None:
        """Colours from the live theme (called again when it changes)."""
        c = theme.COLORS
        self.setStyleSheet(
            f"QFrame#canvasInspector {{ background: {c.surface};"
            f" border: 1px solid {c.border}; border-radius: 10px; }}"
            f" QFrame#canvasInspector QLabel[role='control-label'] {{ color: {c.muted}; }}"
        )

    def __init__(self, doc, editor, scene, parent=None):
        super().__init__(parent)
        self.doc, self.editor, self.scene = doc, editor, scene
        self.setObjectName("canvasInspector")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.restyle()
        theme.on_change(self.restyle)
        self.setFixedWidth(WIDTH)
        self.target = None  # ("edge", (src uid, dst uid)) | ("unit", uid) | ("layer", cid)

        self.title = QLabel()
        self.title.setObjectName("inspectorTitle")
        font = QFont(theme.base_font())
        font.setPointSizeF(theme.BASE_POINT_SIZE + 2)
        font.setWeight(QFont.Weight.Bold)
        self.title.setFont(font)
        self.subtitle = QLabel()
        theme.set_role(self.subtitle, "control-label")
        self.subtitle.setWordWrap(True)
        close = QToolButton()
        close.setObjectName("inspectorClose")
        close.setIcon(icon("close", theme.COLORS.muted))
        close.setIconSize(QSize(16, 16))
        close.setAutoRaise(True)
        close.setToolTip(translate("Inspector", "Close (Esc)"))
        close.clicked.connect(self.close_card)
        self.close_button = close

        # connection
        self.weight = ValueEditor("weight")
        self.weight_frozen = QCheckBox(translate("Inspector", "Frozen"))
        self.weight_frozen.setToolTip(translate("Inspector", "Training keeps this weight at its value"))
        self.weight_removed = QCheckBox(translate("Inspector", "Removed"))
        self.weight_removed.setToolTip(translate("Inspector", "Cut this connection: the network computes with 0 "
                                                 "(its weight is kept for when it is restored)"))
        flags = QWidget()
        row = QHBoxLayout(flags)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(18)
        row.addWidget(self.weight_frozen)
        row.addWidget(self.weight_removed)
        row.addStretch(1)
        self.weight.value_changed.connect(self._set_weight)
        self.weight_frozen.toggled.connect(self._set_weight_frozen)
        self.weight_removed.toggled.connect(self._set_weight_removed)
        # neuron
        self.bias = ValueEditor("bias")
        self.bias_frozen = QCheckBox(translate("Inspector", "Frozen"))
        self.bias_frozen.setToolTip(translate("Inspector", "Training keeps this bias at its value"))
        self.bias.value_changed.connect(self._set_bias)
        self.bias_frozen.toggled.connect(self._set_bias_frozen)
        # layer
        self.activation = QComboBox()
        self.activation.setObjectName("activationCombo")
        for name in ACTIVATION_NAMES:
            self.activation.addItem(labels.activation_label(name), name)
        self.activation.activated.connect(self._set_activation)
        self.alpha = QDoubleSpinBox()
        self.alpha.setObjectName("alphaSpin")
        self.alpha.setDecimals(3)
        self.alpha.setSingleStep(0.05)
        self.alpha.setRange(0.0, 10.0)
        self.alpha.setKeyboardTracking(False)
        self.alpha.valueChanged.connect(lambda v: self._set_layer(translate("Inspector", "Change α"), alpha=float(v)))
        self.pieces = QSpinBox()
        self.pieces.setObjectName("piecesSpin")
        self.pieces.setRange(2, 8)
        self.pieces.valueChanged.connect(
            lambda v: self._set_layer(translate("Inspector", "Maxout pieces"), pieces=int(v)))
        self.dropout = QDoubleSpinBox()
        self.dropout.setObjectName("dropoutSpin")
        self.dropout.setDecimals(2)
        self.dropout.setSingleStep(0.05)
        self.dropout.setRange(0.0, 0.9)
        self.dropout.setKeyboardTracking(False)
        self.dropout.setToolTip(translate("Inspector",
                                          "Share of this layer's outputs switched off at random while training"))
        self.dropout.valueChanged.connect(
            lambda v: self._set_layer(translate("Inspector", "Change dropout"), dropout=float(v)))

        self.formula = QLabel()
        self.formula.setObjectName("inspectorFormula")
        self.formula.setWordWrap(True)
        self.formula.setTextFormat(Qt.TextFormat.RichText)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(8)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form = form
        self._rows: dict[str, QWidget] = {}
        for key, text, widget in (
            ("weight", translate("Inspector", "Weight"), self.weight), ("weight_flags", "", flags),
            ("bias", translate("Inspector", "Bias"), self.bias), ("bias_frozen", "", self.bias_frozen),
            ("activation", translate("Inspector", "Activation"), self.activation), ("alpha", "α", self.alpha),
            ("pieces", translate("Inspector", "Pieces"), self.pieces),
            ("dropout", translate("Inspector", "Dropout"), self.dropout),
        ):
            form.addRow(text, widget)
            self._rows[key] = widget

        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.title, 1)
        head.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 10, 14)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.subtitle)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addWidget(self.formula)
        self.hide()

        doc.structure_changed.connect(self.refresh)
        doc.weights_changed.connect(self._on_weights)
        scene.selection_state_changed.connect(self._follow_selection)

    # ------------------------------------------------------------------ targets
    def show_target(self, target) -> None:
        if target is None:
            return
        kind, ref = target
        if kind == "edge":
            column, i, j = ref
            ref = (self.doc.unit_ids[column - 1][i], self.doc.unit_ids[column][j])
        self.target = (kind, ref)
        self.refresh()
        if self.target is not None:
            self.show()
            self.raise_()
            self.reposition()

    def close_card(self) -> None:
        self.hide()
        self.target = None
        self.closed.emit()

    def _follow_selection(self) -> None:
        if not self.isVisible():
            return
        target = self.scene.single_target()
        if target is None:
            self.close_card()
        elif self._resolve_key(target) != self.target:
            self.show_target(target)

    def _resolve_key(self, target):
        kind, ref = target
        if kind == "edge":
            column, i, j = ref
            return kind, (self.doc.unit_ids[column - 1][i], self.doc.unit_ids[column][j])
        return target

    def edge(self) -> tuple[int, int, int] | None:
        if self.target and self.target[0] == "edge":
            return self.scene.edge_key(self.target[1])
        return None

    def unit(self):
        if self.target and self.target[0] == "unit":
            try:
                return self.doc.find_unit(self.target[1])
            except KeyError:
                return None
        return None

    def layer_column(self) -> int | None:
        """The column whose settings show: the layer's, or the neuron's layer."""
        if self.target is None:
            return None
        kind, ref = self.target
        if kind == "layer":
            return self.doc.column_of(ref) if ref in self.doc.column_ids else None
        unit = self.unit()
        return unit.column if unit is not None and unit.column >= 1 else None

    def reposition(self) -> None:
        """Bottom right of the canvas (below the layer headers, where a fitted network
        leaves room), or bottom left when that would hide what is being inspected."""
        parent = self.parentWidget()
        if parent is None:
            return
        self.adjustSize()
        margin = 12
        x = parent.width() - self.width() - margin
        y = max(margin, parent.height() - self.height() - margin)
        anchor = self._target_view_pos()
        if anchor is not None and anchor.x() >= x - 20 and anchor.y() >= y - 20:
            x = margin
        self.move(x, y)

    def _target_view_pos(self):
        """Where the inspected thing is on screen (view coordinates), if known."""
        view = self.parentWidget()
        if self.target is None or not hasattr(view, "mapFromScene"):
            return None
        kind, ref = self.target
        if kind == "unit" and ref in self.scene.neurons:
            return view.mapFromScene(self.scene.neurons[ref].pos())
        if kind == "edge":
            key = self.scene.edge_key(ref)
            k = self.scene.edges.index_of(*key) if key else None
            if k is not None:
                e = self.scene.edges
                return view.mapFromScene((e.x0[k] + e.x1[k]) / 2, (e.y0[k] + e.y1[k]) / 2)
        return None

    # ------------------------------------------------------------------ refresh
    def _show_rows(self, *keys: str) -> None:
        for key, widget in self._rows.items():
            self.form.setRowVisible(widget, key in keys)

    def refresh(self) -> None:
        if self.target is None:
            return
        doc, net = self.doc, self.doc.network
        kind = self.target[0]
        if kind == "edge":
            key = self.edge()
            if key is None:
                return self.close_card()
            column, i, j = key
            src, dst = labels.unit_name(doc, column - 1, i), labels.unit_name(doc, column, j)
            self.title.setText(translate("Inspector", "Connection"))
            self.subtitle.setText(translate("Inspector", "from {source} to {target}").format(source=src, target=dst))
            self._show_rows("weight", "weight_flags")
            self._set_checked(self.weight_frozen, bool(net.frozen_w[column - 1][i, j]))
            self._set_checked(self.weight_removed, bool(net.removed[column - 1][i, j]))
            self.weight.set_value(net.weight(column - 1, i, j))
            self.formula.setText(_rich(translate("Inspector", "adds w · {source} to the sum z of {target}")
                                             .format(source=src, target=dst)))
        elif kind == "unit":
            unit = self.unit()
            if unit is None:
                return self.close_card()
            name = labels.unit_name(doc, unit.column, unit.index)
            if unit.column == 0:
                feature = labels.feature_label(net.features[unit.index])
                self.title.setText(translate("Inspector", "Input {feature}").format(feature=feature))
                self.subtitle.setText(translate("Inspector", "An input feature: its value at each point of the plane."))
                self._show_rows()
                self.formula.setText(_rich(translate(
                    "Inspector", "Switch inputs on and off in FEATURES or from the palette's Input.")))
            else:
                self.title.setText(name[0].upper() + name[1:])
                self.subtitle.setText(translate("Inspector", "{layer} · neuron {n} of {total}").format(
                    layer=labels.layer_title(unit.column, doc.n_columns), n=unit.index + 1,
                    total=len(doc.unit_ids[unit.column])))
                self._show_rows("bias", "bias_frozen", *self._layer_rows(unit.column))
                self.bias.set_value(net.bias(unit.layer, unit.index))
                self._set_checked(self.bias_frozen, bool(net.frozen_b[unit.layer][unit.index]))
                self._refresh_layer(unit.column)
                spec = doc.layer_spec(unit.column)
                self.formula.setText(
                    "z = Σ w<sub>i</sub>x<sub>i</sub> + b &nbsp;→&nbsp; a = f(z)<br>"
                    + _rich(labels.activation_formula(spec.activation, spec.pieces))
                )
        else:
            column = self.layer_column()
            if column is None:
                return self.close_card()
            n = len(doc.unit_ids[column])
            self.title.setText(labels.layer_title(column, doc.n_columns))
            self.subtitle.setText(translate("Inspector", "1 neuron") if n == 1
                                  else translate("Inspector", "{n} neurons").format(n=n))
            self._show_rows(*self._layer_rows(column))
            self._refresh_layer(column)
            spec = doc.layer_spec(column)
            self.formula.setText(_rich(labels.activation_formula(spec.activation, spec.pieces)))
        if self.isVisible():
            self.reposition()

    def _layer_rows(self, column: int) -> list[str]:
        spec = self.doc.layer_spec(column)
        rows = ["activation"]
        cls = ACTIVATIONS.get(spec.activation)
        if cls is not None and "alpha" in cls.parameters:
            rows.append("alpha")
        if spec.activation == MAXOUT:
            rows.append("pieces")
        if column < self.doc.n_columns - 1:
            rows.append("dropout")
        return rows

    def _refresh_layer(self, column: int) -> None:
        spec = self.doc.layer_spec(column)
        self._set_silently(self.activation, lambda w: w.setCurrentIndex(w.findData(spec.activation)))
        cls = ACTIVATIONS.get(spec.activation)
        if cls is not None and "alpha" in cls.parameters:
            alpha = spec.alpha if spec.alpha is not None else cls.parameters["alpha"]
            self.alpha.setRange(0.0, 0.999 if spec.activation == "leaky_relu" else 10.0)
            self._set_silently(self.alpha, lambda w: w.setValue(alpha))
        self._set_silently(self.pieces, lambda w: w.setValue(spec.pieces))
        self._set_silently(self.dropout, lambda w: w.setValue(spec.dropout))

    @staticmethod
    def _set_silently(widget, setter) -> None:
        if widget.hasFocus() and hasattr(widget, "lineEdit") and widget.lineEdit() is not None \
                and widget.lineEdit().isModified():
            return
        widget.blockSignals(True)
        setter(widget)
        widget.blockSignals(False)

    @staticmethod
    def _set_checked(box: QCheckBox, on: bool) -> None:
        box.blockSignals(True)
        box.setChecked(on)
        box.blockSignals(False)

    def _on_weights(self, origin: str) -> None:
        if self.isVisible():
            self.refresh()

    # ------------------------------------------------------------------ edits
    def _set_weight(self, value: float) -> None:
        key = self.edge()
        if key is not None:
            self.editor.set_weight(*key, value)

    def _set_weight_frozen(self, on: bool) -> None:
        key = self.edge()
        if key is not None:
            self.editor.set_weight_frozen(*key, on)
        self.refresh()

    def _set_weight_removed(self, on: bool) -> None:
        key = self.edge()
        if key is not None:
            self.editor.set_connection_removed(*key, on)
        self.refresh()

    def _set_bias(self, value: float) -> None:
        unit = self.unit()
        if unit is not None and unit.column >= 1:
            self.editor.set_bias(unit.column, unit.index, value)

    def _set_bias_frozen(self, on: bool) -> None:
        unit = self.unit()
        if unit is not None and unit.column >= 1:
            self.editor.set_bias_frozen(unit.column, unit.index, on)
        self.refresh()

    def _set_activation(self, index: int) -> None:
        column = self.layer_column()
        name = self.activation.itemData(index)
        if column is not None and name != self.doc.layer_spec(column).activation:
            self.editor.set_activation(self.doc.column_ids[column], name)
        self.refresh()  # a refused change shows the activation in use again

    def _set_layer(self, text: str, **changes) -> None:
        column = self.layer_column()
        if column is None:
            return
        spec = self.doc.layer_spec(column)
        if all(getattr(spec, k) == v for k, v in changes.items()):
            return
        self.editor.set_layer(self.doc.column_ids[column], text, **changes)
        self.refresh()

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close_card()
            return
        super().keyPressEvent(event)
