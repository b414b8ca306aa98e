"""Render the screenshots in docs/screenshots/ (offscreen; run from the repository root).

    QT_QPA_PLATFORM=offscreen uv run python tools/screenshots.py

Each picture is the real window after training live for a moment, so the README shows
what a user sees after pressing Play.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# a 1920×1080 virtual screen, as the tests use (the offscreen default, 800×800, is smaller
# than the windows drawn here, and Qt then keeps them from taking the size asked for)
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={ROOT / 'tests' / 'offscreen_screen.json'}"
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

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


def xor_example(ws) -> None:
    ws.files.open_path(ROOT / "resources" / "examples" / "07-xor-backprop.neurona", quiet=True)


def step_through(ws) -> None:
    """The XOR network after some training, one point, the backward pass of the hidden layer."""
    xor_example(ws)
    ws.controller.with_trainer(lambda t: t.train_epochs(150))
    ws.controller.refresh()
    wait(300)
    ws.stepthrough.action.setChecked(True)
    wait(300)
    ws.stepthrough.choose_index(3)  # the point (1, 1): every input non-zero
    wait(300)
    ws.stepthrough.go_to(4)  # forward 1, forward 2, error, backward 2, backward 1
    wait(100)


def timeline(ws) -> None:
    """Trained a while, then looking back at an early epoch."""
    ws.controller.play()
    wait(2500)
    ws.controller.pause()
    wait(200)
    kept = ws.timeline.kept_epochs()
    ws.timeline.preview(kept[min(len(kept) - 1, 12)])


def shoot_race(name: str, size=(1280, 800)) -> None:
    """The optimizer race on the valley demo: SGD zig-zags, Momentum spirals, Adam walks."""
    window = MainWindow(persist_settings=False)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    ws = build_workspace(window)
    ws.race.open()
    race = ws.race.window
    race.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    race.resize(*size)
    wait(300)
    race.load_demo("valley")
    wait(300)
    race.play()
    wait(4000)
    race.pause()
    wait(500)
    race.grab().save(str(OUT / f"{name}.png"))
    race.close()
    ws.controller.shutdown()
    window.close()
    print("wrote", OUT / f"{name}.png")


def shoot_presentation(name: str, language: str, size, theme_key: str = "light") -> None:
    """Presentation mode (150 %) as `--presentation --lang … --screenshot` shows it."""
    from gui import theme
    from gui.i18n import install_language

    install_language(language)
    theme.set_theme(theme_key)
    window = MainWindow(persist_settings=False)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    ws = build_workspace(window)
    window.resize(*size)
    window.show()
    QApplication.processEvents()
    ws.presentation.enter(full_screen=False)  # as `--presentation --screenshot` does
    wait(300)
    ws.controller.play()
    wait(2500)
    ws.controller.pause()
    for _ in range(5):  # a layout that needed more room for a moment may have grown it
        if window.size().toTuple() == tuple(size):
            break
        window.resize(*size)
        wait(200)
    window.grab().save(str(OUT / f"{name}.png"))
    ws.presentation.leave()
    ws.controller.shutdown()
    window.close()
    install_language("en")
    theme.set_theme("light")
    print("wrote", OUT / f"{name}.png")


if __name__ == "__main__":
    app = create_application()
    shoot("main-window", circle, 3.0)
    shoot("spiral-deep", spiral, 8.0)
    shoot("multi-class", blobs, 3.0)
    shoot("main-window-1024", circle, 2.0, size=(1024, 768))
    shoot("step-through", step_through, 0)
    shoot("timeline", timeline, 0)
    shoot_race("optimizer-race")
    shoot_presentation("presentation-es-1024", "es", (1024, 768))
    shoot_presentation("presentation-high-contrast", "es", (1920, 1080), theme_key="high_contrast")
