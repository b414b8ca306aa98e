"""The race's training thread: an :class:`~engine.race.OptimizerRace` trained off the GUI thread.

:class:`RaceWorker` is a ``QObject`` moved to its own ``QThread`` whose ``run`` slot loops
until :meth:`RaceWorker.request_quit` (a simpler cousin of
:class:`gui.training.worker.TrainingWorker`). The GUI thread never touches the race while
the loop owns it; it talks to the loop in two ways:

* **commands** (:meth:`RaceWorker.post`) — a new race, play/pause, one epoch, one batch,
  reset, speed, the loss surface to compute — queued under a lock and taken at a step
  boundary, so a change never lands halfway through a batch. :meth:`RaceWorker.barrier`
  returns once the loop has taken everything posted before it (pause is synchronous);
* **frames** (:class:`FrameSlot`) — the loop puts its newest :class:`RaceFrame` in a
  lock-protected slot and emits ``frame_ready`` only when the GUI took the previous one,
  at most :data:`FRAME_RATE` times a second: the GUI draws the newest state, never a
  backlog. A frame carries only the history rows since the previous one; frames the GUI
  did not take in time are merged.

Training runs in chunks of about :data:`CHUNK_SECONDS`, so pause, step and reset answer
within milliseconds. A lane that diverges stops with its message (the engine keeps its
last finite weights) while the others go on; when every lane has stopped, the loop pauses.
"""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass, field, replace

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from engine.race import LossSurface, OptimizerRace
from engine.training import History
from gui.i18n import QT_TRANSLATE_NOOP, translate

CHUNK_SECONDS = 0.004
FRAME_RATE = 30.0
#: decision-region maps per lane: n × n
REGION_SIZE = 48
#: loss-surface grid (n × n): finer for small data sets (one forward pass per grid point:
#: about 0.1 s for 61×61 on 200 points)
SURFACE_SIZE = 61


def surface_size(n_train: int) -> int:
    return SURFACE_SIZE if n_train <= 200 else 41 if n_train <= 1000 else 31
#: how far (in parameter units, around the start) the surface grows to follow the paths
MAX_REACH = 25.0
#: Longest the loop leaves the interpreter lock to the GUI thread while it draws a frame.
GUI_FRAME_MAX = 0.025

#: (label, unit, count): how much every lane trains per frame; None = as fast as it can.
SPEEDS: tuple[tuple[str, str | None, int], ...] = (
    (QT_TRANSLATE_NOOP("RaceWindow", "1 batch per frame"), "batch", 1),
    (QT_TRANSLATE_NOOP("RaceWindow", "1 epoch per frame"), "epoch", 1),
    (QT_TRANSLATE_NOOP("RaceWindow", "5 epochs per frame"), "epoch", 5),
    (QT_TRANSLATE_NOOP("RaceWindow", "20 epochs per frame"), "epoch", 20),
    (QT_TRANSLATE_NOOP("RaceWindow", "As fast as possible"), None, 0),
)
DEFAULT_SPEED = 1


@dataclass
class LaneFrame:
    """One lane at one moment (arrays are copies)."""

    name: str
    diverged: str | None
    epoch: int
    metrics: dict
    rows: dict  # History.COLUMNS → rows since the previous frame
    params: np.ndarray
    region: np.ndarray | None  # Network.grid's output column (units, n, n), float32
    path: np.ndarray | None  # (m, 2) of the surface's two parameters


@dataclass
class SurfaceFrame:
    """The loss surface over parameters ``params`` (``LossSurface`` unpacked)."""

    params: tuple[int, int]
    xs: np.ndarray
    ys: np.ndarray
    Z: np.ndarray
    minimum: tuple[float, float, float]
    extent: tuple[float, float, float, float]


@dataclass
class RaceFrame:
    generation: int  # which race (the GUI ignores frames of an older one)
    reason: str  # "play", "pause", "step", "reset", "new", "surface", "stopped"
    playing: bool
    epoch: int  # of the running lanes (lock-step)
    batch: int
    batches_per_epoch: int
    lanes: list[LaneFrame]
    history_reset: bool = False
    surface: SurfaceFrame | None = None
    surface_error: str | None = None
    epochs_per_second: float | None = None


def _merge(old: RaceFrame, new: RaceFrame) -> RaceFrame:
    """``new`` replacing an untaken ``old``: of the same race, keep old's rows (unless the
    history started over), its surface (unless a newer one came) and its reset flag."""
    if old.generation != new.generation:
        return new
    surface = new.surface or old.surface
    error = new.surface_error or (old.surface_error if new.surface is None else None)
    if new.history_reset:
        return replace(new, surface=surface, surface_error=error)
    lanes = []
    for a, b in zip(old.lanes, new.lanes):
        rows = {k: np.concatenate([a.rows.get(k, np.empty(0)), v]) for k, v in b.rows.items()}
        lanes.append(replace(b, rows=rows))
    return replace(new, lanes=lanes, history_reset=old.history_reset, surface=surface, surface_error=error)


