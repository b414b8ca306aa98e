"""Tests of engine.training: the course's lessons (perceptron, XOR, early stopping,
dropout, regularization, multi-class), determinism, steps and epochs, live settings,
divergence, every configuration error, and the bounded history."""

from __future__ import annotations

import math

import numpy as np
import pytest

from engine.datasets import generate
from engine.errors import ConfigError, DivergenceError
from engine.losses import make_loss
from engine.network import Network
from engine.training import History, Trainer, TrainingConfig, encode_targets, predict_classes

ALL_FEATURES = ["x1", "x2", "x1_sq", "x2_sq", "x1x2", "sin_x1", "sin_x2"]
GATES = {"and": (0, 0, 0, 1), "or": (0, 1, 1, 1), "nand": (1, 1, 1, 0), "nor": (1, 0, 0, 0)}
ROWS = [(0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0)]


def perceptron(output="step", init="zeros", seed=0):
    return Network(["x1", "x2"], [{"size": 1, "activation": output}], init=init, seed=seed)


def perceptron_config(**kw):
    return TrainingConfig(**{"learning_rate": 1.0, "batch_size": 1, "shuffle": False, "rule": "perceptron", **kw})


# ------------------------------------------------------------------ the perceptron


@pytest.mark.parametrize("output", ["step", "sign"])
@pytest.mark.parametrize("batch", [1, 4])
@pytest.mark.parametrize("gate", list(GATES))
def test_perceptron_learns_linearly_separable_gates(gate, batch, output):
    data = generate(gate)
    assert data.y_train.tolist() == list(GATES[gate]) and data.n_test == 0
    net = perceptron(output)
    trainer = Trainer(net, data, perceptron_config(batch_size=batch))
    trainer.train_epochs(20)
    assert trainer.history["train_acc"][-1] == 1.0
    assert trainer.evaluate()["train_acc"] == 1.0
    # once every row is right the rule changes nothing any more
    converged = net.params.copy()
    trainer.train_epochs(3)
    np.testing.assert_array_equal(net.params, converged)
    assert trainer.gradient().tolist() == [0.0, 0.0, 0.0]


@pytest.mark.parametrize("output", ["step", "sign"])
@pytest.mark.parametrize("batch", [1, 4])
def test_perceptron_never_learns_xor(batch, output):
    trainer = Trainer(perceptron(output), generate("xor_gate"), perceptron_config(batch_size=batch))
    trainer.train_epochs(200)
    assert trainer.epoch == 200
    assert trainer.history["train_acc"].max() < 1.0


def _hand_perceptron_epoch(w, b, lr, rows, targets, batch, fire_low):
    """Rosenblatt's rule on the slides: w ← w + η Σ(t − y)x over each batch."""
    w = list(w)
    for start in range(0, len(rows), batch):
        dw, db = [0.0, 0.0], 0.0
        for (x1, x2), t in zip(rows[start : start + batch], targets[start : start + batch]):
            y = 1.0 if w[0] * x1 + w[1] * x2 + b >= 0 else fire_low
            dw[0] += (t - y) * x1
            dw[1] += (t - y) * x2
            db += t - y
        w = [w[0] + lr * dw[0], w[1] + lr * dw[1]]
        b = b + lr * db
    return w, b


@pytest.mark.parametrize("output,low", [("step", 0.0), ("sign", -1.0)])
@pytest.mark.parametrize("batch", [1, 2, 4])
@pytest.mark.parametrize("start", [(0.0, 0.0, 0.0), (0.3, -0.2, 0.1)])
def test_perceptron_update_is_rosenblatts_rule(start, batch, output, low):
    lr = 1.0 if start == (0.0, 0.0, 0.0) else 0.5
    net = perceptron(output)
    net.set_weights([(np.array([[start[0]], [start[1]]]), np.array([start[2]]))])
    trainer = Trainer(net, generate("and"), perceptron_config(batch_size=batch, learning_rate=lr))
    targets = [low if t == 0 else 1.0 for t in GATES["and"]]

    # first batch only
    w1, b1 = _hand_perceptron_epoch(start[:2], start[2], lr, ROWS[:batch], targets[:batch], batch, low)
    trainer.step(1)
    W, b = net.get_weights()[0]
    assert W[:, 0].tolist() == pytest.approx(w1, abs=1e-15) and b[0] == pytest.approx(b1, abs=1e-15)

    # a few whole epochs
    w, bb = start[:2], start[2]
    for _ in range(3):
        w, bb = _hand_perceptron_epoch(w, bb, lr, ROWS, targets, batch, low)
    net.set_weights([(np.array([[start[0]], [start[1]]]), np.array([start[2]]))])
    trainer.reset()
    net.set_weights([(np.array([[start[0]], [start[1]]]), np.array([start[2]]))])
    trainer.train_epochs(3)
    W, b = net.get_weights()[0]
    assert W[:, 0].tolist() == pytest.approx(w, abs=1e-12) and b[0] == pytest.approx(bb, abs=1e-12)


def test_perceptron_first_step_from_zeros_by_hand():
    """Zeros, η = 1, batch 4, AND: every row fires (f(0) = 1), so Δw = Σ(t − 1)x = (−1, −1), Δb = −3."""
    net = perceptron("step")
    trainer = Trainer(net, generate("and"), perceptron_config(batch_size=4))
    np.testing.assert_array_equal(trainer.gradient(), [1.0, 1.0, 3.0])  # the pseudo-gradient −Σ(t − y)x
    trainer.step(1)
    W, b = net.get_weights()[0]
    assert W[:, 0].tolist() == [-1.0, -1.0] and b.tolist() == [-3.0]
    assert trainer.epoch == 1


