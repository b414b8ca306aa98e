"""The training timeline (#7): scrub back through training, preview, resume from there.

The training thread records the run (``controller.worker.timeline``, a
:class:`~gui.training.worker.TimelineRecorder` around :class:`engine.timeline.Timeline`).
:class:`TrainingTimeline` (``ws.timeline``) is the GUI side:

* **the bar** (:class:`~gui.inside.timeline_bar.TimelineBar`) sits under the canvas, as a
  video player's scrubber sits under the picture: the network it changes is right above
  it, and it costs no dock. It is built the first time training records something (or
  View › Panels › Timeline asks for it), so start-up never pays for it;
* **preview**: moving the slider pauses training and shows the kept weights of that
  epoch without touching the document: a copy of the network takes them and computes its
  maps in this thread (one forward pass over the 64×64 grid, a few ms), which feed the
  canvas thumbnails, the decision region and the edges; the OUTPUT panel shows that
  epoch's loss and accuracy, the loss plot marks the epoch, and badges on the canvas and
  the region say "Epoch N · preview". Nothing goes on the undo stack. Any change of the
  document, Play, a step or "Live" ends it and shows the latest state again;
* **Resume from here** pushes :class:`~gui.inside.timeline_state.GoBackCommand`: the
  trainer goes back to that epoch with its optimizer and random state (so training on
  repeats the original run bit for bit), and Undo puts everything back.
"""

from __future__ import annotations

import math
import time
import weakref

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from engine.errors import ConfigError
from gui import theme
from gui.formatting import format_count
from gui.i18n import translate



#: the TrainingTimeline now showing each document: a window rebuilt around the same
#: document and undo history (View › Language) takes over its commands
_CURRENT: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def current_timeline(doc) -> "TrainingTimeline | None":
    ref = _CURRENT.get(doc)
    return None if ref is None else ref()


def epoch_text(epoch: int) -> str:
    return format_count(epoch)


#: while training runs the bar follows at this rate, not at every frame: it is read by eye
#: (the top bar shows the live epoch), and each repaint of it costs the frame time that
#: training shares
BAR_REFRESH_S = 0.25


def _number(value):
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


class PreviewBadge(QLabel):
    """"Epoch N · preview" in the accent colour, over a corner of ``host``.

    By default it sits in the top-left corner; with ``anchor`` (a heading inside
    ``host``) it sits at the right end of that heading's row, covering nothing, and says
    just "Epoch N" when the full text does not fit beside the heading.
    """

    def __init__(self, host, anchor=None, margin: int = 10):
        super().__init__(host)
        self.setObjectName("timelineBadge")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._host, self._anchor, self._margin = host, anchor, margin
        self._epoch = 0
        self.restyle()
        theme.on_change(self.restyle, owner=self)
        host.installEventFilter(self)
        self.hide()

    def restyle(self) -> None:
        c = theme.COLORS
        pad = "2px 9px" if self._anchor is not None else "5px 11px"
        self.setStyleSheet(f"QLabel#timelineBadge {{ background: {c.accent}; color: {c.on_accent};"
                           f" border-radius: 6px; padding: {pad}; font-weight: 600; }}")

    def show_epoch(self, epoch: int) -> None:
        self._epoch = int(epoch)
        self._place()
        self.show()
        self.raise_()

    def replace(self) -> None:
        """The heading it sits beside may have changed (a hovered neuron's name)."""
        if not self.isHidden():
            self._place()

    def _place(self) -> None:
        epoch = epoch_text(self._epoch)
        self.setText(translate("TrainingTimeline", "Epoch {epoch} · preview").format(epoch=epoch))
        self.adjustSize()
        anchor = self._anchor
        if anchor is None:
            self.move(self._margin, self._margin)
            return
        top_left = anchor.mapTo(self._host, anchor.rect().topLeft())
        used = anchor.fontMetrics().horizontalAdvance(anchor.text()) if anchor.textFormat() != Qt.TextFormat.RichText \
            else anchor.sizeHint().width()
        if self.width() > anchor.width() - used - 12:
            self.setText(translate("TrainingTimeline", "Epoch {epoch}").format(epoch=epoch))
            self.adjustSize()
        self.move(top_left.x() + anchor.width() - self.width(),
                  top_left.y() + (anchor.height() - self.height()) // 2)

    def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest) and self.isVisible():
            self._place()
        return False


