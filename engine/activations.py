"""Activation functions f(z) and their derivatives, as the course presents them.

Each activation is a small class with

* ``forward(z, out)`` — writes f(z) into ``out`` (``z`` and ``out`` may be views);
* ``backward(z, a, grad_a, out)`` — writes ∂E/∂z = f′(z)·∂E/∂a into ``out``, given the
  pre-activation ``z``, the activation ``a = f(z)`` and the incoming ``grad_a = ∂E/∂a``
  (softmax uses its Jacobian here instead of an element-wise product);
* ``derivative(z)`` — f′(z) element-wise, for plots of the activation and its slope;
* ``target_range`` — the (low, high) values class targets are mapped to for this output
  (0/1 for step and sigmoid, −1/+1 for tanh and sign; see ``engine.training``).

Element-wise functions work in place with ``out=`` so the training loop allocates
nothing. Parameters (Leaky ReLU's slope, ELU's alpha) are given at construction.

Maxout is not here: it changes the shape of a layer (k linear pieces per neuron), so the
network handles it (``engine.network``); its activation is the identity on each piece
followed by a max.

The registry ``ACTIVATIONS`` maps each name used in files to its class: an unknown name is
a clear :class:`~engine.errors.ConfigError`, never a lookup of arbitrary code.
"""

from __future__ import annotations

import math
from functools import partial

import numpy as np

from .errors import ConfigError

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


