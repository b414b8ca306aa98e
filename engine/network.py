"""A feed-forward network: ordered dense layers over a chosen set of input features.

Layer ``l`` connects the ``n_in`` units before it (the features for ``l = 0``) to its
``n_out`` neurons: zⱼ = Σᵢ wᵢⱼ aᵢ + bⱼ, aⱼ = f(zⱼ). A Maxout layer keeps k linear pieces
per neuron and outputs their maximum, aⱼ = maxₚ zⱼₚ.

Storage, chosen for speed at small batch sizes where per-call overhead dominates:

* every weight and bias lives in one flat float64 buffer ``params`` (``grads`` alike), so
  an optimizer update is a few whole-buffer operations;
* layer ``l`` is a view ``Wa`` of shape (n_in + 1, n_out·k) in that buffer whose last row
  is the bias, so with a column of ones appended to its input a layer is one ``matmul``
  and one ``matmul`` also gives both weight and bias gradients;
* work buffers are preallocated per batch size (:class:`Workspace`).

Removing a connection stores its weight aside and pins it at 0; freezing pins a weight or
bias at its value. Both are enforced by copying the pinned values back after each update
(``enforce_locks``), so a network with nothing removed or frozen pays nothing for them.
Structure (features, layer sizes, activations) is fixed for the lifetime of a
``Network``; edits that change it build a new one (see :meth:`Network.to_dict`).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Iterable, Sequence

import numpy as np

from .activations import ACTIVATION_NAMES, MAXOUT, Activation, make_activation, run_ops
from .errors import ConfigError
from .features import feature_matrix, grid_points, validate_features

MAX_LAYERS = 32
MAX_NEURONS = 256
MAX_PIECES = 8
INITIALIZERS = ("uniform", "glorot", "he", "zeros")


def init_weights(method: str, rng: np.random.Generator, shape, fan_in: int, fan_out: int) -> np.ndarray:
    """Weights drawn by initializer ``method`` (fans count neurons, not maxout pieces)."""
    if method == "uniform":  # Playground's
        return rng.uniform(-0.5, 0.5, shape)
    if method == "glorot":
        limit = math.sqrt(6.0 / (fan_in + fan_out))
        return rng.uniform(-limit, limit, shape)
    if method == "he":
        return rng.normal(0.0, math.sqrt(2.0 / fan_in), shape)
    return np.zeros(shape)


def init_bias(method: str, shape) -> np.ndarray:
    return np.full(shape, 0.1 if method == "uniform" else 0.0)


@dataclass
class LayerSpec:
    """What a user chooses for one layer (hidden or output)."""

    size: int
    activation: str = "tanh"
    #: Leaky ReLU slope or ELU alpha; None = the activation's default
    alpha: float | None = None
    #: linear pieces per neuron when activation is "maxout"
    pieces: int = 2
    #: dropout rate for this layer's outputs during training (hidden layers only)
    dropout: float = 0.0

    @classmethod
    def coerce(cls, spec: "LayerSpec | dict | int", where: str) -> "LayerSpec":
        if isinstance(spec, LayerSpec):
            return LayerSpec(**asdict(spec))
        if isinstance(spec, bool):
            raise ConfigError(where, spec, "a layer is a size or a dict of settings")
        if isinstance(spec, int):
            return cls(size=spec)
        if not isinstance(spec, dict):
            raise ConfigError(where, spec, "a layer is a size or a dict of settings")
        unknown = set(spec) - {"size", "activation", "alpha", "pieces", "dropout"}
        if unknown:
            raise ConfigError(f"{where}.{sorted(unknown)[0]}", spec[sorted(unknown)[0]], "unknown layer setting")
        if "size" not in spec:
            raise ConfigError(f"{where}.size", None, "missing")
        return cls(**spec)

    def activation_params(self) -> dict[str, float]:
        return {} if self.alpha is None else {"alpha": self.alpha}

    def to_dict(self) -> dict:
        d: dict = {"size": self.size, "activation": self.activation}
        if self.alpha is not None:
            d["alpha"] = self.alpha
        if self.activation == MAXOUT:
            d["pieces"] = self.pieces
        if self.dropout:
            d["dropout"] = self.dropout
        return d


def _check_int(value, field_name: str, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ConfigError(field_name, value, "must be a whole number")
    if not lo <= value <= hi:
        raise ConfigError(field_name, value, f"must be between {lo} and {hi}")
    return int(value)


def _check_number(value, field_name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.floating, np.integer)):
        raise ConfigError(field_name, value, "must be a number")
    try:
        number = float(value)  # a huge int overflows here
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise ConfigError(field_name, value, "must be a finite number")
    return number


class Layer:
    """One layer's structure and views into the network's buffers (built by Network)."""

    def __init__(self, index: int, spec: LayerSpec, n_in: int, is_output: bool):
        where = f"layers[{index}]"
        self.index = index
        self.spec = spec
        self.n_in = n_in
        self.n_out = _check_int(spec.size, f"{where}.size", 1, MAX_NEURONS)
        if not isinstance(spec.activation, str) or spec.activation not in ACTIVATION_NAMES:
            raise ConfigError(
                f"{where}.activation",
                spec.activation,
                f"unknown activation; choose one of: {', '.join(ACTIVATION_NAMES)}",
            )
        self.maxout = spec.activation == MAXOUT
        self.k = _check_int(spec.pieces, f"{where}.pieces", 2, MAX_PIECES) if self.maxout else 1
        if self.maxout:
            if spec.alpha is not None:
                raise ConfigError(f"{where}.alpha", spec.alpha, "maxout takes no alpha")
            self.activation: Activation | None = None
        else:
            if spec.alpha is not None:
                _check_number(spec.alpha, f"{where}.alpha")
            try:
                self.activation = make_activation(spec.activation, **spec.activation_params())
            except ConfigError as exc:  # name the layer: "layers[1].alpha"
                raise ConfigError(f"{where}.{exc.field.split('.')[-1]}", exc.value, exc.message) from None
        rate = _check_number(spec.dropout, f"{where}.dropout")
        if not 0.0 <= rate < 1.0:
            raise ConfigError(f"{where}.dropout", rate, "dropout rate must be in [0, 1)")
        if rate and is_output:
            raise ConfigError(f"{where}.dropout", rate, "dropout applies to hidden layers, not the output layer")
        if spec.activation == "softmax":
            if not is_output:
                raise ConfigError(f"{where}.activation", "softmax", "softmax belongs on the output layer")
            if self.n_out < 2:
                raise ConfigError(
                    f"{where}.activation", "softmax", "softmax needs at least 2 output neurons (one per class)"
                )
        self.dropout = rate
        self.m = self.n_out * self.k  # columns of the weight matrix
        self.size = (n_in + 1) * self.m
        # views, set by Network._bind
        self.Wa: np.ndarray
        self.W: np.ndarray
        self.b: np.ndarray
        self.gWa: np.ndarray

    @property
    def name(self) -> str:
        return self.spec.activation


@dataclass
class Workspace:
    """Preallocated buffers for passes over batches of ``n`` points.

    Everything is stored unit-major, i.e. transposed: z is (m, n), the activations
    ``a_aug`` are (n_out + 1, n) with a last row of ones (the bias input), so each
    unit's values are one contiguous row and element-wise operations run on contiguous
    memory. ``a`` is the (n_out, n) view without the ones.
    """

    n: int
    z: list[np.ndarray] = field(default_factory=list)
    a_aug: list[np.ndarray] = field(default_factory=list)
    a: list[np.ndarray] = field(default_factory=list)
    da: list[np.ndarray] = field(default_factory=list)  # ∂E/∂a
    dz: list[np.ndarray] = field(default_factory=list)  # ∂E/∂z
    drop: list[np.ndarray | None] = field(default_factory=list)  # scaled dropout masks
    #: activations before dropout (f′ needs them); only for layers with dropout
    kept: list[np.ndarray | None] = field(default_factory=list)
    argmax: list[np.ndarray | None] = field(default_factory=list)  # maxout winners


def _maxout_forward(z3: np.ndarray, winner: np.ndarray, a: np.ndarray) -> None:
    np.argmax(z3, axis=1, out=winner)
    np.copyto(a, np.take_along_axis(z3, winner[:, None, :], axis=1)[:, 0, :])


def _maxout_backward(winner: np.ndarray, da: np.ndarray, dz3: np.ndarray) -> None:
    dz3.fill(0.0)
    np.put_along_axis(dz3, winner[:, None, :], da[:, None, :], axis=1)


class Network:
    """Dense feed-forward network over ``features``.

    >>> net = Network(["x1", "x2"], [4, 2, {"size": 1, "activation": "tanh"}], seed=1)
    >>> net.predict([[0.5, -1.0]]).shape
    (1, 1)
    """

    def __init__(
        self,
        features: Sequence[str],
        layers: Sequence[LayerSpec | dict | int],
        init: str = "uniform",
        seed: int = 0,
    ):
        self.features = validate_features(features)
        if isinstance(layers, (str, bytes)) or not isinstance(layers, Iterable):
            raise ConfigError("layers", layers, "must be a list of layers")
        specs = [LayerSpec.coerce(s, f"layers[{i}]") for i, s in enumerate(layers)]
        if not specs:
            raise ConfigError("layers", [], "a network needs at least an output layer")
        if len(specs) > MAX_LAYERS:
            raise ConfigError("layers", len(specs), f"at most {MAX_LAYERS} layers")
        self.layers: list[Layer] = []
        n_in = len(self.features)
        for i, spec in enumerate(specs):
            layer = Layer(i, spec, n_in, is_output=i == len(specs) - 1)
            self.layers.append(layer)
            n_in = layer.n_out
        total = sum(layer.size for layer in self.layers)
        self.params = np.zeros(total)
        self.grads = np.zeros(total)
        self._bind()
        self.removed = [np.zeros((L.n_in, L.n_out), bool) for L in self.layers]
        self.frozen_w = [np.zeros((L.n_in, L.n_out), bool) for L in self.layers]
        self.frozen_b = [np.zeros(L.n_out, bool) for L in self.layers]
        self._stash = [np.zeros((L.n_in, L.m)) for L in self.layers]  # weights of removed links
        self._locked: np.ndarray | None = None
        self._locked_values: np.ndarray | None = None
        self._workspaces: dict[int, Workspace] = {}
        #: bumped whenever weights are set by hand or locks change, so cached
        #: training programs know to rebuild
        self.version = 0
        self._grid_cache: dict = {}
        self.init = init
        self.seed = seed
        self.initialize(init, seed)

    # ------------------------------------------------------------------ structure
    def _bind(self) -> None:
        offset = 0
        for L in self.layers:
            L.offset = offset
            L.Wa = self.params[offset : offset + L.size].reshape(L.n_in + 1, L.m)
            L.W = L.Wa[: L.n_in]
            L.b = L.Wa[L.n_in]
            L.gWa = self.grads[offset : offset + L.size].reshape(L.n_in + 1, L.m)
            offset += L.size
        # 1 for weights, 0 for biases: regularization applies to weights only
        self.weight_mask = np.ones_like(self.params)
        for L in self.layers:
            self.weight_mask[L.offset + L.n_in * L.m : L.offset + L.size] = 0.0

    @property
    def n_inputs(self) -> int:
        return len(self.features)

    @property
    def n_outputs(self) -> int:
        return self.layers[-1].n_out

    @property
    def output_activation(self) -> str:
        return self.layers[-1].name

    @property
    def sizes(self) -> list[int]:
        """Units per column, inputs first: e.g. [2, 4, 2, 1]."""
        return [self.n_inputs] + [L.n_out for L in self.layers]

    @property
    def n_parameters(self) -> int:
        return int(self.params.size)

    def specs(self) -> list[LayerSpec]:
        return [LayerSpec(**asdict(L.spec)) for L in self.layers]

    # ------------------------------------------------------------------ weights
    def initialize(self, method: str = "uniform", seed: int = 0) -> None:
        """Fresh weights.

        * ``uniform`` — Playground's: w ~ U(−0.5, 0.5), b = 0.1;
        * ``glorot`` — Glorot/Xavier uniform: w ~ U(±√(6/(fan_in + fan_out))), b = 0;
        * ``he`` — He normal: w ~ N(0, 2/fan_in), b = 0;
        * ``zeros`` — all 0 (a single-layer perceptron starts well from here).

        Removed connections stay at 0 (their stored weights are re-drawn too); frozen
        values are kept.
        """
        if method not in INITIALIZERS:
            raise ConfigError("init", method, f"unknown initializer; choose one of: {', '.join(INITIALIZERS)}")
        if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
            raise ConfigError("seed", seed, "must be a whole number")
        rng = np.random.default_rng(int(seed))
        frozen_values = [(L.W.copy(), L.b.copy()) for L in self.layers]
        for L in self.layers:
            L.W[...] = init_weights(method, rng, (L.n_in, L.m), L.n_in, L.n_out)
            L.b[...] = init_bias(method, L.m)
        for L, (w_old, b_old) in zip(self.layers, frozen_values):
            fw = np.repeat(self.frozen_w[L.index], L.k, axis=1)
            fb = np.repeat(self.frozen_b[L.index], L.k)
            L.W[fw] = w_old[fw]
            L.b[fb] = b_old[fb]
            rm = np.repeat(self.removed[L.index], L.k, axis=1)
            self._stash[L.index][rm] = L.W[rm]
            L.W[rm] = 0.0
        self.init, self.seed = method, int(seed)
        self._update_locks()

    def _check_index(self, layer: int, i: int | None = None, j: int | None = None) -> Layer:
        layer = _check_int(layer, "layer", 0, len(self.layers) - 1)
        L = self.layers[layer]
        if i is not None:
            _check_int(i, "input", 0, L.n_in - 1)
        if j is not None:
            _check_int(j, "neuron", 0, L.n_out - 1)
        return L

    def _cols(self, L: Layer, j: int, piece: int | None) -> slice | int:
        if piece is None:
            return slice(j * L.k, (j + 1) * L.k)
        _check_int(piece, "piece", 0, L.k - 1)
        return j * L.k + piece

    def weight(self, layer: int, i: int, j: int, piece: int = 0) -> float:
        """Weight from unit i of the previous column to neuron j of ``layer``.

        For a removed connection this is the stored weight it will get back when restored.
        """
        L = self._check_index(layer, i, j)
        col = self._cols(L, j, piece)
        if self.removed[layer][i, j]:
            return float(self._stash[layer][i, col])
        return float(L.W[i, col])

    def set_weight(self, layer: int, i: int, j: int, value: float, piece: int | None = None) -> None:
        """Set a weight by hand (all maxout pieces when ``piece`` is None)."""
        L = self._check_index(layer, i, j)
        value = _check_number(value, "weight")
        col = self._cols(L, j, piece)
        if self.removed[layer][i, j]:
            self._stash[layer][i, col] = value
        else:
            L.W[i, col] = value
        self._update_locks()

    def bias(self, layer: int, j: int, piece: int = 0) -> float:
        L = self._check_index(layer, None, j)
        return float(L.b[self._cols(L, j, piece)])

    def set_bias(self, layer: int, j: int, value: float, piece: int | None = None) -> None:
        L = self._check_index(layer, None, j)
        L.b[self._cols(L, j, piece)] = _check_number(value, "bias")
        self._update_locks()

    def get_weights(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """Copies of (W, b) per layer: W (n_in, n_out), b (n_out); maxout adds a pieces axis.

        Removed connections read as 0 here (what the network computes with).
        """
        out = []
        for L in self.layers:
            w, b = L.W.copy(), L.b.copy()
            if L.maxout:
                w, b = w.reshape(L.n_in, L.n_out, L.k), b.reshape(L.n_out, L.k)
            out.append((w, b))
        return out

    def set_weights(self, weights: Sequence[tuple[np.ndarray, np.ndarray]]) -> None:
        """Set every weight and bias; shapes as :meth:`get_weights` returns them.

        Values given for removed connections are stored for when they are restored.
        """
        if len(weights) != len(self.layers):
            raise ConfigError("weights", len(weights), f"expected {len(self.layers)} layers of weights")
        staged = []
        for L, pair in zip(self.layers, weights):
            shape = (L.n_in, L.n_out) + ((L.k,) if L.maxout else ())
            try:
                w, b = pair
                w = np.asarray(w, dtype=float)
                b = np.asarray(b, dtype=float)
            except (TypeError, ValueError, OverflowError):
                raise ConfigError(f"weights[{L.index}]", "…", "weights must be numbers") from None
            with_pieces = (L.n_in, L.n_out, L.k)  # also accepted with k = 1
            if w.shape not in (shape, with_pieces) or b.shape not in (shape[1:], with_pieces[1:]):
                raise ConfigError(
                    f"weights[{L.index}]", w.shape, f"expected weights of shape {shape} and biases {shape[1:]}"
                )
            w, b = w.reshape(L.n_in, L.m), b.reshape(L.m)
            if not (np.isfinite(w).all() and np.isfinite(b).all()):
                raise ConfigError(f"weights[{L.index}]", "NaN/Inf", "weights must be finite numbers")
            staged.append((w, b))
        for L, (w, b) in zip(self.layers, staged):
            rm = np.repeat(self.removed[L.index], L.k, axis=1)
            self._stash[L.index][rm] = w[rm]
            L.W[...] = np.where(rm, 0.0, w)
            L.b[...] = b
        self._update_locks()

    def copy_params(self) -> np.ndarray:
        return self.params.copy()

    def load_params(self, flat: np.ndarray) -> None:
        """Restore a flat copy taken with :meth:`copy_params` (same structure)."""
        np.copyto(self.params, flat)

    # ------------------------------------------------------------------ masks and locks
    def remove_connection(self, layer: int, i: int, j: int) -> None:
        """Cut the link i → j of ``layer``: its weight is stored and pinned at 0."""
        L = self._check_index(layer, i, j)
        if self.removed[layer][i, j]:
            return
        cols = self._cols(L, j, None)
        self._stash[layer][i, cols] = L.W[i, cols]
        L.W[i, cols] = 0.0
        self.removed[layer][i, j] = True
        self._update_locks()

    def restore_connection(self, layer: int, i: int, j: int) -> None:
        """Bring a removed link back with the weight it had."""
        L = self._check_index(layer, i, j)
        if not self.removed[layer][i, j]:
            return
        cols = self._cols(L, j, None)
        L.W[i, cols] = self._stash[layer][i, cols]
        self.removed[layer][i, j] = False
        self._update_locks()

    def is_removed(self, layer: int, i: int, j: int) -> bool:
        self._check_index(layer, i, j)
        return bool(self.removed[layer][i, j])

    def freeze_weight(self, layer: int, i: int, j: int, frozen: bool = True) -> None:
        """Keep weight i → j at its value during training (or let it train again)."""
        self._check_index(layer, i, j)
        self.frozen_w[layer][i, j] = bool(frozen)
        self._update_locks()

    def freeze_bias(self, layer: int, j: int, frozen: bool = True) -> None:
        self._check_index(layer, None, j)
        self.frozen_b[layer][j] = bool(frozen)
        self._update_locks()

    def is_frozen(self, layer: int, i: int, j: int) -> bool:
        self._check_index(layer, i, j)
        return bool(self.frozen_w[layer][i, j])

    def set_flags(self, removed=None, frozen_weights=None, frozen_biases=None) -> None:
        """Set every removed/frozen flag at once: per-layer bool arrays shaped like
        ``removed[l]`` (n_in, n_out) and ``frozen_b[l]`` (n_out,); None keeps a kind.

        Newly removed connections store their weight aside; restored ones get theirs
        back. The locks are rebuilt once, so this stays fast for any number of flags.
        """
        def masks(given, current, name):
            if given is None:
                return [m.copy() for m in current]
            if len(given) != len(current):
                raise ConfigError(name, len(given), f"expected one mask per layer ({len(current)})")
            out = []
            for l, (g, m) in enumerate(zip(given, current)):
                g = np.asarray(g, dtype=bool)
                if g.shape != m.shape:
                    raise ConfigError(f"{name}[{l}]", g.shape, f"expected shape {m.shape}")
                out.append(g.copy())
            return out

        new_removed = masks(removed, self.removed, "removed")
        new_fw = masks(frozen_weights, self.frozen_w, "frozen_weights")
        new_fb = masks(frozen_biases, self.frozen_b, "frozen_biases")
        for L, rm in zip(self.layers, new_removed):
            now = np.repeat(self.removed[L.index], L.k, axis=1)
            want = np.repeat(rm, L.k, axis=1)
            cut, back = want & ~now, now & ~want
            stash = self._stash[L.index]
            stash[cut] = L.W[cut]
            L.W[cut] = 0.0
            L.W[back] = stash[back]
            self.removed[L.index] = rm
        self.frozen_w, self.frozen_b = new_fw, new_fb
        self._update_locks()

    @property
    def has_locks(self) -> bool:
        return self._locked is not None

    def _update_locks(self) -> None:
        locked = np.zeros(self.params.size, bool)
        for L in self.layers:
            view = locked[L.offset : L.offset + L.size].reshape(L.n_in + 1, L.m)
            view[: L.n_in] = np.repeat(self.removed[L.index] | self.frozen_w[L.index], L.k, axis=1)
            view[L.n_in] = np.repeat(self.frozen_b[L.index], L.k)
        self.version += 1
        if locked.any():
            self._locked = locked
            self._locked_values = np.where(locked, self.params, 0.0)
        else:
            self._locked = self._locked_values = None

    def enforce_locks(self) -> None:
        """Put removed (0) and frozen weights back after an update."""
        if self._locked is not None:
            np.copyto(self.params, self._locked_values, where=self._locked)

    def mask_gradient(self) -> None:
        """Zero the gradient of removed and frozen parameters."""
        if self._locked is not None:
            self.grads[self._locked] = 0.0

    # ------------------------------------------------------------------ forward / backward
    def workspace(self, n: int) -> Workspace:
        """Buffers for batches of ``n`` points (cached; a few per network)."""
        ws = self._workspaces.get(n)
        if ws is None:
            if len(self._workspaces) > 8:
                self._workspaces.clear()
            ws = Workspace(n)
            for L in self.layers:
                ws.z.append(np.empty((L.m, n)))
                a_aug = np.ones((L.n_out + 1, n))
                ws.a_aug.append(a_aug)
                ws.a.append(a_aug[: L.n_out])
                ws.da.append(np.empty((L.n_out, n)))
                ws.dz.append(np.empty((L.m, n)))
                ws.drop.append(np.empty((L.n_out, n)) if L.dropout else None)
                ws.kept.append(np.empty((L.n_out, n)) if L.dropout else None)
                ws.argmax.append(np.empty((L.n_out, n), np.intp) if L.maxout else None)
            self._workspaces[n] = ws
        return ws

    def forward_ops(self, x_aug: np.ndarray, ws: Workspace, rng: np.random.Generator | None = None) -> list:
        """The forward pass of a batch as a list of NumPy calls (see :func:`run_ops`).

        ``x_aug`` holds the batch's features unit-major with a last row of ones,
        (d + 1, n). With ``rng``, dropout is applied (inverted dropout: kept units are
        scaled by 1/(1 − rate), so nothing changes at evaluation, when ``rng`` is None).
        The output ends up in ``ws.a[-1]``, the pre-activations in ``ws.z``.
        """
        ops: list = []
        a_prev = x_aug
        for L, z, a, drop, kept, winner in zip(self.layers, ws.z, ws.a, ws.drop, ws.kept, ws.argmax):
            ops.append((np.dot, (L.Wa.T, a_prev, z)))  # z = Wᵀa + b
            dropping = drop is not None and rng is not None
            f_out = kept if dropping else a  # with dropout, f(z) is kept for f′ in backward
            if L.maxout:
                ops.append((_maxout_forward, (z.reshape(L.n_out, L.k, ws.n), winner, f_out)))
            else:
                ops.extend(L.activation.forward_ops(z.T, f_out.T))
            if dropping:
                keep = 1.0 - L.dropout
                ops += [
                    (rng.random, (None, np.float64, drop)),
                    (np.less, (drop, keep, drop)),
                    (np.multiply, (drop, 1.0 / keep, drop)),
                    (np.multiply, (kept, drop, a)),
                ]
            a_prev = ws.a_aug[L.index]
        return ops

    def output_grad_ops(self, ws: Workspace) -> list:
        """Calls turning ∂E/∂o (in ``ws.da[-1]``) into ∂E/∂z (in ``ws.dz[-1]``)."""
        L = self.layers[-1]
        if L.maxout:
            return [(_maxout_backward, (ws.argmax[-1], ws.da[-1], ws.dz[-1].reshape(L.n_out, L.k, ws.n)))]
        return L.activation.backward_ops(ws.z[-1].T, ws.a[-1].T, ws.da[-1].T, ws.dz[-1].T)

    def backward_ops(self, x_aug: np.ndarray, ws: Workspace, dropout: bool = False) -> list:
        """Backpropagation of ∂E/∂z of the output (in ``ws.dz[-1]``) into ``grads``.

        Per layer: ∂E/∂[W; b] = [a_prev; 1]·δᵀ, and δ_prev = f′(z_prev) ⊙ (W·δ).
        """
        ops: list = []
        for idx in range(len(self.layers) - 1, -1, -1):
            L = self.layers[idx]
            dz = ws.dz[idx]
            a_prev = ws.a_aug[idx - 1] if idx else x_aug
            ops.append((np.dot, (a_prev, dz.T, L.gWa)))
            if idx == 0:
                break
            P = self.layers[idx - 1]
            da, dz_prev = ws.da[idx - 1], ws.dz[idx - 1]
            ops.append((np.dot, (L.W, dz, da)))  # maxout too: dz has a row per piece
            a_f = ws.a[idx - 1]  # f(z) of the previous layer
            if dropout and ws.drop[idx - 1] is not None:
                ops.append((np.multiply, (da, ws.drop[idx - 1], da)))  # ∂(f·m)/∂f = m
                a_f = ws.kept[idx - 1]
            if P.maxout:
                ops.append((_maxout_backward, (ws.argmax[idx - 1], da, dz_prev.reshape(P.n_out, P.k, ws.n))))
            else:
                ops.extend(P.activation.backward_ops(ws.z[idx - 1].T, a_f.T, da.T, dz_prev.T))
        return ops

    # ------------------------------------------------------------------ evaluation
    def inputs(self, X: np.ndarray, dtype=np.float64) -> np.ndarray:
        """Features of raw points X (n, 2), unit-major with a last row of ones: (d + 1, n)."""
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != 2:
            raise ConfigError("points", X.shape, "points must be an (n, 2) array of x1, x2")
        out = np.ones((self.n_inputs + 1, X.shape[0]), dtype=dtype)
        feature_matrix(X, self.features, out=out[: self.n_inputs].T, dtype=dtype)
        return out

    def _run_forward(self, X: np.ndarray) -> Workspace:
        x_aug = self.inputs(X)
        ws = self.workspace(x_aug.shape[1])
        with np.errstate(all="ignore"):
            run_ops(self.forward_ops(x_aug, ws))
        ws.x_aug = x_aug
        return ws

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Outputs (n, n_outputs) for raw 2-D points X (n, 2); no dropout."""
        return self._run_forward(X).a[-1].T.copy()

    def activations(self, X: np.ndarray) -> list[np.ndarray]:
        """Every column's values (n, units) for raw points X, inputs first (copies)."""
        ws = self._run_forward(X)
        return [ws.x_aug[:-1].T.copy()] + [a.T.copy() for a in ws.a]

    def grid(self, extent: Sequence[float] = (-6.0, 6.0, -6.0, 6.0), n: int = 100) -> list[np.ndarray]:
        """Every unit's value over an n×n grid of the input plane, in float32.

        Returns one new array per column, inputs first, each (units, n, n) with row 0 at
        the top of the plane (y = ymax); the last is the output — for one output, the
        decision region. One forward pass; the grid's features and buffers are cached.
        """
        n = _check_int(n, "grid size", 2, 1024)
        key = (tuple(float(v) for v in extent), n)
        cache = self._grid_cache.get(key)
        if cache is None:
            self._grid_cache.clear()
            pts = grid_points(tuple(extent), n)
            x_aug = np.ones((self.n_inputs + 1, n * n), np.float32)
            feature_matrix(pts, self.features, out=x_aug[: self.n_inputs].T, dtype=np.float32)
            zs = [np.empty((L.m, n * n), np.float32) for L in self.layers]
            cache = self._grid_cache[key] = (x_aug, zs)
        x_aug, zs = cache
        w32 = self.params.astype(np.float32)
        a_prev = x_aug
        columns = [x_aug[:-1].reshape(-1, n, n).copy()]
        with np.errstate(all="ignore"):
            for L, z in zip(self.layers, zs):
                Wa = w32[L.offset : L.offset + L.size].reshape(L.n_in + 1, L.m)
                np.matmul(Wa.T, a_prev, out=z)
                a_aug = np.ones((L.n_out + 1, n * n), np.float32)
                a = a_aug[: L.n_out]
                if L.maxout:
                    np.max(z.reshape(L.n_out, L.k, -1), axis=1, out=a)
                else:
                    run_ops(L.activation.forward_ops(z.T, a.T))
                columns.append(a.reshape(L.n_out, n, n))
                a_prev = a_aug
        return columns

    # ------------------------------------------------------------------ (de)serialisation
    def to_dict(self, include_weights: bool = True) -> dict:
        """A plain JSON-ready description; floats round-trip exactly through JSON.

        Removed connections keep their stored weight in ``weights`` (0 is what the
        network computes with); ``removed``/``frozen_weights`` list [layer, i, j] and
        ``frozen_biases`` [layer, j].
        """
        d: dict = {
            "features": list(self.features),
            "layers": [L.spec.to_dict() for L in self.layers],
            "init": {"method": self.init, "seed": self.seed},
        }
        if include_weights:
            weights, biases = [], []
            for L in self.layers:
                w = np.where(np.repeat(self.removed[L.index], L.k, axis=1), self._stash[L.index], L.W)
                b = L.b
                if L.maxout:
                    weights.append(w.reshape(L.n_in, L.n_out, L.k).tolist())
                    biases.append(b.reshape(L.n_out, L.k).tolist())
                else:
                    weights.append(w.tolist())
                    biases.append(b.tolist())
            d["weights"] = weights
            d["biases"] = biases
        d["removed"] = [[L.index, int(i), int(j)] for L in self.layers for i, j in np.argwhere(self.removed[L.index])]
        d["frozen_weights"] = [
            [L.index, int(i), int(j)] for L in self.layers for i, j in np.argwhere(self.frozen_w[L.index])
        ]
        d["frozen_biases"] = [[L.index, int(j)] for L in self.layers for (j,) in np.argwhere(self.frozen_b[L.index])]
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Network":
        """Build a network from :meth:`to_dict`'s output, validating every field."""
        if not isinstance(d, dict):
            raise ConfigError("network", type(d).__name__, "must be an object")
        for key in ("features", "layers"):
            if key not in d:
                raise ConfigError(f"network.{key}", None, "missing")
        init = d.get("init", {})
        if not isinstance(init, dict):
            raise ConfigError("network.init", init, "must be an object with method and seed")
        net = cls(d["features"], d["layers"], init=init.get("method", "uniform"), seed=init.get("seed", 0))
        flags = {}
        for key, current in (("removed", net.removed), ("frozen_weights", net.frozen_w), ("frozen_biases", net.frozen_b)):
            masks = [np.zeros_like(m) for m in current]
            for k, item in enumerate(_index_list(d.get(key, []), f"network.{key}", current[0].ndim + 1)):
                layer, *where = item
                if not 0 <= layer < len(masks) or not all(0 <= w < n for w, n in zip(where, masks[layer].shape)):
                    raise ConfigError(f"network.{key}[{k}]", list(item), "refers to a connection the network does not have")
                masks[layer][tuple(where)] = True
            flags[key] = masks
        net.set_flags(**flags)
        if "weights" in d or "biases" in d:
            if "weights" not in d or "biases" not in d:
                raise ConfigError("network.weights", None, "weights and biases must be given together")
            w, b = d["weights"], d["biases"]
            if not isinstance(w, list) or not isinstance(b, list) or len(w) != len(net.layers) or len(b) != len(w):
                raise ConfigError("network.weights", "…", f"expected one weight matrix and bias vector per layer ({len(net.layers)})")
            for L, wl, bl in zip(net.layers, w, b):
                shape = (L.n_in, L.n_out) + ((L.k,) if L.maxout else ())
                _check_nested(wl, shape, f"network.weights[{L.index}]")
                _check_nested(bl, shape[1:], f"network.biases[{L.index}]")
            net.set_weights(list(zip(w, b)))
        return net

    def clone(self) -> "Network":
        return Network.from_dict(self.to_dict())

    def __repr__(self) -> str:
        layers = ", ".join(f"{L.n_out}×{L.name}" for L in self.layers)
        return f"Network(features={list(self.features)}, layers=[{layers}])"


def _index_list(items, where: str, width: int) -> list[tuple[int, ...]]:
    if not isinstance(items, list):
        raise ConfigError(where, items, "must be a list")
    out = []
    for k, item in enumerate(items):
        if (
            not isinstance(item, list)
            or len(item) != width
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in item)
        ):
            raise ConfigError(f"{where}[{k}]", item, f"must be a list of {width} whole numbers")
        out.append(tuple(item))
    return out


def _check_nested(value, shape: tuple[int, ...], where: str) -> None:
    """Check a nested list has exactly ``shape`` and holds finite numbers (no allocation first)."""
    if not shape:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(where, value, "must be a number")
        _check_number(value, where)
        return
    if not isinstance(value, list) or len(value) != shape[0]:
        got = len(value) if isinstance(value, list) else type(value).__name__
        raise ConfigError(where, got, f"expected a list of length {shape[0]}")
    for k, item in enumerate(value):
        _check_nested(item, shape[1:], f"{where}[{k}]")