# ------------------------------------------------------------------ XOR with a hidden layer


@pytest.mark.parametrize("hidden,output,seed", [("tanh", "tanh", 0), ("tanh", "tanh", 1), ("tanh", "sigmoid", 0)])
def test_two_two_one_network_learns_xor(hidden, output, seed):
    def run():
        net = Network(["x1", "x2"], [{"size": 2, "activation": hidden}, {"size": 1, "activation": output}], seed=seed)
        trainer = Trainer(net, generate("xor_gate"), TrainingConfig(learning_rate=1.0, batch_size=4, shuffle=False))
        trainer.train_epochs(2000)
        return net, trainer

    net, trainer = run()
    assert trainer.evaluate()["train_acc"] == 1.0
    assert trainer.history["train_loss"][-1] < 0.05
    classes = predict_classes(net.predict(np.array(ROWS)), net)
    assert classes.tolist() == [0, 1, 1, 0]
    twin, twin_trainer = run()
    assert twin.params.tobytes() == net.params.tobytes()
    np.testing.assert_array_equal(twin_trainer.history["train_loss"], trainer.history["train_loss"])


def test_single_layer_cannot_learn_xor_with_backprop():
    net = Network(["x1", "x2"], [{"size": 1, "activation": "tanh"}], seed=0)
    trainer = Trainer(net, generate("xor_gate"), TrainingConfig(learning_rate=0.5, batch_size=4))
    trainer.train_epochs(300)
    assert trainer.history["train_acc"].max() <= 0.75


# ------------------------------------------------------------------ early stopping


def _early_stopping_run(**config):
    data = generate("xor", n_points=120, noise=40, train_ratio=0.5, seed=3)
    net = Network(ALL_FEATURES, [16, 16, 1], seed=1)
    settings = dict(optimizer="adam", learning_rate=0.03, batch_size=10, seed=2)
    settings.update(config)
    return net, Trainer(net, data, TrainingConfig(**settings))


def test_early_stopping_restores_best_weights():
    net, trainer = _early_stopping_run(early_stopping=True, patience=10)
    report = trainer.train_epochs(500)
    assert report.stopped_early and trainer.stopped_early
    assert trainer.epoch < 500 and report.epochs == trainer.epoch
    best = trainer.best_epoch
    assert 1 <= best <= trainer.epoch - 10
    test_losses = trainer.history["test_loss"]
    assert test_losses[best - 1] == test_losses.min()
    assert (test_losses[best:] >= test_losses[best - 1]).all()
    # the weights are those after epoch `best`: re-run the same seeds that far
    twin_net, twin = _early_stopping_run()
    twin.train_epochs(best)
    assert twin_net.params.tobytes() == net.params.tobytes()
    assert trainer.evaluate()["test_loss"] == test_losses[best - 1]


def test_early_stopping_without_restore_keeps_last_weights():
    net, trainer = _early_stopping_run(early_stopping=True, patience=5, restore_best=False)
    trainer.train_epochs(500)
    assert trainer.stopped_early
    twin_net, twin = _early_stopping_run()
    twin.train_epochs(trainer.epoch)
    assert twin_net.params.tobytes() == net.params.tobytes()


def test_no_early_stop_without_the_setting():
    _, trainer = _early_stopping_run()
    report = trainer.train_epochs(30)
    assert not report.stopped_early and trainer.epoch == 30


def test_patience_counts_epochs_without_improvement():
    _, trainer = _early_stopping_run(early_stopping=True, patience=3)
    trainer.train_epochs(500)
    losses = trainer.history["test_loss"]
    assert trainer.epoch == trainer.best_epoch + 3
    assert losses[trainer.best_epoch - 1] == losses.min()


# ------------------------------------------------------------------ dropout


def _dropout_pair(rate=0.5):
    layers = [{"size": 8, "activation": "tanh", "dropout": rate}, {"size": 6, "activation": "relu", "dropout": rate}, 1]
    net = Network(["x1", "x2"], layers, seed=4)
    d = net.to_dict()
    for layer in d["layers"]:
        layer.pop("dropout", None)
    twin = Network.from_dict(d)
    return net, twin


def test_dropout_is_off_at_evaluation():
    net, twin = _dropout_pair()
    data = generate("circle", n_points=60, seed=2)
    trainer = Trainer(net, data, TrainingConfig(learning_rate=0.1, batch_size=10, seed=3))
    trainer.train_epochs(5)
    X = np.random.default_rng(0).uniform(-6, 6, (50, 2))
    p1, p2 = net.predict(X), net.predict(X)
    np.testing.assert_array_equal(p1, p2)
    twin.load_params(net.params)
    np.testing.assert_array_equal(p1, twin.predict(X))
    twin_trainer = Trainer(twin, data, TrainingConfig(learning_rate=0.1, batch_size=10))
    assert trainer.evaluate() == twin_trainer.evaluate()
    assert trainer.history["train_loss"][-1] == trainer.evaluate()["train_loss"]


