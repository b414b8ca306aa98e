"""Pictures (gui/export.py), the --export-png handout and desktop integration (gui/desktop.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QByteArray, QPointF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui import desktop, export
from gui import files as files_module
from gui.app import create_application
from gui.main_window import MainWindow
from gui.workspace import build_workspace

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "resources" / "examples"

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


@pytest.fixture
def ws(qapp, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(files_module, "autosave_dir", lambda: tmp_path / "autosave")
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: pytest.fail(f"warning: {a[1:3]}")))
    create_application()
    window = MainWindow(persist_settings=False)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    ws = build_workspace(window)
    window.resize(1400, 900)
    window.show()
    qtbot.wait(50)
    assert ws.files.open_path(EXAMPLES / "07-xor-backprop.neurona")
    qtbot.wait(50)
    yield ws
    ws.files.shutdown()
    window.close()
    window.deleteLater()


def svg_size(path: Path) -> tuple[int, int]:
    renderer = QSvgRenderer(QByteArray(path.read_bytes()))
    assert renderer.isValid()
    size = renderer.defaultSize()
    return size.width(), size.height()


def mean_difference(a: QImage, b: QImage) -> float:
    """Mean absolute difference of two same-sized images' RGB values (0 … 255)."""
    def rgb(image: QImage) -> np.ndarray:
        image = image.convertToFormat(QImage.Format.Format_RGB32)
        data = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
        return data[:, : image.width(), :3].astype(int)

    return float(np.abs(rgb(a) - rgb(b)).mean())


def test_canvas_png_and_svg_are_slide_sized(ws, tmp_path):
    png = export.export_canvas(ws.canvas, tmp_path / "net.png")
    image = QImage(str(png))
    assert image.width() == export.SLIDE_WIDTH and 300 < image.height() < 3000
    # not blank: the network's colours are there
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 37) for y in range(0, image.height(), 37)}
    assert len(colours) > 10
    svg = export.export_canvas(ws.canvas, tmp_path / "net.svg")
    assert svg.stat().st_size > 1000 and svg_size(svg)[0] == export.SLIDE_WIDTH
    # the drawing shows what the picture shows (each neuron its own map, not the whole atlas)
    drawn = QImage(image.size(), QImage.Format.Format_RGB32)
    drawn.fill(Qt.GlobalColor.white)
    painter = QPainter(drawn)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    assert mean_difference(image, drawn) < 4.0
    # the view itself is as it was
    assert ws.canvas.scene.text_scale >= 1.0


def test_plot_pictures_png_and_svg(ws, tmp_path):
    region = export.export_plot(ws.output_panel.plot, tmp_path / "region.png", 1200)
    image = QImage(str(region))
    assert image.width() == 1200 and image.height() > 600
    assert image.pixelColor(2, 2).name() == "#ffffff"  # on white
    loss = export.export_plot(ws.output_panel.loss_plot, tmp_path / "loss.png")
    assert QImage(str(loss)).width() == export.SLIDE_WIDTH
    for name, plot in (("region.svg", ws.output_panel.plot), ("loss.svg", ws.output_panel.loss_plot)):
        path = export.export_plot(plot, tmp_path / name, 1000)
        assert path.stat().st_size > 500 and svg_size(path)[0] == 1000
    with pytest.raises(ValueError):
        export.export_plot(ws.output_panel.plot, tmp_path / "region.jpg")


