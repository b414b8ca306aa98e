"""Start-up time: launch to the first full paint of the window, Neurona against a bare window.

    QT_QPA_PLATFORM=offscreen uv run python tools/bench_startup.py [--runs 7] [--file F.neurona]

Both contenders are new processes started the same way (this Python, offscreen Qt,
1600×1000 window, an empty settings folder), and both report the same event: an event filter on
the window's ``QWindow`` sees it exposed — Qt then paints the window and every widget in it
in one go — and once that is over (a 0 ms timer) the program prints ``painted`` and quits.
(Until 2026-11-27 an application-wide filter waited for the first ``Paint`` event of any
widget: the same moment, measured to 0.01 ms, but it ran Python for every event of every
widget, which cost a window of many widgets a few milliseconds more than a bare one.) The time is measured here, from just before the
process is started to the moment that line arrives, so interpreter start-up and imports
count for both. Bytecode is compiled by a first, untimed run of each (as an installed
program's is after its first start), even where ``PYTHONDONTWRITEBYTECODE`` is set.

* **neurona** — ``python main.py`` (``NEURONA_STARTUP_PROBE=1`` makes ``gui.app`` report
  its first paint); with ``--file``, ``python main.py FILE``.
* **bare** — a ``QMainWindow`` holding one pyqtgraph ``PlotWidget`` with a curve: the least
  a PySide6 + pyqtgraph program shows.

Runs alternate between the two (so a busy moment hurts both alike); the medians and
their ratio are printed, and a last ``key=value`` line for scripts. Target: ratio ≤ 1.5.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
import pyqtgraph as pg

app = QApplication(sys.argv)
window = QMainWindow()
plot = pg.PlotWidget()
plot.plot([0, 1, 2, 3], [0, 1, 0, 1])
window.setCentralWidget(plot)
window.resize(1600, 1000)

class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Expose and obj.isExposed():
            obj.removeEventFilter(self)
            QTimer.singleShot(0, lambda: (print("painted", flush=True), app.quit()))
        return False

probe = Probe()
window.show()
window.windowHandle().installEventFilter(probe)
sys.exit(app.exec())
"""


def run_once(command: list[str], env: dict, timeout: float = 60.0) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)
    try:
        for line in proc.stdout:
            if line.strip() == "painted":
                elapsed = time.perf_counter() - start
                break
        else:
            raise RuntimeError(f"{command[1:]} exited without painting (status {proc.wait()})")
        proc.wait(timeout=timeout)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each (default 7)")
    parser.add_argument("--file", help="a .neurona file for Neurona to open")
    args = parser.parse_args(argv)

    settings = tempfile.mkdtemp(prefix="neurona-bench-")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "NEURONA_STARTUP_PROBE": "1",
        # fresh settings and data folders: no saved layout, no autosave to offer
        "XDG_CONFIG_HOME": settings,
        "XDG_DATA_HOME": settings,
        # compiled bytecode, as an installed program has it after its first start; kept in
        # a folder of its own so that the work tree and the environment stay untouched
        "PYTHONPYCACHEPREFIX": str(Path(settings) / "pycache"),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    neurona = [sys.executable, "main.py"] + ([args.file] if args.file else [])
    bare = [sys.executable, "-c", BARE]
    run_once(neurona, env)  # compile the bytecode and warm the file cache for both
    run_once(bare, env)
    times: dict[str, list[float]] = {"neurona": [], "bare": []}
    for _ in range(args.runs):
        times["neurona"].append(run_once(neurona, env))
        times["bare"].append(run_once(bare, env))
    med = {k: statistics.median(v) for k, v in times.items()}
    ratio = med["neurona"] / med["bare"]
    for name in ("neurona", "bare"):
        spread = ", ".join(f"{t:.2f}" for t in sorted(times[name]))
        print(f"{name:8s} median {med[name]:.3f} s   ({spread})")
    print(f"ratio    {ratio:.2f}×  (target ≤ 1.5×)")
    print(f"neurona_s={med['neurona']:.3f} bare_s={med['bare']:.3f} ratio={ratio:.2f} runs={args.runs}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
