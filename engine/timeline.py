"""Training timeline: snapshots of the weights kept at thinning intervals (bounded memory).

A :class:`Timeline` is fed by calling :meth:`Timeline.record` after each epoch (or as
often as is convenient: nothing happens unless the trainer reached a new epoch). It keeps
at most ``capacity`` snapshots: the latest ``capacity // 2`` recorded epochs, every one,
and older epochs at most one per bucket of ``stride`` epochs counted from the first kept
epoch (which is therefore always kept). When the older part is full the stride doubles and
it is thinned to one per wider bucket. So the kept epochs always span the whole run, from
the first recorded epoch to the latest, evenly spaced further back and in full detail for
recent epochs. Memory is bounded by ``capacity`` × (parameters + optimizer buffers) floats.

Each snapshot holds the epoch, a copy of the weights, the metrics of that epoch, and
(unless turned off) the optimizer's state and the trainer's random-generator state.
:meth:`Timeline.restore` puts a trainer back to a kept epoch: weights, epoch counter,
optimizer state, RNG state, and its history truncated to that epoch. With optimizer and
RNG state kept, training on from there gives bit for bit the weights the original run had.

>>> from engine import datasets
>>> from engine.network import Network
>>> from engine.training import Trainer
>>> trainer = Trainer(Network(["x1", "x2"], [3, 1]), datasets.generate("circle"))
>>> tl = Timeline(capacity=50)
>>> tl.record(trainer)                  # epoch 0: the initial weights
True
>>> for _ in range(5):
...     _ = trainer.train_epochs(1); _ = tl.record(trainer)
>>> tl.epochs()
[0, 1, 2, 3, 4, 5]
>>> tl.restore(trainer, 2); trainer.epoch
2
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import numpy as np

from .errors import ConfigError
from .network import Network

__all__ = ["Snapshot", "Timeline"]


@dataclass
class Snapshot:
    epoch: int
    params: np.ndarray
    metrics: dict = field(default_factory=dict)
    optimizer_state: dict | None = None  # Optimizer.state_dict() with buffers as arrays
    rng_state: dict | None = None  # trainer._rng.bit_generator.state


def _signature(net: Network) -> tuple:
    return (tuple(net.sizes), int(net.params.size))


class Timeline:
    """Bounded list of weight snapshots of one training run (see module docstring).

    ``keep_optimizer`` and ``keep_rng`` choose whether snapshots include the optimizer's
    state and the shuffling/dropout generator's state; both are needed for a resumed run
    to continue exactly as the original did.
    """

    def __init__(self, capacity: int = 200, keep_optimizer: bool = True, keep_rng: bool = True):
        if isinstance(capacity, bool) or not isinstance(capacity, (int, np.integer)) or not 4 <= capacity <= 10**6:
            raise ConfigError("capacity", capacity, "must be a whole number between 4 and 1000000")
        self.capacity = int(capacity)
        self.keep_optimizer = bool(keep_optimizer)
        self.keep_rng = bool(keep_rng)
        self.clear()

    # ------------------------------------------------------------------ recording
    def __len__(self) -> int:
        return len(self._old) + len(self._recent)

    def _snapshots(self) -> list[Snapshot]:
        return self._old + self._recent

    def clear(self) -> None:
        self._old: list[Snapshot] = []  # one per bucket of ``_stride`` epochs
        self._recent: list[Snapshot] = []  # the latest recorded, every one
        self._stride = 1
        self._e0 = 0  # first kept epoch: buckets count from it, so it is always kept
        self._signature: tuple | None = None

    def _drop_from(self, epoch: int) -> None:
        """Forget the snapshots at ``epoch`` and later."""
        self._old = [s for s in self._old if s.epoch < epoch]
        self._recent = [s for s in self._recent if s.epoch < epoch]
        if not len(self):
            signature = self._signature
            self.clear()
            self._signature = signature

    def record(self, trainer) -> bool:
        """Snapshot the trainer if it has reached an epoch not yet kept; True if one was taken.

        Cheap (a few comparisons) when nothing is due. Only epoch boundaries are kept: in
        the middle of an epoch (after :meth:`Trainer.step`) nothing is recorded. If the
        trainer went back (reset, or restored to an earlier epoch) the snapshots from its
        epoch on are dropped first, since the run has branched; if its network changed
        shape the timeline starts over.
        """
        epoch = int(trainer.epoch)
        net = trainer.network
        sig = _signature(net)
        last = self._recent[-1].epoch if self._recent else self._old[-1].epoch if self._old else None
        if sig == self._signature and epoch == last:
            return False
        if trainer.batch_position != 0:
            return False
        if sig != self._signature:
            self.clear()
            self._signature = sig
        elif last is not None and epoch < last:
            self._drop_from(epoch)
        if not len(self):
            self._e0 = epoch
        row = trainer.history.last()
        metrics = {k: v for k, v in row.items() if k != "epoch"} if row.get("epoch") == epoch else {}
        opt_state = rng_state = None
        if self.keep_optimizer:
            opt_state = trainer.optimizer.state_dict()
            opt_state["buffers"] = {k: np.asarray(v, dtype=np.float64) for k, v in opt_state["buffers"].items()}
        if self.keep_rng:
            rng_state = trainer._rng.bit_generator.state  # a fresh dict each time
        self._recent.append(Snapshot(epoch, net.copy_params(), metrics, opt_state, rng_state))
        self._thin()
        return True

    def _thin(self) -> None:
        """Move what leaves the recent window into the older part, one per bucket."""
        n_recent = self.capacity // 2
        n_old = self.capacity - n_recent
        while len(self._recent) > n_recent:
            snap = self._recent.pop(0)
            if not self._old or self._bucket(snap.epoch) != self._bucket(self._old[-1].epoch):
                self._old.append(snap)
        while len(self._old) > n_old:
            self._stride *= 2
            kept: list[Snapshot] = []
            for snap in self._old:
                if not kept or self._bucket(snap.epoch) != self._bucket(kept[-1].epoch):
                    kept.append(snap)
            self._old = kept

    def _bucket(self, epoch: int) -> int:
        return (epoch - self._e0) // self._stride

    # ------------------------------------------------------------------ queries
    def epochs(self) -> list[int]:
        """The kept epochs, strictly increasing."""
        return [s.epoch for s in self._snapshots()]

    def nearest(self, epoch: int) -> int:
        """The kept epoch closest to ``epoch`` (the earlier one on a tie)."""
        if not len(self):
            raise ConfigError("epoch", epoch, "the timeline is empty")
        kept = self.epochs()
        i = bisect.bisect_left(kept, epoch)
        if i == 0:
            return kept[0]
        if i == len(kept):
            return kept[-1]
        before, after = kept[i - 1], kept[i]
        return after if after - epoch < epoch - before else before

    def snapshot(self, epoch: int) -> Snapshot:
        """The snapshot kept at exactly ``epoch``; ConfigError naming it if there is none."""
        kept = self.epochs()
        i = bisect.bisect_left(kept, epoch)
        if i == len(kept) or kept[i] != epoch:
            hint = f"; the nearest kept epoch is {self.nearest(epoch)}" if kept else "; the timeline is empty"
            raise ConfigError("epoch", epoch, f"no snapshot kept at epoch {epoch}{hint}")
        return self._snapshots()[i]

    def params_at(self, epoch: int) -> np.ndarray:
        """A copy of the weights kept at ``epoch`` (a kept epoch, see :meth:`nearest`)."""
        return self.snapshot(epoch).params.copy()

    def metrics_at(self, epoch: int) -> dict:
        return dict(self.snapshot(epoch).metrics)

    # ------------------------------------------------------------------ restoring
    def restore(self, trainer, epoch: int, truncate: bool = True) -> None:
        """Put ``trainer`` back to the kept ``epoch`` (use :meth:`nearest` to pick one).

        Restores the weights, the epoch counter, the optimizer's state (reset if it was
        not kept) and the RNG state (left as it is if not kept); truncates the trainer's
        history to epochs ≤ ``epoch``; restarts early stopping's bookkeeping. With
        ``truncate`` the timeline also forgets its later snapshots (the run branches
        here). Nothing changes if a ConfigError is raised (unknown epoch, a network of
        another shape, or a saved optimizer state that does not fit the trainer's).
        """
        snap = self.snapshot(epoch)
        net = trainer.network
        if _signature(net) != self._signature:
            raise ConfigError(
                "network",
                "x".join(map(str, net.sizes)),
                "the timeline was recorded on a network of another shape "
                f"({'x'.join(map(str, self._signature[0]))}, {self._signature[1]} parameters)",
            )
        if snap.optimizer_state is not None:
            trainer.optimizer.load_state_dict(snap.optimizer_state)  # validates before changing
        else:
            trainer.optimizer.reset()
        net.load_params(snap.params)
        net.version += 1  # weights set from outside: cached programs and grids refresh
        if snap.rng_state is not None:
            trainer._rng.bit_generator.state = snap.rng_state  # in place: programs hold it
        trainer.epoch = snap.epoch
        trainer._pos = 0
        _truncate_history(trainer.history, snap.epoch)
        trainer._reset_early_stopping()
        if truncate:
            self._drop_from(snap.epoch + 1)


def _truncate_history(history, epoch: int) -> None:
    """Keep only the rows of ``history`` with epoch ≤ ``epoch`` (in place)."""
    cols = history.COLUMNS
    rows = np.stack([np.array(history[c]) for c in cols], axis=1) if len(history) else np.empty((0, len(cols)))
    rows = rows[rows[:, 0] <= epoch]
    history.clear()
    for row in rows:
        history.append(*(float(v) for v in row))
