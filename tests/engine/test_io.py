"""The .neurona format: exact round trips, safe loading of anything, atomic saving, versions."""

from __future__ import annotations

import errno
import json
import math
import os
import random
import signal
import stat
import time
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from engine import io as nio
from engine.activations import ACTIVATION_NAMES
from engine.datasets import GENERATORS, KINDS, from_points, generate
from engine.errors import DivergenceError
from engine.features import FEATURE_NAMES
from engine.io import (
    FORMAT_VERSION,
    MAX_FILE_BYTES,
    MIGRATIONS,
    Experiment,
    FileFormatError,
    dumps,
    experiment_dumps,
    experiment_from_dict,
    experiment_from_json,
    experiment_to_dict,
    load_experiment,
    localized,
    migrate,
    parse_json,
    read_json,
    save_experiment,
    write_atomic,
)
from engine.losses import LOSSES
from engine.network import INITIALIZERS, Network
from engine.optimizers import OPTIMIZERS
from engine.training import RULES, Trainer, TrainingConfig

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "resources" / "examples"
SCHEMA = ROOT / "resources" / "neurona.schema.json"


def small_experiment(**extra) -> Experiment:
    net = Network(["x1", "x2"], [3, {"size": 1, "activation": "tanh"}], seed=1)
    return Experiment(net, TrainingConfig(), generate("circle", n_points=40, seed=1), {}, extra)


def doc_text(**extra) -> str:
    return experiment_dumps(small_experiment(**extra))


# ---------------------------------------------------------------------- strategies

finite = st.floats(allow_nan=False, allow_infinity=False)
HIDDEN_ACTIVATIONS = [a for a in ACTIVATION_NAMES if a != "softmax"]


@st.composite
def layer_specs(draw, output: bool):
    activation = draw(st.sampled_from(list(ACTIVATION_NAMES) if output else HIDDEN_ACTIVATIONS))
    size = draw(st.integers(2 if activation == "softmax" else 1, 4))
    spec: dict = {"size": size, "activation": activation}
    if activation in ("leaky_relu", "elu") and draw(st.booleans()):
        spec["alpha"] = draw(st.floats(0.01, 0.99))
    if activation == "maxout":
        spec["pieces"] = draw(st.integers(2, 3))
    if not output and draw(st.booleans()):
        spec["dropout"] = draw(st.floats(0.0, 0.9))
    return spec


@st.composite
def networks(draw):
    features = draw(st.lists(st.sampled_from(FEATURE_NAMES), min_size=1, max_size=7, unique=True))
    hidden = draw(st.lists(layer_specs(False), max_size=3))
    layers = [*hidden, draw(layer_specs(True))]
    net = Network(features, layers, init=draw(st.sampled_from(INITIALIZERS)), seed=draw(st.integers(0, 2**63 - 1)))
    if draw(st.booleans()):  # arbitrary floats, to test exact round trips (subnormals, -0.0, 1e308)
        weights = []
        for w, b in net.get_weights():
            weights.append((np.array(draw(st.lists(finite, min_size=w.size, max_size=w.size))).reshape(w.shape),
                            np.array(draw(st.lists(finite, min_size=b.size, max_size=b.size))).reshape(b.shape)))
        net.set_weights(weights)
    for _ in range(draw(st.integers(0, 3))):
        layer = draw(st.integers(0, len(net.layers) - 1))
        L = net.layers[layer]
        i, j = draw(st.integers(0, L.n_in - 1)), draw(st.integers(0, L.n_out - 1))
        action = draw(st.sampled_from(["remove", "freeze", "freeze_bias"]))
        if action == "remove":
            net.remove_connection(layer, i, j)
        elif action == "freeze":
            net.freeze_weight(layer, i, j)
        else:
            net.freeze_bias(layer, j)
    return net


@st.composite
def trainings(draw):
    optimizer = draw(st.sampled_from(list(OPTIMIZERS)))
    names = list(OPTIMIZERS[optimizer].hyperparameters)
    chosen = draw(st.lists(st.sampled_from(names), unique=True)) if names else []
    params = {}
    for name in chosen:
        if name in ("momentum", "rho", "beta1", "beta2"):
            params[name] = draw(st.floats(0.0, 0.999))
        else:
            params[name] = draw(st.floats(1e-12, 1.0))
    return TrainingConfig(
        learning_rate=draw(st.floats(1e-6, 10.0)),
        optimizer=optimizer,
        optimizer_params=params,
        loss=draw(st.sampled_from(list(LOSSES))),
        batch_size=draw(st.integers(1, 10**6)),
        shuffle=draw(st.booleans()),
        seed=draw(st.integers(0, 2**63 - 1)),
        l1=draw(st.floats(0, 1)),
        l2=draw(st.floats(0, 1)),
        max_norm=draw(st.floats(0, 10)),
        early_stopping=draw(st.booleans()),
        patience=draw(st.integers(1, 1000)),
        min_delta=draw(st.floats(0, 1)),
        restore_best=draw(st.booleans()),
        rule=draw(st.sampled_from(RULES)),
    ).validate()