class Activation:
    """Base class. Subclasses set ``name``, ``label`` and ``formula`` and implement f, f′."""

    name = ""
    label = ""
    formula = ""
    target_range: tuple[float, float] = (-1.0, 1.0)
    #: True when f′ is zero almost everywhere (step, sign): backpropagation cannot learn.
    flat = False
    #: Parameters this activation accepts, with their defaults.
    parameters: dict[str, float] = {}

    def __init__(self, **params: float):
        for key, value in params.items():
            if key not in self.parameters:
                raise ConfigError(f"activation.{key}", value, f"{self.name} takes no parameter {key!r}")
            if not isinstance(value, (int, float)) or not math.isfinite(value):
                raise ConfigError(f"activation.{key}", value, "must be a finite number")
        self.params = {**self.parameters, **{k: float(v) for k, v in params.items()}}

    def forward(self, z: np.ndarray, out: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def derivative(self, z: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray, out: np.ndarray) -> np.ndarray:
        """∂E/∂z = f′(z) ⊙ ∂E/∂a (element-wise activations)."""
        np.multiply(self.derivative(z), grad_a, out=out)
        return out

    # The training loop runs a precompiled list of (function, args) calls per batch.
    # By default an activation is one such call; the hot ones (below) give their
    # ufunc calls directly, which saves a Python frame per layer and batch.
    def forward_ops(self, z, out) -> list:
        return [(self.forward, (z, out))]

    def backward_ops(self, z, a, grad_a, out) -> list:
        return [(self.backward, (z, a, grad_a, out))]

    def __call__(self, z: np.ndarray) -> np.ndarray:
        z = np.asarray(z, dtype=float)
        return self.forward(z, np.empty_like(z))

    def __repr__(self) -> str:
        extra = ", ".join(f"{k}={v:g}" for k, v in self.params.items() if self.parameters.get(k) != v)
        return f"{type(self).__name__}({extra})"


def _unaliased(z: np.ndarray, out: np.ndarray) -> np.ndarray:
    """``z``, copied when ``out`` overlaps it: multi-step formulas read z after writing out."""
    return z.copy() if np.shares_memory(z, out) else z


def run_ops(ops: list) -> None:
    """Execute a list of (function, args) pairs — a straight-line program of NumPy calls."""
    for fn, args in ops:
        fn(*args)


class OpsActivation(Activation):
    """An activation defined by its lists of ufunc calls (``forward_ops``/``backward_ops``)."""

    def forward(self, z, out):
        run_ops(self.forward_ops(_unaliased(z, out), out))
        return out

    def backward(self, z, a, grad_a, out):
        run_ops(self.backward_ops(z, a, grad_a, out))
        return out


class Step(Activation):
    """Heaviside step, the McCulloch-Pitts threshold: f(z) = 1 if z ≥ 0 else 0.

    With bias b = −θ the neuron fires when Σwᵢxᵢ reaches the threshold θ. f′ = 0 almost
    everywhere, so such neurons learn with the perceptron rule, not backpropagation.
    """

    name, label, formula = "step", "Step", "f(z) = 1 if z ≥ 0, else 0"
    target_range = (0.0, 1.0)
    flat = True

    def forward(self, z, out):
        np.greater_equal(z, 0.0, out=out, casting="unsafe")
        return out

    def derivative(self, z):
        return np.zeros_like(z)

    def backward(self, z, a, grad_a, out):
        out.fill(0.0)
        return out


class Sign(Step):
    """Sign (bipolar step): f(z) = +1 if z ≥ 0 else −1; f′ = 0 almost everywhere."""

    name, label, formula = "sign", "Sign", "f(z) = +1 if z ≥ 0, else −1"
    target_range = (-1.0, 1.0)

    def forward(self, z, out):
        super().forward(z, out)
        np.multiply(out, 2.0, out=out)
        np.subtract(out, 1.0, out=out)
        return out


class Linear(OpsActivation):
    """Identity: f(z) = z, f′(z) = 1."""

    name, label, formula = "linear", "Linear", "f(z) = z"

    def forward_ops(self, z, out):
        return [] if out is z else [(np.copyto, (out, z))]

    def derivative(self, z):
        return np.ones_like(z)

    def backward_ops(self, z, a, grad_a, out):
        return [(np.copyto, (out, grad_a))]

class Sigmoid(OpsActivation):
    """Logistic sigmoid: f(z) = 1 / (1 + e^(−z)), f′(z) = f(z)(1 − f(z))."""

    name, label, formula = "sigmoid", "Sigmoid", "f(z) = 1 / (1 + e^(−z))"
    target_range = (0.0, 1.0)

    def forward_ops(self, z, out):
        # 1/(1+e^-z) = ½(1 + tanh(z/2)): no overflow for any z.
        return [
            (np.multiply, (z, 0.5, out)),
            (np.tanh, (out, out)),
            (np.add, (out, 1.0, out)),
            (np.multiply, (out, 0.5, out)),
        ]

    def derivative(self, z):
        s = self(z)
        return s * (1.0 - s)

    def backward_ops(self, z, a, grad_a, out):
        return [
            (np.subtract, (1.0, a, out)),
            (np.multiply, (out, a, out)),
            (np.multiply, (out, grad_a, out)),
        ]

class Tanh(OpsActivation):
    """Hyperbolic tangent: f(z) = tanh z, f′(z) = 1 − tanh² z."""

    name, label, formula = "tanh", "Tanh", "f(z) = tanh(z)"

    def forward_ops(self, z, out):
        return [(np.tanh, (z, out))]

    def derivative(self, z):
        return 1.0 - np.tanh(z) ** 2

    def backward_ops(self, z, a, grad_a, out):
        return [
            (np.multiply, (a, a, out)),
            (np.subtract, (1.0, out, out)),
            (np.multiply, (out, grad_a, out)),
        ]

class ReLU(OpsActivation):
    """Rectified linear unit: f(z) = max(0, z), f′(z) = 1 if z > 0 else 0."""

    name, label, formula = "relu", "ReLU", "f(z) = max(0, z)"
    target_range = (0.0, 1.0)

    def forward_ops(self, z, out):
        return [(partial(np.maximum, out=out), (z, 0.0))]  # out= by keyword: NumPy 2.4

    def derivative(self, z):
        return (np.asarray(z) > 0).astype(float)

    def backward_ops(self, z, a, grad_a, out):
        return [(np.greater, (z, 0.0, out)), (np.multiply, (out, grad_a, out))]

class LeakyReLU(OpsActivation):
    """Leaky ReLU: f(z) = max(αz, z) for 0 ≤ α < 1 (the course writes max(0.1x, x)).

    f′(z) = 1 if z > 0 else α. Default α = 0.1 as on the slides.
    """

    name, label, formula = "leaky_relu", "Leaky ReLU", "f(z) = max(αz, z)"
    target_range = (0.0, 1.0)
    parameters = {"alpha": 0.1}

    def __init__(self, **params):
        super().__init__(**params)
        if not 0.0 <= self.params["alpha"] < 1.0:
            raise ConfigError("activation.alpha", self.params["alpha"], "Leaky ReLU slope must be in [0, 1)")

    def forward_ops(self, z, out):
        return [(np.multiply, (z, self.params["alpha"], out)), (partial(np.maximum, out=out), (out, z))]

    def derivative(self, z):
        return np.where(np.asarray(z) > 0, 1.0, self.params["alpha"])

    def backward_ops(self, z, a, grad_a, out):
        alpha = self.params["alpha"]
        return [
            (np.greater, (z, 0.0, out)),  # 1 or 0
            (np.multiply, (out, 1.0 - alpha, out)),
            (np.add, (out, alpha, out)),  # 1 or α
            (np.multiply, (out, grad_a, out)),
        ]

class ELU(Activation):
    """Exponential linear unit: f(z) = z if z > 0 else α(eᶻ − 1); f′ = 1 or f(z) + α."""

    name, label, formula = "elu", "ELU", "f(z) = z if z > 0, else α(eᶻ − 1)"
    parameters = {"alpha": 1.0}

    def __init__(self, **params):
        super().__init__(**params)
        if self.params["alpha"] <= 0:
            raise ConfigError("activation.alpha", self.params["alpha"], "ELU alpha must be positive")

    def forward(self, z, out):
        z = _unaliased(z, out)
        alpha = self.params["alpha"]
        np.minimum(z, 0.0, out=out)
        np.expm1(out, out=out)
        np.multiply(out, alpha, out=out)
        np.copyto(out, z, where=z > 0)
        return out

    def derivative(self, z):
        return np.where(z > 0, 1.0, self.params["alpha"] * np.exp(np.minimum(z, 0.0)))

    def backward(self, z, a, grad_a, out):
        np.add(a, self.params["alpha"], out=out)  # α eᶻ for z ≤ 0
        np.copyto(out, 1.0, where=z > 0)
        np.multiply(out, grad_a, out=out)
        return out


class SELU(Activation):
    """Scaled ELU (Klambauer et al. 2017): f(z) = λ·(z if z > 0 else α(eᶻ − 1)).

    λ ≈ 1.0507, α ≈ 1.6733 (self-normalising constants); f′ = λ or f(z) + λα.
    """

    name, label, formula = "selu", "SELU", "f(z) = λ·(z if z > 0, else α(eᶻ − 1))"

    def forward(self, z, out):
        z = _unaliased(z, out)
        np.minimum(z, 0.0, out=out)
        np.expm1(out, out=out)
        np.multiply(out, SELU_ALPHA, out=out)
        np.copyto(out, z, where=z > 0)
        np.multiply(out, SELU_SCALE, out=out)
        return out

    def derivative(self, z):
        return SELU_SCALE * np.where(z > 0, 1.0, SELU_ALPHA * np.exp(np.minimum(z, 0.0)))

    def backward(self, z, a, grad_a, out):
        np.add(a, SELU_SCALE * SELU_ALPHA, out=out)
        np.copyto(out, SELU_SCALE, where=z > 0)
        np.multiply(out, grad_a, out=out)
        return out


class Softplus(Activation):
    """Softplus: f(z) = ln(1 + eᶻ), a smooth ReLU; f′(z) = sigmoid(z)."""

    name, label, formula = "softplus", "Softplus", "f(z) = ln(1 + eᶻ)"
    target_range = (0.0, 1.0)

    def forward(self, z, out):
        np.logaddexp(0.0, z, out=out)
        return out

    def derivative(self, z):
        return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=float)))


