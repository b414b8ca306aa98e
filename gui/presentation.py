"""Presentation mode: the window as a teacher projects it in class.

``PresentationMode(window, ws)`` adds to the View menu

* **Presentation Mode** (F5, or ``--presentation`` on the command line): full screen, and
  every font — the application font, the top bar's big numbers, the plots' ticks and axis
  labels — and the decision region's data points enlarged by the **UI Scale** (150 % by
  default, 100–250 % from View ▸ UI Scale). Escape (or F5 again) leaves it and puts back
  exactly what was there before: window geometry and state, dock layout and visibility,
  fonts, plot styles and the canvas zoom.
* **Focus** layouts while presenting (F6 cycles them): *Network and decision region*
  (the left panels hidden), *Decision region and loss* (the canvas hidden, OUTPUT fills
  the window) and *Everything*.
* **Black Screen** (B, while presenting): the window goes black; any key or click returns.

Presenter clickers send PageDown/PageUp, B, F5 and Escape. PageDown steps one epoch
(like →) and PageUp plays/pauses training (like Space) — a clicker has no other way to
start and stop, and a "previous epoch" does not exist. These work in and out of
presentation mode. The question mark opens the keyboard shortcuts (like F1).

Single-key shortcuts never take keys from a text field: while a line edit, spin box or
text editor has focus, B, ?, PageUp and PageDown go to it (the same rule that keeps
Space, R and the arrows for text fields).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QFont, QFontMetrics, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolBar,
    QWidget,
)

SCALES = (100, 125, 150, 175, 200, 250)
DEFAULT_SCALE = 150
FOCUS_LAYOUTS = (
    ("everything", "&Everything"),
    ("network", "&Network and Decision Region"),
    ("region", "&Decision Region and Loss"),
)
#: below this window width, presentation mode starts without the left panels
NARROW_WIDTH = 1400
#: keys a focused text field keeps even though the window maps them to a command
TEXT_KEYS = {Qt.Key.Key_B, Qt.Key.Key_Question, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


def _is_text_field(widget: QWidget | None) -> bool:
    if widget is None:
        return False
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return not widget.isReadOnly()
    return isinstance(widget, (QLineEdit, QAbstractSpinBox))


def _scaled(font: QFont, factor: float) -> QFont:
    font = QFont(font)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    elif font.pixelSize() > 0:
        font.setPixelSize(max(1, round(font.pixelSize() * factor)))
    return font


def _repolish(window: QWidget) -> None:
    """A new application font reaches widgets under a style sheet (the application's or
    their own) only once the style sheet is applied again."""
    app = QApplication.instance()
    QApplication.sendPostedEvents(None, 0)  # the font change itself is posted
    sheet = app.styleSheet()
    if sheet:
        app.setStyleSheet(sheet)
    for widget in window.findChildren(QWidget):
        if widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())


class BlackScreen(QWidget):
    """A black cover over the whole window; any key or click takes it away."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("blackScreen")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, Qt.GlobalColor.black)
        self.setPalette(palette)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.hide()
        parent.installEventFilter(self)

    def cover(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def event(self, event):  # noqa: D401 (Qt override)
        if event.type() == QEvent.Type.ShortcutOverride:  # every key just lifts the cover
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event):  # noqa: N802 (Qt override)
        if not event.isAutoRepeat():
            self.hide()
        event.accept()

    def mousePressEvent(self, event):  # noqa: N802 (Qt override)
        self.hide()
        event.accept()

    def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
        if obj is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(obj.rect())
        return False


