""""Stop after N epochs": an optional limit on each run, with a progress bar while it runs.

    ☐ Stop after [ 1,000 epochs ]   ▓▓▓▓▓▓░░░░ 620 / 1,000 epochs

:class:`StopAfterBar` sits in the window's status bar. Ticking the box limits every run
started with Play to that many epochs (the worker pauses by itself when they are done, as
``TrainingController.set_stop_after`` describes); the bar shows how far the run is and,
afterwards, that it stopped. The widget only shows and edits; :func:`connect_stop_after`
wires it to a training controller.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QProgressBar, QSpinBox, QWidget

from gui.formatting import format_count, thousands_separator
from gui.i18n import translate

DEFAULT_LIMIT = 1000
LIMIT_RANGE = (1, 10_000_000)


class StopAfterBar(QWidget):
    """The limit (a check box and a spin box) and the progress of the current run.

    ``limit_changed(limit)`` gives the number of epochs, or ``None`` when the box is off.
    """

    limit_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stopAfterBar")
        tip = translate("StopAfterBar", "Pause by itself after this many epochs, counted from each press of Play.\n"
                        "Untick to train until you press Pause.")
        self.check = QCheckBox(translate("StopAfterBar", "Stop after"))
        self.check.setObjectName("stopAfterCheck")
        self.check.setToolTip(tip)
        self.spin = QSpinBox()
        self.spin.setObjectName("stopAfterSpin")
        self.spin.setRange(*LIMIT_RANGE)
        self.spin.setValue(DEFAULT_LIMIT)
        self.spin.setSuffix(translate("StopAfterBar", " epochs"))
        # 1,000 in English; Spanish groups with a space, and not four digits (1000)
        self.spin.setGroupSeparatorShown(thousands_separator() == ",")
        self.spin.setStepType(QSpinBox.StepType.AdaptiveDecimalStepType)
        self.spin.setKeyboardTracking(False)  # typing 5000 is not a run limited to 5, 50, 500
        self.spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.spin.setAccelerated(True)
        self.spin.setToolTip(tip)
        self.spin.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setObjectName("stopAfterProgress")
        self.progress.setFixedWidth(230)
        self.progress.setTextVisible(True)
        self.progress.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress.setToolTip(translate("StopAfterBar", "Epochs trained in this run, of the limit"))
        self.progress.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(self.check)
        layout.addWidget(self.spin)
        layout.addWidget(self.progress)
        self.check.toggled.connect(self._on_toggled)
        self.spin.valueChanged.connect(self._on_value)

    # ------------------------------------------------------------------ the limit
    def limit(self) -> int | None:
        return self.spin.value() if self.check.isChecked() else None

    def set_limit(self, epochs: int | None) -> None:
        """Show a limit (None: off) without emitting ``limit_changed``."""
        blocked = self.blockSignals(True)
        try:
            if epochs:
                self.spin.setValue(int(epochs))
            self.check.setChecked(bool(epochs))
        finally:
            self.blockSignals(blocked)

    def _on_toggled(self, on: bool) -> None:
        self.spin.setEnabled(on)
        if not on:
            self.clear_progress()
        self.limit_changed.emit(self.limit())

    def _on_value(self, _value: int) -> None:
        if self.check.isChecked():
            self.limit_changed.emit(self.limit())

    # ------------------------------------------------------------------ progress
    def show_progress(self, done: int, total: int) -> None:
        """``done`` of ``total`` epochs in the current run."""
        total = max(1, int(total))
        done = max(0, min(int(done), total))
        if self.progress.maximum() != total:
            self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(translate("StopAfterBar", "{done} / {total} epochs").format(
            done=format_count(done), total=format_count(total)))
        self.progress.show()

    def run_started(self) -> None:
        """Play was pressed: a limited run starts from 0."""
        if self.limit() is not None:
            self.show_progress(0, self.limit())

    def run_paused(self) -> None:
        if not self.progress.isHidden() and self.progress.value() < self.progress.maximum():
            self.progress.setFormat(translate("StopAfterBar", "{done} / {total} epochs · paused").format(
                done=format_count(self.progress.value()), total=format_count(self.progress.maximum())))

    def run_stopped(self, reason: str) -> None:
        """The worker paused by itself; after the limit the bar says so until the next run."""
        if reason == "stop_after":
            total = self.progress.maximum()
            self.show_progress(total, total)
            self.progress.setFormat(translate("StopAfterBar", "Stopped after {total} epochs").format(total=format_count(total)))

    def clear_progress(self) -> None:
        self.progress.hide()


def connect_stop_after(controller, bar: StopAfterBar) -> None:
    """Limit → controller; the controller's runs, progress and stops → the bar."""
    bar.set_limit(controller.stop_after())
    bar.limit_changed.connect(controller.set_stop_after)
    controller.playing_changed.connect(lambda on: bar.run_started() if on else bar.run_paused())
    controller.progress.connect(bar.show_progress)
    controller.stopped.connect(bar.run_stopped)
    # a reset starts over: the last run's progress no longer means anything
    controller.snapshot.connect(lambda snap: snap.reason == "reset" and bar.clear_progress())