def test_dropout_masks_change_between_batches():
    rate = 0.5
    net, _ = _dropout_pair(rate)
    data = generate("circle", n_points=60, seed=2)
    trainer = Trainer(net, data, TrainingConfig(learning_rate=0.1, batch_size=10, seed=3))
    masks = []
    for _ in range(3):
        trainer.step(1)
        masks.append(net.workspace(10).drop[0].copy())
    for m in masks:
        assert set(np.unique(m).tolist()) == {0.0, 1 / (1 - rate)}
    assert not np.array_equal(masks[0], masks[1]) and not np.array_equal(masks[1], masks[2])


@pytest.mark.parametrize("rate", [0.2, 0.5])
def test_inverted_dropout_preserves_the_expected_activation(rate):
    net = Network(["x1", "x2"], [{"size": 3, "activation": "sigmoid", "dropout": rate}, 1], seed=5)
    n = 40_000
    X = np.tile([[0.7, -1.2]], (n, 1))
    plain = net.activations(X[:1])[1][0]
    ws = net.workspace(n)
    from engine.activations import run_ops

    run_ops(net.forward_ops(net.inputs(X), ws, np.random.default_rng(1)))
    dropped = ws.a[0]  # (units, n)
    kept = dropped != 0
    assert kept.mean() == pytest.approx(1 - rate, abs=0.01)
    np.testing.assert_allclose(dropped[kept], np.broadcast_to(plain[:, None] / (1 - rate), dropped.shape)[kept], rtol=1e-14)
    np.testing.assert_allclose(dropped.mean(axis=1), plain, rtol=0.03)


# ------------------------------------------------------------------ determinism


def _determinism_run(net_seed=3, train_seed=5, epochs=50):
    data = generate("spiral", n_points=80, noise=10, seed=1)
    net = Network(
        ["x1", "x2", "sin_x1"],
        [{"size": 6, "activation": "relu", "dropout": 0.3}, {"size": 4, "activation": "tanh", "dropout": 0.2}, 1],
        seed=net_seed,
    )
    trainer = Trainer(net, data, TrainingConfig(optimizer="adam", learning_rate=0.02, batch_size=7, seed=train_seed))
    trainer.train_epochs(epochs)
    return net, trainer


def test_same_seeds_give_bit_identical_training():
    a, ta = _determinism_run()
    b, tb = _determinism_run()
    assert a.params.tobytes() == b.params.tobytes()
    for column in History.COLUMNS:
        np.testing.assert_array_equal(ta.history[column], tb.history[column])
    assert len(ta.history) == 50


def test_different_seeds_give_different_training():
    a, ta = _determinism_run()
    b, _ = _determinism_run(train_seed=6)  # same initial weights, other shuffles and masks
    c, _ = _determinism_run(net_seed=4)
    assert not np.array_equal(a.params, b.params)
    assert not np.array_equal(a.params, c.params)


def test_reset_reproduces_a_run_without_shuffling():
    data = generate("spiral", n_points=80, noise=10, seed=1)
    net = Network(["x1", "x2"], [{"size": 6, "activation": "relu", "dropout": 0.3}, 1], seed=3)
    trainer = Trainer(net, data, TrainingConfig(optimizer="adam", learning_rate=0.02, batch_size=7, shuffle=False))
    trainer.train_epochs(5)
    first = net.params.copy()
    trainer.reset()
    assert trainer.epoch == 0 and len(trainer.history) == 0 and trainer.optimizer.t == 0
    trainer.train_epochs(5)
    assert net.params.tobytes() == first.tobytes()


def test_reset_reproduces_a_run():
    # regression: reset() bumped network.version, and the recompilation that followed the
    # epoch's shuffle replaced the shuffled buffers with unshuffled copies
    a, ta = _determinism_run(epochs=10)
    first = a.params.copy()
    history = ta.history["train_loss"].copy()
    ta.reset()
    assert ta.epoch == 0 and len(ta.history) == 0
    ta.train_epochs(10)
    assert a.params.tobytes() == first.tobytes()
    np.testing.assert_array_equal(ta.history["train_loss"], history)
    ta.reset(seed=99)
    assert ta.network.seed == 99


# ------------------------------------------------------------------ steps and epochs


def _step_trainer(n_points=100, batch=10, **kw):
    data = generate("circle", n_points=n_points, noise=5, seed=1)  # 50 train points
    net = Network(["x1", "x2"], [4, 1], seed=2)
    return net, Trainer(net, data, TrainingConfig(learning_rate=0.1, batch_size=batch, seed=7, **kw))


@pytest.mark.parametrize("edit", ["set_weight", "freeze", "mid_epoch", "evaluate_after_edit"])
def test_hand_edit_between_epochs_keeps_the_shuffle(edit):
    """Setting a weight to its own value must not change how training goes on (regression:
    the recompilation after an edit replaced the epoch's shuffled data by unshuffled copies)."""
    a, ta = _step_trainer()
    b, tb = _step_trainer()
    ta.train_epochs(1)
    if edit == "set_weight":
        a.set_weight(0, 1, 2, a.weight(0, 1, 2))
    elif edit == "freeze":
        a.freeze_bias(1, 0)
        a.freeze_bias(1, 0, frozen=False)
    elif edit == "mid_epoch":
        ta.step(2)
        a.set_weight(0, 1, 2, a.weight(0, 1, 2))
    else:
        a.set_bias(0, 0, a.bias(0, 0))
        ta.evaluate()
    ta.train_epochs(1)
    tb.train_epochs(2)
    assert a.params.tobytes() == b.params.tobytes()


