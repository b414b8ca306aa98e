"""Tests of engine.losses: values against the Keras/slide definitions written out by hand,
numerical stability from logits, gradients against central differences, and validation."""

from __future__ import annotations

import math

import numpy as np
import pytest

from engine.errors import ConfigError
from engine.losses import LOSSES, make_loss

RNG = np.random.default_rng(99)


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def _softmax_row(z):
    m = max(z)
    e = [math.exp(v - m) for v in z]
    s = sum(e)
    return [v / s for v in e]


def test_registry():
    assert set(LOSSES) == {"mse", "bce", "cce", "sparse_cce"}
    for name in LOSSES:
        assert make_loss(name).name == name


# ------------------------------------------------------------------ values


def test_mse_value_is_half_mean_squared_norm():
    o = np.array([[0.2, -0.5], [1.0, 0.3], [-0.7, 0.0]])
    t = np.array([[0.0, 1.0], [1.0, -1.0], [0.5, 0.5]])
    n = 3
    expected = sum((t[i, k] - o[i, k]) ** 2 for i in range(3) for k in range(2)) / (2 * n)
    loss = make_loss("mse")
    assert loss.value(o, o, t) == pytest.approx(expected, rel=1e-14)
    assert loss(o, t) == pytest.approx(expected, rel=1e-14)
    # the slides' example: one output 0.8 for target 1 → ½·0.04
    assert loss([[0.8]], [[1.0]]) == pytest.approx(0.02, rel=1e-14)


def test_bce_value_is_keras_mean_over_outputs_and_samples():
    z = np.array([[0.3, -1.2], [2.0, 0.1], [-0.4, 3.3]])
    t = np.array([[1.0, 0.0], [0.0, 0.0], [1.0, 1.0]])
    o = np.vectorize(_sigmoid)(z)
    terms = [
        t[i, k] * math.log(o[i, k]) + (1 - t[i, k]) * math.log(1 - o[i, k]) for i in range(3) for k in range(2)
    ]
    expected = -sum(terms) / 6  # mean over n·K values, as keras.losses.binary_crossentropy
    loss = make_loss("bce")
    assert loss.value(o, z, t) == pytest.approx(expected, rel=1e-12)
    assert loss(o, t) == pytest.approx(expected, rel=1e-9)  # convenience call from outputs
    # one sample, one output: −log σ(z)
    assert loss.value(np.array([[_sigmoid(0.7)]]), np.array([[0.7]]), np.array([[1.0]])) == pytest.approx(
        -math.log(_sigmoid(0.7)), rel=1e-13
    )


@pytest.mark.parametrize(
    "z,t,expected",
    [
        (100.0, 1.0, math.log1p(math.exp(-100.0))),  # ≈ 3.7e-44
        (100.0, 0.0, 100.0 + math.log1p(math.exp(-100.0))),
        (-100.0, 1.0, 100.0 + math.log1p(math.exp(-100.0))),
        (-100.0, 0.0, math.log1p(math.exp(-100.0))),
        (800.0, 0.0, 800.0),
        (-800.0, 1.0, 800.0),
    ],
)
def test_bce_from_logits_is_stable(z, t, expected):
    loss = make_loss("bce")
    zz = np.array([[z]])
    o = 0.5 * (1 + np.tanh(zz / 2))  # saturates to exactly 0 or 1
    with np.errstate(over="raise", invalid="raise", divide="raise"):  # underflow to 0 is fine
        value = loss.value(o, zz, np.array([[t]]))
    assert math.isfinite(value)
    assert value == pytest.approx(expected, rel=1e-12, abs=1e-300)


def test_cce_value_is_keras_categorical_crossentropy():
    z = np.array([[1.0, 2.0, 0.5], [-1.0, 0.0, 3.0], [0.2, 0.2, 0.2], [4.0, -2.0, 1.0]])
    t = np.array([[0, 1, 0], [1, 0, 0], [0, 0, 1], [1, 0, 0]], float)
    o = np.array([_softmax_row(row) for row in z])
    expected = -sum(t[i, k] * math.log(o[i, k]) for i in range(4) for k in range(3)) / 4
    loss = make_loss("cce")
    assert loss.value(o, z, t) == pytest.approx(expected, rel=1e-13)
    assert loss(o, t) == pytest.approx(expected, rel=1e-12)


