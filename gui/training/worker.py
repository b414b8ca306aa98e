"""The training worker: trains a private copy of the network in its own thread.

:class:`TrainingWorker` is a ``QObject`` moved to a ``QThread`` (Qt's Controller/Worker
pattern); it never touches a widget or the document. It owns an engine
:class:`~engine.training.Trainer` on a *clone* of the document's network, so no array is
ever shared with the GUI thread. Three hand-overs connect it to the GUI thread, each
chosen because a slot busy in a training loop cannot receive queued calls:

* **flags** — ``request_play``/``request_pause`` set and clear a ``threading.Event`` that
  the loop checks once per chunk of training (2–5 ms);
* **mailbox** (:class:`Mailbox`) — new settings, networks, weights, data, restarts and
  step requests are posted under a lock and taken whole by the worker at a step
  boundary, so a change is never applied halfway through a batch;
* **slot** (:class:`SnapshotSlot`) — the worker puts its newest :class:`Snapshot` in a
  lock-protected slot and emits the bare ``snapshot_ready`` signal only when the GUI has
  taken the previous one, so the GUI applies the newest state, never a queue of stale ones.

While playing, the loop trains chunks sized to take about :data:`CHUNK_SECONDS` and
publishes a snapshot at most ``snapshot_rate`` times a second (and only once the previous
one was taken, so no grid is computed for a frame nobody draws). At a limited speed it
trains exactly ``epochs_per_frame`` epochs per snapshot and waits for the GUI between
frames, so every step of a slow run is seen.

The worker pauses itself — and says why with ``stopped(reason)`` — when training
diverges ("diverged"; the engine has put back the last finite weights), when the
settings, network and data do not fit together ("invalid"; the previous valid trainer is
kept until a change fixes it), after ``stop_after`` epochs ("stop_after") and when early
stopping ends the run ("early_stopping").

The worker also keeps the run's **timeline** (:class:`TimelineRecorder`, an
:class:`engine.timeline.Timeline` behind a lock), so that the GUI can scrub back through
the kept epochs and resume from one (:meth:`TrainingController.rewind`). It records where
each run starts and stops, after every step, after every chunk at a limited speed, and at
full speed when :meth:`TimelineRecorder.due` — every epoch of the first hundred (chunks are
kept that short so early on), then about one in a hundred. A restart (Reset, a new
document) and a change of the network's structure start the timeline over.
"""

from __future__ import annotations

import copy
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field, fields, replace

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from engine.errors import ConfigError, DivergenceError
from engine.network import Network
from engine.timeline import Timeline
from engine.training import History, Trainer, TrainingConfig
from gui.engine_text import engine_text
from gui.i18n import QT_TRANSLATE_NOOP, translate

#: Target duration of one chunk of training: short enough for a prompt pause and fair
#: sharing of the interpreter lock with the GUI thread, long enough to make the loop's
#: own bookkeeping negligible.
CHUNK_SECONDS = 0.003

#: (label, epochs per frame); None trains as fast as possible.
#: The labels are translation markers: show them with ``translate("Speeds", label)``.
SPEEDS: tuple[tuple[str, int | None], ...] = (
    (QT_TRANSLATE_NOOP("Speeds", "1 epoch per frame"), 1),
    (QT_TRANSLATE_NOOP("Speeds", "3 epochs per frame"), 3),
    (QT_TRANSLATE_NOOP("Speeds", "10 epochs per frame"), 10),
    (QT_TRANSLATE_NOOP("Speeds", "30 epochs per frame"), 30),
    (QT_TRANSLATE_NOOP("Speeds", "100 epochs per frame"), 100),
    (QT_TRANSLATE_NOOP("Speeds", "As fast as possible"), None),
)
FASTEST = len(SPEEDS) - 1

MIN_RATE, MAX_RATE, DEFAULT_RATE = 1.0, 60.0, 30.0

#: Longest the loop stands aside while the GUI thread applies and draws a snapshot,
#: counted from the frame's start. Both threads need the interpreter lock, and drawing
#: calls back into Python many times a frame, each time waiting for the lock if the worker
#: holds it: a frame that takes 20 ms alone took seconds against a busy worker. Standing
#: aside — before each chunk of training and before computing the next snapshot — until
#: the GUI has drawn (but never longer than this, so training always gets a share) keeps
#: frames whole.
GUI_FRAME_MAX = 0.025


