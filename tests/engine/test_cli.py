"""The headless command line, the network documents it reads and writes, and the no-Qt rule."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from engine import Experiment, Network, TrainingConfig, generate, load_experiment, save_experiment
from engine.cli import main
from engine.io import FileFormatError, experiment_from_dict, experiment_to_dict, parse_json, write_atomic

ROOT = Path(__file__).resolve().parents[2]


def make_file(path: Path, **extra) -> Path:
    net = Network(["x1", "x2"], [4, 2, {"size": 1, "activation": "tanh"}], seed=3)
    exp = Experiment(net, TrainingConfig(learning_rate=0.03), generate("circle", noise=5, seed=2), {}, extra)
    save_experiment(path, exp)
    return path


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_train_writes_trained_weights_and_keeps_everything_else(tmp_path):
    src = make_file(tmp_path / "net.neurona", canvas={"columns": [0, 190]}, description="Mi red")
    dst = tmp_path / "out.neurona"
    code, out, err = run("train", str(src), "--epochs", "50", "-o", str(dst))
    assert code == 0, err
    assert "final: epoch 50" in out and "train loss" in out and "accuracy" in out
    before, after = json.loads(src.read_text()), json.loads(dst.read_text())
    assert after["canvas"] == before["canvas"] and after["description"] == "Mi red"
    assert after["state"]["epoch"] == 50
    assert after["network"]["weights"] != before["network"]["weights"]
    # the written network predicts what the CLI's trainer trained: train again in Python
    exp = load_experiment(src)
    from engine import Trainer

    trainer = Trainer(exp.network, exp.data, exp.training)
    trainer.train_epochs(50)
    trained = load_experiment(dst).network
    assert np.array_equal(trained.params, exp.network.params)


def test_training_continues_from_the_saved_epoch(tmp_path):
    src = make_file(tmp_path / "a.neurona")
    mid, end = tmp_path / "b.neurona", tmp_path / "c.neurona"
    assert run("train", str(src), "--epochs", "5", "-o", str(mid), "--quiet")[0] == 0
    code, out, _ = run("train", str(mid), "--epochs", "5", "-o", str(end), "--quiet")
    assert code == 0 and "final: epoch 10" in out
    assert out.count("\n") == 2  # --quiet: only the final line and where it wrote


def test_seed_reinitialises_reproducibly(tmp_path):
    src = make_file(tmp_path / "a.neurona")
    outs = []
    for name in ("x", "y"):
        dst = tmp_path / f"{name}.neurona"
        assert run("train", str(src), "--epochs", "3", "-o", str(dst), "--seed", "7", "--quiet")[0] == 0
        outs.append(json.loads(dst.read_text())["network"]["weights"])
    assert outs[0] == outs[1]


@pytest.mark.parametrize(
    "content, words",
    [
        ("not json at all", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ('{"format_version": 99, "network": {}, "training": {}, "data": {}}', "newer Neurona"),
        ('{"format_version": 1, "training": {}, "data": {}}', "'network' section is missing"),
        ("", "empty"),
    ],
)
def test_bad_files_give_a_clear_message_and_status_2(tmp_path, content, words):
    src = tmp_path / "bad.neurona"
    src.write_text(content)
    dst = tmp_path / "out.neurona"
    code, out, err = run("train", str(src), "--epochs", "3", "-o", str(dst))
    assert code == 2
    assert words in err and "bad.neurona" in err
    assert "Traceback" not in err
    assert not dst.exists()


def test_bad_values_inside_a_file_name_their_place(tmp_path):
    src = make_file(tmp_path / "n.neurona")
    doc = json.loads(src.read_text())
    doc["network"]["layers"][1]["activation"] = "tanhh"
    src.write_text(json.dumps(doc))
    code, _, err = run("train", str(src), "--epochs", "1", "-o", str(tmp_path / "o.neurona"))
    assert code == 2 and "network.layers[1].activation" in err and "tanhh" in err
    doc["network"]["layers"][1]["activation"] = "tanh"
    doc["training"]["batch_size"] = 0
    src.write_text(json.dumps(doc))
    code, _, err = run("train", str(src), "--epochs", "1", "-o", str(tmp_path / "o.neurona"))
    assert code == 2 and "training.batch_size" in err


def test_incompatible_network_and_data_is_a_clear_error(tmp_path):
    net = Network(["x1", "x2"], [3, {"size": 1, "activation": "tanh"}])
    exp = Experiment(net, TrainingConfig(), generate("blobs", n_classes=3), {}, {})
    src = tmp_path / "m.neurona"
    save_experiment(src, exp)
    code, _, err = run("train", str(src), "--epochs", "1", "-o", str(tmp_path / "o.neurona"))
    assert code == 2 and "3 classes" in err


def test_divergence_writes_the_last_finite_weights_and_exits_1(tmp_path):
    net = Network(["x1", "x2"], [{"size": 1, "activation": "linear"}], seed=0)
    exp = Experiment(net, TrainingConfig(learning_rate=50.0), generate("reg_plane", n_points=200), {}, {})
    src, dst = tmp_path / "d.neurona", tmp_path / "o.neurona"
    save_experiment(src, exp)
    code, _, err = run("train", str(src), "--epochs", "100", "-o", str(dst))
    assert code == 1 and "diverged" in err and "learning rate" in err
    assert np.isfinite(load_experiment(dst).network.params).all()


def test_argument_errors_exit_nonzero(tmp_path):
    with pytest.raises(SystemExit) as info:
        main(["train", "x.neurona", "--epochs", "0", "-o", "y"])
    assert info.value.code == 2
    code, _, err = run("train", str(tmp_path / "missing.neurona"), "--epochs", "1", "-o", "y")
    assert code == 2 and "no such file" in err


def test_info_describes_a_file(tmp_path):
    src = make_file(tmp_path / "i.neurona")
    code, out, _ = run("info", str(src))
    assert code == 0 and "[2, 4, 2, 1]" in out and "circle" in out


def test_documents_round_trip_exactly(tmp_path):
    path = make_file(tmp_path / "r.neurona", view={"zoom": 1.5})
    first = path.read_bytes()
    save_experiment(path, load_experiment(path))
    assert path.read_bytes() == first
    exp = experiment_from_dict(json.loads(first))
    assert experiment_to_dict(exp)["view"] == {"zoom": 1.5}


def test_nan_and_infinity_literals_are_rejected():
    with pytest.raises(FileFormatError, match="not a number JSON allows"):
        parse_json('{"a": NaN}')


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "keep.neurona"
    target.write_text("old contents")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        write_atomic(target, "new contents")
    assert target.read_text() == "old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.neurona"]  # no temporary left behind


def test_python_m_engine_runs(tmp_path):
    src = make_file(tmp_path / "p.neurona")
    result = subprocess.run(
        [sys.executable, "-m", "engine", "train", str(src), "--epochs", "2", "-o", str(tmp_path / "q.neurona")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "final: epoch 2" in result.stdout


def test_engine_imports_no_qt():
    code = "import sys, engine, engine.cli, engine.bench, engine.edit; print(any(m.startswith('PySide6') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
