"""Gradient-descent optimizers that update one flat parameter buffer in place.

The network keeps every weight and bias in a single contiguous float64 vector ``params``
and the gradient of the loss in a vector ``grads`` of the same length.  An optimizer
therefore never sees layers: :meth:`Optimizer.step` is a handful of whole-buffer NumPy
operations written with ``out=`` into state and scratch buffers that were allocated once in
``__init__``, so a step allocates no arrays.  ``step`` runs once per mini-batch (typically
10 samples), where per-call overhead matters more than arithmetic, so each rule is written
with as few ufunc calls as is reasonable.

Conventions used in the formulas below (all operations are element-wise):

    p      parameters             g      gradient of the loss at p
    η      learning rate (lr)     t      number of steps taken, counting the current one
    ε      eps                    β1, β2 exponential decay rates of the moment estimates

The update rules and default values follow the algorithms documented for ``torch.optim``
(PyTorch 2.x): SGD (with ``momentum``/``nesterov``, dampening 0), Adagrad, Adadelta,
RMSprop (not centered, no momentum), Adam, AdamW, Adam(amsgrad=True) and NAdam.  Keras
implements the same rules up to sign conventions and some defaults; where both exist the
PyTorch default is used.  No optional weight decay (L2 penalty) is applied here except
AdamW's decoupled decay: L2 regularization belongs to the loss.

``grads`` is used as scratch space: after :meth:`Optimizer.step` it holds garbage.  ``lr`` is
passed to every call so it can change while training; it is validated by the trainer, not
here.  Hyperparameters are validated when the optimizer is built and any invalid one raises
:class:`~engine.errors.ConfigError` naming ``optimizer.<hyperparameter>`` and the value.

Typical use::

    opt = make_optimizer("adam", params.size, beta1=0.9)
    for batch in batches:
        compute_gradient(params, batch, out=grads)
        opt.step(params, grads, lr)
    saved = opt.state_dict()          # JSON-ready; opt.load_state_dict(saved) resumes
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from numbers import Real
from typing import Any, ClassVar

import numpy as np

from .errors import ConfigError

__all__ = [
    "OPTIMIZERS",
    "SGD",
    "AMSGrad",
    "AdaDelta",
    "AdaGrad",
    "Adam",
    "AdamW",
    "Momentum",
    "NAdam",
    "Nesterov",
    "Optimizer",
    "RMSprop",
    "make_optimizer",
]

# Allowed range of every hyperparameter name used by any optimizer:
# name -> (predicate on a finite float, human description of the range).
_RANGES: dict[str, tuple[Any, str]] = {
    "momentum": (lambda x: 0.0 <= x < 1.0, "must be at least 0 and less than 1"),
    "rho": (lambda x: 0.0 <= x < 1.0, "must be at least 0 and less than 1"),
    "beta1": (lambda x: 0.0 <= x < 1.0, "must be at least 0 and less than 1"),
    "beta2": (lambda x: 0.0 <= x < 1.0, "must be at least 0 and less than 1"),
    "eps": (lambda x: x > 0.0, "must be greater than 0"),
    "weight_decay": (lambda x: x >= 0.0, "must be 0 or greater"),
    "momentum_decay": (lambda x: x >= 0.0, "must be 0 or greater"),
}


def _check_hyper(name: str, value: object) -> float:
    """Return ``value`` as a float, or raise ConfigError if it is not a valid ``name``."""
    field = f"optimizer.{name}"
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ConfigError(field, value, "must be a number")
    x = float(value)
    if not math.isfinite(x):
        raise ConfigError(field, value, "must be a finite number")
    ok, rule = _RANGES[name]
    if not ok(x):
        raise ConfigError(field, value, rule)
    return x


class Optimizer:
    """Base class: validated hyperparameters, preallocated state, save/restore.

    Subclasses set the class attributes below and implement :meth:`step`.  Hyperparameter
    values are available as attributes of the same name (``self.beta1`` ...) and, together,
    as the dict ``self.hyper``.  ``self.t`` counts the steps taken since creation or
    :meth:`reset`.
    """

    name: ClassVar[str] = ""
    """Registry key, e.g. ``"adam"``."""
    label: ClassVar[str] = ""
    """Human-readable name, e.g. ``"Adam"``."""
    default_lr: ClassVar[float] = 0.01
    """The usual default learning rate (PyTorch's)."""
    hyperparameters: ClassVar[dict[str, float]] = {}
    """Hyperparameter names and their defaults (the learning rate is not among them)."""

    _buffers: ClassVar[tuple[str, ...]] = ()
    """Names of the per-parameter state arrays (zeroed by reset, saved by state_dict)."""
    _scalars: ClassVar[dict[str, float]] = {}
    """Names and initial values of scalar float state besides the step count."""
    _needs_scratch: ClassVar[bool] = False
    """Whether step() needs one scratch buffer besides ``grads``."""

    def __init__(self, size: int, **hyper: float):
        if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 0:
            raise ConfigError("optimizer.size", size, "must be a whole number, 0 or greater")
        self.size = int(size)
        values = dict(self.hyperparameters)
        for key, value in hyper.items():
            if key not in self.hyperparameters:
                known = ", ".join(self.hyperparameters) or "none"
                raise ConfigError(
                    f"optimizer.{key}",
                    value,
                    f"{self.label} has no hyperparameter {key!r} (it has: {known})",
                )
            values[key] = _check_hyper(key, value)
        self.hyper: dict[str, float] = {}
        self._set_hyper(values)
        for buf in self._buffers:
            setattr(self, buf, np.zeros(self.size))
        self._tmp = np.empty(self.size) if self._needs_scratch else None
        self.t = 0
        for key, init in self._scalars.items():
            setattr(self, key, init)

    def _set_hyper(self, values: Mapping[str, float]) -> None:
        self.hyper = {k: float(values[k]) for k in self.hyperparameters}
        for key, value in self.hyper.items():
            setattr(self, key, value)

    def step(self, params: np.ndarray, grads: np.ndarray, lr: float) -> None:
        """Update ``params`` in place from ``grads`` (which is overwritten as scratch).

        Both must be 1-D float64 arrays of length ``size`` that do not overlap.
        """
        raise NotImplementedError

    def reset(self) -> None:
        """Forget all accumulated state, as if the optimizer had just been created."""
        for buf in self._buffers:
            getattr(self, buf).fill(0.0)
        self.t = 0
        for key, init in self._scalars.items():
            setattr(self, key, init)

    def state_dict(self) -> dict[str, Any]:
        """The full state as plain JSON-ready values (lists of floats, ints, strings).

        Keys: ``optimizer`` (the registry name), ``size``, ``step`` (steps taken),
        ``hyperparameters``, ``buffers`` (name -> list of ``size`` floats) and ``scalars``
        (name -> float; e.g. NAdam's running product of momentum coefficients).
        """
        return {
            "optimizer": self.name,
            "size": self.size,
            "step": self.t,
            "hyperparameters": dict(self.hyper),
            "buffers": {buf: getattr(self, buf).tolist() for buf in self._buffers},
            "scalars": {key: float(getattr(self, key)) for key in self._scalars},
        }

    def load_state_dict(self, d: Mapping[str, Any]) -> None:
        """Restore a state saved by :meth:`state_dict` of the same optimizer and size.

        Everything is validated before anything changes, so a rejected state leaves the
        optimizer as it was.  Saved hyperparameters replace the current ones, so resumed
        training continues exactly where it stopped.
        """
        if not isinstance(d, Mapping):
            raise ConfigError("optimizer.state", type(d).__name__, "must be a mapping")
        saved_name = d.get("optimizer")
        if saved_name != self.name:
            raise ConfigError(
                "optimizer", saved_name, f"the saved state is not for {self.label} ({self.name!r})"
            )
        step = d.get("step")
        if isinstance(step, bool) or not isinstance(step, (int, np.integer)) or step < 0:
            raise ConfigError("optimizer.step", step, "must be a whole number, 0 or greater")

        hyper = dict(self.hyper)
        saved_hyper = d.get("hyperparameters", {})
        if not isinstance(saved_hyper, Mapping):
            raise ConfigError("optimizer.hyperparameters", saved_hyper, "must be a mapping")
        for key, value in saved_hyper.items():
            if key not in self.hyperparameters:
                raise ConfigError(
                    f"optimizer.{key}", value, f"{self.label} has no such hyperparameter"
                )
            hyper[key] = _check_hyper(key, value)

        saved_buffers = d.get("buffers", {})
        if not isinstance(saved_buffers, Mapping):
            raise ConfigError("optimizer.buffers", saved_buffers, "must be a mapping")
        arrays = {}
        for buf in self._buffers:
            field = f"optimizer.buffers.{buf}"
            if buf not in saved_buffers:
                raise ConfigError(field, None, "missing from the saved state")
            try:
                arr = np.asarray(saved_buffers[buf], dtype=np.float64)
            except (TypeError, ValueError):
                raise ConfigError(field, "...", "must be a list of numbers") from None
            if arr.ndim != 1 or arr.size != self.size:
                raise ConfigError(
                    field, f"{arr.size} values", f"expected {self.size} values (one per parameter)"
                )
            if not np.isfinite(arr).all():
                raise ConfigError(field, "...", "contains NaN or infinite values")
            arrays[buf] = arr

        saved_scalars = d.get("scalars", {})
        if not isinstance(saved_scalars, Mapping):
            raise ConfigError("optimizer.scalars", saved_scalars, "must be a mapping")
        scalars = {}
        for key in self._scalars:
            value = saved_scalars.get(key)
            if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(value):
                raise ConfigError(f"optimizer.scalars.{key}", value, "must be a finite number")
            scalars[key] = float(value)

        # All valid: commit. Copy into the existing buffers so no reference goes stale.
        self._set_hyper(hyper)
        for buf, arr in arrays.items():
            np.copyto(getattr(self, buf), arr)
        self.t = int(step)
        for key, value in scalars.items():
            setattr(self, key, value)

    def __repr__(self) -> str:
        hyper = ", ".join(f"{k}={v:g}" for k, v in self.hyper.items())
        return f"{type(self).__name__}(size={self.size}{', ' if hyper else ''}{hyper})"


# --------------------------------------------------------------------------------------
# Plain and momentum SGD
# --------------------------------------------------------------------------------------


class SGD(Optimizer):
    """Stochastic gradient descent.

        p ← p − η g

    Default lr 1e-3 is PyTorch's ``torch.optim.SGD`` default (Keras uses 0.01).
    """

    name = "sgd"
    label = "SGD"
    default_lr = 1e-3
    hyperparameters = {}

    def step(self, params: np.ndarray, grads: np.ndarray, lr: float) -> None:
        self.t += 1
        np.multiply(grads, lr, out=grads)
        np.subtract(params, grads, out=params)


class Momentum(SGD):
    """SGD with (heavy-ball) momentum, PyTorch form with dampening 0.

        v ← μ v + g
        p ← p − η v

    μ = ``momentum``, default 0.9; v starts at 0 (so the first v is g, as in PyTorch).
    Keras writes the same rule as v ← μ v − η g; p ← p + v, which differs only when η
    changes between steps.  Default lr 1e-3 as PyTorch's SGD.
    """

    name = "momentum"
    label = "SGD with momentum"
    hyperparameters = {"momentum": 0.9}
    _buffers = ("velocity",)

    def step(self, params: np.ndarray, grads: np.ndarray, lr: float) -> None:
        self.t += 1
        v = self.velocity
        np.multiply(v, self.momentum, out=v)
        np.add(v, grads, out=v)
        np.multiply(v, lr, out=grads)
        np.subtract(params, grads, out=params)


class Nesterov(SGD):
    """SGD with Nesterov momentum, PyTorch form (``SGD(nesterov=True)``, dampening 0).

        v ← μ v + g
        p ← p − η (g + μ v)

    μ = ``momentum``, default 0.9; v starts at 0.  Default lr 1e-3 as PyTorch's SGD.
    """

    name = "nesterov"
    label = "SGD with Nesterov momentum"
    hyperparameters = {"momentum": 0.9}
    _buffers = ("velocity",)

    def step(self, params: np.ndarray, grads: np.ndarray, lr: float) -> None:
        self.t += 1
        v, mu = self.velocity, self.momentum
        np.multiply(v, mu, out=v)
        np.add(v, grads, out=v)
        # p ← p − η g − η μ v, reusing grads for both terms.
        np.multiply(grads, lr, out=grads)
        np.subtract(params, grads, out=params)
        np.multiply(v, lr * mu, out=grads)
        np.subtract(params, grads, out=params)


# --------------------------------------------------------------------------------------
# Adaptive per-parameter learning rates
# --------------------------------------------------------------------------------------


class AdaGrad(Optimizer):
    """Adagrad (Duchi et al. 2011), PyTorch form with lr_decay 0 and initial accumulator 0.

        s ← s + g²
        p ← p − η g / (√s + ε)

    Defaults are PyTorch's: lr 0.01, ε = 1e-10.
    """

    name = "adagrad"
    label = "Adagrad"
    default_lr = 0.01
    hyperparameters = {"eps": 1e-10}
    _buffers = ("sum_sq",)
    _needs_scratch = True

    def step(self, params: np.ndarray, grads: np.ndarray, lr: float) -> None:
        self.t += 1
        s, tmp = self.sum_sq, self._tmp
        np.multiply(grads, grads, out=tmp)
        np.add(s, tmp, out=s)
        np.sqrt(s, out=tmp)
        np.add(tmp, self.eps, out=tmp)
        np.divide(grads, tmp, out=grads)
        np.multiply(grads, lr, out=grads)
        np.subtract(params, grads, out=params)


class AdaDelta(Optimizer):
    """Adadelta (Zeiler 2012), PyTorch form.

        E[g²] ← ρ E[g²] + (1 − ρ) g²
        Δ     ← √(E[Δ²] + ε) / √(E[g²] + ε) · g
        E[Δ²] ← ρ E[Δ²] + (1 − ρ) Δ²
        p     ← p − η Δ

    Defaults are PyTorch's: lr 1.0, ρ = ``rho`` = 0.9, ε = 1e-6.
    """

    name = "adadelta"
    label = "Adadelta"
    default_lr = 1.0
    hyperparameters = {"rho": 0.9, "eps": 1e-6}
    _buffers = ("avg_sq_grad", "avg_sq_delta")
    _needs_scratch = True

    def step(self, params: np.ndarray, grads: np.ndarray, lr: float) -> None:
        self.t += 1
        rho, eps, tmp = self.rho, self.eps, self._tmp
        eg, ed = self.avg_sq_grad, self.avg_sq_delta
        # E[g²] ← ρ E[g²] + (1 − ρ) g²
        np.multiply(grads, 1.0 - rho, out=tmp)
        np.multiply(tmp, grads, out=tmp)
        np.multiply(eg, rho, out=eg)
        np.add(eg, tmp, out=eg)
        # Δ = √(E[Δ²] + ε) / √(E[g²] + ε) · g, built in grads
        np.add(eg, eps, out=tmp)
        np.sqrt(tmp, out=tmp)
        np.divide(grads, tmp, out=grads)
        np.add(ed, eps, out=tmp)
        np.sqrt(tmp, out=tmp)
        np.multiply(grads, tmp, out=grads)
        # E[Δ²] ← ρ E[Δ²] + (1 − ρ) Δ²
        np.multiply(grads, 1.0 - rho, out=tmp)
        np.multiply(tmp, grads, out=tmp)
        np.multiply(ed, rho, out=ed)
        np.add(ed, tmp, out=ed)
        # p ← p − η Δ
        np.multiply(grads, lr, out=grads)
        np.subtract(params, grads, out=params)


class RMSprop(Optimizer):
    """RMSprop (Hinton 2012), PyTorch form: not centered, no momentum.

        v ← ρ v + (1 − ρ) g²
        p ← p − η g / (√v + ε)

    ρ is PyTorch's ``alpha`` (Keras calls it ``rho``).  Defaults are PyTorch's: lr 0.01,
    ρ = 0.99, ε = 1e-8 (Keras's defaults differ: lr 1e-3, ρ 0.9).
    """

    name = "rmsprop"
    label = "RMSprop"
    default_lr = 0.01
    hyperparameters = {"rho": 0.99, "eps": 1e-8}
    _buffers = ("avg_sq",)
    _needs_scratch = True

    def step(self, params: np.ndarray, grads: np.ndarray, lr: float) -> None:
        self.t += 1
        v, tmp = self.avg_sq, self._tmp
        np.multiply(grads, 1.0 - self.rho, out=tmp)
        np.multiply(tmp, grads, out=tmp)
        np.multiply(v, self.rho, out=v)
        np.add(v, tmp, out=v)
        np.sqrt(v, out=tmp)
        np.add(tmp, self.eps, out=tmp)
        np.divide(grads, tmp, out=grads)
        np.multiply(grads, lr, out=grads)
        np.subtract(params, grads, out=params)


# --------------------------------------------------------------------------------------
# The Adam family
# --------------------------------------------------------------------------------------


class Adam(Optimizer):
    """Adam (Kingma & Ba 2015), PyTorch form.

        t ← t + 1
        m ← β1 m + (1 − β1) g
        v ← β2 v + (1 − β2) g²
        m̂ = m / (1 − β1ᵗ)        v̂ = v / (1 − β2ᵗ)
        p ← p − η m̂ / (√v̂ + ε)

    Defaults are PyTorch's (and Keras's): lr 1e-3, β1 = 0.9, β2 = 0.999, ε = 1e-8.
    Computed as p ← p − η·√(1−β2ᵗ)/(1−β1ᵗ) · m / (√v + ε·√(1−β2ᵗ)), the same value.
    """

    name = "adam"
    label = "Adam"
    default_lr = 1e-3
    hyperparameters = {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8}
    _buffers = ("m", "v")
    _needs_scratch = True

    def _update_moments(self, grads: np.ndarray) -> None:
        """m ← β1 m + (1 − β1) g;  v ← β2 v + (1 − β2) g²  (leaves grads intact)."""
        m, v, tmp = self.m, self.v, self._tmp
        np.multiply(grads, 1.0 - self.beta1, out=tmp)
        np.multiply(m, self.beta1, out=m)
        np.add(m, tmp, out=m)
        np.multiply(grads, 1.0 - self.beta2, out=tmp)
        np.multiply(tmp, grads, out=tmp)
        np.multiply(v, self.beta2, out=v)
        np.add(v, tmp, out=v)

    def _adam_update(self, params: np.ndarray, grads: np.ndarray, lr: float, v: np.ndarray) -> None:
        """p ← p − η m̂ / (√(v/(1−β2ᵗ)) + ε), using grads as scratch."""
        t = self.t
        bc1 = 1.0 - self.beta1**t
        sqrt_bc2 = math.sqrt(1.0 - self.beta2**t)
        np.sqrt(v, out=grads)
        np.add(grads, self.eps * sqrt_bc2, out=grads)
        np.divide(self.m, grads, out=grads)
        np.multiply(grads, lr * sqrt_bc2 / bc1, out=grads)
        np.subtract(params, grads, out=params)

    def step(self, params: np.ndarray, grads: np.ndarray, lr: float) -> None:
        self.t += 1
        self._update_moments(grads)
        self._adam_update(params, grads, lr, self.v)


class AdamW(Adam):
    """AdamW (Loshchilov & Hutter 2019): Adam with decoupled weight decay, PyTorch form.

        p ← p − η λ p            (decay first, on the current parameters)
        then the Adam step:  m, v, m̂, v̂ as Adam;  p ← p − η m̂ / (√v̂ + ε)

    λ = ``weight_decay``.  Defaults are PyTorch's: lr 1e-3, β1 0.9, β2 0.999, ε 1e-8,
    λ = 0.01.  (Keras applies the decay with the same formula, default λ = 0.004.)
    """

    name = "adamw"
    label = "AdamW"
    hyperparameters = {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.01}

    def step(self, params: np.ndarray, grads: np.ndarray, lr: float) -> None:
        self.t += 1
        if self.weight_decay:
            np.multiply(params, 1.0 - lr * self.weight_decay, out=params)
        self._update_moments(grads)
        self._adam_update(params, grads, lr, self.v)


class AMSGrad(Adam):
    """AMSGrad (Reddi et al. 2018), as PyTorch's ``Adam(amsgrad=True)``.

        m, v as Adam
        v_max ← max(v_max, v)
        p ← p − η m̂ / (√v_max / √(1 − β2ᵗ) + ε)

    The maximum is taken over the raw (not bias-corrected) v.  Defaults as Adam.
    """

    name = "amsgrad"
    label = "AMSGrad"
    _buffers = ("m", "v", "v_max")

    def step(self, params: np.ndarray, grads: np.ndarray, lr: float) -> None:
        self.t += 1
        self._update_moments(grads)
        np.maximum(self.v_max, self.v, out=self.v_max)
        self._adam_update(params, grads, lr, self.v_max)


class NAdam(Adam):
    """NAdam (Dozat 2016): Adam with Nesterov momentum, PyTorch form (``torch.optim.NAdam``).

        t ← t + 1
        μ_t     = β1 (1 − ½ · 0.96^(t ψ))
        μ_{t+1} = β1 (1 − ½ · 0.96^((t+1) ψ))
        m ← β1 m + (1 − β1) g
        v ← β2 v + (1 − β2) g²
        v̂ = v / (1 − β2ᵗ)
        p ← p − η (1 − μ_t) / (1 − Π_{i≤t} μ_i) · g / (√v̂ + ε)
              − η μ_{t+1} / (1 − Π_{i≤t+1} μ_i) · m / (√v̂ + ε)

    ψ = ``momentum_decay``.  Defaults are PyTorch's: lr 2e-3, β1 0.9, β2 0.999, ε 1e-8,
    ψ = 0.004.  The running product Π_{i≤t} μ_i is kept as scalar state ``mu_product``.
    """

    name = "nadam"
    label = "NAdam"
    default_lr = 2e-3
    hyperparameters = {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "momentum_decay": 0.004}
    _scalars = {"mu_product": 1.0}

    def step(self, params: np.ndarray, grads: np.ndarray, lr: float) -> None:
        self.t += 1
        t, beta1, psi = self.t, self.beta1, self.momentum_decay
        mu = beta1 * (1.0 - 0.5 * 0.96 ** (t * psi))
        mu_next = beta1 * (1.0 - 0.5 * 0.96 ** ((t + 1) * psi))
        self.mu_product *= mu
        sqrt_bc2 = math.sqrt(1.0 - self.beta2**t)
        # With d = √v + ε√(1−β2ᵗ) we have √v̂ + ε = d / √(1−β2ᵗ), so both terms share d.
        c_grad = lr * (1.0 - mu) / (1.0 - self.mu_product) * sqrt_bc2
        c_m = lr * mu_next / (1.0 - self.mu_product * mu_next) * sqrt_bc2

        self._update_moments(grads)
        tmp = self._tmp
        np.multiply(grads, c_grad, out=grads)
        np.multiply(self.m, c_m, out=tmp)
        np.add(grads, tmp, out=grads)
        np.sqrt(self.v, out=tmp)
        np.add(tmp, self.eps * sqrt_bc2, out=tmp)
        np.divide(grads, tmp, out=grads)
        np.subtract(params, grads, out=params)


# --------------------------------------------------------------------------------------
# Registry
# --------------------------------------------------------------------------------------

OPTIMIZERS: dict[str, type[Optimizer]] = {
    cls.name: cls
    for cls in (SGD, Momentum, Nesterov, AdaGrad, AdaDelta, RMSprop, Adam, AdamW, NAdam, AMSGrad)
}
"""All optimizers by registry name, in the order a menu should list them."""


def make_optimizer(name: str, size: int, **hyper: float) -> Optimizer:
    """Build the optimizer registered as ``name`` for ``size`` parameters.

    Hyperparameters not given take their defaults; see each class's ``hyperparameters``.
    An unknown name or an invalid hyperparameter raises :class:`ConfigError`.
    """
    cls = OPTIMIZERS.get(name) if isinstance(name, str) else None
    if cls is None:
        raise ConfigError(
            "optimizer", name, "unknown optimizer; choose one of: " + ", ".join(OPTIMIZERS)
        )
    return cls(size, **hyper)