@dataclass
class Snapshot:
    """The worker's state at one moment, handed to the GUI thread (all arrays are copies).

    ``generation`` tells which of the controller's changes it includes: a snapshot of an
    older generation describes a network the document no longer has. ``trained`` is
    True when the weights moved since the document last had them (so the document must
    take ``params``). ``history`` holds the rows recorded since the previous snapshot
    (``History.COLUMNS`` → 1-D arrays); with ``history_reset`` the curves start over.
    ``params``/``columns`` are None when there is no valid trainer (invalid settings).
    """

    reason: str  # "play", "pause", "step", "change", "diverged", "invalid", "stop_after", ...
    generation: int
    epoch: int
    batch: int  # batches done in the current epoch
    batches_per_epoch: int
    metrics: dict = field(default_factory=dict)  # train/test loss and accuracy (NaN if none)
    history: dict = field(default_factory=dict)
    history_reset: bool = False
    params: np.ndarray | None = None
    columns: list | None = None  # Network.grid(): per column (units, n, n) float32
    extent: tuple = (-6.0, 6.0, -6.0, 6.0)
    epochs_per_second: float | None = None
    progress: tuple[int, int] | None = None  # (done, total) with stop-after
    playing: bool = False
    trained: bool = False


def _merge(old: Snapshot, new: Snapshot) -> Snapshot:
    """``new`` replacing an untaken ``old``: keep old's history rows and its weights flag."""
    if new.history_reset:
        history = new.history
    else:
        history = {k: np.concatenate([old.history.get(k, ()), v]) for k, v in new.history.items()}
    same = old.generation == new.generation
    return replace(
        new,
        history=history,
        history_reset=old.history_reset or new.history_reset,
        trained=new.trained or (old.trained and same and new.params is not None),
    )


class SnapshotSlot:
    """Holds the newest snapshot until the GUI thread takes it."""

    def __init__(self, on_take=None):
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._signalled = False
        self._on_take = on_take

    def put(self, snapshot: Snapshot) -> bool:
        """Store ``snapshot``; True when the GUI must be told (it was not already)."""
        with self._lock:
            if self._snapshot is not None:
                snapshot = _merge(self._snapshot, snapshot)
            self._snapshot = snapshot
            tell, self._signalled = not self._signalled, True
            return tell

    def take(self) -> Snapshot | None:
        with self._lock:
            snapshot, self._snapshot, self._signalled = self._snapshot, None, False
        if self._on_take is not None:
            self._on_take()
        return snapshot

    def empty(self) -> bool:
        return self._snapshot is None


#: Most snapshots a timeline keeps (the engine's default), and the memory it may use:
#: a network too large for TIMELINE_CAPACITY snapshots within TIMELINE_BYTES keeps fewer
#: (at least TIMELINE_MIN_CAPACITY).
TIMELINE_CAPACITY = 200
TIMELINE_MIN_CAPACITY = 16
TIMELINE_BYTES = 64 * 2**20