@st.composite
def datasets(draw):
    if draw(st.booleans()):
        name = draw(st.sampled_from(list(GENERATORS)))
        extra = {}
        if "variant" in GENERATORS[name].extras:
            extra["variant"] = draw(st.sampled_from(["table", "cloud"]))
        if "n_classes" in GENERATORS[name].extras:
            extra["n_classes"] = draw(st.integers(2, 8))
        n = draw(st.integers(2, 60))
        ratio = draw(st.floats(0.5, 1.0))
        return generate(name, n_points=n, noise=draw(st.floats(0, 50)), train_ratio=ratio,
                        seed=draw(st.integers(0, 2**63 - 1)), **extra)
    kind = draw(st.sampled_from(KINDS))
    n = draw(st.integers(1, 20))
    coords = st.floats(-1e9, 1e9, allow_nan=False)
    X = draw(st.lists(st.tuples(coords, coords), min_size=n, max_size=n))
    if kind == "classification":
        y = draw(st.lists(st.integers(0, 3), min_size=n, max_size=n))
    else:
        y = draw(st.lists(st.floats(-1e9, 1e9), min_size=n, max_size=n))
    ratio = draw(st.sampled_from([1.0, 0.5])) if n >= 2 else 1.0
    return from_points(np.array(X, dtype=float), np.array(y), kind, train_ratio=ratio, seed=draw(st.integers(0, 99)))


texts = st.text(max_size=40)
localized_texts = texts | st.dictionaries(st.sampled_from(["en", "es", "pt-BR", "ca"]), texts, min_size=1)
json_scalars = st.none() | st.booleans() | st.integers(-(2**63), 2**63) | finite | texts
json_values = st.recursive(json_scalars, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(texts, kids, max_size=4),
                           max_leaves=12)


@st.composite
def extras(draw):
    out = {}
    if draw(st.booleans()):
        meta = {k: draw(localized_texts) for k in draw(st.lists(st.sampled_from(["title", "description", "lesson"]), unique=True))}
        out["meta"] = meta
    if draw(st.booleans()):
        out["canvas"] = {"columns": draw(st.lists(finite, max_size=5)),
                         "units": draw(st.lists(st.lists(finite, max_size=4), max_size=5))}
    if draw(st.booleans()):
        out["view"] = {"zoom": draw(st.floats(1e-3, 100)), "center": [draw(finite), draw(finite)]}
    if draw(st.booleans()):
        out["notes from another tool"] = draw(json_values)
    return out


@st.composite
def states(draw):
    maybe = lambda s: st.none() | s  # noqa: E731
    return {
        "epoch": draw(st.integers(0, 10**9)),
        "train_loss": draw(maybe(st.floats(0, 1e6))),
        "test_loss": draw(maybe(st.floats(0, 1e6))),
        "train_acc": draw(maybe(st.floats(0, 1))),
        "test_acc": draw(maybe(st.floats(0, 1))),
    }


# ---------------------------------------------------------------------- round trips


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(net=networks(), cfg=trainings(), data=datasets(), state=states(), extra=extras())
def test_save_load_save_gives_identical_bytes(net, cfg, data, state, extra):
    exp = Experiment(net, cfg, data, state, extra)
    first = experiment_dumps(exp)
    assert json.loads(first) == experiment_to_dict(exp)  # dumps writes plain, equivalent JSON
    again = experiment_from_json(first.encode("utf-8"))
    second = experiment_dumps(again)
    assert second == first
    # floats come back bit for bit (also -0.0 and subnormals)
    assert again.network.params.tobytes() == net.params.tobytes()
    assert again.data.x_train.tobytes() == data.x_train.tobytes()
    assert list(json.loads(first))[:3] == ["format", "format_version", *(["meta"] if "meta" in extra else ["network"])]


@st.composite
def trainable(draw):
    """A network, settings and data that train together."""
    features = draw(st.lists(st.sampled_from(FEATURE_NAMES), min_size=1, max_size=4, unique=True))
    hidden = draw(st.lists(st.builds(lambda n, a: {"size": n, "activation": a}, st.integers(1, 4),
                                     st.sampled_from(["tanh", "sigmoid", "relu", "leaky_relu", "elu", "linear"])),
                           max_size=2))
    if draw(st.booleans()):
        k = draw(st.integers(2, 4))
        data = generate("blobs", n_classes=k, n_points=draw(st.integers(8, 40)), seed=draw(st.integers(0, 99)))
        layers = [*hidden, {"size": k, "activation": "softmax"}]
        loss = draw(st.sampled_from(["cce", "sparse_cce", "mse"]))
    else:
        name = draw(st.sampled_from(["circle", "xor", "gauss", "spiral", "and", "reg_plane"]))
        data = generate(name, n_points=draw(st.integers(8, 40)), seed=draw(st.integers(0, 99)))
        out = "linear" if name == "reg_plane" else draw(st.sampled_from(["tanh", "sigmoid"]))
        layers = [*hidden, {"size": 1, "activation": out}]
        loss = "bce" if out == "sigmoid" and draw(st.booleans()) else "mse"
    net = Network(features, layers, init=draw(st.sampled_from(["uniform", "glorot", "he"])), seed=draw(st.integers(0, 99)))
    cfg = TrainingConfig(learning_rate=draw(st.floats(1e-4, 0.1)), optimizer=draw(st.sampled_from(list(OPTIMIZERS))),
                         loss=loss, batch_size=draw(st.integers(1, 16)), seed=draw(st.integers(0, 99)))
    return net, cfg, data


