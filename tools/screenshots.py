"""Render the screenshots in docs/screenshots/ (offscreen; run from the repository root).

    QT_QPA_PLATFORM=offscreen uv run python tools/screenshots.py

Each picture is the real window after training live for a moment, so the README shows
what a user sees after pressing Play.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402

from engine.datasets import generate  # noqa: E402
from engine.network import Network  # noqa: E402
from engine.training import TrainingConfig  # noqa: E402
from gui.app import create_application  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402
from gui.workspace import build_workspace  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(name: str, setup, seconds: float, size=(1600, 1000)) -> None:
    window = MainWindow(persist_settings=False)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    ws = build_workspace(window)
    window.resize(*size)
    window.show()
    wait(300)
    setup(ws)
    wait(300)
    if seconds:
        ws.controller.play()
        wait(int(seconds * 1000))
        ws.controller.pause()
    wait(500)
    ws.canvas.fit()
    wait(200)
    OUT.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(OUT / f"{name}.png"))
    ws.controller.shutdown()
    window.close()
    print("wrote", OUT / f"{name}.png")


def circle(ws) -> None:
    pass  # the window opens on Playground's default: circle, [4, 2], tanh


def spiral(ws) -> None:
    net = Network(
        ["x1", "x2", "x1_sq", "x2_sq", "x1x2", "sin_x1", "sin_x2"],
        [8, 8, 6, {"size": 1, "activation": "tanh"}],
        seed=2,
    )
    data = generate("spiral", noise=5, train_ratio=0.5, seed=1)
    ws.doc.replace(net, TrainingConfig(learning_rate=0.01, optimizer="adam", batch_size=10), data)
    ws.controller.reload()


def blobs(ws) -> None:
    net = Network(["x1", "x2"], [6, {"size": 4, "activation": "softmax"}], seed=1)
    data = generate("blobs", n_classes=4, noise=10, seed=3)
    ws.doc.replace(net, TrainingConfig(learning_rate=0.03, optimizer="adam", loss="sparse_cce"), data)
    ws.controller.reload()


if __name__ == "__main__":
    app = create_application()
    shoot("main-window", circle, 3.0)
    shoot("spiral-deep", spiral, 8.0)
    shoot("multi-class", blobs, 3.0)
    shoot("main-window-1024", circle, 2.0, size=(1024, 768))
