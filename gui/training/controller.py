"""The training controller: the GUI thread's side of live training.

:class:`TrainingController` starts a :class:`~gui.training.worker.TrainingWorker` in a
``QThread`` and keeps it in step with the document, which stays the one truth:

* document → worker: every change signal marks what changed (network, weights, data,
  settings); once per turn of the event loop the controller sends the document's current
  state of those parts — copies, never shared arrays — so that everything one user action
  changed arrives at the worker together and is applied at one step boundary;
* worker → document: each snapshot's weights go back with ``doc.set_params(params,
  "training")`` (which the controller does not send back) and its neuron maps to
  ``NeuronMaps.set_live``. A *generation* number, raised whenever the document's network,
  weights or data change, marks snapshots computed before that change as stale: their
  weights are dropped (their metrics and history still count), so an edit made while
  training is never overwritten by a picture of the old network.

Frames: from taking a snapshot until it is on screen — the first time the event loop
goes idle after the main window has repainted (:meth:`TrainingController.watch_repaints`)
— the worker stands aside and leaves the interpreter lock to this thread, for at most
``GUI_FRAME_MAX``; then training has the lock until the next snapshot.

Pausing is synchronous: :meth:`pause` returns once the worker has stopped (one chunk of
training, a few ms) and the document holds its final weights.

Timeline: the worker records the run's kept epochs (``worker.timeline``, a
:class:`~gui.training.worker.TimelineRecorder`); a structural edit starts it over, as do
Reset and a new document. :meth:`rewind` runs a function that moves the trainer in time
(a timeline restore, or undoing one) and shows the result at once.

Reset: the controller re-initialises the *document's* weights (``doc.reinitialize`` with
the same or a new random seed, which is stored in the network and so saved with it), then
tells the worker to restart from them: epoch 0, empty history, fresh optimizer state and
shuffling stream. The document thus stays the truth, and a restart is reproducible from
the saved file.

:func:`connect_toolbar` wires a :class:`~gui.toolbar.TrainingToolbar` to a controller and
an editor (setting changes become undoable commands).
"""

from __future__ import annotations

import atexit
import copy
import random
from dataclasses import replace

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractEventDispatcher, QEvent, QObject, QThread, QTimer, Signal, Slot

from engine.errors import ConfigError
from engine.training import History, TrainingConfig
from gui.i18n import QT_TRANSLATE_NOOP, translate

from .worker import FASTEST, MAX_RATE, MIN_RATE, SPEEDS, Snapshot, TrainerCall, TrainingWorker

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

#: How long pause() waits for the worker to finish its chunk (it normally takes ms).
PAUSE_TIMEOUT = 2.0

_LIVE: set[TrainingController] = set()  # keeps running threads alive until shutdown


@atexit.register
def _shutdown_all() -> None:
    """Join every worker thread still running at interpreter exit (never abort in ~QThread)."""
    for controller in list(_LIVE):
        controller.shutdown(sync=False)