def timeline_capacity(n_params: int) -> int:
    """Snapshots to keep of a network with ``n_params`` parameters: weights plus up to
    three optimizer buffers of float64 each, within :data:`TIMELINE_BYTES`."""
    per_snapshot = 8 * 4 * max(1, int(n_params))
    return int(max(TIMELINE_MIN_CAPACITY, min(TIMELINE_CAPACITY, TIMELINE_BYTES // per_snapshot)))


class TimelineRecorder:
    """The run's :class:`~engine.timeline.Timeline`, shared by the two threads.

    The training thread records into it; the GUI thread reads it (the slider, previews).
    Every access holds ``lock``. ``summary`` — (snapshots kept, latest kept epoch), or
    (0, None) — is a tuple replaced whole, so the GUI reads it every frame without the
    lock.

    Recording costs about 0.1 ms (a copy of the weights and of the optimizer state, and
    the timeline's thinning), so while training runs as fast as it can the worker asks
    :meth:`due` first: every epoch of the first hundred, then about one in a hundred
    (:meth:`gap`) — older snapshots are thinned to about that spacing anyway — and always
    where training stops.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.timeline = Timeline(TIMELINE_CAPACITY)
        self.summary: tuple[int, int | None] = (0, None)
        self._size = -1  # parameter count the capacity was chosen for

    # ---------------------------------------------------------------- training thread
    def due(self, epoch: int) -> bool:
        """Whether a run at full speed should record ``epoch`` (see the class docstring)."""
        latest = self.summary[1]
        return latest is None or epoch < latest or epoch - latest >= self.gap(epoch)

    def record(self, trainer) -> bool:
        """Snapshot ``trainer`` if it reached an epoch not yet kept (True if one was taken)."""
        with self.lock:
            size = trainer.network.params.size
            if size != self._size:  # another network: a capacity that fits its size
                self._size = size
                capacity = timeline_capacity(size)
                if capacity != self.timeline.capacity:
                    self.timeline = Timeline(capacity)
            tl = self.timeline
            if not tl.record(trainer):
                return False
            epoch = int(trainer.epoch)
            if trainer.history.last().get("epoch") != epoch:  # (epoch 0 has no history row)
                tl.snapshot(epoch).metrics = trainer.evaluate()
            self.summary = (len(tl), epoch)
            return True

    def gap(self, epoch: int) -> int:
        """Longest run of whole epochs to train before recording again: 1 for the first
        hundred or so, then about 1 % of the epochs so far (older snapshots are thinned
        to about that spacing anyway)."""
        return max(1, int(epoch) // (self.timeline.capacity // 2))

    def clear(self) -> None:
        with self.lock:
            self.timeline.clear()
            self._summarize()

    def restore(self, trainer, epoch: int) -> None:
        """Put ``trainer`` back to the kept ``epoch`` and forget the later snapshots.

        If the optimizer changed since (another kind), the weights, epoch, random state
        and history still go back, with fresh optimizer state. ConfigError (nothing
        changed) for an epoch not kept or a network of another shape.
        """
        with self.lock:
            tl = self.timeline
            snap = tl.snapshot(epoch)
            saved = snap.optimizer_state
            if saved is not None and saved.get("optimizer") != trainer.optimizer.name:
                snap.optimizer_state = None  # restore() then resets the optimizer
            try:
                tl.restore(trainer, epoch, truncate=True)
            finally:
                snap.optimizer_state = saved
            self._summarize()

    def save_state(self) -> Timeline:
        """A copy of the timeline as it is (the snapshots themselves are shared: they are
        never changed once recorded), for :meth:`load_state`."""
        with self.lock:
            return _copy_timeline(self.timeline)

    def load_state(self, saved: Timeline) -> None:
        with self.lock:
            self.timeline = _copy_timeline(saved)
            self._size = int(self.timeline._signature[1]) if self.timeline._signature else -1
            self._summarize()

    def _summarize(self) -> None:
        kept = self.timeline.epochs()
        self.summary = (len(kept), kept[-1]) if kept else (0, None)

    # ---------------------------------------------------------------- GUI thread
    def epochs(self) -> list[int]:
        with self.lock:
            return self.timeline.epochs()

    def state_at(self, epoch: int) -> tuple[np.ndarray, dict]:
        """(weights, metrics) kept at ``epoch``; ConfigError if it is not kept."""
        with self.lock:
            snap = self.timeline.snapshot(epoch)
            return snap.params.copy(), dict(snap.metrics)


def _copy_timeline(tl: Timeline) -> Timeline:
    # The engine's Timeline keeps its snapshots in two lists that ``record`` changes in
    # place; a copy with its own lists is an independent timeline.
    out = copy.copy(tl)
    out._old, out._recent = list(tl._old), list(tl._recent)
    return out


class TrainerCall:
    """A function to run on the training thread with the worker's trainer (see
    :meth:`TrainingController.with_trainer`); ``done`` is set once it ran."""

    def __init__(self, fn):
        self.fn = fn
        self.done = threading.Event()
        self.result = None
        self.error: BaseException | None = None

    def run(self, trainer) -> None:
        try:
            self.result = self.fn(trainer)
        except BaseException as exc:  # handed to the caller, raised in its thread
            self.error = exc
        finally:
            self.done.set()


class Mailbox:
    """Messages ``(kind, generation, value)`` from the GUI thread, taken all at once.

    Kinds: "network" (a Network the worker may own), "params" (a flat copy), "dataset",
    "config" (a TrainingConfig copy), "restart" (epoch 0, empty history, fresh optimizer,
    empty timeline), "timeline" (the structure changed: the timeline starts over),
    "refresh" (just publish), the step requests "epoch" and "batch", and "call" (a
    :class:`TrainerCall`, run after the changes posted before it).
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._items: list[tuple[str, int, object]] = []

    def post(self, kind: str, generation: int, value=None) -> None:
        with self._lock:
            self._items.append((kind, generation, value))

    def take(self) -> list[tuple[str, int, object]]:
        with self._lock:
            items, self._items = self._items, []
        return items

    def __bool__(self) -> bool:
        return bool(self._items)


def config_changes(old: TrainingConfig, new: TrainingConfig) -> dict:
    return {f.name: getattr(new, f.name) for f in fields(TrainingConfig) if getattr(new, f.name) != getattr(old, f.name)}


class TrainingWorker(QObject):
    """Trains in its thread; see the module docstring. Create it, then ``moveToThread``.

    Only the ``request_*``/``post``/``take_snapshot``/``wait_idle`` methods and the
    ``epochs_per_frame``/``snapshot_rate``/``stop_after`` attributes are for the GUI
    thread; everything else runs in the worker's thread.
    """

    snapshot_ready = Signal()
    problem = Signal(str)
    problem_cleared = Signal()
    stopped = Signal(str)

    def __init__(self, network: Network, dataset, config: TrainingConfig, resolution: int = 64):
        super().__init__()
        self.resolution = resolution
        self.epochs_per_frame: int | None = None
        self.snapshot_rate = DEFAULT_RATE
        self.stop_after: int | None = None
        self.mailbox = Mailbox()
        self._play = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._nudge = threading.Event()  # wakes the loop from a wait
        self._gui_busy = threading.Event()  # the GUI thread is drawing a snapshot
        self._gui_frame_start = 0.0
        self.slot = SnapshotSlot(on_take=self._nudge.set)
        # desired state: what the document says, whether or not it can be trained
        self._net, self._data, self._config = network, dataset, copy.deepcopy(config)
        self.generation = 0
        self.trainer: Trainer | None = None
        self.problem_text: str | None = None
        self._epoch0 = 0  # epoch count to carry over when there is no trainer
        self._sent_epoch = 0  # history rows up to this epoch have been published
        self._history_reset = True
        self._sec_per_batch = 2e-5
        self._rate_window: deque[tuple[float, int]] = deque()
        self._trained_total = 0
        self._eps: float | None = None
        self._progress: tuple[int, int] | None = None
        self._restarted = False
        #: the run's kept snapshots (see TimelineRecorder); read by the GUI thread
        self.timeline = TimelineRecorder()
        self._rebuild(carry=False)

    # ------------------------------------------------------------------ GUI-thread API
    def request_play(self) -> None:
        """Arm the loop; the caller then invokes :meth:`run` through a queued signal."""
        self._idle.clear()
        self._play.set()

    def request_pause(self) -> None:
        self._play.clear()
        self._nudge.set()

    def is_armed(self) -> bool:
        """True from ``request_play`` until the loop stops (by request or by itself)."""
        return self._play.is_set()

    def is_idle(self) -> bool:
        return self._idle.is_set()

    def wait_idle(self, timeout: float) -> bool:
        """Block until the loop has stopped and published its final snapshot."""
        return self._idle.wait(timeout)

    def gui_frame_started(self) -> None:
        """The GUI thread took a snapshot and is drawing it: leave it the lock (for at
        most :data:`GUI_FRAME_MAX` from now, however the frame goes)."""
        self._gui_frame_start = time.perf_counter()
        self._gui_busy.set()

    def gui_frame_finished(self) -> None:
        self._gui_busy.clear()
        self._nudge.set()

    def post(self, kind: str, generation: int, value=None) -> None:
        self.mailbox.post(kind, generation, value)
        self._nudge.set()

    def take_snapshot(self) -> Snapshot | None:
        return self.slot.take()

    # ------------------------------------------------------------------ slots (worker thread)
    @Slot()
    def process(self) -> None:
        """Apply posted changes and step requests while paused, and show the result."""
        if self._play.is_set() or not self._idle.is_set():
            return  # the loop is running (or about to) and drains the mailbox itself
        try:
            changed, actions = self._drain()
            if actions:
                self._run_steps(actions)
            elif changed:
                reason = "invalid" if self.problem_text else "reset" if self._restarted else "change"
                self._publish(reason, trained=False)
        except Exception:  # never leave the thread in a broken state; surface the bug
            self._report_internal_error()

    @Slot()
    def run(self) -> None:
        """Train while the play flag is set (see the module docstring)."""
        reason = None
        message = None
        try:
            reason, message = self._loop()
        except Exception:
            reason = "error"
            self._report_internal_error()
        finally:
            self._play.clear()
            try:
                if self.trainer is not None and not self.problem_text:
                    self.timeline.record(self.trainer)  # where training stopped is kept
                _, actions = self._drain()  # changes posted during the last chunk
                if actions and not reason:  # steps asked for while the loop wound down
                    self._run_steps(actions)
                else:
                    self._publish(reason or "pause", trained=self.trainer is not None)
            except Exception:
                self._report_internal_error()
            self._idle.set()
        if message:
            self.problem.emit(message)
        if reason:
            self.stopped.emit(reason)

    # ------------------------------------------------------------------ the loop
    def _loop(self) -> tuple[str | None, str | None]:
        self._drain()
        if self.trainer is None or self.problem_text:
            return "invalid", self.problem_text
        now = time.perf_counter()
        next_publish = next_frame = now
        self._rate_window.clear()
        self._rate_window.append((now, self._trained_total))
        done = 0
        frame_left = self.epochs_per_frame or 0
        timeline = self.timeline
        timeline.record(self.trainer)  # where this run starts (usually already kept)
        while self._play.is_set():
            self._drain()
            if self.problem_text:  # already reported when the change was applied
                return "invalid", None
            per_frame, target = self.epochs_per_frame, self.stop_after
            if target and done >= target:  # (also when lowered during the run)
                self._progress = (done, target)
                return "stop_after", None
            if per_frame is not None and frame_left <= 0:
                # this frame's epochs are done: show them, then wait for the next frame
                if not self._wait(self.slot.empty, 1.0):
                    continue  # paused (or the GUI is stuck): re-check the flag
                self._publish("play", progress=(done, target) if target else None)
                next_frame = max(next_frame + 1.0 / self.snapshot_rate, time.perf_counter())
                self._wait(lambda t=next_frame: time.perf_counter() >= t, next_frame - time.perf_counter())
                frame_left = per_frame
                continue
            limit = frame_left if per_frame is not None else 10**9
            if target:
                limit = min(limit, target - done)
            self._stand_aside()
            try:
                report = self._train_chunk(limit)
            except DivergenceError as exc:
                return "diverged", str(exc)
            if per_frame is not None or timeline.due(self.trainer.epoch):
                timeline.record(self.trainer)
            done += report.epochs
            frame_left -= report.epochs
            if report.stopped_early:
                return "early_stopping", None
            now = time.perf_counter()
            if per_frame is None and now >= next_publish and self.slot.empty():
                # the slot empties when the GUI takes a snapshot, i.e. as its frame starts
                self._stand_aside()
                self._publish("play", progress=(done, target) if target else None)
                period = 1.0 / self.snapshot_rate
                # on a fixed beat, so chunk boundaries do not stretch the period
                next_publish = next_publish + period if now - next_publish < period else now + period
        self._progress = (done, self.stop_after) if self.stop_after else None
        return None, None

    def _stand_aside(self) -> None:
        """While the GUI thread draws a snapshot, leave it the interpreter lock (for at
        most GUI_FRAME_MAX from the frame's start: a frame that overran waits no more)."""
        if self._gui_busy.is_set():
            left = self._gui_frame_start + GUI_FRAME_MAX - time.perf_counter()
            if left > 0:
                self._wait(lambda: not self._gui_busy.is_set(), left)

    def _wait(self, condition, timeout: float) -> bool:
        """Wait until ``condition()`` or the pause flag or ``timeout``; True if condition."""
        deadline = time.perf_counter() + max(0.0, timeout)
        while True:
            self._nudge.clear()
            if condition():
                return True
            remaining = deadline - time.perf_counter()
            if not self._play.is_set() or remaining <= 0:
                return False
            self._nudge.wait(remaining)

    def _train_chunk(self, max_epochs: int):
        """Whole epochs when they are short, else a run of batches (a prompt pause)."""
        t = self.trainer
        bpe, pos = t.batches_per_epoch, t.batch_position
        per_epoch = self._sec_per_batch * bpe
        start = time.perf_counter()
        if per_epoch <= 4 * CHUNK_SECONDS:  # (whole epochs keep pauses at epoch ends)
            k = int(min(max(1, CHUNK_SECONDS // max(per_epoch, 1e-9)), max_epochs, self.timeline.gap(t.epoch)))
            batches = k * bpe - pos
            report = t.train_epochs(k)
        else:
            batches = int(min(max(1, CHUNK_SECONDS // self._sec_per_batch), bpe - pos))
            report = t.step(batches)
        elapsed = time.perf_counter() - start
        if batches > 0:
            # quick to learn it is faster, slow to believe one slow chunk (the GUI thread
            # may have held the interpreter lock meanwhile)
            measured = elapsed / batches
            weight = 0.3 if measured < self._sec_per_batch else 0.05
            self._sec_per_batch += weight * (measured - self._sec_per_batch)
        self._trained_total += report.epochs
        return report

    def _run_steps(self, actions: list[str]) -> None:
        """Single epochs/batches requested while paused, then one snapshot."""
        if self.trainer is None or self.problem_text:
            self.problem.emit(self.problem_text or translate("TrainingWorker", "Nothing to train"))
            self._publish("invalid", trained=False)
            return
        reason, message = "step", None
        self.timeline.record(self.trainer)
        try:
            for action in actions:
                report = self.trainer.train_epochs(1) if action == "epoch" else self.trainer.step(1)
                self.timeline.record(self.trainer)
                if report.stopped_early:
                    reason = "early_stopping"
                    break
        except DivergenceError as exc:
            reason, message = "diverged", str(exc)
        self._publish(reason, trained=True)
        if message:
            self.problem.emit(message)
        if reason != "step":
            self.stopped.emit(reason)

    # ------------------------------------------------------------------ changes
    def _drain(self) -> tuple[bool, list[str]]:
        """Apply everything posted since the last call; returns (changed, step actions)."""
        messages = self.mailbox.take()
        if not messages:
            return False, []
        kinds, actions, calls, restart, new_run = set(), [], [], False, False
        self._restarted = False
        for kind, generation, value in messages:
            if kind == "call":  # after the changes posted before it are applied
                calls.append(value)
                continue
            self.generation = generation
            if kind == "network":
                self._net = value
            elif kind == "params":
                if value.shape == self._net.params.shape:
                    self._net.load_params(value)
            elif kind == "dataset":
                self._data = value
            elif kind == "config":
                self._config = copy.deepcopy(value)
            elif kind == "restart":
                restart = True
            elif kind == "timeline":  # the network's structure changed: a new run
                new_run = True
                continue
            elif kind in ("epoch", "batch"):
                actions.append(kind)
                continue
            kinds.add(kind)
        if kinds:
            self._sync(kinds, restart)
            self._restarted = restart
        if new_run or restart:
            self.timeline.clear()
        for call in calls:
            call.run(None if self.problem_text else self.trainer)
        return bool(kinds), actions

    def _sync(self, kinds: set[str], restart: bool) -> None:
        """Bring the trainer to the desired state, incrementally when possible."""
        t = self.trainer
        if restart or t is None or self.problem_text:
            self._rebuild(carry=not restart)
            return
        try:
            if "dataset" in kinds:
                t.set_dataset(self._data)
            if "network" in kinds:
                t.set_network(self._net)
            if "config" in kinds:
                changes = config_changes(t.config, self._config)
                if changes:
                    t.update(**changes)
        except ConfigError:  # maybe only the combination of all changes is valid
            self._rebuild(carry=True)

    def _rebuild(self, carry: bool) -> bool:
        """A new trainer for the desired state; keeps epoch and history when ``carry``."""
        old = self.trainer
        try:
            t = Trainer(self._net, self._data, self._config)
        except ConfigError as exc:
            if old is not None:
                self._epoch0 = old.epoch
            message = translate("TrainingWorker", "Cannot train: {problem}").format(problem=engine_text(str(exc)))
            if message != self.problem_text:
                self.problem_text = message
                self.problem.emit(message)
            self.trainer = None if not carry else old
            if not carry:
                self._epoch0, self._sent_epoch, self._history_reset = 0, 0, True
            return False
        if carry:
            if old is not None:
                t.epoch, t.history = old.epoch, old.history
            else:
                t.epoch = self._epoch0
        else:
            self._sent_epoch, self._history_reset = 0, True
        self.trainer = t
        if self.problem_text:
            self.problem_text = None
            self.problem_cleared.emit()
        return True

    # ------------------------------------------------------------------ snapshots
    def _publish(self, reason: str, trained: bool = True, progress=None) -> None:
        t = self.trainer
        now = time.perf_counter()
        playing = reason == "play"
        if playing:
            self._rate_window.append((now, self._trained_total))
            while len(self._rate_window) > 2 and now - self._rate_window[0][0] > 1.0:
                self._rate_window.popleft()
            (t0, e0), (t1, e1) = self._rate_window[0], self._rate_window[-1]
            if t1 > t0:
                self._eps = (e1 - e0) / (t1 - t0)
        if progress is None and reason != "play":
            progress = self._progress
        self._progress = None
        if t is None or self.problem_text:
            snap = Snapshot(reason, self.generation, self._epoch0, 0, 0, extent=tuple(self._data.extent),
                            history=self._history_rows(None), history_reset=self._take_reset(),
                            epochs_per_second=self._eps if playing else None, progress=progress)
        else:
            net = t.network
            metrics = t.history.last() if playing else t.evaluate()
            metrics.pop("epoch", None)
            snap = Snapshot(
                reason,
                self.generation,
                t.epoch,
                t.batch_position,
                t.batches_per_epoch,
                metrics=metrics,
                history=self._history_rows(t.history),
                history_reset=self._take_reset(),
                params=net.copy_params(),
                columns=net.grid(t.dataset.extent, self.resolution),
                extent=tuple(t.dataset.extent),
                epochs_per_second=self._eps if playing else None,
                progress=progress,
                playing=playing,
                trained=trained,
            )
        if self.slot.put(snap):
            self.snapshot_ready.emit()

    def publish_rewound(self, generation: int) -> None:
        """(Training thread, paused, from a :class:`TrainerCall`.) The trainer was moved
        in time — a timeline restore or its undo: publish its state now, with its whole
        history (the curves start over), as of the controller's ``generation``."""
        self.generation = generation
        self._sent_epoch, self._history_reset = 0, True
        self._publish("rewind", trained=self.trainer is not None)

    def _take_reset(self) -> bool:
        reset, self._history_reset = self._history_reset, False
        return reset

    def _history_rows(self, history: History | None) -> dict:
        if history is None or not len(history):
            return {c: np.empty(0) for c in History.COLUMNS}
        epochs = history["epoch"]
        start = int(np.searchsorted(epochs, self._sent_epoch, side="right"))
        self._sent_epoch = int(epochs[-1])
        return {c: np.array(history[c][start:]) for c in History.COLUMNS}

    def _report_internal_error(self) -> None:
        """An unexpected exception: pause, tell the user, and let sys.excepthook see it."""
        self._play.clear()
        exc_type, exc, tb = sys.exc_info()
        self.problem.emit(translate("TrainingWorker", "Training stopped after an internal error: {error}")
                          .format(error=f"{exc_type.__name__}: {exc}"))
        sys.excepthook(exc_type, exc, tb)

