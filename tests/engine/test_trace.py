"""The step-through data (engine.trace) against the engine's own training step.

For each network, loss and optimizer: a trainer whose one batch is exactly the traced
points takes ``step(1)``, and its new weights must equal the trace's "after" (to 1e-15);
δ and the gradients must equal ``Trainer.gradient()``; the forward values must equal
``Network.activations``; and the trace must leave the trainer as it was (weights,
optimizer state, random generator, position). The optimizer's numbers are also checked
against its textbook rule, and the per-point values against the batch's.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from engine.datasets import from_points, generate
from engine.errors import ConfigError
from engine.network import Network
from engine.optimizers import OPTIMIZERS
from engine.trace import StepTrace, _split, apply_step, trace_step
from engine.training import Trainer, TrainingConfig

TOL = dict(rtol=1e-15, atol=1e-15)
FEATURES = ["x1", "x2", "x1x2"]

HIDDEN = {
    "linear": {"activation": "linear"},
    "sigmoid": {"activation": "sigmoid"},
    "tanh": {"activation": "tanh"},
    "relu": {"activation": "relu"},
    "leaky_relu_0.3": {"activation": "leaky_relu", "alpha": 0.3},
    "elu_0.5": {"activation": "elu", "alpha": 0.5},
    "selu": {"activation": "selu"},
    "softplus": {"activation": "softplus"},
    "silu": {"activation": "silu"},
    "gelu": {"activation": "gelu"},
    "step": {"activation": "step"},
    "sign": {"activation": "sign"},
    "maxout2": {"activation": "maxout", "pieces": 2},
    "maxout3": {"activation": "maxout", "pieces": 3},
}

# (loss, output layer, data kind, classes): every output the losses accept
OUTPUTS = {
    **{
        f"mse-{name}": ("mse", {"size": 1, **spec}, "classification", 2)
        for name, spec in HIDDEN.items()
        if name != "maxout3"
    },
    "mse-tanh2": ("mse", {"size": 2, "activation": "tanh"}, "classification", 2),
    "mse-softmax3": ("mse", {"size": 3, "activation": "softmax"}, "classification", 3),
    "bce-sigmoid": ("bce", {"size": 1, "activation": "sigmoid"}, "classification", 2),
    "bce-sigmoid2": ("bce", {"size": 2, "activation": "sigmoid"}, "classification", 2),
    "cce-softmax3": ("cce", {"size": 3, "activation": "softmax"}, "classification", 3),
    "sparse_cce-softmax3": ("sparse_cce", {"size": 3, "activation": "softmax"}, "classification", 3),
    "regression-linear": ("mse", {"size": 1, "activation": "linear"}, "regression", 0),
}

OPTIMIZER_NAMES = list(OPTIMIZERS)


def points(kind: str, n_classes: int, n: int = 5, seed: int = 0):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1.5, 1.5, (n, 2))
    if kind == "regression":
        y = np.sin(X[:, 0]) + 0.5 * X[:, 1]
    else:
        y = np.arange(n) % n_classes
    return X, y


def dataset(kind: str, n_classes: int, n: int = 5, seed: int = 0):
    X, y = points(kind, n_classes, n, seed)
    return from_points(X, y, kind=kind, class_names=None if kind == "regression" else [str(c) for c in range(n_classes)])


def snapshot(trainer: Trainer) -> dict:
    return {
        "params": trainer.network.params.copy(),
        "optimizer": trainer.optimizer.state_dict(),
        "rng": trainer._rng.bit_generator.state,
        "pos": trainer.batch_position,
        "epoch": trainer.epoch,
        "version": trainer.network.version,
        "history": len(trainer.history),
    }


def assert_unchanged(trainer: Trainer, snap: dict) -> None:
    now = snapshot(trainer)
    assert np.array_equal(now.pop("params"), snap.pop("params"))
    assert now == snap


def check_against_engine(net: Network, ds, cfg: TrainingConfig, pre_steps: int = 2) -> StepTrace:
    """Trace all points of ``ds`` (one batch, in order), then compare with trainer.step(1)."""
    n = ds.n_train
    cfg.batch_size, cfg.shuffle = n, False
    trainer = Trainer(net, ds, cfg)
    trainer.step(pre_steps)  # non-trivial optimizer state
    snap = snapshot(trainer)
    trace = trace_step(trainer, list(range(n)))
    assert_unchanged(trainer, snap)

    # forward values are the network's
    acts = net.activations(ds.x_train)
    np.testing.assert_array_equal(trace.inputs, acts[0])
    for layer, a in zip(trace.layers, acts[1:]):
        np.testing.assert_allclose(layer.a, a, **TOL)
    # δ and gradients equal the trainer's gradient on those points (frozen entries: 0 there)
    expected = _split(net, trainer.gradient())
    for layer, (gw, gb) in zip(trace.layers, expected):
        fw = np.repeat(layer.frozen_weights[..., None], layer.pieces, -1) if layer.maxout else layer.frozen_weights
        fb = np.repeat(layer.frozen_biases[..., None], layer.pieces, -1) if layer.maxout else layer.frozen_biases
        np.testing.assert_allclose(np.where(fw, 0.0, layer.grad_w), gw, **TOL)
        np.testing.assert_allclose(np.where(fb, 0.0, layer.grad_b), gb, **TOL)
    # the step itself
    trainer.step(1)
    for update, (w, b) in zip(trace.update.layers, net.get_weights()):
        np.testing.assert_allclose(update.w_after, w, **TOL)
        np.testing.assert_allclose(update.b_after, b, **TOL)
    return trace


def build(hidden: dict, output: dict, **flags) -> Network:
    net = Network(FEATURES, [{"size": 3, **hidden}, output], seed=7)
    return net


# ---------------------------------------------------------------------- every activation × loss × optimizer
@pytest.mark.parametrize("out_name", list(OUTPUTS))
@pytest.mark.parametrize("hidden_name", list(HIDDEN))
def test_every_activation_loss_and_optimizer(hidden_name, out_name):
    loss, output, kind, classes = OUTPUTS[out_name]
    for optimizer in OPTIMIZER_NAMES:
        net = build(HIDDEN[hidden_name], output)
        cfg = TrainingConfig(optimizer=optimizer, loss=loss, learning_rate=0.05)
        trace = check_against_engine(net, dataset(kind, classes), cfg)
        assert trace.error.loss == loss and trace.update.optimizer == optimizer


@pytest.mark.parametrize("optimizer", OPTIMIZER_NAMES)
@pytest.mark.parametrize("hidden_name", list(HIDDEN))
def test_every_activation_with_every_optimizer(optimizer, hidden_name):
    net = Network(FEATURES, [{"size": 3, **HIDDEN[hidden_name]}, {"size": 2, **HIDDEN["tanh"]}, {"size": 1, "activation": "sigmoid"}], seed=3)
    cfg = TrainingConfig(optimizer=optimizer, loss="bce", learning_rate=0.1)
    check_against_engine(net, dataset("classification", 2), cfg)


@pytest.mark.parametrize("optimizer", OPTIMIZER_NAMES)
def test_removed_frozen_regularization_and_max_norm(optimizer):
    net = Network(FEATURES, [{"size": 4, "activation": "relu"}, {"size": 3, "activation": "maxout", "pieces": 2},
                             {"size": 3, "activation": "softmax"}], seed=5)
    net.remove_connection(0, 1, 2)
    net.remove_connection(1, 3, 0)
    net.freeze_weight(0, 0, 0)
    net.freeze_weight(1, 2, 1)
    net.freeze_bias(2, 1)
    cfg = TrainingConfig(optimizer=optimizer, loss="sparse_cce", learning_rate=0.2, l1=0.01, l2=0.02, max_norm=0.8)
    trace = check_against_engine(net, dataset("classification", 3, n=7), cfg)
    first, second = trace.update.layers[0], trace.update.layers[1]
    # removed: gradient 0, stays 0; frozen: a gradient, but no update
    assert first.w_grad[1, 2] == 0.0 and first.w_before[1, 2] == 0.0 and first.w_after[1, 2] == 0.0
    assert not first.w_updated[1, 2] and not first.w_updated[0, 0] and first.w_updated[0, 1]
    assert first.w_after[0, 0] == first.w_before[0, 0]
    assert np.all(second.w_grad[3, 0] == 0.0) and np.all(second.w_after[3, 0] == 0.0)
    assert np.all(second.w_after[2, 1] == second.w_before[2, 1])
    assert trace.update.layers[2].b_after[1] == trace.update.layers[2].b_before[1]
    assert not trace.update.layers[2].b_updated[1]
    assert trace.layers[0].l1_term is not None and trace.layers[0].l2_term is not None
    lay = trace.layers[0]
    np.testing.assert_allclose(lay.grad_w, lay.grad_w_data + lay.l1_term + lay.l2_term, rtol=1e-14, atol=1e-15)
    assert any("Removed" in n for n in trace.notes) and any("Frozen" in n for n in trace.notes)
    assert any("Max-norm" in n for n in trace.notes) and "max-norm" not in trace.update.rule[0]
    assert "w_optimizer" in first.w_values


@pytest.mark.parametrize("optimizer", OPTIMIZER_NAMES)
@pytest.mark.parametrize("output", ["step", "sign"])
def test_perceptron_rule(optimizer, output):
    X, _ = points("classification", 2, n=6, seed=1)
    y = (X[:, 0] + 0.3 * X[:, 1] > 0).astype(int)
    y[0] = 1 - y[0]  # at least one mistake to correct
    net = Network(["x1", "x2"], [{"size": 1, "activation": output}], init="zeros")
    net.set_weight(0, 0, 0, 0.2)
    net.set_bias(0, 0, -0.1)
    cfg = TrainingConfig(optimizer=optimizer, rule="perceptron", learning_rate=0.5)
    trace = check_against_engine(net, from_points(X, y), cfg, pre_steps=1)
    t, o = trace.error.targets, trace.error.outputs
    np.testing.assert_array_equal(trace.layers[0].delta, o - t)  # δ = −(t − y)
    if optimizer == "sgd":  # w ← w + η Σ (t − y) x exactly
        up = trace.update.layers[0]
        x = trace.inputs
        np.testing.assert_allclose(up.w_after, up.w_before + 0.5 * (x.T @ (t - o)), rtol=1e-14, atol=1e-15)
        np.testing.assert_allclose(up.b_after, up.b_before + 0.5 * (t - o).sum(axis=0), rtol=1e-14, atol=1e-15)
        assert trace.update.rule == (
            "g = −Σₛ (t − y)·x   (the perceptron rule's pseudo-gradient; x = 1 for the bias)",
            "w ← w − η·g = w + η·Σₛ (t − y)·x",
        )
    assert trace.error.gradient_formula.startswith("δ = −(t − y)")
    assert trace.layers[0].da is None


# ---------------------------------------------------------------------- a batch out of a larger set
def test_a_few_points_out_of_a_data_set_match_a_step_on_just_those():
    ds = generate("circle", n_points=60, noise=10, seed=4)
    net = Network(["x1", "x2", "sin_x1"], [{"size": 4, "activation": "tanh"}, {"size": 1, "activation": "tanh"}], seed=1)
    cfg = TrainingConfig(optimizer="nadam", learning_rate=0.05, batch_size=7)
    trainer = Trainer(net, ds, cfg)
    trainer.train_epochs(3)
    idx = [17, 3, 25, 9]
    snap = snapshot(trainer)
    trace = trace_step(trainer, idx)
    assert_unchanged(trainer, snap)
    np.testing.assert_array_equal(trace.points, ds.x_train[idx])
    # the same step on a trainer whose only batch is those points, from the same state
    twin_net = Network.from_dict(net.to_dict())
    twin = Trainer(twin_net, from_points(ds.x_train[idx], ds.y_train[idx], class_names=ds.class_names),
                   TrainingConfig(optimizer="nadam", learning_rate=0.05, batch_size=len(idx), shuffle=False))
    twin.optimizer.load_state_dict(trainer.optimizer.state_dict())
    twin.step(1)
    for update, (w, b) in zip(trace.update.layers, twin_net.get_weights()):
        np.testing.assert_allclose(update.w_after, w, **TOL)
        np.testing.assert_allclose(update.b_after, b, **TOL)
    # and the trainer goes on exactly as a twin that was never traced
    ref_net = Network(["x1", "x2", "sin_x1"], [{"size": 4, "activation": "tanh"}, {"size": 1, "activation": "tanh"}], seed=1)
    ref = Trainer(ref_net, ds, TrainingConfig(optimizer="nadam", learning_rate=0.05, batch_size=7))
    ref.train_epochs(3)
    trainer.step(11)
    ref.step(11)
    np.testing.assert_array_equal(net.params, ref_net.params)


def test_per_point_values_average_to_the_batch():
    ds = dataset("classification", 3, n=6)
    net = Network(FEATURES, [{"size": 4, "activation": "elu"}, {"size": 3, "activation": "softmax"}], seed=2)
    trainer = Trainer(net, ds, TrainingConfig(loss="cce", batch_size=6, shuffle=False))
    trace = trace_step(trainer, [0, 2, 5])
    assert trace.n == 3
    for layer in trace.layers:
        np.testing.assert_allclose(layer.grad_w_points.mean(axis=0), layer.grad_w_data, rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(layer.delta.mean(axis=0), layer.delta_mean, rtol=1e-15, atol=1e-15)
        np.testing.assert_allclose(layer.delta_mean, layer.grad_b_data, rtol=1e-12, atol=1e-15)
        # Σᵢ wᵢⱼ aᵢ + bⱼ = zⱼ, edge by edge
        np.testing.assert_allclose(layer.products.sum(axis=1) + layer.biases, layer.z, rtol=1e-12, atol=1e-14)
    hidden = trace.layers[0]
    np.testing.assert_allclose(hidden.delta, hidden.slope * hidden.da, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(trace.error.terms.mean(), trace.error.value, rtol=1e-12)
    assert trace.layers[-1].da is None  # softmax + cross-entropy go straight to δ
    np.testing.assert_allclose(trace.layers[-1].delta, trace.error.outputs - trace.error.targets, rtol=1e-12, atol=1e-15)
    assert any("mean over the 3 points" in n for n in trace.notes)


def test_one_point_shows_what_a_one_point_step_computes():
    ds = dataset("classification", 2, n=4)
    net = Network(["x1", "x2"], [{"size": 2, "activation": "sigmoid"}, {"size": 1, "activation": "sigmoid"}], seed=4)
    trainer = Trainer(net, ds, TrainingConfig(loss="mse", batch_size=4))
    trace = trace_step(trainer, 2)
    out = trace.layers[-1]
    o, t = trace.error.outputs, trace.error.targets
    np.testing.assert_allclose(out.da, o - t, rtol=1e-15)  # ∂E/∂o = (o − t)/n, n = 1
    np.testing.assert_allclose(out.delta, o * (1 - o) * (o - t), rtol=1e-12)
    np.testing.assert_allclose(out.grad_b, out.delta[0], rtol=1e-15)
    np.testing.assert_allclose(out.grad_w, np.outer(trace.layers[0].a[0], out.delta[0]), rtol=1e-12)
    assert trace.error.value == pytest.approx(0.5 * float(((o - t) ** 2).sum()))
    assert trace.phases() == [("forward", 0), ("forward", 1), ("error",), ("backward", 1), ("backward", 0), ("update",)]


# ---------------------------------------------------------------------- the optimizer's numbers
def rule_after(name: str, h: dict, lr: float, t: int, g, w, before: dict, values: dict):
    """Each optimizer's textbook rule from the state before, for comparison."""
    if name == "sgd":
        return w - lr * g, {}
    if name in ("momentum", "nesterov"):
        v = h["momentum"] * before["velocity_before"] + g
        step = v if name == "momentum" else g + h["momentum"] * v
        return w - lr * step, {"velocity": v}
    if name == "adagrad":
        s = before["sum_sq_before"] + g * g
        return w - lr * g / (np.sqrt(s) + h["eps"]), {"sum_sq": s}
    if name == "adadelta":
        rho, eps = h["rho"], h["eps"]
        eg = rho * before["avg_sq_grad_before"] + (1 - rho) * g * g
        d = np.sqrt(before["avg_sq_delta_before"] + eps) / np.sqrt(eg + eps) * g
        ed = rho * before["avg_sq_delta_before"] + (1 - rho) * d * d
        return w - lr * d, {"avg_sq_grad": eg, "delta": d, "avg_sq_delta": ed}
    if name == "rmsprop":
        v = h["rho"] * before["avg_sq_before"] + (1 - h["rho"]) * g * g
        return w - lr * g / (np.sqrt(v) + h["eps"]), {"avg_sq": v}
    b1, b2, eps = h["beta1"], h["beta2"], h["eps"]
    if name == "adamw":
        w = w - lr * h["weight_decay"] * w
    m = b1 * before["m_before"] + (1 - b1) * g
    v = b2 * before["v_before"] + (1 - b2) * g * g
    m_hat, v_hat = m / (1 - b1**t), v / (1 - b2**t)
    if name in ("adam", "adamw"):
        return w - lr * m_hat / (np.sqrt(v_hat) + eps), {"m": m, "v": v, "m_hat": m_hat, "v_hat": v_hat}
    if name == "amsgrad":
        vmax = np.maximum(before["v_max_before"], v)
        return w - lr * m_hat / (np.sqrt(vmax / (1 - b2**t)) + eps), {"m": m, "v": v, "v_max": vmax}
    psi = h["momentum_decay"]
    mu = b1 * (1 - 0.5 * 0.96 ** (t * psi))
    mu_next = b1 * (1 - 0.5 * 0.96 ** ((t + 1) * psi))
    prod = values["mu_product"]
    den = np.sqrt(v_hat) + eps
    return w - lr * (1 - mu) / (1 - prod) * g / den - lr * mu_next / (1 - prod * mu_next) * m / den, {"m": m, "v": v}


