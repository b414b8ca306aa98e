"""The training timeline (#7): recording on the training thread, the bar, previews of past
epochs, "Resume from here" as one undoable command that continues the original run bit
for bit, and what starts the timeline over."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest

from engine.datasets import generate
from engine.training import Trainer
from gui.training.worker import TIMELINE_CAPACITY, TIMELINE_MIN_CAPACITY, timeline_capacity

TIMEOUT = 20_000


def train(ws, qtbot, epochs: int) -> None:
    """Play until exactly ``epochs`` more epochs are done (Stop after N)."""
    c = ws.controller
    qtbot.waitUntil(lambda: c.last_snapshot is not None, timeout=TIMEOUT)
    start = c.last_snapshot.epoch
    c.set_stop_after(epochs)
    c.play()
    qtbot.waitUntil(lambda: not c.is_playing(), timeout=TIMEOUT)
    c.set_stop_after(None)
    assert c.last_snapshot.epoch == start + epochs


@pytest.fixture
def adam(assembled, qtbot):
    """The window with Adam and shuffling on (the hard case for exact resuming)."""
    window, ws = assembled
    assert ws.editor.set_training("Adam", optimizer="adam", learning_rate=0.01, shuffle=True)
    ws.controller.refresh()
    qtbot.waitUntil(lambda: ws.controller.worker.trainer.config.optimizer == "adam", timeout=TIMEOUT)
    return window, ws


def reference_run(ws, net0, epochs: int) -> list[np.ndarray]:
    """The same run in a bare engine Trainer: weights after each epoch (index = epoch)."""
    trainer = Trainer(net0, ws.doc.dataset, ws.doc.training)
    out = [trainer.network.copy_params()]
    for _ in range(epochs):
        trainer.train_epochs(1)
        out.append(trainer.network.copy_params())
    return out


def test_the_bar_lists_the_kept_epochs_after_training(adam, qtbot):
    window, ws = adam
    tl = ws.timeline
    assert tl.bar is None  # nothing built at start-up
    assert window.findChild(type(tl.action), "action_toggle_timeline") is tl.action
    train(ws, qtbot, 30)
    assert tl.kept_epochs() == list(range(31))  # every early epoch is kept
    assert tl.bar is not None and not tl.bar.isHidden() and tl.action.isChecked()
    slider = tl.bar.slider
    assert (slider.minimum(), slider.maximum(), slider.value()) == (0, 30, 30)
    assert "30" in tl.bar.label.text() and "31" in tl.bar.kept_label.text()
    assert not tl.bar.live_button.isEnabled() and not tl.bar.resume_button.isEnabled()

    # the user drags the slider: training pauses and that epoch is previewed
    slider.setValue(12)
    qtbot.waitUntil(lambda: tl.previewing == 12, timeout=TIMEOUT)
    assert tl.bar.live_button.isEnabled() and tl.bar.resume_button.isEnabled()
    assert "12" in tl.bar.label.text()
    # the keyboard: the focused slider keeps the arrows (the window's Right steps training)
    override = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier)
    assert slider.event(override) and override.isAccepted()
    QTest.keyClick(slider, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: tl.previewing == 11, timeout=TIMEOUT)
    assert ws.controller.last_snapshot.epoch == 30
    # back to the right end: the latest state again
    QTest.keyClick(slider, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: tl.previewing is None, timeout=TIMEOUT)
    assert slider.value() == slider.maximum()


def test_scrubbing_while_training_pauses_first(adam, qtbot):
    window, ws = adam
    tl, c = ws.timeline, ws.controller
    c.play()
    qtbot.waitUntil(lambda: tl.bar is not None and c.last_snapshot.epoch > 5, timeout=TIMEOUT)
    tl.bar.slider.sliderPressed.emit()  # the user grabs the handle
    assert not c.is_playing()
    live = c.last_snapshot.epoch
    tl.bar.slider.setValue(2)
    qtbot.waitUntil(lambda: tl.previewing == 2, timeout=TIMEOUT)
    assert not c.is_playing() and c.last_snapshot.epoch == live
    assert tl.kept_epochs()[-1] == live  # where training stopped is kept


def test_preview_shows_a_past_epoch_and_leaves_the_document_alone(adam, qtbot):
    window, ws = adam
    tl, doc, maps = ws.timeline, ws.doc, ws.maps
    net0 = doc.network.clone()
    train(ws, qtbot, 25)
    ref = reference_run(ws, net0, 25)
    live = doc.params()
    live_columns = [c.copy() for c in maps.columns]
    undo_count, undo_index = window.undo_stack.count(), window.undo_stack.index()
    changes = []
    doc.weights_changed.connect(changes.append)
    doc.structure_changed.connect(lambda: changes.append("structure"))

    assert tl.preview(8)
    assert np.array_equal(tl.recorder.state_at(8)[0], ref[8])  # the kept weights are the run's
    # the pictures are epoch 8's: the maps (thumbnails, decision region) …
    expected = net0.clone()
    expected.load_params(ref[8])
    columns = expected.grid(tuple(doc.dataset.extent), maps.resolution)
    assert maps.preview
    for got, want in zip(maps.columns, columns):
        np.testing.assert_allclose(got, want, rtol=0, atol=1e-6)
    assert not np.allclose(maps.columns[-1], live_columns[-1])
    assert ws.output_panel._shown[1].shape == columns[-1][0].shape
    np.testing.assert_allclose(ws.output_panel._shown[1], columns[-1][0], atol=1e-6)
    # … the edges (one weight per link, drawn from the copy's weights) …
    w8 = np.concatenate([L.W[:, :: L.k].ravel() for L in expected.layers])
    assert np.array_equal(ws.canvas.scene._w, w8)
    # … and the numbers, with the epoch marked on the loss plot
    assert ws.output_panel.metrics.epoch.text() == "8"
    metrics = tl.recorder.state_at(8)[1]
    assert ws.output_panel.metrics.train_loss.text() == f"{metrics['train_loss']:.4f}"
    assert tl._marker.isVisible() and tl._marker.value() == 8
    assert tl._badges and all(not b.isHidden() and "8" in b.text() for b in tl._badges)
    # the hover texts say epoch 8's weights and biases too
    from gui.canvas import labels

    scene = ws.canvas.scene
    neuron = scene.order[scene.sizes[0] + scene.sizes[1]]  # the first unit of the second hidden layer
    assert (neuron.column, neuron.index) == (2, 0)
    hover = scene.tooltip_at(neuron.sceneBoundingRect().center())
    assert labels.fmt(expected.bias(1, 0)) in hover and labels.fmt(doc.network.bias(1, 0)) not in hover
    assert f"w = {labels.fmt(expected.weight(1, 0, 0))}" in hover
    # the document did not change, and nothing went on the undo stack
    assert np.array_equal(doc.params(), live) and np.array_equal(doc.params(), ref[25])
    assert changes == []
    assert (window.undo_stack.count(), window.undo_stack.index()) == (undo_count, undo_index)

    # Live: the latest state again
    tl.bar.live_button.click()
    assert tl.previewing is None and not maps.preview
    for got, want in zip(maps.columns, live_columns):
        np.testing.assert_allclose(got, want, atol=1e-6)
    assert np.array_equal(ws.canvas.scene._w, np.concatenate([L.W[:, :: L.k].ravel() for L in doc.network.layers]))
    assert ws.output_panel.metrics.epoch.text() == "25"
    assert not tl._marker.isVisible() and all(b.isHidden() for b in tl._badges)
    assert labels.fmt(doc.network.bias(1, 0)) in scene.tooltip_at(neuron.sceneBoundingRect().center())


@pytest.mark.parametrize("how", ["edit", "play", "step"])
def test_editing_playing_or_stepping_ends_the_preview(adam, qtbot, how):
    window, ws = adam
    tl = ws.timeline
    train(ws, qtbot, 10)
    assert tl.preview(3)
    if how == "edit":
        ws.editor.set_bias(1, 0, 0.25)
        assert tl.previewing is None
        assert ws.doc.network.layers[0].b[0] == 0.25  # the edit is on the live weights
    elif how == "play":
        ws.controller.play()
        assert tl.previewing is None
        ws.controller.pause()
    else:
        ws.controller.step_epoch()
        qtbot.waitUntil(lambda: ws.controller.last_snapshot.epoch == 11, timeout=TIMEOUT)
        assert tl.previewing is None
    assert not ws.maps.preview


def test_resume_continues_the_original_run_bit_for_bit(adam, qtbot):
    """Resume from epoch E, train k more: exactly the original run's epoch E + k."""
    window, ws = adam
    tl, doc, c = ws.timeline, ws.doc, ws.controller
    net0 = doc.network.clone()
    train(ws, qtbot, 40)
    ref = reference_run(ws, net0, 40)
    assert np.array_equal(doc.params(), ref[40])  # the window trains as the engine does

    assert tl.preview(15)
    assert tl.bar.resume_button.isEnabled()
    tl.bar.resume_button.click()
    assert window.undo_stack.undoText() == "Go back to epoch 15"
    assert tl.previewing is None
    assert c.last_snapshot.epoch == 15 and c.worker.trainer.epoch == 15
    assert np.array_equal(doc.params(), ref[15])
    assert list(c.history["epoch"]) == list(range(1, 16))  # the curves go back too
    assert tl.kept_epochs() == list(range(16))  # the later snapshots are dropped: a new branch
    assert ws.output_panel.metrics.epoch.text() == "15"

    train(ws, qtbot, 10)
    assert np.array_equal(doc.params(), ref[25])  # bit for bit (shuffling, Adam)
    assert list(c.history["epoch"]) == list(range(1, 26))