def test_step_counts_batches_and_ends_epochs():
    net, trainer = _step_trainer()
    assert trainer.batches_per_epoch == 5
    report = trainer.step(2)
    assert report.epochs == 0 and trainer.epoch == 0 and trainer.batch_position == 2
    assert len(trainer.history) == 0
    report = trainer.step(3)
    assert report.epochs == 1 and report.epoch == 1 and trainer.batch_position == 0
    assert len(trainer.history) == 1
    report = trainer.step(12)
    assert report.epochs == 2 and trainer.epoch == 3 and trainer.batch_position == 2
    assert trainer.history["epoch"].tolist() == [1.0, 2.0, 3.0]


def test_step_of_one_epoch_equals_train_epochs():
    a, ta = _step_trainer()
    b, tb = _step_trainer()
    ta.step(ta.batches_per_epoch)
    tb.train_epochs(1)
    assert a.params.tobytes() == b.params.tobytes()
    assert ta.epoch == tb.epoch == 1
    np.testing.assert_array_equal(ta.history["train_loss"], tb.history["train_loss"])


def test_train_epochs_finishes_a_started_epoch_first():
    a, ta = _step_trainer()
    b, tb = _step_trainer()
    ta.step(2)
    report = ta.train_epochs(1)
    assert report.epochs == 1 and ta.epoch == 1 and ta.batch_position == 0
    tb.train_epochs(1)
    assert a.params.tobytes() == b.params.tobytes()
    ta.step(4)
    ta.train_epochs(2)
    tb.train_epochs(2)
    assert ta.epoch == tb.epoch == 3
    assert a.params.tobytes() == b.params.tobytes()


def test_partial_last_batch():
    _, trainer = _step_trainer(n_points=106, batch=10)  # 53 train points
    assert trainer.dataset.n_train == 53 and trainer.batches_per_epoch == 6
    trainer.step(6)
    assert trainer.epoch == 1
    _, full = _step_trainer(batch=1000)
    assert full.batches_per_epoch == 1


def test_zero_epochs_and_bad_counts():
    _, trainer = _step_trainer()
    assert trainer.train_epochs(0).epochs == 0
    assert trainer.step(0).epochs == 0
    for bad in (-1, 1.5, "3", True):
        with pytest.raises(ConfigError):
            trainer.train_epochs(bad)
        with pytest.raises(ConfigError):
            trainer.step(bad)


def test_metrics_are_recorded_per_epoch():
    _, trainer = _step_trainer()
    trainer.train_epochs(3)
    last = trainer.history.last()
    assert last["epoch"] == 3
    m = trainer.evaluate()
    for key in ("train_loss", "test_loss", "train_acc", "test_acc"):
        assert last[key] == m[key]
    assert 0 <= m["train_acc"] <= 1 and m["test_loss"] > 0
    d = trainer.history.to_dict()
    assert d["epoch"] == [1.0, 2.0, 3.0]


def test_no_test_data_gives_nan_test_metrics():
    trainer = Trainer(perceptron(), generate("or"), perceptron_config())
    trainer.train_epochs(1)
    m = trainer.evaluate()
    assert math.isnan(m["test_loss"]) and math.isnan(m["test_acc"])
    assert trainer.history.to_dict()["test_loss"] == [None]


# ------------------------------------------------------------------ live settings


def _sgd_full_batch(**kw):
    data = generate("gauss", n_points=40, noise=20, seed=2)
    net = Network(["x1", "x2"], [3, 1], seed=3)
    cfg = dict(learning_rate=0.1, batch_size=1000, shuffle=False)
    cfg.update(kw)
    return net, Trainer(net, data, TrainingConfig(**cfg))


def test_learning_rate_update_takes_effect_at_the_next_step():
    net, trainer = _sgd_full_batch()
    trainer.train_epochs(2)
    trainer.update(learning_rate=0.7)
    assert trainer.config.learning_rate == 0.7
    p0, g = net.params.copy(), trainer.gradient()
    trainer.step(1)
    np.testing.assert_allclose(net.params, p0 - 0.7 * g, rtol=1e-13, atol=1e-15)


def test_learning_rate_update_keeps_optimizer_state():
    net, trainer = _sgd_full_batch(optimizer="momentum")
    trainer.train_epochs(3)
    opt = trainer.optimizer
    velocity = opt.velocity.copy()
    trainer.update(learning_rate=0.05)
    assert trainer.optimizer is opt
    np.testing.assert_array_equal(trainer.optimizer.velocity, velocity)
    p0, g = net.params.copy(), trainer.gradient()
    trainer.step(1)
    np.testing.assert_allclose(net.params, p0 - 0.05 * (0.9 * velocity + g), rtol=1e-12, atol=1e-15)


def test_optimizer_change_starts_with_fresh_state():
    net, trainer = _sgd_full_batch(optimizer="momentum")
    trainer.train_epochs(3)
    trainer.update(optimizer="adam", learning_rate=0.01)
    assert trainer.optimizer.name == "adam" and trainer.optimizer.t == 0
    p0, g = net.params.copy(), trainer.gradient()
    trainer.step(1)
    # first Adam step: m̂/√v̂ = g/|g|, so every parameter moves by lr against its gradient's sign
    np.testing.assert_allclose(p0 - net.params, 0.01 * g / (np.abs(g) + 1e-8), rtol=1e-7)
    trainer.train_epochs(2)
    trainer.update(optimizer="momentum")
    p0, g = net.params.copy(), trainer.gradient()
    trainer.step(1)
    np.testing.assert_allclose(net.params, p0 - 0.01 * g, rtol=1e-12, atol=1e-15)  # velocity was 0
    trainer.update(optimizer_params={"momentum": 0.5})
    assert trainer.optimizer.momentum == 0.5 and trainer.optimizer.t == 0


