"""Live training: the worker thread and its controller, against the engine and the document.

Every test joins the worker thread in the ``lab`` fixture's ``finally``. Weights are
compared bitwise with what an engine ``Trainer`` computes from the same state.
"""

from __future__ import annotations

import copy
import os
import random
from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtGui import QUndoStack

from engine.datasets import generate
from engine.network import Network
from engine.training import Trainer, TrainingConfig
from gui.document import Document
from gui.editor import DocumentEditor
from gui.maps import NeuronMaps
from gui.toolbar import TrainingToolbar
from gui.training import SPEEDS, TrainingController, connect_toolbar

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

TIMEOUT = 5000


@pytest.fixture
def lab(qtbot):
    doc = Document()
    maps = NeuronMaps(doc)
    stack = QUndoStack()
    editor = DocumentEditor(doc, stack)
    controller = TrainingController(doc, maps)
    snaps, problems, stops = [], [], []
    controller.snapshot.connect(snaps.append)
    controller.problem.connect(problems.append)
    controller.stopped.connect(stops.append)
    try:
        yield SimpleNamespace(doc=doc, maps=maps, stack=stack, editor=editor, c=controller,
                              w=controller.worker, snaps=snaps, problems=problems, stops=stops)
    finally:
        controller.shutdown()
    assert not controller.thread.isRunning()


def same_bits(a: np.ndarray, b: np.ndarray) -> bool:
    return a.shape == b.shape and a.tobytes() == b.tobytes()


def epoch(lab) -> int:
    return lab.c.last_snapshot.epoch if lab.c.last_snapshot else 0


def wait_settled(lab, qtbot) -> None:
    """Until every change was sent, the worker applied it and its snapshot was taken."""
    qtbot.wait(20)
    qtbot.waitUntil(lambda: not lab.c._dirty and not lab.w.mailbox and lab.w.is_idle() and lab.w.slot.empty(),
                    timeout=TIMEOUT)


def reference_trainer(doc) -> Trainer:
    return Trainer(doc.network.clone(), doc.dataset, copy.deepcopy(doc.training))


# ---------------------------------------------------------------------- play / pause
def test_play_delivers_snapshots_and_epochs_grow(lab, qtbot):
    with qtbot.waitSignal(lab.c.playing_changed, timeout=TIMEOUT) as blocker:
        lab.c.play()
    assert blocker.args == [True] and lab.c.is_playing()
    qtbot.waitUntil(lambda: epoch(lab) > 5, timeout=TIMEOUT)
    first = epoch(lab)
    qtbot.waitUntil(lambda: epoch(lab) > first, timeout=TIMEOUT)
    snap = lab.c.last_snapshot
    assert snap.playing and snap.params.shape == lab.doc.network.params.shape
    assert [c.shape[0] for c in snap.columns] == lab.doc.network.sizes
    assert set(snap.metrics) == {"train_loss", "test_loss", "train_acc", "test_acc"}
    # history rows arrive once each, in order, without gaps
    rows = np.concatenate([s.history["epoch"] for s in lab.snaps])
    assert np.array_equal(rows, np.arange(1, len(rows) + 1))


def test_pause_gives_the_document_the_workers_weights(lab, qtbot):
    lab.c.play()
    qtbot.waitUntil(lambda: epoch(lab) > 10, timeout=TIMEOUT)
    lab.c.pause()
    assert not lab.c.is_playing()
    trainer = lab.w.trainer
    assert lab.c.last_snapshot.epoch == trainer.epoch
    assert same_bits(lab.doc.network.params, trainer.network.params)
    before = trainer.epoch
    qtbot.wait(100)
    assert trainer.epoch == before and lab.c.last_snapshot.epoch == before


def test_step_epoch_equals_the_engine(lab, qtbot):
    ref = reference_trainer(lab.doc)
    ref.train_epochs(1)
    with qtbot.waitSignal(lab.c.snapshot, timeout=TIMEOUT, check_params_cb=lambda s: s.reason == "step"):
        lab.c.step_epoch()
    assert lab.c.last_snapshot.epoch == 1
    assert same_bits(lab.doc.network.params, ref.network.params)