def test_undo_and_redo_of_resume(adam, qtbot):
    window, ws = adam
    tl, doc, c = ws.timeline, ws.doc, ws.controller
    stack = window.undo_stack
    net0 = doc.network.clone()
    train(ws, qtbot, 30)
    ref = reference_run(ws, net0, 36)
    kept = tl.kept_epochs()
    history = np.array(c.history["train_loss"])

    assert tl.resume(10)
    assert (c.last_snapshot.epoch, len(c.history)) == (10, 10)
    assert np.array_equal(doc.params(), ref[10])

    stack.undo()  # back to epoch 30: weights, epoch, history, timeline, trainer
    assert c.last_snapshot.epoch == 30 and c.worker.trainer.epoch == 30
    assert np.array_equal(doc.params(), ref[30])
    assert np.array_equal(np.array(c.history["train_loss"]), history)
    assert tl.kept_epochs() == kept
    assert ws.output_panel.metrics.epoch.text() == "30"

    stack.redo()
    assert c.last_snapshot.epoch == 10 and np.array_equal(doc.params(), ref[10])
    stack.undo()
    # the trainer itself went back exactly (optimizer and shuffling state): the run goes on
    train(ws, qtbot, 6)
    assert np.array_equal(doc.params(), ref[36])


def test_reset_and_structure_changes_start_the_timeline_over(adam, qtbot):
    window, ws = adam
    tl, c = ws.timeline, ws.controller
    train(ws, qtbot, 12)
    assert tl.recorder.summary == (13, 12)
    c.reset()
    qtbot.waitUntil(lambda: c.last_snapshot.reason == "reset", timeout=TIMEOUT)
    assert tl.recorder.summary == (0, None) and tl.kept_epochs() == []
    assert not tl.bar.slider.isEnabled()

    train(ws, qtbot, 5)
    assert tl.kept_epochs() == list(range(6))
    assert tl.preview(2)
    assert ws.editor.add_neuron(1)  # a structural edit: another network, a new run
    assert tl.previewing is None
    qtbot.waitUntil(lambda: tl.recorder.summary == (0, None), timeout=TIMEOUT)
    train(ws, qtbot, 3)
    assert tl.kept_epochs() == [5, 6, 7, 8]  # (the epoch count goes on; the timeline starts there)


