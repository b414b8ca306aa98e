"""Gradient checks: backpropagation against central differences of the objective.

Each parameter is nudged by ±ε = 1e-6 and (J₊ − J₋)/2ε is compared with
``Trainer.gradient()``, for every hidden activation the backprop rule can train, every
loss with each output it accepts, Maxout layers, removed and frozen connections, and L1/L2
penalties. The penalty part of J is computed here from ``get_weights()`` (weights only,
never biases) rather than taken from the engine. The data are a handful of random points,
so no pre-activation sits on a kink of ReLU, Leaky ReLU, ELU, SELU or Maxout.
"""

from __future__ import annotations

import numpy as np
import pytest

from engine.activations import make_activation
from engine.datasets import from_points
from engine.network import Network
from engine.training import Trainer, TrainingConfig

EPS = 1e-6
RTOL, ATOL = 1e-5, 1e-8
FEATURES = ["x1", "x2", "x1x2"]

HIDDEN = {
    "linear": {"activation": "linear"},
    "sigmoid": {"activation": "sigmoid"},
    "tanh": {"activation": "tanh"},
    "relu": {"activation": "relu"},
    "leaky_relu": {"activation": "leaky_relu"},
    "leaky_relu_0.3": {"activation": "leaky_relu", "alpha": 0.3},
    "elu": {"activation": "elu"},
    "elu_0.5": {"activation": "elu", "alpha": 0.5},
    "selu": {"activation": "selu"},
    "softplus": {"activation": "softplus"},
    "silu": {"activation": "silu"},
    "gelu": {"activation": "gelu"},
    "maxout2": {"activation": "maxout", "pieces": 2},
    "maxout3": {"activation": "maxout", "pieces": 3},
}

# (loss, output layer, data kind, classes)
OUTPUTS = {
    "mse-tanh": ("mse", {"size": 1, "activation": "tanh"}, "classification", 2),
    "mse-linear": ("mse", {"size": 1, "activation": "linear"}, "classification", 2),
    "mse-sigmoid": ("mse", {"size": 1, "activation": "sigmoid"}, "classification", 2),
    "mse-softmax3": ("mse", {"size": 3, "activation": "softmax"}, "classification", 3),
    "mse-maxout": ("mse", {"size": 1, "activation": "maxout", "pieces": 2}, "classification", 2),
    "mse-tanh2": ("mse", {"size": 2, "activation": "tanh"}, "classification", 2),
    "bce-sigmoid": ("bce", {"size": 1, "activation": "sigmoid"}, "classification", 2),
    "bce-sigmoid2": ("bce", {"size": 2, "activation": "sigmoid"}, "classification", 2),
    "cce-softmax3": ("cce", {"size": 3, "activation": "softmax"}, "classification", 3),
    "sparse_cce-softmax3": ("sparse_cce", {"size": 3, "activation": "softmax"}, "classification", 3),
    "regression-linear": ("mse", {"size": 1, "activation": "linear"}, "regression", 0),
}


def small_data(kind: str, n_classes: int, n: int = 9, seed: int = 0):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1.5, 1.5, (n, 2))
    if kind == "regression":
        y = rng.normal(0, 0.7, n)
    else:
        y = np.arange(n) % n_classes
        rng.shuffle(y)
    return from_points(X, y, kind=kind)


def build(hidden: dict, output: str, seed: int = 1, l1: float = 0.0, l2: float = 0.0, init="uniform"):
    loss, out_layer, kind, classes = OUTPUTS[output]
    layers = [{"size": 3, **hidden}, {"size": 2, **hidden}, dict(out_layer)]
    net = Network(FEATURES, layers, init=init, seed=seed)
    data = small_data(kind, classes, seed=seed)
    trainer = Trainer(net, data, TrainingConfig(loss=loss, l1=l1, l2=l2, batch_size=100, shuffle=False))
    return net, trainer


def penalty(net: Network, l1: float, l2: float) -> float:
    w = np.concatenate([W.ravel() for W, _ in net.get_weights()])
    return l1 * float(np.abs(w).sum()) + 0.5 * l2 * float(w @ w)


