"""The activation function viewer: the slides' gallery of f(x) and f′(x), one at a time.

On the left, a tile per activation with a sparkline of f; on the right, the chosen one
drawn large over x ∈ [−5, 5] — f solid and dark, f′ dashed in the accent colour — with
its formulas, output range and a one-line "when to use" note. Leaky ReLU's slope, ELU's
α and maxout's number of lines have a slider that redraws the plot live; hovering the
plot shows a crosshair and the values x, f(x), f′(x).

The numbers come from :mod:`engine.activations` through :func:`curve` (so what students
see is what the network computes), with two activations that are not element-wise shown
the way the course explains them:

* softmax for two inputs (x, 0): softmax₁(x, 0) = eˣ / (eˣ + 1) = σ(x), and f′ its
  diagonal ∂f₁/∂x₁ = f(1 − f);
* maxout as the maximum of k example lines wₖx + bₖ (:data:`MAXOUT_LINES`); with the
  first two, 0 and x, it is ReLU. f′ is the slope of the line on top.

Jumps (step and sign, the slope of ReLU and its relatives, maxout's corners) are drawn
as vertical steps at the exact break (:func:`plot_curve`), never as a slanted line.

Every visible string lives in the tables below, marked with ``QT_TRANSLATE_NOOP`` in the
context ``"ActivationViewer"`` and translated when shown, so ``pyside6-lupdate`` finds
them and a language change redraws the widget in the new language.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from engine.activations import ACTIVATION_NAMES, ACTIVATIONS, MAXOUT, Softmax, make_activation
from engine.errors import ConfigError
from gui import theme
from gui.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "ActivationViewer"


def _tr(text: str) -> str:
    """A string marked with ``QT_TRANSLATE_NOOP("ActivationViewer", …)`` in the user's language."""
    return translate(CONTEXT, text) if text else ""


# --- what the viewer says -------------------------------------------------------------------


@dataclass(frozen=True)
class ActivationText:
    """The words shown for one activation (English source strings, translated when shown)."""

    label: str
    formula: str  #: f in x: the engine's ``formula`` with z written as x (checked by a test)
    derivative: str  #: f′ in x
    output_range: str
    use: str  #: when to use it, in one line of simple words
    plot_note: str = ""  #: what the plot shows that the formulas do not say


_NOT_DIFFERENTIABLE = QT_TRANSLATE_NOOP(
    "ActivationViewer",
    "Not differentiable at 0, and f′ = 0 everywhere else: backpropagation gets no signal "
    "— train it with the perceptron rule.")

