"""The optimizer race window (Train › Optimizer Race…): 2–4 optimizers, one network, one start.

::

    ┌ Race: [network in the main window ▾] [Two-weight demo ▾]   ▶ ⏭ ⏭· ⟲  speed  EPOCH ┐
    │ OPTIMIZERS  ▌[Adam ▾] [0.01 ▾] ✕        │ LOSS SURFACE  [w x₁→out ▾] [b out ▾]      │
    │ LOSS (log)  overlaid curves             │ heat map + contours, each lane's path      │
    ├─────────────────────────────────────────┴────────────────────────────────────────────┤
    │ one card per lane: colour, name, small decision region, loss, accuracy, status,       │
    │ "Use these weights"                                                                    │
    └────────────────────────────────────────────────────────────────────────────────────────┘

The race trains *copies* (:mod:`gui.inside.race_setup`) in a :class:`RaceWorker` thread; this
window only draws its frames. The document changes only through "Use these weights", one
undoable edit. Lane settings are checked by building the engine's ``OptimizerRace`` here
(cheap; no training), so a bad combination shows the engine's message at once.
"""

from __future__ import annotations

import atexit
import math
import re
import time

import numpy as np
from PySide6.QtCore import QSignalBlocker, QSize, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.errors import NeuronaError
from engine.race import OptimizerRace, free_parameters
from engine.training import History
from gui import theme
from gui.formatting import format_count
from gui.i18n import translate
from gui.live_label import LiveLabel
from gui.panels.legends import LineLegend
from gui.panels.widgets import caption, hint, section_heading

from . import race_setup as setup
from .race_lanes import LaneCard, LaneRow
from .race_plots import RaceLossPlot, SurfacePlot, lane_pen_spec
from .race_worker import DEFAULT_SPEED, SPEEDS, RaceFrame, RaceWorker, SurfaceRequest

#: More free parameters than this: only the pictured pair's paths are recorded.
MAX_TRACKED = 64
QUIT_TIMEOUT_MS = 3000
#: seconds between two redraws of the lanes' decision regions while the race plays
REGION_PERIOD = 0.1

_THREADS: dict[QThread, RaceWorker] = {}  # running threads (and their workers) stay referenced


@atexit.register
def _join_threads() -> None:
    for thread, worker in list(_THREADS.items()):
        worker.request_quit()
        thread.quit()
        thread.wait(QUIT_TIMEOUT_MS)




