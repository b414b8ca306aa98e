"""Training-speed benchmark: ``python -m engine.bench [--seconds S]``.

Trains, side by side in one run, two tasks with the same settings as TensorFlow
Playground's default (squared error, SGD, learning rate 0.03, batch 10, no shuffling):

* ``default`` — circle data, 250 training points, features x1, x2, hidden [4, 2], tanh;
* ``big`` — the same data, six features, six hidden layers of 8, tanh.

For each it prints epochs per second for

* the engine (``engine.training.Trainer``, recording train/test loss every epoch);
* a bare, straightforward NumPy loop doing the same arithmetic (allocating temporaries,
  one array per weight matrix and bias) — the floor any NumPy engine pays;
* scikit-learn's ``MLPRegressor.partial_fit`` (one epoch per call), if installed;

and the ratios. Each measurement is the best of several rounds, interleaved so that
machine noise hits all of them alike. The last line is ``key=value`` pairs for scripts.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time

import numpy as np

from .datasets import generate
from .features import feature_matrix
from .network import Network
from .training import Trainer, TrainingConfig

TASKS = {
    "default": (("x1", "x2"), [4, 2]),
    "big": (("x1", "x2", "x1_sq", "x2_sq", "x1x2", "sin_x1"), [8] * 6),
}
LR, BATCH = 0.03, 10


def _task(name: str):
    features, hidden = TASKS[name]
    data = generate("circle", noise=0, train_ratio=0.5, seed=0)
    net = Network(features, [*hidden, {"size": 1, "activation": "tanh"}], init="uniform", seed=0)
    return data, net


def engine_runner(name: str):
    data, net = _task(name)
    trainer = Trainer(net, data, TrainingConfig(learning_rate=LR, batch_size=BATCH, shuffle=False))
    return lambda epochs: trainer.train_epochs(epochs)


def bare_runner(name: str):
    """The textbook loop: z = aW + b, a = tanh z, backprop, w -= lr·g — nothing reused."""
    data, net = _task(name)
    X = feature_matrix(data.x_train, net.features)
    Xt = feature_matrix(data.x_test, net.features)
    y = np.where(data.y_train == 1, 1.0, -1.0)[:, None]
    yt = np.where(data.y_test == 1, 1.0, -1.0)[:, None]
    Ws = [w.copy() for w, _ in net.get_weights()]
    bs = [b.copy() for _, b in net.get_weights()]

    def forward(a):
        acts = [a]
        for W, b in zip(Ws, bs):
            a = np.tanh(a @ W + b)
            acts.append(a)
        return acts

    def run(epochs):
        for _ in range(epochs):
            for s in range(0, len(X), BATCH):
                acts = forward(X[s : s + BATCH])
                out = acts[-1]
                delta = (out - y[s : s + BATCH]) / len(out) * (1 - out**2)
                for i in range(len(Ws) - 1, -1, -1):
                    gW = acts[i].T @ delta
                    gb = delta.sum(axis=0)
                    if i:
                        delta = (delta @ Ws[i].T) * (1 - acts[i] ** 2)
                    Ws[i] -= LR * gW
                    bs[i] -= LR * gb
            for A, Y in ((X, y), (Xt, yt)):  # the per-epoch losses the engine records
                o = forward(A)[-1]
                _ = float(((o - Y) ** 2).sum()) / (2 * len(A))

    return run


def sklearn_runner(name: str):
    try:
        from sklearn.neural_network import MLPRegressor
    except ImportError:
        return None
    data, net = _task(name)
    X = feature_matrix(data.x_train, net.features)
    y = np.where(data.y_train == 1, 1.0, -1.0)
    model = MLPRegressor(
        hidden_layer_sizes=tuple(TASKS[name][1]),
        activation="tanh",
        solver="sgd",
        learning_rate_init=LR,
        batch_size=BATCH,
        momentum=0.0,
        nesterovs_momentum=False,
        alpha=0.0,
        shuffle=False,
        random_state=0,
    )

    def run(epochs):
        for _ in range(epochs):
            model.partial_fit(X, y)

    return run


def measure(runners: dict, seconds: float, rounds: int = 5) -> dict[str, float]:
    """Best epochs/s of each runner over interleaved rounds of about seconds/rounds each."""
    for run in runners.values():
        run(2)  # warm up buffers and caches
    best = dict.fromkeys(runners, 0.0)
    budget = seconds / rounds / max(1, len(runners))
    for _ in range(rounds):
        for key, run in runners.items():
            epochs, start = 0, time.perf_counter()
            while (elapsed := time.perf_counter() - start) < budget:
                step = max(1, epochs // 4 or 1)
                run(step)
                epochs += step
            best[key] = max(best[key], epochs / elapsed)
    return best


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m engine.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=12.0, help="time per task (default 12)")
    args = parser.parse_args(argv)
    print(f"Neurona engine benchmark — Python {platform.python_version()}, NumPy {np.__version__}, {platform.machine()}")
    summary = {}
    for name in TASKS:
        runners = {"engine": engine_runner(name), "bare": bare_runner(name)}
        sk = sklearn_runner(name)
        if sk is not None:
            runners["sklearn"] = sk
        eps = measure(runners, args.seconds)
        line = f"{name:8s} engine {eps['engine']:8.0f} epochs/s   bare NumPy {eps['bare']:8.0f}   "
        line += f"engine/bare {eps['engine'] / eps['bare']:.2f}×"
        if "sklearn" in eps:
            line += f"   scikit-learn {eps['sklearn']:8.0f}   engine/sklearn {eps['engine'] / eps['sklearn']:.2f}×"
        print(line, flush=True)
        summary[f"engine_vs_bare_{name}"] = round(eps["engine"] / eps["bare"], 3)
        if "sklearn" in eps:
            summary[f"engine_vs_sklearn_{name}"] = round(eps["engine"] / eps["sklearn"], 3)
        summary[f"engine_eps_{name}"] = round(eps["engine"], 1)
        summary[f"bare_eps_{name}"] = round(eps["bare"], 1)
    print(" ".join(f"{k}={v}" for k, v in summary.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
