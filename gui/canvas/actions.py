"""What the canvas asks of the document, phrased as canvas gestures: a palette drop at a
point, a +/− click, a finished drag, a menu command. Every edit goes through the
:class:`~gui.editor.DocumentEditor` (so it is undoable and validated); the canvas's own
limits (:data:`~gui.canvas.style.MAX_NEURONS_PER_COLUMN`, :data:`~gui.canvas.style.MAX_COLUMNS`)
are checked here and refused with a message on the editor's ``error`` signal."""

from __future__ import annotations

from engine.features import FEATURE_NAMES
from gui.document import UNIT_SPACING
from gui.i18n import translate

from . import style
from .labels import feature_label

#: the type ids a palette drag carries
NEURON, FEATURE, OUTPUT, LAYER = b"neuron", b"feature", b"output", b"layer"


def parse_type(type_id: bytes) -> tuple[str, int]:
    """b"layer:4" → ("layer", 4); b"neuron" → ("neuron", 1). Unknown → ("", 0)."""
    try:
        text = bytes(type_id).decode("ascii")
    except (UnicodeDecodeError, TypeError):
        return "", 0
    kind, _, arg = text.partition(":")
    if kind == "layer":
        try:
            size = int(arg) if arg else 2
        except ValueError:
            return "", 0
        return "layer", size
    if kind in ("neuron", "feature", "output"):
        return kind, 1
    return "", 0