def test_cce_from_logits_is_stable():
    loss = make_loss("cce")
    z = np.array([[1000.0, 0.0, -1000.0], [1000.0, 0.0, -1000.0]])
    t = np.array([[1, 0, 0], [0, 0, 1]], float)
    o = np.array([[1.0, 0.0, 0.0], [1.0, 0.0, 0.0]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        value = loss.value(o, z, t)
    assert value == pytest.approx((0.0 + 2000.0) / 2, rel=1e-12)


def test_sparse_cce_equals_cce_with_one_hot():
    z = RNG.normal(0, 2, (7, 4))
    labels = np.array([0, 3, 1, 1, 2, 0, 3])
    onehot = np.eye(4)[labels]
    o = np.array([_softmax_row(row) for row in z])
    cce, sparse = make_loss("cce"), make_loss("sparse_cce")
    np.testing.assert_array_equal(sparse.dense_targets(labels, 4), onehot)
    assert sparse.value(o, z, sparse.dense_targets(labels, 4)) == cce.value(o, z, onehot)
    assert sparse(o, labels) == pytest.approx(cce(o, onehot), rel=1e-14)
    expected = -sum(math.log(o[i, labels[i]]) for i in range(7)) / 7
    assert sparse(o, labels) == pytest.approx(expected, rel=1e-12)
    assert sparse.sparse and not cce.sparse


def test_dense_targets_pass_through():
    t = np.array([[0.0, 1.0], [1.0, 0.0]])
    np.testing.assert_array_equal(make_loss("cce").dense_targets(t, 2), t)


# ------------------------------------------------------------------ gradients


def test_mse_gradient_wrt_outputs_matches_central_differences():
    loss = make_loss("mse")
    o = RNG.normal(0, 1, (5, 3))
    t = RNG.normal(0, 1, (5, 3))
    g = np.empty_like(o)
    loss.gradient(o, o, t, g)
    num = np.empty_like(o)
    for idx in np.ndindex(o.shape):
        e = np.zeros_like(o)
        e[idx] = 1e-6
        num[idx] = (loss.value(o + e, o + e, t) - loss.value(o - e, o - e, t)) / 2e-6
    np.testing.assert_allclose(g, num, rtol=1e-6, atol=1e-10)
    np.testing.assert_allclose(g, (o - t) / 5, rtol=1e-14)
    assert not loss.fused


@pytest.mark.parametrize("name,K", [("bce", 1), ("bce", 3), ("cce", 3), ("sparse_cce", 4)])
def test_fused_gradient_wrt_logits_matches_central_differences(name, K):
    loss = make_loss(name)
    assert loss.fused
    n = 6
    z = RNG.normal(0, 1.5, (n, K))
    if name == "bce":
        act = lambda zz: 1.0 / (1.0 + np.exp(-zz))  # noqa: E731
        t = RNG.integers(0, 2, (n, K)).astype(float)
    else:
        act = lambda zz: np.exp(zz) / np.exp(zz).sum(axis=1, keepdims=True)  # noqa: E731
        t = np.eye(K)[RNG.integers(0, K, n)]
    g = np.empty_like(z)
    loss.gradient(act(z), z, t, g)
    num = np.empty_like(z)
    for idx in np.ndindex(z.shape):
        e = np.zeros_like(z)
        e[idx] = 1e-6
        num[idx] = (loss.value(act(z + e), z + e, t) - loss.value(act(z - e), z - e, t)) / 2e-6
    np.testing.assert_allclose(g, num, rtol=1e-6, atol=1e-10)
    scale = n * K if name == "bce" else n
    np.testing.assert_allclose(g, (act(z) - t) / scale, rtol=1e-13)


def test_gradient_ops_equal_gradient():
    from engine.activations import run_ops

    for name in LOSSES:
        loss = make_loss(name)
        o = RNG.uniform(0.1, 0.9, (4, 2))
        t = np.eye(2)[[0, 1, 1, 0]]
        g1, g2 = np.empty_like(o), np.empty_like(o)
        loss.gradient(o, o, t, g1)
        run_ops(loss.gradient_ops(o, o, t, g2))
        np.testing.assert_array_equal(g1, g2)


# ------------------------------------------------------------------ validation


@pytest.mark.parametrize("activation", ["tanh", "linear", "softmax", "relu", "step", "maxout"])
def test_bce_needs_sigmoid_output(activation):
    with pytest.raises(ConfigError) as info:
        make_loss("bce").check_output(activation, 1)
    assert info.value.field == "loss" and info.value.value == "bce"
    assert "sigmoid" in info.value.message
    make_loss("bce").check_output("sigmoid", 1)
    make_loss("bce").check_output("sigmoid", 3)


@pytest.mark.parametrize("name", ["cce", "sparse_cce"])
def test_cce_needs_softmax_and_two_outputs(name):
    loss = make_loss(name)
    with pytest.raises(ConfigError) as info:
        loss.check_output("softmax", 1)
    assert info.value.field == "loss" and info.value.value == name
    for act in ("sigmoid", "tanh", "linear"):
        with pytest.raises(ConfigError) as info:
            loss.check_output(act, 3)
        assert info.value.field == "loss"
    loss.check_output("softmax", 2)
    loss.check_output("softmax", 8)


def test_mse_accepts_any_output():
    for act in ("tanh", "sigmoid", "linear", "softmax", "step", "maxout", "relu"):
        make_loss("mse").check_output(act, 1)


@pytest.mark.parametrize("bad", ["MSE", "crossentropy", "", None, 0, ["mse"]])
def test_unknown_loss_is_config_error(bad):
    with pytest.raises(ConfigError) as info:
        make_loss(bad)
    assert info.value.field == "loss"