class TrainingTimeline(QObject):
    """See the module docstring. ``previewing`` is the epoch on show, or None (live)."""

    #: the epoch previewed, or None when the live state is on show again
    preview_changed = Signal(object)

    def __init__(self, window, ws):
        super().__init__(window)
        self.window, self.ws = window, ws
        self.doc, self.editor, self.maps = ws.doc, ws.editor, ws.maps
        self.controller = ws.controller
        self.recorder = ws.controller.worker.timeline
        self.bar = None
        self.previewing: int | None = None
        self._preview_net = None
        self._preview_metrics: dict = {}
        self._marker = None
        self._badges: list[PreviewBadge] = []
        self._offered = False
        self._pending: int | None = None

        self.action = QAction(translate("TrainingTimeline", "&Timeline"), window)
        self.action.setObjectName("action_toggle_timeline")
        self.action.setCheckable(True)
        self.action.setToolTip(translate("TrainingTimeline", "Show or hide the training timeline under the network"))
        self.action.toggled.connect(self._toggled)
        panels = getattr(window, "panels_menu", None)
        if panels is not None:
            panels.addAction(self.action)

        self._scrub_timer = QTimer(self)  # many slider moves → one preview per turn of the loop
        self._scrub_timer.setSingleShot(True)
        self._scrub_timer.setInterval(0)
        self._scrub_timer.timeout.connect(self._scrub_due)
        self._bar_updated = 0.0
        self._bar_timer = QTimer(self)  # the last frame of a run that stopped between two updates
        self._bar_timer.setSingleShot(True)
        self._bar_timer.setInterval(int(BAR_REFRESH_S * 1000))
        self._bar_timer.timeout.connect(self._update_bar)

        doc = self.doc
        doc.structure_changed.connect(self.end_preview)
        doc.weights_changed.connect(self.end_preview)
        doc.training_changed.connect(self.end_preview)
        doc.data_changed.connect(self.end_preview)
        self.controller.playing_changed.connect(lambda playing: playing and self.end_preview())
        self.controller.snapshot.connect(self._on_snapshot)
        _CURRENT[doc] = weakref.ref(self)

    # ------------------------------------------------------------------ the bar
    def ensure_bar(self):
        """The bar, built (and placed under the canvas) the first time it is needed."""
        if self.bar is None:
            from .timeline_bar import TimelineBar

            centre = self.window.centralWidget()
            self.bar = TimelineBar(centre)
            centre.layout().addWidget(self.bar)
            self.bar.position_chosen.connect(self._position_chosen)
            self.bar.scrub_started.connect(self.controller.pause)
            self.bar.live_requested.connect(self.go_live)
            self.bar.resume_requested.connect(self.resume)
            self.bar.setVisible(self.action.isChecked())
            self._update_bar()
        return self.bar

    def _toggled(self, on: bool) -> None:
        if on:
            self._offered = True
            self.ensure_bar().show()
        elif self.bar is not None:
            self.end_preview()
            self.bar.hide()

    def _on_snapshot(self, snap) -> None:
        kept = self.recorder.summary[0]
        if self.bar is None:
            if kept < 2 or self._offered:
                return
            self.action.setChecked(True)  # the first recorded training: show the bar once
            return
        if self.previewing is not None:
            self._show_metrics(self.previewing, self._preview_metrics)  # (the panel showed the live ones)
        if self.bar.isHidden():
            return
        if snap.playing and time.monotonic() - self._bar_updated < BAR_REFRESH_S:
            if not self._bar_timer.isActive():
                self._bar_timer.start()
            return
        self._update_bar()

    def _live_epoch(self) -> int | None:
        snap = self.controller.last_snapshot
        return None if snap is None else int(snap.epoch)

    def _can_resume(self, epoch: int | None) -> bool:
        snap = self.controller.last_snapshot
        if epoch is None or snap is None or self.controller.problem_text:
            return False
        return epoch != snap.epoch or snap.batch != 0

    def _update_bar(self, position: int | None = None) -> None:
        if self.bar is None:
            return
        self._bar_timer.stop()
        self._bar_updated = time.monotonic()
        kept, latest = self.recorder.summary
        if self.previewing is not None and position is None:
            epochs = self.recorder.epochs()
            position = epochs.index(self.previewing) if self.previewing in epochs else None
        self.bar.set_state(kept, latest, self._live_epoch(), self.previewing, position,
                           self._can_resume(self.previewing))

    # ------------------------------------------------------------------ scrubbing
    def kept_epochs(self) -> list[int]:
        return self.recorder.epochs()

    def _position_chosen(self, position: int) -> None:
        self._pending = position
        self._scrub_timer.start()

    def _scrub_due(self) -> None:
        position, self._pending = self._pending, None
        if position is None:
            return
        self.controller.pause()  # first: its last snapshot may still add an epoch
        epochs = self.recorder.epochs()
        if not epochs:
            return
        position = max(0, min(position, len(epochs) - 1))
        epoch = epochs[position]
        if position == len(epochs) - 1 and not self._can_resume(epoch):
            self.go_live()  # the end of the slider is the live state
        else:
            self.preview(epoch)

    def preview(self, epoch: int) -> bool:
        """Show the network as it was at the kept ``epoch`` (pausing training); False if
        that epoch is not kept or no longer fits the network."""
        self.controller.pause()
        try:
            params, metrics = self.recorder.state_at(epoch)
        except ConfigError:
            self._update_bar()
            return False
        net = self._preview_net
        doc_net = self.doc.network
        if net is None or net.sizes != doc_net.sizes or net.params.shape != doc_net.params.shape:
            net = self._preview_net = doc_net.clone()
        if params.shape != net.params.shape:
            self._update_bar()
            return False
        net.load_params(params)
        extent = tuple(self.doc.dataset.extent)
        columns = net.grid(extent, self.maps.resolution)
        self.previewing, self._preview_metrics = int(epoch), metrics
        self.maps.set_preview(columns, extent)  # thumbnails and decision region
        self.ws.canvas.scene.sync_weights("preview", network=net)
        self._show_metrics(epoch, metrics)
        self._show_marker(epoch)
        for badge in self._ensure_badges():
            badge.show_epoch(epoch)
        self._update_bar()
        self.preview_changed.emit(self.previewing)
        return True

    def end_preview(self, *_args) -> None:
        """Show the latest state again (the document's weights and the live numbers)."""
        self._scrub_timer.stop()
        self._pending = None
        if self.previewing is None:
            return
        self.previewing = None
        self._preview_net = None
        self._preview_metrics = {}
        self.maps.end_preview()
        self.ws.canvas.scene.sync_weights("user")
        snap = self.controller.last_snapshot
        if snap is not None:
            m = snap.metrics or {}
            self.ws.output_panel.set_metrics(
                snap.epoch, _number(m.get("train_loss")), _number(m.get("test_loss")),
                _number(m.get("train_acc")), _number(m.get("test_acc")))
        if self._marker is not None:
            self._marker.hide()
        for badge in self._badges:
            badge.hide()
        self._update_bar()
        self.preview_changed.emit(None)

    def go_live(self) -> None:
        self.end_preview()
        self._update_bar()

    # ------------------------------------------------------------------ resuming
    def resume(self, epoch: int | None = None) -> bool:
        """Go back to ``epoch`` (default: the one previewed) as one undoable command."""
        epoch = self.previewing if epoch is None else int(epoch)
        if epoch is None:
            return False
        from .timeline_state import GoBackCommand

        done = self.editor.push(GoBackCommand(self, epoch))  # refused: editor.error says why
        self._update_bar()
        return done

    def report(self, text: str) -> None:
        """A message about going back (shown like a refused edit)."""
        if text:
            try:
                self.editor.error.emit(text)
            except RuntimeError:  # this window is gone (rebuilt in another language)
                pass

    # ------------------------------------------------------------------ preview pictures
    def _show_metrics(self, epoch: int, m: dict) -> None:
        self.ws.output_panel.set_metrics(
            epoch, _number(m.get("train_loss")), _number(m.get("test_loss")),
            _number(m.get("train_acc")), _number(m.get("test_acc")))

    def _show_marker(self, epoch: int) -> None:
        plot = getattr(self.ws.output_panel, "loss_plot", None)
        if plot is None:
            return
        if self._marker is None:
            import pyqtgraph as pg

            c = theme.COLORS
            self._marker = pg.InfiniteLine(angle=90, movable=False,
                                           pen=pg.mkPen(c.accent, width=2, style=Qt.PenStyle.DashLine))
            plot.getPlotItem().addItem(self._marker, ignoreBounds=True)
        self._marker.setPos(float(epoch))
        self._marker.show()

    def _ensure_badges(self) -> list[PreviewBadge]:
        if not self._badges:
            view = getattr(self.ws.canvas, "view", None)
            panel = self.ws.output_panel
            if view is not None:
                self._badges.append(PreviewBadge(view))
            title = getattr(panel, "title", None)
            if title is not None:  # at the end of the DECISION REGION heading
                badge = PreviewBadge(panel, anchor=title)
                self._badges.append(badge)
                # the heading names a hovered neuron instead (after the panel has changed it)
                self.ws.canvas.unit_hovered.connect(lambda *_: badge.replace())
                self.ws.canvas.hover_left.connect(badge.replace)
        return self._badges


def install(window, ws) -> TrainingTimeline:
    """View › Panels › Timeline and the recording's GUI side; the bar comes on first use."""
    return TrainingTimeline(window, ws)