class TrainingController(QObject):
    """Plays, pauses, steps and resets training; see the module docstring."""

    playing_changed = Signal(bool)
    #: each applied :class:`Snapshot` (stale ones with ``params``/``columns`` None)
    snapshot = Signal(object)
    #: divergence or an invalid combination of settings, network and data
    problem = Signal(str)
    #: the invalid combination was fixed: training can run again
    problem_cleared = Signal()
    #: epochs done and total with "stop after N epochs"
    progress = Signal(int, int)
    #: the worker paused itself: "diverged", "invalid", "stop_after", "early_stopping"
    stopped = Signal(str)

    _start = Signal()  # → worker.run, queued into the worker's thread
    _wake = Signal()  # → worker.process

    def __init__(self, doc, maps, parent: QObject | None = None):
        super().__init__(parent)
        self.doc, self.maps = doc, maps
        self._playing = False
        self._closed = False
        self._watching_idle = False
        self._window: QWidget | None = None  # see watch_repaints
        self._repaint_seen = False
        self._generation = 0
        self._dirty: set[str] = set()
        self._sent_locks = doc.network.has_locks
        self._speed = FASTEST
        self._stop_after: int | None = None
        self.last_snapshot: Snapshot | None = None
        #: every epoch's metrics so far, gathered from the snapshots (bounded, like the
        #: engine's): ``history["train_loss"]`` etc. for the loss plot
        self.history = History()

        self.worker = TrainingWorker(doc.network.clone(), doc.dataset, doc.training, maps.resolution)
        self.thread = QThread()
        self.thread.setObjectName("TrainingThread")
        self.worker.moveToThread(self.thread)
        self.worker.snapshot_ready.connect(self._consume)
        self.worker.stopped.connect(self._on_stopped)
        # through slots of this object, so that listeners run in the GUI thread
        self.worker.problem.connect(self._on_problem)
        self.worker.problem_cleared.connect(self._on_problem_cleared)
        self._start.connect(self.worker.run)
        self._wake.connect(self.worker.process)

        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self._flush)
        self._doc_connections = [
            (doc.structure_changed, self._on_structure),
            (doc.weights_changed, self._on_weights),
            (doc.training_changed, self._on_training),
            (doc.data_changed, self._on_data),
        ]
        for signal, slot in self._doc_connections:
            signal.connect(slot)
        _LIVE.add(self)
        self.thread.start()
        self.refresh()  # a first snapshot with the metrics of the untrained network
        if self.worker.problem_text:  # found while building the trainer, before any connection
            QTimer.singleShot(0, self, lambda: self.problem.emit(self.worker.problem_text or ""))

    # ------------------------------------------------------------------ public API
    def is_playing(self) -> bool:
        return self._playing

    @property
    def problem_text(self) -> str | None:
        """The current configuration problem (training refused), if any."""
        return self.worker.problem_text

    def play(self) -> None:
        if self._playing or self._closed:
            return
        self._flush()
        self._playing = True
        self.worker.gui_frame_finished()
        self.worker.request_play()
        self.maps.set_training(True)
        self._start.emit()
        self.playing_changed.emit(True)

    def pause(self) -> None:
        """Stop training; returns once the document holds the worker's final weights."""
        if not self._playing:
            return
        self._playing = False  # so that _flush wakes the worker for what the loop misses
        self._flush()
        self.worker.request_pause()
        self.worker.wait_idle(PAUSE_TIMEOUT)
        self._consume()
        self._stopped_playing()

    def _stopped_playing(self) -> None:
        self._frame_finished()
        self._playing = False
        self.maps.set_training(False)
        self.playing_changed.emit(False)

    def toggle(self) -> None:
        self.pause() if self._playing else self.play()

    def with_trainer(self, fn, timeout: float = 10.0):
        """Pause, then run ``fn(trainer)`` on the training thread and return its result.

        The trainer has every change made in the window applied; it is None while the
        settings do not fit together (see :attr:`problem_text`). ``fn`` may read the
        trainer (``engine.trace.trace_step``) or change it (``apply_step``, a timeline's
        ``restore``); it runs between steps, never while a batch trains. An exception in
        ``fn`` is raised here; ``TimeoutError`` if the thread does not answer in time.
        """
        if self._closed:
            raise RuntimeError("training has shut down")
        self.pause()
        self._flush()
        call = TrainerCall(fn)
        self.worker.post("call", self._generation, call)
        self._wake.emit()
        if not call.done.wait(timeout):
            raise TimeoutError("the training thread did not answer")
        if call.error is not None:
            raise call.error
        return call.result

    def rewind(self, fn, timeout: float = 10.0):
        """:meth:`with_trainer` for a ``fn`` that moves the trainer in time (a timeline's
        ``restore``, or putting back a state saved before one): once it ran, the
        document takes the trainer's weights and the views its epoch, metrics and whole
        history — before this returns. Returns ``fn``'s result; its exceptions are raised
        here, and then nothing is shown (``fn`` must leave the trainer as it was).
        """
        generation, worker = self._generation, self.worker

        def call(trainer):
            result = fn(trainer)
            worker.publish_rewound(generation)
            return result

        result = self.with_trainer(call, timeout)
        self._consume()
        return result

    def step_epoch(self) -> None:
        """Train one epoch (pausing first, as Playground's Step does)."""
        self._step("epoch")

    def step_batch(self) -> None:
        """Train one mini-batch."""
        self._step("batch")

    def reset(self, new_seed: bool = False) -> None:
        """New initial weights (same seed, or a new random one), epoch 0, empty history."""
        if self._closed:
            return
        self.pause()
        seed = random.randrange(2**31) if new_seed else self.doc.network.seed
        self.doc.reinitialize(seed=seed)
        self._mark("network")  # the seed is part of the network, not of its weights
        self._mark("restart")
        self._flush()

    def reload(self) -> None:
        """Start over on a whole new document (File › New/Open): pause, epoch 0."""
        if self._closed:
            return
        self.pause()
        for kind in ("network", "dataset", "config", "restart"):
            self._mark(kind)
        self._flush()

    def refresh(self) -> None:
        """Ask for a snapshot of the current state (metrics, epoch) without training."""
        if not self._closed:
            self._flush()
            self.worker.post("refresh", self._generation)
            self._wake.emit()

    def speed(self) -> int:
        return self._speed

    def set_speed(self, level: int) -> None:
        """An index into :data:`~gui.training.worker.SPEEDS` (0 = one epoch per frame)."""
        self._speed = max(0, min(FASTEST, int(level)))
        self.worker.epochs_per_frame = SPEEDS[self._speed][1]

    def stop_after(self) -> int | None:
        return self._stop_after

    def set_stop_after(self, epochs: int | None) -> None:
        """Pause by itself after this many epochs from Play (None: run until paused)."""
        self._stop_after = int(epochs) if epochs else None
        self.worker.stop_after = self._stop_after

    def set_snapshot_rate(self, hz: float) -> None:
        self.worker.snapshot_rate = max(MIN_RATE, min(MAX_RATE, float(hz)))

    def shutdown(self, sync: bool = True) -> None:
        """Stop the worker and join its thread; idempotent (MainWindow.closeEvent, exit)."""
        if self._closed:
            return
        if sync:
            try:
                self.pause()
            except RuntimeError:  # the document is already gone
                pass
        self._closed = True
        try:
            self._frame_finished()
        except RuntimeError:  # no event dispatcher any more (interpreter exit)
            pass
        self._playing = False
        for signal, slot in self._doc_connections:
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        if self._window is not None:
            try:
                self._window.removeEventFilter(self)
            except RuntimeError:  # the window is already gone
                pass
            self._window = None
        try:
            self._flush_timer.stop()
        except RuntimeError:
            pass
        self.worker.request_pause()
        self.thread.quit()
        self.thread.wait()
        _LIVE.discard(self)

    # ------------------------------------------------------------------ document → worker
    @Slot()
    def _on_structure(self) -> None:
        self._dirty.add("structure")  # another network: the timeline starts over
        self._mark("network")

    @Slot(str)
    def _on_weights(self, origin: str) -> None:
        if origin != "training":
            self._mark("params")

    @Slot(str)
    def _on_training(self, _key: str) -> None:
        self._mark("config")

    @Slot()
    def _on_data(self) -> None:
        self._mark("dataset")

    def _mark(self, kind: str) -> None:
        self._dirty.add(kind)
        if kind != "config":  # older snapshots no longer fit the document's weights
            self._generation += 1
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    @Slot()
    def _flush(self) -> None:
        """Send the document's current state of everything marked since the last flush."""
        self._flush_timer.stop()
        dirty, self._dirty = self._dirty, set()
        if not dirty or self._closed:
            return
        doc, g, post = self.doc, self._generation, self.worker.post
        locks = doc.network.has_locks
        # removed/frozen connections live in the network, not in the flat weights
        if "network" in dirty or ("params" in dirty and (locks or self._sent_locks)):
            post("network", g, doc.network.clone())
            self._sent_locks = locks
        elif "params" in dirty:
            post("params", g, doc.network.copy_params())
        if "dataset" in dirty:
            post("dataset", g, doc.dataset)  # immutable: safe to share
        if "config" in dirty:
            post("config", g, copy.deepcopy(doc.training))
        if "structure" in dirty:
            post("timeline", g)
        if "restart" in dirty:
            post("restart", g)
        if not self._playing:
            self._wake.emit()

    def _step(self, action: str) -> None:
        if self._closed:
            return
        self.pause()
        self._flush()
        self.worker.post(action, self._generation)
        self._wake.emit()

    # ------------------------------------------------------------------ worker → document
    @Slot()
    def _consume(self) -> None:
        """Apply the newest snapshot (if any) to the document, the maps and the views."""
        # the frame starts before the snapshot is taken: taking it lets the worker publish
        # the next one, which it must not do while this thread applies and draws this one
        framing = self._playing and not self._closed
        if framing:
            self._frame_started()
        snap = self.worker.take_snapshot()
        if framing and (snap is None or not snap.playing):
            self._frame_finished()
        if snap is None or self._closed:
            return
        current = snap.generation == self._generation
        if current and snap.trained and snap.params is not None:
            try:
                self.doc.set_params(snap.params, "training")
            except ConfigError:
                current = False
            else:
                self.maps.set_live(snap.columns, snap.extent)
        if not current and snap.params is not None:
            snap = replace(snap, params=None, columns=None, trained=False)
        if snap.history_reset:
            self.history.clear()
        for row in zip(*(snap.history[c] for c in History.COLUMNS)):
            self.history.append(*row)
        self.last_snapshot = snap
        self.snapshot.emit(snap)
        if snap.progress:
            self.progress.emit(*snap.progress)

    def watch_repaints(self, window: QWidget) -> None:
        """Count a frame as drawn only once ``window`` (the main window) has repainted.

        Widgets repaint on a posted ``UpdateRequest`` that may come after the event loop
        has first gone idle, so without this the worker would resume training — and take
        the interpreter lock — just as the canvas and the plots start painting.
        """
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if self._watching_idle and event.type() == QEvent.Type.UpdateRequest and obj is self._window:
            self._repaint_seen = True
        return False

    def _frame_started(self) -> None:
        """Tell the worker to stand aside until this thread has drawn the snapshot.

        The event dispatcher's ``aboutToBlock`` comes once every posted event has been
        handled; the first one after the watched window's repaint (:meth:`watch_repaints`)
        means the frame is on screen. The worker stands aside for at most
        ``GUI_FRAME_MAX`` in any case, so a frame that draws nothing (a minimised window)
        cannot stop training.
        """
        dispatcher = QAbstractEventDispatcher.instance()
        if dispatcher is None:
            return
        self.worker.gui_frame_started()
        self._repaint_seen = False
        if not self._watching_idle:
            self._watching_idle = True
            dispatcher.aboutToBlock.connect(self._idle_after_frame)

    @Slot()
    def _idle_after_frame(self) -> None:
        if self._window is None or self._repaint_seen:
            self._frame_finished()

    @Slot()
    def _frame_finished(self) -> None:
        if self._watching_idle:
            self._watching_idle = False
            dispatcher = QAbstractEventDispatcher.instance()
            if dispatcher is not None:
                dispatcher.aboutToBlock.disconnect(self._idle_after_frame)
        self.worker.gui_frame_finished()

    @Slot(str)
    def _on_problem(self, message: str) -> None:
        if not self._closed:
            self.problem.emit(message)

    @Slot()
    def _on_problem_cleared(self) -> None:
        if not self._closed:
            self.problem_cleared.emit()

    @Slot(str)
    def _on_stopped(self, reason: str) -> None:
        self._consume()
        if self._playing and not self.worker.is_armed():  # not if Play was pressed again since
            self._stopped_playing()
        self.stopped.emit(reason)