class CanvasActions:
    def __init__(self, scene, doc, editor):
        self.scene = scene
        self.doc = doc
        self.editor = editor

    # ------------------------------------------------------------------ limits
    def refuse(self, message: str) -> bool:
        self.editor.error.emit(message)
        return False

    def _room_for_neurons(self, column: int, n: int = 1) -> bool:
        have = len(self.doc.unit_ids[column])
        if have + n > style.MAX_NEURONS_PER_COLUMN:
            return self.refuse(translate(
                "CanvasActions", "A layer on the canvas holds at most {most} neurons "
                "(this one has {have}). Bigger layers would be too small to read."
            ).format(most=style.MAX_NEURONS_PER_COLUMN, have=have))
        return True

    def _room_for_layer(self, size: int) -> bool:
        if self.doc.n_columns >= style.MAX_COLUMNS:
            return self.refuse(translate(
                "CanvasActions", "The canvas shows at most {most} hidden layers. "
                "Remove a layer before adding another."
            ).format(most=style.MAX_COLUMNS - 2))
        if not 1 <= size <= style.MAX_NEURONS_PER_COLUMN:
            return self.refuse(translate("CanvasActions", "A new layer has 1 to {most} neurons, not {size}.").format(
                most=style.MAX_NEURONS_PER_COLUMN, size=size))
        return True

    # ------------------------------------------------------------------ geometry helpers
    def index_for_y(self, column: int, y: float) -> int:
        """Engine index for a unit placed at height y: after every unit above it."""
        return sum(1 for u in self.doc.unit_ids[column] if self.doc.unit_y[u] < y)

    def free_y(self, column: int, y: float, exclude: int | None = None) -> float:
        """y itself, or the nearest height where a neuron does not overlap its neighbours."""
        others = [self.doc.unit_y[u] for u in self.doc.unit_ids[column] if u != exclude]
        gap = style.NEURON_SIZE + 12
        for k in range(0, 400):
            for cand in (y + 6 * k, y - 6 * k):
                if all(abs(cand - o) >= gap for o in others):
                    return cand
        return y

    def insertion(self, x: float) -> tuple[int, float | None]:
        """(engine layer index, x or None) for a new hidden layer dropped at scene x."""
        xs = self.scene.column_xs()
        n = len(xs)
        pos = sum(1 for cx in xs if cx < x)  # the new column's index
        if pos < 1:
            return 0, None
        if pos > n - 1:
            return n - 2, None  # nothing follows the output: just before it
        left, right = xs[pos - 1], xs[pos]
        if x - left < style.MIN_COLUMN_GAP or right - x < style.MIN_COLUMN_GAP:
            return pos - 1, None  # too tight: the document makes room
        return pos - 1, x

    def _is_centred(self, column: int) -> bool:
        ys = sorted(self.doc.unit_y[u] for u in self.doc.unit_ids[column])
        top = -(len(ys) - 1) * UNIT_SPACING / 2
        return all(abs(y - (top + k * UNIT_SPACING)) < 0.5 for k, y in enumerate(ys))

    def _recentre(self, column: int, text: str) -> None:
        ids = sorted(self.doc.unit_ids[column], key=lambda u: self.doc.unit_y[u])
        top = -(len(ids) - 1) * UNIT_SPACING / 2
        old = self.doc.positions()
        xs, ys = self.doc.positions()
        ys.update({u: top + k * UNIT_SPACING for k, u in enumerate(ids)})
        self.editor.move_items(old, (xs, ys), text)

    # ------------------------------------------------------------------ structure
    def add_neuron(self, column: int, index: int | None = None, y: float | None = None) -> bool:
        if not 1 <= column < self.doc.n_columns:
            return self.refuse(translate("CanvasActions",
                                         "Neurons go into a hidden or output layer; inputs are the FEATURES."))
        if not self._room_for_neurons(column):
            return False
        if y is not None:
            y = self.free_y(column, y)
            if index is None:
                index = self.index_for_y(column, y)
        return self.editor.add_neuron(column, index, y)

    def plus(self, cid: int) -> bool:
        """The layer header's "+": a neuron at the bottom; a centred column stays centred."""
        column = self.doc.column_of(cid)
        if not 1 <= column < self.doc.n_columns or not self._room_for_neurons(column):
            return False
        if not self._is_centred(column):
            return self.editor.add_neuron(column)
        with self.editor.macro(translate("CanvasActions", "Add neuron")):  # one undo step with the re-centring
            ok = self.editor.add_neuron(column)
            if ok:
                self._recentre(column, translate("CanvasActions", "Centre layer"))
        return ok

    def minus(self, cid: int) -> bool:
        """The layer header's "−": removes the bottom neuron (a layer keeps at least one)."""
        column = self.doc.column_of(cid)
        ids = self.doc.unit_ids[column]
        if column == 0:
            return self.refuse(translate("CanvasActions",
                                         "Switch inputs off in FEATURES (or select one and press Delete)."))
        if len(ids) <= 1:
            return self.refuse(translate("CanvasActions",
                                         "A layer keeps at least one neuron; remove the layer from its menu instead."))
        bottom = max(ids, key=lambda u: self.doc.unit_y[u])
        if not self._is_centred(column):
            return self.editor.remove_units([bottom])
        with self.editor.macro(translate("CanvasActions", "Remove neuron")):
            ok = self.editor.remove_units([bottom])
            if ok:
                self._recentre(column, translate("CanvasActions", "Centre layer"))
        return ok

    def add_layer(self, index: int | None = None, size: int = 2, x: float | None = None) -> bool:
        if not self._room_for_layer(size):
            return False
        return self.editor.add_layer(index, size=size, x=x)

    def add_layer_at(self, x: float, size: int = 1) -> bool:
        index, x = self.insertion(x)
        return self.add_layer(index, size, x)

    def insert_layer_next_to(self, cid: int, after: bool) -> bool:
        column = self.doc.column_of(cid)
        index = column if after else column - 1  # engine index of the new layer
        index = max(0, min(index, len(self.doc.network.layers) - 1))
        return self.add_layer(index, size=2)

    def remove_layer(self, cid: int) -> bool:
        column = self.doc.column_of(cid)
        if column == 0:
            return self.refuse(translate("CanvasActions",
                                         "The inputs are not a layer; switch features off in FEATURES."))
        return self.editor.remove_layer(cid)

    def next_feature(self) -> str | None:
        used = set(self.doc.network.features)
        return next((f for f in FEATURE_NAMES if f not in used), None)

    def add_feature(self, name: str | None = None) -> bool:
        name = name or self.next_feature()
        if name is None:
            return self.refuse(translate("CanvasActions", "Every input feature is already in use."))
        return self.editor.set_feature(name, True)

    def set_feature(self, name: str, on: bool) -> bool:
        if not on and len(self.doc.network.features) == 1:
            return self.refuse(translate("CanvasActions", "{feature} is the only input; a network needs at least one.")
                               .format(feature=feature_label(name)))
        return self.editor.set_feature(name, on)

    def add_output(self) -> bool:
        return self.add_neuron(self.doc.n_columns - 1)

    def delete(self, uids: list[int], current) -> bool:
        """Delete the selected neurons, else the selected layer or connection."""
        if uids:
            return self.editor.remove_units(uids)
        if current is None:
            return False
        kind, ref = current
        if kind == "layer":
            return self.remove_layer(ref)
        if kind == "edge":
            return self.set_edge_removed(ref, True)
        return False

    # ------------------------------------------------------------------ palette drops
    def drop_target(self, kind: str, x: float) -> tuple[str, object] | None:
        """What a drop at scene x would do: ("column", c), ("insert", (x, squeezed)) with
        where the new layer shows up, or ("global", None)."""
        if kind in ("feature", "output"):
            return ("global", None)
        column = self.scene.column_at(x)
        if kind == "neuron" and column is not None and column >= 1:
            return ("column", column)
        if kind in ("neuron", "layer"):
            index, nx = self.insertion(x)
            if nx is not None:
                return ("insert", (nx, False))
            xs = self.scene.column_xs()
            return ("insert", ((xs[index] + xs[index + 1]) / 2, True))  # between its neighbours
        return None

    def drop(self, type_id: bytes, x: float, y: float) -> bool:
        kind, size = parse_type(type_id)
        if not kind:
            return False
        if kind == "feature":
            return self.add_feature()
        if kind == "output":
            return self.add_output()
        column = self.scene.column_at(x)
        if kind == "neuron":
            if column == 0:
                return self.refuse(translate("CanvasActions",
                                             "Inputs are features: switch them on in FEATURES or drop an Input."))
            if column is not None:
                return self.add_neuron(column, None, y)
            return self.add_layer_at(x, 1)
        return self.add_layer_at(x, size)

    def activate(self, type_id: bytes) -> bool:
        """A palette item clicked instead of dragged: add it where it usually goes."""
        kind, size = parse_type(type_id)
        if kind == "neuron":
            hidden = self.doc.n_columns - 2
            return self.add_neuron(hidden if hidden >= 1 else self.doc.n_columns - 1)
        if kind == "layer":
            return self.add_layer(None, size)
        if kind == "feature":
            return self.add_feature()
        if kind == "output":
            return self.add_output()
        return False

    # ------------------------------------------------------------------ values
    def _edge_ok(self, key) -> bool:
        column, i, j = key
        return 1 <= column < self.doc.n_columns and i < len(self.doc.unit_ids[column - 1]) and \
            j < len(self.doc.unit_ids[column])

    def set_edge_removed(self, key, removed: bool) -> bool:
        return self._edge_ok(key) and self.editor.set_connection_removed(*key, removed)

    def set_edge_frozen(self, key, frozen: bool) -> bool:
        return self._edge_ok(key) and self.editor.set_weight_frozen(*key, frozen)

    def set_bias_frozen(self, uid: int, frozen: bool) -> bool:
        ref = self.doc.find_unit(uid)
        return ref.column >= 1 and self.editor.set_bias_frozen(ref.column, ref.index, frozen)

    def set_activation(self, cid: int, name: str) -> bool:
        column = self.doc.column_of(cid)
        if column == 0 or self.doc.layer_spec(column).activation == name:
            return False
        return self.editor.set_activation(cid, name)

    # ------------------------------------------------------------------ drags
    def commit_unit_moves(self, moves: dict[int, float]) -> bool:
        """New heights after a drag: one undo step, reordering layers to match top → bottom."""
        doc = self.doc
        old = doc.positions()
        xs, ys = doc.positions()
        ys.update(moves)
        if (xs, ys) == old:
            return False
        reorders = []
        for column in sorted({doc.find_unit(u).column for u in moves}):
            if column == 0:
                continue  # inputs keep the FEATURES order
            ids = list(doc.unit_ids[column])
            desired = sorted(ids, key=lambda u: ys[u])
            if desired != ids:
                reorders.append(desired)
        text = translate("CanvasActions", "Move neuron") if len(moves) == 1 else \
            translate("CanvasActions", "Move {n} neurons").format(n=len(moves))
        if not reorders:
            return self.editor.move_items(old, (xs, ys), text)
        with self.editor.macro(text):
            ok = self.editor.move_items(old, (xs, ys), text)
            for desired in reorders:
                for target, uid in enumerate(desired):
                    column = doc.find_unit(uid).column
                    if doc.unit_ids[column].index(uid) != target:
                        ok &= self.editor.reorder_neuron(uid, target)
        return ok

    def move_unit_to_column(self, uid: int, column: int, y: float) -> bool:
        if not self._room_for_neurons(column):
            return False
        y = self.free_y(column, y, exclude=uid)
        return self.editor.move_neuron_to_layer(uid, column, self.index_for_y(column, y), y)

    def commit_column_move(self, cid: int, x: float) -> bool:
        old = self.doc.positions()
        xs, ys = self.doc.positions()
        xs[cid] = x
        return self.editor.move_items(old, (xs, ys), translate("CanvasActions", "Move layer"))

    def auto_layout(self) -> bool:
        return self.editor.auto_layout()
