"""``python main.py --benchmark [--seconds S] [--soak-epochs N]``: the real window, live.

Runs the whole window offscreen and trains at full speed with every picture live, first
on Playground's default task (circle, x₁ x₂, hidden [4, 2], tanh) and then on six features
and six hidden layers of 8, and prints for each:

* training epochs per second (from the epoch counter of the snapshots),
* frames drawn per second (paint events of the canvas viewport and the output plot),
* the GUI thread's worst stall: the largest lateness of a 10 ms timer;
* the GUI thread's CPU time per frame drawn (its own work, whatever else the machine runs).

With ``--soak-epochs N`` it then trains the default task for N epochs and reports how much
the process's resident memory grew. The last line is ``key=value`` pairs.
"""

from __future__ import annotations

import os
import resource
import sys
import time

from PySide6.QtCore import QElapsedTimer, QEvent, QEventLoop, QObject, QTimer

from engine.datasets import generate
from engine.network import Network
from engine.training import TrainingConfig

TASKS = {
    "default": (("x1", "x2"), [4, 2]),
    "big": (("x1", "x2", "x1_sq", "x2_sq", "x1x2", "sin_x1"), [8] * 6),
}


class PaintCounter(QObject):
    def __init__(self):
        super().__init__()
        self.count = 0

    def eventFilter(self, obj, event):  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


class StallMeter(QObject):
    """The worst lateness of a 10 ms timer: how long the GUI thread was busy at a stretch."""

    def __init__(self):
        super().__init__()
        self.worst_ms = 0.0
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)

    def start(self):
        self.worst_ms = 0.0
        self._clock.start()
        self._timer.start()

    def stop(self):
        self._timer.stop()

    def _tick(self):
        late = self._clock.restart() - 10
        self.worst_ms = max(self.worst_ms, float(late))


def _rss_mb() -> float:
    """Current resident memory in MB (Linux /proc; the peak elsewhere)."""
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
        return pages * resource.getpagesize() / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _wait(ms: int) -> None:
    """Run the real event loop for ``ms`` (it blocks between events, as in the app)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _load_task(ws, name: str) -> None:
    features, hidden = TASKS[name]
    net = Network(features, [*hidden, {"size": 1, "activation": "tanh"}], seed=0)
    data = generate("circle", noise=0, train_ratio=0.5, seed=0)
    cfg = TrainingConfig(learning_rate=0.03, batch_size=10, shuffle=False)
    ws.controller.pause()
    ws.doc.replace(net, cfg, data)
    ws.controller.reset(False)
    _wait(300)


def run_task(ws, window, name: str, seconds: float) -> dict[str, float]:
    _load_task(ws, name)
    window.central_canvas.fit()
    counter = PaintCounter()
    ws.canvas.view.viewport().installEventFilter(counter)
    meter = StallMeter()
    start_epoch = ws.controller.last_snapshot.epoch if ws.controller.last_snapshot else 0
    ws.controller.play()
    _wait(500)  # settle: first snapshots, caches
    epoch0 = ws.controller.last_snapshot.epoch
    counter.count = 0
    meter.start()
    t0, cpu0 = time.perf_counter(), time.thread_time()
    _wait(int(seconds * 1000))
    elapsed, cpu = time.perf_counter() - t0, time.thread_time() - cpu0
    meter.stop()
    epoch1 = ws.controller.last_snapshot.epoch
    ws.controller.pause()
    ws.canvas.view.viewport().removeEventFilter(counter)
    del start_epoch
    return {
        "eps": (epoch1 - epoch0) / elapsed,
        "fps": counter.count / elapsed,
        "stall_ms": meter.worst_ms,
        "gui_ms": 1000.0 * cpu / max(counter.count, 1),
    }


def soak(ws, epochs: int) -> tuple[float, float]:
    """Train the default task for ``epochs`` epochs; (seconds, RSS growth in MB)."""
    _load_task(ws, "default")
    ws.controller.play()
    _wait(1000)
    before = _rss_mb()
    t0 = time.perf_counter()
    target = ws.controller.last_snapshot.epoch + epochs
    while ws.controller.last_snapshot.epoch < target:
        _wait(200)
    ws.controller.pause()
    return time.perf_counter() - t0, _rss_mb() - before


def main(window, ws, seconds: float, soak_epochs: int) -> int:
    window.resize(1600, 1000)
    window.show()
    _wait(500)
    load = f", load average {os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else ""
    print(f"Neurona window benchmark — {seconds:g} s per task, 1600×1000 offscreen{load}", flush=True)
    results = {}
    for name in TASKS:
        r = run_task(ws, window, name, seconds)
        results[name] = r
        print(
            f"{name:8s} training {r['eps']:7.0f} epochs/s   frames drawn {r['fps']:5.1f}/s   "
            f"worst GUI stall {r['stall_ms']:5.1f} ms   GUI thread {r['gui_ms']:4.1f} ms CPU/frame",
            flush=True,
        )
    summary = {}
    for name, r in results.items():
        summary[f"eps_{name}"] = round(r["eps"], 1)
        summary[f"fps_{name}"] = round(r["fps"], 1)
        summary[f"stall_ms_{name}"] = round(r["stall_ms"], 1)
        summary[f"gui_ms_{name}"] = round(r["gui_ms"], 1)
    if soak_epochs:
        took, growth = soak(ws, soak_epochs)
        print(f"soak     {soak_epochs} epochs in {took:.0f} s, resident memory grew {growth:.1f} MB", flush=True)
        summary["rss_growth_mb"] = round(growth, 1)
    print(" ".join(f"{k}={v}" for k, v in summary.items()), flush=True)
    ws.controller.shutdown()
    return 0


if __name__ == "__main__":  # pragma: no cover - use main.py --benchmark
    sys.exit("run: python main.py --benchmark")
