"""The PyInstaller recipe (packaging/neurona.spec) builds an app that starts.

Slow (about a minute) and needs PyInstaller, so it runs only when asked for:

    NEURONA_TEST_PACKAGING=1 uv run --with pyinstaller pytest -m packaging
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(os.environ.get("NEURONA_TEST_PACKAGING") != "1",
                       reason="builds the app with PyInstaller: set NEURONA_TEST_PACKAGING=1 to run"),
]


def pyinstaller_command() -> list[str]:
    if importlib.util.find_spec("PyInstaller") is not None:
        return [sys.executable, "-m", "PyInstaller"]
    uv = shutil.which("uv")
    if uv is not None:
        return [uv, "run", "--with", "pyinstaller", "pyinstaller"]
    pytest.fail("NEURONA_TEST_PACKAGING=1 but PyInstaller is not installed (uv pip install pyinstaller)")


def test_pyinstaller_builds_an_app_that_starts(tmp_path):
    from PySide6.QtGui import QImage

    dist, work = tmp_path / "dist", tmp_path / "build"
    build = subprocess.run(
        [*pyinstaller_command(), "--noconfirm", "--distpath", str(dist), "--workpath", str(work),
         str(REPO / "packaging" / "neurona.spec")],
        cwd=REPO, capture_output=True, text=True, timeout=900,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    name = "Neurona.exe" if sys.platform == "win32" else "Neurona"
    exe = dist / "Neurona" / name
    assert exe.is_file()
    assert (dist / "Neurona" / "_internal" / "resources" / "examples" / "index.json").is_file()

    out = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [str(exe), "--screenshot", str(out), "--size", "1200x800",
         str(REPO / "resources" / "examples" / "07-xor-backprop.neurona")],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)
    version = subprocess.run([str(exe), "--version"], cwd=tmp_path, env=env, capture_output=True, text=True,
                             timeout=60)
    assert version.returncode == 0