def objective(trainer: Trainer, l1: float = 0.0, l2: float = 0.0) -> float:
    return trainer.evaluate()["train_loss"] + penalty(trainer.network, l1, l2)


def numeric_gradient(trainer: Trainer, l1: float = 0.0, l2: float = 0.0) -> np.ndarray:
    p = trainer.network.params
    num = np.empty_like(p)
    for k in range(p.size):
        old = p[k]
        p[k] = old + EPS
        jp = objective(trainer, l1, l2)
        p[k] = old - EPS
        jm = objective(trainer, l1, l2)
        p[k] = old
        num[k] = (jp - jm) / (2 * EPS)
    return num


def weight_indices(net: Network, layer: int, i: int, j: int) -> list[int]:
    """Positions in ``params`` of weight i → j of ``layer`` (one per Maxout piece), found
    by setting the weight and looking at what changed."""
    k = net.layers[layer].k
    found = []
    for piece in range(k):
        before = net.params.copy()
        old = net.weight(layer, i, j, piece)
        net.set_weight(layer, i, j, old + 1.0, piece=piece)
        changed = np.flatnonzero(net.params != before)
        net.set_weight(layer, i, j, old, piece=piece)
        assert changed.size == 1
        found.append(int(changed[0]))
    return found


def bias_indices(net: Network, layer: int, j: int) -> list[int]:
    found = []
    for piece in range(net.layers[layer].k):
        before = net.params.copy()
        old = net.bias(layer, j, piece)
        net.set_bias(layer, j, old + 1.0, piece=piece)
        changed = np.flatnonzero(net.params != before)
        net.set_bias(layer, j, old, piece=piece)
        assert changed.size == 1
        found.append(int(changed[0]))
    return found


def keep_away_from_zero(net: Network, margin: float = 1e-2) -> None:
    """Move weights off 0 so the L1 term |w| is differentiable at every weight."""
    ws = []
    for W, b in net.get_weights():
        W = np.where(np.abs(W) < margin, np.copysign(2 * margin, W + 1e-300), W)
        ws.append((W, b))
    net.set_weights(ws)


def assert_gradient_matches(trainer, l1=0.0, l2=0.0, skip=()):
    g = trainer.gradient()
    num = numeric_gradient(trainer, l1, l2)
    keep = np.ones(g.size, bool)
    keep[list(skip)] = False
    assert np.isfinite(g).all()
    np.testing.assert_allclose(g[keep], num[keep], rtol=RTOL, atol=ATOL)
    # a check that could not fail would be worthless: the gradient must not be all zeros
    assert np.abs(g[keep]).max() > 1e-4
    return g, num


# ------------------------------------------------------------------ the grid of checks


@pytest.mark.parametrize("output", list(OUTPUTS))
@pytest.mark.parametrize("hidden", list(HIDDEN))
def test_gradient_matches_central_differences(hidden, output):
    net, trainer = build(HIDDEN[hidden], output)
    g, num = assert_gradient_matches(trainer)
    # the first layer's gradient is reached only through both hidden layers
    first = net.layers[0].size
    if hidden != "relu":
        assert np.abs(g[:first]).max() > 1e-6


@pytest.mark.parametrize("init", ["glorot", "he"])
@pytest.mark.parametrize("hidden", ["tanh", "elu", "maxout3"])
def test_gradient_with_other_initialisers(hidden, init):
    # (not ReLU: with zero biases a unit whose inputs are all 0 sits exactly on the kink)
    _, trainer = build(HIDDEN[hidden], "cce-softmax3", seed=4, init=init)
    assert_gradient_matches(trainer)


def test_gradient_is_not_changed_by_evaluation():
    """gradient() does not move the weights and gives the same twice."""
    net, trainer = build(HIDDEN["tanh"], "bce-sigmoid")
    p = net.params.copy()
    g1 = trainer.gradient()
    g2 = trainer.gradient()
    np.testing.assert_array_equal(g1, g2)
    np.testing.assert_array_equal(net.params, p)


