"""File › Export › Code writes a script that reproduces the window's network."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtWidgets import QFileDialog



def test_numpy_export_reproduces_the_predictions(assembled, tmp_path, monkeypatch):
    window, ws = assembled
    ws.editor.set_weight(1, 0, 1, 1.25)
    target = tmp_path / "mine"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert ws.code_export.actions["numpy"].isEnabled()
    ws.code_export.actions["numpy"].trigger()
    script = tmp_path / "mine.py"
    assert script.is_file()
    points = np.array([[0.5, -1.0], [2.0, 3.0], [-4.0, 0.25]])
    code = (
        f"import json, runpy, numpy as np; m = runpy.run_path({str(script)!r}); "
        f"print(json.dumps(m['predict'](np.array({points.tolist()!r})).tolist()))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    exported = np.array(json.loads(result.stdout.strip()))
    np.testing.assert_allclose(exported, ws.doc.network.predict(points), rtol=0, atol=1e-12)


@pytest.mark.parametrize("fmt", ["keras", "pytorch"])
def test_keras_and_pytorch_exports_compile(assembled, tmp_path, fmt):
    window, ws = assembled
    path = tmp_path / f"net_{fmt}.py"
    assert ws.code_export.export_to(fmt, path)
    compile(path.read_text(), str(path), "exec")
    assert ws.code_export.suggested_name(fmt) == f"network_{fmt}.py"