def test_step_after_play_equals_the_engine(lab, qtbot):
    # without shuffling (from the start) and with SGD, the trainer's state is its weights
    lab.editor.set_training(shuffle=False)
    lab.c.play()
    qtbot.waitUntil(lambda: epoch(lab) > 20, timeout=TIMEOUT)
    lab.c.pause()
    ref = reference_trainer(lab.doc)
    ref.train_epochs(1)
    before = epoch(lab)
    with qtbot.waitSignal(lab.c.snapshot, timeout=TIMEOUT, check_params_cb=lambda s: s.reason == "step"):
        lab.c.step_epoch()
    assert epoch(lab) == before + 1
    assert same_bits(lab.doc.network.params, ref.network.params)


def test_step_batch_advances_one_batch(lab, qtbot):
    ref = reference_trainer(lab.doc)
    for n in (1, 2):
        ref.step(1)
        with qtbot.waitSignal(lab.c.snapshot, timeout=TIMEOUT, check_params_cb=lambda s: s.reason == "step"):
            lab.c.step_batch()
        snap = lab.c.last_snapshot
        assert (snap.epoch, snap.batch) == (0, n)
        assert snap.batches_per_epoch == ref.batches_per_epoch
        assert same_bits(lab.doc.network.params, ref.network.params)


def test_step_while_playing_pauses_first(lab, qtbot):
    lab.c.play()
    qtbot.waitUntil(lambda: epoch(lab) > 3, timeout=TIMEOUT)
    lab.c.step_epoch()
    assert not lab.c.is_playing()
    # the epoch training paused at: pause() applied the worker's final snapshot, and the
    # step's own snapshot can only be applied once the event loop runs again (reading the
    # trainer here instead raced with the training thread taking the step)
    before = lab.c.last_snapshot.epoch
    qtbot.waitUntil(lambda: lab.c.last_snapshot.reason == "step", timeout=TIMEOUT)
    assert epoch(lab) == before + 1


@pytest.mark.parametrize("new_seed", [False, True])
def test_reset_restarts_from_a_fresh_init(lab, qtbot, new_seed):
    lab.c.play()
    qtbot.waitUntil(lambda: epoch(lab) > 10, timeout=TIMEOUT)
    old_seed = lab.doc.network.seed
    lab.c.reset(new_seed=new_seed)
    assert not lab.c.is_playing()
    qtbot.waitUntil(lambda: lab.c.last_snapshot.reason == "reset", timeout=TIMEOUT)
    snap = lab.c.last_snapshot
    assert snap.epoch == 0 and snap.history_reset
    seed = lab.doc.network.seed
    assert (seed != old_seed) == new_seed
    fresh = Network.from_dict(lab.doc.network.to_dict(include_weights=False))
    assert fresh.seed == seed
    assert same_bits(lab.doc.network.params, fresh.params)
    assert same_bits(lab.w.trainer.network.params, fresh.params)
    assert lab.w.trainer.epoch == 0 and len(lab.w.trainer.history) == 0
    # and training restarts exactly as a new engine trainer would
    ref = reference_trainer(lab.doc)
    ref.train_epochs(1)
    with qtbot.waitSignal(lab.c.snapshot, timeout=TIMEOUT, check_params_cb=lambda s: s.reason == "step"):
        lab.c.step_epoch()
    assert same_bits(lab.doc.network.params, ref.network.params)


def test_stop_after_and_progress(lab, qtbot):
    progress = []
    lab.c.progress.connect(lambda done, total: progress.append((done, total)))
    lab.c.set_stop_after(40)
    with qtbot.waitSignal(lab.c.stopped, timeout=TIMEOUT) as blocker:
        lab.c.play()
    assert blocker.args == ["stop_after"]
    qtbot.waitUntil(lambda: not lab.c.is_playing(), timeout=TIMEOUT)
    assert epoch(lab) == lab.w.trainer.epoch == 40
    assert progress[-1] == (40, 40)
    assert same_bits(lab.doc.network.params, lab.w.trainer.network.params)


