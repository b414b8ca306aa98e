"""Code export (engine.export) and ``python -m engine export``.

The exported NumPy script is run in a subprocess with this Python and must print the
engine's predictions (to 1e-12) on a grid of points, for networks covering every
activation, Maxout, removed connections, all seven features and regression. Keras and
PyTorch exports must always pass ``compile()``; where torch or keras is installed they
are run too and compared (skipped otherwise). User text never becomes code.
"""

from __future__ import annotations

import ast
import io
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from engine import Experiment, Network, Trainer, TrainingConfig, from_points, generate, save_experiment
from engine.cli import main
from engine.errors import ConfigError
from engine.export import FORMATS, export_code, neurona_version, safe_comment_lines
from engine.features import FEATURE_NAMES
from engine.optimizers import OPTIMIZERS
from engine.training import predict_classes

ROOT = Path(__file__).resolve().parents[2]
GRID = np.stack(np.meshgrid(np.linspace(-6, 6, 13), np.linspace(-5.5, 5.5, 12)), axis=-1).reshape(-1, 2)


def _classes(n_classes: int, n: int = 40, seed: int = 0):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-5, 5, (n, 2))
    y = (np.arange(n) % n_classes).astype(int)
    return from_points(X, y, class_names=[f"c{c}" for c in range(n_classes)])


def _regression(n: int = 40):
    rng = np.random.default_rng(1)
    X = rng.uniform(-5, 5, (n, 2))
    return from_points(X, 0.3 * X[:, 0] - 0.1 * X[:, 1] ** 2, kind="regression")


def case(features, layers, data, train=None, edit=None, seed=0):
    def make():
        net = Network(features, layers, seed=seed)
        if edit:
            edit(net)
        cfg = TrainingConfig(**(train or {}))
        if train is not None:
            Trainer(net, data, cfg).train_epochs(3)
        return net, cfg, data

    return make


def _remove(net):
    net.remove_connection(0, 1, 2)
    net.remove_connection(1, 0, 0)
    net.freeze_weight(0, 0, 1)
    net.freeze_bias(1, 1)


CASES = {
    "tanh": case(["x1", "x2"], [4, 2, {"size": 1, "activation": "tanh"}], generate("circle", seed=1), {}),
    "relu-softmax": case(["x1", "x2"], [{"size": 6, "activation": "relu"}, {"size": 3, "activation": "softmax"}],
                         _classes(3), {"loss": "sparse_cce", "optimizer": "adam", "learning_rate": 0.01}),
    "maxout": case(["x1", "x2", "x1x2"], [{"size": 3, "activation": "maxout", "pieces": 3},
                                          {"size": 1, "activation": "maxout", "pieces": 2}], generate("xor", seed=2), {}),
    "leaky": case(["x1", "x2"], [{"size": 5, "activation": "leaky_relu", "alpha": 0.3}, {"size": 1, "activation": "sigmoid"}],
                  generate("gauss", seed=3), {"loss": "bce", "optimizer": "rmsprop"}),
    "removed": case(["x1", "x2", "x1_sq"], [{"size": 4, "activation": "tanh"}, {"size": 3, "activation": "elu", "alpha": 0.5},
                                            {"size": 1, "activation": "tanh"}], generate("circle", seed=4),
                    {"optimizer": "momentum", "l1": 0.001, "l2": 0.01, "max_norm": 2.0}, edit=_remove),
    "all-features": case(list(FEATURE_NAMES), [{"size": 5, "activation": "selu"}, {"size": 4, "activation": "gelu"},
                                                {"size": 2, "activation": "softplus"}, {"size": 2, "activation": "sigmoid"}],
                         generate("spiral", seed=5), {"loss": "bce", "optimizer": "nadam"}),
    "regression": case(["x1", "x2", "x2_sq"], [{"size": 4, "activation": "silu"}, {"size": 1, "activation": "linear"}],
                       _regression(), {"optimizer": "adagrad"}),
    "step-sign": case(["x1", "x2"], [{"size": 3, "activation": "sign"}, {"size": 1, "activation": "step"}],
                      generate("and"), None, seed=3),
    "perceptron": case(["x1", "x2"], [{"size": 1, "activation": "step"}], generate("or"),
                       {"rule": "perceptron", "learning_rate": 0.1}),
    "dropout-cce": case(["x1", "x2", "sin_x1", "sin_x2"], [{"size": 6, "activation": "tanh", "dropout": 0.2},
                                                          {"size": 4, "activation": "softmax"}], _classes(4),
                        {"loss": "cce", "optimizer": "adamw"}),
    "untrained-no-settings": case(["x1", "x2"], [{"size": 2, "activation": "elu"}, {"size": 1, "activation": "tanh"}],
                                  generate("xor"), None),
}


