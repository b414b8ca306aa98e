"""Loss functions E(o, t) over a batch of n samples, and their gradients.

* ``mse`` — squared error as on the course's slides, E = 1/(2n) Σᵢ ‖tᵢ − oᵢ‖²,
  ∂E/∂o = (o − t)/n. Works with any output activation (Playground's loss).
* ``bce`` — binary cross-entropy, E = −1/(nK) Σᵢₖ [t log o + (1 − t) log(1 − o)] (Keras'
  ``binary_crossentropy``: mean over the K outputs and the n samples). Needs a sigmoid
  output; computed from the logits z as max(z, 0) − z·t + log(1 + e^(−|z|)) so it never
  overflows, and ∂E/∂z = (σ(z) − t)/(nK).
* ``cce`` — categorical cross-entropy with a softmax output and one-hot targets (Keras'
  ``categorical_crossentropy``): E = −1/n Σᵢ Σₖ tᵢₖ log oᵢₖ, from the logits as
  log oᵢₖ = zᵢₖ − logsumexp(zᵢ); ∂E/∂z = (o − t)/n.
* ``sparse_cce`` — the same with integer class labels (Keras'
  ``sparse_categorical_crossentropy``): E = −1/n Σᵢ log oᵢ,yᵢ.

For the fused pairs (sigmoid + bce, softmax + cce) :meth:`Loss.gradient` returns ∂E/∂z
directly (``fused = True``); for ``mse`` it returns ∂E/∂o and the output activation's
``backward`` carries it to z. Dense targets are always (n, K) arrays; sparse losses turn
integer labels into one-hot rows with :meth:`Loss.dense_targets`.
"""

from __future__ import annotations

import numpy as np

from .errors import ConfigError


class Loss:
    name = ""
    label = ""
    formula = ""
    #: the output activation this loss needs, or None for any
    requires: str | None = None
    #: gradient() gives ∂E/∂z (fused with the output activation) instead of ∂E/∂o
    fused = False
    #: targets are integer class labels rather than rows of target values
    sparse = False

    def check_output(self, activation: str, n_outputs: int) -> None:
        if self.requires is not None and activation != self.requires:
            raise ConfigError(
                "loss", self.name, f"{self.label} needs a {self.requires} output layer, not {activation}"
            )

    def dense_targets(self, labels: np.ndarray, n_outputs: int) -> np.ndarray:
        """Integer labels (n,) → one-hot (n, K); dense targets pass through unchanged."""
        labels = np.asarray(labels)
        if labels.ndim == 2:
            return labels.astype(float)
        onehot = np.zeros((labels.shape[0], n_outputs))
        onehot[np.arange(labels.shape[0]), labels.astype(int)] = 1.0
        return onehot

    def value(self, o: np.ndarray, z: np.ndarray, t: np.ndarray) -> float:
        raise NotImplementedError

    def gradient_ops(self, o: np.ndarray, z: np.ndarray, t: np.ndarray, out: np.ndarray) -> list:
        """The gradient as (function, args) calls writing into ``out``.

        All four losses share one form: (o − t)/N — N the batch size, or the number of
        output values for binary cross-entropy — taken with respect to o for squared
        error and with respect to z for the fused pairs.
        """
        scale = 1.0 / (o.size if self.per_value else o.shape[0])
        return [(np.subtract, (o, t, out)), (np.multiply, (out, scale, out))]

    #: the mean runs over every output value (Keras' binary_crossentropy), not the samples
    per_value = False

    def gradient(self, o: np.ndarray, z: np.ndarray, t: np.ndarray, out: np.ndarray) -> np.ndarray:
        for fn, args in self.gradient_ops(o, z, t, out):
            fn(*args)
        return out

    def __call__(self, o, t) -> float:
        """E(o, t) from outputs alone (convenience for tests and scripts)."""
        o = np.atleast_2d(np.asarray(o, dtype=float))
        t = self.dense_targets(np.asarray(t), o.shape[1]) if self.sparse else np.atleast_2d(t)
        z = _logits_of(o, self.requires)
        return self.value(o, z, t)


class SquaredError(Loss):
    """E = 1/(2n) Σᵢ ‖tᵢ − oᵢ‖², ∂E/∂o = (o − t)/n."""

    name, label, formula = "mse", "Squared error", "E = 1/(2n) Σ ‖t − o‖²"

    def value(self, o, z, t):
        d = o - t
        return float(np.einsum("ij,ij->", d, d)) / (2.0 * o.shape[0])


class BinaryCrossEntropy(Loss):
    """E = −1/(nK) Σ [t log o + (1 − t) log(1 − o)], o = σ(z); ∂E/∂z = (o − t)/(nK)."""

    name, label, formula = "bce", "Binary cross-entropy", "E = −1/n Σ [t log o + (1 − t) log(1 − o)]"
    requires = "sigmoid"
    fused = True
    per_value = True

    def value(self, o, z, t):
        per = np.maximum(z, 0.0) - z * t + np.log1p(np.exp(-np.abs(z)))
        return float(per.mean())


class CategoricalCrossEntropy(Loss):
    """E = −1/n Σᵢ Σₖ tᵢₖ log oᵢₖ, o = softmax(z); ∂E/∂z = (o − t)/n."""

    name, label, formula = "cce", "Categorical cross-entropy", "E = −1/n Σ Σₖ tₖ log oₖ"
    requires = "softmax"
    fused = True

    def check_output(self, activation, n_outputs):
        super().check_output(activation, n_outputs)
        if n_outputs < 2:
            raise ConfigError("loss", self.name, f"{self.label} needs at least 2 output neurons (one per class)")

    def value(self, o, z, t):
        zmax = z.max(axis=1, keepdims=True)
        logsumexp = zmax + np.log(np.exp(z - zmax).sum(axis=1, keepdims=True))
        return float(-np.einsum("ij,ij->", t, z - logsumexp)) / o.shape[0]


class SparseCategoricalCrossEntropy(CategoricalCrossEntropy):
    """Categorical cross-entropy with integer labels: E = −1/n Σᵢ log oᵢ,yᵢ."""

    name, label, formula = "sparse_cce", "Sparse categorical cross-entropy", "E = −1/n Σ log o_y"
    sparse = True


def _logits_of(o: np.ndarray, activation: str | None) -> np.ndarray:
    """Logits that give outputs ``o`` under ``activation`` (only for the convenience call)."""
    with np.errstate(divide="ignore"):
        if activation == "sigmoid":
            o = np.clip(o, 1e-300, 1 - 1e-16)
            return np.log(o) - np.log1p(-o)
        if activation == "softmax":
            return np.log(np.clip(o, 1e-300, None))
    return o


LOSSES: dict[str, type[Loss]] = {
    cls.name: cls for cls in (SquaredError, BinaryCrossEntropy, CategoricalCrossEntropy, SparseCategoricalCrossEntropy)
}


def make_loss(name: str) -> Loss:
    try:
        return LOSSES[name]()
    except (KeyError, TypeError):
        raise ConfigError("loss", name, f"unknown loss; choose one of: {', '.join(LOSSES)}") from None
