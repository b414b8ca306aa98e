"""Tests of engine.timeline: bounded snapshots, scrubbing, restoring and exact resuming."""

from __future__ import annotations

import numpy as np
import pytest

from engine.datasets import generate
from engine.errors import ConfigError
from engine.network import Network
from engine.timeline import Timeline
from engine.training import Trainer, TrainingConfig


def make_trainer(sizes=(4, 1), **cfg):
    net = Network(["x1", "x2"], list(sizes), seed=3)
    config = TrainingConfig(**{"optimizer": "adam", "learning_rate": 0.01, "batch_size": 10, "shuffle": True, **cfg})
    return Trainer(net, generate("circle"), config)


def run(trainer, timeline, epochs):
    timeline.record(trainer)
    for _ in range(epochs):
        trainer.train_epochs(1)
        timeline.record(trainer)


def test_keeps_every_epoch_until_full():
    tr, tl = make_trainer(), Timeline(capacity=50)
    run(tr, tl, 20)
    assert tl.epochs() == list(range(21))
    assert len(tl) == 21
    assert np.array_equal(tl.params_at(20), tr.network.params)
    assert tl.metrics_at(20)["train_loss"] == tr.history.last()["train_loss"]
    assert tl.metrics_at(0) == {}


def test_record_is_a_no_op_when_nothing_is_due():
    tr, tl = make_trainer(), Timeline()
    assert tl.record(tr) is True
    assert tl.record(tr) is False
    tr.step(1)  # mid-epoch: weights are not at an epoch boundary
    assert tr.batch_position != 0
    assert tl.record(tr) is False
    assert tl.epochs() == [0]


def test_memory_stays_bounded_over_a_long_run():
    tl = Timeline(capacity=200)
    tr = make_trainer(sizes=(1,), optimizer="sgd", batch_size=1000, shuffle=False)
    tl.record(tr)
    for _ in range(10_000):
        # epochs advance without the cost of training: only the schedule is under test
        tr.epoch += 1
        tl.record(tr)
    kept = tl.epochs()
    assert len(kept) <= 200
    assert kept[0] == 0 and kept[-1] == 10_000
    assert all(a < b for a, b in zip(kept, kept[1:]))
    # recent epochs in full detail, older ones sparser, the whole run spanned
    assert kept[-50:] == list(range(10_000 - 49, 10_001))
    gaps = np.diff(kept)
    assert gaps[0] > gaps[-1]
    assert max(gaps) < 10_000 // 4


def test_params_are_copies():
    tr, tl = make_trainer(), Timeline()
    run(tr, tl, 2)
    p = tl.params_at(1)
    p[:] = 99.0
    assert not np.array_equal(tl.params_at(1), p)
    before = tl.params_at(2)
    tr.train_epochs(1)  # training on does not change what was kept
    assert np.array_equal(tl.params_at(2), before)


def test_nearest():
    tl = Timeline(capacity=200)
    tr = make_trainer(sizes=(1,), optimizer="sgd")
    tl.record(tr)
    for e in (10, 20, 40):
        tr.epoch = e
        tl.record(tr)
    assert tl.epochs() == [0, 10, 20, 40]
    assert tl.nearest(-5) == 0
    assert tl.nearest(4) == 0
    assert tl.nearest(5) == 0  # a tie goes to the earlier epoch
    assert tl.nearest(6) == 10
    assert tl.nearest(31) == 40
    assert tl.nearest(1000) == 40
    with pytest.raises(ConfigError):
        Timeline().nearest(3)


@pytest.mark.parametrize("optimizer", ["adam", "momentum", "nadam"])
def test_restore_and_resume_is_bitwise_identical(optimizer):
    ref, tl_ref = make_trainer(optimizer=optimizer), Timeline()
    run(ref, tl_ref, 15)
    final = ref.network.copy_params()
    history_ref = ref.history.to_dict()

    tr, tl = make_trainer(optimizer=optimizer), Timeline()
    run(tr, tl, 15)
    tl.restore(tr, 6)
    assert tr.epoch == 6
    assert np.array_equal(tr.network.params, tl_ref.params_at(6))
    assert tr.history["epoch"].tolist() == [1, 2, 3, 4, 5, 6]
    assert tl.epochs() == list(range(7))  # later snapshots dropped: the run branches here
    tr.train_epochs(4)
    assert np.array_equal(tr.network.params, tl_ref.params_at(10))  # E + k, bit for bit
    tl.record(tr)
    tr.train_epochs(5)
    assert np.array_equal(tr.network.params, final)
    assert tr.history.to_dict() == history_ref


