"""Tests of engine.network: construction and its errors, initialisers, weight access,
removed/frozen connections, the forward pass against a hand-written one, the picture grid,
and saving to / loading from plain dicts (JSON)."""

from __future__ import annotations

import copy
import json
import math

import numpy as np
import pytest

from engine.errors import ConfigError
from engine.network import MAX_LAYERS, MAX_NEURONS, MAX_PIECES, Network

RNG = np.random.default_rng(2024)
ALL_FEATURES = ["x1", "x2", "x1_sq", "x2_sq", "x1x2", "sin_x1", "sin_x2"]


def _field(excinfo) -> str:
    return excinfo.value.field


# ------------------------------------------------------------------ construction


def test_basic_structure():
    net = Network(["x1", "x2"], [4, {"size": 2, "activation": "relu"}, {"size": 1, "activation": "sigmoid"}])
    assert net.sizes == [2, 4, 2, 1]
    assert net.n_inputs == 2 and net.n_outputs == 1
    assert net.output_activation == "sigmoid"
    assert [L.name for L in net.layers] == ["tanh", "relu", "sigmoid"]  # an int layer is tanh
    assert net.n_parameters == (2 + 1) * 4 + (4 + 1) * 2 + (2 + 1) * 1
    assert net.params.dtype == np.float64 and net.params.shape == (net.n_parameters,)


def test_maxout_parameter_count():
    net = Network(["x1", "x2", "x1x2"], [{"size": 4, "activation": "maxout", "pieces": 3}, 1])
    assert net.n_parameters == (3 + 1) * 4 * 3 + (4 + 1) * 1
    assert net.sizes == [3, 4, 1]


@pytest.mark.parametrize(
    "features,layers,kwargs,field",
    [
        (["x1", "x2"], [{"size": 2, "activation": "tanhh"}, 1], {}, "layers[0].activation"),
        (["x1", "x2"], [{"size": 3, "activation": "softmax"}, 1], {}, "layers[0].activation"),
        (["x1", "x2"], [3, {"size": 1, "activation": "softmax"}], {}, "layers[1].activation"),
        (["x1", "x2"], [3, {"size": 1, "dropout": 0.5}], {}, "layers[1].dropout"),
        (["x1", "x2"], [{"size": 3, "dropout": 1.0}, 1], {}, "layers[0].dropout"),
        (["x1", "x2"], [{"size": 3, "dropout": -0.1}, 1], {}, "layers[0].dropout"),
        (["x1", "x2"], [{"size": 3, "dropout": "half"}, 1], {}, "layers[0].dropout"),
        (["x1", "x2"], [0, 1], {}, "layers[0].size"),
        (["x1", "x2"], [3, MAX_NEURONS + 1], {}, "layers[1].size"),
        (["x1", "x2"], [-2, 1], {}, "layers[0].size"),
        (["x1", "x2"], [2.0, 1], {}, "layers[0]"),
        (["x1", "x2"], [{"size": 2.5}, 1], {}, "layers[0].size"),
        (["x1", "x2"], [{"size": True}, 1], {}, "layers[0].size"),
        (["x1", "x2"], [True], {}, "layers[0]"),
        (["x1", "x2"], [1] * (MAX_LAYERS + 1), {}, "layers"),
        (["x1", "x2"], [], {}, "layers"),
        (["x1", "x2"], "3,1", {}, "layers"),
        (["x1", "x3"], [1], {}, "features"),
        ([], [1], {}, "features"),
        (["x1", "x1"], [1], {}, "features"),
        ("x1", [1], {}, "features"),
        (["x1", "x2"], [1], {"init": "xavier"}, "init"),
        (["x1", "x2"], [1], {"init": None}, "init"),
        (["x1", "x2"], [1], {"seed": 1.5}, "seed"),
        (["x1", "x2"], [1], {"seed": "0"}, "seed"),
        (["x1", "x2"], [{"size": 2, "activaton": "relu"}, 1], {}, "layers[0].activaton"),
        (["x1", "x2"], [{"activation": "relu"}, 1], {}, "layers[0].size"),
        (["x1", "x2"], [{"size": 2, "activation": "maxout", "pieces": 1}, 1], {}, "layers[0].pieces"),
        (["x1", "x2"], [{"size": 2, "activation": "maxout", "pieces": MAX_PIECES + 1}, 1], {}, "layers[0].pieces"),
        (["x1", "x2"], [{"size": 2, "activation": "maxout", "alpha": 0.1}, 1], {}, "layers[0].alpha"),
        (["x1", "x2"], [{"size": 2, "activation": "leaky_relu", "alpha": 1.5}, 1], {}, "layers[0].alpha"),
        (["x1", "x2"], [{"size": 2, "activation": "leaky_relu", "alpha": float("nan")}, 1], {}, "layers[0].alpha"),
        (["x1", "x2"], [{"size": 2, "activation": "tanh", "alpha": 0.1}, 1], {}, "layers[0].alpha"),
        (["x1", "x2"], [3, {"size": 1, "activation": "elu", "alpha": 0.0}], {}, "layers[1].alpha"),
        (["x1", "x2"], [{"size": 2, "activation": None}, 1], {}, "layers[0].activation"),
        (["x1", "x2"], [{"size": 2, "activation": ["relu"]}, 1], {}, "layers[0].activation"),
        (["x1", "x2"], ["relu", 1], {}, "layers[0]"),
    ],
)
def test_construction_errors_name_the_field(features, layers, kwargs, field):
    with pytest.raises(ConfigError) as info:
        Network(features, layers, **kwargs)
    assert _field(info) == field, str(info.value)
    assert str(info.value).startswith(field)