class FrameSlot:
    """Holds the newest frame until the GUI thread takes it."""

    def __init__(self, on_take=None):
        self._lock = threading.Lock()
        self._frame: RaceFrame | None = None
        self._signalled = False
        self._on_take = on_take

    def put(self, frame: RaceFrame) -> bool:
        """Store ``frame``; True when the GUI must be told (it was not already)."""
        with self._lock:
            if self._frame is not None:
                frame = _merge(self._frame, frame)
            self._frame = frame
            tell, self._signalled = not self._signalled, True
            return tell

    def take(self) -> RaceFrame | None:
        with self._lock:
            frame, self._frame, self._signalled = self._frame, None, False
        if self._on_take is not None:
            self._on_take()
        return frame

    def empty(self) -> bool:
        return self._frame is None


@dataclass
class SurfaceRequest:
    """Which two parameters to picture, over which window (None: around the start, grown
    to hold the paths)."""

    params: tuple[int, int] | None
    extent: tuple[float, float, float, float] | None = None


@dataclass
class _RaceState:
    race: OptimizerRace
    generation: int
    sent: list[int] = field(default_factory=list)  # per lane: history rows sent up to this epoch
    surface: SurfaceRequest | None = None
    surface_extent: tuple | None = None  # the extent of the surface on show
    surface_due: bool = False  # asked for: computed after the next frame, so that one comes at once
    grow_at: float = 0.0