def test_batch_size_update():
    net, trainer = _step_trainer()
    trainer.train_epochs(2)
    trainer.update(batch_size=25)
    assert trainer.batches_per_epoch == 2
    trainer.step(2)
    assert trainer.epoch == 3
    trainer.update(batch_size=1)
    assert trainer.batches_per_epoch == 50
    trainer.train_epochs(1)
    assert trainer.epoch == 4 and len(trainer.history) == 4


def test_l2_update_changes_the_gradient():
    net, trainer = _sgd_full_batch()
    g0 = trainer.gradient()
    trainer.update(l2=0.5)
    g1 = trainer.gradient()
    # λ₂·w added to each weight's gradient, nothing to the biases'
    before = net.params.copy()
    net.set_weights([(np.zeros_like(W), b) for W, b in net.get_weights()])
    is_bias = net.params != 0  # only the biases are left (uniform init: b = 0.1)
    net.load_params(before)
    np.testing.assert_array_equal(g1[is_bias], g0[is_bias])
    np.testing.assert_allclose(g1[~is_bias] - g0[~is_bias], 0.5 * before[~is_bias], rtol=1e-10, atol=1e-15)
    assert trainer.objective() > trainer.evaluate()["train_loss"]


@pytest.mark.parametrize(
    "changes,field",
    [
        ({"learning_rate": -0.1}, "learning_rate"),
        ({"learning_rate": 0.0}, "learning_rate"),
        ({"learning_rate": float("nan")}, "learning_rate"),
        ({"optimizer": "adamm"}, "optimizer"),
        ({"batch_size": 0}, "batch_size"),
        ({"l1": -1.0}, "l1"),
        ({"loss": "bce"}, "loss"),  # tanh output
        ({"rule": "perceptron"}, "rule"),  # hidden layer
        ({"optimizer_params": {"momentum": 0.9}}, "optimizer.momentum"),  # SGD has none
    ],
)
def test_invalid_update_raises_and_keeps_the_old_settings(changes, field):
    net, trainer = _sgd_full_batch()
    trainer.train_epochs(1)
    old = trainer.config
    with pytest.raises(ConfigError) as info:
        trainer.update(**changes)
    assert info.value.field == field
    assert trainer.config == old
    p0, g = net.params.copy(), trainer.gradient()
    trainer.step(1)  # still trains, with the old learning rate
    np.testing.assert_allclose(net.params, p0 - 0.1 * g, rtol=1e-13, atol=1e-15)
    assert trainer.epoch == 2


def test_invalid_update_on_gate_data():
    trainer = Trainer(perceptron(), generate("and"), perceptron_config())
    with pytest.raises(ConfigError) as info:
        trainer.update(early_stopping=True)  # a truth table has no test data
    assert info.value.field == "early_stopping"
    assert trainer.config.early_stopping is False
    trainer.train_epochs(20)
    assert trainer.evaluate()["train_acc"] == 1.0


def test_update_with_unknown_setting_is_config_error():
    _, trainer = _sgd_full_batch()
    old = trainer.config
    with pytest.raises(ConfigError) as info:  # regression: was a TypeError from dataclasses.replace
        trainer.update(learning_rat=0.1)
    assert "learning_rat" in info.value.field
    assert trainer.config == old


@pytest.mark.parametrize(
    "changes",
    [{"learning_rate": 0.05}, {"optimizer": "adam"}, {"l2": 0.01}, {"l1": 0.01}, {"max_norm": 1.0}, {"shuffle": False}],
)
def test_live_update_mid_epoch_keeps_the_epoch_position(changes):
    # regression: every update() rebuilt the trainer and reset the position in the epoch
    _, trainer = _step_trainer()
    trainer.step(2)
    trainer.update(**changes)
    assert trainer.batch_position == 2
    trainer.step(3)
    assert trainer.epoch == 1 and trainer.batch_position == 0


def test_lr_update_mid_epoch_trains_the_rest_of_the_same_shuffle():
    """Two trainers that differ only in when the learning rate changes agree on the batches."""
    a, ta = _step_trainer(optimizer="sgd")
    b, tb = _step_trainer(optimizer="sgd")
    ta.step(2)
    tb.step(2)
    ta.update(learning_rate=0.2)  # changed and changed back before the next batch:
    ta.update(learning_rate=0.1)  # must change nothing at all
    ta.step(3)
    tb.step(3)
    assert a.params.tobytes() == b.params.tobytes()


def test_set_network_and_set_dataset():
    net, trainer = _step_trainer()
    trainer.train_epochs(1)
    bigger = Network(["x1", "x2", "x1_sq"], [5, 1], seed=1)
    trainer.set_network(bigger)
    assert trainer.network is bigger
    trainer.train_epochs(1)
    with pytest.raises(ConfigError):
        trainer.set_network(Network(["x1", "x2"], [{"size": 3, "activation": "softmax"}]))  # 2 classes, 3 outputs
    assert trainer.network is bigger
    trainer.train_epochs(1)
    with pytest.raises(ConfigError):
        trainer.set_dataset(generate("blobs", n_points=30))
    trainer.set_dataset(generate("gauss", n_points=30, seed=4))
    trainer.train_epochs(1)
    assert trainer.dataset.n_train == 15