def test_unknown_activation_names_the_layer_and_the_choices():
    with pytest.raises(ConfigError) as info:
        Network(["x1", "x2"], [3, {"size": 1, "activation": "tanhh"}])
    assert _field(info) == "layers[1].activation"
    assert info.value.value == "tanhh"
    assert "sigmoid" in info.value.message and "maxout" in info.value.message


def test_limits_are_accepted():
    Network(["x1"], [MAX_NEURONS, 1])
    Network(["x1"], [1] * MAX_LAYERS)
    Network(["x1"], [{"size": 1, "activation": "maxout", "pieces": MAX_PIECES}, 1])
    Network(ALL_FEATURES, [1])
    Network(["x1", "x2"], [{"size": 2, "dropout": 0.99}, {"size": 2, "activation": "softmax"}])


# ------------------------------------------------------------------ initialisers


def _all_weights(net):
    return np.concatenate([W.ravel() for W, _ in net.get_weights()])


def _all_biases(net):
    return np.concatenate([b.ravel() for _, b in net.get_weights()])


def test_uniform_initialiser_is_playgrounds():
    net = Network(ALL_FEATURES, [200, 200, 1], init="uniform", seed=3)
    w = _all_weights(net)
    assert w.min() >= -0.5 and w.max() <= 0.5
    assert w.min() < -0.49 and w.max() > 0.49
    assert abs(w.mean()) < 0.01
    assert w.std() == pytest.approx(1 / math.sqrt(12), rel=0.02)
    assert (_all_biases(net) == 0.1).all()
    assert net.init == "uniform" and net.seed == 3


def test_glorot_initialiser_limit():
    net = Network(ALL_FEATURES, [256, 128, 1], init="glorot", seed=5)
    for (W, b), (fan_in, fan_out) in zip(net.get_weights(), [(7, 256), (256, 128), (128, 1)]):
        limit = math.sqrt(6 / (fan_in + fan_out))
        assert np.abs(W).max() <= limit
        assert (b == 0).all()
    W = net.get_weights()[1][0]
    limit = math.sqrt(6 / (256 + 128))
    assert np.abs(W).max() > 0.99 * limit
    assert W.std() == pytest.approx(limit / math.sqrt(3), rel=0.02)


