"""Where start-up time goes, phase by phase, inside one process (tools/bench_startup.py
measures the whole launch against a bare window; this says what to work on).

    QT_QPA_PLATFORM=offscreen uv run python tools/startup_phases.py [--runs 9]

Each run is a new process that does what ``python main.py`` does, timing each phase:
the imports NumPy, PySide6 and pyqtgraph (which a bare PySide6 + pyqtgraph window pays
too), then Neurona's own: the application object, its modules, the main window, the
workspace (document, canvas, panels, menus), ``show()``, until the window is exposed,
and the first paint. Prints the median and the fastest of every phase over the runs (the
fastest is the least disturbed by other work on a shared machine). Settings and data go
to an empty temporary folder, so no saved layout or autosave changes what is built.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

ONE_RUN = r"""
import json, sys, time
marks = [("start", time.perf_counter())]
def mark(name):
    marks.append((name, time.perf_counter()))
import numpy; mark("import numpy")
from PySide6 import QtCore, QtGui, QtWidgets; mark("import PySide6")
import pyqtgraph; mark("import pyqtgraph")
sys.path.insert(0, ROOT)
from gui.app import create_application
app = create_application()
from gui.i18n import install_language, preferred_language
install_language(preferred_language(None)); mark("application, language")
from gui.main_window import MainWindow
from gui.workspace import build_workspace; mark("Neurona's modules")
window = MainWindow(); mark("main window")
if FILE:  # as main.py FILE: the file is read first and the workspace built around it
    from gui.app import _read_network_file
    from gui.document import Document
    from pathlib import Path
    exp = _read_network_file(Path(FILE)); mark("read FILE")
    ws = build_workspace(window, Document(window, (exp.network, exp.training, exp.data, exp.canvas)))
    ws.files.open_loaded(exp, FILE); mark("workspace")
else:
    ws = build_workspace(window); mark("workspace")
from PySide6.QtCore import QEvent, QObject, QTimer
class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Expose and obj.isExposed():
            obj.removeEventFilter(self); mark("until exposed")
            QTimer.singleShot(0, lambda: (mark("first paint"), app.quit()))
        return False
probe = Probe()
window.show(); mark("show()")
window.windowHandle().installEventFilter(probe)
app.exec()
print(json.dumps([[name, 1000 * (t - prev)] for (name, t), (_, prev) in zip(marks[1:], marks)]))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="runs (default 9)")
    parser.add_argument("--file", help="a .neurona file to open, as main.py FILE does")
    args = parser.parse_args(argv)
    folder = tempfile.mkdtemp(prefix="neurona-phases-")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "XDG_CONFIG_HOME": folder, "XDG_DATA_HOME": folder,
           "PYTHONPYCACHEPREFIX": str(Path(folder) / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    code = f"ROOT = {str(ROOT)!r}\nFILE = {args.file!r}\n" + ONE_RUN
    phases: dict[str, list[float]] = {}
    for run in range(args.runs + 1):  # the first run compiles the bytecode: not counted
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                             timeout=120, check=True).stdout.strip().splitlines()[-1]
        if run:
            for name, ms in json.loads(out):
                phases.setdefault(name, []).append(ms)
    ours = [name for name in phases if not name.startswith("import ")]
    phases["Neurona after the imports"] = [sum(v) for v in zip(*(phases[n] for n in ours))]
    print(f"{'phase':28s} {'median':>8s} {'fastest':>8s}   (ms, {args.runs} runs)")
    for name, values in phases.items():
        print(f"{name:28s} {statistics.median(values):8.1f} {min(values):8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
