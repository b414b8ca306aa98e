"""Train › Step Through Backpropagation (#7): one training step, phase by phase.

``install(window, ws)`` adds the checkable action (Ctrl+B) to the Train menu and the
STEP-THROUGH dock (hidden, its contents built on first use; listed in View › Panels) and
returns the :class:`StepThrough` controller (``ws.stepthrough``).

While it is on:

* training is paused (Play leaves the mode, with a note in the status bar);
* one training point — or a mini-batch of N consecutive ones — is traced with
  :func:`engine.trace.trace_step` on the live trainer (``controller.with_trainer``, so with
  the optimizer's current state); the numbers shown are the engine's own;
* the phases ``("forward", 0)`` … ``("error",)`` … ``("backward", 0)``, ``("update",)``
  are stepped with Back/Next (← → or PageUp/PageDown while the canvas or the dock has the
  keyboard); the canvas shows the phase (:class:`gui.canvas.trace_overlay.TraceOverlay`),
  the dock its formulas and numbers;
* clicking in the decision region picks the nearest training point; the picked point(s)
  are ringed there;
* every change of the document (weights, structure, data, settings, training) traces the
  same point(s) again and keeps the phase where it still exists;
* "Apply this step" takes exactly the traced step: :func:`engine.trace.apply_step` on the
  training thread (weights and optimizer state), and the document's weights become the
  trace's "after" values as one undoable edit. Undo puts the weights back; the optimizer's
  state (Adam's moments, its step count) stays where the step took it, as after any
  training.

Leaving — unchecking, Escape, closing the dock — removes the overlay and the rings.
"""

from __future__ import annotations

import random

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QDockWidget, QLineEdit

from engine.errors import NeuronaError
from gui import theme
from gui.i18n import translate

CTX = "StepThrough"
SHORTCUT = "Ctrl+B"
#: keys that move through the phases while the canvas or the dock has the keyboard
BACK_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_PageUp)
NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_PageDown)
#: windows shorter than this lend the FEATURES dock's place to the step-through
SHORT_WINDOW = 1150