def test_he_initialiser_std():
    net = Network(ALL_FEATURES, [256, 256, 1], init="he", seed=6)
    W = net.get_weights()[1][0]
    assert W.std() == pytest.approx(math.sqrt(2 / 256), rel=0.02)
    assert abs(W.mean()) < 0.003
    assert (_all_biases(net) == 0).all()
    W0 = net.get_weights()[0][0]
    assert W0.std() == pytest.approx(math.sqrt(2 / 7), rel=0.05)


def test_zeros_initialiser():
    net = Network(["x1", "x2"], [5, {"size": 3, "activation": "maxout", "pieces": 2}, 1], init="zeros", seed=9)
    assert (net.params == 0).all()


@pytest.mark.parametrize("init", ["uniform", "glorot", "he", "zeros"])
def test_seeded_initialisation_is_deterministic(init):
    a = Network(["x1", "x2"], [4, {"size": 3, "activation": "maxout"}, 1], init=init, seed=42)
    b = Network(["x1", "x2"], [4, {"size": 3, "activation": "maxout"}, 1], init=init, seed=42)
    c = Network(["x1", "x2"], [4, {"size": 3, "activation": "maxout"}, 1], init=init, seed=43)
    assert a.params.tobytes() == b.params.tobytes()
    if init != "zeros":
        assert not np.array_equal(a.params, c.params)
    c.initialize(init, 42)
    assert c.params.tobytes() == a.params.tobytes()


def test_reinitialise_keeps_frozen_and_removed():
    net = Network(["x1", "x2"], [3, 1], seed=1)
    net.set_weight(0, 0, 1, 0.123)
    net.freeze_weight(0, 0, 1)
    net.set_bias(1, 0, -0.7)
    net.freeze_bias(1, 0)
    net.remove_connection(0, 1, 2)
    net.initialize("glorot", 8)
    assert net.weight(0, 0, 1) == 0.123
    assert net.bias(1, 0) == -0.7
    assert net.get_weights()[0][0][1, 2] == 0.0
    assert net.is_removed(0, 1, 2)


# ------------------------------------------------------------------ weights


def test_get_weights_shapes_and_copies():
    net = Network(["x1", "x2", "x1x2"], [5, {"size": 4, "activation": "maxout", "pieces": 3}, {"size": 2, "activation": "softmax"}])
    shapes = [(W.shape, b.shape) for W, b in net.get_weights()]
    assert shapes == [((3, 5), (5,)), ((5, 4, 3), (4, 3)), ((4, 2), (2,))]
    W, _ = net.get_weights()[0]
    W[:] = 99.0
    assert not (net.get_weights()[0][0] == 99.0).any()  # a copy


def test_set_weights_round_trip_and_values():
    net = Network(["x1", "x2"], [{"size": 3, "activation": "maxout", "pieces": 2}, 2])
    new = [(RNG.normal(size=W.shape), RNG.normal(size=b.shape)) for W, b in net.get_weights()]
    net.set_weights(new)
    for (W, b), (W2, b2) in zip(new, net.get_weights()):
        np.testing.assert_array_equal(W, W2)
        np.testing.assert_array_equal(b, b2)
    # individual access agrees with the arrays: piece p of neuron j
    W1, b1 = new[0]
    for i in range(2):
        for j in range(3):
            for p in range(2):
                assert net.weight(0, i, j, piece=p) == W1[i, j, p]
    assert net.bias(0, 2, piece=1) == b1[2, 1]
    assert net.weight(1, 2, 1) == new[1][0][2, 1]


@pytest.mark.parametrize(
    "mutate",
    [
        lambda ws: ws[:1],
        lambda ws: [(ws[0][0][:1], ws[0][1]), ws[1]],
        lambda ws: [(ws[0][0], ws[0][1][:1]), ws[1]],
        lambda ws: [(np.full_like(ws[0][0], np.nan), ws[0][1]), ws[1]],
        lambda ws: [(ws[0][0], np.full_like(ws[0][1], np.inf)), ws[1]],
        lambda ws: [("abc", ws[0][1]), ws[1]],
        lambda ws: [(ws[0][0],), ws[1]],
    ],
    ids=["layers", "rows", "bias", "nan", "inf", "text", "pair"],
)
def test_set_weights_rejects_bad_input(mutate):
    net = Network(["x1", "x2"], [{"size": 3, "activation": "maxout", "pieces": 2}, 1])
    before = net.params.copy()
    bad = mutate(net.get_weights())
    with pytest.raises(ConfigError):
        net.set_weights(bad)
    np.testing.assert_array_equal(net.params, before)  # nothing half-set