@pytest.mark.parametrize("optimizer", OPTIMIZER_NAMES)
def test_the_optimizers_numbers_follow_its_rule(optimizer):
    ds = dataset("classification", 2, n=5)
    net = Network(FEATURES, [{"size": 3, "activation": "tanh"}, {"size": 1, "activation": "tanh"}], seed=9)
    trainer = Trainer(net, ds, TrainingConfig(optimizer=optimizer, learning_rate=0.1, batch_size=2, shuffle=False))
    trainer.step(3)
    trace = trace_step(trainer, [1, 4])
    up = trace.update
    assert up.optimizer == optimizer and up.rule and up.step == trainer.optimizer.t + 1
    assert set(up.layers[0].w_values) <= set(up.symbols)
    for lay in up.layers:
        for part in ("w", "b"):
            vals = getattr(lay, f"{part}_values")
            w, g = getattr(lay, f"{part}_before"), vals["g"]
            extra = {"mu_product": up.scalars.get("Πᵢ≤ₜ μᵢ")}
            after, expect = rule_after(optimizer, up.hyperparameters, up.learning_rate, up.step, g, w, vals, extra)
            np.testing.assert_allclose(getattr(lay, f"{part}_after"), after, rtol=1e-12, atol=1e-15)
            for key, value in expect.items():
                np.testing.assert_allclose(vals[key], value, rtol=1e-12, atol=1e-15, err_msg=key)
            np.testing.assert_allclose(vals["change"], getattr(lay, f"{part}_after") - w, rtol=1e-12, atol=1e-15)