def test_memory_stays_bounded_over_a_long_run(assembled, qtbot):
    window, ws = assembled
    # a tiny data set: thousands of epochs in a moment
    assert ws.editor.set_data(generate("circle", n_points=20, seed=1))
    train(ws, qtbot, 3000)
    rec = ws.timeline.recorder
    kept = ws.timeline.kept_epochs()
    assert len(kept) <= rec.timeline.capacity == TIMELINE_CAPACITY
    assert kept[0] == 0 and kept[-1] == 3000  # the whole run is spanned, the end kept
    assert max(np.diff(kept)) <= 100  # spread over the whole run, never a big hole
    assert all(a < b for a, b in zip(kept, kept[1:]))
    assert ws.timeline.bar.slider.maximum() == len(kept) - 1
    # a network too large for 200 snapshots in the memory budget keeps fewer
    assert timeline_capacity(500) == TIMELINE_CAPACITY
    assert TIMELINE_MIN_CAPACITY <= timeline_capacity(2_000_000) < TIMELINE_CAPACITY


def test_view_menu_toggles_the_bar(assembled, qtbot):
    window, ws = assembled
    tl = ws.timeline
    tl.action.setChecked(True)  # before any training: an empty bar that says what to do
    assert tl.bar is not None and not tl.bar.isHidden()
    assert not tl.bar.slider.isEnabled() and tl.bar.label.text()
    tl.action.setChecked(False)
    assert tl.bar.isHidden()
    train(ws, qtbot, 3)
    assert tl.bar.isHidden()  # hidden by the user: it stays hidden


