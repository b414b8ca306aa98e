"""The arithmetic of one training step, for a teacher to step through.

:func:`trace_step` takes a :class:`~engine.training.Trainer` and the indices of one or
more training points and returns a :class:`StepTrace`: everything the step computes, with
the trainer's *current* weights, settings, loss and optimizer —

* **forward**, per layer: each edge's product wᵢⱼ·aᵢ, each neuron's weighted sum
  zⱼ = Σᵢ wᵢⱼ aᵢ + bⱼ and activation aⱼ = f(zⱼ), for every point of the batch;
* **error**: the outputs, the targets (in the output's range), the loss formula, its
  value and each point's term;
* **backward**, per layer (output first): ∂E/∂a and δ = ∂E/∂z of each neuron for each
  point and their mean over the batch, each weight's gradient ∂E/∂wᵢⱼ and each bias's
  ∂E/∂bⱼ (the batch mean, as the engine averages), with the L1/L2 terms when set;
* **update**: every weight and bias before, its gradient, the optimizer's rule (formula
  lines) with its numbers (e.g. Adam's m, v, m̂, v̂) and the value after.

:func:`apply_step` then takes the traced step for real, if the teacher wants to.

The numbers are the engine's own: the forward and backward passes run the network's own
compiled operations on a copy of the network, and the update runs a copy of the trainer's
own optimizer (with its state) on a copy of the parameters, then max-norm and the locks
exactly as :meth:`Trainer.step` does. The trainer — its network, optimizer state, random
generator and position in the epoch — is not changed. Per-point values come from running
the same operations on each point alone (so a batch of one shows exactly what a
one-point step computes); the batch's gradient is the batch run's.

Arrays are indexed like the engine: a layer's weights are (n_in, n_out) — ``[i, j]`` from
unit i of the previous column to neuron j — and biases (n_out,); a Maxout layer adds a
last axis for its k pieces (as :meth:`Network.get_weights`). Per-point arrays have the
points first: z is (n, n_out), products (n, n_in, n_out).

Dropout is not applied: the trace shows the deterministic step (a note says so).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

import numpy as np

from .activations import MAXOUT, run_ops
from .errors import ConfigError
from .network import Network
from .training import Trainer, predict_classes

#: at most this many points in one trace
MAX_TRACE_POINTS = 5000
#: per-point × per-weight arrays (edge products, per-point gradients) are kept only while
#: they hold at most this many numbers each (None beyond, with a note)
MAX_EDGE_VALUES = 2_000_000

# ---------------------------------------------------------------------- formulas
#: (whole batch, one point, the gradient that starts the backward pass)
LOSS_FORMULAS = {
    "mse": (
        "E = 1/(2n) Σₛ ‖tₛ − oₛ‖²",
        "Eₛ = ½ Σₖ (tₖ − oₖ)²",
        "∂E/∂o = (o − t)/n",
    ),
    "bce": (
        "E = −1/(nK) Σₛ Σₖ [tₖ log oₖ + (1 − tₖ) log(1 − oₖ)]",
        "Eₛ = −1/K Σₖ [tₖ log oₖ + (1 − tₖ) log(1 − oₖ)]",
        "∂E/∂z = (o − t)/(nK)   (sigmoid and cross-entropy together)",
    ),
    "cce": (
        "E = −1/n Σₛ Σₖ tₖ log oₖ",
        "Eₛ = −Σₖ tₖ log oₖ",
        "∂E/∂z = (o − t)/n   (softmax and cross-entropy together)",
    ),
    "sparse_cce": (
        "E = −1/n Σₛ log o_y",
        "Eₛ = −log o_y   (y the point's class)",
        "∂E/∂z = (o − t)/n   (softmax and cross-entropy together; t one-hot)",
    ),
}

PERCEPTRON_ERROR = "δ = −(t − y) = y − t   (the perceptron rule uses the error itself, no derivative)"

#: f′(z) per activation, for the backward phase
DERIVATIVES = {
    "step": "f′(z) = 0 (almost everywhere): nothing flows back",
    "sign": "f′(z) = 0 (almost everywhere): nothing flows back",
    "linear": "f′(z) = 1",
    "sigmoid": "f′(z) = f(z)·(1 − f(z))",
    "tanh": "f′(z) = 1 − f(z)²",
    "relu": "f′(z) = 1 if z > 0, else 0",
    "leaky_relu": "f′(z) = 1 if z > 0, else α",
    "elu": "f′(z) = 1 if z > 0, else f(z) + α",
    "selu": "f′(z) = λ if z > 0, else f(z) + λα",
    "softplus": "f′(z) = σ(z) = 1/(1 + e^(−z))",
    "silu": "f′(z) = σ(z)·(1 + z·(1 − σ(z)))",
    "gelu": "f′(z) = ½(1 + tanh u) + ½z(1 − tanh² u)·√(2/π)(1 + 3·0.044715z²)",
    "softmax": "∂fᵢ/∂zⱼ = fᵢ(δᵢⱼ − fⱼ), so δ = f ⊙ (∂E/∂f − ⟨∂E/∂f, f⟩)",
    MAXOUT: "δ = ∂E/∂a for each neuron's winning piece, 0 for the others",
}

#: the optimizer's rule, line by line (θ is a weight or bias, g its gradient)
OPTIMIZER_RULES = {
    "sgd": ("w ← w − η·g",),
    "momentum": ("v ← μ·v + g", "w ← w − η·v"),
    "nesterov": ("v ← μ·v + g", "w ← w − η·(g + μ·v)"),
    "adagrad": ("s ← s + g²", "w ← w − η·g / (√s + ε)"),
    "adadelta": (
        "E[g²] ← ρ·E[g²] + (1 − ρ)·g²",
        "Δ = √(E[Δ²] + ε) / √(E[g²] + ε) · g",
        "E[Δ²] ← ρ·E[Δ²] + (1 − ρ)·Δ²",
        "w ← w − η·Δ",
    ),
    "rmsprop": ("v ← ρ·v + (1 − ρ)·g²", "w ← w − η·g / (√v + ε)"),
    "adam": (
        "t ← t + 1",
        "m ← β₁·m + (1 − β₁)·g",
        "v ← β₂·v + (1 − β₂)·g²",
        "m̂ = m / (1 − β₁ᵗ),   v̂ = v / (1 − β₂ᵗ)",
        "w ← w − η·m̂ / (√v̂ + ε)",
    ),
    "adamw": (
        "t ← t + 1",
        "w ← w − η·λ·w   (decoupled weight decay, first)",
        "m ← β₁·m + (1 − β₁)·g",
        "v ← β₂·v + (1 − β₂)·g²",
        "m̂ = m / (1 − β₁ᵗ),   v̂ = v / (1 − β₂ᵗ)",
        "w ← w − η·m̂ / (√v̂ + ε)",
    ),
    "amsgrad": (
        "t ← t + 1",
        "m ← β₁·m + (1 − β₁)·g",
        "v ← β₂·v + (1 − β₂)·g²",
        "v_max ← max(v_max, v)",
        "m̂ = m / (1 − β₁ᵗ),   v̂_max = v_max / (1 − β₂ᵗ)",
        "w ← w − η·m̂ / (√v̂_max + ε)",
    ),
    "nadam": (
        "t ← t + 1",
        "μₜ = β₁·(1 − ½·0.96^(tψ)),   μₜ₊₁ = β₁·(1 − ½·0.96^((t+1)ψ))",
        "m ← β₁·m + (1 − β₁)·g",
        "v ← β₂·v + (1 − β₂)·g²",
        "v̂ = v / (1 − β₂ᵗ)",
        "w ← w − η·(1 − μₜ)/(1 − Πᵢ≤ₜ μᵢ) · g/(√v̂ + ε) − η·μₜ₊₁/(1 − Πᵢ≤ₜ₊₁ μᵢ) · m/(√v̂ + ε)",
    ),
}

#: how to show each key of :attr:`LayerUpdate.w_values`
SYMBOLS = {
    "g": "g",
    "change": "Δw",
    "w_optimizer": "w after the optimizer (before max-norm)",
    "velocity_before": "v (before)",
    "velocity": "v",
    "sum_sq_before": "s (before)",
    "sum_sq": "s",
    "avg_sq_grad_before": "E[g²] (before)",
    "avg_sq_grad": "E[g²]",
    "avg_sq_delta_before": "E[Δ²] (before)",
    "avg_sq_delta": "E[Δ²]",
    "delta": "Δ",
    "avg_sq_before": "v (before)",
    "avg_sq": "v",
    "m_before": "m (before)",
    "m": "m",
    "v_before": "v (before)",
    "v": "v",
    "m_hat": "m̂",
    "v_hat": "v̂",
    "v_max_before": "v_max (before)",
    "v_max": "v_max",
    "v_max_hat": "v̂_max",
}

HYPER_SYMBOLS = {
    "momentum": "μ",
    "rho": "ρ",
    "eps": "ε",
    "beta1": "β₁",
    "beta2": "β₂",
    "weight_decay": "λ",
    "momentum_decay": "ψ",
}


# ---------------------------------------------------------------------- results
@dataclass
class LayerTrace:
    """One layer's forward and backward numbers (n points of the batch)."""

    index: int
    activation: str  # registry name, e.g. "tanh" or "maxout"
    label: str  # e.g. "Tanh"
    formula: str  # f(z), e.g. "f(z) = tanh(z)"
    derivative_formula: str  # f′(z), or how δ is formed for softmax/maxout
    n_in: int
    n_out: int
    maxout: bool
    pieces: int  # 1 unless maxout
    alpha: float | None  # Leaky ReLU slope / ELU alpha
    weights: np.ndarray  # (n_in, n_out[, k]) as the network computes with them (removed = 0)
    biases: np.ndarray  # (n_out[, k])
    removed: np.ndarray  # (n_in, n_out) bool
    frozen_weights: np.ndarray  # (n_in, n_out) bool
    frozen_biases: np.ndarray  # (n_out,) bool
    # forward
    inputs: np.ndarray  # (n, n_in): the previous column's values aᵢ (the features for layer 0)
    products: np.ndarray | None  # (n, n_in, n_out[, k]): wᵢⱼ·aᵢ per edge (None when too large)
    z: np.ndarray  # (n, n_out[, k]): Σᵢ wᵢⱼ aᵢ + bⱼ
    a: np.ndarray  # (n, n_out): f(z)
    winner: np.ndarray | None  # (n, n_out) winning piece of each maxout neuron
    slope: np.ndarray | None  # (n, n_out): f′(z) for element-wise activations, else None
    forward_formula: tuple[str, ...]
    # backward
    da: np.ndarray | None  # (n, n_out): ∂Eₛ/∂a per point (None where the engine does not form it)
    da_mean: np.ndarray | None  # (n_out,)
    delta: np.ndarray  # (n, n_out[, k]): δ = ∂Eₛ/∂z per point
    delta_mean: np.ndarray  # (n_out[, k]): mean over the points
    grad_w_points: np.ndarray | None  # (n, n_in, n_out[, k]): aᵢ·δⱼ per point (None when too large)
    grad_w_data: np.ndarray  # (n_in, n_out[, k]): ∂E/∂w of the data loss over the batch
    grad_b_data: np.ndarray  # (n_out[, k])
    l1_term: np.ndarray | None  # (n_in, n_out[, k]): λ₁·sign(w), None when λ₁ = 0
    l2_term: np.ndarray | None  # (n_in, n_out[, k]): λ₂·w, None when λ₂ = 0
    grad_w: np.ndarray  # data + penalty terms; 0 for removed connections
    grad_b: np.ndarray
    backward_formula: tuple[str, ...]


