"""Tests of engine.edit: structural edits of a Network and their exact inverses.

Exactness is checked bit for bit: ``to_dict()`` (which holds the stored weights of
removed connections) plus the bytes of every weight array and of ``params``.
"""

from __future__ import annotations

import numpy as np
import pytest

from engine.edit import (
    PIECE_NOISE,
    Incoming,
    LayerSnapshot,
    LayerState,
    Links,
    NeuronState,
    add_feature,
    add_layer,
    add_neuron,
    layer_snapshot,
    move_neuron,
    remove_feature,
    remove_layer,
    remove_neuron,
    restore_layer,
    set_layer,
)
from engine.errors import ConfigError
from engine.features import FEATURE_NAMES
from engine.network import INITIALIZERS, MAX_LAYERS, MAX_NEURONS, LayerSpec, Network

POINTS = np.random.default_rng(1).uniform(-4, 4, (64, 2))

#: hidden tanh, hidden maxout (3 pieces), hidden maxout (2), softmax output
LAYERS = [
    4,
    {"size": 3, "activation": "maxout", "pieces": 3},
    {"size": 3, "activation": "maxout", "dropout": 0.1},
    {"size": 2, "activation": "softmax"},
]


def decorate(net: Network, seed: int = 0) -> Network:
    """Random weights, and some removed (with a stored weight ≠ 0) and frozen
    connections and frozen biases in every layer."""
    rng = np.random.default_rng(seed)
    net.set_weights([(rng.normal(size=w.shape), rng.normal(size=b.shape)) for w, b in net.get_weights()])
    for l, L in enumerate(net.layers):
        net.remove_connection(l, L.n_in - 1, L.n_out - 1)  # always one removed
        net.freeze_weight(l, 0, 0)  # always one frozen
        net.freeze_bias(l, L.n_out - 1)
        for i in range(L.n_in):
            for j in range(L.n_out):
                r = rng.random()
                if r < 0.15:
                    net.remove_connection(l, i, j)
                elif r < 0.25:
                    net.freeze_weight(l, i, j)
                elif r < 0.3:
                    net.remove_connection(l, i, j)
                    net.freeze_weight(l, i, j)
    return net


def make_net(features=("x1", "x2", "x1_sq"), layers=LAYERS, init="uniform", seed=7) -> Network:
    return decorate(Network(list(features), layers, init=init, seed=seed), seed)


def fingerprint(net: Network):
    d = net.to_dict()
    weights = [np.asarray(w, float).tobytes() for w in d.pop("weights")]
    biases = [np.asarray(b, float).tobytes() for b in d.pop("biases")]
    return d, weights, biases, net.params.tobytes()


def assert_same(a: Network, b: Network) -> None:
    assert a.to_dict() == b.to_dict()
    assert fingerprint(a) == fingerprint(b)
    for l in range(len(a.layers)):
        assert np.array_equal(a.removed[l], b.removed[l])
        assert np.array_equal(a.frozen_w[l], b.frozen_w[l])
        assert np.array_equal(a.frozen_b[l], b.frozen_b[l])


def check_valid(net: Network) -> None:
    """Consistent shapes, a working forward pass and a faithful to_dict round trip."""
    assert_same(Network.from_dict(net.to_dict()), net)
    for l, L in enumerate(net.layers):
        assert L.n_in == net.sizes[l]
        assert net.removed[l].shape == net.frozen_w[l].shape == (L.n_in, L.n_out)
        assert net.frozen_b[l].shape == (L.n_out,)
        assert np.all(L.W.reshape(L.n_in, L.n_out, L.k)[net.removed[l]] == 0.0)
    out = net.predict(POINTS)
    assert out.shape == (len(POINTS), net.n_outputs) and np.isfinite(out).all()


def w(net: Network, l: int, i: int, j: int, p: int = 0) -> float:
    return net.weight(l, i, j, p)


@pytest.fixture
def net() -> Network:
    return make_net()


# ---------------------------------------------------------------------- the fixture itself
def test_fixture_has_removed_and_frozen_everywhere(net):
    for l in range(len(net.layers)):
        assert net.removed[l].any() and net.frozen_w[l].any() and net.frozen_b[l].any()
    L = net.layers[0]
    assert net.weight(0, L.n_in - 1, L.n_out - 1) != 0.0  # a stored weight worth keeping
    check_valid(net)


# ---------------------------------------------------------------------- records
def test_records_are_read_only_and_compare_bitwise(net):
    _, st = remove_neuron(net, 1, 0)
    assert isinstance(st, NeuronState)
    with pytest.raises(ValueError):
        st.bias[0] = 1.0
    with pytest.raises(ValueError):
        st.incoming.weights[0, 0] = 1.0
    with pytest.raises(AttributeError):
        st.frozen_bias = True
    _, again = remove_neuron(net, 1, 0)
    assert again == st and again is not st
    other = NeuronState(-st.bias, st.frozen_bias, st.incoming, st.outgoing)
    assert other != st
    zero = Links.fresh(np.zeros((2, 1)))
    neg = Links.fresh(-np.zeros((2, 1)))
    assert zero != neg  # -0.0 and 0.0 differ bitwise


