"""The document, its commands and the editor: every edit undoes and redoes exactly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QUndoStack

from engine.datasets import generate
from engine.training import Trainer
from gui.document import Document
from gui.editor import DocumentEditor


@pytest.fixture
def env(qapp):
    doc = Document()
    stack = QUndoStack()
    editor = DocumentEditor(doc, stack)
    errors: list[str] = []
    editor.error.connect(errors.append)
    yield doc, stack, editor, errors
    stack.clear()


def state(doc: Document) -> str:
    """Everything the document holds, as canonical text (bitwise floats via repr)."""
    return json.dumps(
        {
            "network": doc.network.to_dict(),
            "params": doc.network.params.tolist(),
            "columns": doc.column_ids,
            "units": doc.unit_ids,
            "layout": doc.layout_dict(),
            "training": doc.training.to_dict(),
            "data": doc.dataset_dict(),
        },
        sort_keys=True,
    )


def check_round_trip(doc: Document, stack: QUndoStack, do) -> None:
    before = state(doc)
    count = stack.count()
    assert do() is not False
    assert stack.count() == count + 1, "one edit, one undo step"
    after = state(doc)
    assert after != before
    stack.undo()
    assert state(doc) == before
    stack.redo()
    assert state(doc) == after
    stack.undo()
    stack.redo()
    assert state(doc) == after
    # the engine network the trainer compiles matches the document
    Trainer(doc.network.clone(), doc.dataset, doc.training)


def test_default_is_playgrounds(env):
    doc = env[0]
    assert doc.network.sizes == [2, 4, 2, 1]
    assert doc.network.features == ("x1", "x2")
    assert {L.name for L in doc.network.layers} == {"tanh"}
    assert doc.dataset.name == "circle"
    assert doc.training.learning_rate == 0.03 and doc.training.batch_size == 10


def test_every_command_round_trips(env):
    doc, stack, editor, errors = env
    check_round_trip(doc, stack, lambda: editor.add_neuron(1))
    check_round_trip(doc, stack, lambda: editor.add_neuron(2, 0))
    check_round_trip(doc, stack, lambda: editor.remove_units([doc.unit_ids[1][2]]))
    check_round_trip(doc, stack, lambda: editor.reorder_neuron(doc.unit_ids[1][0], 3))
    check_round_trip(doc, stack, lambda: editor.add_layer(1, 3, "relu"))
    check_round_trip(doc, stack, lambda: editor.remove_layer(doc.column_ids[1]))
    check_round_trip(doc, stack, lambda: editor.set_activation(doc.column_ids[2], "maxout"))
    check_round_trip(doc, stack, lambda: editor.set_layer(doc.column_ids[1], dropout=0.25))
    check_round_trip(doc, stack, lambda: editor.set_feature("x1_sq", True))
    check_round_trip(doc, stack, lambda: editor.set_feature("x1", False))
    check_round_trip(doc, stack, lambda: editor.set_weight(1, 0, 1, 2.5))
    check_round_trip(doc, stack, lambda: editor.set_bias(3, 0, -0.75))
    check_round_trip(doc, stack, lambda: editor.set_connection_removed(2, 1, 0, True))
    check_round_trip(doc, stack, lambda: editor.set_weight_frozen(1, 1, 2, True))
    check_round_trip(doc, stack, lambda: editor.set_bias_frozen(2, 1, True))
    new = doc.params() + 1.0
    check_round_trip(doc, stack, lambda: editor.set_params(doc.params(), new, "Reset weights"))
    check_round_trip(doc, stack, lambda: editor.set_training(learning_rate=0.1, optimizer="adam"))
    check_round_trip(doc, stack, lambda: editor.set_data(generate("xor", noise=10, seed=3)))
    check_round_trip(doc, stack, lambda: editor.auto_layout() or editor.move_items(
        doc.positions(), ({}, {doc.unit_ids[1][0]: 500.0}), "Move"))
    assert errors == []


def test_removed_and_frozen_reach_the_engine_network(env):
    doc, stack, editor, _ = env
    editor.set_connection_removed(1, 0, 2, True)
    editor.set_weight_frozen(2, 3, 1, True)
    assert doc.network.is_removed(0, 0, 2)
    assert doc.network.is_frozen(1, 3, 1)
    compiled = doc.network.clone()
    assert compiled.is_removed(0, 0, 2) and compiled.is_frozen(1, 3, 1)
    trainer = Trainer(compiled, doc.dataset, doc.training)
    frozen = compiled.weight(1, 3, 1)
    trainer.train_epochs(3)
    assert compiled.get_weights()[0][0][0, 2] == 0.0
    assert compiled.weight(1, 3, 1) == frozen


def test_deleting_a_neuron_removes_its_connections(env):
    doc, stack, editor, _ = env
    editor.remove_units([doc.unit_ids[1][0]])
    w0, _ = doc.network.get_weights()[0]
    w1, _ = doc.network.get_weights()[1]
    assert w0.shape == (2, 3) and w1.shape == (3, 2)


def test_multi_item_delete_is_one_undo_step(env):
    doc, stack, editor, _ = env
    before = state(doc)
    editor.remove_units([doc.unit_ids[1][0], doc.unit_ids[1][1], doc.unit_ids[2][0]])
    assert doc.network.sizes == [2, 2, 1, 1]
    assert stack.count() == 1
    stack.undo()
    assert state(doc) == before


def test_weight_edits_merge_into_one_step(env):
    doc, stack, editor, _ = env
    old = doc.network.weight(0, 0, 0)
    for v in np.linspace(0, 1, 20):
        editor.set_weight(1, 0, 0, float(v))
    assert stack.count() == 1
    stack.undo()
    assert doc.network.weight(0, 0, 0) == old


def test_refused_edits_leave_the_document_and_stack_alone(env):
    doc, stack, editor, errors = env
    before = state(doc)
    assert not editor.set_training(batch_size=0)
    assert not editor.set_activation(doc.column_ids[1], "softmax")  # hidden layer
    assert not editor.remove_layer(doc.column_ids[-1])
    assert not editor.add_neuron(0)
    assert len(errors) == 4
    assert "batch_size" in errors[0]
    assert "softmax" in errors[1]
    assert "output layer" in errors[2]
    assert state(doc) == before
    assert stack.count() == 0


def test_last_input_cannot_be_removed(env):
    doc, stack, editor, errors = env
    editor.set_feature("x1", False)
    assert not editor.set_feature("x2", False)
    assert doc.network.features == ("x2",)
    assert any("input" in e for e in errors)


def test_signals_announce_changes(env, qtbot):
    doc, stack, editor, _ = env
    with qtbot.waitSignal(doc.structure_changed, timeout=1000):
        editor.add_neuron(1)
    with qtbot.waitSignal(doc.weights_changed, timeout=1000) as blocker:
        editor.set_weight(1, 0, 0, 0.5)
    assert blocker.args == ["user"]
    with qtbot.waitSignal(doc.training_changed, timeout=1000) as blocker:
        editor.set_training(learning_rate=0.3)
    assert blocker.args == ["learning_rate"]
    with qtbot.waitSignal(doc.data_changed, timeout=1000):
        editor.set_data(generate("spiral"))


def test_random_edit_sequence_undoes_to_the_start(env):
    doc, stack, editor, _ = env
    rng = np.random.default_rng(7)
    start = state(doc)
    for _ in range(120):
        action = rng.integers(8)
        cols = doc.n_columns
        if action == 0:
            editor.add_neuron(int(rng.integers(1, cols)))
        elif action == 1 and cols > 2:
            c = int(rng.integers(1, cols))
            editor.remove_units([doc.unit_ids[c][int(rng.integers(len(doc.unit_ids[c])))]])
        elif action == 2:
            editor.add_layer(int(rng.integers(0, cols - 1)), int(rng.integers(1, 5)))
        elif action == 3 and cols > 2:
            editor.remove_layer(doc.column_ids[int(rng.integers(1, cols - 1))])
        elif action == 4:
            name = ["x1", "x2", "x1_sq", "x2_sq", "x1x2", "sin_x1", "sin_x2"][int(rng.integers(7))]
            editor.set_feature(name, name not in doc.network.features)
        elif action == 5 and cols > 2:
            c = int(rng.integers(1, cols - 1))
            editor.set_activation(doc.column_ids[c], ["relu", "tanh", "maxout", "sigmoid"][int(rng.integers(4))])
        elif action == 6:
            c = int(rng.integers(1, cols))
            n_in = len(doc.unit_ids[c - 1])
            editor.set_weight(c, int(rng.integers(n_in)), 0, float(rng.normal()))
        elif action == 7 and stack.canUndo():
            stack.undo()
        assert [len(ids) for ids in doc.unit_ids] == doc.network.sizes
    while stack.canUndo():
        stack.undo()
    assert state(doc) == start


def test_document_model_imports_only_qtcore():
    code = (
        "import sys, gui.document, gui.maps; "
        "print(sorted(m for m in sys.modules if m.startswith('PySide6.Qt') and m != 'PySide6.QtCore'))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_new_data_fits_the_output_layer_in_one_undo_step(env):
    doc, stack, editor, errors = env
    before = state(doc)
    editor.set_data(generate("blobs", n_classes=4, seed=1))
    assert doc.network.sizes[-1] == 4 and doc.network.output_activation == "softmax"
    assert doc.training.loss == "sparse_cce"
    Trainer(doc.network.clone(), doc.dataset, doc.training).train_epochs(1)
    editor.set_data(generate("reg_plane", seed=1))
    assert doc.network.sizes[-1] == 1 and doc.network.output_activation == "linear"
    assert doc.training.loss == "mse"
    Trainer(doc.network.clone(), doc.dataset, doc.training).train_epochs(1)
    editor.set_data(generate("xor", seed=1))
    assert doc.network.sizes[-1] == 1 and doc.network.output_activation == "tanh"
    Trainer(doc.network.clone(), doc.dataset, doc.training).train_epochs(1)
    assert stack.count() == 3
    for _ in range(3):
        stack.undo()
    assert state(doc) == before
    assert errors == []
