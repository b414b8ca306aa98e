"""Pictures of what every neuron computes over the input plane (QtCore only).

``NeuronMaps`` holds, for every column of the network, each unit's value over an n×n grid
of the data set's plane (``engine.network.Network.grid``): the neuron thumbnails on the
canvas and the decision region in the output panel are cut from it. While training runs,
the training controller feeds it the worker's snapshots (:meth:`set_live`); otherwise it
recomputes itself, coalesced, after each change of the document.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from .document import Document


class NeuronMaps(QObject):
    #: new maps are available in ``columns``
    updated = Signal()

    def __init__(self, doc: Document, resolution: int = 64, parent: QObject | None = None):
        super().__init__(parent)
        self.doc = doc
        self.resolution = resolution
        self.columns: list[np.ndarray] = []
        self.extent: tuple[float, float, float, float] = tuple(doc.dataset.extent)
        self.live = False
        #: showing maps of other weights (a past epoch: the training timeline's preview)
        self.preview = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.recompute)
        doc.structure_changed.connect(self.schedule)
        doc.weights_changed.connect(self._on_weights)
        doc.data_changed.connect(self.schedule)
        self.recompute()

    def _on_weights(self, origin: str) -> None:
        if origin != "training":
            self.schedule()

    def schedule(self) -> None:
        """Recompute on the next turn of the event loop (many edits → one computation)."""
        if not self.live:
            self._timer.start()

    def recompute(self) -> None:
        if self.preview:  # the document's maps come back with end_preview()
            return
        self.extent = tuple(self.doc.dataset.extent)
        self.columns = self.doc.network.grid(self.extent, self.resolution)
        self.updated.emit()

    def set_live(self, columns: list[np.ndarray], extent) -> None:
        """Maps computed elsewhere (the training worker) for the current structure."""
        self.columns = columns
        self.extent = tuple(extent)
        self.updated.emit()

    def set_preview(self, columns: list[np.ndarray], extent) -> None:
        """Show maps of other weights than the document's (the timeline's preview of a
        past epoch) until :meth:`end_preview`; meanwhile :meth:`recompute` waits."""
        self.preview = True
        self.columns = columns
        self.extent = tuple(extent)
        self.updated.emit()

    def end_preview(self) -> None:
        """The document's maps again."""
        if self.preview:
            self.preview = False
            self.recompute()

    def set_training(self, running: bool) -> None:
        self.live = running
        if not running:
            self.schedule()

    def unit_map(self, column: int, index: int) -> np.ndarray | None:
        """The (n, n) map of one unit, or None if the maps lag behind the structure."""
        if column < len(self.columns) and index < self.columns[column].shape[0]:
            return self.columns[column][index]
        return None