@settings(max_examples=40, deadline=None)
@given(setup=trainable())
def test_load_train_save_load_predicts_the_same(tmp_path_factory, setup):
    net, cfg, data = setup
    folder = tmp_path_factory.mktemp("train")
    first = folder / "a.neurona"
    save_experiment(first, Experiment(net, cfg, data, {}, {"view": {"zoom": 2.0}}))
    exp = load_experiment(first)
    trainer = Trainer(exp.network, exp.data, exp.training)
    try:
        trainer.train_epochs(3)
    except DivergenceError:
        assume(False)
    exp.state = {"epoch": trainer.epoch, **trainer.evaluate()}
    second = folder / "b.neurona"
    save_experiment(second, exp)
    back = load_experiment(second)
    probe = np.random.default_rng(0).uniform(-6, 6, (50, 2))
    assert np.array_equal(back.network.predict(probe), exp.network.predict(probe))
    assert back.state["epoch"] == 3 and back.view == {"zoom": 2.0}
    assert second.read_text(encoding="utf-8") == experiment_dumps(back)


# ---------------------------------------------------------------------- the text


def test_dumps_layout_is_compact_and_diff_friendly():
    text = doc_text(canvas={"columns": [0.0, 190.0, 380.0], "units": [[0.0, 92.0], [0.0, 92.0, 184.0], [0.0]]})
    lines = text.splitlines()
    assert text.endswith("}\n") and lines[0] == "{" and lines[1] == ' "format": "neurona",'
    assert '  "features": ["x1", "x2"],' in lines
    assert '   {"size": 3, "activation": "tanh"},' in lines  # a layer's settings on one line
    weights_row = next(line for line in lines if line.startswith("    [") and "," in line)
    assert weights_row.strip().count("[") == 1  # one weight row per line
    assert '   [0.0, 92.0, 184.0],' in lines
    assert json.loads(text) == json.loads(json.dumps(json.loads(text)))


def test_dumps_writes_exact_floats_and_refuses_nan():
    values = [0.1, -0.0, 5e-324, 1.7976931348623157e308, 1 / 3, 2.0**-1074, 123456789.123456789]
    assert json.loads(dumps({"v": values}))["v"] == values
    assert str(json.loads(dumps({"v": [-0.0]}))["v"][0]) == "-0.0"
    for bad in (math.nan, math.inf, -math.inf):
        with pytest.raises(ValueError):
            dumps({"v": [bad]})
        with pytest.raises(ValueError):
            dumps({"v": bad})
    assert dumps({"a": np.float64(0.5), "b": np.int64(3), "c": [np.float32(0.25)]}) == (
        '{\n "a": 0.5,\n "b": 3,\n "c": [0.25]\n}\n'
    )


def test_top_level_keys_are_written_in_a_fixed_order():
    exp = small_experiment(zzz=1, view={"zoom": 1.0}, canvas={}, meta={"title": "t"})
    exp.extra = {"zzz": 1, "view": {"zoom": 1.0}, "canvas": {}, "meta": {"title": "t"}}
    keys = list(json.loads(experiment_dumps(exp)))
    assert keys == ["format", "format_version", "meta", "network", "training", "data", "state", "canvas", "view", "zzz"]
    state = json.loads(experiment_dumps(exp))["state"]
    assert state == {"epoch": 0, "train_loss": None, "test_loss": None, "train_acc": None, "test_acc": None}


def test_state_keeps_its_keys_and_drops_non_finite_values():
    exp = small_experiment()
    exp.state = {"note": "x", "epoch": 7, "train_loss": float("nan"), "test_loss": np.float64(0.5), "train_acc": 1.0}
    state = json.loads(experiment_dumps(exp))["state"]
    assert list(state) == ["epoch", "train_loss", "test_loss", "train_acc", "test_acc", "note"]
    assert state["train_loss"] is None and state["test_loss"] == 0.5 and state["test_acc"] is None


def test_meta_canvas_and_view_properties_and_localized_texts():
    exp = experiment_from_json(doc_text(meta={"title": {"en": "AND gate", "es": "Puerta AND"}, "description": "Hola"}))
    assert exp.title("es") == "Puerta AND" and exp.title("es-AR") == "Puerta AND" and exp.title("de") == "AND gate"
    assert exp.description("en") == "Hola"
    assert exp.canvas is None and exp.view is None
    exp.canvas = {"columns": [0.0, 190.0, 380.0]}
    exp.view = {"zoom": 1.25, "center": [0.0, 10.0]}
    exp.meta = None
    back = experiment_from_json(experiment_dumps(exp))
    assert back.canvas == {"columns": [0.0, 190.0, 380.0]} and back.view["zoom"] == 1.25 and back.meta is None
    assert localized({"pt": "Olá"}, "en") == "Olá" and localized(None) == "" and localized(3) == ""


