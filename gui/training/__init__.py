"""Live training: a worker thread that trains a copy of the network, and its controller.

* :mod:`gui.training.worker` — :class:`TrainingWorker` (a QObject in a QThread) and the
  :class:`Snapshot` it publishes;
* :mod:`gui.training.controller` — :class:`TrainingController`, the GUI thread's side,
  and :func:`connect_toolbar` for the top bar;
* :mod:`gui.training.bench` — a headless speed check (``python -m gui.training.bench``).
"""

from .controller import TrainingController, connect_toolbar
from .worker import SPEEDS, Snapshot, TrainingWorker

__all__ = ["SPEEDS", "Snapshot", "TrainingController", "TrainingWorker", "connect_toolbar"]