def test_slowest_speed_shows_every_epoch(lab, qtbot):
    assert SPEEDS[0][1] == 1
    lab.c.set_speed(0)
    lab.c.set_snapshot_rate(60)
    lab.c.play()
    qtbot.waitUntil(lambda: epoch(lab) >= 6, timeout=TIMEOUT)
    lab.c.pause()
    played = [s.epoch for s in lab.snaps if s.playing]
    assert played[:6] == [1, 2, 3, 4, 5, 6]


# ---------------------------------------------------------------------- live changes
def test_settings_change_while_playing(lab, qtbot):
    lab.c.play()
    qtbot.waitUntil(lambda: epoch(lab) > 3, timeout=TIMEOUT)
    assert lab.editor.set_training(learning_rate=0.1, optimizer="adam", batch_size=25)
    qtbot.waitUntil(lambda: lab.w.trainer.config.optimizer == "adam", timeout=TIMEOUT)
    cfg = lab.w.trainer.config
    assert (cfg.learning_rate, cfg.batch_size) == (0.1, 25)
    assert type(lab.w.trainer.optimizer).__name__.lower().startswith("adam")
    assert lab.w.trainer.batches_per_epoch == 10  # 250 training points
    before = epoch(lab)
    qtbot.waitUntil(lambda: epoch(lab) > before + 3, timeout=TIMEOUT)
    assert lab.c.is_playing()


def test_structural_edits_while_playing(lab, qtbot):
    lab.c.play()
    qtbot.waitUntil(lambda: epoch(lab) > 3, timeout=TIMEOUT)
    assert lab.editor.add_neuron(1)
    assert lab.editor.add_layer(size=3)
    assert lab.editor.set_feature("x1x2", True)
    assert lab.editor.set_activation(lab.doc.column_ids[1], "relu")
    size = lab.doc.network.params.size
    qtbot.waitUntil(lambda: lab.c.last_snapshot.params is not None
                    and lab.c.last_snapshot.params.size == size, timeout=TIMEOUT)
    assert lab.c.is_playing()
    lab.c.pause()
    worker_net = lab.w.trainer.network
    ours, theirs = lab.doc.network.to_dict(), worker_net.to_dict()
    assert ours["layers"] == theirs["layers"] and ours["features"] == theirs["features"]
    assert same_bits(lab.doc.network.params, worker_net.params)
    assert worker_net is not lab.doc.network


def test_user_weight_edit_and_removed_connection_reach_the_worker(lab, qtbot):
    lab.c.play()
    qtbot.waitUntil(lambda: epoch(lab) > 3, timeout=TIMEOUT)
    assert lab.editor.set_connection_removed(1, 0, 0, True)
    lab.c.pause()
    assert lab.w.trainer.network.is_removed(0, 0, 0)
    assert lab.doc.network.weight(0, 0, 0) == lab.w.trainer.network.weight(0, 0, 0)
    assert lab.editor.set_weight(1, 1, 0, 0.25)
    wait_settled(lab, qtbot)
    assert lab.w.trainer.network.weight(0, 1, 0) == 0.25
    with qtbot.waitSignal(lab.c.snapshot, timeout=TIMEOUT, check_params_cb=lambda s: s.reason == "step"):
        lab.c.step_epoch()
    assert lab.doc.network.get_weights()[0][0][0, 0] == 0.0  # still removed after training
    assert same_bits(lab.doc.network.params, lab.w.trainer.network.params)