@pytest.mark.parametrize("how", ["transposed", "flat"])
def test_set_weights_rejects_wrongly_shaped_matrix_of_the_right_size(how):
    # regression: any array with the right number of values was reshaped silently
    net = Network(["x1", "x2", "x1x2"], [2, 1])
    (W, b), rest = net.get_weights()[0], net.get_weights()[1:]
    bad = W.T if how == "transposed" else W.ravel()
    with pytest.raises(ConfigError):
        net.set_weights([(bad, b), *rest])


def test_set_weight_and_bias_by_hand():
    net = Network(["x1", "x2"], [3, 1])
    net.set_weight(0, 1, 2, 0.75)
    net.set_bias(0, 2, -0.25)
    W, b = net.get_weights()[0]
    assert W[1, 2] == 0.75 and b[2] == -0.25
    assert net.weight(0, 1, 2) == 0.75 and net.bias(0, 2) == -0.25
    for bad in (
        lambda: net.set_weight(0, 2, 0, 1.0),  # input 2 does not exist
        lambda: net.set_weight(0, 0, 3, 1.0),
        lambda: net.set_weight(2, 0, 0, 1.0),
        lambda: net.set_weight(0, 0, 0, float("nan")),
        lambda: net.set_weight(0, 0, 0, "1"),
        lambda: net.set_bias(1, 1, 0.0),
        lambda: net.weight(-1, 0, 0),
    ):
        with pytest.raises(ConfigError):
            bad()


def test_set_weight_on_maxout_sets_all_pieces_or_one():
    net = Network(["x1", "x2"], [{"size": 2, "activation": "maxout", "pieces": 3}, 1])
    net.set_weight(0, 1, 0, 0.5)
    assert net.get_weights()[0][0][1, 0].tolist() == [0.5, 0.5, 0.5]
    net.set_weight(0, 1, 0, -1.0, piece=2)
    assert net.get_weights()[0][0][1, 0].tolist() == [0.5, 0.5, -1.0]
    with pytest.raises(ConfigError):
        net.set_weight(0, 1, 0, 1.0, piece=3)


def test_remove_and_restore_connection():
    net = Network(["x1", "x2"], [3, 1], seed=4)
    x = RNG.uniform(-2, 2, (5, 2))
    old = net.weight(0, 1, 2)
    out_before = net.predict(x)
    net.remove_connection(0, 1, 2)
    assert net.is_removed(0, 1, 2)
    assert net.get_weights()[0][0][1, 2] == 0.0
    assert net.weight(0, 1, 2) == old  # the stored weight
    # the network computes with 0
    assert not np.allclose(net.predict(x), out_before)
    net.remove_connection(0, 1, 2)  # twice is harmless
    net.restore_connection(0, 1, 2)
    assert net.get_weights()[0][0][1, 2] == old
    np.testing.assert_array_equal(net.predict(x), out_before)


def test_set_weight_on_removed_connection_is_stored_for_restore():
    net = Network(["x1", "x2"], [3, 1], seed=4)
    net.remove_connection(0, 0, 1)
    before = net.params.copy()
    net.set_weight(0, 0, 1, 0.875)
    np.testing.assert_array_equal(net.params, before)  # still computes with 0
    assert net.weight(0, 0, 1) == 0.875
    ws = net.get_weights()
    ws[0][0][0, 1] = -0.5  # set_weights on a removed link also goes to the store
    net.set_weights(ws)
    assert net.get_weights()[0][0][0, 1] == 0.0 and net.weight(0, 0, 1) == -0.5
    net.restore_connection(0, 0, 1)
    assert net.get_weights()[0][0][0, 1] == -0.5