# ------------------------------------------------------------------ divergence


def _diverging():
    data = generate("reg_plane", n_points=100, seed=1)
    net = Network(["x1", "x2"], [{"size": 1, "activation": "linear"}], seed=1)
    return net, Trainer(net, data, TrainingConfig(learning_rate=0.001, batch_size=10))


def test_divergence_keeps_the_last_finite_weights():
    net, trainer = _diverging()
    trainer.train_epochs(3)
    trainer.update(learning_rate=1e3)
    good, good_epoch = net.params.copy(), trainer.epoch
    with pytest.raises(DivergenceError) as info:
        for _ in range(100):
            trainer.train_epochs(1)
            good, good_epoch = net.params.copy(), trainer.epoch
    err = info.value
    assert np.isfinite(net.params).all()
    assert net.params.tobytes() == good.tobytes()
    assert trainer.epoch == good_epoch and err.epoch == good_epoch + 1
    assert len(trainer.history) == good_epoch
    assert err.learning_rate == 1e3 and "smaller learning rate" in str(err)
    assert err.what in ("loss", "weights")
    # after lowering the rate training goes on from there
    trainer.update(learning_rate=1e-6)
    trainer.train_epochs(1)
    assert trainer.epoch == good_epoch + 1 and np.isfinite(net.params).all()


def test_divergence_during_steps():
    net, trainer = _diverging()
    trainer.train_epochs(2)
    trainer.update(learning_rate=1e3)
    epoch_start, epoch = net.params.copy(), trainer.epoch
    with pytest.raises(DivergenceError):
        for _ in range(10_000):
            trainer.step(1)
            if trainer.batch_position == 0:
                epoch_start, epoch = net.params.copy(), trainer.epoch
    assert net.params.tobytes() == epoch_start.tobytes()
    assert trainer.epoch == epoch and trainer.batch_position == 0


def test_divergence_after_a_hand_edit_keeps_the_edit():
    data = generate("reg_plane", n_points=100, seed=1)
    net = Network(["x1", "x2"], [{"size": 1, "activation": "linear"}], seed=1)
    trainer = Trainer(net, data, TrainingConfig(learning_rate=0.001, batch_size=1))
    trainer.train_epochs(2)
    net.remove_connection(0, 0, 0)
    net.set_bias(0, 0, 0.25)
    net.freeze_bias(0, 0)
    edited = net.params.copy()
    trainer.update(learning_rate=1e3)  # overflows within the next epoch
    with pytest.raises(DivergenceError):
        trainer.train_epochs(1)
    assert trainer.epoch == 2
    assert net.get_weights()[0][0][0, 0] == 0.0  # removed: the network computes with 0
    assert net.bias(0, 0) == 0.25  # frozen
    assert net.params.tobytes() == edited.tobytes()


def test_divergence_error_is_arithmetic_error():
    assert issubclass(DivergenceError, ArithmeticError)


# ------------------------------------------------------------------ configuration errors


def _net2(layers=None, features=("x1", "x2")):
    return Network(list(features), layers or [3, 1], seed=0)


BAD_CONFIGS = {
    "unknown optimizer": (lambda: _net2(), "circle", {"optimizer": "adamm"}, "optimizer"),
    "unknown loss": (lambda: _net2(), "circle", {"loss": "hinge"}, "loss"),
    "unknown rule": (lambda: _net2(), "circle", {"rule": "hebb"}, "rule"),
    "perceptron with hidden layer": (
        lambda: _net2([3, {"size": 1, "activation": "step"}]), "and", {"rule": "perceptron"}, "rule"),
    "perceptron on sigmoid": (
        lambda: _net2([{"size": 1, "activation": "sigmoid"}]), "and", {"rule": "perceptron"}, "rule"),
    "perceptron on tanh": (lambda: _net2([{"size": 1, "activation": "tanh"}]), "and", {"rule": "perceptron"}, "rule"),
    "batch size 0": (lambda: _net2(), "circle", {"batch_size": 0}, "batch_size"),
    "batch size float": (lambda: _net2(), "circle", {"batch_size": 2.5}, "batch_size"),
    "negative l1": (lambda: _net2(), "circle", {"l1": -0.01}, "l1"),
    "negative l2": (lambda: _net2(), "circle", {"l2": -0.01}, "l2"),
    "negative learning rate": (lambda: _net2(), "circle", {"learning_rate": -0.03}, "learning_rate"),
    "huge learning rate": (lambda: _net2(), "circle", {"learning_rate": 1e4}, "learning_rate"),
    "negative max norm": (lambda: _net2(), "circle", {"max_norm": -1.0}, "max_norm"),
    "bool l2": (lambda: _net2(), "circle", {"l2": True}, "l2"),
    "patience 0": (lambda: _net2(), "circle", {"patience": 0}, "patience"),
    "shuffle text": (lambda: _net2(), "circle", {"shuffle": "yes"}, "shuffle"),
    "negative seed": (lambda: _net2(), "circle", {"seed": -1}, "seed"),
    "bad optimizer param": (lambda: _net2(), "circle", {"optimizer": "adam", "optimizer_params": {"beta1": 1.0}}, "optimizer.beta1"),
    "3 classes on 2 outputs": (lambda: _net2([3, {"size": 2, "activation": "softmax"}]), "blobs", {}, "output neurons"),
    "3 classes on 1 output": (lambda: _net2(), "blobs", {}, "output neurons"),
    "2 classes on 3 outputs": (lambda: _net2([3, {"size": 3, "activation": "sigmoid"}]), "circle", {}, "output neurons"),
    "bce with tanh": (lambda: _net2([3, {"size": 1, "activation": "tanh"}]), "circle", {"loss": "bce"}, "loss"),
    "cce with sigmoid": (lambda: _net2([3, {"size": 1, "activation": "sigmoid"}]), "circle", {"loss": "cce"}, "loss"),
    "regression with 2 outputs": (lambda: _net2([3, {"size": 2, "activation": "linear"}]), "reg_plane", {}, "output neurons"),
    "regression with bce": (lambda: _net2([3, {"size": 1, "activation": "sigmoid"}]), "reg_plane", {"loss": "bce"}, "loss"),
    "early stopping without test data": (lambda: _net2(), "xor_gate", {"early_stopping": True}, "early_stopping"),
}