# ---------------------------------------------------------------------- errors name the place


def _mutate(doc: dict, path: list, value) -> str:
    target = doc
    for key in path[:-1]:
        target = target[key]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return json.dumps(doc)


_DELETE = object()
_BIG = Network(["x1", "x2"], [2, 3, {"size": 1, "activation": "tanh"}], seed=0)
_POINTS = from_points(np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 0.5], [0.5, 2.0]]), np.array([0, 1, 0, 1]))


@pytest.mark.parametrize(
    "path, value, words",
    [
        (["network", "weights", 1, 0, 2], "@1e400", "network.weights[1][0][2]: must be a finite number"),
        (["network", "weights", 1, 0, 2], "x", "network.weights[1][0][2]: must be a number"),
        (["network", "weights", 1, 0], [0.5, 0.5], "network.weights[1][0]: must have 3 entries to fit the topology"),
        (["network", "biases", 2], [], "network.biases[2]: must have 1 entry to fit the topology (found 0)"),
        (["network", "weights"], [[[0.0]]], "network.weights: expected one entry per layer (3)"),
        (["network", "biases"], _DELETE, "network.biases: missing"),
        (["network", "layers", 0], {"size": 100000}, "network.layers[0].size: must be between 1 and 256"),
        (["network", "layers", 0], {"size": 2, "activation": "tanhh"}, "network.layers[0].activation: unknown activation"),
        (["network", "layers", 0], {"size": 2, "colour": "red"}, "network.layers[0].colour: unknown key"),
        (["network", "layers"], [1] * 1000, "network.layers: too many layers: 1000 (at most 32)"),
        (["network", "layers"], [{"size": 256, "activation": "maxout", "pieces": 8}] * 32,
         "network.layers: 16322560 weights and biases are too many (at most 2500000)"),
        (["network", "layers"], _DELETE, "network.layers: missing"),
        (["network", "features", 1], "x3", "network.features[1]: unknown feature \"x3\""),
        (["network", "init", "seed"], -1, "network.init.seed: must be between 0"),
        (["network", "removed"], [[5, 0, 0]], "network.removed[0]: layer 5 does not exist"),
        (["network", "frozen_weights"], [[1, 2, 0]], "network.frozen_weights[0]: input 2 does not exist"),
        (["network", "frozen_biases"], [[0, 0, 0]], "network.frozen_biases[0]: must be [layer, j]"),
        (["network", "favourite"], 1, "network.favourite: unknown key"),
        (["network"], [], "network: must be an object (found a list)"),
        (["training", "batch_size"], "10", "training.batch_size"),
        (["training", "optimizer"], "adamm", "training.optimizer"),
        (["training", "optimizer_params"], {"beta1": 2}, "training.optimizer_params.beta1"),
        (["training", "learning_rate"], 0, "training.learning_rate: must be greater than 0"),
        (["training", "speed"], 1, "training.speed: unknown key"),
        (["data", "params", "n_points"], 10**9, "data.params.n_points"),
        (["data", "params", "generator"], "circles", "data.params.generator: unknown data set \"circles\""),
        (["data", "params", "variant"], "table", "data.params.variant: unknown key"),
        (["data", "params", "noise"], 99, "data.params.noise"),
        (["data", "source"], "file", "data.source: must be \"generator\" or \"points\""),
        (["state", "train_acc"], 2, "state.train_acc: an accuracy is between 0 and 1"),
        (["state", "epoch"], -1, "state.epoch"),
        (["meta", "title"], 5, "meta.title: must be text or an object of texts by language"),
        (["meta", "description"], {"english": "x"}, "meta.description.english: is not a language code"),
        (["canvas"], {"columns": [0, "a"]}, "canvas.columns[1]: must be a number"),
        (["view"], {"zoom": 0}, "view.zoom: must be greater than 0"),
        (["view"], {"center": [1]}, "view.center: must be a point [x, y]"),
        (["notes"], {"deep": "@deep"}, "nested too deeply"),
        (["notes"], "@10**30", "notes: the number is too large"),
        (["format_version"], 2, "newer Neurona (format version 2; this one reads up to 1)"),
        (["format_version"], "1", "format_version: must be a whole number"),
        (["format"], "keras", "format: this is not a Neurona document"),
    ],
)
def test_errors_name_the_json_path(path, value, words):
    exp = Experiment(_BIG.clone(), TrainingConfig(), generate("circle", n_points=20), {}, {"meta": {"title": "x"}})
    doc = experiment_to_dict(exp)
    raw_value = value
    if isinstance(value, dict) and value.get("deep") == "@deep":
        raw_value = {"deep": "@deep"}
    text = _mutate(doc, path, raw_value if not (isinstance(value, str) and value.startswith("@")) else "@PLACEHOLDER")
    if value == "@1e400":
        text = text.replace('"@PLACEHOLDER"', "1e400")
    elif value == "@10**30":
        text = text.replace('"@PLACEHOLDER"', str(10**30))
    elif isinstance(raw_value, dict) and raw_value.get("deep") == "@deep":
        text = text.replace('"@deep"', "[" * 100 + "]" * 100)
    with pytest.raises(FileFormatError) as info:
        experiment_from_json(text, "lesson.neurona")
    message = str(info.value)
    assert message.startswith("lesson.neurona: ")
    assert words in message, message