def test_remove_connection_on_maxout_removes_every_piece():
    net = Network(["x1", "x2"], [{"size": 2, "activation": "maxout", "pieces": 3}, 1], seed=2)
    old = net.get_weights()[0][0][1, 1].copy()
    net.remove_connection(0, 1, 1)
    assert net.get_weights()[0][0][1, 1].tolist() == [0.0, 0.0, 0.0]
    net.restore_connection(0, 1, 1)
    np.testing.assert_array_equal(net.get_weights()[0][0][1, 1], old)


def test_freeze_flags():
    net = Network(["x1", "x2"], [3, 1])
    net.freeze_weight(0, 1, 1)
    assert net.is_frozen(0, 1, 1) and not net.is_frozen(0, 0, 1)
    net.freeze_weight(0, 1, 1, frozen=False)
    assert not net.is_frozen(0, 1, 1)
    assert not net.has_locks
    net.freeze_bias(1, 0)
    assert net.has_locks
    with pytest.raises(ConfigError):
        net.freeze_weight(0, 5, 0)
    with pytest.raises(ConfigError):
        net.freeze_bias(1, 1)


# ------------------------------------------------------------------ forward pass

_FEATURE_FN = {
    "x1": lambda a, b: a,
    "x2": lambda a, b: b,
    "x1_sq": lambda a, b: a * a,
    "x2_sq": lambda a, b: b * b,
    "x1x2": lambda a, b: a * b,
    "sin_x1": lambda a, b: math.sin(a),
    "sin_x2": lambda a, b: math.sin(b),
}
_ACT = {
    "tanh": math.tanh,
    "sigmoid": lambda z: 1 / (1 + math.exp(-z)),
    "relu": lambda z: max(0.0, z),
    "linear": lambda z: z,
    "leaky_relu": lambda z: z if z > 0 else 0.1 * z,
}


def _hand_forward(net: Network, point) -> list[list[float]]:
    """Every column's values for one point, with Python floats and loops."""
    x1, x2 = float(point[0]), float(point[1])
    a = [_FEATURE_FN[f](x1, x2) for f in net.features]
    columns = [a]
    for L, (W, b) in zip(net.layers, net.get_weights()):
        spec = L.spec
        nxt = []
        for j in range(spec.size):
            if spec.activation == "maxout":
                zs = [sum(a[i] * W[i, j, p] for i in range(len(a))) + b[j, p] for p in range(spec.pieces)]
                nxt.append(max(zs))
            else:
                z = sum(a[i] * W[i, j] for i in range(len(a))) + b[j]
                nxt.append(z)
        if spec.activation == "softmax":
            m = max(nxt)
            e = [math.exp(v - m) for v in nxt]
            nxt = [v / sum(e) for v in e]
        elif spec.activation != "maxout":
            nxt = [_ACT[spec.activation](v) for v in nxt]
        a = nxt
        columns.append(a)
    return columns


NETS = {
    "tanh-sigmoid": (ALL_FEATURES, [{"size": 4, "activation": "tanh"}, {"size": 1, "activation": "sigmoid"}]),
    "maxout-softmax": (
        ["x1", "x2", "x1x2", "sin_x2"],
        [{"size": 3, "activation": "maxout", "pieces": 3}, {"size": 2, "activation": "relu"}, {"size": 3, "activation": "softmax"}],
    ),
    "leaky-linear": (["x2", "x1_sq"], [{"size": 5, "activation": "leaky_relu"}, {"size": 2, "activation": "linear"}]),
    "single-layer": (["x1", "x2"], [{"size": 1, "activation": "tanh"}]),
}


@pytest.mark.parametrize("name", list(NETS))
def test_predict_and_activations_match_hand_forward_pass(name):
    features, layers = NETS[name]
    net = Network(features, layers, init="glorot", seed=12)
    X = RNG.uniform(-3, 3, (6, 2))
    pred = net.predict(X)
    acts = net.activations(X)
    assert pred.shape == (6, net.n_outputs)
    assert [a.shape for a in acts] == [(6, s) for s in net.sizes]
    for r, point in enumerate(X):
        cols = _hand_forward(net, point)
        np.testing.assert_allclose(pred[r], cols[-1], rtol=1e-12, atol=1e-14)
        for got, want in zip(acts, cols):
            np.testing.assert_allclose(got[r], want, rtol=1e-12, atol=1e-14)