@pytest.mark.parametrize("case", list(BAD_CONFIGS))
def test_bad_configuration_gives_a_clear_error(case):
    make_net, data_name, config, field = BAD_CONFIGS[case]
    data = generate(data_name, n_points=60) if data_name not in ("and", "xor_gate") else generate(data_name)
    with pytest.raises(ConfigError) as info:
        Trainer(make_net(), data, TrainingConfig(**config))
    assert info.value.field == field, str(info.value)
    assert str(info.value).startswith(field)


@pytest.mark.parametrize(
    "layers,field",
    [
        ([{"size": 3, "activation": "tanhh"}, 1], "layers[0].activation"),
        ([3, {"size": 1, "activation": "softmax"}], "layers[1].activation"),
    ],
)
def test_bad_network_for_training_is_a_clear_error(layers, field):
    with pytest.raises(ConfigError) as info:
        Network(["x1", "x2"], layers)
    assert info.value.field == field


def test_training_config_dict_round_trip_and_unknown_keys():
    cfg = TrainingConfig(learning_rate=0.1, optimizer="adam", optimizer_params={"beta1": 0.8}, l2=0.001)
    again = TrainingConfig.from_dict(cfg.to_dict())
    assert again == cfg
    with pytest.raises(ConfigError) as info:
        TrainingConfig.from_dict({"learning_rate": 0.1, "lr": 0.2})
    assert info.value.field == "training.lr"
    with pytest.raises(ConfigError):
        TrainingConfig.from_dict(["learning_rate"])


# ------------------------------------------------------------------ targets


@pytest.mark.parametrize(
    "activation,low,high",
    [
        ("step", 0, 1), ("sigmoid", 0, 1), ("relu", 0, 1), ("leaky_relu", 0, 1), ("softplus", 0, 1),
        ("silu", 0, 1), ("gelu", 0, 1),
        ("tanh", -1, 1), ("sign", -1, 1), ("linear", -1, 1), ("elu", -1, 1), ("selu", -1, 1), ("maxout", -1, 1),
    ],
)
def test_targets_are_mapped_to_the_output_range(activation, low, high):
    net = Network(["x1", "x2"], [{"size": 1, "activation": activation}])
    y = np.array([0, 1, 1, 0])
    t = encode_targets(y, "classification", 2, net, make_loss("mse"))
    assert t.tolist() == [[low], [high], [high], [low]]
    assert predict_classes(np.array([[low + 0.49 * (high - low)], [low + 0.51 * (high - low)]]), net).tolist() == [0, 1]
    two = Network(["x1", "x2"], [{"size": 2, "activation": activation}])
    t2 = encode_targets(y, "classification", 2, two, make_loss("mse"))
    assert t2.tolist() == [[high, low], [low, high], [low, high], [high, low]]


def test_softmax_targets_are_one_hot_and_regression_targets_pass_through():
    net = Network(["x1", "x2"], [{"size": 3, "activation": "softmax"}])
    t = encode_targets(np.array([2, 0, 1]), "classification", 3, net, make_loss("cce"))
    assert t.tolist() == [[0, 0, 1], [1, 0, 0], [0, 1, 0]]
    assert predict_classes(np.array([[0.1, 0.7, 0.2], [0.5, 0.2, 0.3]]), net).tolist() == [1, 0]
    lin = Network(["x1", "x2"], [{"size": 1, "activation": "linear"}])
    r = encode_targets(np.array([0.25, -3.5]), "regression", 0, lin, make_loss("mse"))
    assert r.tolist() == [[0.25], [-3.5]]


# ------------------------------------------------------------------ regularization


def _regularized(l1=0.0, l2=0.0, max_norm=0.0, lr=0.03, epochs=100):
    data = generate("gauss", n_points=200, noise=10, seed=1)
    net = Network(ALL_FEATURES, [8, 1], seed=1)
    trainer = Trainer(net, data, TrainingConfig(learning_rate=lr, batch_size=10, l1=l1, l2=l2, max_norm=max_norm))
    trainer.train_epochs(epochs)
    return net, trainer


def _weights(net):
    return np.concatenate([W.ravel() for W, _ in net.get_weights()])


def test_l2_shrinks_the_weights():
    plain, _ = _regularized()
    l2, t = _regularized(l2=0.01)
    assert np.linalg.norm(_weights(l2)) < 0.9 * np.linalg.norm(_weights(plain))
    assert t.evaluate()["train_acc"] > 0.95  # and still solves the task