TEXTS: dict[str, ActivationText] = {
    "step": ActivationText(
        QT_TRANSLATE_NOOP("ActivationViewer", "Step"),
        QT_TRANSLATE_NOOP("ActivationViewer", "f(x) = 1 if x ≥ 0, else 0"),
        QT_TRANSLATE_NOOP("ActivationViewer", "f′(x) = 0 for x ≠ 0 (undefined at 0)"),
        QT_TRANSLATE_NOOP("ActivationViewer", "{0, 1}"),
        QT_TRANSLATE_NOOP("ActivationViewer",
                          "The McCulloch–Pitts neuron: it fires (1) or not (0). Logic gates, the perceptron."),
        _NOT_DIFFERENTIABLE),
    "sign": ActivationText(
        QT_TRANSLATE_NOOP("ActivationViewer", "Sign"),
        QT_TRANSLATE_NOOP("ActivationViewer", "f(x) = +1 if x ≥ 0, else −1"),
        QT_TRANSLATE_NOOP("ActivationViewer", "f′(x) = 0 for x ≠ 0 (undefined at 0)"),
        QT_TRANSLATE_NOOP("ActivationViewer", "{−1, +1}"),
        QT_TRANSLATE_NOOP("ActivationViewer",
                          "A step that answers −1 or +1 (bipolar): the classic perceptron."),
        _NOT_DIFFERENTIABLE),
    "linear": ActivationText(
        QT_TRANSLATE_NOOP("ActivationViewer", "Linear"),
        QT_TRANSLATE_NOOP("ActivationViewer", "f(x) = x"),
        QT_TRANSLATE_NOOP("ActivationViewer", "f′(x) = 1"),
        QT_TRANSLATE_NOOP("ActivationViewer", "(−∞, ∞)"),
        QT_TRANSLATE_NOOP("ActivationViewer",
                          "No bend: output layer for regression. Linear hidden layers add nothing."),
    ),
    "sigmoid": ActivationText(
        QT_TRANSLATE_NOOP("ActivationViewer", "Sigmoid"),
        QT_TRANSLATE_NOOP("ActivationViewer", "f(x) = 1 / (1 + e^(−x))"),
        QT_TRANSLATE_NOOP("ActivationViewer", "f′(x) = f(x) · (1 − f(x))"),
        QT_TRANSLATE_NOOP("ActivationViewer", "(0, 1)"),
        QT_TRANSLATE_NOOP("ActivationViewer",
                          "A probability: output layer for two classes. Flat at the ends "
                          "(f′ ≤ 0.25), so deep networks learn slowly."),
    ),
    "tanh": ActivationText(
        QT_TRANSLATE_NOOP("ActivationViewer", "Tanh"),
        QT_TRANSLATE_NOOP("ActivationViewer", "f(x) = tanh(x)"),
        QT_TRANSLATE_NOOP("ActivationViewer", "f′(x) = 1 − f(x)²"),
        QT_TRANSLATE_NOOP("ActivationViewer", "(−1, 1)"),
        QT_TRANSLATE_NOOP("ActivationViewer",
                          "Centred at 0 and steeper than the sigmoid (f′ up to 1): "
                          "Playground's default for hidden layers."),
    ),
    "relu": ActivationText(
        QT_TRANSLATE_NOOP("ActivationViewer", "ReLU"),
        QT_TRANSLATE_NOOP("ActivationViewer", "f(x) = max(0, x)"),
        QT_TRANSLATE_NOOP("ActivationViewer", "f′(x) = 1 if x > 0, else 0"),
        QT_TRANSLATE_NOOP("ActivationViewer", "[0, ∞)"),
        QT_TRANSLATE_NOOP("ActivationViewer",
                          "Fast and simple: the default for deep networks. A neuron can \"die\" "
                          "(always 0, so it stops learning)."),
    ),
    "leaky_relu": ActivationText(
        QT_TRANSLATE_NOOP("ActivationViewer", "Leaky ReLU"),
        QT_TRANSLATE_NOOP("ActivationViewer", "f(x) = max(αx, x)"),
        QT_TRANSLATE_NOOP("ActivationViewer", "f′(x) = 1 if x > 0, else α"),
        QT_TRANSLATE_NOOP("ActivationViewer", "(−∞, ∞)"),
        QT_TRANSLATE_NOOP("ActivationViewer",
                          "ReLU with a small slope α for x < 0, so neurons never die."),
    ),
    "elu": ActivationText(
        QT_TRANSLATE_NOOP("ActivationViewer", "ELU"),
        QT_TRANSLATE_NOOP("ActivationViewer", "f(x) = x if x > 0, else α(eˣ − 1)"),
        QT_TRANSLATE_NOOP("ActivationViewer", "f′(x) = 1 if x > 0, else f(x) + α"),
        QT_TRANSLATE_NOOP("ActivationViewer", "(−α, ∞)"),
        QT_TRANSLATE_NOOP("ActivationViewer",
                          "A ReLU that bends smoothly down to −α: outputs closer to mean 0, "
                          "often learns faster."),
    ),
    "selu": ActivationText(
        QT_TRANSLATE_NOOP("ActivationViewer", "SELU"),
        QT_TRANSLATE_NOOP("ActivationViewer", "f(x) = λ·(x if x > 0, else α(eˣ − 1))"),
        QT_TRANSLATE_NOOP("ActivationViewer", "f′(x) = λ if x > 0, else f(x) + λα    (λ ≈ 1.05, α ≈ 1.67)"),
        QT_TRANSLATE_NOOP("ActivationViewer", "(−λα, ∞) ≈ (−1.76, ∞)"),
        QT_TRANSLATE_NOOP("ActivationViewer",
                          "A scaled ELU that keeps activations normalised by itself in deep "
                          "fully connected networks."),
    ),
    "softplus": ActivationText(
        QT_TRANSLATE_NOOP("ActivationViewer", "Softplus"),
        QT_TRANSLATE_NOOP("ActivationViewer", "f(x) = ln(1 + eˣ)"),
        QT_TRANSLATE_NOOP("ActivationViewer", "f′(x) = σ(x) = 1 / (1 + e^(−x))"),
        QT_TRANSLATE_NOOP("ActivationViewer", "(0, ∞)"),
        QT_TRANSLATE_NOOP("ActivationViewer",
                          "A smooth ReLU without a corner; its slope is the sigmoid."),
    ),
    "silu": ActivationText(
        QT_TRANSLATE_NOOP("ActivationViewer", "SiLU (Swish)"),
        QT_TRANSLATE_NOOP("ActivationViewer", "f(x) = x · σ(x)"),
        QT_TRANSLATE_NOOP("ActivationViewer", "f′(x) = σ(x) · (1 + x(1 − σ(x)))"),
        QT_TRANSLATE_NOOP("ActivationViewer", "≈ [−0.28, ∞)"),
        QT_TRANSLATE_NOOP("ActivationViewer",
                          "A smooth ReLU that dips a little below 0; works well in deep networks."),
    ),
    "gelu": ActivationText(
        QT_TRANSLATE_NOOP("ActivationViewer", "GELU"),
        QT_TRANSLATE_NOOP("ActivationViewer", "f(x) = ½x(1 + tanh(√(2/π)(x + 0.044715x³)))"),
        QT_TRANSLATE_NOOP("ActivationViewer",
                          "f′(x) = ½(1 + tanh u) + ½x(1 − tanh² u)·u′,  u = √(2/π)(x + 0.044715x³)"),
        QT_TRANSLATE_NOOP("ActivationViewer", "≈ [−0.17, ∞)"),
        QT_TRANSLATE_NOOP("ActivationViewer",
                          "Like SiLU, a smooth ReLU: the usual choice in Transformers (BERT, GPT)."),
    ),
    "softmax": ActivationText(
        QT_TRANSLATE_NOOP("ActivationViewer", "Softmax"),
        QT_TRANSLATE_NOOP("ActivationViewer", "fᵢ(x) = e^(xᵢ) / Σⱼ e^(xⱼ)"),
        QT_TRANSLATE_NOOP("ActivationViewer", "∂fᵢ/∂xᵢ = fᵢ · (1 − fᵢ)"),
        QT_TRANSLATE_NOOP("ActivationViewer", "(0, 1), and the outputs add up to 1"),
        QT_TRANSLATE_NOOP("ActivationViewer",
                          "Output layer for several classes: turns scores into probabilities."),
        QT_TRANSLATE_NOOP("ActivationViewer",
                          "Drawn for two inputs (x, 0): softmax₁(x, 0) = eˣ / (eˣ + 1) = σ(x), "
                          "the sigmoid."),
    ),
    MAXOUT: ActivationText(
        QT_TRANSLATE_NOOP("ActivationViewer", "Maxout"),
        QT_TRANSLATE_NOOP("ActivationViewer", "f(x) = maxₖ (wₖx + bₖ)"),
        QT_TRANSLATE_NOOP("ActivationViewer", "f′(x) = wₖ of the line on top"),
        QT_TRANSLATE_NOOP("ActivationViewer", "(−∞, ∞), set by the lines"),
        QT_TRANSLATE_NOOP("ActivationViewer",
                          "Learns its own shape from k lines (k times the weights). "
                          "With the lines 0 and x it is ReLU."),
        QT_TRANSLATE_NOOP("ActivationViewer",
                          "Dotted: the example lines. f is the highest one at each x; "
                          "f′ is that line's slope."),
    ),
}