# ---------------------------------------------------------------------- text, phases and errors
def test_formulas_and_phases_for_a_deep_network():
    ds = dataset("classification", 2, n=4)
    net = Network(["x1", "x2"], [{"size": 3, "activation": "relu"}, {"size": 2, "activation": "maxout", "pieces": 2},
                                 {"size": 1, "activation": "tanh", "dropout": 0.0}], seed=1)
    net2 = Network(["x1", "x2"], [{"size": 3, "activation": "relu", "dropout": 0.5}, {"size": 1, "activation": "tanh"}], seed=1)
    trace = trace_step(Trainer(net, ds, TrainingConfig(optimizer="adam")), [0])
    assert trace.phases() == [("forward", 0), ("forward", 1), ("forward", 2), ("error",),
                              ("backward", 2), ("backward", 1), ("backward", 0), ("update",)]
    assert trace.layers[0].forward_formula == ("zⱼ = Σᵢ wᵢⱼ·aᵢ + bⱼ", "aⱼ = f(zⱼ),   f(z) = max(0, z)")
    assert trace.layers[1].maxout and trace.layers[1].z.shape == (1, 2, 2) and trace.layers[1].winner.shape == (1, 2)
    assert trace.layers[1].slope is None and trace.layers[0].slope is not None
    # the winning piece gets δ, the other 0
    lay = trace.layers[1]
    for j in range(2):
        loser = 1 - lay.winner[0, j]
        assert lay.delta[0, j, loser] == 0.0
        assert lay.delta[0, j, lay.winner[0, j]] == lay.da[0, j]
    assert trace.error.formula == "E = 1/(2n) Σₛ ‖tₛ − oₛ‖²"
    assert trace.update.rule[-1] == "w ← w − η·m̂ / (√v̂ + ε)" and "1 − β₁ᵗ" in trace.update.scalars
    noted = trace_step(Trainer(net2, ds, TrainingConfig()), [0, 1])
    assert any("Dropout is not applied" in n for n in noted.notes)