@pytest.fixture(params=list(CASES), scope="module")
def network_case(request):
    return request.param, *CASES[request.param]()


def _export(net, cfg, ds, fmt, name):
    if name == "untrained-no-settings":
        return export_code(net, fmt)
    return export_code(net, fmt, training=cfg, dataset=ds, title="Test", description="A network.")


def _run(args, cwd, timeout=120):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)


# ---------------------------------------------------------------------- NumPy
def test_numpy_script_prints_the_engines_predictions(network_case, tmp_path):
    name, net, cfg, ds = network_case
    code = _export(net, cfg, ds, "numpy", name)
    script = tmp_path / "exported_net.py"
    script.write_text(code, encoding="utf-8")
    points = tmp_path / "points.csv"
    np.savetxt(points, GRID, delimiter=",", fmt="%.17g")
    run = _run([str(script), str(points)], tmp_path)
    assert run.returncode == 0, run.stderr
    printed = np.loadtxt(io.StringIO(run.stdout), delimiter=",", ndmin=2)
    np.testing.assert_array_equal(printed[:, :2], GRID)
    np.testing.assert_allclose(printed[:, 2:], net.predict(GRID), rtol=1e-12, atol=1e-12)
    # without arguments it prints a few sample points, with a header
    run = _run([str(script)], tmp_path)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("# x1,x2,output0") and len(lines) == 4
    sample = np.loadtxt(io.StringIO(run.stdout), delimiter=",", ndmin=2)
    np.testing.assert_allclose(sample[:, 2:], net.predict(sample[:, :2]), rtol=1e-12, atol=1e-12)


def test_numpy_script_imported_gives_predict_features_and_classify(network_case, tmp_path):
    name, net, cfg, ds = network_case
    code = _export(net, cfg, ds, "numpy", name)
    ns: dict = {"__name__": "exported"}
    exec(compile(code, "exported.py", "exec"), ns)
    np.testing.assert_allclose(ns["predict"](GRID), net.predict(GRID), rtol=1e-12, atol=1e-12)
    np.testing.assert_array_equal(ns["features"](GRID), net.inputs(GRID)[:-1].T)
    assert ns["FEATURES"] == list(net.features)
    if ds.kind == "classification":
        np.testing.assert_array_equal(ns["classify"](GRID), predict_classes(net.predict(GRID), net))
    else:
        assert "classify" not in ns
    # the script needs only NumPy
    imports = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            imports |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imports.add(node.module.split(".")[0])
    assert imports <= {"numpy", "sys"}


def test_weights_are_exact_literals_and_removed_connections_are_zero():
    net, cfg, ds = CASES["removed"]()
    code = export_code(net, "numpy", training=cfg, dataset=ds)
    ns: dict = {"__name__": "exported"}
    exec(code, ns)
    for l, (w, b) in enumerate(net.get_weights()):
        np.testing.assert_array_equal(ns[f"W{l}"], w)  # bit for bit
        np.testing.assert_array_equal(ns[f"b{l}"], b)
    assert ns["W0"][1, 2] == 0.0 and ns["W1"][0, 0] == 0.0
    assert net.weight(0, 1, 2) != 0.0  # the stored weight is not what the network computes with
    assert "Removed connections (weight 0): x2 → layer 0 neuron 2; layer 0 neuron 0 → layer 1 neuron 0" in code
    assert "Frozen in Neurona" in code


# ---------------------------------------------------------------------- Keras and PyTorch
@pytest.mark.parametrize("fmt", ["keras", "pytorch"])
def test_keras_and_pytorch_exports_compile(network_case, fmt):
    name, net, cfg, ds = network_case
    code = _export(net, cfg, ds, fmt, name)
    compile(code, f"exported_{fmt}.py", "exec")
    assert code.startswith("# ---")