@dataclass
class ErrorTrace:
    """The error at the output."""

    outputs: np.ndarray  # (n, K)
    targets: np.ndarray  # (n, K), in the output's range (one-hot rows for several outputs)
    labels: np.ndarray  # (n,): class ids, or the regression values
    loss: str  # registry name
    label: str  # e.g. "Squared error"
    formula: str  # the batch loss
    point_formula: str  # one point's term
    gradient_formula: str  # what starts the backward pass
    value: float  # E over the batch (data loss, as the engine reports it)
    terms: np.ndarray  # (n,): Eₛ per point; E = mean of them
    penalty: float  # λ₁‖w‖₁ + ½λ₂‖w‖² (0 without regularization)
    objective: float  # value + penalty: what the gradient descends
    predicted: np.ndarray | None  # (n,) predicted class ids (classification), else None
    fused: bool  # True: the engine goes straight to ∂E/∂z (sigmoid+bce, softmax+cce)


@dataclass
class LayerUpdate:
    """Before, gradient and after for one layer's weights and biases."""

    index: int
    w_before: np.ndarray  # (n_in, n_out[, k])
    w_grad: np.ndarray  # the gradient shown (removed connections 0)
    w_after: np.ndarray
    w_updated: np.ndarray  # (n_in, n_out) bool: False for removed and frozen weights
    b_before: np.ndarray  # (n_out[, k])
    b_grad: np.ndarray
    b_after: np.ndarray
    b_updated: np.ndarray  # (n_out,) bool
    #: the optimizer's numbers per weight / bias, keyed as in :data:`SYMBOLS`
    w_values: dict = field(default_factory=dict)
    b_values: dict = field(default_factory=dict)


