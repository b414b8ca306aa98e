"""One lane of the optimizer race, twice: its settings (:class:`LaneRow`: colour, optimizer,
learning rate, remove) and its card under the plots (:class:`LaneCard`: colour, name, small
decision region, loss, accuracy, divergence, "Use these weights")."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.formatting import format_accuracy, format_loss
from gui.i18n import translate
from gui.live_label import LiveLabel
from gui.panels.plots import SquarePlotHolder
from gui.panels.widgets import caption
from gui.toolbar import LEARNING_RATES, RateComboBox

from . import race_setup as setup
from .race_plots import LaneRegionPlot, lane_color


def _swatch(color: str, w: int = 8, h: int = 30) -> QFrame:
    bar = QFrame()
    bar.setFixedSize(w, h)
    bar.setStyleSheet(f"background: {color}; border-radius: 3px;")
    return bar


# ---------------------------------------------------------------------- lane settings
class LaneRow(QWidget):
    """▌[optimizer ▾] [learning rate ▾] ✕ — one lane's settings."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, index: int, optimizer: str, rate: float, parent=None):
        super().__init__(parent)
        self.swatch = _swatch(lane_color(index))
        self.optimizer = QComboBox()
        for name, _ in setup.OPTIMIZER_NAMES:
            self.optimizer.addItem(setup.optimizer_label(name), name)
        self.optimizer.setCurrentIndex(max(0, self.optimizer.findData(optimizer)))
        self.optimizer.setToolTip(translate("LaneRow", "The optimizer of this lane"))
        self.optimizer.setMinimumHeight(32)
        self.optimizer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.optimizer.setMinimumContentsLength(8)
        self.rate = RateComboBox(LEARNING_RATES, allow_zero=False, name=translate("LaneRow", "Learning rate"),
                                 tooltip=translate("LaneRow", "Learning rate of this lane: pick one or type a "
                                                              "number and press Enter"))
        self.rate.set_value(rate)
        self.rate.setMinimumHeight(32)
        self.rate.setFixedWidth(self.rate.fontMetrics().horizontalAdvance("0.00001") + 44)
        self.remove = QToolButton()
        self.remove.setIcon(theme.icon("close"))
        self.remove.setAutoRaise(True)
        self.remove.setFixedSize(30, 30)
        self.remove.setToolTip(translate("LaneRow", "Remove this lane"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.swatch)
        layout.addWidget(self.optimizer, 1)
        lr = caption(translate("LaneRow", "lr"))
        lr.setToolTip(translate("LaneRow", "Learning rate"))
        layout.addWidget(lr)
        layout.addWidget(self.rate)
        layout.addWidget(self.remove)
        self.optimizer.activated.connect(self._optimizer_chosen)
        self.rate.value_committed.connect(lambda _v: self.changed.emit())
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))

    def _optimizer_chosen(self, _index: int) -> None:
        self.rate.set_value(setup.SUGGESTED_RATES.get(self.value()[0], self.rate.value()))
        self.changed.emit()

    def value(self) -> tuple[str, float]:
        return self.optimizer.currentData(), self.rate.value()

    def set_value(self, optimizer: str, rate: float) -> None:
        with QSignalBlocker(self.optimizer):
            self.optimizer.setCurrentIndex(max(0, self.optimizer.findData(optimizer)))
        self.rate.set_value(rate)


# ---------------------------------------------------------------------- lane cards
class LaneCard(QFrame):
    """One lane: its colour, name, small decision region, loss, accuracy and state."""

    use_requested = Signal(int)

    def __init__(self, index: int, title: str, parent=None):
        super().__init__(parent)
        self.index = index
        color = lane_color(index)
        self.setObjectName("laneCard")
        self.setStyleSheet(
            f"QFrame#laneCard {{ background: {theme.COLORS.surface}; border: 1px solid {theme.COLORS.border};"
            f" border-top: 5px solid {color}; border-radius: 4px; }}"
        )
        self.title = QLabel(title)
        font = theme.base_font()
        font.setWeight(font.Weight.Bold)
        font.setPointSizeF(theme.BASE_POINT_SIZE + 1)
        self.title.setFont(font)
        self.title.setStyleSheet(f"color: {theme.COLORS.ink};")
        self.plot = LaneRegionPlot()
        self.plot.setStyleSheet("")
        self.loss = LiveLabel("—", sample="0.0000")
        self.loss.setFont(theme.big_number_font(17))
        theme.set_role(self.loss, "big-number")
        self.accuracy = LiveLabel("—", sample="100.0 %")
        self.accuracy.setFont(theme.big_number_font(13))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color: {theme.COLORS.error}; font-weight: bold;")
        self.status.hide()
        self.use = QPushButton(translate("LaneCard", "Use these weights"))
        self.use.setToolTip(translate("LaneCard", "Copy this lane's weights into the network in the main "
                                                  "window (one step of Edit › Undo takes them back)"))
        self.use.clicked.connect(lambda: self.use_requested.emit(self.index))

        numbers = QVBoxLayout()
        numbers.setSpacing(0)
        numbers.setContentsMargins(0, 0, 0, 0)
        numbers.addWidget(caption(translate("LaneCard", "Loss")))
        numbers.addWidget(self.loss)
        numbers.addSpacing(4)
        self.accuracy_caption = caption(translate("LaneCard", "Accuracy"))
        numbers.addWidget(self.accuracy_caption)
        numbers.addWidget(self.accuracy)
        numbers.addStretch(1)
        numbers.addWidget(self.status)
        self.plot_holder = SquarePlotHolder(self.plot)
        self.plot_holder.setMinimumSize(72, 72)
        body = QHBoxLayout()
        body.setSpacing(10)
        body.addWidget(self.plot_holder, 3)
        body.addLayout(numbers, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)
        layout.addWidget(self.use)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_numbers(self, loss, accuracy, classification: bool) -> None:
        self.loss.setText(format_loss(loss))
        self.accuracy.setText(format_accuracy(accuracy))
        self.accuracy.setVisible(classification)
        self.accuracy_caption.setVisible(classification)

    def set_diverged(self, message: str | None, epoch: int) -> None:
        if message:
            self.status.setText(translate("LaneCard", "Diverged at epoch {epoch}").format(epoch=epoch + 1))
            self.status.setToolTip(message)
            self.status.show()
        else:
            self.status.hide()
            self.status.setToolTip("")
