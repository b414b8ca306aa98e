"""Structural edits of a :class:`~engine.network.Network`, each with an exact inverse.

A ``Network``'s structure is fixed, so every edit here is a pure function that builds a
*new* network from an old one. Nothing the edit does not touch changes: every other
weight and bias, every removed connection (and the weight stored for it), every frozen
flag, the initializer and the seed are carried over bit for bit. The input network is
never modified.

Each edit also returns a *record* — a small frozen dataclass of read-only NumPy arrays —
holding what the inverse edit needs, and edits that create weights take those weights
as an optional argument and return the ones they used, so that an undoable command can
store them after its first run and redo exactly::

    new, st = remove_neuron(net, 0, 2)           # do;   st = the neuron that went
    old = add_neuron(new, 0, 2, st)[0]           # undo; old.to_dict() == net.to_dict()

    new, st = add_neuron(net, 0)                 # do: fresh weights, returned in st
    again = add_neuron(net, 0, None, st)[0]      # redo: bit-identical to ``new``

Conventions
-----------
* Layers are numbered as in the engine: ``layer`` 0 is the first hidden layer (or the
  output of a network without hidden layers), the last is the output layer. In the
  GUI's columns, column 0 holds the input features and column c ≥ 1 is layer c − 1.
* Weights always carry a pieces axis ``k`` (1 except for Maxout layers), so one neuron's
  bias has shape (k,) and its incoming weights (n_in, k).
* A removed connection's weight in a record is the *stored* weight it gets back when it
  is restored (the network computes with 0); flags are per connection, not per piece.

Records
-------
:class:`Links`         one unit's connections on one side: weights (n, k), removed (n,), frozen (n,)
:class:`NeuronState`   a neuron: bias, frozen bias flag, incoming and outgoing :class:`Links`
:class:`FeatureState`  an input feature: name, position, outgoing :class:`Links` into layer 0
:class:`Incoming`      all connections into a layer: weights (n_in, n_out, k), removed, frozen
:class:`LayerState`    a layer: spec, incoming, biases, frozen biases, and the next layer's
                       incoming connections with this layer (``next_incoming``) and
                       without it (``bypass``)
:class:`LayerSnapshot` a layer's settings and weights before :func:`set_layer`

Edits and their inverses
------------------------
=================================================  ====================================================
edit                                               undo
=================================================  ====================================================
``new, st = add_neuron(net, l, i)``                ``remove_neuron(new, l, i)``
``new, st = remove_neuron(net, l, i)``             ``add_neuron(new, l, i, st)``
``new, st = add_feature(net, name)``               ``remove_feature(new, name)``
``new, st = remove_feature(net, name)``            ``add_feature(new, st.name, st.index, st.outgoing)``
``new, st = add_layer(net, l, spec)``              ``remove_layer(new, l, st.bypass)``
``new, st, nxt = remove_layer(net, l)``            ``add_layer(new, l, st.spec, st)``
``new, snap = set_layer(net, l, activation=…)``    ``restore_layer(new, l, snap)``
``new = move_neuron(net, l, src, dst)``            ``move_neuron(new, l, dst, src)``
=================================================  ====================================================

Redo: ``add_neuron(net, l, i, st)``, ``add_feature(net, name, i, st.outgoing)``,
``add_layer(net, l, spec, st)``, ``remove_layer(net, l, nxt)``, and for
:func:`set_layer` ``restore_layer(net, l, layer_snapshot(new, l))`` (or simply calling
:func:`set_layer` again without ``rng``, which is deterministic).

New weights follow the network's initializer (``net.init``): ``uniform`` U(−0.5, 0.5)
with bias 0.1, ``glorot`` U(±√(6/(fan_in + fan_out))) with bias 0, ``he``
N(0, 2/fan_in) with bias 0, ``zeros``. Without an ``rng`` they are drawn from a generator
seeded from (net.seed, the kind of edit, layer, size), so the same edit on the same
network always gives the same weights.

Every invalid argument raises :class:`~engine.errors.ConfigError` naming the field:
``"layer"``, ``"neuron"``, ``"features"``, ``"index"``, ``"rng"``, records that do not
fit (``"state…"``, ``"outgoing…"``, ``"next_incoming…"``, ``"snapshot…"``), or the
network's own ``"layers[l].…"`` fields for settings the constructor rejects.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

import numpy as np

from .errors import ConfigError
from .features import FEATURE_NAMES, FEATURES
from .network import MAX_LAYERS, MAX_NEURONS, Layer, LayerSpec, Network, init_bias, init_weights

__all__ = [
    "FeatureState",
    "Incoming",
    "LayerSnapshot",
    "LayerState",
    "Links",
    "NeuronState",
    "PIECE_NOISE",
    "add_feature",
    "add_layer",
    "add_neuron",
    "layer_snapshot",
    "move_neuron",
    "remove_feature",
    "remove_layer",
    "remove_neuron",
    "restore_layer",
    "set_layer",
]

#: Standard deviation of the noise added to piece 0 to make the extra pieces of a
#: Maxout layer (see :func:`set_layer`); small, so the layer starts out nearly linear
#: in what it computed before, but the pieces differ and can learn apart.
PIECE_NOISE = 0.01

# tags for the default generators' seeds, one per kind of edit
_NEURON, _FEATURE, _LAYER, _NEXT, _PIECES = range(1, 6)


# ---------------------------------------------------------------------- records
def _frozen_array(value, dtype, where: str) -> np.ndarray:
    """A read-only copy of ``value`` as ``dtype`` (float64 or bool)."""
    if dtype is bool:
        arr = np.array(value)
        if arr.dtype != bool:
            raise ConfigError(where, arr.dtype.name, "flags must be an array of booleans")
    else:
        try:
            arr = np.array(value, dtype=np.float64)
        except (TypeError, ValueError):
            raise ConfigError(where, type(value).__name__, "must be an array of numbers") from None
        if not np.isfinite(arr).all():
            raise ConfigError(where, "NaN/Inf", "weights must be finite numbers")
    arr.flags.writeable = False
    return arr


def _same(a, b) -> bool:
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        a, b = np.asarray(a), np.asarray(b)
        return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()
    return a == b


class _Record:
    """Records compare equal when every field is equal, arrays bit for bit."""

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return all(_same(getattr(self, f.name), getattr(other, f.name)) for f in fields(self))

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True, eq=False)
class _Connections(_Record):
    """Weights with their removed/frozen flags; the flags have the weights' shape minus
    the pieces axis."""

    weights: np.ndarray
    removed: np.ndarray
    frozen: np.ndarray

    #: how many leading axes of ``weights`` the flags have
    flag_axes = 1

    def __post_init__(self):
        object.__setattr__(self, "weights", _frozen_array(self.weights, float, "state.weights"))
        object.__setattr__(self, "removed", _frozen_array(self.removed, bool, "state.removed"))
        object.__setattr__(self, "frozen", _frozen_array(self.frozen, bool, "state.frozen"))

    @classmethod
    def fresh(cls, weights: np.ndarray):
        """Connections with these weights, none removed or frozen."""
        shape = np.shape(weights)[: cls.flag_axes]
        return cls(weights, np.zeros(shape, bool), np.zeros(shape, bool))


class Links(_Connections):
    """One unit's connections on one side.

    ``weights`` (n, k): for each of the n units on the other side, the k pieces of the
    weight (k of the layer the connections go into); for a removed connection the stored
    weight. ``removed`` and ``frozen`` (n,) are the per-connection flags.
    """

    flag_axes = 1

    @classmethod
    def none(cls) -> "Links":
        """No connections (the outgoing side of an output neuron): weights (0, 0)."""
        return cls.fresh(np.zeros((0, 0)))


@dataclass(frozen=True, eq=False)
class NeuronState(_Record):
    """Everything about one neuron of layer l.

    ``bias`` (k,) and ``frozen_bias``; ``incoming`` from the previous column,
    weights (n_in, k); ``outgoing`` into layer l + 1, weights (n_next, k_next) —
    :meth:`Links.none` for an output neuron.
    """

    bias: np.ndarray
    frozen_bias: bool
    incoming: Links
    outgoing: Links

    def __post_init__(self):
        object.__setattr__(self, "bias", _frozen_array(self.bias, float, "state.bias"))
        object.__setattr__(self, "frozen_bias", bool(self.frozen_bias))


@dataclass(frozen=True, eq=False)
class FeatureState(_Record):
    """An input feature: its ``name``, its position ``index`` among the network's
    features, and its ``outgoing`` connections into layer 0, weights (n_out0, k0)."""

    name: str
    index: int
    outgoing: Links


@dataclass(frozen=True, eq=False)
class Incoming(_Connections):
    """All connections into one layer: ``weights`` (n_in, n_out, k), stored weights for
    removed ones; ``removed`` and ``frozen`` (n_in, n_out)."""

    flag_axes = 2


@dataclass(frozen=True, eq=False)
class LayerState(_Record):
    """A whole hidden layer and how the next layer is connected with and without it.

    ``spec``; ``incoming`` connections (n_in, n_out, k); ``bias`` (n_out, k) and
    ``frozen_bias`` (n_out,); ``next_incoming``, the next layer's incoming connections
    (n_out, n_next, k_next) while this layer exists; ``bypass``, the next layer's
    incoming connections (n_in, n_next, k_next) while it does not — what
    :func:`remove_layer` needs to undo :func:`add_layer`. :func:`add_layer` ignores a
    given ``bypass`` (it returns the network's actual one), so it may be None.
    """

    spec: LayerSpec
    incoming: Incoming
    bias: np.ndarray
    frozen_bias: np.ndarray
    next_incoming: Incoming
    bypass: Incoming | None = None

    def __post_init__(self):
        object.__setattr__(self, "spec", LayerSpec.coerce(self.spec, "state.spec"))
        object.__setattr__(self, "bias", _frozen_array(self.bias, float, "state.bias"))
        object.__setattr__(self, "frozen_bias", _frozen_array(self.frozen_bias, bool, "state.frozen_bias"))


@dataclass(frozen=True, eq=False)
class LayerSnapshot(_Record):
    """A layer's ``spec`` and its weights (n_in, n_out, k) and ``bias`` (n_out, k), stored
    weights included; its flags are not part of it (:func:`set_layer` keeps them)."""

    spec: LayerSpec
    weights: np.ndarray
    bias: np.ndarray

    def __post_init__(self):
        object.__setattr__(self, "spec", LayerSpec.coerce(self.spec, "snapshot.spec"))
        object.__setattr__(self, "weights", _frozen_array(self.weights, float, "snapshot.weights"))
        object.__setattr__(self, "bias", _frozen_array(self.bias, float, "snapshot.bias"))


# ---------------------------------------------------------------------- full layer state
@dataclass
class _Full:
    """A layer's complete, mutable state while an edit is being made."""

    spec: LayerSpec
    W: np.ndarray  # (n_in, n_out, k), stored weights of removed connections included
    b: np.ndarray  # (n_out, k)
    removed: np.ndarray  # (n_in, n_out)
    frozen_w: np.ndarray  # (n_in, n_out)
    frozen_b: np.ndarray  # (n_out,)

    @property
    def n_in(self) -> int:
        return self.W.shape[0]

    @property
    def n_out(self) -> int:
        return self.W.shape[1]

    @property
    def k(self) -> int:
        return self.W.shape[2]

    def incoming(self) -> Incoming:
        return Incoming(self.W, self.removed, self.frozen_w)

    def set_incoming(self, inc: Incoming) -> None:
        self.W = np.array(inc.weights)
        self.removed = np.array(inc.removed)
        self.frozen_w = np.array(inc.frozen)


def _extract(net: Network) -> list[_Full]:
    """Copies of every layer's full state (weights of removed connections included)."""
    out = []
    for l, (L, spec, (w, b)) in enumerate(zip(net.layers, net.specs(), net.get_weights())):
        W = w.reshape(L.n_in, L.n_out, L.k)
        for i, j in np.argwhere(net.removed[l]):
            for p in range(L.k):
                W[i, j, p] = net.weight(l, int(i), int(j), p)
        out.append(
            _Full(
                spec, W, b.reshape(L.n_out, L.k),
                net.removed[l].copy(), net.frozen_w[l].copy(), net.frozen_b[l].copy(),
            )
        )
    return out


def _build(net: Network, features, layers: list[_Full]) -> Network:
    """A new network over ``features`` with these layers, ``net``'s init and seed."""
    new = Network(list(features), [f.spec for f in layers], init=net.init, seed=net.seed)
    # flags first: set_weights then stores the weights of removed connections aside
    new.set_flags([f.removed for f in layers], [f.frozen_w for f in layers], [f.frozen_b for f in layers])
    new.set_weights([(f.W, f.b) for f in layers])
    return new


# ---------------------------------------------------------------------- validation
def _check_index(value, field: str, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ConfigError(field, value, "must be a whole number")
    if not lo <= value <= hi:
        raise ConfigError(field, value, f"must be between {lo} and {hi}")
    return int(value)


def _layer_index(net: Network, layer) -> int:
    return _check_index(layer, "layer", 0, len(net.layers) - 1)


def _check_shape(arr: np.ndarray, shape: tuple[int, ...], where: str) -> None:
    if arr.shape != shape:
        raise ConfigError(where, arr.shape, f"does not fit this network: expected shape {shape}")


def _check_links(links, n: int, k: int, where: str) -> Links:
    if not isinstance(links, Links):
        raise ConfigError(where, type(links).__name__, "must be a Links record")
    _check_shape(links.weights, (n, k), f"{where}.weights")
    _check_shape(links.removed, (n,), f"{where}.removed")
    _check_shape(links.frozen, (n,), f"{where}.frozen")
    return links


def _check_incoming(inc, shape: tuple[int, int, int], where: str) -> Incoming:
    if not isinstance(inc, Incoming):
        raise ConfigError(where, type(inc).__name__, "must be an Incoming record")
    _check_shape(inc.weights, shape, f"{where}.weights")
    _check_shape(inc.removed, shape[:2], f"{where}.removed")
    _check_shape(inc.frozen, shape[:2], f"{where}.frozen")
    return inc


def _check_spec(spec: LayerSpec, index: int, n_in: int, is_output: bool) -> int:
    """Validate a layer's settings as the Network constructor would; return its k."""
    return Layer(index, spec, n_in, is_output).k


# ---------------------------------------------------------------------- new weights
def _check_rng(rng) -> None:
    if rng is not None and not isinstance(rng, np.random.Generator):
        raise ConfigError("rng", type(rng).__name__, "must be a numpy.random.Generator or None")


def _rng(net: Network, rng, *key: int) -> np.random.Generator:
    """``rng``, or by default a generator seeded from (net.seed, *key)."""
    _check_rng(rng)
    return np.random.default_rng([int(net.seed) % 2**64, *key]) if rng is None else rng


# ---------------------------------------------------------------------- neurons
def _neuron_state(layers: list[_Full], l: int, j: int) -> NeuronState:
    cur = layers[l]
    incoming = Links(cur.W[:, j], cur.removed[:, j], cur.frozen_w[:, j])
    if l + 1 < len(layers):
        nxt = layers[l + 1]
        outgoing = Links(nxt.W[j], nxt.removed[j], nxt.frozen_w[j])
    else:
        outgoing = Links.none()
    return NeuronState(cur.b[j], bool(cur.frozen_b[j]), incoming, outgoing)


def add_neuron(
    net: Network,
    layer: int,
    index: int | None = None,
    state: NeuronState | None = None,
    rng: np.random.Generator | None = None,
) -> tuple[Network, NeuronState]:
    """Insert a neuron into ``layer`` at position ``index`` (default: last).

    Its bias and weights come from ``state`` (e.g. from :func:`remove_neuron`) or are
    initialised with ``net.init`` from ``rng`` (no flags set); returns the new network
    and the state used. Works on the output layer too (it has no outgoing weights).
    """
    l = _layer_index(net, layer)
    _check_rng(rng)
    layers = _extract(net)
    cur = layers[l]
    n = cur.n_out
    index = n if index is None else _check_index(index, "neuron", 0, n)
    if n >= MAX_NEURONS:
        raise ConfigError(f"layers[{l}].size", n + 1, f"a layer holds at most {MAX_NEURONS} neurons")
    nxt = layers[l + 1] if l + 1 < len(layers) else None
    if state is None:
        rng = _rng(net, rng, _NEURON, l, n)
        incoming = Links.fresh(init_weights(net.init, rng, (cur.n_in, cur.k), cur.n_in, n + 1))
        if nxt is None:
            outgoing = Links.none()
        else:
            outgoing = Links.fresh(init_weights(net.init, rng, (nxt.n_out, nxt.k), n + 1, nxt.n_out))
        state = NeuronState(init_bias(net.init, cur.k), False, incoming, outgoing)
    else:
        if not isinstance(state, NeuronState):
            raise ConfigError("state", type(state).__name__, "must be a NeuronState")
        _check_shape(state.bias, (cur.k,), "state.bias")
        _check_links(state.incoming, cur.n_in, cur.k, "state.incoming")
        _check_links(state.outgoing, *((0, 0) if nxt is None else (nxt.n_out, nxt.k)), "state.outgoing")

    cur.spec.size = n + 1
    cur.W = np.insert(cur.W, index, state.incoming.weights, axis=1)
    cur.removed = np.insert(cur.removed, index, state.incoming.removed, axis=1)
    cur.frozen_w = np.insert(cur.frozen_w, index, state.incoming.frozen, axis=1)
    cur.b = np.insert(cur.b, index, state.bias, axis=0)
    cur.frozen_b = np.insert(cur.frozen_b, index, state.frozen_bias)
    if nxt is not None:
        nxt.W = np.insert(nxt.W, index, state.outgoing.weights, axis=0)
        nxt.removed = np.insert(nxt.removed, index, state.outgoing.removed, axis=0)
        nxt.frozen_w = np.insert(nxt.frozen_w, index, state.outgoing.frozen, axis=0)
    return _build(net, net.features, layers), state


def remove_neuron(net: Network, layer: int, index: int) -> tuple[Network, NeuronState]:
    """Remove neuron ``index`` of ``layer``; ``add_neuron(new, layer, index, state)`` undoes it."""
    l = _layer_index(net, layer)
    layers = _extract(net)
    cur = layers[l]
    j = _check_index(index, "neuron", 0, cur.n_out - 1)
    if cur.n_out == 1:
        raise ConfigError("neuron", j, "a layer needs at least one neuron; remove the layer instead")
    state = _neuron_state(layers, l, j)
    cur.spec.size -= 1
    cur.W = np.delete(cur.W, j, axis=1)
    cur.removed = np.delete(cur.removed, j, axis=1)
    cur.frozen_w = np.delete(cur.frozen_w, j, axis=1)
    cur.b = np.delete(cur.b, j, axis=0)
    cur.frozen_b = np.delete(cur.frozen_b, j)
    if l + 1 < len(layers):
        nxt = layers[l + 1]
        nxt.W = np.delete(nxt.W, j, axis=0)
        nxt.removed = np.delete(nxt.removed, j, axis=0)
        nxt.frozen_w = np.delete(nxt.frozen_w, j, axis=0)
    return _build(net, net.features, layers), state


def move_neuron(net: Network, layer: int, src: int, dst: int) -> Network:
    """Move neuron ``src`` of ``layer`` to position ``dst`` (like ``list.insert(dst,
    list.pop(src))``); its weights, bias and flags move with it, so predictions do not
    change. ``move_neuron(new, layer, dst, src)`` undoes it."""
    l = _layer_index(net, layer)
    layers = _extract(net)
    cur = layers[l]
    src = _check_index(src, "neuron", 0, cur.n_out - 1)
    dst = _check_index(dst, "neuron", 0, cur.n_out - 1)
    order = list(range(cur.n_out))
    order.insert(dst, order.pop(src))
    cur.W, cur.removed, cur.frozen_w = cur.W[:, order], cur.removed[:, order], cur.frozen_w[:, order]
    cur.b, cur.frozen_b = cur.b[order], cur.frozen_b[order]
    if l + 1 < len(layers):
        nxt = layers[l + 1]
        nxt.W, nxt.removed, nxt.frozen_w = nxt.W[order], nxt.removed[order], nxt.frozen_w[order]
    return _build(net, net.features, layers)


# ---------------------------------------------------------------------- input features
def _canonical_index(features: tuple[str, ...], name: str) -> int:
    """Where ``name`` goes: before the first chosen feature that comes after it in
    FEATURE_NAMES (so a canonically ordered selection stays ordered), else last."""
    rank = FEATURE_NAMES.index(name)
    for pos, other in enumerate(features):
        if FEATURE_NAMES.index(other) > rank:
            return pos
    return len(features)


def add_feature(
    net: Network,
    name: str,
    index: int | None = None,
    outgoing: Links | FeatureState | None = None,
    rng: np.random.Generator | None = None,
) -> tuple[Network, FeatureState]:
    """Add input feature ``name`` at position ``index`` among the inputs (default: its
    place in canonical :data:`~engine.features.FEATURE_NAMES` order).

    Its connections into layer 0 come from ``outgoing`` (weights (n_out0, k0) with
    flags, e.g. ``state.outgoing`` from :func:`remove_feature`) or are initialised;
    returns the new network and the :class:`FeatureState` used.
    """
    if not isinstance(name, str) or name not in FEATURES:
        raise ConfigError("features", name, f"unknown feature; the features are {', '.join(FEATURE_NAMES)}")
    if name in net.features:
        raise ConfigError("features", name, "is already an input of this network")
    _check_rng(rng)
    n = net.n_inputs
    index = _canonical_index(net.features, name) if index is None else _check_index(index, "index", 0, n)
    layers = _extract(net)
    first = layers[0]
    if isinstance(outgoing, FeatureState):
        outgoing = outgoing.outgoing
    if outgoing is None:
        rng = _rng(net, rng, _FEATURE, FEATURE_NAMES.index(name), n)
        weights = init_weights(net.init, rng, (first.n_out, first.k), n + 1, first.n_out)
        outgoing = Links.fresh(weights)
    else:
        _check_links(outgoing, first.n_out, first.k, "outgoing")
    first.W = np.insert(first.W, index, outgoing.weights, axis=0)
    first.removed = np.insert(first.removed, index, outgoing.removed, axis=0)
    first.frozen_w = np.insert(first.frozen_w, index, outgoing.frozen, axis=0)
    features = list(net.features)
    features.insert(index, name)
    return _build(net, features, layers), FeatureState(name, index, outgoing)


def remove_feature(net: Network, name: str) -> tuple[Network, FeatureState]:
    """Remove input feature ``name``; ``add_feature(new, st.name, st.index, st.outgoing)``
    undoes it."""
    if not isinstance(name, str) or name not in net.features:
        raise ConfigError("features", name, f"not an input of this network (inputs: {', '.join(net.features)})")
    if net.n_inputs == 1:
        raise ConfigError("features", name, "a network needs at least one input")
    i = net.features.index(name)
    layers = _extract(net)
    first = layers[0]
    state = FeatureState(name, i, Links(first.W[i], first.removed[i], first.frozen_w[i]))
    first.W = np.delete(first.W, i, axis=0)
    first.removed = np.delete(first.removed, i, axis=0)
    first.frozen_w = np.delete(first.frozen_w, i, axis=0)
    features = [f for f in net.features if f != name]
    return _build(net, features, layers), state


# ---------------------------------------------------------------------- layers
def add_layer(
    net: Network,
    index: int,
    spec: LayerSpec | dict | int | None,
    state: LayerState | None = None,
    rng: np.random.Generator | None = None,
) -> tuple[Network, LayerState]:
    """Insert a hidden layer so that it becomes layer ``index`` (before the existing
    layer ``index``; 0 ≤ index ≤ len(layers) − 1 — nothing can follow the output).

    Its weights and the next layer's new incoming weights come from ``state`` (from
    :func:`remove_layer`, or an earlier run) or are initialised; ``spec`` may be None
    when ``state`` is given, otherwise it must equal ``state.spec``. Returns the new
    network and the :class:`LayerState` used, whose ``bypass`` holds the next layer's
    previous incoming connections: ``remove_layer(new, index, state.bypass)`` undoes it.
    """
    n_layers = len(net.layers)
    index = _check_index(index, "layer", 0, n_layers)
    if index == n_layers:
        raise ConfigError(
            "layer", index, "a new layer goes before an existing one; nothing can follow the output layer"
        )
    if n_layers >= MAX_LAYERS:
        raise ConfigError("layers", n_layers + 1, f"at most {MAX_LAYERS} layers")
    _check_rng(rng)
    if state is not None and not isinstance(state, LayerState):
        raise ConfigError("state", type(state).__name__, "must be a LayerState")
    if spec is None:
        if state is None:
            raise ConfigError(f"layers[{index}]", None, "a new layer needs a size or settings")
        spec = state.spec
    spec = LayerSpec.coerce(spec, f"layers[{index}]")
    n_in = net.sizes[index]
    k = _check_spec(spec, index, n_in, is_output=False)
    n = spec.size
    layers = _extract(net)
    nxt = layers[index]  # becomes layer index + 1
    if state is None:
        rng = _rng(net, rng, _LAYER, index, n)
        own = init_weights(net.init, rng, (n_in, n, k), n_in, n)
        following = init_weights(net.init, rng, (n, nxt.n_out, nxt.k), n, nxt.n_out)
        state = LayerState(
            spec, Incoming.fresh(own), init_bias(net.init, (n, k)), np.zeros(n, bool), Incoming.fresh(following)
        )
    else:
        if state.spec != spec:
            raise ConfigError("state.spec", state.spec.to_dict(), f"differs from the layer's settings {spec.to_dict()}")
        _check_incoming(state.incoming, (n_in, n, k), "state.incoming")
        _check_shape(state.bias, (n, k), "state.bias")
        _check_shape(state.frozen_bias, (n,), "state.frozen_bias")
        _check_incoming(state.next_incoming, (n, nxt.n_out, nxt.k), "state.next_incoming")
    state = replace(state, bypass=nxt.incoming())
    inc = state.incoming
    added = _Full(spec, np.array(inc.weights), np.array(state.bias), np.array(inc.removed), np.array(inc.frozen),
                  np.array(state.frozen_bias))
    nxt.set_incoming(state.next_incoming)
    layers.insert(index, added)
    return _build(net, net.features, layers), state


def remove_layer(
    net: Network,
    index: int,
    next_incoming: Incoming | None = None,
    rng: np.random.Generator | None = None,
) -> tuple[Network, LayerState, Incoming]:
    """Remove hidden layer ``index`` (not the output layer).

    The following layer is then fed by the column before the removed layer, through
    new incoming connections: ``next_incoming`` (n_prev, n_next, k_next) if given (for a
    repeatable redo), else initialised. Returns the new network, the
    :class:`LayerState` that ``add_layer(new, index, state.spec, state)`` needs to put
    it back, and the incoming connections used (also ``state.bypass``).
    """
    n_layers = len(net.layers)
    index = _check_index(index, "layer", 0, n_layers - 1)
    if index == n_layers - 1:
        raise ConfigError("layer", index, "the output layer cannot be removed")
    _check_rng(rng)
    layers = _extract(net)
    gone, nxt = layers[index], layers[index + 1]
    n_prev = gone.n_in
    if next_incoming is None:
        rng = _rng(net, rng, _NEXT, index, n_prev)
        weights = init_weights(net.init, rng, (n_prev, nxt.n_out, nxt.k), n_prev, nxt.n_out)
        next_incoming = Incoming.fresh(weights)
    else:
        _check_incoming(next_incoming, (n_prev, nxt.n_out, nxt.k), "next_incoming")
    state = LayerState(gone.spec, gone.incoming(), gone.b, gone.frozen_b, nxt.incoming(), next_incoming)
    nxt.set_incoming(next_incoming)
    del layers[index]
    return _build(net, net.features, layers), state, next_incoming


def layer_snapshot(net: Network, layer: int) -> LayerSnapshot:
    """The settings and weights of ``layer`` (what :func:`restore_layer` puts back)."""
    l = _layer_index(net, layer)
    full = _extract(net)[l]
    return LayerSnapshot(full.spec, full.W, full.b)


def _repiece(a: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """``a`` (..., k_old) with k pieces: the first min(k_old, k) kept, each extra one
    piece 0 plus N(0, PIECE_NOISE²) noise."""
    keep = a[..., : min(a.shape[-1], k)]
    extra = a[..., :1] + PIECE_NOISE * rng.standard_normal(a.shape[:-1] + (k - keep.shape[-1],))
    return np.concatenate([keep, extra], axis=-1)


_SETTINGS = ("activation", "alpha", "pieces", "dropout")


def set_layer(
    net: Network, layer: int, *, rng: np.random.Generator | None = None, **changes
) -> tuple[Network, LayerSnapshot]:
    """Change ``layer``'s ``activation``, ``alpha``, ``pieces`` or ``dropout``.

    Weights are kept as they are when the number of pieces k stays the same. When it
    changes (to or from Maxout, or another pieces count) the first min(k_old, k_new)
    pieces of every weight and bias are kept — so always piece 0 — and each extra piece
    is piece 0 plus Gaussian noise of σ = :data:`PIECE_NOISE` (from ``rng``, by default
    a generator seeded from the network's seed, layer and k). Changing the activation
    without giving ``alpha`` resets alpha to the new activation's default. Invalid
    settings raise the Network constructor's ConfigError (e.g. softmax on a hidden
    layer). Returns the new network and a :class:`LayerSnapshot` for
    :func:`restore_layer`.
    """
    l = _layer_index(net, layer)
    _check_rng(rng)
    for key, value in changes.items():
        if key not in _SETTINGS:
            raise ConfigError(
                f"layers[{l}].{key}", value,
                "set_layer changes activation, alpha, pieces or dropout (add or remove neurons to resize)",
            )
    layers = _extract(net)
    cur = layers[l]
    spec = replace(cur.spec, **changes)
    if "activation" in changes and "alpha" not in changes and spec.activation != cur.spec.activation:
        spec.alpha = None
    k = _check_spec(spec, l, cur.n_in, is_output=l == len(layers) - 1)
    snapshot = LayerSnapshot(cur.spec, cur.W, cur.b)
    if k != cur.k:
        rng = _rng(net, rng, _PIECES, l, k)
        cur.W, cur.b = _repiece(cur.W, k, rng), _repiece(cur.b, k, rng)
    cur.spec = spec
    return _build(net, net.features, layers), snapshot


def restore_layer(net: Network, layer: int, snapshot: LayerSnapshot) -> Network:
    """``net`` with ``layer``'s settings and weights set from ``snapshot`` (flags kept)."""
    l = _layer_index(net, layer)
    if not isinstance(snapshot, LayerSnapshot):
        raise ConfigError("snapshot", type(snapshot).__name__, "must be a LayerSnapshot")
    layers = _extract(net)
    cur = layers[l]
    spec = LayerSpec.coerce(snapshot.spec, f"layers[{l}]")
    if spec.size != cur.n_out:
        raise ConfigError("snapshot.spec.size", spec.size, f"does not fit this layer of {cur.n_out} neurons")
    k = _check_spec(spec, l, cur.n_in, is_output=l == len(layers) - 1)
    _check_shape(snapshot.weights, (cur.n_in, cur.n_out, k), "snapshot.weights")
    _check_shape(snapshot.bias, (cur.n_out, k), "snapshot.bias")
    cur.spec, cur.W, cur.b = spec, np.array(snapshot.weights), np.array(snapshot.bias)
    return _build(net, net.features, layers)