@dataclass
class UpdateTrace:
    """The optimizer's step."""

    optimizer: str  # registry name
    label: str  # e.g. "Adam"
    rule: tuple[str, ...]  # formula lines, in order
    learning_rate: float
    hyperparameters: dict  # name → value (symbols in HYPER_SYMBOLS)
    step: int  # the optimizer's step count t for this step (after t ← t + 1)
    scalars: dict  # display name → value, e.g. {"1 − β₁ᵗ": 0.19}
    symbols: dict  # key of w_values/b_values → display symbol
    layers: list[LayerUpdate]
    max_norm: float
    note: str
    #: the whole parameter vector before and after (Network.params layout), and the
    #: optimizer's state after the step (Optimizer.state_dict()), for apply_step
    params_before: np.ndarray | None = None
    params_after: np.ndarray | None = None
    optimizer_state: dict | None = None


@dataclass
class StepTrace:
    """Everything one training step computes for the points ``indices``."""

    indices: np.ndarray  # (n,) into the training set
    points: np.ndarray  # (n, 2) raw points
    features: tuple[str, ...]
    inputs: np.ndarray  # (n, d) feature values
    rule: str  # "backprop" or "perceptron"
    layers: list[LayerTrace]
    error: ErrorTrace
    update: UpdateTrace
    notes: list[str]

    @property
    def n(self) -> int:
        """Points in the batch."""
        return int(self.indices.shape[0])

    def phases(self) -> list[tuple]:
        """The order to step through: ("forward", 0) … ("error",) … ("backward", 0), ("update",)."""
        L = len(self.layers)
        return (
            [("forward", l) for l in range(L)]
            + [("error",)]
            + [("backward", l) for l in range(L - 1, -1, -1)]
            + [("update",)]
        )


