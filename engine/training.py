"""Training: settings, target encoding, the training loop, metrics and their history.

Conventions (also in docs/engine.md):

* **Targets.** Class labels are integers 0…C−1 (class 1 is Playground's +1). They are
  mapped to the output's range: 0/1 for step, sigmoid, softmax and the ReLU family;
  −1/+1 for tanh, sign, linear, ELU, SELU and maxout. One output neuron serves two
  classes; more outputs mean one neuron per class (one-hot). Regression targets are used
  as they are, with one output neuron and squared error.
* **Prediction.** One output: class 1 when the output reaches the middle of the range
  (0 for tanh, 0.5 for sigmoid); several outputs: the largest one.
* **Rules.** ``backprop``: gradients of the loss (mean over the batch), then the chosen
  optimizer. ``perceptron``: Rosenblatt's rule for one layer of step or sign neurons,
  w ← w + η Σ (t − y) x over the batch (bias as a weight on a constant 1); it goes
  through the optimizer as the pseudo-gradient −Σ(t − y)x, so with SGD it is exactly the
  rule.
* **Regularization.** L1 adds λ₁·sign(w) and L2 adds λ₂·w to the gradient of each weight
  (not the biases), i.e. penalties λ₁‖w‖₁ and ½λ₂‖w‖² as in Playground. Reported losses
  are the data loss alone, so curves compare across regularization settings. Max-norm
  rescales each neuron's incoming weight vector to norm ≤ c after every update (Keras'
  ``MaxNorm``). Dropout is per layer (see ``engine.network``).
* **Epochs.** One epoch = one pass over the training points in batches of
  ``batch_size`` (a batch size ≥ the number of points is full-batch gradient descent,
  1 is stochastic). Points are reshuffled each epoch (seeded) unless ``shuffle`` is off.
  After each epoch the loss and accuracy on the whole train and test sets are recorded.
* **Early stopping** watches the test (validation) loss: when it has not improved by
  more than ``min_delta`` for ``patience`` epochs, training stops and, with
  ``restore_best``, the best weights come back.
* **Divergence.** A NaN/Inf loss or weight stops training with
  :class:`~engine.errors.DivergenceError`; the last finite weights are put back.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields, replace

import numpy as np

from .errors import ConfigError, DivergenceError
from .losses import Loss, make_loss
from .activations import run_ops
from .network import Network
from .optimizers import Optimizer, make_optimizer

RULES = ("backprop", "perceptron")


@dataclass
class TrainingConfig:
    learning_rate: float = 0.03
    optimizer: str = "sgd"
    optimizer_params: dict = field(default_factory=dict)
    loss: str = "mse"
    batch_size: int = 10
    shuffle: bool = True
    seed: int = 0
    l1: float = 0.0
    l2: float = 0.0
    max_norm: float = 0.0
    early_stopping: bool = False
    patience: int = 10
    min_delta: float = 0.0
    restore_best: bool = True
    rule: str = "backprop"

    def validate(self) -> "TrainingConfig":
        """Check every field; raise ConfigError naming the first bad one."""
        _number(self.learning_rate, "learning_rate", lo=0.0, lo_open=True, hi=1e3)
        _whole(self.batch_size, "batch_size", 1, 10**6)
        _whole(self.seed, "seed", 0, 2**63 - 1)
        for name in ("l1", "l2", "max_norm", "min_delta"):
            _number(getattr(self, name), name, lo=0.0)
        _whole(self.patience, "patience", 1, 10**6)
        for name in ("shuffle", "early_stopping", "restore_best"):
            if not isinstance(getattr(self, name), bool):
                raise ConfigError(name, getattr(self, name), "must be true or false")
        if self.rule not in RULES:
            raise ConfigError("rule", self.rule, f"unknown training rule; choose one of: {', '.join(RULES)}")
        if not isinstance(self.optimizer_params, dict):
            raise ConfigError("optimizer_params", self.optimizer_params, "must be an object")
        make_optimizer(self.optimizer, 1, **self.optimizer_params)
        make_loss(self.loss)
        return self

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "TrainingConfig":
        if not isinstance(d, dict):
            raise ConfigError("training", type(d).__name__, "must be an object")
        known = {f.name for f in fields(cls)}
        for key in d:
            if key not in known:
                raise ConfigError(f"training.{key}", d[key], "unknown training setting")
        cfg = cls(**d)
        if isinstance(cfg.optimizer_params, dict):
            cfg.optimizer_params = dict(cfg.optimizer_params)
        return cfg.validate()


def _number(value, name, lo=None, hi=None, lo_open=False) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise ConfigError(name, value, "must be a number")
    if not math.isfinite(value):
        raise ConfigError(name, value, "must be a finite number")
    if lo is not None and (value < lo or (lo_open and value == lo)):
        raise ConfigError(name, value, f"must be {'greater than' if lo_open else 'at least'} {lo:g}")
    if hi is not None and value > hi:
        raise ConfigError(name, value, f"must be at most {hi:g}")
    return float(value)


def _whole(value, name, lo, hi) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ConfigError(name, value, "must be a whole number")
    if not lo <= value <= hi:
        raise ConfigError(name, value, f"must be between {lo} and {hi}")
    return int(value)


# ---------------------------------------------------------------------- targets
def target_range(net: Network) -> tuple[float, float]:
    L = net.layers[-1]
    return (-1.0, 1.0) if L.maxout else L.activation.target_range


def encode_targets(y: np.ndarray, kind: str, n_classes: int, net: Network, loss: Loss) -> np.ndarray:
    """Targets (n, K) in the output's range for labels ``y`` (see module docstring)."""
    K = net.n_outputs
    y = np.asarray(y)
    if kind == "regression":
        if K != 1:
            raise ConfigError("output neurons", K, "regression needs exactly one output neuron")
        if loss.name != "mse":
            raise ConfigError("loss", loss.name, "regression uses squared error (mse)")
        return y.astype(float).reshape(-1, 1)
    lo, hi = target_range(net)
    if K == 1:
        if n_classes > 2:
            raise ConfigError(
                "output neurons", 1, f"the data set has {n_classes} classes: use {n_classes} output neurons, one per class"
            )
        return np.where(y.reshape(-1, 1) == 1, hi, lo).astype(float)
    if n_classes != K:
        raise ConfigError(
            "output neurons", K, f"the data set has {n_classes} classes but the output layer has {K} neurons"
        )
    t = np.full((y.shape[0], K), lo)
    t[np.arange(y.shape[0]), y.astype(int)] = hi
    return t