# ---------------------------------------------------------------------- the top bar
def toolbar_settings(cfg: TrainingConfig, shown: dict) -> dict:
    """The toolbar's view of a TrainingConfig (``shown``: what the toolbar shows now).

    L1 and L2 are one "regularization" choice plus a rate; with both at 0 the toolbar
    keeps the kind the user chose unless it would claim a non-zero rate is in use.
    """
    s = {"learning_rate": cfg.learning_rate, "optimizer": cfg.optimizer, "loss": cfg.loss,
         "batch_size": cfg.batch_size}
    if cfg.l2 > 0:
        s.update(regularization="l2", regularization_rate=cfg.l2)
    elif cfg.l1 > 0:
        s.update(regularization="l1", regularization_rate=cfg.l1)
    elif shown.get("regularization") != "none" and shown.get("regularization_rate"):
        s["regularization"] = "none"
    return s


#: the Edit › Undo text of a change made in the top bar (translated when shown)
SETTING_COMMANDS = {
    "learning_rate": QT_TRANSLATE_NOOP("TrainingController", "Change learning rate"),
    "optimizer": QT_TRANSLATE_NOOP("TrainingController", "Change optimizer"),
    "loss": QT_TRANSLATE_NOOP("TrainingController", "Change loss"),
    "batch_size": QT_TRANSLATE_NOOP("TrainingController", "Change batch size"),
    "regularization": QT_TRANSLATE_NOOP("TrainingController", "Change regularization"),
    "regularization_rate": QT_TRANSLATE_NOOP("TrainingController", "Change regularization rate"),
}