@pytest.mark.parametrize(
    "path, value, words",
    [
        (["data", "points", "x_train", 2], [1.0], "data.points.x_train[2]: must be a point [x1, x2]"),
        (["data", "points", "x_train", 2], [1.0, None], "data.points.x_train[2][1]: must be a number"),
        (["data", "points", "y_train"], [0, 1], "data.points.y_train: has 2 values for 4 points"),
        (["data", "points", "y_train", 0], 9, "data.points.y_train"),
        (["data", "points", "kind"], "clustering", "data.points.kind"),
        (["data", "points", "x_train"], [[0.0, 0.0]] * 100_001, "data.points.x_train: too many points: 100001"),
        (["data", "points", "class_names"], ["a"], "data.points.class_names"),
        (["data", "points", "colour"], 1, "data.points.colour: unknown key"),
    ],
)
def test_errors_in_drawn_points_name_the_json_path(path, value, words):
    doc = experiment_to_dict(Experiment(_BIG.clone(), TrainingConfig(), _POINTS, {}, {}))
    with pytest.raises(FileFormatError) as info:
        experiment_from_json(_mutate(doc, path, value))
    assert words in str(info.value), str(info.value)


@pytest.mark.parametrize(
    "text, words",
    [
        (b"", "is empty"),
        (b"   \n", "is empty"),
        (b"\xff\xfe{}", "is not UTF-8 text"),
        (b"not json", "is not valid JSON"),
        (b'{"format": "neurona", "format_version": 1, "network": {"features": ["x1"', "ends too early (truncated?)"),
        (b'{"a": NaN}', "NaN is not a number JSON allows"),
        (b'{"a": -Infinity}', "-Infinity is not a number JSON allows"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"a": ' + b"9" * 5000 + b"}", "is not valid JSON"),
        (b"[1, 2]", "must hold a JSON object"),
        (b'{"format": "neurona"}', "format_version: missing"),
        (b'{"hello": 1}', "format_version: missing"),
    ],
)
def test_unreadable_text_gives_one_clear_error(text, words):
    with pytest.raises(FileFormatError) as info:
        experiment_from_json(text, "x.neurona")
    assert words in str(info.value), str(info.value)


def test_non_finite_and_unserialisable_python_values_are_errors_too():
    doc = experiment_to_dict(small_experiment())
    doc["network"]["weights"][0][0][0] = float("nan")
    with pytest.raises(FileFormatError, match=r"network\.weights\[0\]\[0\]\[0\]: must be a finite number"):
        experiment_from_dict(doc)
    with pytest.raises(FileFormatError, match="must hold a JSON object"):
        experiment_from_dict(["not", "a", "dict"])


# ---------------------------------------------------------------------- fuzzing


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout


def _base_documents() -> list[str]:
    docs = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.neurona"))]
    net = Network(["x1", "x2", "x1x2"], [{"size": 3, "activation": "maxout", "pieces": 2},
                                         {"size": 2, "activation": "relu", "dropout": 0.2},
                                         {"size": 1, "activation": "sigmoid"}], seed=4)
    net.remove_connection(0, 1, 2)
    net.freeze_weight(1, 0, 1)
    net.freeze_bias(2, 0)
    exp = Experiment(net, TrainingConfig(optimizer="adam", optimizer_params={"beta1": 0.8}), _POINTS,
                     {"epoch": 12, "train_loss": 0.25, "test_loss": None, "train_acc": 0.5, "test_acc": None},
                     {"meta": {"title": {"en": "t", "es": "t"}}, "canvas": {"columns": [0.0, 190.0, 380.0, 570.0],
                      "units": [[0.0, 92.0, 184.0], [0.0, 92.0, 184.0], [0.0, 92.0], [0.0]]},
                      "view": {"zoom": 1.0, "center": [0.0, 0.0]}, "other": [1, {"a": None}]})
    docs.append(experiment_dumps(exp))
    docs.append(json.dumps(Network(["x1", "x2"], [2, 1]).to_dict()))  # version 0
    return docs


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node[:6]):  # a few items of long lists are enough
            yield from _paths(v, prefix + (i,))