def test_predict_accepts_lists_and_rejects_bad_shapes():
    net = Network(["x1", "x2"], [2, 1])
    assert net.predict([[0.5, -1.0]]).shape == (1, 1)
    assert net.predict(np.empty((0, 2))).shape == (0, 1)
    for bad in ([0.5, -1.0], [[1.0, 2.0, 3.0]], np.zeros((2, 2, 2))):
        with pytest.raises(ConfigError):
            net.predict(bad)


def test_predict_returns_a_copy_and_many_batch_sizes_agree():
    net = Network(ALL_FEATURES, [6, 3, 1], seed=3)
    X = RNG.uniform(-6, 6, (40, 2))
    full = net.predict(X)
    full[:] = 0.0
    again = net.predict(X)
    assert not (again == 0).all()
    for n in (1, 2, 3, 7, 13, 40):  # single rows agree with the batch
        np.testing.assert_allclose(net.predict(X[:n]), again[:n], rtol=1e-14)


# ------------------------------------------------------------------ the picture grid


@pytest.mark.parametrize("name", list(NETS))
def test_grid_equals_predict_on_grid_points(name):
    features, layers = NETS[name]
    net = Network(features, layers, init="glorot", seed=7)
    extent, n = (-6.0, 6.0, -5.0, 4.0), 17
    cols = net.grid(extent, n)
    # the points written out here: row r (top first), column c (left first), cell centres
    xs = [extent[0] + (c + 0.5) / n * (extent[1] - extent[0]) for c in range(n)]
    ys = [extent[3] - (r + 0.5) / n * (extent[3] - extent[2]) for r in range(n)]
    pts = np.array([[xs[c], ys[r]] for r in range(n) for c in range(n)])
    acts = net.activations(pts)
    assert len(cols) == len(net.sizes)
    for col, act, units in zip(cols, acts, net.sizes):
        assert col.dtype == np.float32
        assert col.shape == (units, n, n)
        want = act.T.reshape(units, n, n)
        np.testing.assert_allclose(col, want, rtol=2e-4, atol=2e-5)


def test_grid_orientation_row_zero_is_top():
    net = Network(["x1", "x2"], [{"size": 2, "activation": "linear"}])
    net.set_weights([(np.array([[1.0, 0.0], [0.0, 1.0]]), np.zeros(2))])  # outputs x1, x2
    extent, n = (-2.0, 2.0, -1.0, 3.0), 4
    out = net.grid(extent, n)[-1]
    x_map, y_map = out[0], out[1]
    # x grows to the right along a row; y is largest in row 0 and shrinks downwards
    np.testing.assert_allclose(x_map[0], [-1.5, -0.5, 0.5, 1.5])
    np.testing.assert_allclose(y_map[:, 0], [2.5, 1.5, 0.5, -0.5])
    assert (np.diff(y_map, axis=0) < 0).all() and (np.diff(x_map, axis=1) > 0).all()
    inputs = net.grid(extent, n)[0]
    np.testing.assert_array_equal(inputs, out)


def test_grid_returns_new_arrays_and_follows_weight_changes():
    net = Network(["x1", "x2"], [3, 1], seed=1)
    g1 = net.grid((-6, 6, -6, 6), 10)
    g1[-1][:] = 123.0
    g2 = net.grid((-6, 6, -6, 6), 10)
    assert not (g2[-1] == 123.0).any()
    net.set_bias(1, 0, 5.0)
    g3 = net.grid((-6, 6, -6, 6), 10)
    assert not np.allclose(g3[-1], g2[-1])
    for bad in (1, 1025, 2.5):
        with pytest.raises(ConfigError):
            net.grid((-6, 6, -6, 6), bad)


# ------------------------------------------------------------------ to_dict / from_dict


