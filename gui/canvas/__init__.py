"""The network canvas: the palette, the view of the network scene, and the inspector.

    canvas = NetworkCanvas(doc, editor, maps)
    window.set_central_canvas(canvas)

Public API

* ``zoom_in()``, ``zoom_out()``, ``fit()``, ``delete_selected()``, ``auto_layout()``;
  ``inspect(target)`` opens the inspector on ("unit", uid), ("edge", (column, i, j)) or
  ("layer", cid);
* ``scene`` (:class:`NetworkScene`), ``view`` (:class:`NetworkView`), ``palette``,
  ``inspector``;
* signals ``unit_hovered(column, index)`` / ``hover_left()`` (the output panel shows
  that neuron's map, as Playground does) and ``selection_changed()``.

The canvas changes the document only through the :class:`~gui.editor.DocumentEditor`;
refused edits are reported on ``editor.error`` and shown as a short toast on the canvas.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from gui import theme

from .inspector import Inspector
from .palette import MIME_TYPE, Palette
from .scene import NetworkScene
from .view import NetworkView

__all__ = ["MIME_TYPE", "NetworkCanvas", "NetworkScene", "NetworkView"]


class NetworkCanvas(QWidget):
    unit_hovered = Signal(int, int)
    hover_left = Signal()
    selection_changed = Signal()

    def __init__(self, doc, editor, maps, parent=None):
        super().__init__(parent)
        self.setObjectName("networkCanvas")
        self.doc, self.editor, self.maps = doc, editor, maps
        self.scene = NetworkScene(doc, editor, maps, self)
        self.view = NetworkView(self.scene, self)
        self.palette = Palette(self)
        self.inspector = Inspector(doc, editor, self.scene, self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.palette)
        layout.addWidget(self.view, 1)

        self.scene.unit_hovered.connect(self.unit_hovered)
        self.scene.hover_left.connect(self.hover_left)
        self.scene.selection_state_changed.connect(self.selection_changed)
        self.scene.inspect_requested.connect(self.inspect)
        self.view.enter_pressed.connect(self._inspect_selection)
        self.view.escape_pressed.connect(self._escape)
        self.view.resized.connect(self._place_overlays)
        self.inspector.closed.connect(lambda: self.view.setFocus())
        self.palette.item_activated.connect(self.scene.actions.activate)
        buttons = self.palette.view_buttons
        buttons["auto_layout"].clicked.connect(self.auto_layout)
        buttons["zoom_in"].clicked.connect(self.zoom_in)
        buttons["zoom_out"].clicked.connect(self.zoom_out)
        buttons["fit"].clicked.connect(self.fit)
        editor.error.connect(self.view.toast.show_message)
        self.setFocusProxy(self.view)
        theme.on_change(self.restyle)

    # ------------------------------------------------------------------ commands
    def zoom_in(self) -> None:
        self.view.zoom_in()

    def zoom_out(self) -> None:
        self.view.zoom_out()

    def fit(self) -> None:
        self.view.fit()

    def delete_selected(self) -> bool:
        return self.scene.delete_selected()

    def auto_layout(self) -> bool:
        done = self.scene.actions.auto_layout()
        self.view.fit()
        return done

    def inspect(self, target) -> None:
        """Open the inspector on a target (see the module docstring)."""
        self.inspector.show_target(target)

    # ------------------------------------------------------------------ keys and overlays
    def _inspect_selection(self) -> None:
        target = self.scene.single_target()
        if target is not None:
            self.inspect(target)

    def restyle(self) -> None:
        """The theme, the data palette or the UI scale changed: repaint in the new style and
        fit again (label sizes and the largest fit zoom follow the UI scale)."""
        self.scene.restyle()
        if self.view.auto_fit:
            self.view.fit()
        else:
            self.view._transformed()

    def _escape(self) -> None:
        if self.inspector.isVisible():
            self.inspector.close_card()
        else:
            self.scene.clear_all()

    def _place_overlays(self) -> None:
        if self.inspector.isVisible():
            self.inspector.reposition()
        self.palette.fit_width(self.width())

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._place_overlays()