def test_export_menu_and_context_menus(ws, tmp_path, monkeypatch):
    window = ws.files.window
    names = [a.objectName() for a in window.export_menu.actions()]
    assert names[:3] == ["action_export_network", "action_export_region", "action_export_loss"]
    assert "action_export_window_png" in names
    answers = [str(tmp_path / "n.svg"), str(tmp_path / "r"), str(tmp_path / "l.png")]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (answers.pop(0), "")))
    for action in window.export_menu.actions()[:3]:
        action.trigger()
    assert (tmp_path / "n.svg").is_file() and (tmp_path / "r.png").is_file() and (tmp_path / "l.png").is_file()
    # the canvas background's menu has "Export image…"; a neuron's has not
    actions = ws.files.export
    far = ws.canvas.scene.network_rect().bottomRight() + QPointF(400, 400)
    menu = actions.canvas_menu(far)
    assert "menu_export_image" in [a.objectName() for a in menu.actions()]
    uid = ws.doc.unit_ids[1][0]
    x, y = ws.doc.unit_position(uid)
    menu = actions.canvas_menu(QPointF(x, y))
    assert "menu_export_image" not in [a.objectName() for a in menu.actions()]
    for plot in (ws.output_panel.plot, ws.output_panel.loss_plot):
        assert plot.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
        menu = actions.plot_menu(plot, lambda: None)
        assert [a.text() for a in menu.actions()] == ["Export image…"]


def test_export_png_command_writes_a_handout(tmp_path):
    out = tmp_path / "handout.png"
    result = subprocess.run(
        [sys.executable, "main.py", "--export-png", str(out), str(EXAMPLES / "07-xor-backprop.neurona"),
         "--epochs", "300"],
        cwd=REPO, capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == export.HANDOUT_SIZE
    assert "300 epochs" in result.stdout


def test_export_png_command_refuses_a_bad_file(tmp_path):
    bad = tmp_path / "bad.neurona"
    bad.write_text('{"format": "neurona", "format_version": 99}')
    out = tmp_path / "x.png"
    result = subprocess.run([sys.executable, "main.py", "--export-png", str(out), str(bad)],
                            cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "bad.neurona" in result.stderr and not out.exists()
    result = subprocess.run([sys.executable, "main.py", "--export-png", str(out)],
                            cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "FILE" in result.stderr


# --- desktop integration ---------------------------------------------------------------------


def test_install_and_uninstall_desktop_in_a_temporary_home(tmp_path):
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": "", "PATH": os.environ.get("PATH", "")}
    result = subprocess.run([sys.executable, "main.py", "--install-desktop"], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    share = home / ".local" / "share"
    entry = share / "applications" / "neurona.desktop"
    assert entry.is_file()
    text = entry.read_text()
    assert "MimeType=application/x-neurona;" in text and "Icon=neurona" in text
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line.endswith(" %f")
    assert "*.neurona" in (share / "mime" / "packages" / "neurona.xml").read_text()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "neurona.svg").is_file()
    for n in (16, 48, 256):
        png = QImage(str(share / "icons" / "hicolor" / f"{n}x{n}" / "apps" / "neurona.png"))
        assert (png.width(), png.height()) == (n, n)
    assert str(entry) in result.stdout  # says what it did

    xdg = tmp_path / "xdg"
    env2 = {**env, "XDG_DATA_HOME": str(xdg)}
    result = subprocess.run([sys.executable, "main.py", "--install-desktop"], cwd=REPO, env=env2,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and (xdg / "applications" / "neurona.desktop").is_file()

    result = subprocess.run([sys.executable, "main.py", "--uninstall-desktop"], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert not any(p.exists() for p in desktop.Layout(share).all_files())
    result = subprocess.run([sys.executable, "main.py", "--uninstall-desktop"], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "Nothing to remove" in result.stdout


def test_desktop_entry_points_at_this_installation():
    text = desktop.desktop_entry("/opt/neurona/bin/neurona")
    assert "Exec=/opt/neurona/bin/neurona %f" in text and "TryExec=/opt/neurona/bin/neurona" in text
    assert desktop.data_home({"HOME": "/h", "XDG_DATA_HOME": "relative"}) == Path("/h/.local/share")
    assert desktop.data_home({"HOME": "/h", "XDG_DATA_HOME": "/x"}) == Path("/x")


def test_install_reports_an_unwritable_folder(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert desktop.main(install=True, root=blocker) == 1
    assert "could not install" in capsys.readouterr().err
