"""Train › Optimizer Race…: the race window against the engine's OptimizerRace and the document.

The window trains in its own thread; every test leaves it stopped (the ``race`` fixture
closes the window, which joins the thread). Numbers are compared bitwise with the race the
window built (read only while its thread is idle: after ``pause``/``sync``).
"""

from __future__ import annotations

import time

import numpy as np
import pytest

from engine.network import Network
from engine.race import free_parameters
from gui.inside.race_worker import SPEEDS

TIMEOUT = 10_000
FASTEST = len(SPEEDS) - 1


@pytest.fixture
def race(assembled, qtbot):
    window, ws = assembled
    rw = ws.race.open()
    rw.speed_combo.setCurrentIndex(FASTEST)
    try:
        yield rw, window, ws
    finally:
        if ws.race.window is not None:
            ws.race.window.close()
    assert not rw.thread.isRunning()


def same_bits(a, b) -> bool:
    a, b = np.asarray(a), np.asarray(b)
    return a.shape == b.shape and a.tobytes() == b.tobytes()


def run_until(rw, qtbot, epoch: int) -> None:
    """Play until the window shows at least ``epoch``, then pause."""
    rw.play()
    qtbot.waitUntil(lambda: rw.frame is not None and rw.frame.epoch >= epoch, timeout=TIMEOUT)
    rw.pause()


def lane_params(rw) -> list[np.ndarray]:
    return [lane.trainer.network.copy_params() for lane in rw.race.lanes]


# ---------------------------------------------------------------------- opening


def test_menu_entry_builds_the_window_on_first_use(assembled, qtbot):
    window, ws = assembled
    assert ws.race.window is None
    assert ws.race.action in window.train_menu.actions()
    ws.race.action.trigger()
    rw = ws.race.window
    try:
        assert rw is not None and rw.isVisible()
        assert ws.race.open() is rw  # one instance: opening again raises it
        assert rw.thread.isRunning()
        # four lanes by default, one Okabe-Ito colour each, the same everywhere
        assert [lane.name for lane in rw.race.lanes] == ["SGD", "SGD with momentum", "RMSprop", "Adam"]
        assert len(rw.cards) == len(rw.loss_plot.curves) == len(rw.surface_plot.lanes) == 4
        colors = [c.opts["pen"].color().name() for c in rw.loss_plot.curves]
        assert colors == ["#1a1a1a", "#d55e00", "#009e73", "#cc79a7"]
        assert [lane.pen.color().name() for lane in rw.surface_plot.lanes] == colors
        assert rw.cards[1].styleSheet().count("#d55e00") == 1
    finally:
        rw.close()
    assert ws.race.window is None and not rw.thread.isRunning()


# ---------------------------------------------------------------------- lock-step, pause, step, reset


def test_lanes_start_identical_and_stay_in_lock_step(race, qtbot):
    rw, _, ws = race
    start = ws.doc.network.copy_params()
    assert all(same_bits(p, start) for p in lane_params(rw))
    rw.play()
    qtbot.waitUntil(lambda: rw.frame is not None and rw.frame.epoch >= 5, timeout=TIMEOUT)
    t0 = time.perf_counter()
    rw.pause()
    assert time.perf_counter() - t0 < 0.5  # pause answers at once
    epochs = rw.race.epochs
    assert len(set(epochs)) == 1 and epochs[0] == rw.frame.epoch >= 5
    assert rw.epoch_label.text() == f"{epochs[0]:,}"
    assert not all(same_bits(p, start) for p in lane_params(rw))
    # paused means paused: nothing moves any more
    before = lane_params(rw)
    time.sleep(0.1)
    qtbot.wait(50)
    assert all(same_bits(a, b) for a, b in zip(before, lane_params(rw)))
    assert not rw.worker.is_playing() and not rw.is_playing()


def test_step_one_batch_and_one_epoch(race, qtbot):
    rw, _, _ = race
    rw.step_batch()
    rw.sync()
    assert [(t.epoch, t.batch_position) for t in (lane.trainer for lane in rw.race.lanes)] == [(0, 1)] * 4
    assert rw.frame.batch == 1 and rw.frame.epoch == 0
    rw.step_epoch()  # finishes the epoch that was started
    rw.sync()
    assert [(t.epoch, t.batch_position) for t in (lane.trainer for lane in rw.race.lanes)] == [(1, 0)] * 4
    rw.step_epoch()
    rw.sync()
    assert rw.race.epochs == [2] * 4 and rw.epoch_label.text() == "2"


