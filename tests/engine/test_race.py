"""Tests of engine.race: the optimizer race (lock-step lanes from the same weights,
divergence of one lane, reset, paths) and the loss surface over two free weights."""

from __future__ import annotations

import time

import numpy as np
import pytest

from engine.datasets import generate
from engine.errors import ConfigError
from engine.network import Network
from engine.race import LossSurface, OptimizerRace, free_parameters
from engine.training import Trainer, TrainingConfig

FIVE = ["sgd", "momentum", "nesterov", "rmsprop", "adam"]
# learning rates that converge in a few hundred full-batch epochs on the problems below
REG_LR = {"sgd": 0.05, "momentum": 0.02, "nesterov": 0.02, "rmsprop": 0.01, "adam": 0.05}
GATE_LR = {"sgd": 1.0, "momentum": 0.5, "nesterov": 0.5, "rmsprop": 0.05, "adam": 0.1}


def regression_problem():
    """One linear neuron on x1 (weight + bias: two free parameters), the noisy plane."""
    ds = generate("reg_plane", 200, noise=10, train_ratio=1.0)
    net = Network(["x1"], [{"size": 1, "activation": "linear"}], init="zeros")
    return net, ds, TrainingConfig(batch_size=1000, shuffle=False)


def gate_problem():
    """A sigmoid neuron on AND's truth table with its bias frozen: w1, w2 free."""
    net = Network(["x1", "x2"], [{"size": 1, "activation": "sigmoid"}], init="zeros")
    net.set_bias(0, 0, -1.5)
    net.freeze_bias(0, 0)
    return net, generate("and"), TrainingConfig(batch_size=4, shuffle=False, loss="bce")


def lanes(names, lrs):
    return [{"optimizer": n, "learning_rate": lrs[n]} for n in names]


def race_all(problem, lrs, epochs):
    """Races of the five optimizers (4 + 2 lanes, the limit being 4)."""
    net, ds, cfg = problem
    out = []
    for group in (FIVE[:4], FIVE[4:] + ["sgd"]):
        race = OptimizerRace(net, ds, cfg, lanes(group, lrs))
        race.train_epochs(epochs)
        out.append(race)
    return out


# ------------------------------------------------------------------ free parameters


def test_free_parameters():
    net = Network(["x1", "x2"], [2, 1])
    assert free_parameters(net) == list(range(net.n_parameters))
    net.freeze_weight(0, 0, 1)
    net.freeze_bias(1, 0)
    net.remove_connection(0, 1, 0)
    # layer 0 params: rows (x1, x2, bias) × 2 units -> w[0,1] is 1, w[1,0] is 2; layer 1 bias is last
    assert free_parameters(net) == [0, 3, 4, 5, 6, 7]
    net2, _, _ = gate_problem()
    assert free_parameters(net2) == [0, 1]


# ------------------------------------------------------------------ the race