class SiLU(Activation):
    """SiLU / Swish: f(z) = z·σ(z); f′(z) = σ(z)(1 + z(1 − σ(z)))."""

    name, label, formula = "silu", "SiLU (Swish)", "f(z) = z · σ(z)"
    target_range = (0.0, 1.0)

    def forward(self, z, out):
        z = _unaliased(z, out)
        np.multiply(z, 0.5, out=out)
        np.tanh(out, out=out)
        np.add(out, 1.0, out=out)
        np.multiply(out, 0.5, out=out)
        np.multiply(out, z, out=out)
        return out

    def derivative(self, z):
        s = 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=float)))
        return s * (1.0 + z * (1.0 - s))


class GELU(Activation):
    """GELU in its tanh form (Hendrycks & Gimpel 2016; PyTorch's ``approximate="tanh"``).

    f(z) = ½z(1 + tanh u) with u = √(2/π)(z + 0.044715z³);
    f′(z) = ½(1 + tanh u) + ½z(1 − tanh² u)·√(2/π)(1 + 3·0.044715z²).
    """

    name, label, formula = "gelu", "GELU", "f(z) = ½z(1 + tanh(√(2/π)(z + 0.044715z³)))"
    target_range = (0.0, 1.0)
    _c = math.sqrt(2.0 / math.pi)

    def forward(self, z, out):
        z = _unaliased(z, out)
        np.multiply(z, z, out=out)
        np.multiply(out, 0.044715, out=out)
        np.add(out, 1.0, out=out)
        np.multiply(out, z, out=out)
        np.multiply(out, self._c, out=out)
        np.tanh(out, out=out)
        np.add(out, 1.0, out=out)
        np.multiply(out, z, out=out)
        np.multiply(out, 0.5, out=out)
        return out

    def derivative(self, z):
        z = np.asarray(z, dtype=float)
        t = np.tanh(self._c * (z + 0.044715 * z**3))
        return 0.5 * (1.0 + t) + 0.5 * z * (1.0 - t * t) * self._c * (1.0 + 3 * 0.044715 * z * z)