# ---------------------------------------------------------------------- the window
class RaceWindow(QWidget):
    """The race window; one per main window (see :class:`gui.inside.race_window.RaceLauncher`)."""

    closed = Signal()

    def __init__(self, ws, settings: dict, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("raceWindow")
        self.setWindowTitle(translate("RaceWindow", "Optimizer Race"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.ws = ws
        self.settings = settings
        self.race: OptimizerRace | None = None
        self.source: setup.RaceSource | None = None
        self.generation = 0
        self.frame: RaceFrame | None = None
        self.histories: list[History] = []
        self.lane_params: list[np.ndarray | None] = []
        self.lane_titles: list[str] = []
        self.free: list[int] = []
        self.pair: tuple[int, int] | None = None
        self._playing = False
        self._stale = False
        self._structure_stale = False
        self._own_edit = False
        self._closing = False
        self._regions_at = 0.0
        self._frame_timer = QTimer(self)
        self._frame_timer.setSingleShot(True)
        self._frame_timer.setInterval(0)

        self._build_ui()
        self._start_thread()
        self._connect_document()
        self._apply_settings()
        self.rebuild()

    # ------------------------------------------------------------------ building
    def _build_ui(self) -> None:
        c = theme.COLORS
        self.setStyleSheet(f"QWidget#raceWindow {{ background: {c.window}; }}")
        # -- top bar
        top = QFrame()
        top.setObjectName("raceTopBar")
        top.setStyleSheet(f"QFrame#raceTopBar {{ background: {c.surface}; border-bottom: 1px solid {c.border}; }}")
        self.source_combo = QComboBox()
        self.source_combo.addItem(translate("RaceWindow", "The network in the main window"), "document")
        for key, (text, desc) in setup.DEMOS.items():
            self.source_combo.addItem(translate("RaceSetup", text), key)
            self.source_combo.setItemData(self.source_combo.count() - 1, translate("RaceSetup", desc),
                                          Qt.ItemDataRole.ToolTipRole)
        self.source_combo.setToolTip(translate("RaceWindow", "What races: a copy of the network, data and "
                                                             "training settings in the main window, or a "
                                                             "two-weight demo"))
        self.source_combo.setMinimumHeight(32)
        self.source_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.source_combo.setMinimumContentsLength(14)
        self.demo_button = QToolButton()
        self.demo_button.setText(translate("RaceWindow", "Two-weight demo"))
        self.demo_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.demo_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.demo_button.setMinimumHeight(32)
        self.demo_button.setMinimumWidth(self.demo_button.fontMetrics().horizontalAdvance(self.demo_button.text()) + 40)
        self.demo_button.setToolTip(translate("RaceWindow", "The classic picture in one click: one neuron with "
                                                            "two free weights, and SGD, Momentum, RMSprop and "
                                                            "Adam finding the minimum (the main window is not "
                                                            "changed)"))
        demo_menu = QMenu(self.demo_button)
        for key, (text, desc) in setup.DEMOS.items():
            action = demo_menu.addAction(translate("RaceSetup", text))
            action.setToolTip(translate("RaceSetup", desc))
            action.triggered.connect(lambda _c=False, k=key: self.load_demo(k))
        demo_menu.setToolTipsVisible(True)
        self.demo_button.setMenu(demo_menu)

        self.play_button = QToolButton()
        self.play_button.setObjectName("playButton")
        theme.set_role(self.play_button, "play")  # the main top bar's round accent button
        self.play_button.setFixedSize(54, 54)
        self.play_button.setIconSize(self.play_button.size() * 0.55)
        self.play_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.step_button = self._round_button("step", translate("RaceWindow", "Train every lane one epoch (→)"))
        self.batch_button = self._round_button("step-batch",
                                               translate("RaceWindow", "Train every lane one mini-batch (Shift+→)"))
        self.reset_button = self._round_button("reset", translate("RaceWindow", "Every lane back to the common "
                                                                                "starting weights, epoch 0 (R)"))
        self.speed_combo = QComboBox()
        for label, _unit, _count in SPEEDS:
            self.speed_combo.addItem(translate("RaceWindow", label))
        self.speed_combo.setToolTip(translate("RaceWindow", "How much every lane trains between two pictures"))
        self.speed_combo.setMinimumHeight(32)
        self.epoch_label = LiveLabel("0", sample="000,000")
        self.epoch_label.setFont(theme.big_number_font())
        theme.set_role(self.epoch_label, "big-number")
        self.epoch_label.setToolTip(translate("RaceWindow", "Epochs every lane has trained (in lock-step)"))
        self.speed_label = LiveLabel("", sample=translate("RaceWindow", "{eps} epochs/s").format(eps="00,000"))
        theme.set_role(self.speed_label, "control-label")

        bar = QHBoxLayout(top)
        bar.setContentsMargins(14, 8, 14, 8)
        bar.setSpacing(10)
        src = QVBoxLayout()
        src.setSpacing(2)
        src.addWidget(caption(translate("RaceWindow", "Race")))
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.source_combo, 1)
        row.addWidget(self.demo_button)
        src.addLayout(row)
        bar.addLayout(src, 1)
        bar.addSpacing(12)
        bar.addWidget(self.reset_button)
        bar.addWidget(self.play_button)
        bar.addWidget(self.step_button)
        bar.addWidget(self.batch_button)
        bar.addSpacing(8)
        sp = QVBoxLayout()
        sp.setSpacing(2)
        sp.addWidget(caption(translate("RaceWindow", "Speed")))
        sp.addWidget(self.speed_combo)
        bar.addLayout(sp)
        bar.addSpacing(12)
        ep = QVBoxLayout()
        ep.setSpacing(0)
        ep_head = QHBoxLayout()
        ep_head.setSpacing(8)
        ep_head.addWidget(caption(translate("RaceWindow", "Epoch")))
        ep_head.addWidget(self.speed_label)
        ep.addLayout(ep_head)
        ep.addWidget(self.epoch_label)
        bar.addLayout(ep)

        # -- the banner when the document changed
        self.banner = QFrame()
        self.banner.setObjectName("raceBanner")
        self.banner.setStyleSheet(f"QFrame#raceBanner {{ background: {c.accent_soft}; }}")
        self.banner_text = QLabel(translate("RaceWindow", "The network, data or settings in the main window "
                                                          "changed since this race started."))
        self.banner_text.setWordWrap(True)
        self.banner_button = QPushButton(translate("RaceWindow", "Race the current network"))
        b = QHBoxLayout(self.banner)
        b.setContentsMargins(14, 6, 14, 6)
        b.addWidget(self.banner_text, 1)
        b.addWidget(self.banner_button)
        self.banner.hide()

        # -- left: lanes and loss curves
        left = QWidget()
        left.setObjectName("racePanel")
        lv = QVBoxLayout(left)
        lv.setContentsMargins(14, 10, 10, 6)
        lv.setSpacing(6)
        head = QHBoxLayout()
        head.addWidget(section_heading(translate("RaceWindow", "Optimizers")))
        head.addStretch(1)
        self.add_button = QPushButton(translate("RaceWindow", "+ Add optimizer"))
        self.add_button.setToolTip(translate("RaceWindow", "Race up to four optimizers"))
        head.addWidget(self.add_button)
        lv.addLayout(head)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(4)
        lv.addLayout(self.rows_box)
        self.rows: list[LaneRow] = []
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        lv.addWidget(self.message)
        lv.addSpacing(6)
        loss_head = QHBoxLayout()
        loss_head.addWidget(section_heading(translate("RaceWindow", "Training loss")))
        loss_head.addStretch(1)
        self.log_scale = QCheckBox(translate("RaceWindow", "Log scale"))
        self.log_scale.setToolTip(translate("RaceWindow", "Logarithmic loss axis: small losses stay apart"))
        self.show_test = QCheckBox(translate("RaceWindow", "Test loss"))
        self.show_test.setToolTip(translate("RaceWindow", "Also draw each lane's test loss (dotted)"))
        loss_head.addWidget(self.log_scale)
        loss_head.addWidget(self.show_test)
        lv.addLayout(loss_head)
        self.loss_plot = RaceLossPlot()
        lv.addWidget(self.loss_plot, 1)
        self.legend = LineLegend()
        lv.addWidget(self.legend)

        # -- right: the loss surface
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(10, 10, 14, 6)
        rv.setSpacing(6)
        surf_head = QHBoxLayout()
        surf_head.setSpacing(8)
        surf_head.addWidget(section_heading(translate("RaceWindow", "Loss surface")))
        surf_head.addStretch(1)
        self.x_param = QComboBox()
        self.y_param = QComboBox()
        self.x_param.setToolTip(translate("RaceWindow", "The free parameter on the horizontal axis"))
        self.y_param.setToolTip(translate("RaceWindow", "The free parameter on the vertical axis"))
        for combo in (self.x_param, self.y_param):
            combo.setMinimumHeight(30)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.params_caption = caption(translate("RaceWindow", "over"))
        surf_head.addWidget(self.params_caption)
        surf_head.addWidget(self.x_param)
        self.and_caption = caption(translate("RaceWindow", "and"))
        surf_head.addWidget(self.and_caption)
        surf_head.addWidget(self.y_param)
        rv.addLayout(surf_head)
        self.surface_plot = SurfacePlot()
        rv.addWidget(self.surface_plot, 1)
        self.surface_note = hint("")
        self.surface_note.setMinimumHeight(self.surface_note.fontMetrics().height() * 2 + 4)
        self.surface_note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        rv.addWidget(self.surface_note)
        self.surface_empty = QLabel()
        self.surface_empty.setWordWrap(True)
        self.surface_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.surface_empty.setStyleSheet(f"color: {c.muted}; font-size: 12pt; padding: 24px;")
        self.surface_empty.hide()
        rv.addWidget(self.surface_empty, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setChildrenCollapsible(False)

        # -- bottom: the lane cards
        self.cards_box = QHBoxLayout()
        self.cards_box.setContentsMargins(14, 4, 14, 12)
        self.cards_box.setSpacing(10)
        self.cards: list[LaneCard] = []
        self._card_pool: list[LaneCard] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(self.cards_box)

        # -- wiring
        self.play_button.clicked.connect(self.toggle_play)
        self.step_button.clicked.connect(self.step_epoch)
        self.batch_button.clicked.connect(self.step_batch)
        self.reset_button.clicked.connect(self.reset)
        self.speed_combo.currentIndexChanged.connect(self._speed_chosen)
        self.source_combo.activated.connect(lambda _i: self._source_chosen())
        self.add_button.clicked.connect(self.add_lane)
        self.log_scale.toggled.connect(self._log_toggled)
        self.show_test.toggled.connect(self._test_toggled)
        self.x_param.activated.connect(lambda _i: self._pair_chosen("x"))
        self.y_param.activated.connect(lambda _i: self._pair_chosen("y"))
        self.banner_button.clicked.connect(self.rebuild)
        self.surface_plot.hovered.connect(self._surface_hovered)
        for key, slot in (("Space", self.toggle_play), ("Right", self.step_epoch),
                          ("Shift+Right", self.step_batch), ("R", self.reset)):
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(slot)
        self._update_play_button()
        self.resize(1280, 800)

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_cards()

    def _fit_cards(self) -> None:
        """The lane cards take about a quarter of the height; the plots above get the rest."""
        height = max(170, min(260, int(self.height() * 0.27)))
        for card in self.cards:
            card.setFixedHeight(height)

    def _round_button(self, icon_name: str, tip: str) -> QToolButton:
        b = QToolButton()
        theme.set_role(b, "round")
        b.setIcon(theme.icon(icon_name))
        b.setIconSize(QSize(24, 24))
        b.setFixedSize(42, 42)
        b.setToolTip(tip)
        b.setAccessibleName(tip.split(" (")[0])
        return b

    # ------------------------------------------------------------------ thread
    def _start_thread(self) -> None:
        self.worker = RaceWorker()
        self.thread = QThread()
        self.thread.setObjectName("RaceThread")
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.frame_ready.connect(self._consume)
        self.worker.stopped.connect(self._worker_stopped)
        self.worker.problem.connect(self._show_error)
        _THREADS[self.thread] = self.worker
        self.thread.start()

    def shutdown(self) -> None:
        """Stop the thread and wait for it (idempotent)."""
        if getattr(self, "_shut", False):
            return
        self._shut = True
        self._closing = True
        self._playing = False
        self.worker.request_quit()
        self.thread.quit()
        if self.thread.wait(QUIT_TIMEOUT_MS):
            _THREADS.pop(self.thread, None)  # (else kept, so it is never destroyed running; joined at exit)
        self._disconnect_document()

    def closeEvent(self, event):  # noqa: N802 (Qt override)
        self._remember()
        self.shutdown()
        super().closeEvent(event)
        self.closed.emit()

    # ------------------------------------------------------------------ document
    def _connect_document(self) -> None:
        doc = self.ws.doc
        self._doc_slots = [
            (doc.structure_changed, self._doc_structure),
            (doc.data_changed, self._doc_changed),
            (doc.training_changed, self._doc_setting),
            (doc.weights_changed, self._doc_weights),
            (self.ws.controller.playing_changed, self._main_playing),
        ]
        for signal, slot in self._doc_slots:
            signal.connect(slot)

    def _disconnect_document(self) -> None:
        for signal, slot in getattr(self, "_doc_slots", []):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        self._doc_slots = []

    def _main_playing(self, on: bool) -> None:
        """The main window started training: the race pauses (one thing trains at a time)."""
        if on and self._playing:
            self.pause()

    def _doc_structure(self) -> None:
        self._structure_stale = True
        self._doc_changed()

    def _doc_setting(self, _key: str) -> None:
        self._doc_changed()

    def _doc_weights(self, origin: str) -> None:
        if origin != "training" and not self._own_edit:
            self._doc_changed()

    def _doc_changed(self) -> None:
        if self.source is not None and self.source.is_document:
            self._stale = True
            self.banner.show()
            self._update_use_buttons()

    # ------------------------------------------------------------------ settings
    def _apply_settings(self) -> None:
        s = self.settings
        with QSignalBlocker(self.speed_combo):
            self.speed_combo.setCurrentIndex(int(s.get("speed", DEFAULT_SPEED)))
        self.worker.post("speed", self.speed_combo.currentIndex())
        with QSignalBlocker(self.log_scale):
            self.log_scale.setChecked(bool(s.get("log", False)))
        self.loss_plot.set_log(self.log_scale.isChecked())
        with QSignalBlocker(self.show_test):
            self.show_test.setChecked(bool(s.get("test", False)))
        self.loss_plot.set_show_test(self.show_test.isChecked())
        kind = s.get("source", "document")
        with QSignalBlocker(self.source_combo):
            self.source_combo.setCurrentIndex(max(0, self.source_combo.findData(kind)))
        self._set_rows(s.get("lanes") or setup.DEFAULT_LANES)

    def _remember(self) -> None:
        self.settings.update(
            speed=self.speed_combo.currentIndex(), log=self.log_scale.isChecked(), test=self.show_test.isChecked(),
            source=self.source_combo.currentData(), lanes=[r.value() for r in self.rows],
        )

    # ------------------------------------------------------------------ lanes
    def _set_rows(self, lanes) -> None:
        for row in self.rows:
            self.rows_box.removeWidget(row)
            row.deleteLater()
        self.rows = []
        for name, rate in lanes:
            self._append_row(name, rate)
        self._update_add_button()

    def _append_row(self, name: str, rate: float) -> None:
        row = LaneRow(len(self.rows), name, rate)
        row.changed.connect(self.rebuild)
        row.remove_requested.connect(self.remove_lane)
        self.rows_box.addWidget(row)
        self.rows.append(row)

    def _update_add_button(self) -> None:
        self.add_button.setEnabled(len(self.rows) < setup.MAX_LANES)
        for row in self.rows:
            row.remove.setEnabled(len(self.rows) > setup.MIN_LANES)

    def add_lane(self) -> None:
        if len(self.rows) >= setup.MAX_LANES:
            return
        used = {r.value()[0] for r in self.rows}
        name = next((n for n, _ in setup.OPTIMIZER_NAMES if n not in used), "sgd")
        self._append_row(name, setup.SUGGESTED_RATES.get(name, 0.01))
        self._update_add_button()
        self.rebuild()

    def remove_lane(self, row: LaneRow) -> None:
        if len(self.rows) <= setup.MIN_LANES or row not in self.rows:
            return
        lanes = [r.value() for r in self.rows if r is not row]
        self._set_rows(lanes)
        self.rebuild()

    def lane_specs(self) -> list[dict]:
        return [{"optimizer": name, "learning_rate": rate} for name, rate in (r.value() for r in self.rows)]

    # ------------------------------------------------------------------ sources
    def _source_chosen(self) -> None:
        kind = self.source_combo.currentData()
        if kind == "document":
            self.pair = None
            self.rebuild()
        else:
            self.load_demo(kind)

    def load_demo(self, key: str) -> None:
        """A two-weight demo with its suggested lanes (the main window is not touched)."""
        with QSignalBlocker(self.source_combo):
            self.source_combo.setCurrentIndex(max(0, self.source_combo.findData(key)))
        self._set_rows(setup.demo_source(key).lanes)
        self.pair = None
        self.rebuild()

    def _make_source(self) -> setup.RaceSource:
        kind = self.source_combo.currentData()
        if kind == "document":
            return setup.document_source(self.ws.doc)
        return setup.demo_source(kind)

    # ------------------------------------------------------------------ (re)building the race
    def rebuild(self) -> None:
        """A new race from the chosen source and lanes (epoch 0); keeps playing if it was."""
        if self._closing:
            return
        source = self._make_source()
        free = free_parameters(source.network)
        pair = self.pair if self.pair and all(p in free for p in self.pair) and self.source is not None \
            and self.source.kind == source.kind else None
        if pair is None and len(free) >= 2:
            pair = (free[0], free[1])
        track = free if len(free) <= MAX_TRACKED else (list(pair) if pair else [])
        try:
            race = OptimizerRace(source.network, source.dataset, source.config, self.lane_specs(), track=track)
        except NeuronaError as exc:
            self._show_error(self._describe_problem(exc))
            self._set_ready(False)
            return
        self._clear_message()
        self.source, self.race, self.free, self.pair = source, race, free, pair
        self._stale = self._structure_stale = False
        self.banner.hide()
        self.generation += 1
        self.frame = None
        self.histories = [History() for _ in race.lanes]
        self.lane_params = [None] * len(race.lanes)
        self.lane_titles = [setup.lane_title(*row.value()) for row in self.rows]
        self._build_cards(race)
        self.loss_plot.set_lanes(len(race.lanes))
        self.surface_plot.set_lanes(len(race.lanes))
        self.surface_plot.set_surface(None, pending=pair is not None)
        self.legend.set_entries([(lane_pen_spec(k), self._lane_title(k)) for k in range(len(race.lanes))])
        self._fill_param_combos()
        self.worker.post("race", (race, self.generation))
        self.worker.post("surface", SurfaceRequest(pair, source.extent if pair == self._default_pair() else None))
        self._set_ready(True)
        self.epoch_label.setText("0")

    def _default_pair(self):
        return (self.free[0], self.free[1]) if len(self.free) >= 2 else None

    def _lane_title(self, k: int) -> str:
        """Lane ``k`` of the race on show, as the legend and the cards name it."""
        if k < len(self.lane_titles):
            return self.lane_titles[k]
        name, rate = self.rows[k].value() if k < len(self.rows) else ("?", 0.0)
        return setup.lane_title(name, rate)

    def _describe_problem(self, exc: NeuronaError) -> str:
        """The engine's refusal, naming the lane as the window shows it ("Lane 2 (SGD (lr 0.03))")."""
        match = re.match(r"optimizers\[(\d+)\]", getattr(exc, "field", "") or "")
        if match and int(match.group(1)) < len(self.rows):
            k = int(match.group(1))
            name, rate = self.rows[k].value()
            return translate("RaceWindow", "Lane {n} ({lane}): {problem}").format(
                n=k + 1, lane=setup.lane_title(name, rate), problem=getattr(exc, "message", str(exc)))
        return translate("RaceWindow", "Cannot race these optimizers: {problem}").format(problem=exc)

    def _build_cards(self, race: OptimizerRace) -> None:
        """One card per lane; cards are kept for the next race (a plot takes ~50 ms to build)."""
        n = len(race.lanes)
        while len(self._card_pool) < n:
            card = LaneCard(len(self._card_pool), "")
            card.use_requested.connect(self.use_weights)
            self.cards_box.addWidget(card, 1)
            self._card_pool.append(card)
        self.cards = self._card_pool[:n]
        classification = race.dataset.kind == "classification"
        for k, card in enumerate(self._card_pool):
            card.setVisible(k < n)
            if k < n:
                card.title.setText(self._lane_title(k))
                card.plot.set_data(race.dataset)
                card.plot.clear_image()
                card.set_numbers(None, None, classification)
                card.set_diverged(None, 0)
        self._fit_cards()
        self._update_use_buttons()

    def _update_use_buttons(self) -> None:
        doc_source = self.source is not None and self.source.is_document
        for k, card in enumerate(self.cards):
            card.use.setVisible(doc_source)
            ok = doc_source and not self._structure_stale and k < len(self.lane_params) \
                and self.lane_params[k] is not None
            card.use.setEnabled(ok)
            if doc_source and self._structure_stale:
                card.use.setToolTip(translate("LaneCard", "The network in the main window changed shape since "
                                                          "this race started: race the current network first"))

    def _set_ready(self, ready: bool) -> None:
        for w in (self.play_button, self.step_button, self.batch_button, self.reset_button):
            w.setEnabled(ready)
        if not ready:
            self.worker.set_playing(False)
            self._playing = False
            self._update_play_button()

    # ------------------------------------------------------------------ surface parameters
    def _fill_param_combos(self) -> None:
        net = self.source.network
        names = [setup.parameter_name(net, i) for i in self.free]
        for combo in (self.x_param, self.y_param):
            with QSignalBlocker(combo):
                combo.clear()
                for i, name in zip(self.free, names):
                    combo.addItem(name, i)
        have = self.pair is not None
        for w in (self.x_param, self.y_param, self.params_caption, self.and_caption):
            w.setVisible(have)
        self.surface_plot.setVisible(have)
        self.surface_empty.setVisible(not have)
        if not have:
            self.surface_note.hide()
            self.surface_empty.setText(translate(
                "RaceWindow",
                "The loss surface needs two free parameters; this network has {n}.\n\n"
                "To get the picture, freeze all but two weights: right-click an edge › Freeze — "
                "or choose a Two-weight demo at the top.").format(n=len(self.free)))
            return
        with QSignalBlocker(self.x_param):
            self.x_param.setCurrentIndex(self.free.index(self.pair[0]))
        with QSignalBlocker(self.y_param):
            self.y_param.setCurrentIndex(self.free.index(self.pair[1]))
        self.surface_plot.set_axis_names(names[self.free.index(self.pair[0])], names[self.free.index(self.pair[1])])
        self._update_surface_note()

    def _update_surface_note(self) -> None:
        others = len(self.free) - 2
        if others > 0:
            text = translate("RaceWindow", "A slice: the other {n} free parameters are held at their starting "
                                           "values for the picture, while the lanes train them too. Pick the "
                                           "two parameters above.").format(n=others)
        else:
            text = translate("RaceWindow", "The network has exactly these two free parameters: the picture is "
                                           "its whole loss surface.  ○ start   ● now   ☆ lowest point on the grid")
        if len(self.free) > MAX_TRACKED:
            text += " " + translate("RaceWindow", "(Choosing another pair restarts the race.)")
        self.surface_note.setText(text)
        self.surface_note.show()

    def _pair_chosen(self, axis: str) -> None:
        """The user picked a parameter for one axis; picking the other axis's parameter swaps them."""
        i, j = self.x_param.currentData(), self.y_param.currentData()
        if i is None or j is None or self.pair is None:
            return
        if i == j:
            old_i, old_j = self.pair
            if axis == "x":
                j = old_i
            else:
                i = old_j
        self.pair = (i, j)
        if len(self.free) > MAX_TRACKED:
            self.rebuild()
            return
        self._fill_param_combos()
        extent = self.source.extent if self.pair == self._default_pair() else None
        self.surface_plot.set_surface(None, pending=True)
        self.surface_plot.set_paths([None] * len(self.cards))
        self.worker.post("surface", SurfaceRequest(self.pair, extent))

    def _surface_hovered(self, text: str) -> None:
        if text:
            self.surface_note.setText(text)
        elif self.pair is not None:
            self._update_surface_note()

    # ------------------------------------------------------------------ transport
    def _update_play_button(self) -> None:
        name = "pause" if self._playing else "play"
        self.play_button.setIcon(theme.icon(name, "#ffffff"))
        tip = translate("RaceWindow", "Pause the race (Space)") if self._playing else \
            translate("RaceWindow", "Start the race: every lane trains in lock-step (Space)")
        self.play_button.setToolTip(tip)
        self.play_button.setAccessibleName(tip.split(" (")[0])

    def is_playing(self) -> bool:
        return self._playing

    def play(self) -> None:
        if self._playing or self.race is None or not self.play_button.isEnabled():
            return
        self.ws.controller.pause()  # one thing trains at a time: the race gets the processor
        self._playing = True
        self._update_play_button()
        self.worker.set_playing(True)

    def pause(self) -> None:
        """Stop every lane; returns once the newest state is on screen."""
        self.worker.set_playing(False)
        self._playing = False
        self._update_play_button()
        self.sync()

    def toggle_play(self) -> None:
        self.pause() if self._playing else self.play()

    def step_epoch(self) -> None:
        self._step("epoch")

    def step_batch(self) -> None:
        self._step("batch")

    def _step(self, kind: str) -> None:
        if self.race is None or not self.step_button.isEnabled():
            return
        self.ws.controller.pause()
        self.worker.set_playing(False)
        self._playing = False
        self._update_play_button()
        self.worker.post(kind)

    def reset(self) -> None:
        """Every lane back to the common start (bit for bit), epoch 0; playing goes on."""
        if self.race is None:
            return
        self.worker.post("reset")

    def _speed_chosen(self, index: int) -> None:
        self.worker.post("speed", index)
        self.settings["speed"] = index

    def sync(self, timeout: float = 2.0) -> bool:
        """Wait until the thread handled every request so far, then draw its newest frame."""
        ok = self.worker.barrier(timeout)
        self._consume()
        return ok

    def _worker_stopped(self, reason: str) -> None:
        self._playing = False
        self._update_play_button()
        if reason == "stopped":
            self._show_error(translate("RaceWindow", "Every lane has stopped: change a learning rate or press "
                                                     "Reset."))

    # ------------------------------------------------------------------ frames
    def _consume(self) -> None:
        frame = self.worker.take_frame()
        if frame is None or self._closing:
            self.worker.gui_frame_finished()
            return
        self.worker.gui_frame_started()
        try:
            if frame.generation == self.generation:
                self._apply(frame)
        finally:
            QTimer.singleShot(0, self.worker.gui_frame_finished)

    def _apply(self, frame: RaceFrame) -> None:
        self.frame = frame
        race_ds = self.source.dataset
        net = self.source.network
        classification = race_ds.kind == "classification"
        if frame.history_reset:
            self.histories = [History() for _ in frame.lanes]
            self.loss_plot.clear_curves()
        if frame.surface is not None:
            self.surface_plot.set_surface(frame.surface)
        if frame.surface_error:
            self.surface_note.setText(translate("RaceWindow", "No loss surface: {problem}")
                                      .format(problem=frame.surface_error))
        diverged = []
        # the regions change slowly: while playing they are redrawn about 10 times a second
        now = time.monotonic()
        regions = frame.reason != "play" or now - self._regions_at >= REGION_PERIOD
        if regions:
            self._regions_at = now
        for k, lane in enumerate(frame.lanes):
            h = self.histories[k]
            rows = lane.rows
            for r in range(len(rows["epoch"])):
                h.append(*(rows[c][r] for c in History.COLUMNS))
            if len(h):
                self.loss_plot.set_history(k, h["epoch"], h["train_loss"], h["test_loss"], bool(lane.diverged))
            self.lane_params[k] = lane.params
            card = self.cards[k]
            card.set_numbers(lane.metrics.get("train_loss"), lane.metrics.get("train_acc"), classification)
            card.set_diverged(lane.diverged, lane.epoch)
            if lane.region is not None and regions:
                card.plot.show_output(lane.region, net, race_ds)
            if lane.diverged:
                diverged.append(translate("RaceWindow", "{lane}: {message}").format(
                    lane=self._lane_title(k), message=lane.diverged))
        self.loss_plot.finish_frame()
        if self.pair is not None:
            self.surface_plot.set_paths([lane.path for lane in frame.lanes])
        self.epoch_label.setText(format_count(frame.epoch))
        eps = frame.epochs_per_second
        self.speed_label.setText(translate("RaceWindow", "{eps} epochs/s").format(eps=format_count(eps))
                                 if eps is not None and math.isfinite(eps) and frame.playing else "")
        if diverged:
            self._show_error("\n".join(diverged))
        elif self.message.property("kind") == "diverged":
            self._clear_message()
        if frame.reason == "stopped":
            self._playing = False
            self._update_play_button()
        self._update_use_buttons()

    # ------------------------------------------------------------------ messages
    def _show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.setProperty("kind", "diverged" if self.frame is not None else "error")
        self.message.setStyleSheet(f"color: {theme.COLORS.error}; background: {theme.COLORS.error_soft};"
                                   " padding: 6px; border-radius: 4px;")
        self.message.show()

    def _show_info(self, text: str) -> None:
        self.message.setText(text)
        self.message.setProperty("kind", "info")
        self.message.setStyleSheet(f"color: {theme.COLORS.ink}; background: {theme.COLORS.accent_soft};"
                                   " padding: 6px; border-radius: 4px;")
        self.message.show()

    def _clear_message(self) -> None:
        self.message.hide()
        self.message.setText("")
        self.message.setProperty("kind", None)

    def message_text(self) -> str:
        return self.message.text() if not self.message.isHidden() else ""

    # ------------------------------------------------------------------ the document
    def use_weights(self, k: int) -> bool:
        """Copy lane ``k``'s weights into the document: one undoable edit."""
        if self.source is None or not self.source.is_document or self.race is None:
            return False
        self.pause()
        params = self.lane_params[k] if k < len(self.lane_params) else None
        doc = self.ws.doc
        if params is None:
            return False
        if self._structure_stale or params.shape != doc.network.params.shape:
            self._show_error(translate("RaceWindow", "The network in the main window changed shape since this "
                                                     "race started; press “Race the current network” first."))
            return False
        self.ws.controller.pause()
        old = doc.params()
        self._own_edit = True
        try:
            ok = self.ws.editor.set_params(old, params, translate("RaceWindow", "Use the weights of {lane}")
                                           .format(lane=self._lane_title(k)))
        finally:
            self._own_edit = False
        if ok:
            self._show_info(translate("RaceWindow", "The main window now has the weights of {lane} "
                                                    "(Edit › Undo takes them back).").format(lane=self._lane_title(k)))
        return ok

    def _log_toggled(self, on: bool) -> None:
        self.loss_plot.set_log(on)
        self.settings["log"] = on

    def _test_toggled(self, on: bool) -> None:
        self.loss_plot.set_show_test(on)
        self.settings["test"] = on
