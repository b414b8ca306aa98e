"""Headless speed check of live training: ``python -m gui.training.bench [--seconds S]``.

Runs the real :class:`~gui.training.controller.TrainingController` (worker thread,
snapshots applied to a document and its neuron maps, no window) at full speed on

* ``default`` — the document's default: circle data, x₁ and x₂, hidden [4, 2], tanh;
* ``big`` — the same data, six features, six hidden layers of 8, tanh;

and prints for each the epochs trained per second, the snapshots applied per second and
the GUI thread's worst stall: the largest lateness of a 10 ms ``QTimer``; and, for scale on
a noisy machine, what a bare engine ``Trainer`` does alone in one thread in the same run.
With ``--canvas`` the network canvas also draws every snapshot, in an offscreen window.
The last line is ``key=value`` pairs. Not a test: the figures depend on the machine and
its load, and the full window (canvas and plots) costs the GUI thread more than this.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from engine.network import Network

TICK_MS = 10
BIG_FEATURES = ("x1", "x2", "x1_sq", "x2_sq", "x1x2", "sin_x1")


def run_task(name: str, seconds: float, canvas: bool = False) -> dict[str, float]:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer

    from gui.document import Document
    from gui.maps import NeuronMaps
    from gui.training.controller import TrainingController

    doc = Document()
    if name == "big":
        net = Network(BIG_FEATURES, [8] * 6 + [{"size": 1, "activation": "tanh"}], seed=0)
        doc.replace(net, doc.training, doc.dataset)
    maps = NeuronMaps(doc)
    controller = TrainingController(doc, maps)
    snapshots = 0

    def on_snapshot(snap) -> None:
        nonlocal snapshots
        snapshots += snap.playing

    controller.snapshot.connect(on_snapshot)
    window = None
    if canvas:  # the real network canvas in an offscreen window: its drawing shares the lock
        from PySide6.QtGui import QUndoStack

        from gui.canvas import NetworkCanvas
        from gui.editor import DocumentEditor

        window = NetworkCanvas(doc, DocumentEditor(doc, QUndoStack()), maps)
        window.resize(1200, 800)
        window.show()
    clock = QElapsedTimer()
    worst = 0.0
    last = None

    def tick() -> None:
        nonlocal worst, last
        now = clock.nsecsElapsed() / 1e6
        if last is not None:
            worst = max(worst, now - last - TICK_MS)
        last = now

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    try:
        loop = QEventLoop()
        QTimer.singleShot(300, loop.quit)  # warm up: first snapshot, caches, chunk size
        controller.play()
        loop.exec()
        epoch0, snaps0 = controller.last_snapshot.epoch if controller.last_snapshot else 0, snapshots
        clock.start()
        timer.start()
        start = time.perf_counter()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()
        elapsed = time.perf_counter() - start
        timer.stop()
        epochs = controller.last_snapshot.epoch - epoch0
        controller.pause()
    finally:
        controller.shutdown()
        if window is not None:
            window.close()
    return {"eps": epochs / elapsed, "sps": (snapshots - snaps0) / elapsed, "stall_ms": worst}


def engine_alone(name: str, seconds: float) -> float:
    """Epochs/s of the same task trained by a bare engine Trainer in this thread: the ceiling."""
    import copy

    from engine.training import Trainer
    from gui.document import playground_default

    net, config, data = playground_default()
    if name == "big":
        net = Network(BIG_FEATURES, [8] * 6 + [{"size": 1, "activation": "tanh"}], seed=0)
    trainer = Trainer(net, data, copy.deepcopy(config))
    trainer.train_epochs(20)
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        done += trainer.train_epochs(20).epochs
    return done / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gui.training.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="measuring time per task (default 5)")
    parser.add_argument("--canvas", action="store_true",
                        help="also draw the network canvas (offscreen, 1200×800) from the snapshots")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (kept alive)
    results = {}
    for name in ("default", "big"):
        alone = engine_alone(name, min(2.0, args.seconds))
        r = run_task(name, args.seconds, args.canvas)
        r["share"] = r["eps"] / alone
        results[name] = r
        print(f"{name:8s} {r['eps']:8.0f} epochs/s  {r['sps']:5.1f} snapshots/s  "
              f"worst GUI stall {r['stall_ms']:5.1f} ms   (engine alone {alone:.0f} epochs/s: "
              f"live {r['share']:.0%} of it)")
    print(" ".join(f"{k}_{name}={v:.2f}" for name, r in results.items() for k, v in r.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
