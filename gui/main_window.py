"""The main window: top bar, DATA/FEATURES docks on the left, OUTPUT on the right, the
network canvas in the middle, metrics in the status bar, and the menus.

The window owns layout and commands, not behaviour. Other modules plug in through

* :meth:`MainWindow.set_central_canvas` — the network canvas (a ``QGraphicsView``),
* :meth:`MainWindow.set_panel` — the contents of the DATA, FEATURES and OUTPUT docks,
* :attr:`MainWindow.toolbar` — the :class:`~gui.toolbar.TrainingToolbar` signals,
* :attr:`MainWindow.undo_stack` — every document edit is pushed here,
* the file signals ``new_requested``, ``open_requested(path)``, ``save_requested``,
  ``save_as_requested(path)``; their actions stay disabled until a document controller
  calls :meth:`MainWindow.set_file_actions_enabled`.

Zoom, Fit and Delete act on the central canvas: a canvas that has ``zoom_in``,
``zoom_out``, ``fit`` or ``delete_selected`` methods gets them called; a plain
``QGraphicsView`` is scaled directly.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QByteArray, QPointF, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QKeySequence, QPainter, QPen, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QFrame,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.formatting import format_count, format_loss as _format_loss
from gui.i18n import QT_TRANSLATE_NOOP, translate
from gui.icons import icon
from gui.live_label import LiveLabel
from gui.toolbar import TrainingToolbar, speed_label, speed_tip
from gui.training.worker import SPEEDS

SETTINGS_ORGANIZATION = "Neurona"
SETTINGS_APPLICATION = "Neurona"
#: Bump when docks are added or renamed, so an old saved layout is ignored, not misapplied.
STATE_VERSION = 1
DEFAULT_SIZE = QSize(1600, 1000)
ZOOM_STEP = 1.25
#: translation marker (context "MainWindow"): translate it where a dialog shows it
NETWORK_FILE_FILTER = QT_TRANSLATE_NOOP("MainWindow", "Neurona networks (*.neurona *.json);;All files (*)")


def format_loss(value: float | None) -> str:
    """A loss for the status bar; NaN or ∞ say that training diverged."""
    text = _format_loss(value, nan="NaN")
    if text in ("NaN", "∞"):
        return translate("MainWindow", "{loss} (diverged)").format(loss=text)
    return text


class CanvasPlaceholder(QGraphicsView):
    """The empty canvas shown until the network canvas is installed: a quiet dot grid."""

    GRID = 24

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("canvasPlaceholder")
        self.setScene(QGraphicsScene(-600, -400, 1200, 800, self))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setBackgroundBrush(QColor(theme.COLORS.canvas))

    def drawBackground(self, painter, rect):  # noqa: N802 (Qt override)
        painter.fillRect(rect, self.backgroundBrush())
        step = self.GRID
        left = math.floor(rect.left() / step) * step
        top = math.floor(rect.top() / step) * step
        points = []
        y = top
        while y <= rect.bottom():
            x = left
            while x <= rect.right():
                points.append(QPointF(x, y))
                x += step
            y += step
        pen = QPen(QColor(theme.COLORS.canvas_grid))
        pen.setWidthF(2.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawPoints(points)


class TopBar(QToolBar):
    """The tool bar holding the training controls: flat, in the surface colour, with a
    line below (Fusion would draw a gradient)."""

    def __init__(self, title: str, parent=None):
        super().__init__(title, parent)
        theme.set_role(self, "top-bar")

    def paintEvent(self, event):  # noqa: N802 (Qt override)
        c = theme.COLORS
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(c.surface))
        width = max(1, round(c.line_scale))
        painter.fillRect(0, self.height() - width, self.width(), width, QColor(c.border))


class DockTitleBar(QWidget):
    """A dock title in Playground's style (bold spaced capitals) with float/close buttons."""

    def __init__(self, dock: QDockWidget):
        super().__init__(dock)
        self.setObjectName("dockTitleBar")
        theme.set_role(self, "dock-title")
        self.label = QLabel(dock.windowTitle())
        theme.set_role(self.label, "heading")
        self.label.setFont(theme.heading_font())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 10, 6, 6)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addStretch(1)
        self.float_button = self._button("float", translate("DockTitleBar", "Detach this panel into its own window"))
        self.close_button = self._button(
            "close", translate("DockTitleBar", "Hide this panel (show it again from the View menu)")
        )
        layout.addWidget(self.float_button)
        layout.addWidget(self.close_button)
        self.float_button.clicked.connect(lambda: dock.setFloating(not dock.isFloating()))
        self.close_button.clicked.connect(dock.close)
        dock.windowTitleChanged.connect(self.label.setText)

    def _button(self, name: str, tooltip: str) -> QToolButton:
        button = QToolButton(self)
        theme.set_role(button, "title")
        button.setIcon(icon(name, theme.COLORS.muted))
        button.setIconSize(QSize(16, 16))
        button.setAutoRaise(True)
        button.setToolTip(tooltip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button


class PanelPlaceholder(QWidget):
    """Dock content until the real panel is installed: a short muted note."""

    def __init__(self, text: str, parent=None):
        super().__init__(parent)
        label = QLabel(text)
        theme.set_role(label, "placeholder")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(label)


class ShortcutsDialog(QDialog):
    """Help ▸ Keyboard shortcuts: every menu action that has a shortcut, grouped by menu."""

    def __init__(self, menus: list[QMenu], parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("ShortcutsDialog", "Keyboard shortcuts"))
        separator = translate("ShortcutsDialog", "  or  ")
        rows: list[tuple[str, str] | str] = []
        for menu in menus:
            entries = []
            for action, label in _walk_labelled(menu):
                keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
                if keys:
                    entries.append((label, separator.join(keys)))
            if entries:
                rows.append(menu.title().replace("&", ""))
                rows.extend(entries)
        table = QTableWidget(len(rows), 2, self)
        table.horizontalHeader().hide()
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setShowGrid(False)
        table.setFrameShape(QFrame.Shape.NoFrame)
        heading = theme.heading_font()
        for r, row in enumerate(rows):
            if isinstance(row, str):
                item = QTableWidgetItem(row)
                item.setFont(heading)
                table.setItem(r, 0, item)
                table.setSpan(r, 0, 1, 2)
            else:
                table.setItem(r, 0, QTableWidgetItem(row[0]))
                keys = QTableWidgetItem(row[1])
                keys.setForeground(QColor(theme.COLORS.accent_pressed))
                table.setItem(r, 1, keys)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(30)
        for r, row in enumerate(rows):
            if isinstance(row, str) and r:
                table.setRowHeight(r, 42)  # air above each menu's heading
        table.setStyleSheet("QTableWidget::item { padding: 0 12px; }")
        self.table = table
        self.shortcut_count = sum(1 for row in rows if not isinstance(row, str))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        rows_height = sum(table.rowHeight(r) for r in range(table.rowCount()))
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        # wide enough for the longest command and keys (key names are long in some
        # languages: "Control+Mayúsculas+Z"), within the screen
        fm = table.fontMetrics()
        entries = [row for row in rows if not isinstance(row, str)]
        names = max((fm.horizontalAdvance(name) for name, _ in entries), default=0)
        keys = max((fm.horizontalAdvance(k) for _, k in entries), default=0)
        width = names + keys + 4 * 12 + 2 * 12 + table.verticalScrollBar().sizeHint().width() + 24
        self.resize(min(max(480, width), int(screen.width() * 0.9)),
                    min(rows_height + 70, int(screen.height() * 0.9)))


def _walk_actions(menu: QMenu):
    """Yield every command in ``menu`` and its submenus."""
    for action, _label in _walk_labelled(menu):
        yield action


def _walk_labelled(menu: QMenu, prefix: str = ""):
    """Yield ``(action, label)``; a submenu's commands read "Panels ▸ Data"."""
    for action in menu.actions():
        if action.menu() is not None:
            sub_prefix = f"{prefix}{action.text().replace('&', '')} ▸ "
            yield from _walk_labelled(action.menu(), sub_prefix)
        elif not action.isSeparator():
            yield action, prefix + action.text().replace("&", "")


class MainWindow(QMainWindow):
    """Neurona's main window. See the module docstring for how other modules plug in."""

    #: the window is closing: stop background work (training threads) now
    about_to_close = Signal()
    new_requested = Signal()
    open_requested = Signal(str)
    save_requested = Signal()
    save_as_requested = Signal(str)

    def __init__(self, *, persist_settings: bool = True, parent: QWidget | None = None,
                 undo_stack: QUndoStack | None = None):
        super().__init__(parent)
        self.setWindowTitle("Neurona")
        self.setObjectName("mainWindow")
        self.setWindowIcon(theme.app_icon())
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowNestedDocks
        )
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self._persist = persist_settings
        self._layout_restored = False
        self._first_show_done = False
        #: A file named on the command line, to be opened once a document controller listens.
        self.initial_file: Path | None = None

        # (a window rebuilt in another language takes over the previous one's history)
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.undo_stack.setParent(self)

        self.toolbar = TrainingToolbar(self)
        self.top_bar = TopBar(translate("MainWindow", "Training"), self)
        self.top_bar.setObjectName("trainingToolBar")
        self.top_bar.setMovable(False)
        self.top_bar.setFloatable(False)
        self.top_bar.toggleViewAction().setVisible(False)
        self.top_bar.addWidget(self.toolbar)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.top_bar)

        # The middle: a message bar for problems (divergence, a network that cannot learn
        # the data) above the canvas.
        self._centre = QWidget(self)
        centre_layout = QVBoxLayout(self._centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        self.problem_bar = QLabel(self._centre)
        self.problem_bar.setObjectName("problemBar")
        self.problem_bar.setWordWrap(True)
        self.problem_bar.setStyleSheet(
            "#problemBar { background: #fff4e5; color: #5d3a00; border-bottom: 2px solid #f59322;"
            " padding: 10px 16px; font-size: 11pt; }"
        )
        self.problem_bar.hide()
        centre_layout.addWidget(self.problem_bar)
        self._central_canvas: QWidget = CanvasPlaceholder(self._centre)
        centre_layout.addWidget(self._central_canvas, 1)
        self.setCentralWidget(self._centre)

        self.data_dock = self._make_dock(
            translate("MainWindow", "DATA"), "dataDock",
            translate("MainWindow", "Data sets and their settings appear here."),
        )
        self.features_dock = self._make_dock(
            translate("MainWindow", "FEATURES"), "featuresDock", translate("MainWindow", "Input features appear here.")
        )
        self.output_dock = self._make_dock(
            translate("MainWindow", "OUTPUT"), "outputDock",
            translate("MainWindow", "The decision region and loss curves appear here."),
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.data_dock)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.features_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.output_dock)
        self.splitDockWidget(self.data_dock, self.features_dock, Qt.Orientation.Vertical)

        # (a LiveLabel: a new epoch every frame repaints it without re-laying out the window)
        self.metrics_label = LiveLabel(sample=self._metrics_text("000,000", "0.0000", "0.0000"))
        self.metrics_label.setObjectName("metricsLabel")
        self.statusBar().addWidget(self.metrics_label, 1)
        self.statusBar().setSizeGripEnabled(False)
        theme.set_role(self.statusBar(), "status-bar")
        self.show_metrics(0, None, None)

        self._create_actions()
        self._create_menus()
        self.set_file_actions_enabled(False)
        self._update_canvas_actions()

        self._default_state = self.saveState(STATE_VERSION)
        self.resize(self._default_size())
        if self._persist:
            self.restore_settings()

    # -- construction -----------------------------------------------------------------
    def _make_dock(self, title: str, object_name: str, placeholder: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(object_name)
        dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        dock.setTitleBarWidget(DockTitleBar(dock))
        # Panels are white cards; the window grey shows only in the gutters between them.
        palette = dock.palette()
        palette.setColor(palette.ColorRole.Window, QColor(theme.COLORS.surface))
        dock.setPalette(palette)
        dock.setAutoFillBackground(True)
        dock.setWidget(PanelPlaceholder(placeholder))
        dock.setMinimumWidth(220)
        return dock

    def _action(self, name, text, slot=None, *, shortcuts=(), icon_name=None, tip=None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"action_{name}")
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcuts:
            action.setShortcuts([QKeySequence(s) if isinstance(s, str) else QKeySequence(s) for s in shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        if slot is not None:
            action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even while the menu bar is hidden
        return action

    def _create_actions(self) -> None:
        K = QKeySequence.StandardKey
        tb = self.toolbar
        # File
        self.new_action = self._action(
            "new", translate("MainWindow", "&New"), self.new_requested.emit,
            shortcuts=[K.New], icon_name="new", tip=translate("MainWindow", "Start a new network"),
        )
        self.open_action = self._action(
            "open", translate("MainWindow", "&Open…"), self._open_file,
            shortcuts=[K.Open], icon_name="open", tip=translate("MainWindow", "Open a saved network"),
        )
        self.save_action = self._action(
            "save", translate("MainWindow", "&Save"), self.save_requested.emit,
            shortcuts=[K.Save], icon_name="save", tip=translate("MainWindow", "Save the network"),
        )
        self.save_as_action = self._action(
            "save_as", translate("MainWindow", "Save &As…"), self._save_file_as,
            shortcuts=["Ctrl+Shift+S"], tip=translate("MainWindow", "Save the network under a new name"),
        )
        self.export_window_action = self._action(
            "export_window_png", translate("MainWindow", "Window as &Image (PNG)…"), self._export_window_image,
            icon_name="export", tip=translate("MainWindow", "Save a picture of the whole window, e.g. for slides"),
        )
        self.quit_action = self._action(
            "quit", translate("MainWindow", "&Quit"), self.close,
            shortcuts=["Ctrl+Q"], tip=translate("MainWindow", "Quit Neurona"),
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        # Edit
        self.undo_action = self.undo_stack.createUndoAction(self, translate("MainWindow", "&Undo"))
        self.undo_action.setObjectName("action_undo")
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.undo_action.setIcon(icon("undo"))
        self.redo_action = self.undo_stack.createRedoAction(self, translate("MainWindow", "&Redo"))
        self.redo_action.setObjectName("action_redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setIcon(icon("redo"))
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        self.delete_action = self._action("delete", translate("MainWindow", "&Delete"), self._delete_selected,
                                          shortcuts=[K.Delete], icon_name="delete",
                                          tip=translate("MainWindow", "Delete the selected neurons, layers or links"))

        # View
        self.zoom_in_action = self._action("zoom_in", translate("MainWindow", "Zoom &In"), self.zoom_in,
                                           shortcuts=["Ctrl++", "Ctrl+="], icon_name="zoom-in")
        self.zoom_out_action = self._action("zoom_out", translate("MainWindow", "Zoom &Out"), self.zoom_out,
                                            shortcuts=["Ctrl+-"], icon_name="zoom-out")
        self.fit_action = self._action("fit", translate("MainWindow", "&Fit Network"), self.fit_canvas,
                                       shortcuts=["Ctrl+0"], icon_name="fit",
                                       tip=translate("MainWindow", "Zoom so that the whole network is visible"))
        self.restore_layout_action = self._action(
            "restore_layout", translate("MainWindow", "&Restore Panel Layout"), self.restore_default_layout,
            tip=translate("MainWindow", "Put the panels back where they were when Neurona was installed"),
        )

        # Train: the same signals as the top bar buttons
        # (single keys, window-wide: a focused text field keeps Space, R and the arrows)
        self.play_action = self._action(
            "play", translate("MainWindow", "&Play / Pause"), tb.toggle_play,
            shortcuts=["Space"], icon_name="play", tip=translate("MainWindow", "Start or pause training"),
        )
        self.step_action = self._action(
            "step", translate("MainWindow", "&Step One Epoch"), tb.step_requested.emit,
            shortcuts=["Right"], icon_name="step",
            tip=translate("MainWindow", "Train one epoch (one pass over the training data), then pause"),
        )
        self.step_batch_action = self._action(
            "step_batch", translate("MainWindow", "Step One &Batch"), tb.step_batch_requested.emit,
            shortcuts=["Shift+Right"], icon_name="step-batch",
            tip=translate("MainWindow", "Train one mini-batch, then pause"),
        )
        self.reset_action = self._action(
            "reset", translate("MainWindow", "&Reset"), tb.reset_requested.emit,
            shortcuts=["R"], icon_name="reset",
            tip=translate("MainWindow", "Back to the same starting weights (same seed), epoch 0"),
        )
        self.reset_new_seed_action = self._action(
            "reset_new_seed", translate("MainWindow", "Reset with &New Seed"), tb.reset_new_seed_requested.emit,
            shortcuts=["Shift+R"], tip=translate("MainWindow", "New random starting weights (a new seed), epoch 0"),
        )
        self.speed_actions = []
        for level in range(len(SPEEDS)):
            action = self._action(f"speed_{level}", speed_label(level),
                                  lambda _on=False, v=level: tb.choose_speed(v), tip=speed_tip(level))
            action.setCheckable(True)
            self.speed_actions.append(action)
        self.speed_group = QActionGroup(self)
        for action in self.speed_actions:
            self.speed_group.addAction(action)
        self.speed_actions[tb.speed()].setChecked(True)
        tb.speed_changed.connect(lambda level: self.speed_actions[level].setChecked(True))

        # Help
        self.shortcuts_action = self._action(
            "shortcuts", translate("MainWindow", "&Keyboard Shortcuts"), self.show_shortcuts,
            shortcuts=["F1"], icon_name="help",
        )
        self.about_action = self._action("about", translate("MainWindow", "&About Neurona"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        theme.set_role(bar, "menu-bar")
        self.file_menu = bar.addMenu(translate("MainWindow", "&File"))
        self.file_menu.addActions([self.new_action, self.open_action])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.save_action, self.save_as_action])
        self.export_menu = self.file_menu.addMenu(icon("export"), translate("MainWindow", "&Export"))
        self.export_menu.addAction(self.export_window_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.delete_action)

        self.view_menu = bar.addMenu(translate("MainWindow", "&View"))
        self.panels_menu = self.view_menu.addMenu(translate("MainWindow", "&Panels"))
        for dock, key, text in ((self.data_dock, "Ctrl+1", translate("MainWindow", "Data")),
                                (self.features_dock, "Ctrl+2", translate("MainWindow", "Features")),
                                (self.output_dock, "Ctrl+3", translate("MainWindow", "Output"))):
            toggle = dock.toggleViewAction()
            toggle.setText(text)
            toggle.setShortcut(QKeySequence(key))
            toggle.setObjectName(f"action_toggle_{dock.objectName()}")
            self.panels_menu.addAction(toggle)
            self.addAction(toggle)
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.fit_action])
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.restore_layout_action)

        self.train_menu = bar.addMenu(translate("MainWindow", "&Train"))
        self.train_menu.setToolTipsVisible(True)
        self.train_menu.addActions([self.play_action, self.step_action, self.step_batch_action])
        self.train_menu.addSeparator()
        self.train_menu.addActions([self.reset_action, self.reset_new_seed_action])
        self.train_menu.addSeparator()
        self.speed_menu = self.train_menu.addMenu(translate("MainWindow", "Sp&eed"))
        self.speed_menu.setToolTipsVisible(True)
        self.speed_menu.addActions(self.speed_actions)

        self.help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

        self.train_menu.aboutToShow.connect(self._sync_play_action)

    def menus(self) -> list[QMenu]:
        """The top-level menus in menu-bar order."""
        return [self.file_menu, self.edit_menu, self.view_menu, self.train_menu, self.help_menu]

    def find_action(self, name: str) -> QAction:
        """The action called ``action_{name}`` (e.g. ``"play"``, ``"zoom_in"``)."""
        action = self.findChild(QAction, f"action_{name}")
        if action is None:
            raise KeyError(f"no action named {name!r}")
        return action

    # -- plug-in points -----------------------------------------------------------------
    @property
    def central_canvas(self) -> QWidget:
        return self._central_canvas

    def set_central_canvas(self, widget: QWidget) -> QWidget:
        """Install the network canvas in the middle; returns the widget it replaced.

        The old widget is detached, not deleted, so the caller decides its fate.
        """
        old = self._central_canvas
        layout = self._centre.layout()
        if old is not widget:
            layout.removeWidget(old)
            old.setParent(None)
            if isinstance(old, CanvasPlaceholder):
                old.deleteLater()
            layout.addWidget(widget, 1)
        self._central_canvas = widget
        self._update_canvas_actions()
        return old

    def show_problem(self, text: str) -> None:
        """A message above the canvas that stays until the problem is solved."""
        self.problem_bar.setText("⚠  " + text)
        self.problem_bar.show()

    def clear_problem(self) -> None:
        self.problem_bar.hide()

    def show_description(self, text: str, title: str = "") -> None:
        """A quiet line above the canvas: the open document's (example's) title and summary."""
        bar = getattr(self, "description_bar", None)
        if bar is None:
            bar = self.description_bar = QLabel(self._centre)
            bar.setObjectName("descriptionBar")
            bar.setWordWrap(True)
            bar.setTextFormat(Qt.TextFormat.RichText)
            bar.setStyleSheet(
                f"#descriptionBar {{ background: {theme.COLORS.surface}; color: {theme.COLORS.muted};"
                f" border-bottom: 1px solid {theme.COLORS.border}; padding: 6px 16px; font-size: 10.5pt; }}"
            )
            self._centre.layout().insertWidget(0, bar)
        from gui.canvas.labels import escape

        head = f"<b style='color:{theme.COLORS.ink}'>{escape(title)}</b>" if title else ""
        body = escape(text)
        bar.setText(f"{head} &nbsp;—&nbsp; {body}" if head and body else head or body)
        bar.setToolTip(text)
        bar.setVisible(bool(title or text))

    def clear_description(self) -> None:
        bar = getattr(self, "description_bar", None)
        if bar is not None:
            bar.hide()

    def set_panel(self, name: str, widget: QWidget) -> None:
        """Put ``widget`` into the ``"data"``, ``"features"`` or ``"output"`` dock."""
        docks = {"data": self.data_dock, "features": self.features_dock, "output": self.output_dock}
        if name not in docks:
            raise KeyError(f"no panel {name!r}; panels are {', '.join(docks)}")
        old = docks[name].widget()
        docks[name].setWidget(widget)
        if old is not None and old is not widget:
            old.deleteLater()

    def set_file_actions_enabled(self, enabled: bool) -> None:
        """Enable New/Open/Save/Save As once something handles the file signals."""
        for action in (self.new_action, self.open_action, self.save_action, self.save_as_action):
            action.setEnabled(enabled)

    def show_metrics(self, epoch: int, train_loss: float | None, test_loss: float | None) -> None:
        """Status bar: ``Epoch 1,234 · Train loss 0.0123 · Test loss 0.0150``."""
        self.metrics_label.setText(
            self._metrics_text(format_count(epoch), format_loss(train_loss), format_loss(test_loss))
        )

    @staticmethod
    def _metrics_text(epoch: str, train_loss: str, test_loss: str) -> str:
        return translate("MainWindow", "Epoch {epoch}  ·  Train loss {train_loss}  ·  Test loss {test_loss}").format(
            epoch=epoch, train_loss=train_loss, test_loss=test_loss
        )

    # -- canvas commands ----------------------------------------------------------------
    def _canvas_call(self, method: str) -> bool:
        fn = getattr(self._central_canvas, method, None)
        if callable(fn):
            fn()
            return True
        return False

    def _update_canvas_actions(self) -> None:
        self.delete_action.setEnabled(callable(getattr(self._central_canvas, "delete_selected", None)))
        zoomable = isinstance(self._central_canvas, QGraphicsView) or callable(
            getattr(self._central_canvas, "zoom_in", None)
        )
        for action in (self.zoom_in_action, self.zoom_out_action, self.fit_action):
            action.setEnabled(zoomable)

    def zoom_in(self) -> None:
        if not self._canvas_call("zoom_in") and isinstance(self._central_canvas, QGraphicsView):
            self._central_canvas.scale(ZOOM_STEP, ZOOM_STEP)

    def zoom_out(self) -> None:
        if not self._canvas_call("zoom_out") and isinstance(self._central_canvas, QGraphicsView):
            self._central_canvas.scale(1 / ZOOM_STEP, 1 / ZOOM_STEP)

    def fit_canvas(self) -> None:
        if self._canvas_call("fit"):
            return
        view = self._central_canvas
        if isinstance(view, QGraphicsView) and view.scene() is not None:
            bounds = view.scene().itemsBoundingRect()
            if bounds.isEmpty():
                view.resetTransform()
            else:
                view.fitInView(bounds.adjusted(-40, -40, 40, 40), Qt.AspectRatioMode.KeepAspectRatio)

    def _delete_selected(self) -> None:
        self._canvas_call("delete_selected")

    # -- file commands ------------------------------------------------------------------
    def _open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("MainWindow", "Open network"), "", translate("MainWindow", NETWORK_FILE_FILTER)
        )
        if path:
            self.open_requested.emit(path)

    def _save_file_as(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, translate("MainWindow", "Save network as"), "", translate("MainWindow", NETWORK_FILE_FILTER)
        )
        if path:
            self.save_as_requested.emit(path)

    def _export_window_image(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, translate("MainWindow", "Save window image"), "neurona.png",
            translate("MainWindow", "PNG images (*.png)"),
        )
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        if self.grab().save(path, "PNG"):
            self.statusBar().showMessage(translate("MainWindow", "Saved {path}").format(path=path), 5000)
        else:
            QMessageBox.warning(
                self, translate("MainWindow", "Export failed"),
                translate("MainWindow", "Could not write the image to\n{path}").format(path=path),
            )

    # -- train / help -----------------------------------------------------------------
    def _sync_play_action(self) -> None:
        playing = self.toolbar.is_playing()
        self.play_action.setIcon(icon("pause" if playing else "play"))
        self.speed_actions[self.toolbar.speed()].setChecked(True)

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.menus(), self).exec()

    def show_about(self) -> None:
        from gui.app import application_version

        blue_word, orange_word = translate("MainWindow", "blue"), translate("MainWindow", "orange")
        blue = f"<span style='color:{theme.BLUE}'><b>{blue_word}</b></span>"
        orange = f"<span style='color:{theme.ORANGE}'><b>{orange_word}</b></span>"
        paragraphs = [
            translate("MainWindow", "A desktop lab for learning how neural networks work: build a network, "
                      "press Play and watch the weights, the loss and the decision region change."),
            translate("MainWindow", "Colours follow TensorFlow Playground: {blue} for positive values and "
                      "{orange} for negative ones.").format(blue=blue, orange=orange),
            translate("MainWindow", "MIT licence."),
        ]
        QMessageBox.about(
            self,
            translate("MainWindow", "About Neurona"),
            f"<h3>Neurona {application_version()}</h3>" + "".join(f"<p>{p}</p>" for p in paragraphs),
        )

    # -- layout and settings ------------------------------------------------------------
    def _default_size(self) -> QSize:
        """1600×1000, or the whole available screen where that is smaller (a 1366×768 laptop)."""
        screen = self.screen()
        if screen is None:
            return DEFAULT_SIZE
        return DEFAULT_SIZE.boundedTo(screen.availableGeometry().size())

    def _default_dock_widths(self) -> tuple[int, int]:
        width = max(self.width(), 800)
        left = int(min(340, max(230, width * 0.2)))
        right = int(min(440, max(260, width * 0.25)))
        return left, right

    def _apply_default_dock_sizes(self) -> None:
        left, right = self._default_dock_widths()
        self.resizeDocks([self.data_dock, self.output_dock], [left, right], Qt.Orientation.Horizontal)
        height = max(self.height() - 200, 300)
        self.resizeDocks(
            [self.data_dock, self.features_dock], [int(height * 0.62), int(height * 0.38)], Qt.Orientation.Vertical
        )

    def restore_default_layout(self) -> None:
        """Show all panels in their original places and sizes."""
        for dock in (self.data_dock, self.features_dock, self.output_dock):
            dock.setFloating(False)
        self.restoreState(self._default_state, STATE_VERSION)
        for dock in (self.data_dock, self.features_dock, self.output_dock):
            dock.show()
        self._apply_default_dock_sizes()

    def _settings(self) -> QSettings:
        return QSettings(SETTINGS_ORGANIZATION, SETTINGS_APPLICATION)

    def save_settings(self) -> None:
        settings = self._settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState(STATE_VERSION))
        settings.sync()

    def restore_settings(self) -> bool:
        """Restore geometry and dock layout; ``False`` when nothing (valid) was saved."""
        settings = self._settings()
        geometry = settings.value("window/geometry")
        state = settings.value("window/state")
        restored = False
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            restored = self.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self._layout_restored = self.restoreState(state, STATE_VERSION)
        return restored or self._layout_restored

    def showEvent(self, event):  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not self._first_show_done:
            self._first_show_done = True
            if not self._layout_restored:
                self._apply_default_dock_sizes()
                # The layout settles once the window has its real size; size the docks again then.
                QTimer.singleShot(0, self, self._apply_default_dock_sizes)

    def closeEvent(self, event):  # noqa: N802 (Qt override)
        if self._persist:
            self.save_settings()
        self.about_to_close.emit()
        super().closeEvent(event)