def predict_classes(out: np.ndarray, net: Network) -> np.ndarray:
    if out.shape[1] == 1:
        lo, hi = target_range(net)
        return (out[:, 0] >= (lo + hi) / 2).astype(np.int64)
    return out.argmax(axis=1)


# ---------------------------------------------------------------------- history
class History:
    """Per-epoch metrics in NumPy buffers with bounded memory.

    When ``capacity`` points are stored, the older half is thinned to every other point,
    so recent epochs keep full detail and a night of training stays within a few MB.
    """

    COLUMNS = ("epoch", "train_loss", "test_loss", "train_acc", "test_acc")

    def __init__(self, capacity: int = 20_000):
        self.capacity = max(16, int(capacity))
        self._data = np.full((len(self.COLUMNS), min(256, self.capacity)), np.nan)
        self._n = 0

    def __len__(self) -> int:
        return self._n

    def append(self, epoch, train_loss, test_loss, train_acc, test_acc) -> None:
        if self._n == self._data.shape[1]:
            if self._n >= self.capacity:
                half = self._n // 2
                old = self._data[:, :half:2]
                keep = np.concatenate([old, self._data[:, half : self._n]], axis=1)
                self._n = keep.shape[1]
                self._data[:, : self._n] = keep
            else:
                grown = np.full((len(self.COLUMNS), min(self.capacity, 2 * self._n)), np.nan)
                grown[:, : self._n] = self._data[:, : self._n]
                self._data = grown
        self._data[:, self._n] = (epoch, train_loss, test_loss, train_acc, test_acc)
        self._n += 1

    def __getitem__(self, column: str) -> np.ndarray:
        """A read-only view of one column, e.g. ``history["train_loss"]``."""
        view = self._data[self.COLUMNS.index(column), : self._n]
        view.flags.writeable = False
        return view

    def last(self) -> dict[str, float]:
        if not self._n:
            return {}
        return {c: float(v) for c, v in zip(self.COLUMNS, self._data[:, self._n - 1])}

    def clear(self) -> None:
        self._n = 0

    def to_dict(self) -> dict:
        return {c: [None if math.isnan(v) else float(v) for v in self[c]] for c in self.COLUMNS}