#: Everything else the viewer writes.
UI = {
    "heading": QT_TRANSLATE_NOOP("ActivationViewer", "Activation functions"),
    "range": QT_TRANSLATE_NOOP("ActivationViewer", "Output range  {range}"),
    "use": QT_TRANSLATE_NOOP("ActivationViewer", "When to use:"),
    "hover_hint": QT_TRANSLATE_NOOP("ActivationViewer", "Point at the plot to read f(x) and f′(x)"),
    "readout": QT_TRANSLATE_NOOP("ActivationViewer", "x = {x}     f(x) = {f}     f′(x) = {df}"),
    "lines": QT_TRANSLATE_NOOP("ActivationViewer", "lines"),
    "tile_tooltip": QT_TRANSLATE_NOOP("ActivationViewer", "{label}: {formula}"),
    "accessible": QT_TRANSLATE_NOOP("ActivationViewer", "Activation function viewer"),
}

# --- parameters --------------------------------------------------------------------------


@dataclass(frozen=True)
class ParameterSpec:
    """A slider for one parameter: ``key`` as the engine names it, its range and step."""

    key: str
    symbol: str
    minimum: float
    maximum: float
    step: float
    default: float
    caption: str
    decimals: int = 2

    @property
    def ticks(self) -> int:
        return round((self.maximum - self.minimum) / self.step)

    def to_tick(self, value: float) -> int:
        return min(self.ticks, max(0, round((value - self.minimum) / self.step)))

    def from_tick(self, tick: int) -> float:
        return round(self.minimum + tick * self.step, 10)


PARAMETERS: dict[str, ParameterSpec] = {
    "leaky_relu": ParameterSpec("alpha", "α", 0.0, 0.5, 0.01, 0.1,
                                QT_TRANSLATE_NOOP("ActivationViewer", "Slope for x < 0")),
    "elu": ParameterSpec("alpha", "α", 0.1, 2.0, 0.05, 1.0,
                         QT_TRANSLATE_NOOP("ActivationViewer", "Lowest value −α")),
    MAXOUT: ParameterSpec("k", "k", 2, 4, 1, 3,
                          QT_TRANSLATE_NOOP("ActivationViewer", "Number of lines"), decimals=0),
}

#: Maxout's example lines (w, b), in the order they are added as k grows: 0 and x give
#: ReLU; −0.5x − 1 lifts the left side; 0.5x + 0.5 rounds the corner.
MAXOUT_LINES = np.array([[0.0, 0.0], [1.0, 0.0], [-0.5, -1.0], [0.5, 0.5]])

X_RANGE = (-5.0, 5.0)
#: The view shows a little more than X_RANGE so that the ticks at −5 and 5 are drawn.
X_VIEW = (-5.3, 5.3)
#: Activations whose f or f′ jumps at 0 (the plot draws the jump as a vertical step).
_BREAK_AT_ZERO = ("step", "sign", "relu", "leaky_relu", "elu", "selu")


def default_parameters(name: str) -> dict[str, float]:
    spec = PARAMETERS.get(name)
    return {spec.key: spec.default} if spec else {}


def _maxout_lines(params: dict) -> np.ndarray:
    k = params.get("k", PARAMETERS[MAXOUT].default)
    if not isinstance(k, (int, float)) or not 2 <= k <= len(MAXOUT_LINES) or k != int(k):
        raise ConfigError("activation.k", k, f"maxout shows 2 to {len(MAXOUT_LINES)} lines")
    return MAXOUT_LINES[: int(k)]


def _check(name: str, params: dict) -> None:
    """Raise :class:`ConfigError` unless ``name`` and ``params`` describe an activation."""
    if name == MAXOUT:
        unknown = set(params) - {"k"}
        if unknown:
            raise ConfigError(f"activation.{unknown.pop()}", None, "maxout takes only k")
        _maxout_lines(params)
    else:
        make_activation(name, **params)  # the engine validates names and parameters


def curve(name: str, xs, **params) -> tuple[np.ndarray, np.ndarray]:
    """f(xs) and f′(xs) of the activation ``name``, as the plot shows them.

    Element-wise activations are the engine's own ``__call__`` and ``derivative``; softmax
    is softmax₁(x, 0) and its diagonal derivative; maxout is the maximum of the first
    ``k`` :data:`MAXOUT_LINES` and the slope of the winner.
    """
    xs = np.asarray(xs, dtype=float)
    if name == MAXOUT:
        lines = _maxout_lines(params)
        values = xs[..., None] * lines[:, 0] + lines[:, 1]
        top = np.argmax(values, axis=-1)
        return np.take_along_axis(values, top[..., None], axis=-1)[..., 0], lines[top, 0]
    if name == Softmax.name:
        act = make_activation(name, **params)
        pairs = np.stack([xs, np.zeros_like(xs)], axis=-1).reshape(-1, 2)
        f = act(pairs)[:, 0].reshape(xs.shape)
        df = act.derivative(pairs)[:, 0].reshape(xs.shape)
        return f, df
    act = make_activation(name, **params)
    return act(xs), np.asarray(act.derivative(xs), dtype=float)