def test_gradient_detects_a_wrong_derivative(monkeypatch):
    """Sanity check of the check: a broken tanh′ is caught."""
    from engine import activations

    net, trainer = build(HIDDEN["softplus"], "mse-tanh")
    monkeypatch.setattr(activations.Softplus, "derivative", lambda self, z: np.ones_like(z))
    g = trainer.gradient()
    num = numeric_gradient(trainer)
    assert not np.allclose(g, num, rtol=RTOL, atol=ATOL)


# ------------------------------------------------------------------ regularization


@pytest.mark.parametrize("l1,l2", [(0.0, 0.05), (0.02, 0.0), (0.01, 0.03)])
@pytest.mark.parametrize("hidden", ["tanh", "relu", "maxout2", "elu"])
def test_gradient_with_penalties(hidden, l1, l2):
    net, trainer = build(HIDDEN[hidden], "mse-tanh", l1=l1, l2=l2, seed=2)
    keep_away_from_zero(net)
    assert trainer.objective() == pytest.approx(objective(trainer, l1, l2), rel=1e-13)
    g_reg, _ = assert_gradient_matches(trainer, l1, l2)

    # biases are not penalised: their gradient equals the one without penalties
    trainer.update(l1=0.0, l2=0.0)
    g_plain = trainer.gradient()
    biases = [i for L in range(len(net.layers)) for j in range(net.layers[L].n_out) for i in bias_indices(net, L, j)]
    np.testing.assert_array_equal(g_reg[biases], g_plain[biases])
    weights = np.setdiff1d(np.arange(g_plain.size), biases)
    assert not np.allclose(g_reg[weights], g_plain[weights])


# ------------------------------------------------------------------ removed and frozen


def _lock_some(net: Network):
    """Remove one link, freeze one weight and one bias; return their params positions."""
    removed = weight_indices(net, 0, 1, 2)
    net.remove_connection(0, 1, 2)
    frozen_w = weight_indices(net, 1, 2, 0)
    net.freeze_weight(1, 2, 0)
    frozen_b = bias_indices(net, 1, 1)
    net.freeze_bias(1, 1)
    return removed, frozen_w, frozen_b


@pytest.mark.parametrize("hidden", ["tanh", "relu", "sigmoid", "gelu", "maxout2", "maxout3"])
@pytest.mark.parametrize("output", ["mse-tanh", "bce-sigmoid", "cce-softmax3"])
def test_removed_and_frozen_entries_are_zero_and_the_rest_still_match(hidden, output):
    l1, l2 = 0.01, 0.02
    net, trainer = build(HIDDEN[hidden], output, l1=l1, l2=l2, seed=3)
    keep_away_from_zero(net)
    removed, frozen_w, frozen_b = _lock_some(net)
    locked = removed + frozen_w + frozen_b
    assert all(net.params[i] == 0.0 for i in removed)
    g, num = assert_gradient_matches(trainer, l1, l2, skip=locked)
    for i in locked:
        assert g[i] == 0.0  # exactly
    # the frozen ones really do influence J (so a zero is a choice, not an accident);
    # for Maxout a piece that never wins has no influence, so one piece is enough
    assert any(abs(num[i]) > 1e-7 for i in frozen_w)
    assert any(abs(num[i]) > 1e-7 for i in frozen_b)


def test_restored_connection_has_gradient_again():
    net, trainer = build(HIDDEN["tanh"], "mse-tanh", seed=5)
    idx = weight_indices(net, 0, 0, 1)
    net.remove_connection(0, 0, 1)
    assert trainer.gradient()[idx[0]] == 0.0
    net.restore_connection(0, 0, 1)
    g, _ = assert_gradient_matches(trainer)
    assert g[idx[0]] != 0.0