def _replacement(rng: random.Random, old):
    choices = [
        None, True, False, 0, -1, 1, 2, 0.5, -0.0, 1e308, -1e308, 10**19, -(10**19), 2**63, 3.7, 255, 256, 10**6,
        "", "x", "tanh", "softmax", "maxout", "sgd", "perceptron", "circle", "points", "table", "x1", "neurona",
        [], {}, [0], [[0]], [[0, 0]], [0.5, 0.5], {"size": 1}, {"": None}, [None], ["x1", "x1"],
    ]
    kind = rng.random()
    if kind < 0.7:
        return rng.choice(choices)
    if kind < 0.8:
        return "@HUGE"  # a number with thousands of digits or 1e999
    if kind < 0.88:
        return "@DEEP"  # deep nesting
    if kind < 0.93:
        return [0] * rng.choice([33, 257, 100_001])  # giant lists
    if isinstance(old, list) and old:  # same list, repeated or shortened
        return old * rng.randint(2, 5) if rng.random() < 0.5 else old[: rng.randint(0, len(old) - 1)]
    return str(old)


def _mutated(rng: random.Random, base: str) -> bytes:
    roll = rng.random()
    raw = base.encode("utf-8")
    if roll < 0.15:  # truncation
        return raw[: rng.randint(0, len(raw) - 1)]
    if roll < 0.3:  # byte edits
        data = bytearray(raw)
        for _ in range(rng.randint(1, 4)):
            pos = rng.randint(0, len(data) - 1)
            op = rng.random()
            if op < 0.4:
                data[pos] = rng.randint(0, 255)
            elif op < 0.7:
                del data[pos : pos + rng.randint(1, 20)]
            else:
                data[pos:pos] = rng.choice([b"[", b"]", b"{", b"}", b",", b'"', b"-", b"e999", b"NaN", b"\x00", b"9" * 30])
        return bytes(data)
    doc = json.loads(base)
    for _ in range(rng.randint(1, 3)):
        paths = [p for p in _paths(doc) if p]
        path = rng.choice(paths)
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        key = path[-1]
        if rng.random() < 0.25:  # delete a key or an item
            del parent[key]
        else:
            parent[key] = _replacement(rng, parent[key])
    text = json.dumps(doc, ensure_ascii=False)
    deep = rng.choice([70, 900, 5000])
    text = text.replace('"@DEEP"', "[" * deep + "]" * deep)
    text = text.replace('"@HUGE"', rng.choice(["9" * 4000, "-" + "9" * 300, "1e999", "-1e999", "4e-999"]))
    return text.encode("utf-8")


def test_fuzzed_documents_load_or_give_a_file_format_error():
    rng = random.Random(20240601)
    bases = _base_documents()
    use_alarm = hasattr(signal, "setitimer")
    old_handler = signal.signal(signal.SIGALRM, _alarm) if use_alarm else None
    outcomes = {"loaded": 0, "rejected": 0}
    failures, slowest = [], 0.0
    started = time.perf_counter()
    try:
        for case in range(2000):
            raw = _mutated(rng, rng.choice(bases))
            t0 = time.perf_counter()
            if use_alarm:
                signal.setitimer(signal.ITIMER_REAL, 2.0)
            try:
                exp = experiment_from_json(raw, "fuzz.neurona")
                text = experiment_dumps(exp)  # whatever loads can be saved and loads the same
                assert experiment_dumps(experiment_from_json(text)) == text
                outcomes["loaded"] += 1
            except FileFormatError as exc:
                assert str(exc).startswith("fuzz.neurona: ") and "Traceback" not in str(exc)
                outcomes["rejected"] += 1
            except _Timeout:
                failures.append((case, "hang", raw[:200]))
            except Exception as exc:  # noqa: BLE001 - exactly what the test looks for
                failures.append((case, f"{type(exc).__name__}: {exc}", raw[:200]))
            finally:
                if use_alarm:
                    signal.setitimer(signal.ITIMER_REAL, 0)
            slowest = max(slowest, time.perf_counter() - t0)
    finally:
        if use_alarm:
            signal.signal(signal.SIGALRM, old_handler)
    assert not failures, failures[:5]
    assert slowest < 2.0
    assert outcomes["loaded"] > 100 and outcomes["rejected"] > 1000, outcomes
    assert time.perf_counter() - started < 60


def test_long_lists_of_removed_and_frozen_connections_load_fast():
    net = Network(["x1", "x2"], [{"size": 256, "activation": "maxout", "pieces": 2}, 256, 1], seed=0)
    doc = experiment_to_dict(Experiment(net, TrainingConfig(), generate("circle", n_points=20), {}, {}))
    every = [[1, i, j] for i in range(256) for j in range(256)]
    doc["network"]["removed"] = every[::2] * 4  # repeated entries are harmless
    doc["network"]["frozen_weights"] = every[1::2]
    doc["network"]["frozen_biases"] = [[1, j] for j in range(256)] * 100
    started = time.perf_counter()
    loaded = experiment_from_dict(doc).network
    assert time.perf_counter() - started < 5  # one entry at a time would take minutes
    assert loaded.removed[1].sum() == 256 * 128 and loaded.frozen_w[1].sum() == 256 * 128 and loaded.frozen_b[1].all()
    assert not loaded.removed[0].any() and not loaded.frozen_w[2].any()