def test_go_back_undoes_in_a_window_rebuilt_in_another_language(window_tools, qtbot):
    """View › Language rebuilds the window around the same document and undo history:
    "Go back to epoch N" then undoes and redoes with the new window's trainer."""
    from PySide6.QtCore import QSettings

    from gui import i18n

    open_window, close_window = window_tools
    window, ws = open_window()
    last = (window, ws)
    try:
        assert ws.editor.set_training("Adam", optimizer="adam", learning_rate=0.01, shuffle=True)
        net0 = ws.doc.network.clone()
        train(ws, qtbot, 20)
        ref = reference_run(ws, net0, 26)
        assert ws.timeline.resume(5)
        new, new_ws = last = ws.language.choose("es")
        assert new_ws.timeline is not ws.timeline
        new.undo_stack.undo()
        assert new_ws.controller.last_snapshot.epoch == 20
        assert np.array_equal(new_ws.doc.params(), ref[20])
        assert new_ws.timeline.kept_epochs() == list(range(21))
        train(new_ws, qtbot, 6)  # the optimizer and shuffling state came back with it
        assert np.array_equal(new_ws.doc.params(), ref[26])
        new.undo_stack.redo()
        assert new_ws.controller.last_snapshot.epoch == 5
        assert np.array_equal(new_ws.doc.params(), ref[5])
    finally:
        close_window(*last)
        i18n.install_language("en")
        QSettings().remove(i18n.SETTINGS_KEY)


def test_undo_when_the_trainer_cannot_take_it_still_puts_the_weights_back(adam, qtbot, monkeypatch):
    window, ws = adam
    train(ws, qtbot, 12)
    latest = ws.doc.params()
    assert ws.timeline.resume(4)
    messages = []
    ws.editor.error.connect(messages.append)

    def refuse(fn, timeout=10.0):
        raise TimeoutError("the training thread did not answer")

    monkeypatch.setattr(ws.controller, "rewind", refuse)
    window.undo_stack.undo()  # no traceback: the document goes back, and the user is told
    assert np.array_equal(ws.doc.params(), latest)
    assert messages and "12" in messages[-1]
    window.undo_stack.redo()  # cannot happen now: dropped from the history, with a message
    assert "did not answer" in messages[-1]
    assert window.undo_stack.count() == 1 and window.undo_stack.undoText() == "Adam"


def test_a_very_narrow_bar_keeps_its_buttons_words(qtbot):
    """Large presentation text beside the panels: the epoch label gives way, not the buttons."""
    from PySide6.QtGui import QFontMetrics

    from gui.inside.timeline_bar import TimelineBar

    bar = TimelineBar()
    qtbot.addWidget(bar)
    bar.resize(1200, 80)
    bar.show()
    qtbot.waitExposed(bar)
    assert bar.label.isVisible()
    bar.resize(bar._short_width() - 40, 90)
    qtbot.waitUntil(lambda: not bar.label.isVisible(), timeout=2000)

    def words_fit():
        return all(b.width() >= QFontMetrics(b.font()).horizontalAdvance(b.text())
                   for b in (bar.live_button, bar.resume_button))

    qtbot.waitUntil(words_fit, timeout=2000)
    bar.resize(1200, 80)
    qtbot.waitUntil(bar.label.isVisible, timeout=2000)