def breakpoints(name: str, **params) -> np.ndarray:
    """Where f or f′ of ``name`` jumps inside :data:`X_RANGE` (sorted)."""
    if name in _BREAK_AT_ZERO:
        return np.array([0.0])
    if name == MAXOUT:
        lines = _maxout_lines(params)
        xs = np.linspace(*X_RANGE, 4001)
        top = np.argmax(xs[:, None] * lines[:, 0] + lines[:, 1], axis=1)
        changes = np.flatnonzero(np.diff(top))
        found = []
        for i in changes:  # the exact crossing of the two winners
            (w1, b1), (w2, b2) = lines[top[i]], lines[top[i + 1]]
            found.append((b2 - b1) / (w1 - w2))
        return np.array(found)
    return np.array([])


def plot_curve(name: str, xs, **params) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(x, f, f′) for drawing: like :func:`curve`, with each jump drawn vertically.

    At a break b the x values hold b twice, with the left limit then the right limit of
    f and f′, so the line goes straight up or down instead of slanting across.
    """
    xs = np.asarray(xs, dtype=float)
    breaks = breakpoints(name, **params)
    if breaks.size == 0:
        return (xs, *curve(name, xs, **params))
    eps = 1e-9
    keep = xs[~np.isin(xs, breaks)]
    where = np.concatenate([keep, breaks, breaks])
    probe = np.concatenate([keep, breaks - eps, breaks + eps])
    order = np.argsort(probe, kind="stable")
    f, df = curve(name, probe[order], **params)
    return where[order], f, df


# --- look ------------------------------------------------------------------------------------

INK = theme.COLORS.ink
MUTED = theme.COLORS.muted
ACCENT = theme.COLORS.accent
AXIS_INK = "#546e7a"  # the axes through the origin
EDGE_AXIS = "#8a9aa3"

#: Point sizes at 100 % (``set_ui_scale`` multiplies them). Nothing under 11 pt.
POINTS = {
    "title": 20.0,
    "formula": 15.0,
    "note": 12.5,
    "tick": 12.0,
    "axis": 13.0,
    "legend": 13.0,
    "readout": 13.0,
    "tile": 11.0,
    "heading": 11.0,
    "caption": 11.0,
}
F_WIDTH, DF_WIDTH = 4.0, 3.2


def _font(role: str, scale: float, bold: bool = False) -> QFont:
    font = theme.base_font()
    font.setPointSizeF(POINTS[role] * scale)
    if bold:
        font.setWeight(QFont.Weight.Bold)
    return font


def _slider_style(scale: float) -> str:
    """A slider with a thick track and a big round handle, easy to see when projected."""
    c = theme.COLORS
    track = 2 * round(3 * scale)
    margin = round(7 * scale)
    border = max(2, round(2 * scale))
    handle = track + 2 * margin  # outer size; a radius above half of it would be ignored
    return f"""
