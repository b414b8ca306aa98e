"""The editor: what views call to change the document. It turns requests into commands.

Canvas items, panels and the toolbar never touch the document; they call these methods,
which build a command, push it on the undo stack, and report an invalid edit through the
``error`` signal (the document stays unchanged). Edits of several items at once (deleting
a selection, a multi-item drag) become one undo step with ``beginMacro``/``endMacro``.

Messages and undo texts made here are translated (context "DocumentEditor"); a ``text``
passed in by a caller is shown as given, so the caller translates it. Refusals that come
from the engine (:class:`~engine.errors.NeuronaError`) are shown as the engine words them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from engine.errors import NeuronaError
from engine.network import MAX_LAYERS, MAX_NEURONS
from engine.training import TrainingConfig
from gui.engine_text import engine_text
from gui.i18n import translate

from . import commands as cmd
from .document import Document


class DocumentEditor(QObject):
    #: a message naming what was wrong with a refused edit
    error = Signal(str)

    def __init__(self, doc: Document, stack: QUndoStack, parent: QObject | None = None):
        super().__init__(parent)
        self.doc = doc
        self.stack = stack

    # ------------------------------------------------------------------ plumbing
    def push(self, command: cmd.DocumentCommand) -> bool:
        """Push and report; True when the edit happened."""
        self.stack.push(command)
        if command.error is not None:
            self.error.emit(engine_text(str(command.error)))
            return False
        return True

    def _refuse(self, message: str) -> bool:
        self.error.emit(engine_text(message))  # the engine's English, translated where known
        return False

    def macro(self, text: str):
        editor = self

        class _Macro:
            def __enter__(self):
                editor.stack.beginMacro(text)

            def __exit__(self, *exc):
                editor.stack.endMacro()
                return False

        return _Macro()

    # ------------------------------------------------------------------ structure
    def add_neuron(self, column: int, index: int | None = None, y: float | None = None) -> bool:
        if column < 1 or column >= self.doc.n_columns:
            return self._refuse(translate("DocumentEditor", "Neurons go into a hidden or output layer; "
                                          "inputs are the FEATURES on the left."))
        if len(self.doc.unit_ids[column]) >= MAX_NEURONS:
            return self._refuse(translate("DocumentEditor", "A layer holds at most {count} neurons.").format(
                count=MAX_NEURONS))
        return self.push(cmd.AddNeuronCommand(self.doc, column, index, y))

    def add_layer(self, index: int | None = None, size: int = 2, activation: str | None = None,
                  x: float | None = None) -> bool:
        """A new hidden layer as engine layer ``index`` (default: just before the output)."""
        doc = self.doc
        if len(doc.network.layers) >= MAX_LAYERS:
            return self._refuse(translate("DocumentEditor", "A network has at most {count} layers.").format(
                count=MAX_LAYERS))
        index = len(doc.network.layers) - 1 if index is None else index
        if activation is None:  # the hidden layers' activation, as in Playground
            hidden = doc.network.layers[:-1]
            activation = hidden[-1].name if hidden else "tanh"
            if activation in ("softmax",):
                activation = "tanh"
        return self.push(cmd.AddLayerCommand(doc, index, {"size": size, "activation": activation}, x))

    def remove_layer(self, cid: int) -> bool:
        column = self.doc.column_of(cid)
        if column == self.doc.n_columns - 1:
            return self._refuse(translate("DocumentEditor", "The output layer cannot be removed; "
                                          "change its neurons instead."))
        return self.push(cmd.RemoveLayerCommand(self.doc, cid))

    def remove_units(self, uids: list[int]) -> bool:
        """Delete neurons (a selection is one undo step). Inputs are switched off instead."""
        doc = self.doc
        if not uids:
            return False
        ok = True
        if len(uids) > 1:
            text = translate("DocumentEditor", "Delete")
        else:
            text = translate("DocumentEditor", "Remove neuron")
        with self.macro(text):
            for uid in uids:
                try:
                    ref = doc.find_unit(uid)
                except KeyError:
                    continue
                if ref.column == 0:
                    ok &= self.push(cmd.ToggleFeatureCommand(doc, doc.network.features[ref.index], False))
                elif len(doc.unit_ids[ref.column]) == 1 and ref.column < doc.n_columns - 1:
                    ok &= self.push(cmd.RemoveLayerCommand(doc, doc.column_ids[ref.column]))
                else:
                    ok &= self.push(cmd.RemoveNeuronCommand(doc, uid))
        return ok

    def move_neuron_to_layer(self, uid: int, column: int, index: int | None = None, y: float | None = None) -> bool:
        """Take a neuron out of its layer and put it into another (new weights there)."""
        doc = self.doc
        ref = doc.find_unit(uid)
        if column == ref.column:
            return False
        if ref.column == 0 or column == 0:
            return self._refuse(translate("DocumentEditor", "Inputs stay in the input column; "
                                          "switch them in the FEATURES panel."))
        if len(doc.unit_ids[ref.column]) == 1:
            return self._refuse(translate("DocumentEditor", "That neuron is the last of its layer; "
                                          "delete the layer instead."))
        with self.macro(translate("DocumentEditor", "Move neuron to another layer")):
            ok = self.push(cmd.RemoveNeuronCommand(doc, uid)) and self.push(
                cmd.AddNeuronCommand(doc, column, index, y)
            )
        if not ok:
            self.stack.undo()
        return ok

    def reorder_neuron(self, uid: int, new_index: int) -> bool:
        return self.push(cmd.ReorderNeuronCommand(self.doc, uid, new_index))

    def set_feature(self, name: str, on: bool) -> bool:
        if (name in self.doc.network.features) == on:
            return False
        return self.push(cmd.ToggleFeatureCommand(self.doc, name, on))

    def set_layer(self, cid: int, text: str | None = None, **changes) -> bool:
        """Change one layer; ``text`` (translated by the caller) names the undo step."""
        return self.push(cmd.SetLayerCommand(self.doc, cid, text, **changes))

    def set_activation(self, cid: int, activation: str) -> bool:
        text = translate("DocumentEditor", "Activation {name}").format(name=activation)
        return self.set_layer(cid, text, activation=activation)

    # ------------------------------------------------------------------ values
    def set_weight(self, column: int, i: int, j: int, value: float) -> bool:
        return self.push(cmd.SetWeightCommand(self.doc, column, i, j, value))

    def set_bias(self, column: int, j: int, value: float) -> bool:
        return self.push(cmd.SetBiasCommand(self.doc, column, j, value))

    def set_connection_removed(self, column: int, i: int, j: int, removed: bool) -> bool:
        return self.push(cmd.SetConnectionRemovedCommand(self.doc, column, i, j, removed))

    def set_weight_frozen(self, column: int, i: int, j: int, frozen: bool) -> bool:
        return self.push(cmd.FreezeWeightCommand(self.doc, column, i, j, frozen))

    def set_bias_frozen(self, column: int, j: int, frozen: bool) -> bool:
        return self.push(cmd.FreezeBiasCommand(self.doc, column, j, frozen))

    def set_params(self, old, new, text: str) -> bool:
        return self.push(cmd.SetParamsCommand(self.doc, old, new, text))

    # ------------------------------------------------------------------ canvas
    def move_items(self, old: tuple[dict, dict], new: tuple[dict, dict], text: str | None = None) -> bool:
        if old == new:
            return False
        return self.push(cmd.MoveItemsCommand(self.doc, old, new, text))

    def auto_layout(self) -> bool:
        return self.move_items(self.doc.positions(), self.doc.auto_positions(),
                               translate("DocumentEditor", "Auto layout"))

    # ------------------------------------------------------------------ settings and data
    def set_training(self, text: str | None = None, **changes) -> bool:
        try:  # validate before the command exists, so a refused value never reaches the stack
            TrainingConfig.from_dict({**self.doc.training.to_dict(), **changes})
        except NeuronaError as exc:
            return self._refuse(str(exc))
        if all(getattr(self.doc.training, k) == v for k, v in changes.items()):
            return False
        return self.push(cmd.SetTrainingCommand(self.doc, text, **changes))

    def set_data(self, data, text: str | None = None) -> bool:
        """Another data set; the output layer and loss follow it in the same undo step.

        As Playground does, the network is made able to learn the new data: one output
        per class with softmax for three or more classes, one tanh output for two, one
        linear output for regression, and a loss that fits the output.
        """
        if text is None:
            text = translate("DocumentEditor", "Change data")
        with self.macro(text):
            ok = self.push(cmd.SetDataCommand(self.doc, data, text))
            if ok:
                self._fit_output_to(data)
        return ok

    def _fit_output_to(self, data) -> None:
        doc = self.doc
        column = doc.n_columns - 1
        cid = doc.column_ids[column]
        K = len(doc.unit_ids[column])
        act = doc.network.output_activation
        if data.kind == "regression":
            want_k, want_act = 1, ("linear" if act in ("softmax", "step", "sign", "sigmoid") else act)
        elif data.n_classes > 2:
            want_k, want_act = data.n_classes, "softmax"
        elif K == 2 and act == "softmax":
            want_k, want_act = 2, "softmax"
        else:
            want_k = 1
            want_act = "tanh" if act in ("softmax", "linear") else act
        output_activation = translate("DocumentEditor", "Output activation")
        if want_act != "softmax" and act == "softmax":
            self.push(cmd.SetLayerCommand(doc, cid, output_activation, activation=want_act))
        for _ in range(K, want_k):
            self.push(cmd.AddNeuronCommand(doc, column))
        for uid in doc.unit_ids[column][want_k:]:
            self.push(cmd.RemoveNeuronCommand(doc, uid))
        if want_act != doc.network.output_activation:
            self.push(cmd.SetLayerCommand(doc, cid, output_activation, activation=want_act))
        loss = doc.training.loss
        loss_text = translate("DocumentEditor", "Loss")
        if want_act == "softmax" and loss not in ("cce", "sparse_cce"):
            self.push(cmd.SetTrainingCommand(doc, loss_text, loss="sparse_cce"))
        elif want_act != "softmax" and loss in ("cce", "sparse_cce") or (loss == "bce" and want_act != "sigmoid"):
            self.push(cmd.SetTrainingCommand(doc, loss_text, loss="mse"))
        elif data.kind == "regression" and loss != "mse":
            self.push(cmd.SetTrainingCommand(doc, loss_text, loss="mse"))