@dataclass
class TrainReport:
    epochs: int  # epochs completed by this call
    epoch: int  # the trainer's epoch count afterwards
    stopped_early: bool = False
    metrics: dict = field(default_factory=dict)


# ---------------------------------------------------------------------- trainer
class Trainer:
    """Trains a :class:`Network` on a data set (an ``engine.datasets.Dataset``).

    >>> from engine import datasets
    >>> net = Network(["x1", "x2"], [4, 2, 1])
    >>> trainer = Trainer(net, datasets.generate("circle"), TrainingConfig(shuffle=False))
    >>> report = trainer.train_epochs(5)
    >>> report.epoch
    5
    """

    def __init__(self, network: Network, dataset, config: TrainingConfig | None = None, history_capacity=20_000):
        self.network = network
        self.dataset = dataset
        self.config = (config or TrainingConfig()).validate()
        self.epoch = 0
        self.history = History(history_capacity)
        self.stopped_early = False
        self._rng = np.random.default_rng(self.config.seed)
        self._rebuild()
        self.optimizer = self._new_optimizer()
        self._reset_early_stopping()

    # -------------------------------------------------------------- configuration
    def _new_optimizer(self) -> Optimizer:
        c = self.config
        return make_optimizer(c.optimizer, self.network.params.size, **c.optimizer_params)

    def _check_rule(self) -> None:
        net, c = self.network, self.config
        if c.rule == "perceptron":
            if len(net.layers) != 1:
                raise ConfigError(
                    "rule", "perceptron", "the perceptron rule trains a single layer: remove the hidden layers"
                )
            if net.output_activation not in ("step", "sign"):
                raise ConfigError(
                    "rule", "perceptron", f"the perceptron rule needs step or sign outputs, not {net.output_activation}"
                )
            if self.loss.name != "mse":
                raise ConfigError("loss", self.loss.name, "use squared error with the perceptron rule")
        if c.early_stopping and self.dataset.n_test == 0:
            raise ConfigError("early_stopping", True, "needs test data to watch: use a train ratio below 100 %")

    def _rebuild(self) -> None:
        """Recompute everything derived from network, data and settings."""
        net, ds, c = self.network, self.dataset, self.config
        self.loss = make_loss(c.loss)
        self.loss.check_output(net.output_activation, net.n_outputs)
        self._check_rule()
        # unit-major data: features (d + 1, n) with a row of ones, targets (K, n)
        self._X = net.inputs(ds.x_train)
        self._T = np.ascontiguousarray(encode_targets(ds.y_train, ds.kind, ds.n_classes, net, self.loss).T)
        self._Xtest = net.inputs(ds.x_test)
        self._Ttest = np.ascontiguousarray(encode_targets(ds.y_test, ds.kind, ds.n_classes, net, self.loss).T)
        if self._X.shape[1] == 0:
            raise ConfigError("data", 0, "there are no training points")
        # permuted copies, reshuffled in place each epoch; the programs read batches of them
        self._Xp = self._X.copy()
        self._Tp = self._T.copy()
        self._pos = 0
        self._dropout = any(L.dropout for L in net.layers)
        self._scratch = np.empty_like(net.params)
        self._last_good = net.params.copy()
        self._compile()

    def _compile(self) -> None:
        """Build each batch's training step as a straight-line list of NumPy calls.

        The batches are fixed views of permuted copies of the data (reshuffled in place
        each epoch), so the programs stay valid until the network, the data or the
        settings change. Running them costs one Python loop iteration per NumPy call.
        """
        net, c = self.network, self.config
        n = self._X.shape[1]
        bs = min(c.batch_size, n)
        tail = self._regularization_ops()
        self._programs = []
        rng = self._rng if self._dropout else None
        for start in range(0, n, bs):
            xb, tb = self._Xp[:, start : start + bs], self._Tp[:, start : start + bs]
            self._programs.append(self._gradient_ops(xb, tb, rng) + tail)
        self._eval = []
        for X, T in ((self._X, self._T), (self._Xtest, self._Ttest)):
            ws = net.workspace(X.shape[1]) if X.shape[1] else None
            self._eval.append((T, ws, net.forward_ops(X, ws)) if ws else None)
        self._compiled_version = net.version

    def _gradient_ops(self, xb: np.ndarray, tb: np.ndarray, rng) -> list:
        """Calls that leave ∂E/∂params of the batch (xb, tb) in ``network.grads``."""
        net = self.network
        ws = net.workspace(xb.shape[1])
        ops = net.forward_ops(xb, ws, rng)
        o, z = ws.a[-1].T, ws.z[-1].T
        if self.config.rule == "perceptron":  # δ = −(t − y), summed: Rosenblatt's rule
            return ops + [
                (np.subtract, (ws.a[-1], tb, ws.dz[-1])),
                (np.dot, (xb, ws.dz[-1].T, net.layers[0].gWa)),
            ]
        if self.loss.fused:
            ops += self.loss.gradient_ops(o, z, tb.T, ws.dz[-1].T)
        else:
            ops += self.loss.gradient_ops(o, z, tb.T, ws.da[-1].T)
            ops += net.output_grad_ops(ws)
        return ops + net.backward_ops(xb, ws, rng is not None)

    def gradient(self) -> np.ndarray:
        """∂J/∂params on the whole training set at the current weights, without updating.

        J is :meth:`objective` (data loss plus penalties); removed and frozen entries are
        0. Dropout is off. Used by gradient checks and to show the arithmetic of a step.
        """
        net = self.network
        with np.errstate(all="ignore"):
            run_ops(self._gradient_ops(self._X, self._T, None) + self._regularization_ops())
        net.mask_gradient()
        return net.grads.copy()

    def objective(self) -> float:
        """J = training loss + λ₁‖w‖₁ + ½λ₂‖w‖² (weights only), the quantity the gradient descends."""
        c, net = self.config, self.network
        w = net.params[net.weight_mask == 1.0]
        return self.evaluate()["train_loss"] + c.l1 * float(np.abs(w).sum()) + 0.5 * c.l2 * float(w @ w)

    def _regularization_ops(self) -> list:
        """∂/∂w of λ₁‖w‖₁ + ½λ₂‖w‖², added to the weights' gradients (not the biases')."""
        net, c = self.network, self.config
        params, grads, tmp = net.params, net.grads, self._scratch
        ops: list = []
        if c.l2:
            ops += [(np.multiply, (params, c.l2 * net.weight_mask, tmp)), (np.add, (grads, tmp, grads))]
        if c.l1:
            ops += [
                (np.sign, (params, tmp)),
                (np.multiply, (tmp, c.l1 * net.weight_mask, tmp)),
                (np.add, (grads, tmp, grads)),
            ]
        return ops

    def update(self, **changes) -> None:
        """Change settings live; they take effect at the next step.

        Only what a setting touches is rebuilt, so changing the learning rate or the
        optimizer keeps the place in the current epoch. A new optimizer (or new optimizer
        parameters) starts with fresh state; a new seed restarts the shuffling/dropout
        stream; a new batch size or loss starts the next batch at a new epoch.
        """
        known = {f.name for f in fields(TrainingConfig)}
        for key in changes:
            if key not in known:
                raise ConfigError(key, changes[key], "unknown training setting")
        new = replace(self.config, **changes).validate()
        old, self.config = self.config, new
        differs = {k for k in known if getattr(new, k) != getattr(old, k)}
        try:
            if differs & {"loss", "rule", "batch_size", "early_stopping"}:
                self._rebuild()  # targets, checks and batches
            elif differs & {"l1", "l2"}:
                self._compile()
        except ConfigError:
            self.config = old
            self._rebuild()
            raise
        if differs & {"optimizer", "optimizer_params"}:
            self.optimizer = self._new_optimizer()
        if "seed" in differs:
            self._reseed()
        if differs & {"early_stopping", "patience", "min_delta"}:
            self._reset_early_stopping()

    def set_network(self, network: Network) -> None:
        """Swap in a network of another structure (optimizer state starts fresh)."""
        old = self.network
        self.network = network
        try:
            self._rebuild()
        except ConfigError:
            self.network = old
            self._rebuild()
            raise
        self.optimizer = self._new_optimizer()
        self._reset_early_stopping()

    def set_dataset(self, dataset) -> None:
        old = self.dataset
        self.dataset = dataset
        try:
            self._rebuild()
        except ConfigError:
            self.dataset = old
            self._rebuild()
            raise
        self._reset_early_stopping()

    def reset(self, seed: int | None = None, init: str | None = None) -> None:
        """New initial weights (same seed unless given), epoch 0, empty history."""
        net = self.network
        net.initialize(init or net.init, net.seed if seed is None else seed)
        self.epoch = 0
        self.history.clear()
        self.optimizer.reset()
        self._reseed()
        self._pos = 0
        self._last_good = net.params.copy()
        self._reset_early_stopping()

    def _reseed(self) -> None:
        # in place: the compiled programs hold this generator's bound methods
        self._rng.bit_generator.state = np.random.PCG64(self.config.seed).state

    def _reset_early_stopping(self) -> None:
        self.stopped_early = False
        self._best_loss = math.inf
        self._best_epoch = self.epoch
        self._best_params: np.ndarray | None = None
        self._wait = 0

    # -------------------------------------------------------------- the loop
    def _run_batches(self, start: int, stop: int) -> None:
        if self.network.version != self._compiled_version:  # edited by hand
            self._compile()
            np.copyto(self._last_good, self.network.params)
        net, c, opt = self.network, self.config, self.optimizer
        params, grads, lr = net.params, net.grads, c.learning_rate
        for program in self._programs[start:stop]:
            for fn, args in program:
                fn(*args)
            opt.step(params, grads, lr)
            if c.max_norm:
                self._apply_max_norm(c.max_norm)
            net.enforce_locks()

    def _apply_max_norm(self, limit: float) -> None:
        """w ← w · clip(‖w‖, 0, c)/(ε + ‖w‖) per neuron's incoming weights (Keras MaxNorm)."""
        for L in self.network.layers:
            norms = np.sqrt(np.einsum("ij,ij->j", L.W, L.W))
            L.W *= np.minimum(norms, limit) / (1e-7 + norms)

    def _start_epoch(self) -> None:
        # weights set by hand since the last epoch are the ones to fall back on
        np.copyto(self._last_good, self.network.params)
        if self.config.shuffle:
            perm = self._rng.permutation(self._X.shape[1])
            np.take(self._X, perm, axis=1, out=self._Xp)
            np.take(self._T, perm, axis=1, out=self._Tp)

    def _end_epoch(self) -> bool:
        """Record metrics; check for divergence and early stopping. True = stop."""
        self._pos = 0
        m = self.evaluate()
        self._check_finite(m["train_loss"])
        self.epoch += 1
        self.history.append(self.epoch, m["train_loss"], m["test_loss"], m["train_acc"], m["test_acc"])
        if self.config.early_stopping:
            return self._early_stopping_step(m["test_loss"])
        return False

    def _check_finite(self, loss_value: float) -> None:
        """Keep a copy of finite weights; on NaN/Inf put it back and raise."""
        net = self.network
        finite_weights = bool(np.isfinite(net.params).all())
        if finite_weights and math.isfinite(loss_value):
            np.copyto(self._last_good, net.params)
            return
        net.load_params(self._last_good)
        self.optimizer.reset()
        self._pos = 0
        raise DivergenceError(self.epoch + 1, "loss" if finite_weights else "weights", self.config.learning_rate)

    def _early_stopping_step(self, val: float) -> bool:
        c = self.config
        if val < self._best_loss - c.min_delta:
            self._best_loss, self._best_epoch, self._wait = val, self.epoch, 0
            if c.restore_best:
                if self._best_params is None:
                    self._best_params = self.network.params.copy()
                else:
                    np.copyto(self._best_params, self.network.params)
            return False
        self._wait += 1
        if self._wait < c.patience:
            return False
        self.stopped_early = True
        if c.restore_best and self._best_params is not None:
            self.network.load_params(self._best_params)
        self._wait = 0
        return True

    @property
    def best_epoch(self) -> int:
        return self._best_epoch

    def train_epochs(self, k: int = 1) -> TrainReport:
        """Train until ``k`` more epochs have ended (finishing a started one first)."""
        k = _whole(k, "epochs", 0, 10**9)
        done = 0
        stop = False
        with np.errstate(all="ignore"):
            while done < k and not stop:
                if self._pos == 0:
                    self._start_epoch()
                self._run_batches(self._pos, len(self._programs))
                stop = self._end_epoch()
                done += 1
        return TrainReport(done, self.epoch, stop, self.history.last())

    def step(self, k: int = 1) -> TrainReport:
        """Train ``k`` single batches (mini-batch steps); epochs end as they are reached."""
        k = _whole(k, "steps", 0, 10**9)
        done_epochs, stop = 0, False
        with np.errstate(all="ignore"):
            for _ in range(k):
                if self._pos == 0:
                    self._start_epoch()
                self._run_batches(self._pos, self._pos + 1)
                self._pos += 1
                if self._pos == len(self._programs):
                    stop = self._end_epoch()
                    done_epochs += 1
                    if stop:
                        break
                elif not np.isfinite(self.network.params).all():
                    self._check_finite(math.nan)  # raises: the weights blew up mid-epoch
        return TrainReport(done_epochs, self.epoch, stop, self.history.last())

    @property
    def batches_per_epoch(self) -> int:
        return len(self._programs)

    @property
    def batch_position(self) -> int:
        """Batches already done in the current epoch."""
        return self._pos

    # -------------------------------------------------------------- metrics
    def _metrics(self, which: int, y: np.ndarray) -> tuple[float, float]:
        if self._eval[which] is None:
            return math.nan, math.nan
        if self.network.version != self._compiled_version:
            self._compile()
        T, ws, ops = self._eval[which]
        run_ops(ops)
        out = ws.a[-1].T
        loss = self.loss.value(out, ws.z[-1].T, T.T)
        if self.dataset.kind != "classification":
            return loss, math.nan
        return loss, float(np.mean(predict_classes(out, self.network) == y))

    def evaluate(self) -> dict[str, float]:
        """Loss and accuracy on the train and test sets (no dropout); NaN where none."""
        ds = self.dataset
        with np.errstate(all="ignore"):
            train_loss, train_acc = self._metrics(0, ds.y_train)
            test_loss, test_acc = self._metrics(1, ds.y_test)
        return {"train_loss": train_loss, "test_loss": test_loss, "train_acc": train_acc, "test_acc": test_acc}
