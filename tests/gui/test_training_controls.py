"""The training controls of the window: speed, stop after N epochs, reset with a new seed,
the Train menu and its shortcuts.

Each test drives the assembled window (``build_workspace``) the way a user does — the top
bar, the Train menu, the status bar — and checks what reaches the training worker. Worker
threads are joined in the fixture's ``finally``.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget

from engine.network import Network
from gui.app import create_application
from gui.main_window import MainWindow
from gui.toolbar import speed_short_label
from gui.training import SPEEDS
from gui.training.worker import FASTEST
from gui.workspace import build_workspace

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

TIMEOUT = 5000
TRAIN_ACTIONS = {  # object name → (menu text, shortcut)
    "play": ("Play / Pause", "Space"),
    "step": ("Step One Epoch", "Right"),
    "step_batch": ("Step One Batch", "Shift+Right"),
    "reset": ("Reset", "R"),
    "reset_new_seed": ("Reset with New Seed", "Shift+R"),
}


@pytest.fixture
def win(qapp, qtbot):
    create_application()
    window = MainWindow(persist_settings=False)
    qtbot.addWidget(window)
    ws = build_workspace(window)
    snaps, stops, progress = [], [], []
    ws.controller.snapshot.connect(snaps.append)
    ws.controller.stopped.connect(stops.append)
    ws.controller.progress.connect(lambda done, total: progress.append((done, total)))
    try:
        yield SimpleNamespace(window=window, ws=ws, c=ws.controller, tb=window.toolbar, doc=ws.doc,
                              bar=ws.stop_after, snaps=snaps, stops=stops, progress=progress)
    finally:
        ws.controller.shutdown()
    assert not ws.controller.thread.isRunning()


def epoch(w) -> int:
    return w.c.last_snapshot.epoch if w.c.last_snapshot else 0


def settle(w, qtbot) -> None:
    qtbot.waitUntil(lambda: not w.c._dirty and w.c.worker.is_idle() and w.c.worker.slot.empty(),
                    timeout=TIMEOUT)


# ---------------------------------------------------------------------- speed
def test_speed_combo_lists_every_speed_and_starts_fastest(win):
    combo = win.tb.speed_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [label for label, _ in SPEEDS]
    assert combo.itemText(0) == "1 epoch per frame" and combo.itemText(FASTEST) == "As fast as possible"
    assert win.tb.speed() == win.c.speed() == FASTEST
    assert win.c.worker.epochs_per_frame is None
    for i in range(combo.count()):
        assert combo.itemData(i, Qt.ItemDataRole.ToolTipRole)


def test_one_epoch_per_frame_reaches_the_worker(win, qtbot):
    combo = win.tb.speed_combo
    with qtbot.waitSignal(win.tb.speed_changed) as blocker:
        combo.activated.emit(0)  # what a user's pick in the list emits
    assert blocker.args == [0]
    assert win.c.speed() == 0 and win.c.worker.epochs_per_frame == 1
    win.c.set_snapshot_rate(60)
    win.c.play()
    qtbot.waitUntil(lambda: epoch(win) >= 8, timeout=TIMEOUT)
    win.c.pause()
    played = [s.epoch for s in win.snaps if s.playing]
    assert played[:8] == list(range(1, 9))  # every snapshot is one epoch further
    assert np.all(np.diff(played) == 1)


def test_speed_from_the_train_menu(win, qtbot):
    actions = [win.window.find_action(f"speed_{level}") for level in range(len(SPEEDS))]
    assert [a.text() for a in actions] == [label for label, _ in SPEEDS]
    assert actions[FASTEST].isChecked()
    assert actions[0] in win.window.speed_menu.actions()
    actions[2].trigger()  # 10 epochs per frame
    assert win.tb.speed() == 2 and win.tb.speed_combo.currentIndex() == 2
    assert win.c.worker.epochs_per_frame == SPEEDS[2][1] == 10
    assert actions[2].isChecked() and not actions[FASTEST].isChecked()
    win.c.play()
    qtbot.waitUntil(lambda: epoch(win) >= 30, timeout=TIMEOUT)
    win.c.pause()
    played = [s.epoch for s in win.snaps if s.playing]
    assert played[:3] == [10, 20, 30]
    actions[FASTEST].trigger()
    assert win.c.worker.epochs_per_frame is None


def test_top_bar_with_speed_fits_a_1024_window(win, qtbot):
    window, tb = win.window, win.tb
    window.resize(1024, 768)
    with qtbot.waitExposed(window):
        window.show()
    qtbot.wait(20)
    assert window.width() == 1024 and tb.is_compact()
    for widget in (tb.speed_combo, tb.speed_label, tb.regularization_rate_combo):
        right = widget.mapTo(window, widget.rect().topRight()).x()
        assert right <= window.width(), widget.objectName()
    combo = tb.speed_combo
    assert combo.short_face and combo.currentData(combo.SHORT_ROLE) == speed_short_label(FASTEST) == "Fastest"
    assert combo.width() >= combo.fontMetrics().horizontalAdvance("100/frame")
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: not tb.is_compact(), timeout=TIMEOUT)
    assert not combo.short_face and combo.width() > combo.fontMetrics().horizontalAdvance("As fast as possible")


# ---------------------------------------------------------------------- stop after N epochs
def test_stop_after_pauses_at_exactly_n_epochs(win, qtbot):
    bar = win.bar
    assert bar.limit() is None and not bar.spin.isEnabled() and not bar.progress.isVisibleTo(bar)
    bar.check.setChecked(True)
    bar.spin.setValue(60)
    assert win.c.stop_after() == 60 and win.c.worker.stop_after == 60
    with qtbot.waitSignal(win.c.stopped, timeout=TIMEOUT) as blocker:
        win.c.play()
        assert bar.progress.isVisibleTo(bar)  # shown from the start of the run
    assert blocker.args == ["stop_after"]
    qtbot.waitUntil(lambda: not win.c.is_playing(), timeout=TIMEOUT)
    assert epoch(win) == win.c.worker.trainer.epoch == 60
    assert win.progress[-1] == (60, 60)
    assert (bar.progress.value(), bar.progress.maximum()) == (60, 60)
    assert bar.progress.text() == "Stopped after 60 epochs"
    assert not win.tb.is_playing()
    # the next Play runs another 60 epochs
    with qtbot.waitSignal(win.c.stopped, timeout=TIMEOUT):
        win.tb.toggle_play()
    qtbot.waitUntil(lambda: not win.c.is_playing(), timeout=TIMEOUT)
    assert epoch(win) == 120


def test_stop_after_progress_grows_and_turning_it_off_hides_it(win, qtbot):
    bar = win.bar
    bar.check.setChecked(True)
    bar.spin.setValue(1_000_000)
    win.c.play()
    qtbot.waitUntil(lambda: len(win.progress) >= 3, timeout=TIMEOUT)
    win.c.pause()
    done = [d for d, _ in win.progress]
    assert done == sorted(done) and all(t == 1_000_000 for _, t in win.progress)
    assert bar.progress.isVisibleTo(bar) and "paused" in bar.progress.text()
    bar.check.setChecked(False)
    assert win.c.stop_after() is None and win.c.worker.stop_after is None
    assert not bar.progress.isVisibleTo(bar)


def test_reset_clears_the_stop_after_progress(win, qtbot):
    win.bar.check.setChecked(True)
    win.bar.spin.setValue(20)
    with qtbot.waitSignal(win.c.stopped, timeout=TIMEOUT):
        win.c.play()
    assert win.bar.progress.isVisibleTo(win.bar)
    win.window.reset_action.trigger()
    qtbot.waitUntil(lambda: win.c.last_snapshot.reason == "reset", timeout=TIMEOUT)
    assert not win.bar.progress.isVisibleTo(win.bar)


# ---------------------------------------------------------------------- reset with a new seed
def test_reset_with_new_seed_changes_weights_seed_and_epoch(win, qtbot):
    win.c.play()
    qtbot.waitUntil(lambda: epoch(win) > 20, timeout=TIMEOUT)
    win.c.pause()
    old_seed = win.doc.network.seed
    start = Network.from_dict(win.doc.network.to_dict(include_weights=False)).params  # the seed's weights
    with qtbot.waitSignal(win.c.snapshot, timeout=TIMEOUT, check_params_cb=lambda s: s.reason == "reset"):
        win.window.find_action("reset_new_seed").trigger()
    new_seed = win.doc.network.seed
    assert new_seed != old_seed
    fresh = Network.from_dict(win.doc.network.to_dict(include_weights=False))
    assert fresh.seed == new_seed
    assert np.array_equal(win.doc.network.params, fresh.params)  # the new seed's initial weights
    assert not np.array_equal(win.doc.network.params, start)
    settle(win, qtbot)
    assert np.array_equal(win.c.worker.trainer.network.params, fresh.params)
    assert win.c.worker.trainer.epoch == 0 and len(win.c.history) == 0
    assert epoch(win) == 0 and win.tb.epoch() == 0
    # the plain reset keeps the (new) seed
    win.c.step_epoch()
    settle(win, qtbot)
    win.window.reset_action.trigger()
    settle(win, qtbot)
    assert win.doc.network.seed == new_seed and np.array_equal(win.doc.network.params, fresh.params)


def test_shift_click_on_reset_asks_for_a_new_seed(win, qtbot):
    tb = win.tb
    with qtbot.waitSignal(tb.reset_new_seed_requested, timeout=1000), qtbot.assertNotEmitted(tb.reset_requested):
        qtbot.mouseClick(tb.reset_button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier)
    with qtbot.waitSignal(tb.reset_requested, timeout=1000), qtbot.assertNotEmitted(tb.reset_new_seed_requested):
        qtbot.mouseClick(tb.reset_button, Qt.MouseButton.LeftButton)
    assert "Shift" in tb.reset_button.toolTip()


# ---------------------------------------------------------------------- the Train menu
def test_train_menu_holds_the_actions_with_their_shortcuts(win):
    menu_actions = [a for a in win.window.train_menu.actions() if not a.isSeparator()]
    by_name = {a.objectName(): a for a in menu_actions}
    for name, (text, key) in TRAIN_ACTIONS.items():
        action = by_name[f"action_{name}"]
        assert action.text().replace("&", "") == text
        assert [k.toString(QKeySequence.SequenceFormat.PortableText) for k in action.shortcuts()] == [key]
        assert action.shortcutContext() == Qt.ShortcutContext.WindowShortcut
        assert action.toolTip() and action.toolTip() != text  # a real explanation
    assert win.window.speed_menu.menuAction() in menu_actions
    order = [a.objectName() for a in menu_actions]
    assert order.index("action_reset_new_seed") == order.index("action_reset") + 1  # beside Reset


def test_every_training_control_has_a_tooltip(win):
    tb = win.tb
    for widget in (tb.reset_button, tb.play_button, tb.step_button, tb.step_batch_button, tb.speed_combo,
                   tb.speed_label, tb.epoch_label, win.bar.check, win.bar.spin, win.bar.progress):
        assert widget.toolTip(), widget.objectName()
    for action in win.window.speed_menu.actions():
        assert action.toolTip() and action.toolTip() != action.text()


@pytest.mark.parametrize("name", list(TRAIN_ACTIONS))
def test_shortcut_works_on_the_canvas_but_not_in_a_text_field(win, qtbot, name):
    window, tb = win.window, win.tb
    signals = {"play": tb.play_toggled, "step": tb.step_requested, "step_batch": tb.step_batch_requested,
               "reset": tb.reset_requested, "reset_new_seed": tb.reset_new_seed_requested}
    seq = QKeySequence(TRAIN_ACTIONS[name][1])[0]
    key, modifiers = seq.key(), seq.keyboardModifiers()
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    # intercept the transport so that the keys do not start real training here
    for signal in signals.values():
        signal.disconnect()
    fields: list[QWidget] = [tb.learning_rate_combo.lineEdit(), tb.batch_size_spin, win.bar.spin]
    win.bar.check.setChecked(True)  # enables its spin box
    for field in fields:
        field.setFocus()
        qtbot.waitUntil(field.hasFocus, timeout=1000)
        with qtbot.assertNotEmitted(signals[name]):
            qtbot.keyClick(field, key, modifiers)
    canvas = window.central_canvas
    canvas.setFocus()
    with qtbot.waitSignal(signals[name], timeout=1000):
        qtbot.keyClick(canvas, key, modifiers)


def test_text_fields_get_the_keys_they_type(win, qtbot):
    window, tb = win.window, win.tb
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    spin = win.bar.spin
    win.bar.check.setChecked(True)
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "250")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert spin.value() == 250 and win.c.stop_after() == 250
    assert isinstance(spin, QAbstractSpinBox) and isinstance(tb.speed_combo, QComboBox)


def test_with_trainer_runs_on_the_training_thread_with_the_windows_changes(assembled, qtbot):
    import threading

    window, ws = assembled
    ctl = ws.controller
    ws.editor.set_training(learning_rate=0.125)
    seen = {}

    def probe(trainer):
        seen["thread"] = threading.current_thread() is not threading.main_thread()
        seen["epoch"] = trainer.epoch
        seen["lr"] = trainer.config.learning_rate
        return trainer.network.params.copy()

    params = ctl.with_trainer(probe)
    assert seen["thread"] and seen["epoch"] == 0 and seen["lr"] == 0.125
    assert np.array_equal(params, ws.doc.network.params)

    ctl.step_epoch()
    qtbot.waitUntil(lambda: ctl.last_snapshot is not None and ctl.last_snapshot.epoch == 1, timeout=TIMEOUT)
    assert ctl.with_trainer(lambda t: t.epoch) == 1

    with pytest.raises(ZeroDivisionError):
        ctl.with_trainer(lambda t: 1 / 0)
    assert ctl.with_trainer(lambda t: t.epoch) == 1  # the thread survives a failing call