@pytest.mark.parametrize("bad", [[], [-1], [4], [0, 0], [[0, 1]], ["a"], [True], [1.5], None])
def test_bad_indices_are_a_config_error(bad):
    ds = dataset("classification", 2, n=4)
    trainer = Trainer(Network(["x1", "x2"], [1]), ds)
    with pytest.raises(ConfigError) as info:
        trace_step(trainer, bad)
    assert info.value.field == "indices"


def test_large_batches_leave_out_the_per_edge_arrays(monkeypatch):
    import engine.trace as trace_mod

    monkeypatch.setattr(trace_mod, "MAX_EDGE_VALUES", 10)
    ds = dataset("classification", 2, n=4)
    trainer = Trainer(Network(["x1", "x2"], [3, 1]), ds)
    trace = trace_step(trainer, [0, 1, 2])
    assert trace.layers[0].products is None and trace.layers[0].grad_w_points is None
    assert trace.layers[0].delta.shape == (3, 3)
    assert any("too large" in n for n in trace.notes)


def test_divergent_values_do_not_raise():
    ds = dataset("regression", 0, n=3)
    net = Network(["x1"], [{"size": 1, "activation": "linear"}])
    net.set_weight(0, 0, 0, 1e300)
    trainer = Trainer(net, ds, TrainingConfig(learning_rate=10.0))
    trace = trace_step(trainer, [0, 1, 2])
    assert not math.isfinite(trace.error.value) or trace.error.value > 1e200


def test_apply_step_takes_the_traced_step():
    ds = dataset("classification", 2, n=5)
    net = Network(FEATURES, [{"size": 3, "activation": "tanh"}, {"size": 1, "activation": "tanh"}], seed=9)
    twin = Network.from_dict(net.to_dict())
    cfg = dict(optimizer="adam", learning_rate=0.1, batch_size=5, shuffle=False)
    trainer, ref = Trainer(net, ds, TrainingConfig(**cfg)), Trainer(twin, ds, TrainingConfig(**cfg))
    trainer.step(2)
    ref.step(3)
    trace = trace_step(trainer, range(5))
    apply_step(trainer, trace)
    np.testing.assert_allclose(net.params, twin.params, **TOL)
    assert trainer.optimizer.t == ref.optimizer.t == 3
    np.testing.assert_allclose(trainer.optimizer.m, ref.optimizer.m, **TOL)
    assert trainer.epoch == 2  # an extra step, not an epoch
    with pytest.raises(ConfigError):
        apply_step(trainer, trace)  # stale: the weights moved on