def setting_command_text(key: str) -> str:
    text = SETTING_COMMANDS.get(key)
    if text is None:
        return translate("TrainingController", "Change training setting")
    return translate("TrainingController", text)


def config_changes_for(key: str, value, shown: dict) -> dict:
    """TrainingConfig fields for one toolbar ``setting_changed(key, value)``."""
    if key == "regularization":
        rate = float(shown.get("regularization_rate") or 0.0)
        return {"l1": rate if value == "l1" else 0.0, "l2": rate if value == "l2" else 0.0}
    if key == "regularization_rate":
        kind = shown.get("regularization")
        return {} if kind not in ("l1", "l2") else {kind: float(value)}
    return {key: value}


def connect_toolbar(controller: TrainingController, toolbar, editor) -> None:
    """Wire the top bar: transport and speed → controller, settings ↔ document (through
    the editor)."""
    doc = controller.doc
    toolbar.play_toggled.connect(lambda on: controller.play() if on else controller.pause())
    toolbar.step_requested.connect(controller.step_epoch)
    toolbar.step_batch_requested.connect(controller.step_batch)
    toolbar.reset_requested.connect(lambda: controller.reset(False))
    toolbar.reset_new_seed_requested.connect(lambda: controller.reset(True))
    toolbar.set_speed(controller.speed())
    toolbar.speed_changed.connect(controller.set_speed)
    controller.playing_changed.connect(toolbar.set_playing)

    def on_snapshot(snap: Snapshot) -> None:
        toolbar.set_epoch(snap.epoch)
        toolbar.set_epochs_per_second(snap.epochs_per_second if snap.playing else None)

    controller.snapshot.connect(on_snapshot)

    def show_settings(_key: str = "*") -> None:
        for key, value in toolbar_settings(doc.training, toolbar.settings()).items():
            try:
                toolbar.set_setting(key, value)
            except (KeyError, ValueError):  # a value the bar cannot show (e.g. batch 5000)
                pass

    def on_setting(key: str, value) -> None:
        changes = config_changes_for(key, value, toolbar.settings())
        if changes and not editor.set_training(setting_command_text(key), **changes):
            show_settings()  # refused or unchanged: show the document's value again

    toolbar.setting_changed.connect(on_setting)
    doc.training_changed.connect(show_settings)
    show_settings()