def test_divergence_pauses_with_a_message_and_finite_weights(lab, qtbot):
    net = Network(["x1", "x2"], [{"size": 1, "activation": "linear"}], seed=0)
    lab.doc.replace(net, TrainingConfig(learning_rate=1e3), generate("reg_plane"))
    lab.c.reload()
    with qtbot.waitSignal(lab.c.problem, timeout=TIMEOUT) as blocker:
        lab.c.play()
    assert "diverged" in blocker.args[0] and "learning rate" in blocker.args[0]
    qtbot.waitUntil(lambda: not lab.c.is_playing(), timeout=TIMEOUT)
    assert lab.stops[-1] == "diverged"
    assert np.isfinite(lab.doc.network.params).all()
    assert same_bits(lab.doc.network.params, lab.w.trainer.network.params)
    # a smaller learning rate trains on
    lab.editor.set_training(learning_rate=0.01)
    lab.c.play()
    before = epoch(lab)
    qtbot.waitUntil(lambda: epoch(lab) > before + 5, timeout=TIMEOUT)
    lab.c.pause()
    assert np.isfinite(lab.doc.network.params).all()


def test_invalid_configuration_reports_and_recovers(lab, qtbot):
    # straight into the document: the editor would also fit the output layer to the data
    with qtbot.waitSignal(lab.c.problem, timeout=TIMEOUT) as blocker:
        lab.doc.set_dataset(generate("blobs"))
    assert "3 classes" in blocker.args[0]
    assert lab.c.problem_text
    with qtbot.waitSignal(lab.c.problem, timeout=TIMEOUT):
        lab.c.play()  # refused with the message again
    qtbot.waitUntil(lambda: not lab.c.is_playing(), timeout=TIMEOUT)
    assert lab.stops[-1] == "invalid"
    out = lab.doc.n_columns - 1
    with qtbot.waitSignal(lab.c.problem_cleared, timeout=TIMEOUT):
        lab.editor.add_neuron(out)
        lab.editor.add_neuron(out)
    assert lab.c.problem_text is None
    lab.c.play()
    qtbot.waitUntil(lambda: epoch(lab) > 5 and lab.c.last_snapshot.params is not None, timeout=TIMEOUT)
    lab.c.pause()
    assert lab.w.trainer.network.n_outputs == 3
    assert same_bits(lab.doc.network.params, lab.w.trainer.network.params)


def test_early_stopping_without_test_data_is_a_problem(lab, qtbot):
    lab.editor.set_data(generate("circle", train_ratio=1.0))
    with qtbot.waitSignal(lab.c.problem, timeout=TIMEOUT) as blocker:
        lab.editor.set_training(early_stopping=True)
    assert "test data" in blocker.args[0]
    with qtbot.waitSignal(lab.c.problem_cleared, timeout=TIMEOUT):
        lab.editor.set_training(early_stopping=False)


# ---------------------------------------------------------------------- the top bar
def test_toolbar_wiring(lab, qtbot):
    bar = TrainingToolbar()
    qtbot.addWidget(bar)
    connect_toolbar(lab.c, bar, lab.editor)
    bar.learning_rate_combo.set_value(0.1)
    bar._user_changed("learning_rate", 0.1)
    assert lab.doc.training.learning_rate == 0.1
    bar._user_changed("regularization_rate", 0.01)  # no kind chosen yet: nothing to set
    assert (lab.doc.training.l1, lab.doc.training.l2) == (0.0, 0.0)
    bar._user_changed("regularization", "l2")
    assert (lab.doc.training.l1, lab.doc.training.l2) == (0.0, 0.01)
    bar._user_changed("regularization", "l1")
    assert (lab.doc.training.l1, lab.doc.training.l2) == (0.01, 0.0)
    lab.stack.undo()  # both regularization edits merged into one undo step
    assert (lab.doc.training.l1, lab.doc.training.l2) == (0.0, 0.0)
    assert bar.settings()["regularization"] == "none"
    lab.editor.set_training(optimizer="adam", batch_size=30)
    assert bar.settings()["optimizer"] == "adam" and bar.settings()["batch_size"] == 30
    with qtbot.waitSignal(lab.c.playing_changed, timeout=TIMEOUT):
        bar.toggle_play()
    assert lab.c.is_playing()
    qtbot.waitUntil(lambda: bar.epoch() > 3, timeout=TIMEOUT)
    bar.toggle_play()
    assert not lab.c.is_playing() and not bar.is_playing()
    assert bar.epoch() == lab.w.trainer.epoch


