"""What an optimizer race is made of, without widgets: lanes, colours, parameter names, demos.

* :data:`LANE_COLORS` — one Okabe–Ito colour per lane (colour-blind safe, and none of them
  the orange/blue pair the app keeps for data and weights), used for the legend, curves,
  region frames and paths alike.
* :data:`OPTIMIZER_NAMES` and :data:`DEFAULT_LANES` — the optimizers on offer and the four
  a race starts with (SGD, Momentum, RMSprop, Adam at learning rates that suit each).
* :func:`parameter_name` — a flat parameter index as a reader says it: ``w x₁→out``,
  ``b h1.2`` (bias of neuron 2 in hidden layer 1).
* :class:`RaceSource` and :func:`demo_source` — what is raced: a copy of the document, or
  one of the two-weight demos (one neuron, two free parameters), which never touch the
  document.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.datasets import Dataset, generate
from engine.network import Network
from engine.training import TrainingConfig
from gui.canvas.labels import feature_label
from gui.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "RaceSetup"

#: Okabe & Ito (2008): black, vermillion, bluish green, reddish purple.
LANE_COLORS: tuple[str, ...] = ("#1a1a1a", "#d55e00", "#009e73", "#cc79a7")
#: line styles per lane as well, so the curves stay apart in grey print and for any eye
LANE_DASHES: tuple[str, ...] = ("solid", "dash", "solid", "dashdot")

#: (registry name, label to show): the optimizers a lane can use, in menu order.
OPTIMIZER_NAMES: tuple[tuple[str, str], ...] = (
    ("sgd", QT_TRANSLATE_NOOP("RaceSetup", "SGD")),
    ("momentum", QT_TRANSLATE_NOOP("RaceSetup", "Momentum")),
    ("nesterov", QT_TRANSLATE_NOOP("RaceSetup", "Nesterov")),
    ("adagrad", QT_TRANSLATE_NOOP("RaceSetup", "Adagrad")),
    ("adadelta", QT_TRANSLATE_NOOP("RaceSetup", "Adadelta")),
    ("rmsprop", QT_TRANSLATE_NOOP("RaceSetup", "RMSprop")),
    ("adam", QT_TRANSLATE_NOOP("RaceSetup", "Adam")),
    ("adamw", QT_TRANSLATE_NOOP("RaceSetup", "AdamW")),
    ("nadam", QT_TRANSLATE_NOOP("RaceSetup", "Nadam")),
    ("amsgrad", QT_TRANSLATE_NOOP("RaceSetup", "AMSGrad")),
)
_LABELS = dict(OPTIMIZER_NAMES)

#: A learning rate that suits each optimizer on Playground-sized problems (adaptive
#: optimizers take smaller steps than plain SGD needs).
SUGGESTED_RATES: dict[str, float] = {
    "sgd": 0.03, "momentum": 0.01, "nesterov": 0.01, "adagrad": 0.1, "adadelta": 1.0,
    "rmsprop": 0.003, "adam": 0.01, "adamw": 0.01, "nadam": 0.01, "amsgrad": 0.01,
}
DEFAULT_LANES: tuple[tuple[str, float], ...] = (("sgd", 0.03), ("momentum", 0.01), ("rmsprop", 0.003), ("adam", 0.01))
MIN_LANES, MAX_LANES = 2, 4


def optimizer_label(name: str) -> str:
    """The optimizer's short name, translated."""
    return translate("RaceSetup", _LABELS[name]) if name in _LABELS else name


def lane_title(name: str, rate: float) -> str:
    """How a lane is called on screen: "Adam (lr 0.01)"."""
    from gui.toolbar import format_rate

    return translate("RaceSetup", "{optimizer} (lr {rate})").format(optimizer=optimizer_label(name),
                                                                     rate=format_rate(rate))


# ---------------------------------------------------------------------- parameter names
def _unit_name(net: Network, column: int, j: int) -> str:
    """Unit ``j`` of ``column`` (0 = inputs): x₁, h1.2, out (out2 with several outputs)."""
    if column == 0:
        name = net.features[j]
        return feature_label(name)
    if column == len(net.sizes) - 1:
        out = translate("RaceSetup", "out")
        return out if net.n_outputs == 1 else f"{out}{j + 1}"
    return f"h{column}.{j + 1}"