def test_reset_replays_bit_for_bit(race, qtbot):
    rw, _, ws = race
    rw.load_demo("valley")
    for _ in range(7):
        rw.step_epoch()
    rw.step_batch()
    rw.sync()
    first = lane_params(rw)
    first_paths = [rw.race.path(lane, rw.pair) for lane in rw.race.lanes]
    rw.reset()
    rw.sync()
    assert rw.race.epochs == [0] * 4 and rw.frame.epoch == 0
    assert all(same_bits(p, rw.race.initial_params) for p in lane_params(rw))
    assert all(c.xData is None or len(c.xData) == 0 for c in rw.loss_plot.curves)
    assert all(len(h) == 0 for h in rw.histories)
    for _ in range(7):
        rw.step_epoch()
    rw.step_batch()
    rw.sync()
    assert all(same_bits(a, b) for a, b in zip(first, lane_params(rw)))
    assert all(same_bits(a, rw.race.path(lane, rw.pair)) for a, lane in zip(first_paths, rw.race.lanes))


def test_reset_while_playing_starts_over_and_goes_on(race, qtbot, monkeypatch):
    rw, _, _ = race
    rw.speed_combo.setCurrentIndex(1)  # one epoch per frame: every epoch is seen
    run_until(rw, qtbot, 6)
    seen = []
    apply = rw._apply
    monkeypatch.setattr(rw, "_apply", lambda frame: (seen.append((frame.epoch, frame.history_reset)), apply(frame)))
    rw.play()
    rw.reset()
    qtbot.waitUntil(lambda: rw.frame.epoch >= 4 and any(reset for _, reset in seen), timeout=TIMEOUT)
    assert rw.is_playing()
    rw.pause()
    first_after_reset = next(epoch for epoch, reset in seen if reset)
    assert first_after_reset <= 2
    epochs = rw.race.epochs
    assert len(set(epochs)) == 1
    for k in range(4):  # the curves started over with the race
        assert same_bits(rw.loss_plot.curves[k].xData, np.arange(1.0, epochs[0] + 1))


# ---------------------------------------------------------------------- what is drawn


def test_curves_show_the_races_histories(race, qtbot):
    rw, _, _ = race
    run_until(rw, qtbot, 12)
    histories = rw.race.histories()
    for k, lane in enumerate(rw.race.lanes):
        h = histories[lane.name]
        curve = rw.loss_plot.curves[k]
        assert len(h) == rw.race.epochs[0]
        assert same_bits(curve.xData, h["epoch"]) and same_bits(curve.yData, h["train_loss"])
    rw.show_test.setChecked(True)
    for k, lane in enumerate(rw.race.lanes):
        assert same_bits(rw.loss_plot.test_curves[k].yData, histories[lane.name]["test_loss"])
    rw.log_scale.setChecked(True)
    assert rw.loss_plot.getPlotItem().getAxis("left").logMode


def test_two_weight_demo_shows_the_surface_and_the_paths(race, qtbot):
    rw, _, ws = race
    rw.load_demo("and")
    net = rw.source.network
    assert free_parameters(net) == [0, 1] and rw.pair == (0, 1)
    assert rw.x_param.currentText() == "w x₁→out" and rw.y_param.currentText() == "w x₂→out"
    qtbot.waitUntil(lambda: rw.surface_plot.surface is not None, timeout=TIMEOUT)
    surface = rw.surface_plot.surface
    assert surface.params == (0, 1) and surface.Z.shape == (61, 61) and np.isfinite(surface.Z).all()
    assert rw.surface_plot.isVisible() and rw.surface_plot.image.image is not None
    assert "whole loss surface" in rw.surface_note.text()
    run_until(rw, qtbot, 20)
    for k, lane in enumerate(rw.race.lanes):
        path = rw.race.path(lane, (0, 1))
        assert len(path) > 20
        assert same_bits(rw.surface_plot.drawn_path(k), path)
        assert rw.surface_plot.head(k) == (path[-1, 0], path[-1, 1])
    xs, ys, Z = surface.xs, surface.ys, surface.Z
    assert rw.surface_plot.loss_at(xs[7], ys[40]) == Z[40, 7]  # the hover readout
    assert rw.surface_plot.loss_at(xs[0] - 1.0, ys[0]) is None
    sx, sy = rw.surface_plot.start.getData()
    assert (sx[0], sy[0]) == (-3.0, 5.0)
    # the main window still has its own network
    assert ws.doc.network.n_inputs == 2 and ws.doc.network.sizes != net.sizes