# ---------------------------------------------------------------------- robustness
def test_shutdown_is_idempotent(lab, qtbot):
    lab.c.play()
    qtbot.waitUntil(lambda: epoch(lab) > 1, timeout=TIMEOUT)
    lab.c.shutdown()
    lab.c.shutdown()
    assert not lab.c.thread.isRunning()
    assert same_bits(lab.doc.network.params, lab.w.trainer.network.params)
    lab.c.play()  # does nothing once shut down
    assert not lab.c.is_playing()


DATASETS = ["circle", "xor", "gauss", "spiral", "reg_plane", "blobs", "and"]
FEATURES = ["x1", "x2", "x1_sq", "x2_sq", "x1x2", "sin_x1", "sin_x2"]


def random_edit(rng: random.Random, lab) -> None:
    doc, ed, c = lab.doc, lab.editor, lab.c
    hidden = list(range(1, doc.n_columns - 1))
    op = rng.choice(["add_neuron", "add_neuron", "remove_neuron", "add_layer", "remove_layer",
                     "activation", "optimizer", "learning_rate", "batch_size", "data", "feature",
                     "reset", "play", "play", "pause", "step", "undo", "redo"])
    if op == "add_neuron" and hidden:
        column = rng.choice(hidden)
        if len(doc.unit_ids[column]) < 8:
            ed.add_neuron(column)
    elif op == "remove_neuron" and hidden:
        column = rng.choice(hidden + [doc.n_columns - 1])
        ed.remove_units([rng.choice(doc.unit_ids[column])])
    elif op == "add_layer" and len(hidden) < 5:
        ed.add_layer(rng.randint(1, len(hidden)) if hidden else None, size=rng.randint(1, 4))
    elif op == "remove_layer" and hidden:
        ed.remove_layer(doc.column_ids[rng.choice(hidden)])
    elif op == "activation" and hidden:
        ed.set_activation(doc.column_ids[rng.choice(hidden)], rng.choice(["tanh", "relu", "sigmoid", "linear"]))
    elif op == "optimizer":
        ed.set_training(optimizer=rng.choice(["sgd", "momentum", "adam", "rmsprop"]))
    elif op == "learning_rate":
        ed.set_training(learning_rate=rng.choice([0.003, 0.01, 0.03, 0.1]))
    elif op == "batch_size":
        ed.set_training(batch_size=rng.choice([1, 5, 10, 30]))
    elif op == "data":
        name = rng.choice(DATASETS)
        extra = {"variant": "cloud"} if name == "and" else {}
        data = generate(name, n_points=rng.choice([100, 300]), seed=rng.randint(0, 9), **extra)
        # mostly through the editor (which fits the output layer), sometimes raw: invalid
        ed.set_data(data) if rng.random() < 0.7 else doc.set_dataset(data)
    elif op == "feature":
        ed.set_feature(rng.choice(FEATURES), rng.random() < 0.6)
    elif op == "reset":
        c.reset(new_seed=rng.random() < 0.5)
    elif op == "play":
        c.play()
    elif op == "pause":
        c.pause()
    elif op == "step":
        (c.step_epoch if rng.random() < 0.5 else c.step_batch)()
    elif op == "undo":
        lab.stack.undo()
    elif op == "redo":
        lab.stack.redo()