def parameter_name(net: Network, index: int) -> str:
    """A flat index into ``net.params`` as a reader says it: ``w x₁→out``, ``b h1.2``."""
    for L in net.layers:
        if L.offset <= index < L.offset + L.size:
            row, col = divmod(index - L.offset, L.m)
            j, piece = divmod(col, L.k)
            dst = _unit_name(net, L.index + 1, j)
            suffix = f" #{piece + 1}" if L.k > 1 else ""
            if row == L.n_in:
                return f"b {dst}{suffix}"
            return f"w {_unit_name(net, L.index, row)}→{dst}{suffix}"
    raise IndexError(f"no parameter {index} (the network has {net.params.size})")


# ---------------------------------------------------------------------- what is raced
@dataclass
class RaceSource:
    """The network, data and settings of a race (copies: racing never changes them).

    ``kind`` is "document" or a demo's key; ``extent`` the loss surface's window (None:
    around the start); ``lanes`` the demo's suggested lanes (None: keep the user's).
    """

    kind: str
    network: Network
    dataset: Dataset
    config: TrainingConfig
    extent: tuple[float, float, float, float] | None = None
    lanes: tuple[tuple[str, float], ...] | None = None

    @property
    def is_document(self) -> bool:
        return self.kind == "document"


#: key → (menu text, description)
DEMOS: dict[str, tuple[str, str]] = {
    "valley": (
        QT_TRANSLATE_NOOP("RaceSetup", "Valley: a linear neuron fits a plane (weight and bias)"),
        QT_TRANSLATE_NOOP("RaceSetup", "One linear neuron on x₁, trained on the Plane data set with the "
                                       "whole data set as one batch. Its loss surface is a long, narrow "
                                       "valley: plain SGD zig-zags across it, momentum overshoots, RMSprop "
                                       "and Adam take even steps."),
    ),
    "and": (
        QT_TRANSLATE_NOOP("RaceSetup", "AND gate: a sigmoid neuron, its bias frozen (two weights)"),
        QT_TRANSLATE_NOOP("RaceSetup", "One sigmoid neuron learns the AND truth table with cross-entropy; "
                                       "the bias is frozen at −3, so only the weights of x₁ and x₂ learn. "
                                       "They start far apart, so the paths curve."),
    ),
}


def demo_source(key: str) -> RaceSource:
    """A two-weight demo: one neuron, exactly two free parameters, a fixed start."""
    if key == "valley":
        data = generate("reg_plane", 200, noise=10, train_ratio=1.0, seed=0)
        net = Network(["x1"], [{"size": 1, "activation": "linear"}], init="zeros")
        net.set_weight(0, 0, 0, -1.5)
        net.set_bias(0, 0, 2.5)
        config = TrainingConfig(batch_size=1000, shuffle=False, learning_rate=0.03)
        lanes = (("sgd", 0.14), ("momentum", 0.02), ("rmsprop", 0.01), ("adam", 0.05))
        return RaceSource("valley", net, data, config, (-2.5, 1.5, -1.0, 3.5), lanes)
    if key == "and":
        data = generate("and")
        net = Network(["x1", "x2"], [{"size": 1, "activation": "sigmoid"}], init="zeros")
        net.set_weight(0, 0, 0, -3.0)
        net.set_weight(0, 1, 0, 5.0)
        net.set_bias(0, 0, -3.0)
        net.freeze_bias(0, 0)
        config = TrainingConfig(batch_size=4, shuffle=False, loss="bce", learning_rate=0.5)
        lanes = (("sgd", 2.0), ("momentum", 0.5), ("rmsprop", 0.05), ("adam", 0.2))
        return RaceSource("and", net, data, config, (-4.0, 6.0, -2.0, 6.0), lanes)
    raise KeyError(key)


def document_source(doc) -> RaceSource:
    """Copies of the document's network, data and training settings."""
    import copy

    return RaceSource("document", doc.network.clone(), doc.dataset, copy.deepcopy(doc.training))