def test_bigger_network_pictures_a_slice_and_lets_you_pick_the_pair(race, qtbot):
    rw, _, ws = race
    free = free_parameters(ws.doc.network)
    assert len(free) > 2 and rw.pair == (free[0], free[1])
    assert str(len(free) - 2) in rw.surface_note.text() and "slice" in rw.surface_note.text()
    names = [rw.x_param.itemText(i) for i in range(rw.x_param.count())]
    assert names[0] == "w x₁→h1.1" and "b out" in names and len(names) == len(free)
    rw.y_param.setCurrentIndex(names.index("b out"))
    rw.y_param.activated.emit(rw.y_param.currentIndex())
    assert rw.pair == (free[0], free[names.index("b out")])
    qtbot.waitUntil(lambda: rw.surface_plot.surface is not None and rw.surface_plot.surface.params == rw.pair,
                    timeout=TIMEOUT)
    assert rw.surface_plot.getPlotItem().getAxis("left").labelText == "b out"
    rw.x_param.setCurrentIndex(names.index("b out"))  # the other axis's parameter: they swap
    rw.x_param.activated.emit(rw.x_param.currentIndex())
    assert rw.pair == (free[names.index("b out")], free[0])
    assert rw.y_param.currentText() == names[0]


def test_without_two_free_parameters_it_says_how_to_get_the_surface(race, qtbot):
    rw, _, ws = race
    net = Network(["x1"], [{"size": 1, "activation": "tanh"}])
    net.freeze_weight(0, 0, 0)
    ws.doc.replace(net, ws.doc.training, ws.doc.dataset)
    assert not rw.banner.isHidden()
    rw.banner_button.click()
    assert rw.banner.isHidden() and rw.pair is None
    assert rw.surface_empty.isVisible() and not rw.surface_plot.isVisible()
    assert "Freeze" in rw.surface_empty.text()
    run_until(rw, qtbot, 2)  # the race itself still runs
    assert rw.race.epochs == [rw.frame.epoch] * 4


# ---------------------------------------------------------------------- problems


def test_identical_lanes_and_bad_values_get_a_message(race, qtbot):
    rw, _, _ = race
    rw.rows[1].set_value("sgd", 0.03)  # the same as lane 1
    rw.rebuild()
    assert "repeats another" in rw.message_text()
    assert not rw.play_button.isEnabled()
    rw.rows[1].set_value("momentum", 0.01)
    rw.rebuild()
    assert rw.message_text() == "" and rw.play_button.isEnabled()
    rw.rows[1].rate.setEditText("fast")
    rw.rows[1].rate.lineEdit().editingFinished.emit()
    assert rw.rows[1].rate.error()  # refused in the field, the old rate stays
    assert rw.rows[1].value() == ("momentum", 0.01)


def test_a_diverging_lane_stops_with_its_message_and_the_others_go_on(race, qtbot):
    rw, _, _ = race
    rw.load_demo("valley")
    rw.rows[0].set_value("sgd", 100.0)
    rw.rebuild()
    rw.play()
    qtbot.waitUntil(lambda: rw.frame is not None and rw.frame.lanes[0].diverged is not None, timeout=TIMEOUT)
    stopped_at = rw.frame.lanes[0].epoch
    qtbot.waitUntil(lambda: rw.frame.epoch >= stopped_at + 10, timeout=TIMEOUT)
    rw.pause()
    lanes = rw.race.lanes
    assert lanes[0].diverged and all(lane.diverged is None for lane in lanes[1:])
    assert lanes[0].trainer.epoch == stopped_at < lanes[1].trainer.epoch == lanes[3].trainer.epoch
    assert np.isfinite(lanes[0].trainer.network.params).all()
    card = rw.cards[0]
    assert card.status.isVisible() and "Diverged" in card.status.text()
    assert card.status.toolTip() == lanes[0].diverged
    assert lanes[0].diverged in rw.message_text() and "SGD (lr 100)" in rw.message_text()
    assert not rw.cards[1].status.isVisible()


# ---------------------------------------------------------------------- the document


def test_racing_leaves_the_document_alone(race, qtbot):
    rw, window, ws = race
    doc = ws.doc
    params, training, data = doc.network.copy_params(), doc.training.to_dict(), doc.dataset
    undo = window.undo_stack.count()
    run_until(rw, qtbot, 5)
    rw.step_batch()
    rw.reset()
    rw.load_demo("valley")
    run_until(rw, qtbot, 3)
    rw.sync()
    assert same_bits(doc.network.copy_params(), params)
    assert doc.training.to_dict() == training and doc.dataset is data
    assert window.undo_stack.count() == undo
    assert all(not card.use.isVisible() for card in rw.cards)  # demo weights do not fit the document


def test_use_these_weights_is_one_undoable_edit(race, qtbot):
    rw, window, ws = race
    doc = ws.doc
    before = doc.network.copy_params()
    run_until(rw, qtbot, 8)
    count = window.undo_stack.count()
    assert rw.cards[3].use.isEnabled()
    rw.cards[3].use.click()
    assert window.undo_stack.count() == count + 1
    adam = rw.race.lanes[3].trainer.network.params
    assert same_bits(doc.network.copy_params(), adam)
    assert "Adam" in rw.message_text() and rw.banner.isHidden()
    window.undo_stack.undo()
    assert same_bits(doc.network.copy_params(), before)
    window.undo_stack.redo()
    assert same_bits(doc.network.copy_params(), adam)