def test_stress_random_edits_while_training(lab, qtbot):
    rng = random.Random(int(os.environ.get("NEURONA_STRESS_SEED", "1234")))  # override to hunt
    errors = []
    lab.editor.error.connect(errors.append)  # refused edits are fine; exceptions are not
    with qtbot.captureExceptions() as exceptions:
        lab.c.play()
        for _ in range(200):
            random_edit(rng, lab)
            qtbot.wait(rng.choice([0, 1, 5, 15]))
        lab.c.pause()
        wait_settled(lab, qtbot)
    assert not exceptions, exceptions
    assert not [p for p in lab.problems if "internal error" in p]
    doc, w = lab.doc, lab.w
    assert w._net.to_dict() == doc.network.to_dict()
    assert w._data is doc.dataset and w._config == doc.training
    if lab.c.problem_text is None:
        assert w.trainer.network is w._net and w.trainer.dataset is doc.dataset
        assert same_bits(doc.network.params, w.trainer.network.params)
        with qtbot.waitSignal(lab.c.snapshot, timeout=TIMEOUT, check_params_cb=lambda s: s.reason == "step"):
            lab.c.step_epoch()
        assert same_bits(doc.network.params, w.trainer.network.params)


# ---------------------------------------------------------------------- the GUI frame budget
def test_a_frame_that_never_ends_does_not_stop_training(lab, qtbot):
    """The worker stands aside while the GUI draws, but never longer than GUI_FRAME_MAX."""
    lab.c.play()
    qtbot.waitUntil(lambda: epoch(lab) > 2, timeout=TIMEOUT)
    lab.c._frame_finished()
    lab.w.gui_frame_started()  # and never gui_frame_finished: a window that never repaints
    start = lab.w.trainer.epoch
    qtbot.waitUntil(lambda: lab.w.trainer.epoch > start + 20, timeout=TIMEOUT)


def test_a_watched_window_that_never_repaints_does_not_stop_training(lab, qtbot):
    from PySide6.QtWidgets import QWidget

    hidden = QWidget()  # never shown: no UpdateRequest ever ends a frame
    qtbot.addWidget(hidden)
    lab.c.watch_repaints(hidden)
    lab.c.play()
    qtbot.waitUntil(lambda: epoch(lab) > 50, timeout=TIMEOUT)
    assert lab.c._watching_idle or not lab.w._gui_busy.is_set()
    lab.c.pause()
    assert not lab.w._gui_busy.is_set()  # pausing ends the frame


def test_frames_end_once_the_watched_window_has_repainted(lab, qtbot):
    from PySide6.QtWidgets import QLabel

    shown = QLabel("frame")
    qtbot.addWidget(shown)
    lab.c.snapshot.connect(lambda snap: shown.setText(f"epoch {snap.epoch}"))  # a view that repaints
    with qtbot.waitExposed(shown):
        shown.show()
    lab.c.watch_repaints(shown)
    ends = []
    drawing = {"snapshot": False}  # a frame draws when it took a snapshot of training
    original_take, original_finished = lab.w.take_snapshot, lab.w.gui_frame_finished

    def take():
        snap = original_take()
        if snap is not None and snap.playing:
            drawing["snapshot"] = True  # (until the frame ends: a later empty turn must not end it early)
        return snap

    def finished():
        # (a frame that found no snapshot of training to draw — a stale one from before
        # Play, or none because an earlier turn took it — ends at once, as it should)
        if drawing["snapshot"]:
            ends.append(lab.c._repaint_seen)
        drawing["snapshot"] = False
        original_finished()

    lab.w.take_snapshot, lab.w.gui_frame_finished = take, finished
    lab.c.play()
    qtbot.waitUntil(lambda: len(ends) >= 5, timeout=TIMEOUT)
    lab.c.pause()
    assert all(ends[:5])  # each frame ended after the window's repaint, not before


def test_loss_plot_redraws_inside_frames_and_shows_the_last_history(qtbot):
    from gui.panels.plots import LossPlot

    plot = LossPlot()
    qtbot.addWidget(plot)
    draws = []
    original = plot._draw_history
    plot._draw_history = lambda: (draws.append(len(plot._last[0])), original())
    epochs = np.arange(1.0, 2001.0)
    loss = 1.0 / epochs
    for n in range(100, 2001, 100):  # twenty snapshots in quick succession
        plot.set_history(epochs[:n], loss[:n], loss[:n])
    assert draws == [100]  # the first at once, the rest waits for REDRAW_MS
    qtbot.waitUntil(lambda: draws[-1] == 2000, timeout=1000)  # ... and then shows the last
    assert len(draws) == 2
    assert plot.getPlotItem().getViewBox().autoRangeEnabled() == [False, False]
    lo, hi = plot.getPlotItem().getViewBox().viewRange()[1]
    assert lo <= 0.0 and 1.0 <= hi <= 1.1  # stepped range over the whole curve
    assert plot.train_loss.opts["autoDownsampleFactor"] <= 1.0