class StepThrough(QObject):
    """See the module docstring."""

    #: the trace, the phase or the point(s) changed (the panel and canvas follow)
    changed = Signal()
    #: on or off
    toggled = Signal(bool)

    def __init__(self, window, ws):
        super().__init__(window)
        self.window, self.ws = window, ws
        self.active = False
        self.panel = None
        self.overlay = None
        self._rings = None
        self.trace = None
        self.message: str | None = None
        self.start = 0  # first training point of the batch
        self.batch = False
        self.batch_size = 0  # 0: the training setting's, when first used
        self.shown = 0  # the point whose numbers are shown: position in the batch
        self.phase = 0
        self._after_apply: tuple[float, float] | None = None
        self._placed = False
        self._hid_features = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.recompute)

        self.action = QAction(translate("StepThrough", "Step &Through Backpropagation"), window)
        self.action.setObjectName("action_stepthrough")
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        tip = translate("StepThrough", "Walk through one training step on one point: forward pass, error, backward pass "
                             "and update, with every number")
        self.action.setStatusTip(tip)
        self.action.setToolTip(tip)
        self.action.toggled.connect(self.set_active)
        window.addAction(self.action)
        window.train_menu.addSeparator()
        window.train_menu.addAction(self.action)

        self.dock = self._make_dock()

    # ------------------------------------------------------------------ the dock
    def _make_dock(self) -> QDockWidget:
        from gui.main_window import DockTitleBar

        window = self.window
        dock = QDockWidget(translate("StepThrough", "STEP-THROUGH"), window)
        dock.setObjectName("stepthrough_dock")
        dock.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.LeftDockWidgetArea
                             | Qt.DockWidgetArea.RightDockWidgetArea)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        dock.setTitleBarWidget(DockTitleBar(dock))
        palette = dock.palette()
        palette.setColor(palette.ColorRole.Window, QColor(theme.COLORS.surface))
        dock.setPalette(palette)
        dock.setAutoFillBackground(True)
        dock.hide()  # hidden before it joins the layout, so it never resizes the window
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        toggle = dock.toggleViewAction()
        toggle.setText(translate("StepThrough", "Step-through"))
        toggle.setObjectName("action_toggle_stepthrough_dock")
        toggle.setToolTip(translate("StepThrough", "Show or hide the step-through panel ({keys})").format(keys=SHORTCUT))
        toggle.toggled.connect(self._dock_toggled)
        window.panels_menu.addAction(toggle)
        return dock

    def _show_dock(self) -> None:
        """Show the dock; the first time in DATA's place (a tab beside it, as LESSONS
        does), wider, and taller than FEATURES below it."""
        window, dock = self.window, self.dock
        first = not self._placed
        self._placed = True
        if first and not dock.isFloating() and window.data_dock.isVisible():
            window.tabifyDockWidget(window.data_dock, dock)
        dock.show()
        dock.raise_()
        self._make_room()
        if first:
            QTimer.singleShot(0, self, self._size_first_time)

    def _make_room(self) -> None:
        """On a short screen (a 1024×768 projector) FEATURES gives its place to the
        details while stepping; it comes back on leaving."""
        window = self.window
        if window.height() < SHORT_WINDOW and window.features_dock.isVisible() and not self.dock.isFloating() \
                and window.dockWidgetArea(self.dock) == window.dockWidgetArea(window.features_dock):
            window.features_dock.hide()
            self._hid_features = True

    def _size_first_time(self) -> None:
        window, dock = self.window, self.dock
        if not dock.isVisible() or dock.isFloating():
            return
        width = 420 if window.width() >= 1400 else 330
        window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
        if window.features_dock.isVisible():
            h = max(window.height() - 200, 300)
            window.resizeDocks([dock, window.features_dock], [int(h * 0.74), int(h * 0.26)],
                               Qt.Orientation.Vertical)

    def _dock_toggled(self, visible: bool) -> None:
        if visible != self.active:
            self.set_active(visible)

    def _build_panel(self):
        from .stepthrough_panel import StepThroughPanel

        panel = StepThroughPanel()
        panel.previous_point.connect(lambda: self.move_point(-1))
        panel.next_point.connect(lambda: self.move_point(+1))
        panel.index_chosen.connect(self.choose_index)
        panel.random_chosen.connect(self.choose_random)
        panel.batch_mode_chosen.connect(self.set_batch_mode)
        panel.batch_size_chosen.connect(self.set_batch_size)
        panel.shown_chosen.connect(self.show_point)
        panel.back.connect(self.back)
        panel.forward.connect(self.next)
        panel.phase_chosen.connect(self.go_to)
        panel.apply_requested.connect(self.apply)
        panel.next_sample_requested.connect(self.next_sample)
        self.dock.setWidget(panel)
        self._filter(panel)
        return panel

    def _filter(self, panel) -> None:
        for widget in [panel, *panel.findChildren(QObject)]:
            if hasattr(widget, "installEventFilter") and hasattr(widget, "focusPolicy"):
                widget.installEventFilter(self)

    # ------------------------------------------------------------------ on and off
    def set_active(self, on: bool) -> None:
        on = bool(on)
        if on == self.active:
            self.action.setChecked(on)
            return
        self.enter() if on else self.leave()

    def enter(self) -> None:
        ws = self.ws
        self.active = True
        self.action.setChecked(True)
        try:
            ws.controller.pause()
        except RuntimeError:
            pass
        if self.panel is None:
            self.panel = self._build_panel()
        if not self.batch_size:
            self.batch_size = max(2, int(ws.doc.training.batch_size))
        from gui.canvas.trace_overlay import TraceOverlay

        scene = ws.canvas.scene
        self.overlay = TraceOverlay()
        scene.addItem(self.overlay)
        scene.tooltip_hook = self.overlay.tooltip_at
        self._rings = self._make_rings()
        ws.canvas.view.installEventFilter(self)
        doc = ws.doc
        doc.structure_changed.connect(self._schedule)
        doc.weights_changed.connect(self._schedule)
        doc.training_changed.connect(self._schedule)
        doc.data_changed.connect(self._schedule)
        ws.controller.playing_changed.connect(self._playing_changed)
        ws.output_panel.plot.clicked.connect(self._plot_clicked)
        self._show_dock()
        self.phase = 0
        self.recompute()
        self.toggled.emit(True)

    def leave(self) -> None:
        ws = self.ws
        self.active = False
        self._timer.stop()
        self.action.setChecked(False)
        doc = ws.doc
        for signal in (doc.structure_changed, doc.weights_changed, doc.training_changed, doc.data_changed):
            try:
                signal.disconnect(self._schedule)
            except (RuntimeError, TypeError):
                pass
        for signal, slot in ((ws.controller.playing_changed, self._playing_changed),
                             (ws.output_panel.plot.clicked, self._plot_clicked)):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        ws.canvas.view.removeEventFilter(self)
        scene = ws.canvas.scene
        if self.overlay is not None:
            scene.removeItem(self.overlay)
            self.overlay = None
        scene.tooltip_hook = None
        if self._rings is not None:
            ws.output_panel.plot.removeItem(self._rings)
            self._rings = None
        self.trace = None
        if self.dock.isVisible():
            self.dock.hide()
        if self._hid_features:
            self._hid_features = False
            self.window.features_dock.show()
        self.toggled.emit(False)

    def _playing_changed(self, playing: bool) -> None:
        if playing and self.active:
            self.leave()
            self.window.statusBar().showMessage(
                translate("StepThrough", "Step-through closed: training is running. Pause and press Ctrl+B to step "
                               "through again."), 8000)

    # ------------------------------------------------------------------ the point(s)
    def n_train(self) -> int:
        return int(self.ws.doc.dataset.n_train)

    def indices(self) -> list[int]:
        """The training points of the traced step."""
        n = self.n_train()
        if n == 0:
            return []
        if not self.batch:
            return [self.start % n]
        size = min(self.batch_size, n)
        return [(self.start + k) % n for k in range(size)]

    def choose_index(self, index: int, shown: int | None = None) -> None:
        n = self.n_train()
        if n == 0:
            return
        self.start = int(index) % n
        self.shown = 0 if shown is None else shown
        self.phase = 0
        self._after_apply = None
        self.recompute()

    def move_point(self, step: int) -> None:
        self.choose_index(self.start + step * (len(self.indices()) or 1))

    def next_sample(self) -> None:
        self.move_point(+1)

    def choose_random(self) -> None:
        n = self.n_train()
        if n:
            self.choose_index(random.randrange(n))

    def set_batch_mode(self, on: bool) -> None:
        self.batch = bool(on) and self.n_train() > 1
        self.shown = 0
        self._after_apply = None
        self.recompute()

    def set_batch_size(self, size: int) -> None:
        self.batch_size = max(2, int(size))
        self.shown = min(self.shown, self.batch_size - 1)
        self._after_apply = None
        if self.batch:
            self.recompute()

    def show_point(self, position: int) -> None:
        """Show the numbers of the batch's point at ``position``."""
        self.shown = max(0, int(position))
        self._refresh()

    def pick_nearest(self, x: float, y: float) -> int | None:
        """Pick the training point nearest (x, y): within the batch it becomes the point
        shown; otherwise the step starts at it. Returns its index."""
        pts = np.asarray(self.ws.doc.dataset.x_train, float)
        if pts.size == 0:
            return None
        k = int(np.argmin((pts[:, 0] - x) ** 2 + (pts[:, 1] - y) ** 2))
        current = self.indices()
        if self.batch and k in current:
            self.show_point(current.index(k))
        else:
            self.choose_index(k)
        return k

    def _plot_clicked(self, x: float, y: float, button) -> None:
        if button != Qt.MouseButton.LeftButton or self.ws.output_panel.is_draw_mode():
            return
        self.pick_nearest(x, y)

    # ------------------------------------------------------------------ phases
    def phases(self) -> list[tuple]:
        return self.trace.phases() if self.trace is not None else []

    def current_phase(self) -> tuple | None:
        phases = self.phases()
        return phases[self.phase] if phases else None

    def go_to(self, k: int) -> None:
        phases = self.phases()
        if phases:
            self.phase = max(0, min(len(phases) - 1, int(k)))
            self._refresh()

    def next(self) -> None:
        self.go_to(self.phase + 1)

    def back(self) -> None:
        self.go_to(self.phase - 1)

    # ------------------------------------------------------------------ tracing
    def _schedule(self, *_args) -> None:
        if self.active:
            self._timer.start()

    def recompute(self) -> None:
        """Trace the step for the current point(s) with the live trainer."""
        if not self.active:
            return
        from engine.trace import trace_step

        old = self.current_phase()
        n = self.n_train()
        self.trace, self.message = None, None
        if n == 0:
            self.message = translate("StepThrough", "The data set has no training points: raise the training share in DATA.")
        else:
            self.start %= n
            indices = self.indices()
            try:
                trace = self.ws.controller.with_trainer(
                    lambda t: None if t is None else trace_step(t, indices))
            except NeuronaError as exc:
                self.message = translate("StepThrough", "This step cannot be traced: {problem}").format(problem=str(exc))
            except (TimeoutError, RuntimeError) as exc:
                self.message = translate("StepThrough", "The training thread did not answer ({problem}). Try again.").format(
                    problem=str(exc))
            else:
                if trace is None:
                    problem = self.ws.controller.problem_text or ""
                    self.message = translate("StepThrough", "The network cannot be trained with these settings, so there is no step to show. {problem}"
                    ).format(problem=problem).strip()
                else:
                    self.trace = trace
        phases = self.phases()
        if old is not None and old in phases:
            self.phase = phases.index(old)
        else:
            self.phase = min(self.phase, max(0, len(phases) - 1))
        if self.trace is not None:
            self.shown = min(self.shown, self.trace.n - 1)
        self._refresh()

    def _refresh(self) -> None:
        """Show the current state in the dock, on the canvas and in the decision region."""
        if not self.active:
            return
        from . import stepthrough_text as txt

        trace, panel = self.trace, self.panel
        indices = self.indices()
        self.shown = max(0, min(self.shown, max(0, len(indices) - 1)))
        panel.show_selection(self.n_train(), self.start, self.batch, min(self.batch_size, max(self.n_train(), 2)),
                             indices, self.shown)
        panel.show_message(self.message)
        if trace is None:
            panel.show_phases([], 0, 0)
            self.overlay.clear()
            self._update_rings([])
            self.changed.emit()
            return
        phases = trace.phases()
        phase = phases[self.phase]
        panel.show_phases(phases, self.phase, len(trace.layers))
        panel.show_details(txt.details_html(trace, phase, self.shown))
        self.overlay.set_state(trace, phase, self.shown)
        self._update_rings(indices)
        if self._after_apply is not None:
            before, after = self._after_apply
            if trace.n == 1:
                text = translate("StepThrough", "Step applied (Edit › Undo takes it back). The loss on this point went from "
                                      "{before} to {after}.")
            else:
                text = translate("StepThrough", "Step applied (Edit › Undo takes it back). The loss on these points went "
                                      "from {before} to {after}.")
            panel.show_status(text.format(before=txt.num(before), after=txt.num(after)))
        else:
            panel.show_status("")
        self.changed.emit()

    # ------------------------------------------------------------------ apply
    def apply(self) -> bool:
        """Take the traced step for real, as one undoable edit. True when it was taken."""
        from engine.trace import apply_step

        trace = self.trace
        if trace is None:
            return False
        ws = self.ws
        up = trace.update
        doc_params = ws.doc.params()
        if doc_params.shape != up.params_before.shape or not np.array_equal(doc_params, up.params_before):
            self.recompute()
            self.panel.show_status(translate("StepThrough", "The weights changed since this step was traced; here it is "
                                                  "again with the new weights."))
            return False

        def take(trainer):
            if trainer is None:
                raise RuntimeError(ws.controller.problem_text or "no trainer")
            apply_step(trainer, trace)

        try:
            ws.controller.with_trainer(take)
        except (NeuronaError, RuntimeError, TimeoutError) as exc:
            self.recompute()
            self.panel.show_message(translate("StepThrough", "The step could not be applied: {problem}").format(problem=str(exc)))
            return False
        loss_before = float(trace.error.value)
        if trace.n == 1:
            text = translate("StepThrough", "Backpropagation step on point #{i}").format(i=int(trace.indices[0]))
        else:
            text = translate("StepThrough", "Backpropagation step on {n} points").format(n=trace.n)
        ws.editor.set_params(up.params_before, up.params_after, text)
        self._timer.stop()
        self.phase = 0
        self.recompute()  # the same points with the new weights
        if self.trace is not None:
            self._after_apply = (loss_before, float(self.trace.error.value))
            self._refresh()
        return True

    # ------------------------------------------------------------------ decision region rings
    def _make_rings(self):
        import pyqtgraph as pg

        rings = pg.ScatterPlotItem(symbol="o", pxMode=True, antialias=True)
        rings.setZValue(20)
        self.ws.output_panel.plot.addItem(rings)
        return rings

    def _update_rings(self, indices: list[int]) -> None:
        if self._rings is None:
            return
        import pyqtgraph as pg

        pts = np.asarray(self.ws.doc.dataset.x_train, float)
        if not indices or pts.size == 0:
            self._rings.setData(pos=np.empty((0, 2)))
            return
        idx = [i for i in indices if i < len(pts)]
        shown = indices[self.shown] if self.shown < len(indices) else None
        sizes = [26 if i == shown else 18 for i in idx]
        pens = [pg.mkPen(theme.COLORS.ink if i == shown else theme.COLORS.accent, width=3.5 if i == shown else 2.5)
                for i in idx]
        self._rings.setData(pos=pts[idx], size=sizes, pen=pens, brush=[pg.mkBrush(0, 0, 0, 0)] * len(idx))

    # ------------------------------------------------------------------ keys
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if not self.active:
            return False
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if isinstance(obj, (QAbstractSpinBox, QLineEdit, QComboBox)):
            return False  # their own arrow keys
        key = event.key()
        if event.modifiers() not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            return False
        ours = key in BACK_KEYS or key in NEXT_KEYS or key == Qt.Key.Key_Escape
        if not ours:
            return False
        if key == Qt.Key.Key_Escape and self.ws.canvas.inspector.isVisible():
            return False  # Escape closes the inspector first
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        if key in BACK_KEYS:
            self.back()
        elif key in NEXT_KEYS:
            self.next()
        else:
            self.leave()
        return True


def install(window, ws) -> StepThrough:
    return StepThrough(window, ws)
