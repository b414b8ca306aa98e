"""The network scene: mirrors the document as items and turns gestures into edits.

It listens only to document signals and re-syncs by id (DESIGN §1, like
orange-canvas-core's ``CanvasScene``):

* ``structure_changed`` → add missing items, remove stale ones, update the rest;
* ``positions_changed`` → move items and re-route the edges;
* ``weights_changed``   → recolour the edges and bias markers (no item is rebuilt, so a
  training frame costs a few NumPy calls and one repaint);
* ``NeuronMaps.updated`` → recolour the thumbnails (one image for all neurons).

Selection: neurons use Qt's selection; a connection or a layer is selected as the scene's
``current`` (they are not selectable Qt items, so a rubber band picks only neurons).
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsScene, QToolTip

from gui.i18n import translate

from . import labels, style
from .actions import CanvasActions
from .drag import DragController
from .edges import EdgesItem
from .items import HALF, DropIndicator, LayerItem, NeuronItem, RoundButton, UnitLayer
from .sprites import Sprites
from .thumbnails import ThumbnailAtlas, value_range


class _ShownDocument:
    """The document as the canvas shows it: its structure with the weights on show (the
    timeline's preview of a kept epoch), for the hover texts."""

    def __init__(self, doc, network):
        self._doc, self.network = doc, network

    def __getattr__(self, name):
        return getattr(self._doc, name)


class NetworkScene(QGraphicsScene):
    #: the selection (neurons, a connection or a layer) changed
    selection_state_changed = Signal()
    #: the mouse is over unit ``index`` of ``column`` / left it
    unit_hovered = Signal(int, int)
    hover_left = Signal()
    #: the user asked to inspect a target: ("unit", uid), ("edge", (column, i, j)) or ("layer", cid)
    inspect_requested = Signal(object)
    #: items were re-synced with the document; True after a structure change, False
    #: when only positions moved
    layout_changed = Signal(bool)

    def __init__(self, doc, editor, maps, parent=None):
        super().__init__(parent)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.doc, self.editor, self.maps = doc, editor, maps
        self.actions = CanvasActions(self, doc, editor)
        self.drag = DragController(self)
        self.neurons: dict[int, NeuronItem] = {}
        self.layers: dict[int, LayerItem] = {}
        self.order: list[NeuronItem] = []  # global unit order: column by column
        self.columns: list[LayerItem] = []
        self.sizes: list[int] = []
        self.edges = EdgesItem()
        self.addItem(self.edges)
        # every neuron's thumbnail and bias marker, each drawn by one item (see UnitLayer)
        self.thumbnail_layer = UnitLayer("thumbnails")
        self.bias_layer = UnitLayer("bias")
        self.addItem(self.thumbnail_layer)
        self.addItem(self.bias_layer)
        self.indicator = DropIndicator()
        self.addItem(self.indicator)
        self.atlas = ThumbnailAtlas()
        self.sprites = Sprites()
        #: (pixmap, resolution) when the maps fit the structure, else None (neutral squares)
        self.thumbs = None
        self.ranges: list = []
        #: ("edge", (src uid, dst uid)) or ("layer", cid) or None
        self.current = None
        self.hovered_unit: int | None = None
        self.unit_x = np.zeros(0)
        self.unit_y = np.zeros(0)
        self._w = np.zeros(0)
        self._network_rect = QRectF()
        self._structural = False
        self._refreshing_maps = False
        #: headers and input labels drawn this much larger (see set_text_scale)
        self.text_scale = 1.0
        #: asked first for hover texts: fn(scene pos) -> str ("" for the usual text);
        #: the step-through overlay's numbers (gui/canvas/trace_overlay.py)
        self.tooltip_hook = None
        doc.structure_changed.connect(self.sync_structure)
        doc.positions_changed.connect(self.sync_positions)
        doc.weights_changed.connect(self.sync_weights)
        maps.updated.connect(self.sync_maps)
        self.selectionChanged.connect(self._on_qt_selection)
        self.sync_structure()

    # ================================================================== document → items
    def sync_structure(self) -> None:
        doc, net = self.doc, self.doc.network
        if self.drag.active:
            self.drag.reset()
        live_units = {u for ids in doc.unit_ids for u in ids}
        for uid in [u for u in self.neurons if u not in live_units]:
            item = self.neurons.pop(uid)
            if uid == self.hovered_unit:
                self.hovered_unit = None
                self.hover_left.emit()
            self.removeItem(item)
        for cid in [c for c in self.layers if c not in set(doc.column_ids)]:
            self.removeItem(self.layers.pop(cid))
        n = doc.n_columns
        order, columns = [], []
        for c, cid in enumerate(doc.column_ids):
            layer = self.layers.get(cid)
            if layer is None:
                layer = self.layers[cid] = LayerItem(cid, self.actions.plus, self.actions.minus)
                self.addItem(layer)
            size = len(doc.unit_ids[c])
            if c == 0:
                kind, act, act_text = "input", "", ""
                subtitle = translate("NetworkScene", "1 feature") if size == 1 else \
                    translate("NetworkScene", "{n} features").format(n=size)
            else:
                spec = net.layers[c - 1].spec
                kind = "output" if c == n - 1 else "hidden"
                act = spec.activation
                act_text = labels.activation_label(act)
                if spec.activation == "maxout":
                    act_text += f" ×{spec.pieces}"
                subtitle = translate("NetworkScene", "1 neuron") if size == 1 else \
                    translate("NetworkScene", "{n} neurons").format(n=size)
            layer.set_info(c, kind, labels.column_title(c, n), subtitle, act, act_text,
                           can_add=c >= 1 and size < style.MAX_NEURONS_PER_COLUMN, can_remove=c >= 1 and size > 1)
            columns.append(layer)
            for i, uid in enumerate(doc.unit_ids[c]):
                item = self.neurons.get(uid)
                if item is None:
                    item = self.neurons[uid] = NeuronItem(uid)
                    self.addItem(item)
                label = labels.feature_label(net.features[i]) if c == 0 else None
                item.set_ref(c, i, len(order), kind, label)
                order.append(item)
        self.order, self.columns = order, columns
        self.sizes = [len(ids) for ids in doc.unit_ids]
        self.edges.set_structure(self.sizes)
        self._w = np.zeros(len(self.edges))
        self.ranges = [None] + [value_range(L.spec.activation) for L in net.layers]
        self._validate_current()
        self._structural = True
        self.sync_positions()
        self.sync_weights("user")
        self.sync_maps()

    def sync_positions(self) -> None:
        doc = self.doc
        if not self.order:
            return
        xs = np.array([doc.column_x[doc.column_ids[it.column]] for it in self.order])
        ys = np.array([doc.unit_y[it.uid] for it in self.order])
        self.unit_x, self.unit_y = xs, ys
        for it, x, y in zip(self.order, xs.tolist(), ys.tolist()):
            if it.pos() != QPointF(x, y):
                it.setPos(x, y)
        for c, layer in enumerate(self.columns):
            layer.setPos(doc.column_x[doc.column_ids[c]], 0.0)
        self._update_lanes()
        self.edges.set_geometry(self.unit_x, self.unit_y, HALF)
        for layer in (self.thumbnail_layer, self.bias_layer):
            layer.set_rect(self.sceneRect())
            layer.update()
        structural, self._structural = self._structural, False
        self.layout_changed.emit(structural)

    def _update_lanes(self) -> None:
        f = self.text_scale
        top = float(self.unit_y.min()) - HALF - style.LANE_PAD - style.HEADER_HEIGHT * f
        bottom = float(self.unit_y.max()) + HALF + style.LANE_PAD
        for layer in self.columns:
            layer.set_span(top, bottom, f)
        for it in self.order:
            if it.kind == "input":
                it.set_text_scale(f)
        rect = QRectF()
        for layer in self.columns:
            rect = rect.united(layer.sceneBoundingRect())
        for it in self.order:
            if it.kind == "input":
                rect = rect.united(it.sceneBoundingRect())
        self._network_rect = rect
        margin = 4000.0
        self.setSceneRect(rect.adjusted(-margin, -margin, margin, margin))

    def drawBackground(self, painter, rect: QRectF) -> None:  # noqa: N802
        """Canvas colour, a quiet dot grid, then every layer's lane and header (the view
        caches all of it; layers invalidate their part when they change)."""
        painter.fillRect(rect, style.CANVAS)
        step = style.GRID_STEP
        if painter.worldTransform().m11() * step >= 16:  # denser dots would be noise
            left = math.floor(rect.left() / step) * step
            top = math.floor(rect.top() / step) * step
            xs = np.arange(left, rect.right() + 1, step).tolist()
            ys = np.arange(top, rect.bottom() + 1, step).tolist()
            painter.setPen(style.grid_pen())
            painter.drawPoints([QPointF(x, y) for y in ys for x in xs])
        for layer in self.columns:
            if layer.sceneBoundingRect().intersects(rect):
                painter.save()
                painter.translate(layer.pos())
                layer.paint_lane(painter)
                painter.restore()

    def set_text_scale(self, f: float) -> bool:
        """Draw layer headers and input labels ``f`` times larger (1 … TEXT_SCALE_MAX), so
        that they stay readable when the view zooms out; True if the layout changed."""
        f = min(max(f, 1.0), style.TEXT_SCALE_MAX, self._title_room())
        f = max(1.0, math.floor(f * 20) / 20)
        if f == self.text_scale:
            return False
        self.text_scale = f
        if self.order:
            self._update_lanes()
        return True

    def _title_room(self) -> float:
        """The largest header scale at which neighbouring columns' titles do not touch."""
        lanes = sorted(self.columns, key=lambda layer: layer.pos().x())
        room = math.inf
        for a, b in zip(lanes, lanes[1:]):
            half_widths = (a._text_width + b._text_width) / 2
            if half_widths > 0:
                room = min(room, (b.pos().x() - a.pos().x() - 12.0) / half_widths)
        return room

    def network_rect(self) -> QRectF:
        """The network's extent in scene coordinates (what fit() shows)."""
        return QRectF(self._network_rect)

    def sync_weights(self, origin: str = "user", network=None) -> None:
        """Recolour edges and biases from the document's weights, or from ``network`` (a
        copy of the document's network with other weights: the timeline's preview)."""
        net = self.doc.network if network is None else network
        self._shown_network = network  # hover texts say the weights on show
        if [L.n_out for L in net.layers] != self.sizes[1:] or net.n_inputs != (self.sizes[0] if self.sizes else -1):
            return  # a structure sync is on its way
        layers = net.layers
        if len(self._w) != len(self.edges):
            self._w = np.zeros(len(self.edges))
        if layers:
            np.concatenate([L.W[:, :: L.k].ravel() for L in layers], out=self._w)
        if origin == "training" and self.maps.live:
            self.edges.set_live(True)
        flags = origin != "training"  # training never removes or freezes anything
        removed = np.concatenate([r.ravel() for r in net.removed]) if flags else None
        frozen = np.concatenate([f.ravel() for f in net.frozen_w]) if flags else None
        self.edges.set_weights(self._w, removed, frozen)
        start = self.sizes[0]
        changed = False
        for L, fb in zip(layers, net.frozen_b):
            b = L.b[:: L.k].tolist()
            fbl = fb.tolist() if flags else None
            for j, item in enumerate(self.order[start : start + L.n_out]):
                changed |= item.set_bias(b[j], fbl[j] if flags else item.bias_frozen)
            start += L.n_out
        if changed:
            self.bias_layer.update()

    def sync_maps(self) -> None:
        maps = self.maps
        live = bool(getattr(maps, "live", False))
        self.edges.set_live(live)  # the still picture after training is fully antialiased
        columns = maps.columns
        if [int(c.shape[0]) for c in columns] != self.sizes:
            if not live and not self._refreshing_maps:
                # Right after a structural edit the maps still show the old network; ask
                # for current ones now rather than paint a frame of blank neurons.
                self._refreshing_maps = True
                try:
                    maps.recompute()  # emits updated → sync_maps
                finally:
                    self._refreshing_maps = False
                return
            self.thumbs = None
        elif self.atlas.build(columns, self.ranges):
            self.thumbs = (self.atlas.pixmap, self.atlas.resolution)
        else:
            self.thumbs = None
        self.thumbnail_layer.update()

    def restyle(self) -> None:
        """Colours or line widths changed (gui.canvas.style.refresh): redraw every cached piece."""
        self.sprites.clear()
        self.edges.restyle()
        if self.order:
            self.edges.set_geometry(self.unit_x, self.unit_y, HALF)  # its margin follows the widths
        self.sync_maps()  # thumbnails through the new colour table
        for item in self.items():
            item.update()
        self.invalidate(self.sceneRect(), QGraphicsScene.SceneLayer.BackgroundLayer)
        for view in self.views():
            view.resetCachedContent()
            view.viewport().update()

    def set_device_scale(self, scale: float) -> None:
        """The view's zoom × device pixel ratio: thumbnails are rebuilt at their on-screen size."""
        size = round(style.NEURON_SIZE * scale)
        rebuilt = self.atlas.set_size(size, round(style.NEURON_RADIUS * scale, 1))
        if rebuilt and self.thumbs is not None:
            self.thumbs = (self.atlas.pixmap, self.atlas.resolution)
        if self.sprites.set_scale(scale) or rebuilt:
            for it in self.order:
                it.update()
            self.thumbnail_layer.update()
            self.bias_layer.update()

    # ================================================================== geometry
    def column_xs(self) -> list[float]:
        return [layer.pos().x() for layer in self.columns]

    def column_at(self, x: float) -> int | None:
        """The column whose lane (with a little slack) contains scene x."""
        best, dist = None, style.DROP_CAPTURE
        for c, cx in enumerate(self.column_xs()):
            if abs(cx - x) <= dist:
                best, dist = c, abs(cx - x)
        return best

    def neurons_in_column(self, column: int) -> list[NeuronItem]:
        return [it for it in self.order if it.column == column]

    def place_unit(self, item: NeuronItem, x: float, y: float) -> None:
        """Move one neuron during a drag (not yet in the document)."""
        item.setPos(x, y)
        self.unit_x[item.row] = x
        self.unit_y[item.row] = y
        self.thumbnail_layer.update()
        self.bias_layer.update()

    def units_moved(self, rows: list[int]) -> None:
        self.edges.move_units(np.array(rows, np.intp), self.unit_x, self.unit_y, HALF)

    def place_column(self, layer: LayerItem, x: float) -> None:
        layer.setPos(x, 0.0)
        rows = []
        for it in self.order:
            if it.column == layer.column:
                self.place_unit(it, x, it.pos().y())
                rows.append(it.row)
        self.units_moved(rows)

    def highlight_column(self, column: int | None) -> None:
        for c, layer in enumerate(self.columns):
            layer.set_drop_target(c == column)

    def pick_tolerance(self) -> float:
        views = self.views()
        scale = views[0].transform().m11() if views else 1.0
        return style.EDGE_PICK_PX / max(scale, 1e-3)

    def edge_at(self, pos: QPointF) -> int | None:
        return self.edges.edge_at(pos.x(), pos.y(), self.pick_tolerance() + 1.0)

    def item_at(self, pos: QPointF):
        """The top neuron, button or layer header at ``pos`` (edges excluded)."""
        for item in self.items(pos, Qt.ItemSelectionMode.IntersectsItemShape, Qt.SortOrder.DescendingOrder,
                               QTransform()):
            if isinstance(item, (NeuronItem, RoundButton, LayerItem)) and item.isVisible():
                return item
        return None

    def lane_at(self, pos: QPointF) -> LayerItem | None:
        c = self.column_at(pos.x())
        if c is None:
            return None
        layer = self.columns[c]
        if abs(pos.x() - layer.pos().x()) <= style.LANE_WIDTH / 2 and layer.top <= pos.y() <= layer.bottom:
            return layer
        return None

    # ================================================================== selection
    def selected_neurons(self) -> list[NeuronItem]:
        return [it for it in self.selectedItems() if isinstance(it, NeuronItem)]

    def selected_uids(self) -> list[int]:
        return [it.uid for it in self.selected_neurons()]

    def _on_qt_selection(self) -> None:
        if self.selected_neurons() and self.current is not None:
            self._set_current(None, emit=False)
        self.selection_state_changed.emit()

    def _set_current(self, current, emit: bool = True) -> None:
        self.current = current
        self.edges.set_selected(self.current_edge_index())
        cid = current[1] if current and current[0] == "layer" else None
        for layer in self.columns:
            layer.set_selected(layer.cid == cid)
        if emit:
            self.selection_state_changed.emit()

    def _validate_current(self) -> None:
        if self.current is None:
            return
        kind, ref = self.current
        if (kind == "layer" and ref not in self.layers) or (kind == "edge" and self.edge_key(ref) is None):
            self._set_current(None)
        else:
            self._set_current(self.current, emit=False)

    def clear_all(self) -> None:
        self.clearSelection()
        if self.current is not None:
            self._set_current(None)

    def select_unit(self, uid: int) -> None:
        item = self.neurons.get(uid)
        if item is None:
            return
        self.clearSelection()
        item.setSelected(True)
        self.current = None
        self._set_current(None)
        item.ensureVisible()
        for view in self.views():
            view.ensureVisible(item, 40, 40)

    def select_edge(self, key: tuple[int, int, int]) -> None:
        column, i, j = key
        src = self.doc.unit_ids[column - 1][i]
        dst = self.doc.unit_ids[column][j]
        self.clearSelection()
        self._set_current(("edge", (src, dst)))

    def select_layer(self, cid: int) -> None:
        self.clearSelection()
        self._set_current(("layer", cid))

    def edge_key(self, pair) -> tuple[int, int, int] | None:
        """(column, i, j) of the connection between two unit ids, if it exists."""
        src, dst = (self.neurons.get(u) for u in pair)
        if src is None or dst is None or dst.column != src.column + 1:
            return None
        return dst.column, src.index, dst.index

    def current_edge_key(self) -> tuple[int, int, int] | None:
        if self.current and self.current[0] == "edge":
            return self.edge_key(self.current[1])
        return None

    def current_edge_index(self) -> int | None:
        key = self.current_edge_key()
        return self.edges.index_of(*key) if key else None

    def single_target(self):
        """What the inspector would show for the selection, or None."""
        units = self.selected_uids()
        if len(units) == 1:
            return ("unit", units[0])
        if units:
            return None
        if self.current is None:
            return None
        if self.current[0] == "edge":
            key = self.current_edge_key()
            return ("edge", key) if key else None
        return self.current

    # ================================================================== gestures
    def neuron_hovered(self, item: NeuronItem, inside: bool) -> None:
        if inside:
            self.hovered_unit = item.uid
            self.unit_hovered.emit(item.column, item.index)
        elif self.hovered_unit == item.uid:
            self.hovered_unit = None
            self.hover_left.emit()

    def unit_clicked(self, uid: int) -> None:
        if self.selected_uids() == [uid]:
            self.inspect_requested.emit(("unit", uid))

    def inspect_unit(self, uid: int) -> None:
        self.select_unit(uid)
        self.inspect_requested.emit(("unit", uid))

    def inspect_layer(self, cid: int) -> None:
        self.select_layer(cid)
        self.inspect_requested.emit(("layer", cid))

    def inspect_edge(self, key) -> None:
        self.select_edge(key)
        self.inspect_requested.emit(("edge", key))

    def mousePressEvent(self, event):  # noqa: N802
        pos = event.scenePos()
        item = self.item_at(pos)
        if item is None and event.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            k = self.edge_at(pos)
            if k is not None:
                if event.button() == Qt.MouseButton.LeftButton:
                    self.inspect_edge(self.edges.key(k))
                event.accept()
                return
            if event.button() == Qt.MouseButton.LeftButton and \
                    not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self._set_current(None)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event):  # noqa: N802
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:
            pos = event.scenePos()
            k = None if isinstance(self.item_at(pos), NeuronItem) else self.edge_at(pos)
            self.edges.set_hovered(k)

    def leave(self) -> None:
        """The mouse left the view."""
        self.edges.set_hovered(None)

    def helpEvent(self, event):  # noqa: N802
        text = self.tooltip_at(event.scenePos())
        if text:
            QToolTip.showText(event.screenPos(), text, event.widget())
            event.accept()
        else:
            super().helpEvent(event)

    def tooltip_at(self, pos: QPointF) -> str:
        if self.tooltip_hook is not None:
            text = self.tooltip_hook(pos)
            if text:
                return text
        item = self.item_at(pos)
        shown = getattr(self, "_shown_network", None)
        doc = self.doc if shown is None else _ShownDocument(self.doc, shown)
        if isinstance(item, NeuronItem):
            return labels.neuron_tooltip(doc, item.column, item.index)
        if isinstance(item, RoundButton):
            return item.toolTip()
        if isinstance(item, LayerItem):
            return translate("NetworkScene",
                             "Drag to move this layer · click for its settings · right-click for more")
        k = self.edge_at(pos)
        if k is not None:
            return labels.edge_tooltip(doc, *self.edges.key(k))
        return ""

    def contextMenuEvent(self, event):  # noqa: N802
        from . import menus

        menu = menus.menu_at(self, event.scenePos())
        if menu is not None:
            menu.exec(event.screenPos())
            event.accept()

    # ================================================================== keyboard
    def navigate(self, key: int) -> bool:
        """Arrow keys: up/down in the column, left/right to the nearest neuron next door."""
        sel = self.selected_neurons()
        if not self.order:
            return False
        if not sel:
            self.select_unit(self.order[0].uid)
            return True
        cur = sel[-1]
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            column = sorted(self.neurons_in_column(cur.column), key=lambda it: it.pos().y())
            k = column.index(cur) + (1 if key == Qt.Key.Key_Down else -1)
            target = column[k] if 0 <= k < len(column) else cur
        else:
            c = cur.column + (1 if key == Qt.Key.Key_Right else -1)
            if not 0 <= c < len(self.columns):
                target = cur
            else:
                target = min(self.neurons_in_column(c), key=lambda it: abs(it.pos().y() - cur.pos().y()))
        self.select_unit(target.uid)
        return True

    def delete_selected(self) -> bool:
        return self.actions.delete(self.selected_uids(), self._current_for_actions())

    def _current_for_actions(self):
        if self.current is None:
            return None
        if self.current[0] == "edge":
            key = self.current_edge_key()
            return ("edge", key) if key else None
        return self.current