def test_records_reject_junk():
    with pytest.raises(ConfigError) as e:
        Links([[np.nan]], [False], [False])
    assert e.value.field == "state.weights"
    with pytest.raises(ConfigError) as e:
        Links([[1.0]], [0.5], [False])
    assert e.value.field == "state.removed"
    with pytest.raises(ConfigError):
        Links("abc", [False], [False])


# ---------------------------------------------------------------------- neurons
@pytest.mark.parametrize("layer", range(4))
@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_remove_neuron_then_add_restores_exactly(net, layer, where):
    n = net.layers[layer].n_out
    j = {"first": 0, "middle": n // 2, "last": n - 1}[where]
    if layer == 3 and n == 2:  # softmax output keeps at least 2: grow it first
        net = add_neuron(net, 3)[0]
        n = 3
    before = fingerprint(net)
    new, st = remove_neuron(net, layer, j)
    assert fingerprint(net) == before  # input untouched
    assert new.layers[layer].n_out == n - 1
    check_valid(new)
    back, used = add_neuron(new, layer, j, st)
    assert used is st
    assert_same(back, net)


@pytest.mark.parametrize("layer", range(4))
@pytest.mark.parametrize("index", [None, 0, 1])
def test_add_neuron_then_remove_restores_exactly(net, layer, index):
    new, st = add_neuron(net, layer, index)
    check_valid(new)
    pos = net.layers[layer].n_out if index is None else index
    assert new.layers[layer].n_out == net.layers[layer].n_out + 1
    back, removed_state = remove_neuron(new, layer, pos)
    assert_same(back, net)
    assert removed_state == st


def test_remove_neuron_state_holds_everything(net):
    L0, L1 = net.layers[0], net.layers[1]
    j = L0.n_out - 1  # its last incoming link is removed, its bias frozen
    _, st = remove_neuron(net, 0, j)
    assert st.bias.shape == (1,) and st.bias[0] == net.bias(0, j)
    assert st.frozen_bias
    assert st.incoming.weights.shape == (L0.n_in, 1)
    assert list(st.incoming.removed) == list(net.removed[0][:, j])
    assert list(st.incoming.frozen) == list(net.frozen_w[0][:, j])
    assert st.incoming.removed[L0.n_in - 1]
    assert st.incoming.weights[L0.n_in - 1, 0] == net.weight(0, L0.n_in - 1, j) != 0.0  # stored weight
    assert st.outgoing.weights.shape == (L1.n_out, L1.k)  # into the maxout layer: 3 pieces
    for t in range(L1.n_out):
        for p in range(L1.k):
            assert st.outgoing.weights[t, p] == net.weight(1, j, t, p)
    assert list(st.outgoing.removed) == list(net.removed[1][j])
    _, out_state = remove_neuron(add_neuron(net, 3)[0], 3, 0)
    assert out_state.outgoing.weights.shape == (0, 0)


def test_add_neuron_keeps_untouched_weights_by_index(net):
    new, st = add_neuron(net, 1, 1)  # a maxout layer with 3 pieces
    # layer 1: neuron 0 stays, 1 is new, old 1 and 2 move to 2 and 3
    for i in range(net.layers[1].n_in):
        for p in range(3):
            assert w(new, 1, i, 0, p) == w(net, 1, i, 0, p)
            assert w(new, 1, i, 2, p) == w(net, 1, i, 1, p)
            assert w(new, 1, i, 3, p) == w(net, 1, i, 2, p)
            assert w(new, 1, i, 1, p) == st.incoming.weights[i, p]
    for p in range(3):
        assert new.bias(1, 3, p) == net.bias(1, 2, p)
    assert new.frozen_b[1][3] == net.frozen_b[1][2]
    # the removed link (last input → last neuron) moved along with its stored weight
    n_in = net.layers[1].n_in
    assert new.is_removed(1, n_in - 1, 3)
    assert w(new, 1, n_in - 1, 3, 2) == w(net, 1, n_in - 1, 2, 2) != 0.0
    # layer 2: rows shift, the new row is the outgoing state
    for t in range(3):
        assert w(new, 2, 0, t, 1) == w(net, 2, 0, t, 1)
        assert w(new, 2, 3, t, 1) == w(net, 2, 2, t, 1)
        assert w(new, 2, 1, t, 1) == st.outgoing.weights[t, 1]
        assert new.is_removed(2, 3, t) == net.is_removed(2, 2, t)
    # other layers untouched
    for l in (0, 3):
        assert np.array_equal(new.get_weights()[l][0], net.get_weights()[l][0])
        assert np.array_equal(new.frozen_w[l], net.frozen_w[l])


@pytest.mark.parametrize("init", INITIALIZERS)
def test_add_neuron_fresh_weights_follow_the_initializer(init):
    net = make_net(init=init)
    new, st = add_neuron(net, 1)
    assert new.init == init and new.seed == net.seed
    assert st.incoming.weights.shape == (4, 3) and st.outgoing.weights.shape == (3, 2)
    assert not st.frozen_bias and not st.incoming.removed.any() and not st.outgoing.frozen.any()
    assert np.all(st.bias == (0.1 if init == "uniform" else 0.0))
    if init == "zeros":
        assert not st.incoming.weights.any() and not st.outgoing.weights.any()
    else:
        assert np.unique(st.incoming.weights).size == st.incoming.weights.size
    if init == "uniform":
        assert np.all(np.abs(st.incoming.weights) <= 0.5)


def test_add_neuron_default_rng_is_deterministic_and_redo_is_exact(net):
    a, st_a = add_neuron(net, 0, 2)
    b, st_b = add_neuron(net, 0, 2)
    assert_same(a, b)
    assert st_a == st_b
    c, st_c = add_neuron(net, 0, 2, rng=np.random.default_rng(99))
    assert st_c != st_a
    redo, st_redo = add_neuron(net, 0, 2, st_c)
    assert_same(redo, c)
    assert st_redo == st_c
    # a different seed gives different weights by default
    other = make_net(seed=8)
    assert add_neuron(other, 0, 2)[1] != st_a


@pytest.mark.parametrize("layer", [0, 1, 2])
def test_add_neuron_with_zero_outgoing_keeps_predictions(net, layer):
    L, nxt = net.layers[layer], net.layers[layer + 1]
    rng = np.random.default_rng(3)
    state = NeuronState(
        rng.normal(size=L.k), False,
        Links.fresh(rng.normal(size=(L.n_in, L.k))),
        Links.fresh(np.zeros((nxt.n_out, nxt.k))),
    )
    new, _ = add_neuron(net, layer, 1, state)
    assert np.array_equal(new.predict(POINTS), net.predict(POINTS))


def test_add_and_remove_output_neuron():
    net = decorate(Network(["x1", "x2"], [3, {"size": 1, "activation": "linear"}], seed=2))
    new, st = add_neuron(net, 1)
    assert new.n_outputs == 2 and st.outgoing.weights.shape == (0, 0)
    assert np.array_equal(new.predict(POINTS)[:, 0], net.predict(POINTS)[:, 0])
    assert_same(remove_neuron(new, 1, 1)[0], net)
    assert_same(add_neuron(net, 1, None, st)[0], new)


def test_neuron_errors(net):
    single = Network(["x1"], [1, 1])
    with pytest.raises(ConfigError) as e:
        remove_neuron(single, 0, 0)
    assert e.value.field == "neuron" and "remove the layer instead" in e.value.message
    for bad in (-1, 4, "0", True, 1.0, None):
        with pytest.raises(ConfigError) as e:
            remove_neuron(net, bad, 0)
        assert e.value.field == "layer"
        with pytest.raises(ConfigError) as e:
            add_neuron(net, bad)
        assert e.value.field == "layer"
    for bad in (-1, 4, "1", False):
        with pytest.raises(ConfigError) as e:
            remove_neuron(net, 0, bad)
        assert e.value.field == "neuron"
    with pytest.raises(ConfigError) as e:
        add_neuron(net, 0, 5)  # 0..4 are valid places in a layer of 4
    assert e.value.field == "neuron"
    big = Network(["x1"], [MAX_NEURONS, 1])
    with pytest.raises(ConfigError) as e:
        add_neuron(big, 0)
    assert e.value.field == "layers[0].size"
    with pytest.raises(ConfigError) as e:  # softmax needs 2 outputs: the constructor says so
        remove_neuron(net, 3, 0)
    assert e.value.field == "layers[3].activation"
    with pytest.raises(ConfigError) as e:
        add_neuron(net, 0, rng=42)
    assert e.value.field == "rng"


def test_add_neuron_rejects_a_state_that_does_not_fit(net):
    _, st = remove_neuron(net, 1, 0)  # a maxout neuron: 3 pieces
    with pytest.raises(ConfigError) as e:
        add_neuron(net, 0, 0, st)  # layer 0 has 1 piece and 3 inputs
    assert e.value.field.startswith("state.")
    _, out_state = remove_neuron(add_neuron(net, 3)[0], 3, 0)
    with pytest.raises(ConfigError) as e:
        add_neuron(net, 2, 0, NeuronState(np.zeros(2), False, st.incoming, out_state.outgoing))
    assert e.value.field.startswith("state.")
    with pytest.raises(ConfigError) as e:
        add_neuron(net, 0, 0, {"bias": 0})
    assert e.value.field == "state"


# ---------------------------------------------------------------------- move_neuron
@pytest.mark.parametrize("layer", [0, 1, 2])
@pytest.mark.parametrize("src,dst", [(0, 2), (2, 0), (1, 1), (0, 1)])
def test_move_neuron_keeps_predictions_and_undoes(net, layer, src, dst):
    new = move_neuron(net, layer, src, dst)
    check_valid(new)
    np.testing.assert_allclose(new.predict(POINTS), net.predict(POINTS), rtol=1e-12, atol=1e-14)
    assert_same(move_neuron(new, layer, dst, src), net)
    # the neuron took its weights, bias and flags along
    j_new = dst
    for i in range(net.layers[layer].n_in):
        assert w(new, layer, i, j_new) == w(net, layer, i, src)
        assert new.is_removed(layer, i, j_new) == net.is_removed(layer, i, src)
    assert new.frozen_b[layer][j_new] == net.frozen_b[layer][src]
    for t in range(net.layers[layer + 1].n_out):
        assert w(new, layer + 1, j_new, t) == w(net, layer + 1, src, t)


def test_move_output_neuron_permutes_outputs(net):
    new = move_neuron(net, 3, 0, 1)
    np.testing.assert_allclose(new.predict(POINTS), net.predict(POINTS)[:, ::-1], rtol=1e-12)
    assert_same(move_neuron(new, 3, 1, 0), net)


def test_move_neuron_errors(net):
    with pytest.raises(ConfigError) as e:
        move_neuron(net, 0, 0, 4)
    assert e.value.field == "neuron"
    with pytest.raises(ConfigError) as e:
        move_neuron(net, 0, -1, 0)
    assert e.value.field == "neuron"
    with pytest.raises(ConfigError) as e:
        move_neuron(net, 9, 0, 0)
    assert e.value.field == "layer"


# ---------------------------------------------------------------------- features
@pytest.mark.parametrize("name", ["x1", "x2", "x1_sq"])
def test_remove_feature_then_add_restores_exactly(net, name):
    new, st = remove_feature(net, name)
    check_valid(new)
    assert name not in new.features and st.name == name
    assert st.index == net.features.index(name)
    assert st.outgoing.weights.shape == (4, 1)
    back, used = add_feature(new, st.name, st.index, st.outgoing)
    assert_same(back, net)
    assert used == st
    assert_same(add_feature(new, st.name, st.index, st)[0], net)  # a FeatureState works too


def test_remove_feature_keeps_stored_weight_of_removed_link(net):
    i = net.n_inputs - 1  # the last input has a removed link to the last neuron of layer 0
    j = net.layers[0].n_out - 1
    new, st = remove_feature(net, "x1_sq")
    assert st.outgoing.removed[j] and st.outgoing.weights[j, 0] == net.weight(0, i, j) != 0.0
    # and the other inputs' links are untouched
    for j in range(4):
        assert w(new, 0, 0, j) == w(net, 0, 0, j) and w(new, 0, 1, j) == w(net, 0, 1, j)


@pytest.mark.parametrize("name", ["x2_sq", "x1x2", "sin_x1", "sin_x2"])
def test_add_feature_then_remove_restores_exactly(net, name):
    new, st = add_feature(net, name)
    check_valid(new)
    assert new.features == net.features + (name,)  # canonical order: after x1_sq
    assert_same(remove_feature(new, name)[0], net)
    assert_same(add_feature(net, name, st.index, st.outgoing)[0], new)  # redo


def test_add_feature_default_position_is_canonical():
    net = Network(["x2", "sin_x1"], [2, 1])
    assert add_feature(net, "x1")[0].features == ("x1", "x2", "sin_x1")
    assert add_feature(net, "x1x2")[0].features == ("x2", "x1x2", "sin_x1")
    assert add_feature(net, "sin_x2")[0].features == ("x2", "sin_x1", "sin_x2")
    assert add_feature(net, "sin_x2", 0)[0].features == ("sin_x2", "x2", "sin_x1")
    full = Network(["x1"], [1])
    for name in FEATURE_NAMES[1:]:
        full = add_feature(full, name)[0]
    assert full.features == FEATURE_NAMES


def test_add_feature_with_zero_outgoing_keeps_predictions(net):
    L = net.layers[0]
    new, st = add_feature(net, "sin_x2", 1, Links.fresh(np.zeros((L.n_out, L.k))))
    assert new.features == ("x1", "sin_x2", "x2", "x1_sq")
    assert np.array_equal(new.predict(POINTS), net.predict(POINTS))
    assert st.index == 1


def test_add_feature_into_maxout_first_layer_and_redo():
    net = decorate(Network(["x1"], [{"size": 2, "activation": "maxout", "pieces": 3}, 1], init="he", seed=5))
    new, st = add_feature(net, "x2", rng=np.random.default_rng(0))
    assert st.outgoing.weights.shape == (2, 3)
    assert_same(add_feature(net, "x2", st.index, st.outgoing)[0], new)
    assert_same(add_feature(net, "x2")[0], add_feature(net, "x2")[0])  # default is deterministic
    assert_same(remove_feature(new, "x2")[0], net)


def test_feature_errors(net):
    for bad in ("x3", 5, None, "X1"):
        with pytest.raises(ConfigError) as e:
            add_feature(net, bad)
        assert e.value.field == "features"
    with pytest.raises(ConfigError) as e:
        add_feature(net, "x1")
    assert e.value.field == "features" and "already" in e.value.message
    with pytest.raises(ConfigError) as e:
        remove_feature(net, "sin_x1")
    assert e.value.field == "features"
    with pytest.raises(ConfigError) as e:
        remove_feature(Network(["x2"], [1]), "x2")
    assert e.value.field == "features" and e.value.message == "a network needs at least one input"
    with pytest.raises(ConfigError) as e:
        add_feature(net, "sin_x1", 4)
    assert e.value.field == "index"
    with pytest.raises(ConfigError) as e:
        add_feature(net, "sin_x1", 0, Links.fresh(np.zeros((3, 1))))
    assert e.value.field == "outgoing.weights"
    with pytest.raises(ConfigError) as e:
        add_feature(net, "sin_x1", 0, np.zeros((4, 1)))
    assert e.value.field == "outgoing"


# ---------------------------------------------------------------------- layers
@pytest.mark.parametrize("index", [0, 1, 2])
def test_remove_layer_then_add_restores_exactly(net, index):
    new, st, nxt = remove_layer(net, index)
    check_valid(new)
    assert len(new.layers) == 3 and isinstance(st, LayerState) and isinstance(nxt, Incoming)
    assert st.bypass == nxt
    assert st.spec == net.specs()[index]
    k_next = net.layers[index + 1].k
    assert nxt.weights.shape == (net.sizes[index], net.layers[index + 1].n_out, k_next)
    assert not nxt.removed.any() and not nxt.frozen.any()
    back, used = add_layer(new, index, st.spec, st)
    assert_same(back, net)
    assert used == st
    assert_same(remove_layer(net, index, nxt)[0], new)  # redo


def test_remove_layer_keeps_other_layers(net):
    new, st, nxt = remove_layer(net, 1)
    old_w, new_w = net.get_weights(), new.get_weights()
    assert np.array_equal(new_w[0][0], old_w[0][0]) and np.array_equal(new_w[0][1], old_w[0][1])
    assert np.array_equal(new_w[1][1], old_w[2][1])  # the next layer keeps its biases
    assert np.array_equal(new.frozen_b[1], net.frozen_b[2])
    assert np.array_equal(new_w[2][0], old_w[3][0])
    assert np.array_equal(new.removed[2], net.removed[3])
    assert np.array_equal(new.removed[0], net.removed[0])
    # the removed layer's stored weight of a removed link is in the state
    L = net.layers[1]
    assert st.incoming.removed[L.n_in - 1, L.n_out - 1]
    assert st.incoming.weights[L.n_in - 1, L.n_out - 1, 2] == net.weight(1, L.n_in - 1, L.n_out - 1, 2)
    assert np.array_equal(st.next_incoming.removed, net.removed[2])
    assert np.array_equal(new_w[1][0], nxt.weights)


@pytest.mark.parametrize(
    "spec",
    [5, {"size": 2, "activation": "maxout", "pieces": 3}, LayerSpec(3, "leaky_relu", alpha=0.2, dropout=0.5)],
)
@pytest.mark.parametrize("index", [0, 2, 3])
def test_add_layer_then_remove_restores_exactly(net, spec, index):
    new, st = add_layer(net, index, spec)
    check_valid(new)
    want = LayerSpec.coerce(spec, "spec")
    assert new.specs()[index] == want and st.spec == want
    assert len(new.layers) == 5
    assert not st.incoming.removed.any() and not st.frozen_bias.any() and not st.next_incoming.frozen.any()
    # the following layer keeps its biases, its frozen biases and the layers around stay
    assert np.array_equal(new.get_weights()[index + 1][1], net.get_weights()[index][1])
    assert np.array_equal(new.frozen_b[index + 1], net.frozen_b[index])
    for l in range(index):
        assert np.array_equal(new.get_weights()[l][0], net.get_weights()[l][0])
    back, removed_state, _ = remove_layer(new, index, st.bypass)
    assert_same(back, net)
    assert removed_state == st
    redo, st2 = add_layer(net, index, spec, st)
    assert_same(redo, new)
    assert st2 == st


def test_add_layer_redo_with_explicit_rng_and_default_determinism(net):
    a, st = add_layer(net, 1, {"size": 2, "activation": "relu"}, rng=np.random.default_rng(4))
    assert_same(add_layer(net, 1, None, st)[0], a)
    assert_same(add_layer(net, 1, 2)[0], add_layer(net, 1, 2)[0])


@pytest.mark.parametrize("init", INITIALIZERS)
def test_add_layer_fresh_weights_follow_the_initializer(init):
    net = make_net(init=init)
    new, st = add_layer(net, 0, 6)
    assert st.incoming.weights.shape == (3, 6, 1)
    assert st.next_incoming.weights.shape == (6, 4, 1)
    assert np.all(st.bias == (0.1 if init == "uniform" else 0.0))
    if init == "zeros":
        assert not st.incoming.weights.any()
    check_valid(new)


def test_remove_and_add_layer_with_explicit_next_incoming(net):
    nxt = Incoming(np.full((4, 3, 2), 0.25), np.eye(4, 3, dtype=bool), np.zeros((4, 3), bool))
    new, st, used = remove_layer(net, 1, nxt)
    assert used is nxt
    assert new.is_removed(1, 0, 0) and new.weight(1, 0, 0, 1) == 0.25
    assert new.layers[1].W[0, 0] == 0.0  # removed: computes with 0
    assert_same(add_layer(new, 1, None, st)[0], net)


def test_layer_errors(net):
    with pytest.raises(ConfigError) as e:
        remove_layer(net, 3)
    assert e.value.field == "layer" and e.value.message == "the output layer cannot be removed"
    with pytest.raises(ConfigError) as e:
        remove_layer(Network(["x1"], [1]), 0)
    assert e.value.field == "layer"
    with pytest.raises(ConfigError) as e:
        add_layer(net, 4, 3)  # after the output
    assert e.value.field == "layer" and "output" in e.value.message
    for bad in (-1, 5, "1", None, True):
        with pytest.raises(ConfigError) as e:
            add_layer(net, bad, 3)
        assert e.value.field == "layer"
        with pytest.raises(ConfigError) as e:
            remove_layer(net, bad)
        assert e.value.field == "layer"
    with pytest.raises(ConfigError) as e:
        add_layer(net, 1, {"size": 2, "activation": "softmax"})
    assert e.value.field == "layers[1].activation"
    with pytest.raises(ConfigError) as e:
        add_layer(net, 1, {"size": 0})
    assert e.value.field == "layers[1].size"
    with pytest.raises(ConfigError) as e:
        add_layer(net, 1, MAX_NEURONS + 1)
    assert e.value.field == "layers[1].size"
    with pytest.raises(ConfigError) as e:
        add_layer(net, 1, {"size": 2, "colour": "red"})
    assert e.value.field == "layers[1].colour"
    with pytest.raises(ConfigError) as e:
        add_layer(net, 1, None)
    assert e.value.field == "layers[1]"
    deep = Network(["x1"], [1] * MAX_LAYERS)
    with pytest.raises(ConfigError) as e:
        add_layer(deep, 0, 1)
    assert e.value.field == "layers"
    _, st, _ = remove_layer(net, 1)
    with pytest.raises(ConfigError) as e:
        add_layer(net, 1, 3, st)  # a spec that is not the state's
    assert e.value.field == "state.spec"
    with pytest.raises(ConfigError) as e:
        add_layer(net, 0, None, st)  # the state does not fit there
    assert e.value.field.startswith("state.")
    with pytest.raises(ConfigError) as e:
        remove_layer(net, 1, Incoming.fresh(np.zeros((3, 3, 2))))
    assert e.value.field == "next_incoming.weights"
    with pytest.raises(ConfigError) as e:
        remove_layer(net, 1, np.zeros((4, 3, 2)))
    assert e.value.field == "next_incoming"
    with pytest.raises(ConfigError) as e:
        remove_layer(net, 1, rng="seed")
    assert e.value.field == "rng"


# ---------------------------------------------------------------------- set_layer
def test_set_activation_keeps_weights_when_pieces_stay(net):
    new, snap = set_layer(net, 0, activation="relu")
    assert isinstance(snap, LayerSnapshot) and new.layers[0].name == "relu"
    assert new.params.tobytes() == net.params.tobytes()
    assert new.to_dict()["weights"] == net.to_dict()["weights"]
    assert_same(restore_layer(new, 0, snap), net)
    assert_same(set_layer(net, 0, activation="relu")[0], new)  # redo


def test_set_layer_to_maxout_keeps_piece_0(net):
    new, snap = set_layer(net, 0, activation="maxout", pieces=3)
    check_valid(new)
    L = net.layers[0]
    assert new.layers[0].k == 3
    W_old = snap.weights  # (n_in, n_out, 1), stored weights included
    assert W_old.shape == (L.n_in, L.n_out, 1)
    for i in range(L.n_in):
        for j in range(L.n_out):
            assert w(new, 0, i, j, 0) == W_old[i, j, 0] == w(net, 0, i, j)
            for p in (1, 2):
                diff = w(new, 0, i, j, p) - W_old[i, j, 0]
                assert diff != 0.0 and abs(diff) < 10 * PIECE_NOISE
        assert new.bias(0, j, 0) == net.bias(0, j)
    assert np.array_equal(new.removed[0], net.removed[0])
    assert np.array_equal(new.frozen_w[0], net.frozen_w[0])
    assert np.array_equal(new.frozen_b[0], net.frozen_b[0])
    assert np.array_equal(new.get_weights()[1][0], net.get_weights()[1][0])
    assert_same(restore_layer(new, 0, snap), net)
    assert_same(restore_layer(net, 0, layer_snapshot(new, 0)), new)  # redo via a snapshot
    assert_same(set_layer(net, 0, activation="maxout", pieces=3)[0], new)  # default rng: deterministic


@pytest.mark.parametrize("layer,pieces", [(1, 2), (1, 5), (2, 3), (2, 8)])
def test_change_maxout_pieces(net, layer, pieces):
    old_k = net.layers[layer].k
    new, snap = set_layer(net, layer, pieces=pieces)
    assert new.layers[layer].k == pieces
    keep = min(old_k, pieces)
    W_new = layer_snapshot(new, layer).weights
    assert np.array_equal(W_new[..., :keep], snap.weights[..., :keep])
    if pieces > old_k:
        extra = W_new[..., old_k:] - snap.weights[..., :1]
        assert np.all(np.abs(extra) < 10 * PIECE_NOISE) and np.all(extra != 0)
    assert_same(restore_layer(new, layer, snap), net)


@pytest.mark.parametrize("activation", ["tanh", "linear", "leaky_relu"])
def test_set_maxout_layer_to_elementwise_keeps_piece_0(net, activation):
    new, snap = set_layer(net, 1, activation=activation)
    assert new.layers[1].k == 1
    assert np.array_equal(layer_snapshot(new, 1).weights[..., 0], snap.weights[..., 0])
    assert np.array_equal(layer_snapshot(new, 1).bias[:, 0], snap.bias[:, 0])
    assert new.is_removed(1, 3, 2) and new.weight(1, 3, 2) == net.weight(1, 3, 2, 0)
    assert_same(restore_layer(new, 1, snap), net)


def test_set_layer_with_explicit_rng_redo_via_snapshot(net):
    new, snap = set_layer(net, 0, activation="maxout", rng=np.random.default_rng(11))
    assert_same(restore_layer(net, 0, layer_snapshot(new, 0)), new)
    assert not np.array_equal(new.params, set_layer(net, 0, activation="maxout")[0].params)


def test_set_layer_alpha_dropout_and_pieces_of_non_maxout(net):
    a, _ = set_layer(net, 0, activation="leaky_relu", alpha=0.2)
    assert a.specs()[0].alpha == 0.2
    b, snap = set_layer(a, 0, activation="elu")  # alpha belongs to the old activation: reset
    assert b.specs()[0].alpha is None
    assert_same(restore_layer(b, 0, snap), a)
    c, _ = set_layer(a, 0, alpha=0.3)
    assert c.specs()[0].alpha == 0.3 and c.params.tobytes() == a.params.tobytes()
    d, snap = set_layer(net, 0, dropout=0.3, pieces=4)  # pieces of a tanh layer: stored only
    assert d.specs()[0].dropout == 0.3 and d.layers[0].k == 1
    assert d.params.tobytes() == net.params.tobytes()
    assert_same(restore_layer(d, 0, snap), net)
    e, snap = set_layer(net, 3, activation="sigmoid")  # output layer
    assert e.output_activation == "sigmoid"
    assert_same(restore_layer(e, 3, snap), net)


def test_set_layer_errors_leave_the_network_untouched(net):
    before = fingerprint(net)
    cases = [
        ({"activation": "softmax"}, 0, "layers[0].activation"),
        ({"activation": "nope"}, 1, "layers[1].activation"),
        ({"dropout": 0.5}, 3, "layers[3].dropout"),
        ({"dropout": 1.5}, 0, "layers[0].dropout"),
        ({"pieces": 9}, 1, "layers[1].pieces"),
        ({"pieces": 1}, 1, "layers[1].pieces"),
        ({"alpha": 0.2}, 1, "layers[1].alpha"),  # maxout takes no alpha
        ({"activation": "leaky_relu", "alpha": 2.0}, 0, "layers[0].alpha"),
        ({"size": 7}, 0, "layers[0].size"),
        ({"colour": "red"}, 0, "layers[0].colour"),
    ]
    for changes, layer, field in cases:
        with pytest.raises(ConfigError) as e:
            set_layer(net, layer, **changes)
        assert e.value.field == field, changes
    with pytest.raises(ConfigError) as e:
        set_layer(net, 4, activation="tanh")
    assert e.value.field == "layer"
    with pytest.raises(ConfigError) as e:
        set_layer(net, 0, activation="maxout", rng=1)
    assert e.value.field == "rng"
    assert fingerprint(net) == before


def test_restore_layer_errors(net):
    snap = layer_snapshot(net, 1)
    with pytest.raises(ConfigError) as e:
        restore_layer(net, 2, snap)  # weights of the wrong shape
    assert e.value.field == "snapshot.weights"
    with pytest.raises(ConfigError) as e:
        restore_layer(net, 0, snap)  # 3 neurons ≠ 4
    assert e.value.field == "snapshot.spec.size"
    with pytest.raises(ConfigError) as e:
        restore_layer(net, 0, {"spec": 4})
    assert e.value.field == "snapshot"
    bad = LayerSnapshot(LayerSpec(3, "softmax"), np.zeros((4, 3, 1)), np.zeros((3, 1)))
    with pytest.raises(ConfigError) as e:
        restore_layer(net, 1, bad)
    assert e.value.field == "layers[1].activation"


# ---------------------------------------------------------------------- no mutation
def test_no_edit_mutates_its_input(net):
    before = fingerprint(net)
    add_neuron(net, 1, 0)
    remove_neuron(net, 1, 0)
    move_neuron(net, 2, 0, 2)
    add_feature(net, "x1x2")
    remove_feature(net, "x1")
    add_layer(net, 2, {"size": 2, "activation": "maxout"})
    remove_layer(net, 1)
    set_layer(net, 1, activation="relu")
    restore_layer(net, 1, layer_snapshot(net, 1))
    assert fingerprint(net) == before
    check_valid(net)


# ---------------------------------------------------------------------- random sequences
SPECS = [
    2,
    {"size": 3, "activation": "relu"},
    {"size": 1, "activation": "sigmoid"},
    {"size": 2, "activation": "maxout", "pieces": 2},
    {"size": 3, "activation": "maxout", "pieces": 3},
    {"size": 2, "activation": "leaky_relu", "alpha": 0.05, "dropout": 0.2},
]
ACTIVATIONS = ["tanh", "relu", "linear", "elu", "maxout", "softmax", "sigmoid"]


def random_edit(net: Network, rng: np.random.Generator):
    """One random edit: (new network, undo(new) -> old, redo() -> new), or None when the
    edit is invalid (then it must raise ConfigError and leave ``net`` as it was)."""
    n_layers = len(net.layers)
    layer = int(rng.integers(n_layers))
    size = net.layers[layer].n_out
    gen = np.random.default_rng(int(rng.integers(2**32))) if rng.random() < 0.5 else None
    kind = rng.choice(["add_neuron", "remove_neuron", "move", "add_feature", "remove_feature",
                       "add_layer", "remove_layer", "set_layer", "flags"])
    if kind == "flags":  # not an edit of this module: gives new neurons and layers flags too
        L = net.layers[layer]
        i, j = int(rng.integers(L.n_in)), int(rng.integers(L.n_out))
        op = int(rng.integers(4))

        def apply(n: Network) -> Network:
            n = n.clone()
            if op == 0:
                n.set_weight(layer, i, j, 0.75)
                n.remove_connection(layer, i, j)
            elif op == 1:
                n.restore_connection(layer, i, j)
            elif op == 2:
                n.freeze_weight(layer, i, j, not n.is_frozen(layer, i, j))
            else:
                n.freeze_bias(layer, j, not n.frozen_b[layer][j])
            return n

        return apply(net), lambda n: net.clone(), lambda: apply(net)
    if kind == "add_neuron" and size < 6:
        index = None if rng.random() < 0.3 else int(rng.integers(size + 1))
        new, st = add_neuron(net, layer, index, rng=gen)
        pos = size if index is None else index
        return new, lambda n: remove_neuron(n, layer, pos)[0], lambda: add_neuron(net, layer, index, st)[0]
    if kind == "remove_neuron" and size > 1:
        j = int(rng.integers(size))
        try:
            new, st = remove_neuron(net, layer, j)
        except ConfigError as e:  # only a 2-neuron softmax output may refuse
            assert e.field == f"layers[{layer}].activation" and net.layers[layer].name == "softmax"
            return None
        return new, lambda n: add_neuron(n, layer, j, st)[0], lambda: remove_neuron(net, layer, j)[0]
    if kind == "move":
        src, dst = (int(v) for v in rng.integers(size, size=2))
        new = move_neuron(net, layer, src, dst)
        return new, lambda n: move_neuron(n, layer, dst, src), lambda: move_neuron(net, layer, src, dst)
    if kind == "add_feature":
        missing = [f for f in FEATURE_NAMES if f not in net.features]
        if missing:
            name = str(rng.choice(missing))
            index = None if rng.random() < 0.5 else int(rng.integers(net.n_inputs + 1))
            new, st = add_feature(net, name, index, rng=gen)
            return new, lambda n: remove_feature(n, name)[0], lambda: add_feature(net, name, st.index, st.outgoing)[0]
    if kind == "remove_feature" and net.n_inputs > 1:
        name = str(rng.choice(net.features))
        new, st = remove_feature(net, name)
        return new, lambda n: add_feature(n, st.name, st.index, st.outgoing)[0], lambda: remove_feature(net, name)[0]
    if kind == "add_layer" and n_layers < 6:
        spec = SPECS[int(rng.integers(len(SPECS)))]
        new, st = add_layer(net, layer, spec, rng=gen)
        return new, lambda n: remove_layer(n, layer, st.bypass)[0], lambda: add_layer(net, layer, spec, st)[0]
    if kind == "remove_layer" and n_layers > 1:
        index = int(rng.integers(n_layers - 1))
        new, st, nxt = remove_layer(net, index, rng=gen)
        return new, lambda n: add_layer(n, index, st.spec, st)[0], lambda: remove_layer(net, index, nxt)[0]
    if kind == "set_layer":
        changes = {"activation": str(rng.choice(ACTIVATIONS))}
        if changes["activation"] == "maxout":
            changes["pieces"] = int(rng.integers(2, 5))
        try:
            new, snap = set_layer(net, layer, rng=gen, **changes)
        except ConfigError:
            return None
        after = layer_snapshot(new, layer)
        return new, lambda n: restore_layer(n, layer, snap), lambda: restore_layer(net, layer, after)
    return None


@pytest.mark.parametrize("seed", [0, 1])
def test_random_edit_sequence_undoes_exactly(seed):
    rng = np.random.default_rng(seed)
    original = make_net(seed=seed)
    net = original
    history: list = []  # (network before, undo)
    done = 0
    while done < 200:
        if history and rng.random() < 0.15:
            before, undo = history.pop()
            net = undo(net)
            assert_same(net, before)
            continue
        snapshot = fingerprint(net)
        result = random_edit(net, rng)
        assert fingerprint(net) == snapshot
        if result is None:
            continue
        new, undo, redo = result
        done += 1
        check_valid(new)
        assert_same(redo(), new)
        history.append((net, undo))
        net = new
    while history:
        before, undo = history.pop()
        net = undo(net)
        assert_same(net, before)
    assert_same(net, original)