def test_l1_drives_weights_to_zero():
    plain, _ = _regularized()
    l1, t = _regularized(l1=0.01)
    small_plain = (np.abs(_weights(plain)) < 1e-2).sum()
    small_l1 = (np.abs(_weights(l1)) < 1e-2).sum()
    assert small_l1 >= 20 and small_l1 >= 4 * max(small_plain, 1)
    assert t.evaluate()["train_acc"] > 0.95


def test_max_norm_bounds_each_neurons_incoming_weights():
    c = 0.5
    plain, _ = _regularized(lr=0.3, epochs=20)
    assert max(np.linalg.norm(W, axis=0).max() for W, _ in plain.get_weights()) > c  # would exceed it
    net, trainer = _regularized(max_norm=c, lr=0.3, epochs=20)
    for W, _ in net.get_weights():
        assert (np.linalg.norm(W, axis=0) <= c + 1e-9).all()
    trainer.step(1)
    for W, _ in net.get_weights():
        assert (np.linalg.norm(W, axis=0) <= c + 1e-9).all()


def test_reported_loss_is_the_data_loss_only():
    net, trainer = _regularized(l2=0.1, epochs=3)
    m = trainer.evaluate()
    w = _weights(net)
    assert trainer.objective() == pytest.approx(m["train_loss"] + 0.05 * float(w @ w), rel=1e-12)
    twin = Trainer(net, trainer.dataset, TrainingConfig())
    assert twin.evaluate()["train_loss"] == m["train_loss"]


# ------------------------------------------------------------------ history


def _fill(history, n):
    for e in range(1, n + 1):
        history.append(e, 1.0 / e, 2.0 / e, e % 2, 0.5)


@pytest.mark.parametrize("capacity", [300, 1000, 4096])
def test_history_keeps_at_most_capacity_points(capacity):
    h = History(capacity=capacity)
    _fill(h, 10_000)
    epochs = h["epoch"]
    assert len(h) <= capacity and len(epochs) == len(h)
    assert epochs[-1] == 10_000 and epochs[0] == 1
    assert (np.diff(epochs) > 0).all()
    np.testing.assert_array_equal(h["train_loss"], 1.0 / epochs)  # columns stay aligned
    np.testing.assert_array_equal(h["test_loss"], 2.0 / epochs)
    assert len(h) >= capacity // 4
    # the recent past is kept in full detail
    assert epochs[-50:].tolist() == list(range(10_000 - 49, 10_001))


@pytest.mark.parametrize("capacity", [16, 64])
def test_small_history_capacity_is_honoured(capacity):
    # regression: the buffer started 256 wide and was only thinned when full
    h = History(capacity=capacity)
    _fill(h, 1000)
    assert len(h) <= capacity
    assert h["epoch"][-1] == 1000 and (np.diff(h["epoch"]) > 0).all()


def test_history_columns_are_read_only_and_clear():
    h = History()
    _fill(h, 5)
    with pytest.raises(ValueError):
        h["train_loss"][0] = 1.0
    assert h.last()["epoch"] == 5
    h.clear()
    assert len(h) == 0 and h.last() == {}


# ------------------------------------------------------------------ multi-class


def _blobs_run(loss):
    data = generate("blobs", n_points=300, noise=10, seed=1)
    net = Network(["x1", "x2"], [8, {"size": 3, "activation": "softmax"}], seed=1)
    trainer = Trainer(net, data, TrainingConfig(optimizer="adam", learning_rate=0.03, batch_size=10, loss=loss))
    trainer.train_epochs(15)
    return net, trainer


def test_softmax_cce_learns_three_blobs():
    net, trainer = _blobs_run("cce")
    assert trainer.evaluate()["test_acc"] > 0.9
    probs = net.predict(trainer.dataset.x_test)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-12)


def test_sparse_cce_trains_identically_to_cce():
    a, ta = _blobs_run("cce")
    b, tb = _blobs_run("sparse_cce")
    assert a.params.tobytes() == b.params.tobytes()
    for column in History.COLUMNS:
        np.testing.assert_array_equal(ta.history[column], tb.history[column])


# ------------------------------------------------------------------ evaluation buffers


def test_evaluate_is_unchanged_by_predictions_of_many_sizes():
    # regression: predict() on a 10th batch size cleared the network's workspace cache and
    # evaluate() then read a fresh, uninitialised workspace instead of the one it computed into
    _, trainer = _step_trainer()
    trainer.train_epochs(3)
    before = trainer.evaluate()
    for n in range(1, 15):
        trainer.network.predict(np.zeros((n, 2)))
    assert trainer.evaluate() == before


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("activation", ["relu", "leaky_relu", "elu", "gelu", "maxout"])
def test_training_and_pictures_raise_no_warnings(activation):
    """Warnings inside the compiled loop (e.g. NumPy deprecations) would repeat every batch."""
    net = Network(["x1", "x2"], [{"size": 4, "activation": activation, "dropout": 0.2}, 1], seed=1)
    trainer = Trainer(net, generate("circle", n_points=40, seed=1), TrainingConfig(l1=0.001, l2=0.001, max_norm=2.0))
    trainer.train_epochs(2)
    trainer.step(3)
    trainer.gradient()
    net.grid((-6, 6, -6, 6), 8)