class RaceWorker(QObject):
    """Trains a race in its thread; see the module docstring. ``moveToThread``, then
    connect ``thread.started`` to :meth:`run`."""

    frame_ready = Signal()
    #: the loop paused by itself: "stopped" (every lane diverged) or "error"
    stopped = Signal(str)
    problem = Signal(str)

    def __init__(self):
        super().__init__()
        self.slot = FrameSlot(on_take=self._on_take)
        self._lock = threading.Lock()
        self._commands: list[tuple[str, object]] = []
        self._wake = threading.Event()
        self._play = threading.Event()
        self._quit = False
        self._gui_busy = threading.Event()
        self._gui_frame_start = 0.0
        self.state: _RaceState | None = None
        self.speed = DEFAULT_SPEED
        self._eps: float | None = None
        self._rate: list[tuple[float, int]] = []

    # ------------------------------------------------------------------ GUI-thread API
    def post(self, kind: str, value=None) -> None:
        with self._lock:
            self._commands.append((kind, value))
        self._wake.set()

    def set_playing(self, on: bool) -> None:
        """Start or stop the loop's training (the frame that follows says which)."""
        (self._play.set if on else self._play.clear)()
        self.post("playing", bool(on))

    def is_playing(self) -> bool:
        return self._play.is_set()

    def barrier(self, timeout: float = 2.0) -> bool:
        """Block until the loop has handled everything posted so far (and published)."""
        done = threading.Event()
        self.post("barrier", done)
        return done.wait(timeout)

    def request_quit(self) -> None:
        self._quit = True
        self._play.clear()
        self._wake.set()

    def take_frame(self) -> RaceFrame | None:
        return self.slot.take()

    def gui_frame_started(self) -> None:
        self._gui_frame_start = time.perf_counter()
        self._gui_busy.set()

    def gui_frame_finished(self) -> None:
        self._gui_busy.clear()
        self._wake.set()

    def _on_take(self) -> None:
        self._wake.set()

    # ------------------------------------------------------------------ the loop (worker thread)
    @Slot()
    def run(self) -> None:
        next_frame = 0.0
        frame_left = 0
        while not self._quit:
            try:
                published = self._drain()
                if self._quit:
                    break
                s = self.state
                if s is not None and s.surface_due:
                    s.surface_due = False
                    self._publish("surface", surface=True)
                    continue
                if not self._play.is_set() or s is None:
                    if not published:
                        self._wake.wait()
                        self._wake.clear()
                    continue
                if not any(lane.running for lane in s.race.lanes):
                    self._play.clear()
                    self._publish("stopped")
                    self.stopped.emit("stopped")
                    continue
                label, unit, count = SPEEDS[self.speed]
                now = time.perf_counter()
                if unit is not None and frame_left <= 0:
                    # this frame's training is done: show it, then wait for the next frame
                    if not self.slot.empty() or now < next_frame:
                        self._sleep(min(0.05, max(0.0, next_frame - now)) if self.slot.empty() else 0.05)
                        continue
                    self._publish("play")
                    next_frame = max(next_frame + 1.0 / FRAME_RATE, now)
                    frame_left = count
                    continue
                self._stand_aside()
                trained = self._train_chunk(unit, frame_left if unit else None)
                frame_left -= trained
                now = time.perf_counter()
                if unit is None and now >= next_frame and self.slot.empty():
                    self._stand_aside()
                    self._publish("play")
                    next_frame = now + 1.0 / FRAME_RATE
            except Exception:  # never leave the thread in a broken state; surface the bug
                self._play.clear()
                exc_type, exc, tb = sys.exc_info()
                self.problem.emit(translate("RaceWorker", "The race stopped after an internal error: {error}")
                                  .format(error=f"{exc_type.__name__}: {exc}"))
                self.stopped.emit("error")
                sys.excepthook(exc_type, exc, tb)

    def _sleep(self, seconds: float) -> None:
        if seconds > 0:
            self._wake.wait(seconds)
            self._wake.clear()

    def _stand_aside(self) -> None:
        """While the GUI thread draws a frame, leave it the interpreter lock (for a while)."""
        if self._gui_busy.is_set():
            deadline = self._gui_frame_start + GUI_FRAME_MAX
            while self._gui_busy.is_set() and not self._quit:
                left = deadline - time.perf_counter()
                if left <= 0:
                    break
                self._wake.wait(left)
                self._wake.clear()

    def _train_chunk(self, unit: str | None, limit: int | None) -> int:
        """Train about CHUNK_SECONDS; returns how many units (epochs or batches) ended.

        Whole epochs (``train_epochs``, about 1.6× faster than batch by batch) when the race
        is at an epoch boundary and an epoch is short; else a run of single batches, so that
        a pause never waits for a long epoch. (The paths then get a point per epoch or per
        batch accordingly; the weights are the same either way.)
        """
        race = self.state.race
        running = [lane for lane in race.lanes if lane.running]
        t = running[0].trainer
        if unit == "batch":
            race.step(1)
            return 1
        bpe = t.batches_per_epoch
        start = time.perf_counter()
        epochs_before = t.epoch
        per_batch = getattr(self, "_sec_per_batch", 1e-4)
        per_epoch = per_batch * bpe
        if t.batch_position == 0 and per_epoch <= CHUNK_SECONDS:
            k = max(1, int(CHUNK_SECONDS / max(per_epoch, 1e-7)))
            if limit is not None:
                k = min(k, limit)
            race.train_epochs(k)
            batches = k * bpe
        else:
            left_in_epoch = bpe - t.batch_position
            batches = max(1, int(CHUNK_SECONDS / max(per_batch, 1e-7)))
            batches = min(batches, left_in_epoch if limit is None else left_in_epoch + (limit - 1) * bpe)
            race.step(batches)
        elapsed = time.perf_counter() - start
        self._sec_per_batch = 0.7 * per_batch + 0.3 * elapsed / batches
        lead = next((lane.trainer for lane in race.lanes if lane.running), t)
        done = max(0, lead.epoch - epochs_before)
        self._count_epochs(done)
        return done

    def _count_epochs(self, n: int) -> None:
        now = time.perf_counter()
        total = (self._rate[-1][1] if self._rate else 0) + n
        self._rate.append((now, total))
        while len(self._rate) > 2 and now - self._rate[0][0] > 1.0:
            self._rate.pop(0)
        (t0, e0), (t1, e1) = self._rate[0], self._rate[-1]
        self._eps = (e1 - e0) / (t1 - t0) if t1 > t0 + 0.2 else self._eps

    # ------------------------------------------------------------------ commands
    def _drain(self) -> bool:
        """Apply the posted commands in order; True when a frame was published."""
        with self._lock:
            commands, self._commands = self._commands, []
        published = False
        reason, barriers, reset = None, [], False
        for kind, value in commands:
            s = self.state
            if kind == "race":
                race, generation = value
                self.state = _RaceState(race, generation, [0] * len(race.lanes))
                reason, reset = "new", True
                self._rate.clear()
                self._eps = None
            elif kind == "surface":
                if s is not None:
                    s.surface = value
                    s.surface_extent = None
                    s.surface_due = True
            elif kind == "reset":
                if s is not None:
                    s.race.reset()
                    s.sent = [0] * len(s.race.lanes)
                    reason, reset = "reset", True
                    self._rate.clear()
            elif kind in ("epoch", "batch"):
                self._play.clear()
                if s is not None and any(lane.running for lane in s.race.lanes):
                    (s.race.train_epochs if kind == "epoch" else s.race.step)(1)
                reason = "step"
            elif kind == "speed":
                self.speed = max(0, min(len(SPEEDS) - 1, int(value)))
            elif kind == "playing":
                if not value:
                    reason = reason or "pause"
                self._rate.clear()
            elif kind == "barrier":
                barriers.append(value)
        if self.state is not None and reason is not None:
            self._publish(reason, history_reset=reset)
            published = True
        for done in barriers:
            done.set()
        return published

    # ------------------------------------------------------------------ frames
    def _surface(self, s: _RaceState, forced: bool) -> tuple[SurfaceFrame | None, str | None]:
        """The loss surface when asked for, or when the paths left the one on show."""
        req = s.surface
        if req is None or req.params is None:
            return None, None
        race = s.race
        extent = req.extent
        if extent is None:
            i, j = req.params
            wi, wj = float(race.initial_params[i]), float(race.initial_params[j])
            extent = (wi - 3.0, wi + 3.0, wj - 3.0, wj + 3.0)
        if not forced and s.surface_extent is None:
            return None, None  # not computed yet: s.surface_due brings it
        if s.surface_extent is not None and not forced:
            grown = self._grown_extent(s, s.surface_extent)
            if grown is None or time.perf_counter() < s.grow_at:
                return None, None
            extent = grown
        elif s.surface_extent is not None:
            extent = self._grown_extent(s, extent) or extent
        try:
            surf = LossSurface(race.network, race.dataset, race.config, req.params, extent,
                               surface_size(race.dataset.n_train))
        except Exception as exc:  # an engine ConfigError or a network that cannot be pictured
            s.surface = None
            return None, str(exc)
        s.surface_extent = surf.extent
        s.grow_at = time.perf_counter() + 0.5
        return SurfaceFrame(surf.params, surf.xs, surf.ys, surf.Z, surf.minimum(), surf.extent), None

    def _grown_extent(self, s: _RaceState, extent) -> tuple | None:
        """A larger window when a running path left ``extent`` (at most ±MAX_REACH around
        the start); None when every path is inside."""
        x0, x1, y0, y1 = extent
        pts = [s.race.path(lane, s.surface.params) for lane in s.race.lanes]
        pts = np.concatenate([p for p in pts if len(p)]) if pts else np.empty((0, 2))
        pts = pts[np.isfinite(pts).all(axis=1)]
        if not len(pts):
            return None
        i, j = s.surface.params
        ci, cj = float(s.race.initial_params[i]), float(s.race.initial_params[j])
        reach = MAX_REACH
        pts = pts[(np.abs(pts[:, 0] - ci) <= reach) & (np.abs(pts[:, 1] - cj) <= reach)]
        if not len(pts):
            return None
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        if lo[0] >= x0 and hi[0] <= x1 and lo[1] >= y0 and hi[1] <= y1:
            return None
        pad_x, pad_y = 0.15 * max(hi[0] - lo[0], x1 - x0), 0.15 * max(hi[1] - lo[1], y1 - y0)
        return (min(x0, lo[0] - pad_x), max(x1, hi[0] + pad_x), min(y0, lo[1] - pad_y), max(y1, hi[1] + pad_y))

    def _publish(self, reason: str, history_reset: bool = False, surface: bool = False) -> None:
        s = self.state
        race = s.race
        extent = tuple(race.dataset.extent)
        surface_frame, surface_error = self._surface(s, forced=surface)
        params = s.surface.params if s.surface is not None else None
        lanes = []
        for n, lane in enumerate(race.lanes):
            t = lane.trainer
            h = t.history
            if len(h):
                epochs = h["epoch"]
                start = int(np.searchsorted(epochs, s.sent[n], side="right"))
                rows = {c: np.array(h[c][start:]) for c in History.COLUMNS}
                s.sent[n] = int(epochs[-1])
            else:
                rows = {c: np.empty(0) for c in History.COLUMNS}
            metrics = t.history.last() if reason == "play" and len(h) else t.evaluate()
            metrics.pop("epoch", None)
            try:
                path = race.path(lane, params) if params is not None else None
            except Exception:
                path = None
            with np.errstate(all="ignore"):  # a diverged lane's last finite weights may overflow float32
                region = t.network.grid(extent, REGION_SIZE)[-1]
            lanes.append(LaneFrame(lane.name, lane.diverged, t.epoch, metrics, rows, t.network.copy_params(),
                                   region, path))
        running = [lane.trainer for lane in race.lanes if lane.running] or [lane.trainer for lane in race.lanes]
        lead = max(running, key=lambda t: (t.epoch, t.batch_position))
        frame = RaceFrame(s.generation, reason, self._play.is_set(), lead.epoch, lead.batch_position,
                          lead.batches_per_epoch, lanes, history_reset, surface_frame, surface_error,
                          self._eps if self._play.is_set() else None)
        if self.slot.put(frame):
            self.frame_ready.emit()
