"""Every user edit as a ``QUndoCommand``: a few lines of redo() and undo() on the document.

Commands are the only way views change the document; undo, scripted edits and file
loading use the same mutators. A command that needs new weights (adding a neuron or a
layer) keeps the ones its first run drew, so redo after undo is exactly the first run.
Repeated edits of one value (dragging a weight slider, typing a learning rate) merge into
one undo step through ``mergeWith``.

A command's text is what Edit › Undo shows ("Undo Add neuron"): it is translated when the
command is made (context "Commands"); a caller that passes its own text translates it.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from engine.errors import NeuronaError
from gui.i18n import translate

from .document import Document

# ids for mergeable commands
MERGE_WEIGHT, MERGE_BIAS, MERGE_SETTING = 1, 2, 3


class DocumentCommand(QUndoCommand):
    """Base: ``apply()`` does the edit; an invalid edit makes the command obsolete.

    When ``apply`` raises a :class:`~engine.errors.NeuronaError` on its first run (inside
    ``QUndoStack.push``), the document is unchanged, the command is dropped from the stack
    and the error is kept in ``error`` for the caller to show.
    """

    def __init__(self, doc: Document, text: str):
        super().__init__(text)
        self.doc = doc
        self.error: NeuronaError | None = None

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self):
        # structural edits may re-lay out neighbours: undo puts every position back
        self._layout = self.doc.positions()
        try:
            self.apply()
        except NeuronaError as exc:
            self.error = exc
            self.setObsolete(True)

    def undo(self):
        self.revert()
        if self.doc.positions() != self._layout:
            self.doc.set_positions(*self._layout)


class AddNeuronCommand(DocumentCommand):
    def __init__(self, doc: Document, column: int, index: int | None = None, y: float | None = None):
        super().__init__(doc, translate("Commands", "Add neuron"))
        self.column = column
        self.index = len(doc.unit_ids[column]) if index is None else index
        self.y, self.uid, self.state = y, None, None

    def apply(self):
        self.uid, self.state = self.doc.insert_unit(self.column, self.index, self.uid, self.state, self.y)

    def revert(self):
        _, _, _, self.y = self.doc.remove_unit(self.uid)


class RemoveNeuronCommand(DocumentCommand):
    def __init__(self, doc: Document, uid: int):
        super().__init__(doc, translate("Commands", "Remove neuron"))
        self.uid = uid

    def apply(self):
        self.column, self.index, self.state, self.y = self.doc.remove_unit(self.uid)

    def revert(self):
        self.doc.insert_unit(self.column, self.index, self.uid, self.state, self.y)


class ReorderNeuronCommand(DocumentCommand):
    def __init__(self, doc: Document, uid: int, new_index: int):
        super().__init__(doc, translate("Commands", "Reorder neuron"))
        self.uid, self.new_index = uid, new_index

    def apply(self):
        self.old_index = self.doc.move_unit_within(self.uid, self.new_index)

    def revert(self):
        self.doc.move_unit_within(self.uid, self.old_index)


class AddLayerCommand(DocumentCommand):
    def __init__(self, doc: Document, index: int, spec, x: float | None = None):
        super().__init__(doc, translate("Commands", "Add layer"))
        self.index, self.spec, self.x = index, spec, x
        self.cid = self.uids = self.state = self.ys = None

    def apply(self):
        d = self.doc
        self.cid, self.uids, self.state = d.insert_layer(
            self.index, self.spec, self.cid, self.uids, self.state, self.x, self.ys
        )
        self.ys = [d.unit_y[u] for u in self.uids]

    def revert(self):
        self.doc.remove_layer(self.cid, self.state.bypass)  # the next layer's weights from before


class RemoveLayerCommand(DocumentCommand):
    def __init__(self, doc: Document, cid: int):
        super().__init__(doc, translate("Commands", "Remove layer"))
        self.cid = cid
        self.incoming = None

    def apply(self):
        self.record, self.incoming = self.doc.remove_layer(self.cid, self.incoming)

    def revert(self):
        r = self.record
        self.doc.insert_layer(r["index"], r["state"].spec, r["cid"], r["uids"], r["state"], r["x"], r["ys"])


class SetLayerCommand(DocumentCommand):
    """Activation, Leaky ReLU/ELU alpha, maxout pieces or dropout of one layer."""

    def __init__(self, doc: Document, cid: int, text: str | None = None, **changes):
        super().__init__(doc, translate("Commands", "Change layer") if text is None else text)
        self.cid, self.changes = cid, changes

    def apply(self):
        self.snapshot = self.doc.set_layer(self.doc.column_of(self.cid), **self.changes)

    def revert(self):
        self.doc.restore_layer(self.doc.column_of(self.cid), self.snapshot)


class ToggleFeatureCommand(DocumentCommand):
    def __init__(self, doc: Document, name: str, on: bool):
        if on:
            text = translate("Commands", "Add input {name}").format(name=name)
        else:
            text = translate("Commands", "Remove input {name}").format(name=name)
        super().__init__(doc, text)
        self.name, self.on = name, on
        self.uid = self.state = self.y = None

    def _add(self, y=None):
        self.uid, self.state = self.doc.insert_feature(self.name, self.uid, self.state, y)

    def _remove(self):
        self.uid, self.state, self.y = self.doc.remove_feature(self.name)

    def apply(self):
        self._add() if self.on else self._remove()

    def revert(self):
        self._remove() if self.on else self._add(self.y)


class SetWeightCommand(DocumentCommand):
    def __init__(self, doc: Document, column: int, i: int, j: int, value: float):
        super().__init__(doc, translate("Commands", "Set weight"))
        self.key = (column, i, j)
        self.old = doc.network.weight(column - 1, i, j)
        self.new = value

    def id(self):
        return MERGE_WEIGHT

    def mergeWith(self, other):  # noqa: N802 (Qt API)
        if other.id() != self.id() or other.key != self.key:
            return False
        self.new = other.new
        return True

    def apply(self):
        self.doc.set_weight(*self.key, self.new)

    def revert(self):
        self.doc.set_weight(*self.key, self.old)


class SetBiasCommand(DocumentCommand):
    def __init__(self, doc: Document, column: int, j: int, value: float):
        super().__init__(doc, translate("Commands", "Set bias"))
        self.key = (column, j)
        self.old = doc.network.bias(column - 1, j)
        self.new = value

    def id(self):
        return MERGE_BIAS

    def mergeWith(self, other):  # noqa: N802
        if other.id() != self.id() or other.key != self.key:
            return False
        self.new = other.new
        return True

    def apply(self):
        self.doc.set_bias(*self.key, self.new)

    def revert(self):
        self.doc.set_bias(*self.key, self.old)


class SetConnectionRemovedCommand(DocumentCommand):
    def __init__(self, doc: Document, column: int, i: int, j: int, removed: bool):
        if removed:
            text = translate("Commands", "Remove connection")
        else:
            text = translate("Commands", "Restore connection")
        super().__init__(doc, text)
        self.key, self.removed = (column, i, j), removed

    def apply(self):
        self.doc.set_removed(*self.key, self.removed)

    def revert(self):
        self.doc.set_removed(*self.key, not self.removed)


class FreezeWeightCommand(DocumentCommand):
    def __init__(self, doc: Document, column: int, i: int, j: int, frozen: bool):
        if frozen:
            text = translate("Commands", "Freeze weight")
        else:
            text = translate("Commands", "Unfreeze weight")
        super().__init__(doc, text)
        self.key, self.frozen = (column, i, j), frozen

    def apply(self):
        self.doc.set_frozen(*self.key, self.frozen)

    def revert(self):
        self.doc.set_frozen(*self.key, not self.frozen)


class FreezeBiasCommand(DocumentCommand):
    def __init__(self, doc: Document, column: int, j: int, frozen: bool):
        if frozen:
            text = translate("Commands", "Freeze bias")
        else:
            text = translate("Commands", "Unfreeze bias")
        super().__init__(doc, text)
        self.key, self.frozen = (column, j), frozen

    def apply(self):
        self.doc.set_frozen_bias(*self.key, self.frozen)

    def revert(self):
        self.doc.set_frozen_bias(*self.key, not self.frozen)


class SetParamsCommand(DocumentCommand):
    """All weights at once: reset, re-initialise, or the result of a training run."""

    def __init__(self, doc: Document, old, new, text: str):
        super().__init__(doc, text)
        self.old, self.new = old.copy(), new.copy()

    def apply(self):
        self.doc.set_params(self.new)

    def revert(self):
        self.doc.set_params(self.old)


class MoveItemsCommand(DocumentCommand):
    """Canvas positions of columns and units (a whole drag is one step)."""

    def __init__(self, doc: Document, old: tuple[dict, dict], new: tuple[dict, dict], text: str | None = None):
        super().__init__(doc, translate("Commands", "Move") if text is None else text)
        self.old, self.new = old, new

    def apply(self):
        self.doc.set_positions(*self.new)

    def revert(self):
        self.doc.set_positions(*self.old)


class SetTrainingCommand(DocumentCommand):
    """One or more training settings; repeated changes of the same keys merge."""

    def __init__(self, doc: Document, text: str | None = None, **changes):
        super().__init__(doc, translate("Commands", "Change training setting") if text is None else text)
        self.new = changes
        self.old = None

    def id(self):
        return MERGE_SETTING

    def mergeWith(self, other):  # noqa: N802
        if other.id() != self.id() or set(other.new) != set(self.new):
            return False
        self.new = other.new
        return True

    def apply(self):
        old = self.doc.set_training(**self.new)
        if self.old is None:
            self.old = old

    def revert(self):
        self.doc.set_training(**self.old)


class SetDataCommand(DocumentCommand):
    def __init__(self, doc: Document, data, text: str | None = None):
        super().__init__(doc, translate("Commands", "Change data") if text is None else text)
        self.new, self.old = data, None

    def apply(self):
        self.old = self.doc.set_dataset(self.new)

    def revert(self):
        self.doc.set_dataset(self.old)