@pytest.mark.parametrize("optimizer", list(OPTIMIZERS))
@pytest.mark.parametrize("loss", ["mse", "bce", "cce", "sparse_cce"])
def test_every_optimizer_and_loss_compiles(optimizer, loss):
    out = {"mse": {"size": 1, "activation": "tanh"}, "bce": {"size": 1, "activation": "sigmoid"}}.get(
        loss, {"size": 3, "activation": "softmax"})
    ds = _classes(3 if out["size"] == 3 else 2)
    net = Network(["x1", "x2"], [3, out])
    cfg = TrainingConfig(optimizer=optimizer, loss=loss, l1=0.01, max_norm=3.0)
    for fmt in ("keras", "pytorch"):
        code = export_code(net, fmt, training=cfg, dataset=ds)
        compile(code, "x.py", "exec")
    keras_code = export_code(net, "keras", training=cfg, dataset=ds)
    expected_loss = {"mse": "mean_squared_error", "bce": "binary_crossentropy", "cce": "categorical_crossentropy",
                     "sparse_cce": "sparse_categorical_crossentropy"}[loss]
    assert f"loss={expected_loss!r}" in keras_code
    torch_code = export_code(net, "pytorch", training=cfg, dataset=ds)
    assert "optimizer = torch.optim." in torch_code


def test_keras_code_is_in_the_course_style():
    net, cfg, ds = CASES["relu-softmax"]()
    code = export_code(net, "keras", training=cfg, dataset=ds)
    assert "keras.Sequential(" in code and "keras.Input(shape=(2,))" in code
    assert "layers.Dense(6, activation='relu')" in code and "layers.Dense(3, activation='softmax')" in code
    assert "optimizer=keras.optimizers.Adam(learning_rate=0.01, beta_1=0.9, beta_2=0.999, epsilon=1e-08)" in code
    assert "loss='sparse_categorical_crossentropy'" in code and "metrics=['accuracy']" in code
    assert "model.set_weights(weights)" in code and "model.predict(features(points)" in code
    mse = export_code(*CASES["tanh"]()[:1], "keras", training=TrainingConfig(), dataset=generate("circle"))
    assert "without the ½" in mse and "'mean_squared_error'" in mse
    assert "metrics=['accuracy']" not in mse  # −1/+1 targets
    custom = export_code(Network(["x1"], [{"size": 2, "activation": "leaky_relu", "alpha": 0.3},
                                          {"size": 2, "activation": "maxout", "pieces": 2},
                                          {"size": 1, "activation": "step"}]), "keras")
    assert "leaky_relu(0.3)" in custom and "Maxout(2, 2)" in custom and "activation=step" in custom


def test_pytorch_code_transposes_weights_and_names_the_optimizer():
    net, cfg, ds = CASES["removed"]()
    code = export_code(net, "pytorch", training=cfg, dataset=ds)
    assert "optimizer = torch.optim.SGD(model.parameters(), lr=0.03, momentum=0.9)" in code
    assert "nn.Linear(3, 4)" in code and "def training_step(x, t):" in code and "enforce_locks()" in code
    tree = ast.parse(code)
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "copy_"]
    first = ast.literal_eval(calls[0].args[0].args[0])  # model.layer0.weight.copy_(torch.tensor([...]))
    np.testing.assert_array_equal(np.array(first), net.get_weights()[0][0].T)


def _driver(fmt: str, path: Path, grid_path: Path, out_path: Path) -> str:
    if fmt == "pytorch":
        body = ("import torch\nns['model'].eval()\nwith torch.no_grad():\n"
                "    out = ns['model'](torch.tensor(ns['features'](grid))).numpy()\n")
    else:
        body = "out = ns['model'].predict(ns['features'](grid), verbose=0)\n"
    return (f"import runpy, numpy as np\nns = runpy.run_path({str(path)!r})\ngrid = np.load({str(grid_path)!r})\n"
            + body + f"np.save({str(out_path)!r}, np.asarray(out, dtype=np.float64))\n")


