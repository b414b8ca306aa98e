"""Mouse drags on the canvas: neurons up and down their column (or into another layer),
layers left and right. Items move locally while the mouse moves; the document hears of
it once, on release, as one undoable step (DESIGN §1: a whole drag is one undo step)."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

from . import style


class DragController:
    def __init__(self, scene):
        self.scene = scene
        self.reset()

    def reset(self) -> None:
        self.kind: str | None = None  # "units" or "column"
        self.active = False
        self.anchor = None
        self.items: list = []
        self.start: dict = {}
        self.press_scene = QPointF()
        self.press_screen = None
        self.target_column: int | None = None
        self.layer = None
        self.bounds = (float("-inf"), float("inf"))

    @property
    def dragging(self) -> bool:
        return self.active

    # ------------------------------------------------------------------ press
    def press(self, neuron, event) -> None:
        self.reset()
        self.kind = "units"
        self.anchor = neuron
        self.press_scene = event.scenePos()
        self.press_screen = event.screenPos()

    def press_column(self, layer, event) -> None:
        self.reset()
        self.kind = "column"
        self.layer = layer
        self.press_scene = event.scenePos()
        self.press_screen = event.screenPos()
        self.scene.select_layer(layer.cid)

    # ------------------------------------------------------------------ move
    def move(self, event) -> None:
        if self.kind is None:
            return
        if not self.active:
            if self.press_screen is not None and \
                    (event.screenPos() - self.press_screen).manhattanLength() < QApplication.startDragDistance():
                return
            self._begin()
        if self.kind == "units":
            self.move_units_to(event.scenePos())
        else:
            self.move_column_to(event.scenePos())

    def _begin(self) -> None:
        scene = self.scene
        self.active = True
        if self.kind == "units":
            selected = scene.selected_neurons()
            self.items = selected if self.anchor in selected else [self.anchor]
            self.start = {it: (it.pos().x(), it.pos().y()) for it in self.items}
            for it in self.items:
                it.setZValue(15)
        else:
            layer = self.layer
            c = layer.column
            xs = scene.column_xs()
            lo = xs[c - 1] + style.MIN_COLUMN_GAP if c > 0 else float("-inf")
            hi = xs[c + 1] - style.MIN_COLUMN_GAP if c + 1 < len(xs) else float("inf")
            self.bounds = (lo, hi)
            self.items = scene.neurons_in_column(c)
            self.start = {layer: (layer.pos().x(), 0.0)}

    def move_units_to(self, pos: QPointF) -> None:
        scene = self.scene
        dy = pos.y() - self.press_scene.y()
        target = None
        if len(self.items) == 1 and self.anchor.column >= 1:
            col = scene.column_at(pos.x())
            if col is not None and col >= 1 and col != self.anchor.column:
                target = col
        self._set_target(target)
        for it in self.items:
            x0, y0 = self.start[it]
            x = pos.x() if target is not None else x0
            scene.place_unit(it, x, y0 + dy)
        scene.units_moved([it.row for it in self.items])

    def move_column_to(self, pos: QPointF) -> None:
        scene = self.scene
        x0, _ = self.start[self.layer]
        lo, hi = self.bounds
        x = min(max(x0 + pos.x() - self.press_scene.x(), lo), hi)
        scene.place_column(self.layer, x)

    def _set_target(self, column: int | None) -> None:
        if column != self.target_column:
            self.scene.highlight_column(column)
            self.target_column = column

    # ------------------------------------------------------------------ release
    def release(self, event) -> bool:
        """Commit the drag; True if something was dragged (not a click)."""
        active, kind = self.active, self.kind
        try:
            if active and kind == "units":
                for it in self.items:
                    it.setZValue(10)
                self.scene.highlight_column(None)
                if self.target_column is not None:
                    it = self.items[0]
                    self.scene.actions.move_unit_to_column(it.uid, self.target_column, it.pos().y())
                else:
                    self.scene.actions.commit_unit_moves({it.uid: it.pos().y() for it in self.items})
            elif active and kind == "column":
                self.scene.actions.commit_column_move(self.layer.cid, self.layer.pos().x())
        finally:
            self.reset()
            if active:
                self.scene.sync_positions()  # a refused edit puts the items back
        return active
