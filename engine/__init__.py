"""Neurona's training engine: NumPy only, no Qt.

The public API, in the order a script uses it::

    from engine import Network, Trainer, TrainingConfig, generate

    data = generate("circle", noise=10, train_ratio=0.5, seed=0)
    net = Network(["x1", "x2"], [4, 2, {"size": 1, "activation": "tanh"}], seed=0)
    trainer = Trainer(net, data, TrainingConfig(learning_rate=0.03, batch_size=10))
    trainer.train_epochs(100)              # or trainer.step(k) for k mini-batches
    trainer.evaluate()                     # train/test loss and accuracy
    net.predict([[0.0, 1.0]])              # outputs for raw points
    net.grid((-6, 6, -6, 6), 100)          # every neuron over the plane, for pictures
    net.get_weights(); net.set_weight(0, 1, 2, 0.5)
    doc = net.to_dict(); Network.from_dict(doc)

See docs/engine.md for the conventions (targets, losses, rules, regularization).
"""

from .activations import ACTIVATION_NAMES, ACTIVATIONS, make_activation
from .datasets import (
    GENERATORS,
    Dataset,
    dataset_from_dict,
    dataset_to_dict,
    from_points,
    generate,
    load_csv,
    parse_csv,
)
from .errors import ConfigError, DataError, DivergenceError, NeuronaError
from .features import FEATURE_NAMES, FEATURES, feature_matrix, grid_points
from .losses import LOSSES, make_loss
from .network import INITIALIZERS, LayerSpec, Network
from .optimizers import OPTIMIZERS, make_optimizer
from .training import History, Trainer, TrainingConfig, TrainReport, encode_targets, predict_classes

#: engine.io's names, imported when first asked for (``from engine import load_experiment``
#: works as before): reading files needs ``json``, which the window does not at start-up
_IO_NAMES = frozenset({'Experiment', 'FileFormatError', 'experiment_from_dict', 'experiment_to_dict', 'load_experiment', 'save_experiment'})


def __getattr__(name: str):
    if name in _IO_NAMES:
        from . import io

        return getattr(io, name)
    raise AttributeError(f"module 'engine' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _IO_NAMES)


__all__ = [
    "ACTIVATIONS",
    "ACTIVATION_NAMES",
    "ConfigError",

    "DataError",
    "Dataset",
    "DivergenceError",
    "Experiment",
    "FEATURES",
    "FEATURE_NAMES",
    "FileFormatError",
    "GENERATORS",
    "History",
    "INITIALIZERS",
    "LOSSES",
    "LayerSpec",
    "Network",
    "NeuronaError",
    "OPTIMIZERS",
    "TrainReport",
    "Trainer",
    "TrainingConfig",
    "dataset_from_dict",
    "dataset_to_dict",
    "encode_targets",
    "experiment_from_dict",
    "experiment_to_dict",
    "feature_matrix",
    "from_points",
    "generate",
    "grid_points",
    "load_csv",
    "load_experiment",
    "make_activation",
    "make_loss",
    "make_optimizer",
    "parse_csv",
    "predict_classes",
    "save_experiment",
]