QSlider {{ min-height: {handle + 4}px; }}
QSlider::groove:horizontal {{ height: {track}px; background: {c.border}; border-radius: {track // 2}px; }}
QSlider::sub-page:horizontal {{ background: {c.accent}; border-radius: {track // 2}px; }}
QSlider::handle:horizontal {{
    width: {handle - 2 * border}px; margin: -{margin}px 0;
    border-radius: {handle // 2}px; background: {c.surface}; border: {border}px solid {c.accent};
}}
QSlider::handle:horizontal:hover {{ background: {c.accent_soft}; }}
QSlider::handle:horizontal:focus {{ border-color: {c.accent_pressed}; }}
"""


def _number(value: float, decimals: int = 3) -> str:
    if not math.isfinite(value):
        return "—"
    text = f"{value + 0.0:.{decimals}f}"
    if text.startswith("-"):
        text = "−" + text[1:]
        if float(text[1:]) == 0:
            text = text[1:]
    return text


# --- the tiles -------------------------------------------------------------------------------


class ActivationTile(QAbstractButton):
    """A card with a sparkline of f and the activation's name; checked when on show."""

    SPARK_POINTS = 161

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.name = name
        self._scale = 1.0
        self._path: tuple[np.ndarray, np.ndarray] | None = None
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.set_ui_scale(1.0)

    def set_ui_scale(self, scale: float) -> None:
        self._scale = scale
        self.setFont(_font("tile", scale))
        self.setFixedHeight(int(round(10 * scale + self._spark_height() + self.fontMetrics().height() + 4)))
        self.update()

    def _spark_height(self) -> int:
        return int(round(36 * self._scale))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(int(120 * self._scale), self.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(int(90 * self._scale), self.height())

    def set_parameters(self, params: dict) -> None:
        """Draw the sparkline for these parameters (e.g. the α chosen with the slider)."""
        xs = np.linspace(*X_RANGE, self.SPARK_POINTS)
        x, f, _ = plot_curve(self.name, xs, **params)
        self._path = (x, f)
        self.update()

    def paintEvent(self, event):  # noqa: N802 (Qt override)
        c = theme.COLORS
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        checked, hovered = self.isChecked(), self.underMouse()
        theme.paint_tile_card(p, card, checked, hovered)

        pad = 6 * self._scale
        spark = QRectF(card.left() + pad + 2, card.top() + pad, card.width() - 2 * pad - 4, self._spark_height())
        if self._path is not None:
            self._draw_sparkline(p, spark)

        font = QFont(self.font())
        if checked:
            font.setWeight(QFont.Weight.Bold)
        p.setFont(font)
        p.setPen(QColor(c.ink))
        text_rect = QRectF(card.left() + 2, spark.bottom() + 2, card.width() - 4, p.fontMetrics().height() + 2)
        text = p.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, int(text_rect.width()))
        p.drawText(text_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)

        if self.hasFocus() and not checked:
            p.setPen(QPen(QColor(c.accent), 1.5, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(card.adjusted(2, 2, -2, -2), 5, 5)
        p.end()

    def _draw_sparkline(self, p: QPainter, rect: QRectF) -> None:
        x, f = self._path
        lo, hi = min(float(f.min()), 0.0), max(float(f.max()), 1.0)
        span = (hi - lo) or 1.0
        lo, hi = lo - 0.08 * span, hi + 0.08 * span
        x0, x1 = X_RANGE

        def to_px(xv, yv):
            return (rect.left() + (xv - x0) / (x1 - x0) * rect.width(),
                    rect.bottom() - (yv - lo) / (hi - lo) * rect.height())

        p.setPen(QPen(QColor("#b0bec5"), 1))
        ox, oy = to_px(0.0, 0.0)
        p.drawLine(QPointF(rect.left(), oy), QPointF(rect.right(), oy))
        p.drawLine(QPointF(ox, rect.top()), QPointF(ox, rect.bottom()))
        px, py = to_px(x, f)
        path = QPainterPath(QPointF(px[0], py[0]))
        for a, b in zip(px[1:], py[1:]):
            path.lineTo(a, b)
        pen = QPen(QColor(INK), 2.2 * self._scale)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)


# --- the large plot ----------------------------------------------------------------------------


class _MinusAxis(pg.AxisItem):
    """Tick labels with a true minus sign (−2, not -2): easier to read from afar."""

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph override)
        return [text.replace("-", "−") for text in super().tickStrings(values, scale, spacing)]


class _StillPlot(pg.PlotWidget):
    """A plot students cannot pan, zoom or open menus on; reports when the mouse leaves."""

    left = Signal()

    def __init__(self, parent=None):
        axes = {side: _MinusAxis(side) for side in ("left", "bottom")}
        super().__init__(parent, background=theme.COLORS.surface, axisItems=axes, enableMenu=False)
        item = self.getPlotItem()
        item.hideButtons()
        item.setMenuEnabled(False)
        item.setMouseEnabled(x=False, y=False)
        self.setAntialiasing(True)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def wheelEvent(self, event):  # noqa: N802 (Qt override)
        event.ignore()

    def leaveEvent(self, event):  # noqa: N802 (Qt override)
        super().leaveEvent(event)
        self.left.emit()


class ActivationViewer(QWidget):
    """The gallery: tiles on the left, the chosen activation large on the right.

    * ``set_activation(name, **params)`` shows an activation (names of
      :data:`engine.activations.ACTIVATION_NAMES`; ``alpha`` for Leaky ReLU and ELU,
      ``k`` = 2…4 lines for maxout); ``activation()`` and ``parameters()`` tell what is on
      show.
    * ``activation_chosen(name)`` is emitted when the user clicks a tile (not when the
      program calls ``set_activation``).
    * ``set_ui_scale(scale)`` enlarges fonts, lines and tiles for a projector (1.0 … 2.5).
    """

    activation_chosen = Signal(str)
    SAMPLES = 1001

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._name = "tanh"
        self._params: dict[str, dict[str, float]] = {n: default_parameters(n) for n in ACTIVATION_NAMES}
        self._scale = 1.0
        self._hover_x: float | None = None
        self.setAccessibleName(_tr(UI["accessible"]))

        # left: the tiles
        self.heading = QLabel()
        theme.set_role(self.heading, "heading")
        self.heading.setWordWrap(True)  # a longer translation wraps instead of widening the tiles
        self.tiles: dict[str, ActivationTile] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 4, 0)
        grid.setSpacing(6)
        for i, name in enumerate(ACTIVATION_NAMES):
            tile = ActivationTile(name)
            tile.set_parameters(self._params[name])
            tile.clicked.connect(lambda _=False, n=name: self._tile_clicked(n))
            self._group.addButton(tile)
            self.tiles[name] = tile
            grid.addWidget(tile, i // 2, i % 2)
        grid.setRowStretch(grid.rowCount(), 1)
        scroll = QScrollArea()
        scroll.setWidget(grid_host)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll = scroll
        left = QVBoxLayout()
        left.setSpacing(8)
        left.addWidget(self.heading)
        left.addWidget(scroll, 1)

        # right: the chosen activation
        self.title = QLabel()
        self.range_label = QLabel()
        self.range_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.formula_label = QLabel()
        self.derivative_label = QLabel()
        self.use_label = QLabel()
        self.note_label = QLabel()
        for label in (self.formula_label, self.derivative_label, self.use_label, self.note_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setStyleSheet(f"color: {INK};")
        self.range_label.setStyleSheet(f"color: {MUTED};")
        self.formula_label.setStyleSheet(f"color: {INK};")
        self.derivative_label.setStyleSheet(f"color: {ACCENT};")
        self.use_label.setStyleSheet(f"color: {INK};")
        # the note sits in a framed box: padding on the label itself makes Qt reserve a
        # second line for text that fits on one
        self.note_label.setStyleSheet(f"color: {INK}; background: transparent;")
        self._note_box = QFrame()
        self._note_box.setObjectName("activationNote")
        self._note_box.setStyleSheet(
            "QFrame#activationNote { background: #fff8e1; border-left: 4px solid #8d6e00; }")
        note_layout = QVBoxLayout(self._note_box)
        note_layout.setContentsMargins(12, 4, 8, 4)
        note_layout.addWidget(self.note_label)

        self.plot = _StillPlot()
        self.plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.plot.setMinimumSize(240, 180)
        self._build_plot()

        self.readout = QLabel()
        self.param_caption = QLabel()
        self.param_caption.setStyleSheet(f"color: {MUTED};")
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setMinimumWidth(160)
        self.slider.valueChanged.connect(self._slider_moved)
        self.param_value = QLabel()
        self.param_value.setMinimumWidth(70)
        self.param_value.setStyleSheet(f"color: {INK};")
        self._param_row = QWidget()
        row = QHBoxLayout(self._param_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        row.addWidget(self.param_caption)
        row.addWidget(self.slider, 1)
        row.addWidget(self.param_value)

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.range_label)
        right = QVBoxLayout()
        right.setSpacing(4)
        right.addLayout(head)
        right.addWidget(self.formula_label)
        right.addWidget(self.derivative_label)
        right.addSpacing(4)
        right.addWidget(self.use_label)
        right.addWidget(self._note_box)
        right.addWidget(self._param_row)
        right.addWidget(self.plot, 1)
        right.addWidget(self.readout)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(16)
        layout.addLayout(left, 0)
        layout.addLayout(right, 1)

        self._apply_scale()
        self._retranslate()
        self.set_activation(self._name)
        theme.on_change(self.restyle)

    def restyle(self) -> None:
        """The theme changed (gui.theme.on_change): text, note box and plot in its colours."""
        global INK, MUTED, ACCENT, AXIS_INK, EDGE_AXIS
        c = theme.COLORS
        INK, MUTED, ACCENT, AXIS_INK, EDGE_AXIS = c.ink, c.muted, c.accent, c.hover_outline, c.plot_axis
        for label, color in ((self.title, INK), (self.range_label, MUTED), (self.formula_label, INK),
                             (self.derivative_label, ACCENT), (self.use_label, INK),
                             (self.param_caption, MUTED), (self.param_value, INK), (self.readout, MUTED)):
            label.setStyleSheet(f"color: {color};")
        self.note_label.setStyleSheet(f"color: {INK}; background: transparent;")
        self._note_box.setStyleSheet(
            f"QFrame#activationNote {{ background: {c.note_bg}; border-left: 4px solid {c.note_border}; }}")
        self.plot.setBackground(c.surface)
        self._apply_scale()
        self._redraw()

    # -- plot set-up ---------------------------------------------------------------------------
    def _build_plot(self) -> None:
        item = self.plot.getPlotItem()
        self.view = item.getViewBox()
        self.view.setDefaultPadding(0.0)
        self.view.disableAutoRange()
        item.showGrid(x=True, y=True, alpha=0.12)
        self.origin_lines = [
            pg.InfiniteLine(pos=0.0, angle=angle, movable=False) for angle in (90, 0)
        ]
        for line in self.origin_lines:
            line.setZValue(-5)
            item.addItem(line, ignoreBounds=True)
        self.example_lines: list[pg.PlotDataItem] = []
        self.f_item = pg.PlotDataItem(antialias=True)
        self.df_item = pg.PlotDataItem(antialias=True)
        self.f_item.setZValue(2)
        self.df_item.setZValue(3)  # dashes stay visible where f′ runs along f (step, ReLU)
        item.addItem(self.f_item)
        item.addItem(self.df_item)
        self.jump_dots = pg.ScatterPlotItem(pxMode=True, antialias=True)
        self.jump_dots.setZValue(4)
        item.addItem(self.jump_dots)
        self.cross_v = pg.InfiniteLine(angle=90, movable=False)
        self.cross_h = pg.InfiniteLine(angle=0, movable=False)
        self.hover_dots = pg.ScatterPlotItem(pxMode=True, antialias=True)
        for part in (self.cross_v, self.cross_h, self.hover_dots):
            part.setZValue(6)
            part.setVisible(False)
            item.addItem(part, ignoreBounds=True)
        self.legend = item.addLegend(offset=(14, 10))
        self.view.sigResized.connect(self._update_ticks)
        self.plot.scene().sigMouseMoved.connect(self._mouse_moved)
        self.plot.left.connect(lambda: self.show_values_at(None))

    def _style_plot(self) -> None:
        s = self._scale
        item = self.plot.getPlotItem()
        tick_font = _font("tick", s)
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setStyle(tickFont=tick_font, tickTextOffset=int(6 * s), tickLength=int(-6 * s))
            axis.setPen(pg.mkPen(EDGE_AXIS, width=1))
            axis.setTextPen(pg.mkPen(INK))
            axis.enableAutoSIPrefix(False)
        item.getAxis("bottom").setLabel("x", **{"font-size": f"{POINTS['axis'] * s:g}pt", "color": INK})
        item.getAxis("left").setWidth(int(52 * s))
        self._update_ticks()
        for line in self.origin_lines:
            line.setPen(pg.mkPen(AXIS_INK, width=1.6 * s))
        self.f_item.setPen(self._pen(INK, F_WIDTH))
        self.df_item.setPen(self._pen(ACCENT, DF_WIDTH, dashed=True))
        self.hover_dots.setSize(11 * s)
        for line in (self.cross_v, self.cross_h):
            line.setPen(pg.mkPen(MUTED, width=1.2 * s, style=Qt.PenStyle.DashLine))
        legend = self.legend
        legend.setLabelTextSize(f"{POINTS['legend'] * s:g}pt")
        legend.setLabelTextColor(INK)
        legend.setBrush(pg.mkBrush(QColor(theme.COLORS.surface)))
        legend.setPen(pg.mkPen(theme.COLORS.border))

    def _update_ticks(self) -> None:
        """x ticks every 1, or every 2 when the plot is too narrow for eleven labels."""
        room = self.view.width() / (X_VIEW[1] - X_VIEW[0])  # pixels per unit of x
        needed = 3.2 * POINTS["tick"] * self._scale  # "−5" and a gap, in pixels
        step = 1 if room >= needed else 2
        ticks = [(float(v), _number(v, 0)) for v in range(-5, 6) if v % step == 0]
        self.plot.getPlotItem().getAxis("bottom").setTicks([ticks])

    def _pen(self, color: str, width: float, dashed: bool = False) -> QPen:
        pen = pg.mkPen(color, width=width * self._scale)
        if dashed:
            pen.setStyle(Qt.PenStyle.CustomDashLine)
            pen.setDashPattern([3.0, 1.6])
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    # -- API -----------------------------------------------------------------------------------
    def activation(self) -> str:
        """The name of the activation on show."""
        return self._name

    def parameters(self) -> dict[str, float]:
        """Its parameters as shown (e.g. ``{"alpha": 0.1}``; empty when it has none)."""
        return dict(self._params[self._name])

    def set_activation(self, name: str, **params: float) -> None:
        """Show ``name`` with ``params`` (the others keep their last or default values).

        Raises :class:`~engine.errors.ConfigError` for an unknown name or parameter.
        """
        merged = {**self._params.get(name, {}), **params}
        _check(name, merged)
        self._name = name
        self._params[name] = merged
        tile = self.tiles[name]
        if not tile.isChecked():
            tile.setChecked(True)
        if params:
            tile.set_parameters(merged)
        self._show_texts()
        self._show_parameter()
        self._redraw()

    @staticmethod
    def curve(name: str, xs, **params) -> tuple[np.ndarray, np.ndarray]:
        """f(xs), f′(xs) as drawn (see the module function :func:`curve`)."""
        return curve(name, xs, **params)

    def set_ui_scale(self, scale: float) -> None:
        """Scale fonts, line widths and tiles (1.0 = 100 %; a projector may want 1.5–2.5)."""
        self._scale = max(0.5, float(scale))
        self._apply_scale()
        self._redraw()

    def readout_text(self) -> str:
        return self.readout.text()

    # -- drawing -------------------------------------------------------------------------------
    def _redraw(self) -> None:
        name, params = self._name, self._params[self._name]
        xs = np.linspace(*X_RANGE, self.SAMPLES)
        x, f, df = plot_curve(name, xs, **params)
        self.f_item.setData(x, f)
        self.df_item.setData(x, df)
        self._draw_jump_dots(name, params)
        self._draw_example_lines(name, params)
        self._rebuild_legend()
        lo, hi = self._y_range(name, params)
        self.view.setRange(xRange=X_VIEW, yRange=(lo, hi), padding=0.0)
        if self._hover_x is not None:
            self.show_values_at(self._hover_x)

    def _draw_jump_dots(self, name: str, params: dict) -> None:
        """Step and sign: a filled dot where f(0) is and an open one where it is not."""
        cls = ACTIVATIONS.get(name)
        if cls is None or not cls.flat:
            self.jump_dots.setData([], [])
            return
        at, below = curve(name, np.array([0.0, -1e-9]), **params)[0]
        size = 13 * self._scale
        self.jump_dots.setData(
            [0.0, 0.0], [at, below], size=size, symbol="o",
            pen=[pg.mkPen(INK, width=2.5 * self._scale)] * 2,
            brush=[pg.mkBrush(INK), pg.mkBrush(theme.COLORS.surface)],
        )

    def _draw_example_lines(self, name: str, params: dict) -> None:
        item = self.plot.getPlotItem()
        for line in self.example_lines:
            item.removeItem(line)
        self.example_lines = []
        if name != MAXOUT:
            return
        pen = pg.mkPen("#607d8b", width=3.0 * self._scale)
        pen.setStyle(Qt.PenStyle.CustomDashLine)
        pen.setDashPattern([0.01, 2.2])  # round dots, one pen-width apart
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        for w, b in _maxout_lines(params):
            line = pg.PlotDataItem(list(X_RANGE), [w * X_RANGE[0] + b, w * X_RANGE[1] + b], pen=pen)
            line.setZValue(1)
            item.addItem(line)
            self.example_lines.append(line)

    def _rebuild_legend(self) -> None:
        self.legend.clear()
        self.legend.addItem(self.f_item, "f(x)")
        self.legend.addItem(self.df_item, "f′(x)")
        if self.example_lines:
            self.legend.addItem(self.example_lines[0], _tr(UI["lines"]))

    @staticmethod
    def _y_range(name: str, params: dict) -> tuple[float, float]:
        """A y range that holds f and f′ for every value of the slider, so the axes do not
        jump while it moves; 0 and 1 always in view."""
        spec = PARAMETERS.get(name)
        variants = [params]
        if spec:
            variants += [{**params, spec.key: spec.minimum}, {**params, spec.key: spec.maximum}]
        xs = np.linspace(*X_RANGE, 201)
        lo, hi = 0.0, 1.0
        for p in variants:
            for values in curve(name, xs, **p):
                lo, hi = min(lo, float(values.min())), max(hi, float(values.max()))
        span = hi - lo
        return lo - 0.1 * span, hi + 0.12 * span

    # -- texts ---------------------------------------------------------------------------------
    def _texts(self, name: str) -> ActivationText:
        text = TEXTS.get(name)
        if text is None:  # an activation added to the engine before its words here
            cls = ACTIVATIONS[name]
            text = ActivationText(cls.label, cls.formula.replace("z", "x").replace("ᶻ", "ˣ"), "", "", "")
        return text

    def _show_texts(self) -> None:
        text = self._texts(self._name)
        self.title.setText(_tr(text.label))
        self.range_label.setText(_tr(UI["range"]).format(range=_tr(text.output_range)))
        self.formula_label.setText(_tr(text.formula))
        self.derivative_label.setText(_tr(text.derivative))
        self.use_label.setText(
            f"<b>{html.escape(_tr(UI['use']))}</b> {html.escape(_tr(text.use))}" if text.use else "")
        self.note_label.setText(_tr(text.plot_note))
        self._note_box.setVisible(bool(text.plot_note))
        if self._hover_x is None:
            self._show_hint()

    def _retranslate(self) -> None:
        self.heading.setText(_tr(UI["heading"]))
        for name, tile in self.tiles.items():
            text = self._texts(name)
            tile.setText(_tr(text.label))
            tile.setAccessibleName(_tr(text.label))
            tile.setToolTip(_tr(UI["tile_tooltip"]).format(label=_tr(text.label), formula=_tr(text.formula)))
        self.setAccessibleName(_tr(UI["accessible"]))
        self._show_texts()
        self._show_parameter()
        self._rebuild_legend()

    def changeEvent(self, event):  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _apply_scale(self) -> None:
        s = self._scale
        heading = theme.heading_font()
        heading.setPointSizeF(POINTS["heading"] * s)
        self.heading.setFont(heading)
        self.title.setFont(_font("title", s, bold=True))
        self.range_label.setFont(_font("note", s))
        self.formula_label.setFont(_font("formula", s))
        self.derivative_label.setFont(_font("formula", s))
        self.use_label.setFont(_font("note", s))
        self.note_label.setFont(_font("note", s))
        self.readout.setFont(_font("readout", s))
        self.param_caption.setFont(_font("caption", s))
        self.param_value.setFont(_font("readout", s, bold=True))
        self.slider.setStyleSheet(_slider_style(s))
        for tile in self.tiles.values():
            tile.set_ui_scale(s)
        self._fit_tiles()
        self._style_plot()

    def _fit_tiles(self) -> None:
        """Two columns of tiles, never more than a third of the width: the plot comes first."""
        wanted = 2 * 128 * self._scale + 12
        self._scroll.setFixedWidth(int(min(wanted, max(220, 0.32 * self.width()))))

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_tiles()

    # -- parameters ----------------------------------------------------------------------------
    def _show_parameter(self) -> None:
        spec = PARAMETERS.get(self._name)
        self._param_row.setVisible(spec is not None)
        if spec is None:
            return
        value = self._params[self._name][spec.key]
        self.param_caption.setText(_tr(spec.caption))
        was = self.slider.blockSignals(True)
        self.slider.setRange(0, spec.ticks)
        self.slider.setPageStep(max(1, spec.ticks // 10))
        self.slider.setValue(spec.to_tick(value))
        self.slider.blockSignals(was)
        self._show_parameter_value(spec, value)

    def _show_parameter_value(self, spec: ParameterSpec, value: float) -> None:
        self.param_value.setText(f"{spec.symbol} = {value:.{spec.decimals}f}")

    def _slider_moved(self, tick: int) -> None:
        spec = PARAMETERS.get(self._name)
        if spec is None:
            return
        value = spec.from_tick(tick)
        if spec.decimals == 0:
            value = int(value)
        self._params[self._name] = {**self._params[self._name], spec.key: value}
        self._show_parameter_value(spec, value)
        self.tiles[self._name].set_parameters(self._params[self._name])
        self._redraw()

    # -- tiles and hover -----------------------------------------------------------------------
    def _tile_clicked(self, name: str) -> None:
        self.set_activation(name)
        self.activation_chosen.emit(name)

    def _mouse_moved(self, scene_pos) -> None:
        if not self.view.sceneBoundingRect().contains(scene_pos):
            self.show_values_at(None)
            return
        x = self.view.mapSceneToView(scene_pos).x()
        self.show_values_at(x if X_RANGE[0] <= x <= X_RANGE[1] else None)

    def show_values_at(self, x: float | None) -> None:
        """Put the crosshair at ``x`` and write x, f(x), f′(x) below the plot (None hides it)."""
        self._hover_x = x
        visible = x is not None
        for part in (self.cross_v, self.cross_h, self.hover_dots):
            part.setVisible(visible)
        if not visible:
            self._show_hint()
            return
        f, df = (float(v[0]) for v in curve(self._name, np.array([x]), **self._params[self._name]))
        self.cross_v.setPos(x)
        self.cross_h.setPos(f)
        self.hover_dots.setData(
            [x, x], [f, df], size=11 * self._scale, symbol="o",
            pen=[pg.mkPen(theme.COLORS.surface, width=2)] * 2,
            brush=[pg.mkBrush(INK), pg.mkBrush(ACCENT)],
        )
        self.readout.setStyleSheet(f"color: {INK};")
        self.readout.setText(_tr(UI["readout"]).format(x=_number(x, 2), f=_number(f), df=_number(df)))

    def _show_hint(self) -> None:
        self.readout.setStyleSheet(f"color: {MUTED};")
        self.readout.setText(_tr(UI["hover_hint"]))