@pytest.mark.parametrize("problem, lrs, epochs", [(regression_problem, REG_LR, 300), (gate_problem, GATE_LR, 1000)])
def test_five_optimizers_reach_the_surface_minimum(problem, lrs, epochs):
    net, ds, cfg = problem()
    start = net.copy_params()
    i, j = free_parameters(net)
    surface = LossSurface(net, ds, cfg, (i, j))
    xs, ys, Z = surface
    assert Z.shape == (41, 41) and xs[20] == pytest.approx(start[i]) and ys[20] == pytest.approx(start[j])
    x_min, y_min, z_min = surface.minimum()
    dx, dy = xs[1] - xs[0], ys[1] - ys[0]
    seen = 0
    for race in race_all((net, ds, cfg), lrs, epochs):
        for lane in race.lanes:
            seen += 1
            assert lane.diverged is None
            hist = lane.trainer.history["train_loss"]
            path = race.path(lane.name, (i, j))
            assert len(path) == epochs + 1 and np.array_equal(path[0], start[[i, j]])
            first, last = surface.loss_at(*path[0]), surface.loss_at(*path[-1])
            assert last < first and hist[-1] < hist[0]
            # the surface evaluates exactly the trainer's objective
            assert last == pytest.approx(lane.trainer.objective(), rel=1e-12)
            # the path ends near the surface's (grid) minimum, within a grid cell or two
            assert abs(path[-1, 0] - x_min) <= 2 * dx and abs(path[-1, 1] - y_min) <= 2 * dy
            # and the grid's minimum is the loss at the best path point, to grid resolution
            losses = [surface.loss_at(*p) for p in path[:: max(1, len(path) // 200)]] + [last]
            best = min(losses)
            assert z_min >= best - 1e-9
            cell = [
                surface.loss_at(path[-1, 0] + sx * dx, path[-1, 1] + sy * dy) for sx in (-1, 1) for sy in (-1, 1)
            ]
            assert z_min - best <= max(cell) - best + 1e-12
            # other (frozen) parameters never moved
            others = np.delete(np.arange(net.n_parameters), [i, j])
            assert np.array_equal(lane.trainer.network.params[others], start[others])
    assert seen == 6


def test_lanes_start_identical_and_run_in_lock_step():
    net = Network(["x1", "x2"], [4, 1], seed=3)
    ds = generate("circle", 60, seed=1)
    cfg = TrainingConfig(batch_size=7, seed=5, learning_rate=0.05)
    race = OptimizerRace(net, ds, cfg, ["sgd", "adam", {"optimizer": "sgd", "learning_rate": 0.2}])
    assert [lane.name for lane in race.lanes] == ["SGD (lr 0.05)", "Adam", "SGD (lr 0.2)"]
    for lane in race.lanes:
        assert lane.trainer.network is not net
        assert np.array_equal(lane.trainer.network.params, net.params)
    race.step(3)  # 30 training points: 5 batches an epoch
    assert {(lane.trainer.epoch, lane.trainer.batch_position) for lane in race.lanes} == {(0, 3)}
    race.train_epochs(3)
    assert race.epochs == [3, 3, 3]
    assert all(len(h) == 3 for h in race.histories().values())
    # same batches as a plain trainer with the lane's settings
    alone = Trainer(net.clone(), ds, cfg)
    alone.step(3)
    alone.train_epochs(3)
    assert np.array_equal(alone.network.params, race.lanes[0].trainer.network.params)
    # the caller's network is untouched, every lane moved differently
    assert np.array_equal(net.params, Network(["x1", "x2"], [4, 1], seed=3).params)
    assert not np.array_equal(race.lanes[0].trainer.network.params, race.lanes[2].trainer.network.params)
    grids = race.grid((-6, 6, -6, 6), 12)
    assert list(grids) == [lane.name for lane in race.lanes]
    assert all(g.shape == (1, 12, 12) for g in grids.values())
    # paths: the start, 3 steps, then 3 epochs (the first finishing the started one)
    assert race.path(1, (0, 1)).shape == (7, 2)


def test_a_diverging_lane_stops_and_the_others_go_on():
    net, ds, cfg = regression_problem()
    race = OptimizerRace(net, ds, cfg, [{"optimizer": "sgd", "learning_rate": 500.0}, {"optimizer": "adam", "learning_rate": 0.05}])
    race.train_epochs(50)
    bad, good = race.lanes
    assert bad.diverged is not None and "diverged" in bad.diverged and "500" in bad.diverged
    assert bad.trainer.epoch < 50 and good.trainer.epoch == 50 and good.diverged is None
    assert np.isfinite(bad.trainer.network.params).all()
    stopped = bad.trainer.epoch
    race.step(3)
    assert bad.trainer.epoch == stopped and good.trainer.epoch == 53
    race.reset()
    assert bad.diverged is None and race.epochs == [0, 0]


def test_reset_returns_to_the_initial_weights_bitwise():
    net = Network(["x1", "x2"], [3, 1], seed=7)
    net.set_weight(0, 0, 0, 0.123456789)  # by hand: not what initialize() would draw
    ds = generate("xor", 50, seed=2)
    cfg = TrainingConfig(batch_size=5, seed=9)
    race = OptimizerRace(net, ds, cfg, ["momentum", "rmsprop"])
    race.train_epochs(4)
    race.step(2)
    first = [lane.trainer.network.copy_params() for lane in race.lanes]
    race.reset()
    for lane in race.lanes:
        assert np.array_equal(lane.trainer.network.params, net.params)
        assert lane.trainer.epoch == 0 and len(lane.trainer.history) == 0 and lane.trainer.batch_position == 0
        assert len(race.path(lane.name, (0, 1))) == 1
    # and training again replays the same run
    race.train_epochs(4)
    race.step(2)
    for lane, before in zip(race.lanes, first):
        assert np.array_equal(lane.trainer.network.params, before)


def test_paths_are_bounded():
    net, ds, cfg = gate_problem()
    race = OptimizerRace(net, ds, cfg, ["sgd", "adam"], path_capacity=64)
    race.train_epochs(500)
    path = race.path("Adam", (0, 1))
    assert 32 <= len(path) <= 64
    assert np.array_equal(path[0], [0.0, 0.0])  # the start survives thinning
    assert np.array_equal(path[-1], race.lanes[1].trainer.network.params[:2])


@pytest.mark.parametrize(
    "optimizers",
    [
        ["sgd"],
        ["sgd", "adam", "rmsprop", "momentum", "nesterov"],
        "sgd",
        ["sgd", "nope"],
        ["sgd", "sgd"],
        ["adam", {"optimizer": "adam", "learning_rate": 0.03}],  # the config's lr
        ["sgd", {"optimizer": "adam", "speed": 2}],
        ["sgd", {"optimizer": "adam", "optimizer_params": {"momentum": 0.9}}],
        ["sgd", {"optimizer": "adam", "learning_rate": -1}],
        ["sgd", 3],
    ],
)
def test_bad_lanes(optimizers):
    net, ds, cfg = regression_problem()
    with pytest.raises(ConfigError):
        OptimizerRace(net, ds, cfg, optimizers)


def test_same_optimizer_with_other_settings_is_allowed():
    net, ds, cfg = regression_problem()
    race = OptimizerRace(
        net, ds, cfg,
        ["momentum", {"optimizer": "momentum", "optimizer_params": {"momentum": 0.5}}, {"optimizer": "momentum", "learning_rate": 0.01}],
    )
    assert len({lane.name for lane in race.lanes}) == 3
    with pytest.raises(ConfigError):
        race.path("Nope", (0, 1))
    with pytest.raises(ConfigError):
        race.path(0, (0, 5))


# ------------------------------------------------------------------ the surface


@pytest.mark.parametrize("gate, hidden", [("xor_gate", []), ("and", []), ("xor_gate", [2])])
def test_surface_is_fast_on_truth_tables(gate, hidden):
    net = Network(["x1", "x2"], hidden + [{"size": 1, "activation": "sigmoid"}], seed=1)
    t0 = time.perf_counter()
    xs, ys, Z = LossSurface(net, generate(gate), TrainingConfig(loss="bce"), (0, 1))
    assert time.perf_counter() - t0 < 1.0
    assert np.isfinite(Z).all() and Z.shape == (41, 41)


def test_surface_on_200_points_and_penalties():
    net, ds, _ = regression_problem()
    cfg = TrainingConfig(l1=0.01, l2=0.1)
    t0 = time.perf_counter()
    surface = LossSurface(net, ds, cfg, (1, 0), extent=(-1, 1, -0.5, 0.5), n=41)
    assert time.perf_counter() - t0 < 2.0
    xs, ys, Z = surface
    assert xs[0] == -1 and xs[-1] == 1 and ys[0] == -0.5 and ys[-1] == 0.5
    # Z[r, c] is the objective at parameter 1 = xs[c], parameter 0 = ys[r] (the bias is not penalised)
    t = Trainer(net.clone(), ds, cfg)
    for r, c in [(0, 0), (7, 33), (40, 12)]:
        t.network.params[1], t.network.params[0] = xs[c], ys[r]
        assert Z[r, c] == pytest.approx(t.objective(), rel=1e-12)
    assert np.array_equal(net.params, [0.0, 0.0])  # the network is not touched


@pytest.mark.parametrize(
    "kw",
    [{"params": (0, 0)}, {"params": (0, 2)}, {"params": (0,)}, {"n": 1}, {"extent": (1, 0, 0, 1)}, {"extent": (0, 1, 0)}],
)
def test_bad_surfaces(kw):
    net, ds, cfg = gate_problem()  # parameter 2 (the bias) is frozen
    with pytest.raises(ConfigError):
        LossSurface(net, ds, cfg, **kw)