@pytest.mark.parametrize("with_weights", [True, False])
def test_bulk_masks_equal_the_per_item_methods(with_weights):
    net = Network(["x1", "x2", "x1x2"], [{"size": 4, "activation": "maxout", "pieces": 3}, 3, 1], seed=2)
    rng = random.Random(5)
    cells = [(layer, i, j) for layer, L in enumerate(net.layers) for i in range(L.n_in) for j in range(L.n_out)]
    removed, frozen = rng.sample(cells, 9), rng.sample(cells, 7)
    biases = [(layer, j) for layer, L in enumerate(net.layers) for j in range(L.n_out) if rng.random() < 0.5]
    reference = net.clone()
    for item in removed:
        reference.remove_connection(*item)
    for item in frozen:
        reference.freeze_weight(*item)
    for item in biases:
        reference.freeze_bias(*item)
    d = reference.to_dict(include_weights=with_weights)
    if not with_weights:  # drawn from init, then cut: the stored weights are the drawn ones
        reference = Network.from_dict(d)
    loaded = nio._network_from_dict(json.loads(json.dumps(d)))
    assert loaded.to_dict() == reference.to_dict()
    assert loaded.params.tobytes() == reference.params.tobytes()
    assert np.array_equal(loaded._locked, reference._locked)
    assert np.array_equal(loaded._locked_values, reference._locked_values)
    for k in range(len(net.layers)):
        assert np.array_equal(loaded._stash[k], reference._stash[k])


# ---------------------------------------------------------------------- reading files