@pytest.mark.parametrize("fmt,tol", [("pytorch", 1e-12), ("keras", 1e-5)])
def test_keras_and_pytorch_exports_run_where_installed(network_case, fmt, tol, tmp_path):
    pytest.importorskip("torch" if fmt == "pytorch" else "keras")
    name, net, cfg, ds = network_case
    path = tmp_path / f"exported_{fmt}.py"
    path.write_text(_export(net, cfg, ds, fmt, name), encoding="utf-8")
    np.save(tmp_path / "grid.npy", GRID)
    driver = tmp_path / "driver.py"
    driver.write_text(_driver(fmt, path, tmp_path / "grid.npy", tmp_path / "out.npy"))
    run = _run([str(driver)], tmp_path, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    np.testing.assert_allclose(np.load(tmp_path / "out.npy"), net.predict(GRID), rtol=tol, atol=tol)


@pytest.mark.parametrize("optimizer", list(OPTIMIZERS))
def test_pytorch_training_step_is_neuronas_step_where_installed(optimizer, tmp_path):
    torch = pytest.importorskip("torch")
    import runpy

    ds = _classes(3, n=8)
    net = Network(["x1", "x2", "x1x2"], [{"size": 4, "activation": "elu"}, {"size": 3, "activation": "maxout", "pieces": 2},
                                         {"size": 3, "activation": "softmax"}], seed=2)
    net.remove_connection(0, 1, 2)
    net.freeze_weight(1, 0, 1)
    cfg = TrainingConfig(optimizer=optimizer, loss="cce", learning_rate=0.05, batch_size=8, shuffle=False,
                         l1=0.01, l2=0.02, max_norm=1.5)
    path = tmp_path / "exported_torch.py"
    path.write_text(export_code(net, "pytorch", training=cfg, dataset=ds), encoding="utf-8")
    ns = runpy.run_path(str(path))
    x, t = torch.tensor(ns["features"](ds.x_train)), torch.tensor(ns["targets"](ds.y_train))
    trainer = Trainer(net, ds, cfg)
    for _ in range(3):
        ns["training_step"](x, t)
    trainer.step(3)
    for l, L in enumerate(net.layers):
        layer = getattr(ns["model"], f"layer{l}")
        np.testing.assert_allclose(layer.weight.detach().numpy().T, L.W, rtol=1e-9, atol=1e-11)
        np.testing.assert_allclose(layer.bias.detach().numpy(), L.b, rtol=1e-9, atol=1e-11)


# ---------------------------------------------------------------------- header and user text
@pytest.mark.parametrize("fmt", FORMATS)
def test_header_describes_the_network(fmt):
    net, cfg, ds = CASES["all-features"]()
    code = export_code(net, fmt, training=cfg, dataset=ds, title="Spiral")
    head = code.split("\n\n")[0]
    assert all(line.startswith("#") for line in head.splitlines())
    assert f"Neurona {neurona_version()}" in head
    assert "Inputs: 7 features" in head and "sin_x2 (sin x₂)" in head
    assert "layer  inputs  neurons  activation" in head
    assert "gelu" in head and "(output)" in head and "How to run:" in head
    assert "Title: Spiral" in head


EVIL = [
    'Bye\n"""\nimport os; os.system("echo pwned")\n"""',
    "line\rimport os\x00\x0b\x0c\u2028os.system('x')\u2029# ok",
    "\u202eevil\u202c code \u2066hidden\u2069 \ud800 and \\ backslash ''' \"\"\"",
    "\\\nprint('continued')",
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("text", EVIL)
def test_user_text_never_becomes_code(fmt, text):
    net, cfg, ds = CASES["tanh"]()
    plain = export_code(net, fmt, training=cfg, dataset=ds)
    evil = export_code(net, fmt, training=cfg, dataset=ds, title=text, description=text + "\n" + text)
    assert ast.dump(ast.parse(evil)) == ast.dump(ast.parse(plain))  # only comments differ
    for ch in "\x00\r\x0b\x0c\u2028\u2029\u202e\u2066\ud800":
        assert ch not in evil
    evil.encode("utf-8")  # writable as UTF-8
    for line in evil.splitlines()[:40]:
        if "pwned" in line or "print('continued')" in line or "os.system" in line:
            assert line.startswith("#")


def test_class_names_are_repr_strings():
    names = ['a"b', "c\n''' d", "\u202eé"]
    rng = np.random.default_rng(0)
    ds = from_points(rng.uniform(-1, 1, (9, 2)), np.arange(9) % 3, class_names=names)
    net = Network(["x1", "x2"], [{"size": 3, "activation": "softmax"}])
    for fmt in FORMATS:
        code = export_code(net, fmt, training=TrainingConfig(loss="cce"), dataset=ds)
        tree = ast.parse(code)
        assigned = [n for n in tree.body if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "CLASS_NAMES"]
        assert ast.literal_eval(assigned[0].value) == names
        assert "\u202e" not in code


def test_safe_comment_lines():
    assert safe_comment_lines("a\r\nb\u2028c") == ["a", "", "b", "c"]
    assert safe_comment_lines("x\u202ey\x00") == ["x\\u202ey\\u0000"]
    assert safe_comment_lines("z" * 50, limit=10) == ["z" * 10 + "…"]
    assert safe_comment_lines(None) == []


def test_unknown_format_is_a_config_error():
    with pytest.raises(ConfigError) as info:
        export_code(Network(["x1"], [1]), "tensorflow")
    assert info.value.field == "format"
    with pytest.raises(ConfigError):
        export_code("not a network", "numpy")


# ---------------------------------------------------------------------- command line
def _file(tmp_path: Path) -> Path:
    net = Network(["x1", "x2"], [3, {"size": 1, "activation": "tanh"}], seed=2)
    path = tmp_path / "net.neurona"
    save_experiment(path, Experiment(net, TrainingConfig(optimizer="adam"), generate("circle", seed=1), {},
                                     {"meta": {"title": {"en": "Circle\n\"\"\"", "es": "Círculo"}}}))
    return path


def _cli(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_export_writes_code(tmp_path, fmt):
    src = _file(tmp_path)
    dst = tmp_path / f"out_{fmt}.py"
    code, out, err = _cli("export", "--format", fmt, str(src), "-o", str(dst))
    assert code == 0, err
    assert f"wrote {dst}" in out
    text = dst.read_text(encoding="utf-8")
    compile(text, str(dst), "exec")
    assert "# Title: Circle \"\"\"" in text


def test_cli_export_numpy_runs_and_matches(tmp_path):
    src = _file(tmp_path)
    dst = tmp_path / "exported.py"
    run = _run(["-m", "engine", "export", "--format", "numpy", str(src), "-o", str(dst)], ROOT)
    assert run.returncode == 0, run.stderr
    from engine import load_experiment

    net = load_experiment(src).network
    np.savetxt(tmp_path / "p.csv", GRID, delimiter=",")
    run = _run([str(dst), str(tmp_path / "p.csv")], tmp_path)
    np.testing.assert_allclose(np.loadtxt(io.StringIO(run.stdout), delimiter=",")[:, 2:], net.predict(GRID), rtol=1e-12, atol=1e-12)


def test_cli_export_to_stdout(tmp_path):
    code, out, _ = _cli("export", "--format", "pytorch", str(_file(tmp_path)))
    assert code == 0 and "class NeuronaNet(nn.Module)" in out


def test_cli_export_bad_input(tmp_path, capsys):
    src = _file(tmp_path)
    with pytest.raises(SystemExit) as info:
        main(["export", "--format", "tensorflow", str(src)])
    assert info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
    code, _, err = _cli("export", "--format", "numpy", str(tmp_path / "missing.neurona"), "-o", str(tmp_path / "x.py"))
    assert code == 2 and "error:" in err and not (tmp_path / "x.py").exists()
    bad = tmp_path / "bad.neurona"
    bad.write_text("{not json")
    code, _, err = _cli("export", "--format", "keras", str(bad))
    assert code == 2 and "error:" in err
    before = src.read_bytes()
    code, _, err = _cli("export", "--format", "numpy", str(src), "-o", str(src))
    assert code == 2 and "network file itself" in err and src.read_bytes() == before
    code, _, err = _cli("export", "--format", "numpy", str(src), "-o", str(tmp_path / "no" / "such" / "dir.py"))
    assert code == 2 and "error:" in err