# ---------------------------------------------------------------------- helpers
def _check_indices(indices, n_train: int) -> np.ndarray:
    try:
        arr = np.asarray(indices)
    except Exception:
        raise ConfigError("indices", indices, "give the numbers of one or more training points") from None
    if arr.ndim == 0:
        arr = arr.reshape(1)
    if arr.ndim != 1 or arr.size == 0 or arr.dtype.kind not in "iu":
        raise ConfigError("indices", indices, "give the numbers of one or more training points")
    if arr.size > MAX_TRACE_POINTS:
        raise ConfigError("indices", f"{arr.size} points", f"trace at most {MAX_TRACE_POINTS} points at once")
    if (arr < 0).any() or (arr >= n_train).any():
        raise ConfigError("indices", arr.tolist(), f"training points are numbered 0 to {n_train - 1}")
    if np.unique(arr).size != arr.size:
        raise ConfigError("indices", arr.tolist(), "each point can be in the batch only once")
    return arr.astype(np.intp)


def _copy_network(net: Network) -> Network:
    """An independent network with bitwise the same parameters and locks."""
    c = net.clone()
    np.copyto(c.params, net.params)
    if net._locked is not None:
        c._locked = net._locked.copy()
        c._locked_values = net._locked_values.copy()
    return c


def _split(net: Network, flat: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """A flat parameter-shaped vector as (W, b) per layer, shaped like get_weights()."""
    out = []
    for L in net.layers:
        block = flat[L.offset : L.offset + L.size].reshape(L.n_in + 1, L.m)
        w, b = block[: L.n_in].copy(), block[L.n_in].copy()
        if L.maxout:
            w, b = w.reshape(L.n_in, L.n_out, L.k), b.reshape(L.n_out, L.k)
        out.append((w, b))
    return out


def _pieces(arr_unit_major: np.ndarray, L) -> np.ndarray:
    """(m, n) unit-major → (n, n_out[, k]) point-major."""
    a = arr_unit_major.T.copy()
    return a.reshape(a.shape[0], L.n_out, L.k) if L.maxout else a


def _expand(mask: np.ndarray, L) -> np.ndarray:
    """A (n_in, n_out) or (n_out,) mask broadcast to the layer's pieces."""
    return np.repeat(mask[..., None], L.k, axis=-1) if L.maxout else mask


def _layer_text(L, rule: str, is_output: bool, loss) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if L.maxout:
        fwd = ("zⱼₚ = Σᵢ wᵢⱼₚ·aᵢ + bⱼₚ for each piece p", "aⱼ = maxₚ zⱼₚ")
    else:
        fwd = ("zⱼ = Σᵢ wᵢⱼ·aᵢ + bⱼ", f"aⱼ = f(zⱼ),   {L.activation.formula}")
    if rule == "perceptron":
        back = (PERCEPTRON_ERROR, "∂E/∂wᵢⱼ = Σₛ aᵢ·δⱼ,   ∂E/∂bⱼ = Σₛ δⱼ   (summed over the batch)")
        return fwd, back
    if is_output and loss.fused:
        first = LOSS_FORMULAS[loss.name][2]
    elif is_output:
        first = "δ = f′(z)·∂E/∂o" if not L.maxout and L.name != "softmax" else DERIVATIVES[L.name if not L.maxout else MAXOUT]
    else:
        first = "∂E/∂aᵢ = Σⱼ wᵢⱼ·δⱼ (next layer),   δᵢ = f′(zᵢ)·∂E/∂aᵢ"
        if L.maxout or L.name == "softmax":
            first = "∂E/∂aᵢ = Σⱼ wᵢⱼ·δⱼ (next layer),   " + DERIVATIVES[MAXOUT if L.maxout else L.name]
    back = (first, "∂E/∂wᵢⱼ = mean over the batch of aᵢ·δⱼ,   ∂E/∂bⱼ = mean of δⱼ")
    return fwd, back


# ---------------------------------------------------------------------- the trace
def trace_step(trainer: Trainer, indices) -> StepTrace:
    """The numbers of one training step on the training points ``indices`` (one or a batch).

    Uses the trainer's current weights, settings, loss and optimizer state and leaves the
    trainer unchanged. Raises ConfigError for bad indices.
    """
    if not isinstance(trainer, Trainer):
        raise ConfigError("trainer", type(trainer).__name__, "must be a Trainer")
    ds, cfg = trainer.dataset, trainer.config
    idx = _check_indices(indices, int(ds.x_train.shape[0]))
    net = _copy_network(trainer.network)
    shadow = Trainer(net, ds, cfg, history_capacity=16)  # the engine's own step, on copies
    loss = shadow.loss
    perceptron = cfg.rule == "perceptron"
    n = idx.size
    xb = np.ascontiguousarray(shadow._X[:, idx])
    tb = np.ascontiguousarray(shadow._T[:, idx])
    n_layers = len(net.layers)

    with np.errstate(all="ignore"):
        # ---- the batch, as the engine's step computes it
        ops = shadow._gradient_ops(xb, tb, None)
        ws = net.workspace(n)  # the buffers those operations write (cached per batch size)
        run_ops(ops)
        z_b = [_pieces(z, L) for z, L in zip(ws.z, net.layers)]
        a_b = [a.T.copy() for a in ws.a]
        win_b = [None if w is None else w.T.copy() for w in ws.argmax]
        grad_data = net.grads.copy()
        run_ops(shadow._regularization_ops())
        grad_raw = net.grads.copy()  # what the optimizer receives
        # ---- each point alone: δ and ∂E/∂a per point
        delta_pts = [np.empty((n,) + z.shape[1:]) for z in z_b]
        da_pts = [np.empty((n, L.n_out)) for L in net.layers]
        edge_ok = n * max(L.n_in * L.m for L in net.layers) <= MAX_EDGE_VALUES
        gw_pts = [np.empty((n,) + w.shape) for w, _ in net.get_weights()] if edge_ok else None
        for s in range(n):
            ops = shadow._gradient_ops(xb[:, s : s + 1], tb[:, s : s + 1], None)
            ws1 = net.workspace(1)
            run_ops(ops)
            for l, L in enumerate(net.layers):
                delta_pts[l][s] = _pieces(ws1.dz[l], L)[0]
                da_pts[l][s] = ws1.da[l][:, 0]
            if edge_ok:
                for l, (w, _) in enumerate(_split(net, net.grads)):
                    gw_pts[l][s] = w
        # ---- the update: a copy of the trainer's optimizer, then max-norm and locks
        opt = copy.deepcopy(trainer.optimizer)
        state_before = {b: getattr(opt, b).copy() for b in opt._buffers}
        scalars_before = {k: getattr(opt, k) for k in opt._scalars}
        before = net.params.copy()
        np.copyto(net.grads, grad_raw)
        opt.step(net.params, net.grads, cfg.learning_rate)
        after_opt = net.params.copy()
        if cfg.max_norm:
            shadow._apply_max_norm(cfg.max_norm)
        net.enforce_locks()
        after = net.params.copy()

    # ---------------------------------------------------------------- assemble
    weights = _split(net, before)
    inputs = xb[:-1].T.copy()
    layers: list[LayerTrace] = []
    w_mask = net.weight_mask == 1.0
    reg_l1 = np.where(w_mask, cfg.l1 * np.sign(before), 0.0) if cfg.l1 else None
    reg_l2 = np.where(w_mask, cfg.l2 * before, 0.0) if cfg.l2 else None
    shown = grad_raw.copy()
    for L in net.layers:  # removed connections: gradient 0
        view = shown[L.offset : L.offset + L.size].reshape(L.n_in + 1, L.m)
        view[: L.n_in][np.repeat(net.removed[L.index], L.k, axis=1)] = 0.0
    g_data, g_shown = _split(net, grad_data), _split(net, shown)
    g_l1 = _split(net, reg_l1) if reg_l1 is not None else None
    g_l2 = _split(net, reg_l2) if reg_l2 is not None else None
    prev = inputs
    for l, L in enumerate(net.layers):
        w, b = weights[l]
        is_out = l == n_layers - 1
        products = None
        if edge_ok:
            products = prev[:, :, None, None] * w[None] if L.maxout else prev[:, :, None] * w[None]
        removed = _expand(net.removed[l], L)
        da = da_pts[l]
        if is_out and (perceptron or loss.fused):
            da = None  # the engine goes straight from the error to δ
        slope = None
        if not L.maxout and L.name != "softmax":
            with np.errstate(all="ignore"):
                slope = L.activation.derivative(z_b[l])
        gw_l = None
        if gw_pts is not None:
            gw_l = gw_pts[l]
            gw_l[:, removed] = 0.0
        fwd, back = _layer_text(L, cfg.rule, is_out, loss)
        alpha = None if L.maxout else L.activation.params.get("alpha")
        layers.append(
            LayerTrace(
                index=l,
                activation=L.name,
                label="Maxout" if L.maxout else L.activation.label,
                formula=f"aⱼ = maxₚ zⱼₚ over {L.k} pieces" if L.maxout else L.activation.formula,
                derivative_formula=DERIVATIVES[MAXOUT if L.maxout else L.name],
                n_in=L.n_in,
                n_out=L.n_out,
                maxout=L.maxout,
                pieces=L.k,
                alpha=alpha,
                weights=w,
                biases=b,
                removed=net.removed[l].copy(),
                frozen_weights=net.frozen_w[l].copy(),
                frozen_biases=net.frozen_b[l].copy(),
                inputs=prev,
                products=products,
                z=z_b[l],
                a=a_b[l],
                winner=win_b[l],
                slope=slope,
                forward_formula=fwd,
                da=da,
                da_mean=None if da is None else da.mean(axis=0),
                delta=delta_pts[l],
                delta_mean=delta_pts[l].mean(axis=0),
                grad_w_points=gw_l,
                grad_w_data=np.where(removed, 0.0, g_data[l][0]),
                grad_b_data=g_data[l][1],
                l1_term=None if g_l1 is None else np.where(removed, 0.0, g_l1[l][0]),
                l2_term=None if g_l2 is None else np.where(removed, 0.0, g_l2[l][0]),
                grad_w=g_shown[l][0],
                grad_b=g_shown[l][1],
                backward_formula=back,
            )
        )
        prev = a_b[l]

    # ---- error
    o = a_b[-1]
    z_out = z_b[-1].reshape(n, -1)
    t = tb.T.copy()
    with np.errstate(all="ignore"):
        value = loss.value(o, z_out, t)
        terms = np.array([loss.value(o[s : s + 1], z_out[s : s + 1], t[s : s + 1]) for s in range(n)])
    wts = before[w_mask]
    with np.errstate(all="ignore"):
        penalty = cfg.l1 * float(np.abs(wts).sum()) + 0.5 * cfg.l2 * float(wts @ wts)
    batch_f, point_f, grad_f = LOSS_FORMULAS[loss.name]
    error = ErrorTrace(
        outputs=o,
        targets=t,
        labels=np.asarray(ds.y_train)[idx].copy(),
        loss=loss.name,
        label=loss.label,
        formula=batch_f,
        point_formula=point_f,
        gradient_formula=PERCEPTRON_ERROR if perceptron else grad_f,
        value=float(value),
        terms=terms,
        penalty=penalty,
        objective=float(value) + penalty,
        predicted=predict_classes(o, net) if ds.kind == "classification" else None,
        fused=bool(loss.fused) and not perceptron,
    )

    # ---- update
    update = _update_trace(net, opt, cfg, state_before, scalars_before, before, shown, grad_raw, after_opt, after, perceptron)

    notes = _notes(trainer.network, cfg, n, perceptron, edge_ok)
    return StepTrace(
        indices=idx.copy(),
        points=np.asarray(ds.x_train)[idx].copy(),
        features=tuple(net.features),
        inputs=inputs,
        rule=cfg.rule,
        layers=layers,
        error=error,
        update=update,
        notes=notes,
    )


def _update_trace(net, opt, cfg, state_before, scalars_before, before, shown, grad_raw, after_opt, after, perceptron):
    name, t, h = opt.name, opt.t, opt.hyper
    values: dict[str, np.ndarray] = {"g": shown, "change": after_opt - before}
    scalars: dict[str, float] = {}
    for buf, old in state_before.items():
        values[f"{buf}_before"] = old
        values[buf] = getattr(opt, buf).copy()
    if name == "adadelta":
        with np.errstate(all="ignore"):
            values["delta"] = (
                np.sqrt(state_before["avg_sq_delta"] + opt.eps) / np.sqrt(opt.avg_sq_grad + opt.eps) * grad_raw
            )
    if name in ("adam", "adamw", "amsgrad", "nadam"):
        bc1, bc2 = 1.0 - opt.beta1**t, 1.0 - opt.beta2**t
        scalars["t"] = float(t)
        scalars["1 − β₁ᵗ"] = bc1
        scalars["1 − β₂ᵗ"] = bc2
        if name != "nadam":
            values["m_hat"] = opt.m / bc1
        values["v_hat"] = opt.v / bc2
        if name == "amsgrad":
            values["v_max_hat"] = opt.v_max / bc2
        if name == "nadam":
            psi = opt.momentum_decay
            scalars["μₜ"] = opt.beta1 * (1.0 - 0.5 * 0.96 ** (t * psi))
            scalars["μₜ₊₁"] = opt.beta1 * (1.0 - 0.5 * 0.96 ** ((t + 1) * psi))
            scalars["Πᵢ≤ₜ μᵢ (before)"] = float(scalars_before["mu_product"])
            scalars["Πᵢ≤ₜ μᵢ"] = float(opt.mu_product)
    if cfg.max_norm:
        values["w_optimizer"] = after_opt
    rule = list(OPTIMIZER_RULES[name])
    pre = []
    if perceptron:
        pre.append("g = −Σₛ (t − y)·x   (the perceptron rule's pseudo-gradient; x = 1 for the bias)")
        if name == "sgd":
            rule = ["w ← w − η·g = w + η·Σₛ (t − y)·x"]
    if cfg.l1 or cfg.l2:
        terms = (" + λ₁·sign(w)" if cfg.l1 else "") + (" + λ₂·w" if cfg.l2 else "")
        pre.append(f"g = ∂E/∂w{terms}   (weights only, not biases)")
    post = []
    if cfg.max_norm:
        post.append("then each neuron's incoming weights: w ← w · min(‖w‖, c) / (‖w‖ + 10⁻⁷)")
    layers = []
    split_before, split_after, split_grad = _split(net, before), _split(net, after), _split(net, shown)
    split_vals = {k: _split(net, v) for k, v in values.items()}
    for L in net.layers:
        l = L.index
        layers.append(
            LayerUpdate(
                index=l,
                w_before=split_before[l][0],
                w_grad=split_grad[l][0],
                w_after=split_after[l][0],
                w_updated=~(net.removed[l] | net.frozen_w[l]),
                b_before=split_before[l][1],
                b_grad=split_grad[l][1],
                b_after=split_after[l][1],
                b_updated=~net.frozen_b[l].copy(),
                w_values={k: v[l][0] for k, v in split_vals.items()},
                b_values={k: v[l][1] for k, v in split_vals.items()},
            )
        )
    note = (
        "Removed connections show gradient 0 and are not updated; frozen weights and biases show "
        "their gradient but keep their value. The optimizer's numbers are its state after this step "
        "(it updates its state for every parameter, even those the step then puts back)."
    )
    return UpdateTrace(
        optimizer=name,
        label=opt.label,
        rule=tuple(pre + rule + post),
        learning_rate=float(cfg.learning_rate),
        hyperparameters=dict(h),
        step=int(t),
        scalars=scalars,
        symbols={k: SYMBOLS.get(k, k) for k in values},
        layers=layers,
        max_norm=float(cfg.max_norm),
        note=note,
        params_before=before,
        params_after=after,
        optimizer_state=opt.state_dict(),
    )


def _notes(net: Network, cfg, n: int, perceptron: bool, edge_ok: bool) -> list[str]:
    notes = []
    if n > 1:
        if perceptron:
            notes.append(f"The perceptron rule sums over the {n} points of the batch (it does not average).")
        else:
            notes.append(
                f"The gradient is the mean over the {n} points of the batch; each point's δ and ∂E/∂w are kept too."
            )
    if any(m.any() for m in net.removed):
        notes.append("Removed connections carry 0: their gradient shows as 0 and they are not updated.")
    if any(m.any() for m in net.frozen_w) or any(m.any() for m in net.frozen_b):
        notes.append("Frozen weights and biases have a gradient but keep their value: no update.")
    if any(L.dropout for L in net.layers):
        notes.append(
            "Dropout is not applied here: this is the step without dropout masks (training drops units at random)."
        )
    if not perceptron and any(not L.maxout and L.activation.flat for L in net.layers):
        notes.append("Step and sign have f′ = 0 almost everywhere, so no gradient flows back through them.")
    if cfg.l1 or cfg.l2:
        notes.append("L1/L2 add λ₁·sign(w) and λ₂·w to each weight's gradient (not to the biases).")
    if cfg.max_norm:
        notes.append(f"Max-norm: after the update each neuron's incoming weights are rescaled to norm ≤ {cfg.max_norm:g}.")
    if not edge_ok:
        notes.append("The batch is too large to keep every edge's value per point: those arrays are left out.")
    return notes


def apply_step(trainer: Trainer, trace: StepTrace) -> None:
    """Take the traced step for real: the trainer's weights and optimizer state become the
    trace's "after" (an extra step on the traced points; the epoch and the position in it
    do not change). Raises ConfigError when the weights or the optimizer changed since
    the trace was taken.
    """
    up = trace.update
    net = trainer.network
    if (
        up.params_before is None
        or up.params_before.shape != net.params.shape
        or not np.array_equal(up.params_before, net.params)
        or trainer.optimizer.name != up.optimizer
        or trainer.optimizer.t + 1 != up.step
    ):
        raise ConfigError("trace", "stale", "the network or its optimizer changed since this step was traced")
    trainer.optimizer.load_state_dict(up.optimizer_state)
    net.load_params(up.params_after)