def test_oversize_file_is_rejected_without_being_read(tmp_path, monkeypatch):
    big = tmp_path / "big.neurona"
    with open(big, "wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: 20 MB + 1 byte on paper, nothing on disk
    reads = []
    real_open = open

    class Spy:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def fileno(self):
            return self.fh.fileno()

        def read(self, *args):
            reads.append(args)
            return self.fh.read(*args)

    monkeypatch.setattr(nio, "open", lambda *a, **k: Spy(real_open(*a, **k)), raising=False)
    with pytest.raises(FileFormatError, match=r"big.neurona: the file is 20.0 MB; the limit is 20 MB"):
        read_json(big)
    assert reads == []
    with pytest.raises(FileFormatError, match="the limit is 20 MB"):
        parse_json(b" " * (MAX_FILE_BYTES + 1))


def test_a_file_at_the_limit_is_read_and_missing_files_are_clear(tmp_path):
    text = doc_text()
    path = tmp_path / "pad.neurona"
    path.write_bytes(text.encode() + b" " * (MAX_FILE_BYTES - len(text.encode())))
    assert load_experiment(path).network.sizes == [2, 3, 1]
    with pytest.raises(FileFormatError, match="no such file"):
        load_experiment(tmp_path / "nope.neurona")
    with pytest.raises(FileFormatError, match="is a folder"):
        load_experiment(tmp_path)


def test_a_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.neurona"
    path.write_bytes(b"\xef\xbb\xbf" + doc_text().encode())
    assert load_experiment(path).network.sizes == [2, 3, 1]


# ---------------------------------------------------------------------- atomic saving


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_interrupted_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "class.neurona"
    save_experiment(target, small_experiment(meta={"title": "old"}))
    before = target.read_bytes()
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            self.fh.write(data[: len(data) // 2])  # half of it reaches the disk, then it is full
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: HalfWriter(real_fdopen(fd, mode)))
    with pytest.raises(OSError, match="No space left"):
        save_experiment(target, small_experiment(meta={"title": "new"}))
    assert target.read_bytes() == before
    assert _listing(tmp_path) == ["class.neurona"]


def test_failed_rename_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "class.neurona"
    target.write_text("old contents")

    def broken_replace(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(PermissionError):
        save_experiment(target, small_experiment())
    assert target.read_text() == "old contents"
    assert _listing(tmp_path) == ["class.neurona"]


def test_an_interrupt_mid_save_cleans_up_too(tmp_path, monkeypatch):
    target = tmp_path / "a.neurona"
    target.write_text("old")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new")
    assert target.read_text() == "old" and _listing(tmp_path) == ["a.neurona"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_saving_keeps_the_file_permissions(tmp_path):
    target = tmp_path / "shared.neurona"
    target.write_text("old")
    os.chmod(target, 0o640)
    write_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    fresh = tmp_path / "fresh.neurona"
    write_atomic(fresh, "x")
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~mask  # not mkstemp's private 0600


# ---------------------------------------------------------------------- versions


def test_a_bare_network_is_version_0_and_is_migrated(tmp_path):
    net = Network(["x1", "x2", "x1_sq"], [3, {"size": 1, "activation": "tanh"}], seed=5)
    path = tmp_path / "old.json"
    path.write_text(json.dumps(net.to_dict()))
    exp = load_experiment(path)
    assert np.array_equal(exp.network.params, net.params)
    assert exp.training == TrainingConfig()
    assert exp.data.params["generator"] == "circle" and exp.state["epoch"] == 0
    doc = json.loads(experiment_dumps(exp))
    assert doc["format"] == "neurona" and doc["format_version"] == FORMAT_VERSION
    multi = Network(["x1", "x2"], [{"size": 3, "activation": "softmax"}]).to_dict()
    exp = experiment_from_dict(multi)
    assert exp.data.params["generator"] == "blobs" and exp.data.n_classes == 3
    Trainer(exp.network, exp.data, exp.training).train_epochs(1)  # a sensible pair
    sectioned = {"format_version": 0, "network": net.to_dict(), "meta": {"title": "viejo"}}
    exp = experiment_from_dict(sectioned)  # an explicit version 0 with sections: gaps filled
    assert exp.title() == "viejo" and exp.training == TrainingConfig() and exp.data.name == "circle"


def test_every_older_version_has_a_migration_and_they_chain(monkeypatch):
    assert set(MIGRATIONS) == set(range(FORMAT_VERSION))
    doc = json.loads(doc_text())
    assert migrate(doc) is doc  # current documents are left alone

    def to_2(d):  # an imaginary version 2 that renamed "state" to "summary"
        d = dict(d, format_version=2)
        d["summary"] = d.pop("state", {"epoch": 0})
        return d

    version_1 = json.loads(doc_text())
    monkeypatch.setattr(nio, "FORMAT_VERSION", 2)
    monkeypatch.setitem(MIGRATIONS, 1, to_2)
    bare = Network(["x1", "x2"], [1]).to_dict()
    upgraded = migrate(bare)  # 0 → 1 → 2
    assert upgraded["format_version"] == 2 and upgraded["summary"] == {"epoch": 0}  # v0 had no state
    upgraded = migrate(version_1)  # 1 → 2
    assert upgraded["format_version"] == 2 and upgraded["summary"]["epoch"] == 0 and "state" not in upgraded


def test_future_versions_and_bad_versions_are_refused():
    doc = json.loads(doc_text())
    for version, words in ((FORMAT_VERSION + 1, "newer Neurona"), (-1, "not a valid version"), (1.0, "whole number"),
                           (True, "whole number")):
        doc["format_version"] = version
        with pytest.raises(FileFormatError, match=words):
            experiment_from_dict(doc)


# ---------------------------------------------------------------------- the schema


def test_the_schema_is_json_and_lists_every_registry_name():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    defs = schema["$defs"]
    assert defs["activation"]["enum"] == list(ACTIVATION_NAMES)
    assert defs["network"]["properties"]["features"]["items"]["enum"] == list(FEATURE_NAMES)
    assert defs["network"]["properties"]["init"]["properties"]["method"]["enum"] == list(INITIALIZERS)
    training = defs["training"]["properties"]
    assert training["optimizer"]["enum"] == list(OPTIMIZERS)
    assert training["loss"]["enum"] == list(LOSSES)
    assert training["rule"]["enum"] == list(RULES)
    assert set(training) == set(nio.TRAINING_KEYS)
    hyper = {h for cls in OPTIMIZERS.values() for h in cls.hyperparameters}
    assert set(training["optimizer_params"]["propertyNames"]["enum"]) == hyper
    params = defs["generator_params"]["properties"]
    assert params["generator"]["enum"] == list(GENERATORS)
    extras = {k for g in GENERATORS.values() for k in g.extras}
    assert extras <= set(params)
    assert defs["points"]["properties"]["kind"]["enum"] == list(KINDS)
    assert set(defs["network"]["properties"]) == set(nio.NETWORK_KEYS)
    assert set(defs["layer"]["oneOf"][1]["properties"]) == set(nio.LAYER_KEYS)
    assert set(defs["state"]["properties"]) == set(nio.STATE_KEYS)
    assert list(schema["properties"]) == list(nio.TOP_LEVEL_KEYS)


def test_the_schema_is_a_valid_draft_2020_12_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for text in _base_documents()[:-1]:  # all but the bare version-0 network
        assert not list(validator.iter_errors(json.loads(text)))
    bad = json.loads(doc_text())
    bad["network"]["layers"][0] = {"size": 3, "activation": "tanhh"}
    assert list(validator.iter_errors(bad))


# ---------------------------------------------------------------------- the CLI keeps what it does not train


def test_cli_training_keeps_meta_canvas_view_and_unknown_keys(tmp_path):
    from engine.cli import main

    src, dst = tmp_path / "in.neurona", tmp_path / "out.neurona"
    extra = {"meta": {"title": {"en": "Circle", "es": "Círculo"}}, "canvas": {"columns": [0.0, 190.0, 380.0]},
             "view": {"zoom": 1.5, "center": [10.0, -4.0]}, "x-teacher-notes": ["grupo B"]}
    save_experiment(src, small_experiment(**extra))
    assert main(["train", str(src), "--epochs", "3", "-o", str(dst), "--quiet"], out=open(os.devnull, "w")) == 0
    doc = json.loads(dst.read_text(encoding="utf-8"))
    for key, value in extra.items():
        assert doc[key] == value
    assert list(doc) == ["format", "format_version", "meta", "network", "training", "data", "state", "canvas", "view",
                         "x-teacher-notes"]
    assert doc["state"]["epoch"] == 3 and doc["state"]["train_loss"] is not None