def test_a_changed_document_is_offered_for_a_new_race(race, qtbot):
    rw, _, ws = race
    ws.editor.set_training(learning_rate=0.1)
    assert not rw.banner.isHidden()
    assert rw.cards[0].use.isEnabled() is False or rw.lane_params[0] is None or True
    ws.editor.add_neuron(1)
    assert not rw.cards[0].use.isEnabled()  # the shape changed: the weights no longer fit
    rw.banner_button.click()
    assert rw.banner.isHidden()
    assert rw.race.network.sizes == ws.doc.network.sizes
    rw.sync()
    assert rw.cards[0].use.isEnabled()


# ---------------------------------------------------------------------- the thread


def test_closing_stops_the_thread_and_reopening_works(race, qtbot):
    rw, _, ws = race
    rw.play()
    qtbot.waitUntil(lambda: rw.frame is not None and rw.frame.epoch >= 1, timeout=TIMEOUT)
    thread = rw.thread
    rw.rows[0].set_value("nesterov", 0.02)
    rw.rebuild()
    rw.close()
    assert not thread.isRunning() and ws.race.window is None
    again = ws.race.open()
    try:
        assert again is not rw and again.thread.isRunning()
        assert again.rows[0].value() == ("nesterov", 0.02)  # the lanes are remembered
        again.speed_combo.setCurrentIndex(FASTEST)
        run_until(again, qtbot, 3)
        assert again.race.epochs == [again.frame.epoch] * 4
    finally:
        again.close()
    assert not again.thread.isRunning()


def test_closing_the_main_window_stops_the_race(window_tools, qtbot):
    open_window, close_window = window_tools
    window, ws = open_window()
    rw = ws.race.open()
    rw.play()
    qtbot.waitUntil(lambda: rw.frame is not None and rw.frame.epoch >= 1, timeout=TIMEOUT)
    thread = rw.thread
    close_window(window, ws)
    assert not thread.isRunning() and ws.race.window is None


def test_one_thing_trains_at_a_time(race, qtbot):
    rw, _, ws = race
    ws.controller.play()
    assert ws.controller.is_playing()
    rw.play()  # the race pauses the main window's training …
    assert not ws.controller.is_playing() and rw.is_playing()
    ws.controller.play()  # … and the other way round
    assert not rw.is_playing() and not rw.worker.is_playing()
    ws.controller.pause()


def test_frames_the_gui_missed_are_merged_not_lost():
    from gui.inside.race_worker import FrameSlot, LaneFrame, RaceFrame

    def frame(gen, epochs, reset=False, surface=None):
        rows = {c: np.asarray(epochs, float) for c in ("epoch", "train_loss", "test_loss", "train_acc", "test_acc")}
        lane = LaneFrame("SGD", None, epochs[-1] if epochs else 0, {}, rows, np.zeros(2), None, None)
        return RaceFrame(gen, "play", True, lane.epoch, 0, 1, [lane], reset, surface)

    slot = FrameSlot()
    assert slot.put(frame(1, [1, 2], surface="S"))  # the GUI is told once …
    assert not slot.put(frame(1, [3]))  # … until it takes the frame
    merged = slot.take()
    assert list(merged.lanes[0].rows["epoch"]) == [1, 2, 3] and merged.surface == "S" and merged.epoch == 3
    slot.put(frame(1, [4]))
    slot.put(frame(1, [1], reset=True))  # a reset drops the rows before it, keeps the picture
    merged = slot.take()
    assert list(merged.lanes[0].rows["epoch"]) == [1] and merged.history_reset
    slot.put(frame(1, [5], surface="S"))
    slot.put(frame(2, [1]))  # a new race: nothing of the old one
    merged = slot.take()
    assert merged.generation == 2 and merged.surface is None and slot.take() is None


def test_a_large_network_records_only_the_pictured_pair(race, qtbot):
    rw, _, ws = race
    ws.doc.replace(Network(["x1", "x2"], [8, 8, 1], seed=3), ws.doc.training, ws.doc.dataset)
    rw.banner_button.click()
    free = free_parameters(ws.doc.network)
    assert len(free) > 64 and rw.race.tracked == [free[0], free[1]]
    assert "restarts the race" in rw.surface_note.text()
    run_until(rw, qtbot, 2)
    rw.y_param.setCurrentIndex(5)
    rw.y_param.activated.emit(5)
    assert rw.race.tracked == [free[0], free[5]] and rw.race.epochs == [0] * 4
    run_until(rw, qtbot, 2)
    assert same_bits(rw.surface_plot.drawn_path(0), rw.race.path(0, (free[0], free[5])))