def _odd_network() -> Network:
    net = Network(
        ["x1", "x2", "sin_x1"],
        [
            {"size": 3, "activation": "leaky_relu", "alpha": 0.2, "dropout": 0.25},
            {"size": 2, "activation": "maxout", "pieces": 3},
            {"size": 2, "activation": "softmax"},
        ],
        init="he",
        seed=77,
    )
    net.set_weight(0, 0, 0, 0.1 + 0.2)
    net.set_weight(0, 1, 2, 1e-300)
    net.set_weight(0, 2, 1, -0.0)
    net.set_weight(1, 2, 1, 5e-324, piece=2)
    net.set_bias(2, 1, 1 / 3)
    net.set_weight(2, 1, 0, 2.0**-1074 * 3)
    net.remove_connection(1, 0, 1)
    net.set_weight(1, 0, 1, 0.7 + 0.1, piece=1)  # goes to the store
    net.remove_connection(0, 2, 0)
    net.freeze_weight(2, 0, 1)
    net.freeze_bias(1, 1)
    return net


def test_to_dict_json_round_trip_is_exact():
    net = _odd_network()
    text = json.dumps(net.to_dict())
    again = Network.from_dict(json.loads(text))
    assert again.params.tobytes() == net.params.tobytes()  # bitwise, incl. −0.0 and subnormals
    assert again.features == net.features
    assert [L.spec for L in again.layers] == [L.spec for L in net.layers]
    for a, b in zip(again.removed, net.removed):
        np.testing.assert_array_equal(a, b)
    for a, b in zip(again.frozen_w, net.frozen_w):
        np.testing.assert_array_equal(a, b)
    for a, b in zip(again.frozen_b, net.frozen_b):
        np.testing.assert_array_equal(a, b)
    # removed links keep their stored weights
    for p in range(3):
        assert again.weight(1, 0, 1, piece=p) == net.weight(1, 0, 1, piece=p)
    assert again.weight(1, 0, 1, piece=1) == 0.7 + 0.1
    assert again.weight(0, 2, 0) == net.weight(0, 2, 0)
    assert again.to_dict() == net.to_dict()
    assert json.dumps(again.to_dict()) == text
    assert again.weight(0, 0, 0) == 0.30000000000000004
    assert math.copysign(1.0, again.weight(0, 2, 1)) == -1.0
    again.restore_connection(1, 0, 1)
    net.restore_connection(1, 0, 1)
    assert again.params.tobytes() == net.params.tobytes()


def test_to_dict_contents():
    net = _odd_network()
    d = net.to_dict()
    assert d["features"] == ["x1", "x2", "sin_x1"]
    assert d["layers"][0] == {"size": 3, "activation": "leaky_relu", "alpha": 0.2, "dropout": 0.25}
    assert d["layers"][1] == {"size": 2, "activation": "maxout", "pieces": 3}
    assert d["init"] == {"method": "he", "seed": 77}
    assert sorted(d["removed"]) == [[0, 2, 0], [1, 0, 1]]
    assert d["frozen_weights"] == [[2, 0, 1]]
    assert d["frozen_biases"] == [[1, 1]]
    assert np.array(d["weights"][1]).shape == (3, 2, 3)
    assert np.array(d["biases"][1]).shape == (2, 3)
    assert "weights" not in net.to_dict(include_weights=False)


def test_from_dict_without_weights_uses_init():
    net = Network(["x1", "x2"], [4, 1], init="glorot", seed=5)
    again = Network.from_dict(net.to_dict(include_weights=False))
    assert again.params.tobytes() == net.params.tobytes()


def test_frozen_values_survive_round_trip_through_training():
    from engine.datasets import generate
    from engine.training import Trainer, TrainingConfig

    net = Network(["x1", "x2"], [3, 1], seed=2)
    net.freeze_weight(1, 2, 0)
    net.remove_connection(0, 1, 1)
    again = Network.from_dict(json.loads(json.dumps(net.to_dict())))
    data = generate("gauss", n_points=40, seed=1)
    for n in (net, again):
        Trainer(n, data, TrainingConfig(optimizer="adam", learning_rate=0.1, seed=3)).train_epochs(5)
    assert again.params.tobytes() == net.params.tobytes()


