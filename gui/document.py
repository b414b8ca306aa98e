"""The document: the one truth about the network being edited (QtCore only, no widgets).

It holds the engine :class:`~engine.network.Network` (structure, weights, removed and
frozen connections, per-layer settings), the training settings, the data set, and what the
canvas needs to draw it: a stable id for every column and every unit, and their positions.
Views never change it directly: every user edit is a command (``gui.commands``) that calls
the mutators here, and every change is announced with a signal.

Columns: column 0 holds the input features; column c ≥ 1 is engine layer c − 1 (the last
one is the output layer). ``column_ids[c]`` is the column's id, ``unit_ids[c]`` the ids of
its units in engine order; ids are never reused within a document.

Signals:

* ``structure_changed`` — columns or units were added, removed or reordered, or a layer's
  settings changed: ``network`` is a new object. Views re-sync their items by id.
* ``weights_changed(origin)`` — weight, bias, removed or frozen values changed in place;
  origin is ``"user"`` for an edit and ``"training"`` when the trainer's weights were
  copied in (so the training controller does not send them back).
* ``positions_changed`` — units or columns moved on the canvas.
* ``training_changed(key)`` — a training setting changed (``key`` or ``"*"``).
* ``data_changed`` — another data set.
* ``meta_changed`` — title or description.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, Signal

from engine import edit
from engine.datasets import Dataset, dataset_from_dict, dataset_to_dict, generate
from engine.errors import ConfigError
from engine.network import LayerSpec, Network
from engine.training import TrainingConfig

#: Canvas geometry of the automatic layout, in scene units.
COLUMN_SPACING = 190.0
UNIT_SPACING = 92.0


@dataclass(frozen=True)
class UnitRef:
    """Where a unit is: column (0 = inputs) and index within it."""

    column: int
    index: int

    @property
    def layer(self) -> int:
        """Engine layer index (−1 for the inputs)."""
        return self.column - 1


def playground_default() -> tuple[Network, TrainingConfig, Dataset]:
    """Playground's opening state: circle data, x₁ and x₂, hidden [4, 2], tanh throughout."""
    net = Network(["x1", "x2"], [4, 2, {"size": 1, "activation": "tanh"}], init="uniform", seed=0)
    data = generate("circle", noise=0, train_ratio=0.5, seed=0)
    return net, TrainingConfig(learning_rate=0.03, batch_size=10), data