class PresentationMode(QObject):
    """See the module docstring."""

    toggled = Signal(bool)

    def __init__(self, window, ws):
        super().__init__(window)
        self.window, self.ws = window, ws
        self.scale_percent = DEFAULT_SCALE
        self.focus = "everything"
        self._saved: dict | None = None
        self.black_screen = BlackScreen(window)
        self._epoch_font: QFont | None = None
        window.toolbar.installEventFilter(self)
        self._create_actions()
        # only the focused text field is watched (an application-wide filter would see every event)
        self._watched: QWidget | None = None
        QApplication.instance().focusChanged.connect(self._focus_changed)

    # -- actions and menus --------------------------------------------------------------
    def _action(self, name: str, text: str, slot, keys=(), tip: str = "") -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(f"action_{name}")
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _create_actions(self) -> None:
        w = self.window
        self.toggle_action = self._action(
            "presentation", "Presentation &Mode", lambda on: self.set_active(on), ["F5"],
            "Full screen with large text for a projector (Escape leaves it)",
        )
        self.toggle_action.setCheckable(True)
        self.leave_action = self._action("leave_presentation", "&Leave Presentation Mode",
                                         lambda: self.set_active(False), ["Esc"])
        self.leave_action.setEnabled(False)

        self.scale_group = QActionGroup(self)
        self.scale_actions: dict[int, QAction] = {}
        for percent in SCALES:
            action = self._action(f"ui_scale_{percent}", f"{percent} %",
                                  lambda _on=False, p=percent: self.set_scale(p))
            action.setCheckable(True)
            action.setChecked(percent == self.scale_percent)
            self.scale_group.addAction(action)
            self.scale_actions[percent] = action

        self.focus_group = QActionGroup(self)
        self.focus_actions: dict[str, QAction] = {}
        for name, text in FOCUS_LAYOUTS:
            action = self._action(f"focus_{name}", text, lambda _on=False, n=name: self.set_focus(n))
            action.setCheckable(True)
            action.setChecked(name == self.focus)
            self.focus_group.addAction(action)
            self.focus_actions[name] = action
        self.cycle_focus_action = self._action("focus_next", "Next &Focus Layout", self.cycle_focus, ["F6"],
                                               "Network · decision region and loss · everything")
        self.black_action = self._action("black_screen", "&Black Screen", self.toggle_black, ["B"],
                                         "Blank the projector; any key or click brings the window back")
        for action in (*self.focus_actions.values(), self.cycle_focus_action, self.black_action):
            action.setEnabled(False)

        # presenter clickers: PageDown steps, PageUp plays/pauses; ? opens the shortcuts
        self.clicker_step_action = self._action("clicker_step", "&Step One Epoch", w.step_action.trigger,
                                                ["PgDown"], "Train one epoch (a clicker's Next button)")
        self.clicker_play_action = self._action("clicker_play", "&Play / Pause", w.play_action.trigger,
                                                ["PgUp"], "Start or pause training (a clicker's Back button)")
        self._add_keys(w.shortcuts_action, "?")

        view = w.view_menu
        view.addSeparator()
        view.addAction(self.toggle_action)
        self.scale_menu = view.addMenu("UI &Scale")
        self.scale_menu.addActions(list(self.scale_actions.values()))
        self.focus_menu = view.addMenu("F&ocus")
        self.focus_menu.addActions(list(self.focus_actions.values()))
        self.focus_menu.addSeparator()
        self.focus_menu.addAction(self.cycle_focus_action)
        view.addAction(self.black_action)
        view.addAction(self.leave_action)
        self.clicker_menu = view.addMenu("Presenter &Clicker")
        self.clicker_menu.addActions([self.clicker_step_action, self.clicker_play_action])

    @staticmethod
    def _add_keys(action: QAction, key: str) -> None:
        keys = list(action.shortcuts())
        if QKeySequence(key) not in keys:
            action.setShortcuts([*keys, QKeySequence(key)])

    # -- state --------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return self._saved is not None

    def toggle(self) -> None:
        self.set_active(not self.active)

    def set_active(self, on: bool, *, full_screen: bool = True) -> None:
        if on == self.active:
            self.toggle_action.setChecked(on)
            return
        self.enter(full_screen=full_screen) if on else self.leave()

    def enter(self, *, full_screen: bool = True) -> None:
        """Full screen and enlarged; ``full_screen=False`` keeps the size (--screenshot)."""
        if self.active:
            return
        w = self.window
        view = self._view()
        self._saved = {
            "geometry": w.saveGeometry(),
            "rect": w.geometry(),
            "state": w.saveState(),
            "window_state": w.windowState(),
            "docks": {d: not d.isHidden() for d in w.findChildren(QDockWidget)},
            "status_bar": not w.statusBar().isHidden(),
            "tool_bars": {b: (b.layout().contentsMargins(), b.layout().spacing()) for b in w.findChildren(QToolBar)},
            "central": not self._canvas_widget().isHidden() if self._canvas_widget() else True,
            "app_font": QFont(QApplication.font()),
            "tb_compact": getattr(w.toolbar, "_compact", None),
            "fonts": {},
            "plots": [],
            "view": None if view is None else (view.transform(), view.auto_fit, view.scene().text_scale,
                                               view.mapToScene(view.viewport().rect().center())),
        }
        self._apply_scale()
        w.statusBar().hide()  # its numbers are the OUTPUT panel's big numbers; the room is for them
        if full_screen:
            w.showFullScreen()
        self._set_actions(True)
        screen = w.screen()
        width = screen.geometry().width() if full_screen and screen is not None else w.width()
        # a projector at 1024×768 has no room for the side panels at a readable size
        self.set_focus("everything" if width >= NARROW_WIDTH else "network")
        self.toggled.emit(True)

    def leave(self) -> None:
        """Back to exactly the layout, fonts and zoom from before."""
        if not self.active:
            return
        saved = self._saved
        w = self.window
        self.black_screen.hide()
        self._show_canvas(True)
        self._remove_scale()
        self._saved = None
        w.setWindowState(saved["window_state"])
        w.restoreGeometry(saved["geometry"])
        normal = Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen | Qt.WindowState.WindowMinimized
        if not saved["window_state"] & normal and w.geometry() != saved["rect"]:
            w.setGeometry(saved["rect"])  # some window managers put the frame back off by its title bar
        w.restoreState(saved["state"])
        for dock, visible in saved["docks"].items():
            if dock.isHidden() == visible:
                dock.setVisible(visible)
        canvas = self._canvas_widget()
        if canvas is not None:
            canvas.setVisible(saved["central"])
        w.statusBar().setVisible(saved["status_bar"])
        for bar, (margins, spacing) in saved["tool_bars"].items():
            # applying the style sheet again gives a tool bar its sheet's padding, which the
            # first polish did not: put back the margins it had, so that the layout is the same
            bar.layout().setContentsMargins(margins)
            bar.layout().setSpacing(spacing)
        self._restore_view(saved["view"])
        # geometry changes arrive as resize events later on a real screen: restore again then
        QTimer.singleShot(0, self, lambda: self._restore_view(saved["view"]) if not self.active else None)
        self._set_actions(False)
        self.focus = "everything"
        self.focus_actions["everything"].setChecked(True)
        self.toggled.emit(False)

    def _set_actions(self, on: bool) -> None:
        self.toggle_action.setChecked(on)
        self.leave_action.setEnabled(on)
        for action in (*self.focus_actions.values(), self.cycle_focus_action, self.black_action):
            action.setEnabled(on)

    # -- scale --------------------------------------------------------------------------
    def set_scale(self, percent: int) -> None:
        percent = int(min(max(percent, SCALES[0]), SCALES[-1]))
        self.scale_percent = percent
        if percent in self.scale_actions:
            self.scale_actions[percent].setChecked(True)
        if self.active:
            self._remove_scale()
            self._apply_scale()

    @property
    def factor(self) -> float:
        return self.scale_percent / 100.0

    def _apply_scale(self) -> None:
        saved, f = self._saved, self.factor
        saved["app_font"] = QFont(QApplication.font())
        saved["fonts"] = {}
        # widgets that chose their own font (big numbers, headings) do not follow the app font
        for widget in [self.window, *self.window.findChildren(QWidget)]:
            if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont) and widget is not self.black_screen:
                saved["fonts"][widget] = QFont(widget.font())
        QApplication.setFont(_scaled(saved["app_font"], f))
        _repolish(self.window)
        for widget, font in saved["fonts"].items():
            widget.setFont(_scaled(font, f))
        saved["plots"] = self._scale_plots(f)
        self._refresh_toolbar()
        self._epoch_font = None
        self._scale_epoch_label()

    def _scale_epoch_label(self) -> None:
        """The top bar sets the epoch counter's size itself when it gets narrower or wider
        (e.g. just after going full screen); enlarge whatever size it chose."""
        label = getattr(self.window.toolbar, "epoch_label", None)
        if label is None or not self.active or label.font() == self._epoch_font:
            return
        label.setFont(_scaled(label.font(), self.factor))
        label.setMinimumWidth(QFontMetrics(label.font()).horizontalAdvance("000,000") + 4)
        self._epoch_font = QFont(label.font())

    def _remove_scale(self) -> None:
        saved = self._saved
        QApplication.setFont(saved["app_font"])
        _repolish(self.window)
        self._refresh_toolbar(saved.get("tb_compact"))  # measured as before, then the exact fonts
        for widget, font in saved["fonts"].items():
            try:
                widget.setFont(font)
            except RuntimeError:  # deleted while presenting
                pass
        for undo in reversed(saved["plots"]):
            try:
                undo()
            except RuntimeError:
                pass
        saved["fonts"], saved["plots"] = {}, []

    def _refresh_toolbar(self, compact=None) -> None:
        """The top bar sizes its fields from the font once; have it measure again."""
        tb = self.window.toolbar
        apply = getattr(tb, "_apply_density", None)
        if compact is None:
            compact = getattr(tb, "_compact", None)
        if callable(apply) and isinstance(compact, bool):
            tb._compact = not compact
            apply(compact)

    def _scale_plots(self, f: float) -> list:
        """Tick fonts, axis labels and scatter points of every plot; returns undo callables."""
        try:
            import pyqtgraph as pg
        except ImportError:  # pragma: no cover
            return []
        undo = []
        for plot_widget in self.window.findChildren(pg.PlotWidget):
            item = plot_widget.getPlotItem()
            for entry in item.axes.values():
                axis = entry["item"]
                tick = axis.style.get("tickFont")
                if tick is not None:
                    axis.setStyle(tickFont=_scaled(tick, f))
                    undo.append(lambda a=axis, t=QFont(tick): a.setStyle(tickFont=t))
                if axis.labelText and "font-size" in axis.labelStyle:
                    style = dict(axis.labelStyle)
                    size = str(style["font-size"])
                    number = "".join(ch for ch in size if ch.isdigit() or ch == ".")
                    unit = size[len(number):] or "pt"
                    if number:
                        axis.setLabel(axis.labelText, axis.labelUnits,
                                      **{**style, "font-size": f"{float(number) * f:g}{unit}"})
                        undo.append(lambda a=axis, s=style: a.setLabel(a.labelText, a.labelUnits, **s))
            for data in item.items:
                if isinstance(data, pg.ScatterPlotItem):
                    size = data.opts.get("size")
                    if isinstance(size, (int, float)):
                        data.setSize(size * f)
                        undo.append(lambda d=data, s=size: d.setSize(s))
        return undo

    # -- canvas -------------------------------------------------------------------------
    def _canvas_widget(self) -> QWidget | None:
        return getattr(self.ws, "canvas", None) or self.window.central_canvas

    def _view(self):
        view = getattr(self._canvas_widget(), "view", None)
        return view if view is not None and hasattr(view, "auto_fit") else None

    def _restore_view(self, saved) -> None:
        view = self._view()
        if view is None or saved is None:
            return
        transform, auto_fit, text_scale, centre = saved
        view.setTransform(transform)
        view.centerOn(centre)
        view.auto_fit = auto_fit
        transformed = getattr(view, "_transformed", None)
        if callable(transformed):
            transformed()
        view.scene().set_text_scale(text_scale)

    def _show_canvas(self, visible: bool) -> None:
        canvas = self._canvas_widget()
        if canvas is not None:
            canvas.setVisible(visible)
        centre = self.window.centralWidget()
        if centre is not None:
            centre.setVisible(visible)

    # -- focus layouts ------------------------------------------------------------------
    def set_focus(self, name: str) -> None:
        if name not in self.focus_actions:
            raise KeyError(name)
        self.focus = name
        self.focus_actions[name].setChecked(True)
        if not self.active:
            return
        w = self.window
        saved_docks = self._saved["docks"]
        left = [d for d in saved_docks if w.dockWidgetArea(d) == Qt.DockWidgetArea.LeftDockWidgetArea
                and not d.isFloating()]
        if name == "everything":
            for dock, visible in saved_docks.items():
                if not dock.isFloating():
                    dock.setVisible(visible)
            self._show_canvas(True)
        elif name == "network":
            for dock in left:
                dock.hide()
            w.output_dock.show()
            self._show_canvas(True)
            # the decision region shares the width with the network instead of a narrow strip
            self._widen_output(0.4)
        else:  # the decision region and the loss curve: OUTPUT takes the whole window
            for dock in saved_docks:
                if dock is not w.output_dock and not dock.isFloating():
                    dock.hide()
            w.output_dock.show()
            self._show_canvas(False)

    def _widen_output(self, share: float) -> None:
        def widen():
            w = self.window
            if self.active and self.focus == "network":
                w.resizeDocks([w.output_dock], [int(w.width() * share)], Qt.Orientation.Horizontal)

        widen()
        QTimer.singleShot(0, self, widen)  # again once a window shown just now has its size

    def cycle_focus(self) -> None:
        names = [n for n, _ in FOCUS_LAYOUTS]
        order = names[1:] + names[:1]  # network → region → everything → network …
        self.set_focus(order[(order.index(self.focus) + 1) % len(order)])

    # -- black screen -------------------------------------------------------------------
    def toggle_black(self) -> None:
        if self.black_screen.isVisible():
            self.black_screen.hide()
        else:
            self.black_screen.cover()

    # -- keys in text fields ------------------------------------------------------------
    def _focus_changed(self, _old, new) -> None:
        if self._watched is not None:
            try:
                self._watched.removeEventFilter(self)
            except RuntimeError:  # already deleted
                pass
            self._watched = None
        if _is_text_field(new):
            new.installEventFilter(self)
            self._watched = new

    def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
        if obj is self.window.toolbar:
            if event.type() == QEvent.Type.Resize and self.active:
                QTimer.singleShot(0, self, self._scale_epoch_label)
            return False
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in TEXT_KEYS \
                and _is_text_field(QApplication.focusWidget()):
            event.accept()  # the text field keeps the key; the window's shortcut stays quiet
            return True
        return False