@pytest.mark.parametrize("optimizer", ["adam", "momentum"])
@pytest.mark.parametrize("hidden", ["tanh", "maxout2"])
def test_training_keeps_removed_at_zero_and_frozen_unchanged(optimizer, hidden):
    net = Network(FEATURES, [{"size": 4, **HIDDEN[hidden]}, {"size": 1, "activation": "tanh"}], seed=7)
    rm = weight_indices(net, 0, 2, 1)
    fw = weight_indices(net, 1, 3, 0)
    fb = bias_indices(net, 0, 2)
    old_removed = net.weight(0, 2, 1)
    net.remove_connection(0, 2, 1)
    net.freeze_weight(1, 3, 0)
    net.freeze_bias(0, 2)
    frozen_values = net.params[fw + fb].copy()
    start = net.params.copy()

    data = small_data("classification", 2, n=30, seed=2)
    trainer = Trainer(net, data, TrainingConfig(optimizer=optimizer, learning_rate=0.05, batch_size=5, l2=0.01))
    trainer.train_epochs(20)

    assert all(net.params[i] == 0.0 for i in rm)
    assert net.get_weights()[0][0][2, 1].tolist() in (0.0, [0.0] * net.layers[0].k)
    np.testing.assert_array_equal(net.params[fw + fb], frozen_values)
    others = np.setdiff1d(np.arange(net.params.size), rm + fw + fb)
    assert (net.params[others] != start[others]).all()  # everything else trained
    assert net.weight(0, 2, 1) == old_removed  # stored weight kept aside

    net.restore_connection(0, 2, 1)
    assert net.params[rm[0]] == old_removed
    assert not net.is_removed(0, 2, 1)
    trainer.train_epochs(2)
    assert net.params[rm[0]] != old_removed  # it trains again


# ------------------------------------------------------------------ dropout


def _masked_forward_loss(net: Network, X: np.ndarray, t: np.ndarray, params: np.ndarray, masks: list) -> float:
    """Squared error of the network with fixed (already scaled) dropout masks, by hand."""
    saved = net.params.copy()
    net.params[:] = params
    try:
        a = np.column_stack([X[:, 0], X[:, 1], X[:, 0] * X[:, 1]])
        for L, (W, b), mask in zip(net.layers, net.get_weights(), masks):
            if L.spec.activation == "maxout":  # W (n_in, n_out, k): the largest piece
                a = (np.einsum("ni,ijk->njk", a, W) + b).max(axis=2)
            else:
                a = make_activation(L.spec.activation, **L.spec.activation_params())(a @ W + b)
            if mask is not None:
                a = a * mask.T
    finally:
        net.params[:] = saved
    return float(((a - t) ** 2).sum()) / (2 * X.shape[0])


@pytest.mark.parametrize(
    "hidden", ["relu", "softplus", "gelu", "leaky_relu", "tanh", "sigmoid", "elu", "selu", "maxout2"]
)
def test_dropout_step_follows_gradient_of_the_masked_network(hidden):
    """One full-batch SGD step with dropout is −η·∇J of the network with that step's masks.

    Regression: backward used the masked, rescaled activation in f′ (tanh, sigmoid, ELU, SELU).
    """
    rate, seed, lr = 0.5, 11, 1.0
    net = Network(
        FEATURES,
        [{"size": 4, "dropout": rate, **HIDDEN[hidden]}, {"size": 1, "activation": "linear"}],
        seed=3,
    )
    data = small_data("classification", 2, n=7, seed=1)
    trainer = Trainer(
        net, data, TrainingConfig(learning_rate=lr, batch_size=100, shuffle=False, seed=seed)
    )
    # The step draws the masks from default_rng(seed) (shuffle off: nothing else is drawn).
    keep = 1 - rate
    masks = [(np.random.default_rng(seed).random((4, 7)) < keep) / keep, None]
    assert 0 < (masks[0] == 0).sum() < masks[0].size
    t = np.where(data.y_train == 1, 1.0, -1.0)[:, None]
    p0 = net.params.copy()
    trainer.step(1)
    g_engine = (p0 - net.params) / lr

    num = np.empty_like(p0)
    for k in range(p0.size):
        e = np.zeros_like(p0)
        e[k] = EPS
        num[k] = (
            _masked_forward_loss(net, data.x_train, t, p0 + e, masks)
            - _masked_forward_loss(net, data.x_train, t, p0 - e, masks)
        ) / (2 * EPS)
    np.testing.assert_allclose(g_engine, num, rtol=1e-5, atol=1e-8)