class Softmax(Activation):
    """Softmax over the neurons of a layer: fᵢ(z) = e^(zᵢ) / Σⱼ e^(zⱼ).

    Its Jacobian is ∂fᵢ/∂zⱼ = fᵢ(δᵢⱼ − fⱼ), so ∂E/∂z = f ⊙ (∂E/∂f − ⟨∂E/∂f, f⟩). Used
    on the output layer; with categorical cross-entropy the pair reduces to
    ∂E/∂z = (f − y)/n, which ``engine.losses`` uses directly. ``derivative`` returns
    the diagonal fᵢ(1 − fᵢ) for plots.
    """

    name, label, formula = "softmax", "Softmax", "fᵢ(z) = e^(zᵢ) / Σⱼ e^(zⱼ)"
    target_range = (0.0, 1.0)

    def forward(self, z, out):
        np.subtract(z, z.max(axis=-1, keepdims=True), out=out)
        np.exp(out, out=out)
        np.divide(out, out.sum(axis=-1, keepdims=True), out=out)
        return out

    def derivative(self, z):
        s = self(np.atleast_2d(z))
        return (s * (1.0 - s)).reshape(np.shape(z))

    def backward(self, z, a, grad_a, out):
        dot = np.einsum("ij,ij->i", grad_a, a)[:, None]
        np.subtract(grad_a, dot, out=out)
        np.multiply(out, a, out=out)
        return out


ACTIVATIONS: dict[str, type[Activation]] = {
    cls.name: cls
    for cls in (Step, Sign, Linear, Sigmoid, Tanh, ReLU, LeakyReLU, ELU, SELU, Softplus, SiLU, GELU, Softmax)
}

#: Maxout is a layer shape, not an element-wise function; it is listed so menus and
#: files can name it. Its layer computes maxₖ(zₖ) over k linear pieces per neuron.
MAXOUT = "maxout"
ACTIVATION_NAMES: tuple[str, ...] = (*ACTIVATIONS, MAXOUT)


def make_activation(name: str, **params: float) -> Activation:
    """The activation called ``name`` (from ``ACTIVATIONS``) with its parameters."""
    try:
        cls = ACTIVATIONS[name]
    except (KeyError, TypeError):
        raise ConfigError(
            "activation", name, f"unknown activation; choose one of: {', '.join(ACTIVATION_NAMES)}"
        ) from None
    return cls(**params)