def test_restore_resumes_with_dropout():
    net = Network(["x1", "x2"], [{"size": 6, "dropout": 0.3}, 1], seed=1)
    ref = Trainer(net, generate("xor"), TrainingConfig(optimizer="adam", learning_rate=0.01))
    tl = Timeline()
    run(ref, tl, 8)
    at8 = tl.params_at(8)
    tl.restore(ref, 3)
    ref.train_epochs(5)
    assert np.array_equal(ref.network.params, at8)


def test_restore_mid_epoch_starts_a_fresh_epoch():
    ref, tl_ref = make_trainer(), Timeline()
    run(ref, tl_ref, 5)
    tr, tl = make_trainer(), Timeline()
    run(tr, tl, 3)
    tr.step(2)
    tl.restore(tr, 3, truncate=False)
    assert tr.batch_position == 0
    tr.train_epochs(2)
    assert np.array_equal(tr.network.params, tl_ref.params_at(5))


def test_restore_without_optimizer_or_rng_state():
    tr, tl = make_trainer(), Timeline(keep_optimizer=False, keep_rng=False)
    run(tr, tl, 4)
    tl.restore(tr, 2)
    assert tr.epoch == 2 and np.array_equal(tr.network.params, tl.params_at(2))
    assert tr.optimizer.state_dict()["step"] == 0  # fresh optimizer state
    tr.train_epochs(1)  # trains on fine, just not identically
    assert tr.epoch == 3


def test_restore_to_a_thinned_epoch_names_it():
    tl = Timeline(capacity=8)
    tr = make_trainer(sizes=(1,), optimizer="sgd")
    run(tr, tl, 20)
    kept = tl.epochs()
    assert len(kept) <= 8 and kept[0] == 0 and kept[-1] == 20
    missing = next(e for e in range(21) if e not in kept)
    params = tr.network.copy_params()
    with pytest.raises(ConfigError) as err:
        tl.restore(tr, missing)
    assert err.value.field == "epoch" and err.value.value == missing
    assert str(missing) in str(err.value) and "nearest" in str(err.value)
    assert tr.epoch == 20 and np.array_equal(tr.network.params, params)
    with pytest.raises(ConfigError):
        tl.params_at(missing)
    tl.restore(tr, tl.nearest(missing))
    assert tr.epoch == tl.nearest(missing)


def test_refuses_a_network_of_another_shape():
    tr, tl = make_trainer(sizes=(4, 1)), Timeline()
    run(tr, tl, 3)
    other = make_trainer(sizes=(5, 1))
    params = other.network.copy_params()
    with pytest.raises(ConfigError) as err:
        tl.restore(other, 2)
    assert err.value.field == "network"
    assert other.epoch == 0 and np.array_equal(other.network.params, params)
    assert len(other.history) == 0


def test_refuses_an_optimizer_that_does_not_match_without_changing_anything():
    tr, tl = make_trainer(), Timeline()
    run(tr, tl, 3)
    tr.update(optimizer="rmsprop")
    params = tr.network.copy_params()
    with pytest.raises(ConfigError):
        tl.restore(tr, 1)
    assert tr.epoch == 3 and np.array_equal(tr.network.params, params) and len(tr.history) == 3


def test_restore_into_another_network_of_the_same_shape():
    tr, tl = make_trainer(), Timeline()
    run(tr, tl, 3)
    other = make_trainer()
    tl.restore(other, 2)
    assert np.array_equal(other.network.params, tl.params_at(2))


def test_reset_and_shape_change_restart_the_timeline():
    tr, tl = make_trainer(), Timeline()
    run(tr, tl, 5)
    tr.reset()
    assert tl.record(tr) is True
    assert tl.epochs() == [0]
    tr.train_epochs(2)
    tl.record(tr)
    assert tl.epochs() == [0, 2]
    tr.set_network(Network(["x1", "x2"], [3, 1]))
    tl.record(tr)
    assert tl.epochs() == [2]


def test_history_truncation_with_a_thinned_history():
    tr = Trainer(
        Network(["x1", "x2"], [1], seed=0),
        generate("circle"),
        TrainingConfig(optimizer="sgd", batch_size=1000, shuffle=False),
        history_capacity=16,
    )
    tl = Timeline()
    run(tr, tl, 40)
    epochs_before = tr.history["epoch"].tolist()
    tl.restore(tr, 30)
    assert tr.history["epoch"].tolist() == [e for e in epochs_before if e <= 30]
    assert tr.history.last()["epoch"] == 30


def test_clear_and_bad_capacity():
    tr, tl = make_trainer(), Timeline()
    run(tr, tl, 2)
    tl.clear()
    assert tl.epochs() == [] and len(tl) == 0
    with pytest.raises(ConfigError):
        tl.restore(tr, 1)
    for bad in (0, 3, -1, 2.5, True):
        with pytest.raises(ConfigError):
            Timeline(capacity=bad)