def _base_dict():
    return _odd_network().to_dict()


def _set(path, value):
    def change(d):
        target = d
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return d

    return change


def _delete(key):
    def change(d):
        del d[key]
        return d

    return change


BAD_DICTS = {
    "not a dict": lambda d: [d],
    "no features": _delete("features"),
    "no layers": _delete("layers"),
    "bad feature": _set(["features"], ["x1", "zz", "sin_x1"]),
    "layers not list": _set(["layers"], {"size": 3}),
    "bad layer key": _set(["layers", 0, "colour"], "red"),
    "bad activation": _set(["layers", 1, "activation"], "tanhh"),
    "init not dict": _set(["init"], "he"),
    "bad init": _set(["init", "method"], "magic"),
    "bad seed": _set(["init", "seed"], -1.5),
    "weights only": _delete("biases"),
    "weights not list": _set(["weights"], "0.1, 0.2"),
    "weights too few layers": lambda d: _set(["weights"], d["weights"][:2])(d),
    "weight matrix not list": _set(["weights", 0], {"0": [1, 2]}),
    "weight row missing": lambda d: _set(["weights", 0], d["weights"][0][:2])(d),
    "weight row too long": lambda d: _set(["weights", 0, 0], d["weights"][0][0] + [0.5])(d),
    "maxout pieces missing": lambda d: _set(["weights", 1, 0, 0], d["weights"][1][0][0][:2])(d),
    "maxout flat": lambda d: _set(["weights", 1, 0], [0.1, 0.2])(d),
    "nan weight": _set(["weights", 0, 1, 1], float("nan")),
    "inf bias": _set(["biases", 2, 0], float("inf")),
    "string weight": _set(["weights", 2, 0, 0], "0.5"),
    "bool weight": _set(["weights", 2, 0, 0], True),
    "null weight": _set(["weights", 2, 0, 0], None),
    "nested too deep": _set(["weights", 2, 0, 0], [0.5]),
    "bias wrong length": lambda d: _set(["biases", 0], d["biases"][0][:2])(d),
    "maxout bias flat": _set(["biases", 1], [0.1, 0.2]),
    "removed not list": _set(["removed"], "all"),
    "removed bad item": _set(["removed"], [[0, 1]]),
    "removed float index": _set(["removed"], [[0, 1.0, 1]]),
    "removed out of range": _set(["removed"], [[0, 5, 0]]),
    "removed bad layer": _set(["removed"], [[9, 0, 0]]),
    "frozen bool index": _set(["frozen_weights"], [[True, 0, 0]]),
    "frozen bias out of range": _set(["frozen_biases"], [[2, 7]]),
    "frozen bias bad width": _set(["frozen_biases"], [[2, 0, 0]]),
}


@pytest.mark.parametrize("case", list(BAD_DICTS))
def test_from_dict_rejects_bad_documents_with_config_error(case):
    d = BAD_DICTS[case](copy.deepcopy(_base_dict()))
    with pytest.raises(ConfigError):  # never a TypeError/IndexError/ValueError from deep inside
        Network.from_dict(d)


def test_from_dict_rejects_huge_integer_weight():
    # regression: math.isfinite(10**400) raised OverflowError
    d = _base_dict()
    d["weights"][2][0][0] = 10**400  # json.loads("1" + "0" * 400) gives this int
    with pytest.raises(ConfigError):
        Network.from_dict(d)


def test_set_weight_rejects_huge_integer():
    # regression: math.isfinite(10**400) raised OverflowError
    net = Network(["x1", "x2"], [1])
    with pytest.raises(ConfigError):
        net.set_weight(0, 0, 0, 10**400)


def test_clone_is_independent():
    net = _odd_network()
    twin = net.clone()
    assert twin.params.tobytes() == net.params.tobytes()
    twin.set_bias(0, 0, 9.0)
    assert net.bias(0, 0) != 9.0
