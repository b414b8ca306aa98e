"""Presentation mode: the window as a teacher projects it in class.

``PresentationMode(window, ws)`` adds to the View menu

* **Presentation Mode** (F5, or ``--presentation`` on the command line): full screen, and
  every font — the application font, the top bar's big numbers, the plots' ticks and axis
  labels — and the decision region's data points enlarged by the **UI Scale** (150 % by
  default, 100–250 % from View ▸ UI Scale). The canvas follows the scale too: outlines,
  edges and the smallest label size grow, and a small network may be magnified further
  (``gui.canvas.style.set_ui_scale``). Escape (or F5 again) leaves it and puts back
  exactly what was there before: window geometry and state, dock layout and visibility,
  fonts, plot styles, the canvas's line widths and zoom. The theme (View ▸ Theme, see
  :mod:`gui.appearance`) is independent and may change while presenting.
* **Fitting a projector.** The enlarged top bar must fit the window: its least used
  controls give way one at a time (regularization rate, regularization, speed, batch
  size, epochs/s, loss, optimizer), never the transport, epoch or learning rate. OUTPUT
  drops its hover line and, when still too tall, its legends and check boxes; the loss
  curve keeps a minimum height. Large text on a narrow window starts in the *Network and
  decision region* layout (below 1400 px at 150 %, proportionally more at larger scales).
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

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QFont, QFontMetrics, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from gui.i18n import translate

SCALES = (100, 125, 150, 175, 200, 250)
DEFAULT_SCALE = 150
FOCUS_LAYOUTS = (
    ("everything", QT_TRANSLATE_NOOP("PresentationMode", "&Everything")),
    ("network", QT_TRANSLATE_NOOP("PresentationMode", "&Network and Decision Region")),
    ("region", QT_TRANSLATE_NOOP("PresentationMode", "&Decision Region and Loss")),
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


def _content_width(dock) -> int:
    """The width a dock needs to show its scrolled panel without cutting its right edge."""
    from PySide6.QtWidgets import QScrollArea

    area = dock.widget() if isinstance(dock.widget(), QScrollArea) else dock.findChild(QScrollArea)
    if area is None or area.widget() is None:
        return 0
    return (area.widget().minimumSizeHint().width() + area.verticalScrollBar().sizeHint().width()
            + 2 * area.frameWidth() + 4)


def _scaled(font: QFont, factor: float) -> QFont:
    font = QFont(font)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    elif font.pixelSize() > 0:
        font.setPixelSize(max(1, round(font.pixelSize() * factor)))
    return font


def _coarse_ticks(axis) -> None:
    """Only as many ticks as the axis's (enlarged) labels have room for: pyqtgraph always
    labels its first tick level, which on a short axis with large text overlaps."""
    import math

    original = type(axis).tickSpacing.__get__(axis)

    def spacing(lo: float, hi: float, size: float):
        levels = original(lo, hi, size)
        if not levels or size <= 0:
            return levels
        fm = QFontMetrics(axis.style.get("tickFont") or axis.font())
        vertical = axis.orientation in ("left", "right")

        def room(step: float) -> float:
            if vertical:
                return fm.height() * 1.5
            first = math.ceil(min(lo, hi) / step) * step
            values = [first + i * step for i in range(int(abs(hi - lo) / step) + 1)][:50]
            labels = axis.tickStrings(values, axis.scale, step) if values else ["0"]
            return max(fm.horizontalAdvance(t) for t in labels) + fm.averageCharWidth() * 1.5

        major = levels[0][0]
        while major > 0 and abs(hi - lo) / major * room(major) > size:
            k = 10.0 ** math.floor(math.log10(major))
            m = round(major / k, 6)
            major = (2.0 if m < 2 else 5.0 if m < 5 else 10.0) * k
        return [(major, 0.0)]

    axis.tickSpacing = spacing
    axis.picture = None
    axis.update()


def _fine_ticks(axis) -> None:
    axis.__dict__.pop("tickSpacing", None)
    axis.picture = None
    axis.update()


def _repolish(window: QWidget) -> None:
    """A new application font reaches widgets with a style sheet of their own only once
    the style sheet is applied again."""
    QApplication.sendPostedEvents(None, 0)  # the font change itself is posted
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
        # View ▸ Theme and View ▸ Colours come just before the presentation entries
        from gui.appearance import Appearance

        self.appearance = Appearance(window, ws)
        if ws is not None:
            ws.appearance = self.appearance
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
            "presentation", translate("PresentationMode", "Presentation &Mode"),
            lambda on: self.set_active(on), ["F5"],
            translate("PresentationMode", "Full screen with large text for a projector (Escape leaves it)"),
        )
        self.toggle_action.setCheckable(True)
        self.leave_action = self._action(
            "leave_presentation", translate("PresentationMode", "Lea&ve Presentation Mode"),
            lambda: self.set_active(False), ["Esc"])
        self.leave_action.setEnabled(False)

        self.scale_group = QActionGroup(self)
        self.scale_actions: dict[int, QAction] = {}
        for percent in SCALES:
            action = self._action(f"ui_scale_{percent}",
                                  translate("PresentationMode", "{percent} %").format(percent=percent),
                                  lambda _on=False, p=percent: self.set_scale(p))
            action.setCheckable(True)
            action.setChecked(percent == self.scale_percent)
            self.scale_group.addAction(action)
            self.scale_actions[percent] = action

        self.focus_group = QActionGroup(self)
        self.focus_actions: dict[str, QAction] = {}
        for name, text in FOCUS_LAYOUTS:
            action = self._action(f"focus_{name}", translate("PresentationMode", text),
                                  lambda _on=False, n=name: self.set_focus(n))
            action.setCheckable(True)
            action.setChecked(name == self.focus)
            self.focus_group.addAction(action)
            self.focus_actions[name] = action
        self.cycle_focus_action = self._action(
            "focus_next", translate("PresentationMode", "Next &Focus Layout"), self.cycle_focus, ["F6"],
            translate("PresentationMode", "Network · decision region and loss · everything"))
        self.black_action = self._action(
            "black_screen", translate("PresentationMode", "&Black Screen"), self.toggle_black, ["B"],
            translate("PresentationMode", "Blank the projector; any key or click brings the window back"))
        for action in (*self.focus_actions.values(), self.cycle_focus_action, self.black_action):
            action.setEnabled(False)

        # presenter clickers: PageDown steps, PageUp plays/pauses; ? opens the shortcuts
        self.clicker_step_action = self._action(
            "clicker_step", translate("PresentationMode", "&Step One Epoch"), w.step_action.trigger, ["PgDown"],
            translate("PresentationMode", "Train one epoch (a clicker's Next button)"))
        self.clicker_play_action = self._action(
            "clicker_play", translate("PresentationMode", "&Play / Pause"), w.play_action.trigger, ["PgUp"],
            translate("PresentationMode", "Start or pause training (a clicker's Back button)"))
        self._add_keys(w.shortcuts_action, "?")

        view = w.view_menu
        view.addSeparator()
        view.addAction(self.toggle_action)
        self.scale_menu = view.addMenu(translate("PresentationMode", "UI &Scale"))
        self.scale_menu.addActions(list(self.scale_actions.values()))
        self.focus_menu = view.addMenu(translate("PresentationMode", "Foc&us"))
        self.focus_menu.addActions(list(self.focus_actions.values()))
        self.focus_menu.addSeparator()
        self.focus_menu.addAction(self.cycle_focus_action)
        view.addAction(self.black_action)
        view.addAction(self.leave_action)
        self.clicker_menu = view.addMenu(translate("PresentationMode", "Presenter Clic&ker"))
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
        # a projector at 1024×768 (or large text on 1920×1080) has no room for the side
        # panels at a readable size
        roomy = width >= NARROW_WIDTH * max(1.0, self.scale_percent / DEFAULT_SCALE)
        self.set_focus("everything" if roomy else "network")
        if not full_screen and w.size() != self._saved["rect"].size():
            # panels that were on screen while the text grew pushed the window larger
            w.layout().activate()
            w.resize(self._saved["rect"].size())
        self.toggled.emit(True)

    def leave(self) -> None:
        """Back to exactly the layout, fonts and zoom from before."""
        if not self.active:
            return
        saved = self._saved
        w = self.window
        self.black_screen.hide()
        self._show_canvas(True)
        loss = getattr(getattr(self.ws, "output_panel", None), "loss_section", None)
        if loss is not None:
            loss.show()
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
        self._restore_view(saved["view"])
        self._set_actions(False)
        # the font changes are posted: once they have arrived, the top bar measures itself
        # again (restoring the dock layout resized it while it still had the larger fonts)
        self._settle(saved)
        # geometry changes arrive as resize events later on a real screen: restore again then
        QTimer.singleShot(0, self, lambda: self._settle(saved))
        self.focus = "everything"
        self.focus_actions["everything"].setChecked(True)
        self.toggled.emit(False)

    def _settle(self, saved: dict) -> None:
        """Once the smaller fonts' minimum sizes have arrived, the dock sizes and the
        canvas view once more (enlarged panels held the splitters apart until then)."""
        if self.active:
            return
        QApplication.sendPostedEvents()
        measure = getattr(self.window.toolbar, "_measure_densities", None)
        if callable(measure):  # now that every font change has arrived
            measure()
            self._refresh_toolbar(saved.get("tb_compact"))
            for widget, font in saved.get("restored_fonts", {}).items():
                try:
                    widget.setFont(font)
                except RuntimeError:
                    pass
        self._refit_legends()
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.window.restoreState(saved["state"])
        self._restore_view(saved["view"])

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
        self._scaling = True  # a refit queued by a resize must not run half-way (see _refit)
        try:
            self._apply_scale_now()
        finally:
            self._scaling = False

    def _apply_scale_now(self) -> None:
        saved, f = self._saved, self.factor
        size = self.window.size()  # larger text asks for more room for a moment (see below)
        saved["app_font"] = QFont(QApplication.font())
        saved["fonts"] = {}
        # widgets that chose their own font (big numbers, headings) do not follow the app font
        for widget in [self.window, *self.window.findChildren(QWidget)]:
            if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont) and widget is not self.black_screen:
                saved["fonts"][widget] = QFont(widget.font())
        QApplication.setFont(_scaled(saved["app_font"], f))
        _repolish(self.window)
        self.appearance.restyle_window()  # re-polishing put back the docks' first colours
        for widget, font in saved["fonts"].items():
            widget.setFont(_scaled(font, f))
        saved["plots"] = self._scale_plots(f)
        self._refresh_toolbar()
        saved["panels"] = self._fit_panels(f)
        self._refit_legends()
        saved["toolbar"] = self._enlarge_toolbar(f)
        self._fit_toolbar(size.width())
        self._fit_output(size.height())
        self._scale_canvas(f)
        if not self.window.isFullScreen() and self.window.size() != size:
            # the bar at full width pushed the window wider before it was fitted
            self.window.layout().activate()
            self.window.resize(size)

    # -- fitting the top bar and the panels -------------------------------------------------
    def _toolbar_boxes(self) -> list[QWidget]:
        """The top bar's captioned controls in the order they give way when the enlarged
        bar is too wide: the least used first; the epoch, learning rate and transport stay."""
        tb = self.window.toolbar
        by_widget = {getattr(box, "widget", None): box for box in getattr(tb, "_controls", [])}
        order = [getattr(tb, name, None) for name in (
            "regularization_rate_combo", "regularization_combo", "speed_combo", "batch_size_spin")]
        boxes = [by_widget[w] for w in order if w in by_widget]
        speed = getattr(tb, "_speed_box", None)  # epochs/s: the OUTPUT panel shows it too
        if speed is not None:
            boxes.append(speed)
        for name in ("loss_combo", "optimizer_combo"):
            w = getattr(tb, name, None)
            if w in by_widget:
                boxes.append(by_widget[w])
        return boxes

    def _enlarge_toolbar(self, f: float) -> list:
        """Taller fields for the larger text; returns undo callables."""
        from PySide6.QtWidgets import QLabel

        tb = self.window.toolbar
        undo = []
        for box in getattr(tb, "_controls", []):
            widget = getattr(box, "widget", None)
            if widget is None or isinstance(widget, QLabel):
                continue
            lo, hi = widget.minimumHeight(), widget.maximumHeight()
            widget.setFixedHeight(max(lo, round(QFontMetrics(widget.font()).height() * 1.45 + 6)))
            undo.append(lambda w=widget, lo=lo, hi=hi: (w.setMinimumHeight(lo), w.setMaximumHeight(hi)))
        boxes = self._toolbar_boxes()
        self._toolbar_shown = {box: not box.isHidden() for box in boxes}
        undo.append(lambda shown=dict(self._toolbar_shown): [b.setVisible(v) for b, v in shown.items()])
        return undo

    def _toolbar_room(self, window_width: int) -> int:
        """Width the top bar's widget gets in a window ``window_width`` wide."""
        bar = self.window.top_bar
        m = bar.layout().contentsMargins() if bar.layout() is not None else None
        frame = bar.width() - bar.contentsRect().width() + (m.left() + m.right() if m is not None else 0)
        return max(0, window_width - frame - 8)

    def _fit_toolbar(self, window_width: int | None = None) -> None:
        """Hide the least used controls, one at a time, until the enlarged bar fits the
        window (nothing clipped, nothing squeezed); the epoch counter is enlarged last."""
        if not self.active or getattr(self, "_fitting", False):
            return
        tb = self.window.toolbar
        measure, apply = getattr(tb, "_measure_densities", None), getattr(tb, "_apply_density", None)
        if not callable(measure) or not callable(apply):
            self._epoch_font = None
            self._scale_epoch_label()
            return
        self._fitting = True
        size = self.window.size()
        try:
            room = self._toolbar_room(self.window.width() if window_width is None else window_width)
            boxes = [b for b in self._toolbar_boxes() if getattr(self, "_toolbar_shown", {}).get(b, False)]
            for hidden in range(len(boxes) + 1):
                for i, box in enumerate(boxes):
                    box.setVisible(i >= hidden)
                measure()
                tb._compact = None
                apply(room < tb._wide_min_width)
                self._epoch_font = None
                self._scale_epoch_label()
                epoch_box = getattr(tb, "_epoch_box", None)
                if epoch_box is not None and epoch_box.layout() is not None:
                    epoch_box.layout().invalidate()  # the enlarged counter's new minimum width
                    epoch_box.layout().activate()
                tb.layout().invalidate()
                tb.layout().activate()
                if tb.layout().minimumSize().width() <= room:
                    break
            if not self.window.isFullScreen() and self.window.size() != size:
                self.window.resize(size)  # trying the wider bars pushed the window wider
        finally:
            self._fitting = False

    def _fit_panels(self, f: float) -> list:
        """OUTPUT on a projector: room for the loss curve, no hover line (a pointer on
        a projected plot helps nobody at the back); returns undo callables."""
        panel = getattr(self.ws, "output_panel", None)
        undo = []
        if panel is None:
            return undo
        loss = getattr(panel, "loss_plot", None)
        if loss is not None:
            old = loss.minimumHeight()
            loss.setMinimumHeight(max(old, round(60 * f)))
            undo.append(lambda w=loss, h=old: w.setMinimumHeight(h))
        readout = getattr(panel, "readout", None)
        if readout is not None:
            shown = not readout.isHidden()
            readout.hide()
            undo.append(lambda w=readout, v=shown: w.setVisible(v))
        # what gives way, in this order, when OUTPUT is taller than the screen (1024×768)
        self._output_spare = [w for w in (getattr(panel, n, None) for n in (
            "loss_legend", "show_test", "discretize", "log_scale", "show_accuracy")) if w is not None]
        shown_spare = {w: not w.isHidden() for w in self._output_spare}
        undo.append(lambda s=shown_spare: [w.setVisible(v) for w, v in s.items()])
        return undo

    def _fit_output(self, window_height: int) -> None:
        """Hide OUTPUT's least needed rows until it fits a window ``window_height`` tall."""
        panel = getattr(self.ws, "output_panel", None)
        spare = getattr(self, "_output_spare", [])
        if panel is None or not self.active or not spare:
            return
        for w in spare:
            w.setVisible(True)
        overhead = self.window.height() - panel.height()
        budget = window_height - overhead
        for w in spare:
            panel.layout().invalidate()
            panel.layout().activate()
            if panel.minimumSizeHint().height() <= budget:
                break
            w.setVisible(False)

    def _scale_canvas(self, f: float) -> None:
        """Neurons (through the largest fit zoom), outlines, edges and labels of the canvas
        follow the UI scale."""
        from gui.canvas import style

        canvas = self._canvas_widget()
        if style.set_ui_scale(f) and callable(getattr(canvas, "restyle", None)):
            canvas.restyle()

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
        self._scaling = True
        try:
            self._remove_scale_now()
        finally:
            self._scaling = False

    def _refit(self) -> None:
        """The window's width changed while presenting (e.g. it went full screen)."""
        if self.active and not getattr(self, "_scaling", False):
            self._fit_toolbar()
            screen = self.window.screen()
            full = self.window.isFullScreen() and screen is not None
            self._fit_output(screen.geometry().height() if full else self.window.height())

    def _remove_scale_now(self) -> None:
        saved = self._saved
        QApplication.setFont(saved["app_font"])
        _repolish(self.window)
        self.appearance.restyle_window()  # re-polishing put back the docks' first colours
        for undo in reversed(saved.pop("toolbar", []) + saved.pop("panels", [])):
            try:
                undo()
            except RuntimeError:  # deleted while presenting
                pass
        self._scale_canvas(1.0)

        def restore_fonts():
            for widget, font in saved["fonts"].items():
                try:
                    widget.setFont(font)
                except RuntimeError:  # deleted while presenting
                    pass

        restore_fonts()
        # the bar measures its two densities again with every caption at its old size, then
        # takes the density it had; the exact fonts after that (the bar sets some itself)
        measure = getattr(self.window.toolbar, "_measure_densities", None)
        if callable(measure):
            measure()
        self._refresh_toolbar(saved.get("tb_compact"))
        restore_fonts()
        for undo in reversed(saved["plots"]):
            try:
                undo()
            except RuntimeError:
                pass
        saved["restored_fonts"] = saved["fonts"]
        saved["fonts"], saved["plots"] = {}, []
        self._refit_legends()

    def _refit_legends(self) -> None:
        """The legends under the plots size themselves from the font on a resize, which a
        font change alone does not send."""
        panel = getattr(self.ws, "output_panel", None)
        update = getattr(panel, "_update_loss_legend", None)
        if callable(update):
            update()
        fit = getattr(getattr(panel, "legend", None), "_fit_height", None)
        if callable(fit):
            fit()

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
            fit = getattr(plot_widget, "fit_label_room", None)
            if callable(fit):  # after the fonts below (undone in reverse order: after theirs too)
                undo.append(fit)
            for entry in item.axes.values():
                axis = entry["item"]
                tick = axis.style.get("tickFont")
                if tick is not None:
                    axis.setStyle(tickFont=_scaled(tick, f))
                    undo.append(lambda a=axis, t=QFont(tick): a.setStyle(tickFont=t))
                    _coarse_ticks(axis)  # larger labels need fewer of them
                    undo.append(lambda a=axis: _fine_ticks(a))
                if axis.labelText and "font-size" in axis.labelStyle:
                    style = dict(axis.labelStyle)
                    size = str(style["font-size"])
                    number = "".join(ch for ch in size if ch.isdigit() or ch == ".")
                    unit = size[len(number):] or "pt"
                    if number:
                        axis.setLabel(axis.labelText, axis.labelUnits,
                                      **{**style, "font-size": f"{float(number) * f:g}{unit}"})
                        # only the size goes back: the colour may have changed with the theme
                        undo.append(lambda a=axis, s=style["font-size"]: a.setLabel(
                            a.labelText, a.labelUnits, **{**a.labelStyle, "font-size": s}))
            for data in item.items:
                if isinstance(data, pg.ScatterPlotItem):
                    size = data.opts.get("size")
                    if isinstance(size, (int, float)):
                        # a little slower than the text: 500 points must not merge into a blot
                        data.setSize(round(size * f ** 0.75, 1))
                        undo.append(lambda d=data, s=size: d.setSize(s))
            if callable(fit):
                fit()
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
        loss = getattr(getattr(self.ws, "output_panel", None), "loss_section", None)
        if loss is not None:  # "network and decision region": the region gets the loss curve's room
            loss.setVisible(name != "network")
        saved_docks = self._saved["docks"]
        left = [d for d in saved_docks if w.dockWidgetArea(d) == Qt.DockWidgetArea.LeftDockWidgetArea
                and not d.isFloating()]
        if name == "everything":
            for dock, visible in saved_docks.items():
                if not dock.isFloating():
                    dock.setVisible(visible)
            self._show_canvas(True)
            self._widen_side_panels()
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

    def _widen_side_panels(self) -> None:
        """The side panels get wider with the text, up to about a third of the window each."""
        w, f = self.window, self.factor
        if f <= 1.0:
            return
        left = [d for d in (w.data_dock, w.features_dock) if d.isVisible() and not d.isFloating()]
        docks, widths = [], []
        if left:
            docks.append(left[0])
            # at least what the panel's content needs beside its scroll bar (the DATA
            # panel's seed row at 150 %), up to a third of the window
            need = max((_content_width(d) for d in left), default=0)
            widths.append(int(min(max(0.28 * w.width(), need), 0.34 * w.width(), max(left[0].width(), 240 * f, need))))
        if w.output_dock.isVisible() and not w.output_dock.isFloating():
            docks.append(w.output_dock)
            widths.append(int(min(0.32 * w.width(), max(w.output_dock.width(), 300 * f))))
        if docks:
            w.resizeDocks(docks, widths, Qt.Orientation.Horizontal)

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
            if event.type() == QEvent.Type.Resize and self.active and not getattr(self, "_fitting", False):
                QTimer.singleShot(0, self, self._refit)
            return False
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in TEXT_KEYS \
                and _is_text_field(QApplication.focusWidget()):
            event.accept()  # the text field keeps the key; the window's shortcut stays quiet
            return True
        return False