class Document(QObject):
    structure_changed = Signal()
    weights_changed = Signal(str)
    positions_changed = Signal()
    training_changed = Signal(str)
    data_changed = Signal()
    meta_changed = Signal()

    def __init__(self, parent: QObject | None = None, content: tuple | None = None):
        """Playground's opening state, or ``content`` — ``(network, training, dataset,
        layout)``, e.g. a file read before the window was built (gui.app)."""
        super().__init__(parent)
        self._next_id = 1
        net, training, data, layout = content if content is not None else (*playground_default(), None)
        self.title = ""
        self.description = ""
        self._load(net, training, data, layout)

    # ------------------------------------------------------------------ whole documents
    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id - 1

    def _load(self, net: Network, training: TrainingConfig, data: Dataset, layout: dict | None) -> None:
        self.network = net
        self.training = training
        self.dataset = data
        self.column_ids = [self._new_id() for _ in net.sizes]
        self.unit_ids = [[self._new_id() for _ in range(n)] for n in net.sizes]
        self.column_x: dict[int, float] = {}
        self.unit_y: dict[int, float] = {}
        self.auto_layout()
        if layout:
            self._apply_layout(layout)

    def replace(self, net: Network, training: TrainingConfig, data: Dataset, layout: dict | None = None) -> None:
        """Load a whole new document (File › New/Open); not undoable by design."""
        self._load(net, training, data, layout)
        self.structure_changed.emit()
        self.positions_changed.emit()
        self.training_changed.emit("*")
        self.data_changed.emit()
        self.meta_changed.emit()

    def layout_dict(self) -> dict:
        """Positions as JSON-ready data: columns' x and units' y, in engine order."""
        return {
            "columns": [self.column_x[c] for c in self.column_ids],
            "units": [[self.unit_y[u] for u in col] for col in self.unit_ids],
        }

    def _apply_layout(self, layout: dict) -> None:
        cols, units = layout.get("columns"), layout.get("units")
        if not (isinstance(cols, list) and isinstance(units, list)):
            return
        if len(cols) != len(self.column_ids) or len(units) != len(self.unit_ids):
            return  # a layout that does not fit is ignored: the automatic one stays
        for cid, x in zip(self.column_ids, cols):
            if isinstance(x, (int, float)) and np.isfinite(x):
                self.column_x[cid] = float(x)
        for ids, ys in zip(self.unit_ids, units):
            if isinstance(ys, list) and len(ys) == len(ids):
                for uid, y in zip(ids, ys):
                    if isinstance(y, (int, float)) and np.isfinite(y):
                        self.unit_y[uid] = float(y)

    # ------------------------------------------------------------------ lookups
    @property
    def n_columns(self) -> int:
        return len(self.column_ids)

    def find_unit(self, uid: int) -> UnitRef:
        for c, ids in enumerate(self.unit_ids):
            if uid in ids:
                return UnitRef(c, ids.index(uid))
        raise KeyError(uid)

    def column_of(self, cid: int) -> int:
        return self.column_ids.index(cid)

    def unit_position(self, uid: int) -> tuple[float, float]:
        ref = self.find_unit(uid)
        return self.column_x[self.column_ids[ref.column]], self.unit_y[uid]

    def feature_of(self, uid: int) -> str:
        ref = self.find_unit(uid)
        if ref.column != 0:
            raise KeyError(uid)
        return self.network.features[ref.index]

    def layer_spec(self, column: int) -> LayerSpec:
        return self.network.layers[column - 1].spec

    # ------------------------------------------------------------------ layout
    def auto_positions(self) -> tuple[dict[int, float], dict[int, float]]:
        """Evenly spaced columns left to right, units centred vertically in each."""
        xs = {cid: c * COLUMN_SPACING for c, cid in enumerate(self.column_ids)}
        ys = {}
        for ids in self.unit_ids:
            top = -(len(ids) - 1) * UNIT_SPACING / 2
            for i, uid in enumerate(ids):
                ys[uid] = top + i * UNIT_SPACING
        return xs, ys

    def auto_layout(self) -> None:
        self.column_x, self.unit_y = self.auto_positions()

    def set_positions(self, column_x: dict[int, float], unit_y: dict[int, float]) -> None:
        self.column_x.update(column_x)
        self.unit_y.update(unit_y)
        self.positions_changed.emit()

    def positions(self) -> tuple[dict[int, float], dict[int, float]]:
        return dict(self.column_x), dict(self.unit_y)

    def _place_new_unit(self, column: int, uid: int, y: float | None) -> None:
        if y is None:
            others = [self.unit_y[u] for u in self.unit_ids[column] if u != uid and u in self.unit_y]
            y = (max(others) + UNIT_SPACING) if others else 0.0
        self.unit_y[uid] = y

    # ------------------------------------------------------------------ structure mutators
    # Each returns what its inverse needs; the commands store it.
    def _set_network(self, net: Network) -> None:
        self.network = net
        self.structure_changed.emit()

    def insert_unit(self, column: int, index: int, uid: int | None = None, state=None, y: float | None = None):
        """Add a neuron (column ≥ 1) at ``index``; returns (uid, state used)."""
        net, state = edit.add_neuron(self.network, column - 1, index, state)
        uid = uid if uid is not None else self._new_id()
        self.unit_ids[column].insert(index, uid)
        self._place_new_unit(column, uid, y)
        self._set_network(net)
        return uid, state

    def remove_unit(self, uid: int):
        """Remove a neuron; returns (column, index, state, y) for undo."""
        ref = self.find_unit(uid)
        if ref.column == 0:
            raise ConfigError("neuron", uid, "inputs are switched off in the FEATURES panel")
        net, state = edit.remove_neuron(self.network, ref.layer, ref.index)
        del self.unit_ids[ref.column][ref.index]
        y = self.unit_y.pop(uid)
        self._set_network(net)
        return ref.column, ref.index, state, y

    def move_unit_within(self, uid: int, new_index: int) -> int:
        """Reorder a neuron inside its layer; returns its old index."""
        ref = self.find_unit(uid)
        if ref.column == 0:
            raise ConfigError("neuron", uid, "inputs keep the order of the FEATURES panel")
        net = edit.move_neuron(self.network, ref.layer, ref.index, new_index)
        ids = self.unit_ids[ref.column]
        ids.insert(new_index, ids.pop(ref.index))
        self._set_network(net)
        return ref.index

    def insert_feature(self, name: str, uid: int | None = None, state=None, y: float | None = None):
        net, state = edit.add_feature(self.network, name, state.index if state else None, state)
        index = net.features.index(name)
        uid = uid if uid is not None else self._new_id()
        self.unit_ids[0].insert(index, uid)
        self._place_new_unit(0, uid, y)
        if y is None:
            self._relayout_column(0)
        self._set_network(net)
        return uid, state

    def remove_feature(self, name: str):
        """Switch an input off; returns (uid, state, y) for undo."""
        index = self.network.features.index(name)
        net, state = edit.remove_feature(self.network, name)
        uid = self.unit_ids[0].pop(index)
        y = self.unit_y.pop(uid)
        self._set_network(net)
        return uid, state, y

    def _relayout_column(self, column: int) -> None:
        _, ys = self.auto_positions()
        for uid in self.unit_ids[column]:
            self.unit_y[uid] = ys[uid]
        self.positions_changed.emit()

    def insert_layer(self, index: int, spec, cid: int | None = None, uids=None, state=None, x=None, ys=None):
        """Insert a hidden layer as engine layer ``index``; returns (cid, uids, state)."""
        net, state = edit.add_layer(self.network, index, spec, state)
        column = index + 1
        n = net.layers[index].n_out
        cid = cid if cid is not None else self._new_id()
        uids = list(uids) if uids is not None else [self._new_id() for _ in range(n)]
        self.column_ids.insert(column, cid)
        self.unit_ids.insert(column, list(uids))  # a copy: the command keeps its own
        if x is None:
            # room between the neighbours, or shift everything right of it
            left = self.column_x[self.column_ids[column - 1]]
            right = self.column_x[self.column_ids[column + 1]]
            if right - left >= 2 * COLUMN_SPACING * 0.6:
                x = (left + right) / 2
            else:
                x = left + COLUMN_SPACING
                for c in self.column_ids[column + 1 :]:
                    self.column_x[c] += COLUMN_SPACING
        self.column_x[cid] = x
        if ys is None:
            top = -(n - 1) * UNIT_SPACING / 2
            ys = [top + i * UNIT_SPACING for i in range(n)]
        for uid, y in zip(uids, ys):
            self.unit_y[uid] = y
        self._set_network(net)
        self.positions_changed.emit()
        return cid, list(uids), state

    def remove_layer(self, cid: int, next_incoming=None):
        """Remove a hidden layer; returns everything to put it back, and the next layer's new weights."""
        column = self.column_of(cid)
        if column == 0:
            raise ConfigError("layer", cid, "the inputs are not a layer; switch features off instead")
        net, state, incoming = edit.remove_layer(self.network, column - 1, next_incoming)
        uids = self.unit_ids.pop(column)
        self.column_ids.pop(column)
        x = self.column_x.pop(cid)
        ys = [self.unit_y.pop(u) for u in uids]
        self._set_network(net)
        return {"index": column - 1, "cid": cid, "uids": uids, "state": state, "x": x, "ys": ys}, incoming

    def set_layer(self, column: int, **changes):
        """Change a layer's activation, alpha, pieces or dropout; returns the undo snapshot."""
        net, snapshot = edit.set_layer(self.network, column - 1, **changes)
        self._set_network(net)
        return snapshot

    def restore_layer(self, column: int, snapshot) -> None:
        self._set_network(edit.restore_layer(self.network, column - 1, snapshot))

    # ------------------------------------------------------------------ value mutators
    def set_weight(self, column: int, i: int, j: int, value: float) -> None:
        """Weight from unit i of column − 1 to unit j of ``column`` (all maxout pieces)."""
        self.network.set_weight(column - 1, i, j, value)
        self.weights_changed.emit("user")

    def set_bias(self, column: int, j: int, value: float) -> None:
        self.network.set_bias(column - 1, j, value)
        self.weights_changed.emit("user")

    def set_removed(self, column: int, i: int, j: int, removed: bool) -> None:
        net = self.network
        (net.remove_connection if removed else net.restore_connection)(column - 1, i, j)
        self.weights_changed.emit("user")

    def set_frozen(self, column: int, i: int, j: int, frozen: bool) -> None:
        self.network.freeze_weight(column - 1, i, j, frozen)
        self.weights_changed.emit("user")

    def set_frozen_bias(self, column: int, j: int, frozen: bool) -> None:
        self.network.freeze_bias(column - 1, j, frozen)
        self.weights_changed.emit("user")

    def params(self) -> np.ndarray:
        return self.network.copy_params()

    def set_params(self, flat: np.ndarray, origin: str = "user") -> None:
        """All weights at once (training snapshots, reset, undo of a training run)."""
        if flat.shape != self.network.params.shape:
            raise ConfigError("weights", flat.shape, "do not fit the network's structure")
        self.network.load_params(flat)
        self.weights_changed.emit(origin)

    def reinitialize(self, seed: int | None = None, init: str | None = None) -> None:
        net = self.network
        net.initialize(init or net.init, net.seed if seed is None else seed)
        self.weights_changed.emit("user")

    # ------------------------------------------------------------------ settings and data
    def set_training(self, **changes) -> dict:
        """Change training settings; returns the old values. Invalid values raise ConfigError."""
        old = {k: copy.deepcopy(getattr(self.training, k)) for k in changes}
        new = TrainingConfig.from_dict({**self.training.to_dict(), **changes})
        self.training = new
        for key in changes:
            self.training_changed.emit(key)
        return old

    def set_dataset(self, data: Dataset) -> Dataset:
        old, self.dataset = self.dataset, data
        self.data_changed.emit()
        return old

    def dataset_dict(self) -> dict:
        return dataset_to_dict(self.dataset)

    def set_dataset_dict(self, d: dict) -> Dataset:
        return self.set_dataset(dataset_from_dict(d))

    def set_meta(self, title: str | None = None, description: str | None = None) -> tuple[str, str]:
        old = (self.title, self.description)
        if title is not None:
            self.title = title
        if description is not None:
            self.description = description
        self.meta_changed.emit()
        return old