def test_loss_range_steps():
    from gui.panels.plots import loss_range

    assert loss_range([np.array([0.42, 0.1]), np.array([np.nan, 0.2])], log=False) == (0.0, 0.5)
    assert loss_range([np.array([0.61, np.inf])], log=False) == (0.0, 0.8)
    assert loss_range([np.array([3.0])], log=False) == (0.0, 3.0)
    assert loss_range([], log=False) == (0.0, 1.0)
    assert loss_range([np.array([np.nan])], log=False) == (0.0, 1.0)
    assert loss_range([np.array([0.5, 0.002])], log=True) == (-3.0, 0.0)
    assert loss_range([np.array([0.0, -1.0])], log=True) == (-3.0, 0.0)
    assert loss_range([np.array([0.1])], log=True) == (-1.0, -0.5)


def test_a_live_canvas_frame_paints_no_neuron_one_by_one(qtbot, monkeypatch):
    """Thumbnails and bias markers of all neurons are two paints, not one per neuron."""
    from gui.canvas import NetworkCanvas
    from gui.canvas.items import NeuronItem, UnitLayer

    painted = []

    def counting(original):
        def paint(self, *args):
            painted.append(type(self).__name__)
            return original(self, *args)
        return paint

    for cls in (NeuronItem, UnitLayer):  # (before the items exist: PySide binds overrides early)
        monkeypatch.setattr(cls, "paint", counting(cls.paint))
    doc = Document()
    doc.replace(Network(("x1", "x2", "x1_sq"), [8, 8, 1], seed=0), doc.training, doc.dataset)
    maps = NeuronMaps(doc)
    canvas = NetworkCanvas(doc, DocumentEditor(doc, QUndoStack()), maps)
    qtbot.addWidget(canvas)
    canvas.resize(1000, 700)
    with qtbot.waitExposed(canvas):
        canvas.show()
    maps.set_training(True)
    canvas.view.viewport().repaint()
    assert "NeuronItem" in painted  # the first picture draws the neurons' frames
    painted.clear()
    rng = np.random.default_rng(0)
    columns = doc.network.grid(doc.dataset.extent, maps.resolution)
    for _ in range(3):
        doc.set_params(rng.normal(size=doc.network.params.size), "training")
        maps.set_live([c * np.float32(rng.uniform(0.5, 1)) for c in columns], doc.dataset.extent)
        canvas.view.viewport().repaint()
    assert "NeuronItem" not in painted
    assert painted.count("UnitLayer") == 6  # thumbnails and bias markers, three frames


def test_a_live_label_repaints_without_re_laying_out_the_window(qtbot):
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

    from gui.live_label import LiveLabel

    class LayoutRequests(QObject):
        count = 0

        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.LayoutRequest:
                self.count += 1
            return False

    boxes = []

    def requests_after_updates(label) -> int:
        box = QWidget()
        boxes.append(box)
        qtbot.addWidget(box)
        QHBoxLayout(box).addWidget(label)
        with qtbot.waitExposed(box):
            box.show()
        qtbot.wait(10)
        counter = LayoutRequests()
        box.installEventFilter(counter)
        for epoch in range(1, 2000, 97):
            label.setText(f"{epoch:,}")
            qtbot.wait(1)
        return counter.count

    assert requests_after_updates(QLabel("0")) > 0  # what a QLabel does
    live = LiveLabel("0", sample="000,000")
    assert requests_after_updates(live) == 0
    assert live.text() == "1,941"
    assert live.sizeHint().width() >= live.fontMetrics().horizontalAdvance("000,000")
