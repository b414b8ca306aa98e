"""The course examples: listed, loadable, up to date with their generator, and each one
behaves as its description says."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pytest

from engine.datasets import GATE_INPUTS, GATE_OUTPUTS
from engine.examples import EXAMPLES_DIR, ExampleInfo, example_path, list_examples, load_example
from engine.io import FileFormatError, experiment_dumps, load_experiment
from engine.training import Trainer, predict_classes

ROOT = Path(__file__).resolve().parents[2]
NAMES = [
    "01-mcculloch-pitts-and",
    "02-or",
    "03-nand",
    "04-perceptron-learns-and",
    "05-perceptron-fails-xor",
    "06-xor-by-hand",
    "07-xor-backprop",
    "08-playground-circle",
    "09-spiral-deep",
    "10-blobs-softmax",
    "11-overfitting-early-stopping",
    "12-regression-plane",
]
COURSE_WORDS = ["umbral", "neurona de McCulloch-Pitts", "regla del perceptrón", "retropropagación", "sobreajuste",
                "parada temprana"]


def _generator():
    spec = importlib.util.spec_from_file_location("make_examples", ROOT / "tools" / "make_examples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_examples"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def trainer_for(name: str) -> Trainer:
    exp = load_example(name)
    return Trainer(exp.network, exp.data, exp.training)


def table_predictions(net) -> list[int]:
    """Predicted class of each truth-table row (0,0), (0,1), (1,0), (1,1)."""
    return predict_classes(net.predict(GATE_INPUTS), net).tolist()


# ---------------------------------------------------------------------- the index


def test_the_index_lists_every_example_in_course_order():
    examples = list_examples()
    assert [ex.name for ex in examples] == NAMES
    on_disk = sorted(p.name for p in EXAMPLES_DIR.glob("*.neurona"))
    assert on_disk == sorted(ex.file for ex in examples)  # nothing unlisted
    for ex in examples:
        for lang in ("en", "es"):
            assert ex.title_in(lang).strip() and ex.description_in(lang).strip()
            assert "\n" not in ex.description_in(lang) and len(ex.description_in(lang)) <= 110  # one line
        assert ex.title["en"] != ex.title["es"] or ex.title["en"].startswith("Playground")


@pytest.mark.parametrize("name", NAMES)
def test_every_example_loads_validates_and_opens_ready_to_play(name):
    info = next(ex for ex in list_examples() if ex.name == name)
    exp = info.load()
    text = info.path.read_text(encoding="utf-8")
    assert experiment_dumps(exp) == text  # save → load → save is stable
    assert exp.state == {"epoch": 0, "train_loss": None, "test_loss": None, "train_acc": None, "test_acc": None}
    assert exp.canvas is None and exp.view is None  # the window lays it out
    for lang in ("en", "es"):
        assert exp.title(lang) == info.title_in(lang)
        assert len(exp.description(lang)) > len(info.description_in(lang)) // 2
    assert exp.meta["lesson"]["en"] and exp.meta["lesson"]["es"]
    Trainer(exp.network, exp.data, exp.training).evaluate()  # network, data and settings fit together
    assert list(json.loads(text))[:4] == ["format", "format_version", "meta", "network"]


def test_the_spanish_texts_use_the_course_vocabulary():
    spanish = " ".join(load_example(n).description("es") + " " + load_example(n).title("es") for n in NAMES)
    for word in COURSE_WORDS:
        assert word.lower() in spanish.lower(), word


def test_the_files_are_what_the_generator_writes():
    outputs = _generator().outputs()
    assert sorted(outputs) == sorted([f"{n}.neurona" for n in NAMES] + ["index.json"])
    for name, text in outputs.items():
        assert (EXAMPLES_DIR / name).read_text(encoding="utf-8") == text, f"{name} is stale: run tools/make_examples.py"


def test_every_example_validates_against_the_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "resources" / "neurona.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for name in NAMES:
        doc = json.loads((EXAMPLES_DIR / f"{name}.neurona").read_text(encoding="utf-8"))
        errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(doc)]
        assert not errors, (name, errors)


def test_example_path_by_name_file_or_number():
    assert example_path("07-xor-backprop") == EXAMPLES_DIR / "07-xor-backprop.neurona"
    assert example_path("07-xor-backprop.neurona") == example_path("7") == example_path("07")
    with pytest.raises(KeyError, match="no example"):
        example_path("99-nothing")
    with pytest.raises(KeyError):
        example_path("13")


@pytest.mark.parametrize(
    "entry, words",
    [
        ({"file": "../../secret.neurona", "title": {"en": "a", "es": "b"}, "description": {"en": "a", "es": "b"}},
         "examples[0].file: must be a plain .neurona file name"),
        ({"file": "a.neurona", "title": {"en": "a", "es": "b"}, "description": {"en": "a", "es": "b"}},
         "examples[0].file: a.neurona does not exist"),
        ({"file": "ok.neurona", "title": {"en": "a"}, "description": {"en": "a", "es": "b"}},
         "examples[0].title: the 'es' text is missing"),
        ({"file": "ok.neurona", "title": "a", "description": {"en": "a", "es": "b"}}, "examples[0].title: must be texts"),
    ],
)
def test_a_bad_index_is_a_clear_error(tmp_path, entry, words):
    (tmp_path / "ok.neurona").write_text((EXAMPLES_DIR / "02-or.neurona").read_text(encoding="utf-8"))
    (tmp_path / "index.json").write_text(json.dumps({"format": "neurona-examples", "version": 1, "examples": [entry]}))
    with pytest.raises(FileFormatError) as info:
        list_examples(tmp_path)
    assert words in str(info.value)


def test_another_folder_of_examples_can_be_listed(tmp_path):
    (tmp_path / "ok.neurona").write_text((EXAMPLES_DIR / "02-or.neurona").read_text(encoding="utf-8"))
    entry = {"file": "ok.neurona", "title": {"en": "OR", "es": "OR"}, "description": {"en": "a", "es": "b"}}
    (tmp_path / "index.json").write_text(json.dumps({"format": "neurona-examples", "version": 1, "examples": [entry]}))
    [info] = list_examples(tmp_path)
    assert isinstance(info, ExampleInfo) and info.path == tmp_path / "ok.neurona"
    assert load_example("1", tmp_path).network.sizes == [2, 1]


# ---------------------------------------------------------------------- the lessons


@pytest.mark.parametrize(
    "name, gate, weights, bias",
    [("01-mcculloch-pitts-and", "and", [1.0, 1.0], -1.5), ("02-or", "or", [1.0, 1.0], -0.5),
     ("03-nand", "nand", [-1.0, -1.0], 1.5)],
)
def test_hand_set_gates_are_right_without_training_and_stay_right(name, gate, weights, bias):
    trainer = trainer_for(name)
    net = trainer.network
    assert net.layers[0].name == "step" and net.sizes == [2, 1]
    assert net.layers[0].W[:, 0].tolist() == weights and net.layers[0].b.tolist() == [bias]
    assert net.frozen_w[0].all() and net.frozen_b[0].all()  # set by hand and frozen
    assert trainer.config.rule == "perceptron"
    assert table_predictions(net) == list(GATE_OUTPUTS[gate])
    before = net.params.copy()
    report = trainer.train_epochs(20)
    assert report.metrics["train_acc"] == 1.0 and report.metrics["train_loss"] == 0.0
    assert np.array_equal(net.params, before)
    assert table_predictions(net) == list(GATE_OUTPUTS[gate])


def test_the_perceptron_learns_and_within_50_epochs():
    trainer = trainer_for("04-perceptron-learns-and")
    net = trainer.network
    assert not net.params.any() and trainer.config.rule == "perceptron" and trainer.config.batch_size == 1
    assert table_predictions(net) != list(GATE_OUTPUTS["and"])
    trainer.train_epochs(50)
    assert trainer.history["train_acc"].max() == 1.0
    assert trainer.evaluate()["train_acc"] == 1.0
    assert table_predictions(net) == list(GATE_OUTPUTS["and"])


def test_the_perceptron_never_solves_xor():
    trainer = trainer_for("05-perceptron-fails-xor")
    assert trainer.network.sizes == [2, 1] and trainer.config.rule == "perceptron"
    for _ in range(200):  # every single step, not only the ends of epochs
        trainer.step(1)
        assert trainer.evaluate()["train_acc"] < 1.0
    assert trainer.epoch == 50
    trainer.train_epochs(150)
    assert trainer.history["train_acc"].max() < 1.0


def test_the_hand_built_xor_is_right_without_training():
    trainer = trainer_for("06-xor-by-hand")
    net = trainer.network
    assert net.sizes == [2, 2, 1] and all(L.name == "step" for L in net.layers)
    assert all(m.all() for m in net.frozen_w) and all(m.all() for m in net.frozen_b)
    assert table_predictions(net) == list(GATE_OUTPUTS["xor_gate"])
    hidden = net.activations(GATE_INPUTS)[1]
    assert hidden[:, 0].tolist() == [0, 0, 1, 0]  # h1 = A AND NOT B
    assert hidden[:, 1].tolist() == [0, 1, 0, 0]  # h2 = NOT A AND B
    before = net.params.copy()
    trainer.train_epochs(20)
    assert np.array_equal(net.params, before) and trainer.evaluate()["train_acc"] == 1.0


def test_the_2_2_1_network_learns_xor_with_backprop():
    trainer = trainer_for("07-xor-backprop")
    assert trainer.network.sizes == [2, 2, 1] and trainer.config.rule == "backprop"
    assert trainer.evaluate()["train_acc"] < 1.0
    trainer.train_epochs(2000)
    reached = int(np.argmax(trainer.history["train_acc"] == 1.0)) + 1
    assert trainer.evaluate()["train_acc"] == 1.0 and reached < 1000
    assert table_predictions(trainer.network) == list(GATE_OUTPUTS["xor_gate"])


def test_playground_circle_reaches_95_percent():
    trainer = trainer_for("08-playground-circle")
    net, cfg, ds = trainer.network, trainer.config, trainer.dataset
    assert net.sizes == [2, 4, 2, 1] and [L.name for L in net.layers] == ["tanh"] * 3
    assert (cfg.optimizer, cfg.learning_rate, cfg.batch_size) == ("sgd", 0.03, 10)
    assert ds.params["generator"] == "circle" and ds.params["train_ratio"] == 0.5
    trainer.train_epochs(300)
    assert trainer.history["test_acc"].max() >= 0.95 and trainer.evaluate()["test_acc"] >= 0.95


def test_the_deep_network_learns_the_spiral():
    trainer = trainer_for("09-spiral-deep")
    assert len(trainer.network.layers) >= 4 and trainer.dataset.params["generator"] == "spiral"
    trainer.train_epochs(500)
    assert trainer.evaluate()["test_acc"] >= 0.9


def test_blobs_reach_90_percent_with_softmax():
    trainer = trainer_for("10-blobs-softmax")
    assert trainer.network.output_activation == "softmax" and trainer.network.n_outputs == 4
    assert trainer.dataset.n_classes == 4 and trainer.config.loss == "sparse_cce"
    trainer.train_epochs(100)
    assert trainer.evaluate()["test_acc"] >= 0.9


def test_overfitting_triggers_early_stopping():
    trainer = trainer_for("11-overfitting-early-stopping")
    cfg, net = trainer.config, trainer.network
    assert cfg.early_stopping and any(L.dropout for L in net.layers)
    assert trainer.dataset.n_train < trainer.dataset.n_test
    report = trainer.train_epochs(2000)
    assert report.stopped_early and trainer.epoch < 2000
    test_loss = trainer.history["test_loss"]
    best = trainer.best_epoch
    assert best < trainer.epoch and test_loss[best - 1] == test_loss.min()
    assert test_loss[-1] > test_loss.min()  # the test loss had turned up
    assert trainer.evaluate()["test_loss"] == pytest.approx(test_loss.min())  # best weights restored


def test_the_regression_plane_is_learned():
    trainer = trainer_for("12-regression-plane")
    assert trainer.dataset.kind == "regression" and trainer.network.output_activation == "linear"
    trainer.train_epochs(50)
    assert trainer.evaluate()["test_loss"] < 0.01


def test_examples_load_through_the_file_path_too():
    exp = load_experiment(EXAMPLES_DIR / "01-mcculloch-pitts-and.neurona")
    assert exp.title("es") == "Neurona de McCulloch-Pitts: AND"
