"""Optimizer race: one network, the same initial weights and batches, 2–4 optimizers.

:class:`OptimizerRace` trains a clone of the network per optimizer ("lane") in lock-step;
a lane that diverges stops with its message while the others go on. It records, for the
tracked parameters, each lane's path through weight space (bounded like
:class:`~engine.training.History`). :class:`LossSurface` evaluates the training objective
over a grid of two free parameters (the others fixed), the picture the paths are drawn on.

>>> from engine import datasets
>>> from engine.network import Network
>>> from engine.training import TrainingConfig
>>> net = Network(["x1"], [{"size": 1, "activation": "linear"}])
>>> race = OptimizerRace(net, datasets.generate("reg_plane", 40), TrainingConfig(), ["sgd", "adam"])
>>> race.train_epochs(3)
>>> [lane.trainer.epoch for lane in race.lanes]
[3, 3]
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Sequence

import numpy as np

from .activations import run_ops
from .errors import ConfigError, DivergenceError
from .network import Network
from .optimizers import OPTIMIZERS
from .training import History, Trainer, TrainingConfig

MIN_LANES, MAX_LANES = 2, 4
PATH_CAPACITY = 5_000
MAX_TRACKED = 32
LANE_KEYS = ("optimizer", "learning_rate", "optimizer_params")


# ---------------------------------------------------------------------- helpers
def free_parameters(network: Network) -> list[int]:
    """Flat indices (into ``network.params``) of the trainable parameters: not frozen, not removed."""
    locked = np.zeros(network.params.size, bool)
    for L in network.layers:
        view = locked[L.offset : L.offset + L.size].reshape(L.n_in + 1, L.m)
        view[: L.n_in] = np.repeat(network.removed[L.index] | network.frozen_w[L.index], L.k, axis=1)
        view[L.n_in] = np.repeat(network.frozen_b[L.index], L.k)
    return [int(i) for i in np.flatnonzero(~locked)]


class _Path:
    """Rows of tracked parameter values; when full, the older half is thinned to every other row."""

    def __init__(self, width: int, capacity: int = PATH_CAPACITY):
        self.capacity = max(16, int(capacity))
        self._data = np.empty((min(256, self.capacity), width))
        self._n = 0

    def __len__(self) -> int:
        return self._n

    def append(self, row: np.ndarray) -> None:
        if self._n == self._data.shape[0]:
            if self._n >= self.capacity:
                half = self._n // 2
                keep = np.concatenate([self._data[:half:2], self._data[half : self._n]])
                self._n = keep.shape[0]
                self._data[: self._n] = keep
            else:
                grown = np.empty((min(self.capacity, 2 * self._n), self._data.shape[1]))
                grown[: self._n] = self._data[: self._n]
                self._data = grown
        self._data[self._n] = row
        self._n += 1

    def columns(self, cols: Sequence[int]) -> np.ndarray:
        return self._data[: self._n][:, list(cols)].copy()

    def clear(self) -> None:
        self._n = 0


@dataclass
class Lane:
    """One optimizer of a race: its label, trainer, and divergence message (None while running)."""

    name: str
    trainer: Trainer
    diverged: str | None = None
    path: _Path | None = None

    @property
    def running(self) -> bool:
        return self.diverged is None


def _lane_spec(entry, index: int) -> tuple[str, float | None, dict]:
    where = f"optimizers[{index}]"
    if isinstance(entry, str):
        entry = {"optimizer": entry}
    if not isinstance(entry, dict):
        raise ConfigError(where, entry, "must be an optimizer name or an object with an optimizer")
    for key in entry:
        if key not in LANE_KEYS:
            raise ConfigError(f"{where}.{key}", entry[key], f"unknown lane setting; use: {', '.join(LANE_KEYS)}")
    name = entry.get("optimizer")
    if not isinstance(name, str) or name not in OPTIMIZERS:
        raise ConfigError(f"{where}.optimizer", name, "unknown optimizer; choose one of: " + ", ".join(OPTIMIZERS))
    lr = entry.get("learning_rate")
    params = entry.get("optimizer_params", {})
    if not isinstance(params, dict):
        raise ConfigError(f"{where}.optimizer_params", params, "must be an object")
    return name, lr, dict(params)


# ---------------------------------------------------------------------- the race
class OptimizerRace:
    """Train clones of ``network`` with 2–4 optimizers in lock-step.

    ``optimizers`` lists names (``"adam"``) or ``{"optimizer": name, "learning_rate": …,
    "optimizer_params": {…}}``. Each lane's settings are ``config`` with that optimizer
    (its own parameters, or the config's when the optimizer is the config's) and learning
    rate (the config's unless given). Early stopping is off in a race, so lanes stay at the
    same epoch. The same seed gives every lane the same batches. ``track`` lists the flat
    parameter indices whose paths are recorded (default: the free parameters when there
    are at most 32 of them, else none).
    """

    def __init__(self, network: Network, dataset, config: TrainingConfig | None, optimizers, track=None,
                 path_capacity: int = PATH_CAPACITY):
        config = (config or TrainingConfig()).validate()
        if isinstance(optimizers, (str, dict)) or not isinstance(optimizers, Sequence):
            raise ConfigError("optimizers", optimizers, "must be a list of 2 to 4 optimizers")
        if not MIN_LANES <= len(optimizers) <= MAX_LANES:
            raise ConfigError("optimizers", len(optimizers), f"a race has {MIN_LANES} to {MAX_LANES} optimizers")
        specs = [_lane_spec(e, i) for i, e in enumerate(optimizers)]
        configs = []
        for i, (name, lr, params) in enumerate(specs):
            if not params and name == config.optimizer:
                params = dict(config.optimizer_params)
            changes = {"optimizer": name, "optimizer_params": params, "early_stopping": False}
            if lr is not None:
                changes["learning_rate"] = lr
            try:
                cfg = replace(config, **changes).validate()
            except ConfigError as e:
                raise ConfigError(f"optimizers[{i}].{e.field}", e.value, e.message) from None
            key = (cfg.optimizer, cfg.learning_rate, sorted(cfg.optimizer_params.items()))
            if any(key == (c.optimizer, c.learning_rate, sorted(c.optimizer_params.items())) for c in configs):
                raise ConfigError(
                    f"optimizers[{i}]", name, "this lane repeats another: give it another learning rate or optimizer"
                )
            configs.append(cfg)
        self.network = network
        self.dataset = dataset
        self.config = config
        self.initial_params = network.copy_params()
        free = free_parameters(network)
        if track is None:
            track = free if len(free) <= MAX_TRACKED else []
        track = [int(i) for i in track]
        for i in track:
            if not 0 <= i < network.params.size:
                raise ConfigError("track", i, f"no such parameter (the network has {network.params.size})")
        self.tracked = track
        self._col = {p: c for c, p in enumerate(track)}
        labels = self._labels(configs)
        self.lanes: list[Lane] = []
        for label, cfg in zip(labels, configs):
            trainer = Trainer(network.clone(), dataset, cfg)
            self.lanes.append(Lane(label, trainer, None, _Path(len(track), path_capacity)))
        self._record_all()

    @staticmethod
    def _labels(configs: list[TrainingConfig]) -> list[str]:
        labels = []
        for c in configs:
            label = OPTIMIZERS[c.optimizer].label
            same = [d for d in configs if d.optimizer == c.optimizer]
            if len(same) > 1:
                label += f" (lr {c.learning_rate:g})"
                if sum(d.learning_rate == c.learning_rate for d in same) > 1:
                    label += f" #{len([x for x in labels if x.startswith(label)]) + 1}"
            labels.append(label)
        return labels

    # -------------------------------------------------------------- training
    def _record(self, lane: Lane) -> None:
        if self.tracked:
            lane.path.append(lane.trainer.network.params[self.tracked])

    def _record_all(self) -> None:
        for lane in self.lanes:
            self._record(lane)

    def _advance(self, lane: Lane, fn) -> None:
        try:
            fn()
        except DivergenceError as e:
            lane.diverged = str(e)
        self._record(lane)

    def train_epochs(self, k: int = 1) -> None:
        """``k`` more epochs for every running lane, one epoch at a time across lanes."""
        k = _whole(k, "epochs")
        for _ in range(k):
            running = [lane for lane in self.lanes if lane.running]
            if not running:
                return
            for lane in running:
                self._advance(lane, lambda t=lane.trainer: t.train_epochs(1))

    def step(self, k: int = 1) -> None:
        """``k`` more mini-batch steps for every running lane, one step at a time across lanes."""
        k = _whole(k, "steps")
        for _ in range(k):
            running = [lane for lane in self.lanes if lane.running]
            if not running:
                return
            for lane in running:
                self._advance(lane, lambda t=lane.trainer: t.step(1))

    def reset(self) -> None:
        """Every lane back to the common initial weights, epoch 0, fresh optimizer and shuffling."""
        for lane in self.lanes:
            t = lane.trainer
            t.reset()
            t.network.load_params(self.initial_params)  # the next epoch keeps these as last good
            lane.diverged = None
            lane.path.clear()
        self._record_all()

    # -------------------------------------------------------------- views
    def _lane(self, lane) -> Lane:
        if isinstance(lane, Lane):
            return lane
        if isinstance(lane, str):
            for x in self.lanes:
                if x.name == lane:
                    return x
            raise ConfigError("lane", lane, "no such lane; lanes: " + ", ".join(x.name for x in self.lanes))
        if isinstance(lane, (int, np.integer)) and not isinstance(lane, bool) and 0 <= lane < len(self.lanes):
            return self.lanes[int(lane)]
        raise ConfigError("lane", lane, f"must be a lane name or an index 0 to {len(self.lanes) - 1}")

    @property
    def epochs(self) -> list[int]:
        return [lane.trainer.epoch for lane in self.lanes]

    def histories(self) -> dict[str, History]:
        """Each lane's per-epoch metrics, by lane name."""
        return {lane.name: lane.trainer.history for lane in self.lanes}

    def grid(self, extent: Sequence[float] = (-6.0, 6.0, -6.0, 6.0), n: int = 40) -> dict[str, np.ndarray]:
        """Each lane's output over an n×n grid (``Network.grid``'s last column), by lane name."""
        return {lane.name: lane.trainer.network.grid(extent, n)[-1] for lane in self.lanes}

    def path(self, lane, params: tuple[int, int]) -> np.ndarray:
        """(m, 2) values of parameters (i, j): the initial weights, then after each step/epoch
        (older points thinned once more than the capacity were recorded)."""
        lane = self._lane(lane)
        cols = []
        for p in params:
            if p not in self._col:
                raise ConfigError("params", p, "this parameter's path is not recorded: pass it in track")
            cols.append(self._col[p])
        return lane.path.columns(cols)


def _whole(value, name) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not 0 <= value <= 10**9:
        raise ConfigError(name, value, "must be a whole number between 0 and 1000000000")
    return int(value)


# ---------------------------------------------------------------------- loss surface
class LossSurface:
    """The training objective (the trainer's :meth:`~engine.training.Trainer.objective`:
    data loss plus L1/L2 penalties) over an n×n grid of two free parameters ``params``
    = (i, j), flat indices, the others fixed at their current values.

    ``xs`` are the values of parameter i (columns), ``ys`` of parameter j (rows), and
    ``Z[r, c]`` the objective at (xs[c], ys[r]) — ``matplotlib.contour(xs, ys, Z)`` order.
    The default extent is the current values ±3. Unpacks as ``xs, ys, Z``. The network
    is cloned, so it is not touched.
    """

    def __init__(self, network: Network, dataset, config: TrainingConfig | None, params=(0, 1),
                 extent: Sequence[float] | None = None, n: int = 41):
        if not isinstance(params, (tuple, list)) or len(params) != 2:
            raise ConfigError("params", params, "give two parameter indices")
        free = free_parameters(network)
        for p in params:
            if isinstance(p, bool) or not isinstance(p, (int, np.integer)) or int(p) not in free:
                raise ConfigError("params", p, "must be the index of a free (not frozen or removed) parameter")
        i, j = int(params[0]), int(params[1])
        if i == j:
            raise ConfigError("params", params, "give two different parameters")
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 2 <= n <= 401:
            raise ConfigError("n", n, "must be a whole number between 2 and 401")
        wi, wj = float(network.params[i]), float(network.params[j])
        if extent is None:
            extent = (wi - 3.0, wi + 3.0, wj - 3.0, wj + 3.0)
        if len(extent) != 4 or not all(isinstance(v, (int, float, np.number)) and math.isfinite(v) for v in extent):
            raise ConfigError("extent", extent, "must be four finite numbers xmin, xmax, ymin, ymax")
        x0, x1, y0, y1 = (float(v) for v in extent)
        if not (x0 < x1 and y0 < y1):
            raise ConfigError("extent", extent, "needs xmin < xmax and ymin < ymax")
        self.params = (i, j)
        self.extent = (x0, x1, y0, y1)
        self.xs = np.linspace(x0, x1, int(n))
        self.ys = np.linspace(y0, y1, int(n))
        self._trainer = Trainer(network.clone(), dataset, config)
        self.Z = self._evaluate(self.xs, self.ys)

    def _evaluate(self, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
        t = self._trainer
        net, c = t.network, t.config
        i, j = self.params
        t.evaluate()  # compiles the evaluation program for the current network
        T, ws, ops = t._eval[0]
        o, z, tt = ws.a[-1].T, ws.z[-1].T, T.T
        value = t.loss.value
        params = net.params
        Z = np.empty((ys.size, xs.size))
        with np.errstate(all="ignore"):
            for r, y in enumerate(ys):
                params[j] = y
                for col, x in enumerate(xs):
                    params[i] = x
                    run_ops(ops)
                    Z[r, col] = value(o, z, tt)
            if c.l1 or c.l2:  # penalties on weights only: the rest is constant
                mask = net.weight_mask.copy()
                mi, mj = mask[i], mask[j]
                mask[[i, j]] = 0.0
                w = params * mask
                base = c.l1 * float(np.abs(w).sum()) + 0.5 * c.l2 * float(w @ w)
                px = mi * (c.l1 * np.abs(xs) + 0.5 * c.l2 * xs**2)
                py = mj * (c.l1 * np.abs(ys) + 0.5 * c.l2 * ys**2)
                Z += base + px[None, :] + py[:, None]
        return Z

    def __iter__(self):
        return iter((self.xs, self.ys, self.Z))

    def loss_at(self, wi: float, wj: float) -> float:
        """The objective at one point (exact, not interpolated)."""
        return float(self._evaluate(np.array([float(wi)]), np.array([float(wj)]))[0, 0])

    def minimum(self) -> tuple[float, float, float]:
        """(x, y, Z) at the grid's lowest finite point."""
        Z = np.where(np.isfinite(self.Z), self.Z, np.inf)
        r, col = np.unravel_index(int(np.argmin(Z)), Z.shape)
        return float(self.xs[col]), float(self.ys[r]), float(self.Z[r, col])
