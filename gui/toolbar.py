"""The top bar: transport buttons, the epoch counter and the training settings.

Reading order follows TensorFlow Playground: Reset, a big round Play/Pause, Step; the
epoch in large digits; then one small captioned control per hyperparameter; the training
speed at the far right.

The bar only shows and edits values. It emits

* ``play_toggled(bool)`` when the user starts (True) or pauses (False) training,
* ``step_requested()`` / ``step_batch_requested()`` / ``reset_requested()`` (same seed) /
  ``reset_new_seed_requested()`` (Shift+click on Reset),
* ``speed_changed(level)`` — an index into :data:`~gui.training.worker.SPEEDS`, from one
  epoch per frame (0) to as fast as possible,
* ``setting_changed(key, value)`` when the user commits a new, valid setting,

and the ``set_*`` methods update the display without emitting anything, so a controller
can mirror the document into the bar without feedback loops.

Setting keys and value types::

    learning_rate        float > 0
    optimizer            "sgd" | "momentum" | ... (OPTIMIZERS)
    loss                 "mse" | "bce" | "cce" | "sparse_cce" (LOSSES)
    batch_size           int in 1 … 1000
    regularization       "none" | "l1" | "l2" (REGULARIZATIONS)
    regularization_rate  float ≥ 0
"""

from __future__ import annotations

import math
from decimal import Decimal

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpacerItem,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.formatting import format_count
from gui.i18n import QT_TRANSLATE_NOOP, translate
from gui.icons import icon
from gui.live_label import LiveLabel
from gui.training.worker import FASTEST, SPEEDS

# The choice tables: (key, name, tooltip). Names and tooltips are translation markers,
# shown with translate(<the table's context>, text): "Optimizers", "Losses", "Regularizations".
OPTIMIZERS: list[tuple[str, str, str]] = [
    ("sgd", QT_TRANSLATE_NOOP("Optimizers", "SGD"),
     QT_TRANSLATE_NOOP("Optimizers", "Plain stochastic gradient descent: w ← w − η·g")),
    ("momentum", QT_TRANSLATE_NOOP("Optimizers", "Momentum"),
     QT_TRANSLATE_NOOP("Optimizers", "SGD with momentum 0.9: a velocity that remembers past gradients")),
    ("nesterov", QT_TRANSLATE_NOOP("Optimizers", "Nesterov"),
     QT_TRANSLATE_NOOP("Optimizers", "Momentum that looks ahead before taking the gradient")),
    ("adagrad", QT_TRANSLATE_NOOP("Optimizers", "Adagrad"),
     QT_TRANSLATE_NOOP("Optimizers", "Per-weight steps that shrink with the sum of squared gradients")),
    ("adadelta", QT_TRANSLATE_NOOP("Optimizers", "Adadelta"),
     QT_TRANSLATE_NOOP("Optimizers", "Adagrad with a moving window instead of the full sum")),
    ("rmsprop", QT_TRANSLATE_NOOP("Optimizers", "RMSprop"),
     QT_TRANSLATE_NOOP("Optimizers", "Per-weight steps scaled by a moving average of squared gradients")),
    ("adam", QT_TRANSLATE_NOOP("Optimizers", "Adam"),
     QT_TRANSLATE_NOOP("Optimizers", "Momentum plus RMSprop scaling, with bias correction (Kingma & Ba)")),
    ("adamw", QT_TRANSLATE_NOOP("Optimizers", "AdamW"),
     QT_TRANSLATE_NOOP("Optimizers", "Adam with weight decay applied directly to the weights")),
    ("nadam", QT_TRANSLATE_NOOP("Optimizers", "Nadam"),
     QT_TRANSLATE_NOOP("Optimizers", "Adam with Nesterov's look-ahead momentum")),
    ("amsgrad", QT_TRANSLATE_NOOP("Optimizers", "AMSGrad"),
     QT_TRANSLATE_NOOP("Optimizers", "Adam that never lets the step size grow again")),
]
LOSSES: list[tuple[str, str, str]] = [
    ("mse", QT_TRANSLATE_NOOP("Losses", "Squared error"),
     QT_TRANSLATE_NOOP("Losses", "½(output − target)², Playground's loss; for regression too")),
    ("bce", QT_TRANSLATE_NOOP("Losses", "Binary cross-entropy"),
     QT_TRANSLATE_NOOP("Losses", "For two classes with a sigmoid output")),
    ("cce", QT_TRANSLATE_NOOP("Losses", "Categorical cross-entropy"),
     QT_TRANSLATE_NOOP("Losses", "For several classes with softmax and one-hot targets")),
    ("sparse_cce", QT_TRANSLATE_NOOP("Losses", "Sparse categorical cross-entropy"),
     QT_TRANSLATE_NOOP("Losses", "Categorical cross-entropy with class numbers as targets")),
]
REGULARIZATIONS: list[tuple[str, str, str]] = [
    ("none", QT_TRANSLATE_NOOP("Regularizations", "None"),
     QT_TRANSLATE_NOOP("Regularizations", "No penalty on large weights")),
    ("l1", QT_TRANSLATE_NOOP("Regularizations", "L1"),
     QT_TRANSLATE_NOOP("Regularizations", "Penalty rate·Σ|w|: pushes unhelpful weights to exactly zero")),
    ("l2", QT_TRANSLATE_NOOP("Regularizations", "L2"),
     QT_TRANSLATE_NOOP("Regularizations", "Penalty rate·Σw²/2: keeps all weights small")),
]
LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]
REGULARIZATION_RATES = [0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]
BATCH_SIZE_RANGE = (1, 1000)

DEFAULT_SETTINGS: dict[str, object] = {
    "learning_rate": 0.03,
    "optimizer": "sgd",
    "loss": "mse",
    "batch_size": 10,
    "regularization": "none",
    "regularization_rate": 0.0,
}

#: Height of the combo and spin boxes: a comfortable target on a touchpad or a smartboard.
CONTROL_HEIGHT = 32

def speed_label(level: int) -> str:
    """The speed choice's name in the current language ("10 epochs per frame")."""
    return translate("Speeds", SPEEDS[level][0])


def speed_short_label(level: int) -> str:
    """The speed choice's short face for the compact bar ("10/frame", "Fastest")."""
    n = SPEEDS[level][1]
    if n is None:
        return translate("Speeds", "Fastest")
    return translate("Speeds", "{n}/frame").format(n=n)


def speed_tip(level: int) -> str:
    """What the speed choice does, for its tooltip."""
    n = SPEEDS[level][1]
    if n is None:
        return translate("Speeds", "Train as fast as the machine allows; the pictures refresh about 30 times a second")
    if n == 1:
        return translate("Speeds", "Train 1 epoch, then show the result, about 30 times a second: watch every step")
    return translate("Speeds", "Train {n} epochs, then show the result, about 30 times a second").format(n=n)


def format_rate(value: float) -> str:
    """A rate as people write it: 0.00001, 0.03, 3 (never 1e-05)."""
    text = format(Decimal(repr(float(value))), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def format_epoch(epoch: int) -> str:
    """Playground's zero-padded counter: 000,000 … 999,999, then 1,000,000 …"""
    return format_count(epoch, 7)


def parse_rate(text: str, *, allow_zero: bool, name: str) -> float:
    """Parse a typed rate, raising ``ValueError`` with a message fit for a tooltip.

    Accepts ``0.03``, ``3e-2`` and a decimal comma (``0,03``). ``name`` is the rate's
    name as shown (translated).
    """
    cleaned = text.strip().replace(" ", "")
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    typed = text.strip()
    if not cleaned:
        raise ValueError(translate("TrainingToolbar", "{name} is empty: type a number such as 0.03").format(name=name))
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError(
            translate("TrainingToolbar", "“{text}” is not a number: type a number such as 0.03").format(text=typed)
        ) from None
    if not math.isfinite(value):
        raise ValueError(
            translate("TrainingToolbar", "{name} must be a finite number, not “{text}”").format(
                name=name, text=typed)
        )
    if allow_zero and value < 0:
        raise ValueError(
            translate("TrainingToolbar", "{name} must be 0 or more, not {text}").format(name=name, text=typed)
        )
    if not allow_zero and value <= 0:
        raise ValueError(
            translate("TrainingToolbar", "{name} must be greater than 0, not {text}").format(name=name, text=typed)
        )
    return value


class ElidingComboBox(QComboBox):
    """A combo box whose closed face elides long item text (the popup shows it in full)."""

    def paintEvent(self, event):  # noqa: N802 (Qt override)
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        text_rect = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, text_rect.width() - 2
        )
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class ShortFaceComboBox(QComboBox):
    """A combo box whose closed face shows each item's short text (:data:`SHORT_ROLE`)
    while ``short_face`` is set; the list always shows the full labels."""

    SHORT_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.short_face = False

    def paintEvent(self, event):  # noqa: N802 (Qt override)
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        short = self.currentData(self.SHORT_ROLE) if self.short_face else None
        if short:
            option.currentText = short
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class RateComboBox(QComboBox):
    """An editable combo of preset rates that also accepts any typed value.

    A typed value is committed on Enter or when focus leaves. A bad one (not a number, out
    of range) marks the field red with the problem in its tooltip and leaves the current
    value as it was; Escape puts the current value back.
    """

    value_committed = Signal(float)

    def __init__(self, presets, *, allow_zero: bool, name: str, tooltip: str, parent=None):
        super().__init__(parent)
        self._allow_zero = allow_zero
        self._name = name
        self._tooltip = tooltip
        self._value = float(presets[0])
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(len(presets))
        self.setCompleter(None)  # completing "0.0" to "0.00001" would surprise more than help
        for preset in presets:
            self.addItem(format_rate(preset), float(preset))
        self.setToolTip(tooltip)
        self.lineEdit().setAlignment(Qt.AlignmentFlag.AlignRight)
        self.lineEdit().editingFinished.connect(self._commit_text)
        self.lineEdit().textEdited.connect(lambda _text: self._set_error(None))
        self.activated.connect(self._commit_index)

    # -- public -----------------------------------------------------------------------
    def value(self) -> float:
        return self._value

    def set_value(self, value: float) -> None:
        """Show ``value`` as the current rate (no signal); ``ValueError`` if out of range."""
        value = parse_rate(repr(float(value)), allow_zero=self._allow_zero, name=self._name)
        self._value = value
        self._show_value()
        self._set_error(None)

    def error(self) -> str | None:
        """The problem with the typed text, or ``None`` when the field is fine."""
        return self.property("errorText") or None

    # -- internals --------------------------------------------------------------------
    def _show_value(self) -> None:
        index = self.findData(self._value)
        blocked = self.blockSignals(True)
        if index >= 0:
            self.setCurrentIndex(index)
        self.setEditText(format_rate(self._value))
        self.blockSignals(blocked)

    def _commit_index(self, index: int) -> None:
        data = self.itemData(index)
        if data is not None:
            self._accept(float(data))

    def _commit_text(self) -> None:
        text = self.currentText()
        if text == format_rate(self._value):
            self._set_error(None)
            return
        try:
            value = parse_rate(text, allow_zero=self._allow_zero, name=self._name)
        except ValueError as exc:
            self._set_error(str(exc))
            return
        self._accept(value)

    def _accept(self, value: float) -> None:
        self._set_error(None)
        changed = value != self._value
        self._value = value
        self._show_value()
        if changed:
            self.value_committed.emit(value)

    def _set_error(self, message: str | None) -> None:
        """Mark the field as invalid (red text on pink, thick red frame) or clear the mark.

        The frame changes thickness as well as colour, so the state does not rest on
        telling red from grey.
        """
        self.setProperty("errorText", message or "")
        if message:
            self.setToolTip(
                translate("TrainingToolbar", "{problem}\nThe rate in use is still {rate}.").format(
                    problem=message, rate=format_rate(self._value)
                )
            )
            if self.isVisible():
                QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), self.toolTip(), self)
        else:
            self.setToolTip(self._tooltip)
        invalid = bool(message)
        if invalid == bool(self.property("invalid")):
            return
        self.setProperty("invalid", invalid)
        line = self.lineEdit()
        line.setProperty("invalid", invalid)
        palette = QPalette()  # nothing set: every role inherited from the combo again
        if invalid:
            palette = QPalette(self.palette())
            palette.setColor(QPalette.ColorRole.Text, QColor(theme.COLORS.error))
            palette.setColor(QPalette.ColorRole.Base, QColor(theme.COLORS.error_soft))
        line.setPalette(palette)
        self.update()

    def paintEvent(self, event):  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if self.property("invalid"):
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor(theme.COLORS.error), 2.5))
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1.25, 1.25, -1.25, -1.25), 3, 3)

    def keyPressEvent(self, event):  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape and self.property("invalid"):
            self._show_value()
            self._set_error(None)
            return
        super().keyPressEvent(event)


def _round_button(name: str, tooltip: str, object_name: str, size: int = 40,
                  accessible_name: str = "") -> QToolButton:
    button = QToolButton()
    button.setObjectName(object_name)
    theme.set_role(button, "round")
    button.setIcon(icon(name))
    button.setIconSize(QSize(24, 24))
    button.setFixedSize(size, size)
    button.setToolTip(tooltip)
    button.setAccessibleName(accessible_name or tooltip.split("\n")[0])
    button.setAutoRaise(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


class _Captioned(QWidget):
    """A control with its small caps caption above it, as in Playground's top bar."""

    def __init__(self, caption: str, widget: QWidget, parent=None):
        super().__init__(parent)
        self.caption = QLabel(caption)
        theme.set_role(self.caption, "control-label")
        self.caption.setFont(theme.label_font())
        self.caption.setBuddy(widget)
        self.widget = widget
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.caption)
        layout.addWidget(widget)
        if not isinstance(widget, QLabel):
            widget.setFixedHeight(CONTROL_HEIGHT)
        layout.addStretch(1)


class TrainingToolbar(QWidget):
    """The top bar. See the module docstring for signals and setting keys."""

    play_toggled = Signal(bool)
    step_requested = Signal()
    step_batch_requested = Signal()
    reset_requested = Signal()
    reset_new_seed_requested = Signal()
    speed_changed = Signal(int)
    setting_changed = Signal(str, object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("trainingToolbar")
        self._playing = False
        self._epoch = 0
        self._compact: bool | None = None
        self._settings: dict[str, object] = dict(DEFAULT_SETTINGS)

        # transport
        self.reset_button = _round_button(
            "reset",
            translate("TrainingToolbar", "Reset the network (R): back to the same starting weights, epoch 0\n"
                      "Shift+click: new random starting weights (Shift+R)"),
            "resetButton",
            accessible_name=translate("TrainingToolbar", "Reset the network"),
        )
        self.play_button = QToolButton()
        self.play_button.setObjectName("playButton")
        theme.set_role(self.play_button, "play")
        self.play_button.setCheckable(True)
        self.play_button.setFixedSize(54, 54)
        self.play_button.setIconSize(QSize(30, 30))
        self.play_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.step_button = _round_button(
            "step", translate("TrainingToolbar", "Train one epoch (→)"), "stepButton",
            accessible_name=translate("TrainingToolbar", "Train one epoch"),
        )
        self.step_batch_button = _round_button(
            "step-batch", translate("TrainingToolbar", "Train one mini-batch (Shift+→)"), "stepBatchButton",
            accessible_name=translate("TrainingToolbar", "Train one mini-batch"),
        )
        self._update_play_button()

        # epoch counter
        self.epoch_label = LiveLabel(format_epoch(0), sample="000,000")
        self.epoch_label.setObjectName("epochLabel")
        theme.set_role(self.epoch_label, "big-number")
        self.epoch_label.setFont(theme.big_number_font())
        self.epoch_label.setToolTip(
            translate("TrainingToolbar", "Epochs trained: one epoch is one pass over the training data")
        )
        self.epoch_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

        # settings
        self.learning_rate_combo = RateComboBox(
            LEARNING_RATES,
            allow_zero=False,
            name=translate("TrainingToolbar", "Learning rate"),
            tooltip=translate("TrainingToolbar", "Learning rate η: how far each update moves the weights.\n"
                              "Pick a preset or type any positive number and press Enter."),
        )
        self.learning_rate_combo.setObjectName("learningRateCombo")
        self.learning_rate_combo.value_committed.connect(
            lambda v: self._user_changed("learning_rate", v)
        )

        self.optimizer_combo = self._choice_combo(
            "optimizerCombo", OPTIMIZERS, "Optimizers", "optimizer",
            translate("TrainingToolbar", "Optimizer: the rule that turns gradients into weight updates"),
        )
        self.loss_combo = self._choice_combo(
            "lossCombo", LOSSES, "Losses", "loss",
            translate("TrainingToolbar", "Loss: how the error between output and target is measured"),
        )

        self.batch_size_spin = QSpinBox()
        self.batch_size_spin.setObjectName("batchSizeSpin")
        self.batch_size_spin.setRange(*BATCH_SIZE_RANGE)
        self.batch_size_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.batch_size_spin.setKeyboardTracking(False)
        self.batch_size_spin.setAccelerated(True)
        self.batch_size_spin.setToolTip(
            translate("TrainingToolbar", "Batch size: training examples averaged per weight update (1 … 1000)")
        )
        self.batch_size_spin.valueChanged.connect(lambda v: self._user_changed("batch_size", int(v)))

        self.regularization_combo = self._choice_combo(
            "regularizationCombo", REGULARIZATIONS, "Regularizations", "regularization",
            translate("TrainingToolbar", "Regularization: a penalty on large weights that fights overfitting"),
        )
        self.regularization_rate_combo = RateComboBox(
            REGULARIZATION_RATES,
            allow_zero=True,
            name=translate("TrainingToolbar", "Regularization rate"),
            tooltip=translate("TrainingToolbar", "Regularization rate: the strength of the weight penalty.\n"
                              "Pick a preset or type any number ≥ 0 and press Enter."),
        )
        self.regularization_rate_combo.setObjectName("regularizationRateCombo")
        self.regularization_rate_combo.value_committed.connect(
            lambda v: self._user_changed("regularization_rate", v)
        )

        # speed choice: from one epoch per frame (to watch) to as fast as possible
        self._speed = FASTEST
        self.speed_combo = ShortFaceComboBox()
        self.speed_combo.setObjectName("speedCombo")
        self.speed_combo.setToolTip(
            translate("TrainingToolbar", "Training speed: epochs trained between two pictures.\n"
                      "One epoch per frame shows every step; as fast as possible trains\n"
                      "as fast as the machine allows while the pictures stay live.")
        )
        for i in range(len(SPEEDS)):
            self.speed_combo.addItem(speed_label(i), i)
            self.speed_combo.setItemData(i, speed_short_label(i), ShortFaceComboBox.SHORT_ROLE)
            self.speed_combo.setItemData(i, speed_tip(i), Qt.ItemDataRole.ToolTipRole)
        self.speed_combo.setCurrentIndex(self._speed)
        self.speed_combo.activated.connect(self.choose_speed)
        longest = max(QFontMetrics(self.speed_combo.font()).horizontalAdvance(speed_label(i))
                      for i in range(len(SPEEDS)))
        self.speed_combo.view().setMinimumWidth(longest + 40)

        # speed readout
        self.speed_label = LiveLabel("—", sample="00,000")
        self.speed_label.setObjectName("speedLabel")
        theme.set_role(self.speed_label, "big-number")
        self.speed_label.setFont(theme.big_number_font(15))
        self.speed_label.setToolTip(translate("TrainingToolbar", "Training speed in epochs per second"))
        self.speed_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self._build_layout()
        self._show_settings()

        self.play_button.clicked.connect(self._on_play_clicked)
        self.step_button.clicked.connect(self.step_requested)
        self.step_batch_button.clicked.connect(self.step_batch_requested)
        self.reset_button.clicked.connect(self._on_reset_clicked)

    # -- construction -----------------------------------------------------------------
    def _choice_combo(self, object_name, choices, context, key, tooltip) -> QComboBox:
        """A combo of ``(key, name, tip)`` choices; names and tips translated in ``context``."""
        combo = ElidingComboBox()
        combo.setObjectName(object_name)
        combo.setToolTip(tooltip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for i, (value, label, tip) in enumerate(choices):
            combo.addItem(translate(context, label), value)
            combo.setItemData(i, translate(context, tip), Qt.ItemDataRole.ToolTipRole)
        combo.activated.connect(lambda i, c=combo, k=key: self._user_changed(k, c.itemData(i)))
        # The popup must be wide enough for the longest name even when the face is elided.
        longest = max(QFontMetrics(combo.font()).horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
        combo.view().setMinimumWidth(longest + 40)
        return combo

    def _build_layout(self) -> None:
        transport = self._transport = QHBoxLayout()
        transport.setSpacing(6)
        transport.addWidget(self.reset_button, 0, Qt.AlignmentFlag.AlignVCenter)
        transport.addWidget(self.play_button, 0, Qt.AlignmentFlag.AlignVCenter)
        transport.addWidget(self.step_button, 0, Qt.AlignmentFlag.AlignVCenter)
        transport.addWidget(self.step_batch_button, 0, Qt.AlignmentFlag.AlignVCenter)

        self._epoch_box = _Captioned(translate("TrainingToolbar", "Epoch"), self.epoch_label)
        self._speed_box = _Captioned(translate("TrainingToolbar", "Epochs / s"), self.speed_label)
        self._speed_box.caption.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._regularization_rate_box = _Captioned(
            translate("TrainingToolbar", "Regularization rate"), self.regularization_rate_combo
        )
        learning_rate_box = _Captioned(translate("TrainingToolbar", "Learning rate"), self.learning_rate_combo)
        batch_size_box = _Captioned(translate("TrainingToolbar", "Batch size"), self.batch_size_spin)
        self._controls = [
            learning_rate_box,
            _Captioned(translate("TrainingToolbar", "Optimizer"), self.optimizer_combo),
            _Captioned(translate("TrainingToolbar", "Loss"), self.loss_combo),
            batch_size_box,
            _Captioned(translate("TrainingToolbar", "Regularization"), self.regularization_combo),
            self._regularization_rate_box,
            _Captioned(translate("TrainingToolbar", "Speed"), self.speed_combo),
        ]
        # (caption box, full caption, caption in the compact bar): languages whose names are
        # longer than the control below them shorten them there (context "CompactToolbar";
        # in English the compact captions are the full ones, except "Reg. rate")
        self._captions = [
            (learning_rate_box, learning_rate_box.caption.text(), translate("CompactToolbar", "Learning rate")),
            (batch_size_box, batch_size_box.caption.text(), translate("CompactToolbar", "Batch size")),
            (self._regularization_rate_box, self._regularization_rate_box.caption.text(),
             translate("TrainingToolbar", "Reg. rate")),
        ]

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 6, 12, 6)
        layout.setSpacing(0)
        layout.addLayout(transport)
        self._gaps = []
        for box in [self._epoch_box, *self._controls]:
            gap = QSpacerItem(22, 1, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
            self._gaps.append(gap)
            layout.addSpacerItem(gap)
            layout.addWidget(box, 0, Qt.AlignmentFlag.AlignVCenter)
            layout.addStretch(1)
        layout.addWidget(self._speed_box, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._measure_densities()

    def _apply_density(self, compact: bool) -> None:
        """Wide: roomy fields, a step-batch button. Compact (≈1024 px windows): tighter.

        Fonts stay the same size in both so the bar is as readable on a 1024×768 projector.
        """
        if compact == self._compact:
            return
        self._compact = compact
        fm = QFontMetrics(self.font())
        digit = fm.horizontalAdvance("0")
        arrow = 30 if compact else 34  # frame, padding and drop-down arrow of a combo box
        self.epoch_label.setFont(theme.big_number_font(16 if compact else theme.BIG_NUMBER_POINT_SIZE))
        self.epoch_label.setMinimumWidth(QFontMetrics(self.epoch_label.font()).horizontalAdvance("000,000") + 4)
        self.speed_label.set_sample("0,000" if compact else "00,000")
        self.speed_label.setMinimumWidth(
            QFontMetrics(self.speed_label.font()).horizontalAdvance("0,000" if compact else "00,000") + 4
        )
        self.learning_rate_combo.setFixedWidth(digit * 7 + arrow + 4)
        self.regularization_rate_combo.setFixedWidth(digit * 6 + arrow + 4)
        self.batch_size_spin.setFixedWidth(digit * 4 + 36)

        def widest(combo):
            return max(fm.horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))

        self.optimizer_combo.setFixedWidth(widest(self.optimizer_combo) + arrow)
        self.regularization_combo.setFixedWidth(widest(self.regularization_combo) + arrow + 12)
        if compact:
            loss_text = translate("Losses", "Squared error")
        else:
            loss_text = translate("Losses", "Categorical cross-entropy")
        self.loss_combo.setFixedWidth(fm.horizontalAdvance(loss_text) + arrow + 6)
        self.speed_combo.short_face = compact
        levels = range(len(SPEEDS))
        speed_texts = [speed_short_label(i) if compact else speed_label(i) for i in levels]
        self.speed_combo.setFixedWidth(max(fm.horizontalAdvance(t) for t in speed_texts) + arrow + 2)
        self.speed_combo.update()
        self.step_batch_button.setVisible(not compact)
        for box, full_caption, short_caption in self._captions:
            box.caption.setText(short_caption if compact else full_caption)
            box.caption.setToolTip(full_caption if compact and short_caption != full_caption else "")
        for gap in self._gaps:
            gap.changeSize(5 if compact else 22, 1, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        self._transport.setSpacing(3 if compact else 6)
        self.layout().setContentsMargins(2 if compact else 4, 6, 6 if compact else 12, 6)
        self.layout().invalidate()

    def _measure_densities(self) -> None:
        """Remember the minimum width of both layouts; the compact one is the bar's minimum."""
        widths = {}
        for compact in (True, False):
            self._apply_density(compact)
            self.layout().activate()
            widths[compact] = self.layout().minimumSize().width()
        self._compact_min_width, self._wide_min_width = widths[True], widths[False]

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self._compact_min_width), hint.height())

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        self._apply_density(event.size().width() < self._wide_min_width)
        super().resizeEvent(event)

    def is_compact(self) -> bool:
        """True while the bar uses its narrow layout (windows below about 1300 px)."""
        return bool(self._compact)

    # -- user actions -------------------------------------------------------------------
    def toggle_play(self) -> None:
        """Flip Play/Pause as if the button was clicked (emits ``play_toggled``)."""
        self.play_button.click()

    def _on_reset_clicked(self) -> None:
        shift = QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier
        (self.reset_new_seed_requested if shift else self.reset_requested).emit()

    def speed(self) -> int:
        """The chosen speed: an index into SPEEDS (0 = one epoch per frame)."""
        return self._speed

    def set_speed(self, level: int) -> None:
        """Show a speed without emitting ``speed_changed``."""
        self._speed = max(0, min(FASTEST, int(level)))
        self.speed_combo.setCurrentIndex(self._speed)

    def choose_speed(self, level: int) -> None:
        """Pick a speed as the user does (the combo, the Train menu): emits when it changes."""
        level = max(0, min(FASTEST, int(level)))
        changed = level != self._speed
        self.set_speed(level)
        if changed:
            self.speed_changed.emit(level)

    def _on_play_clicked(self, checked: bool) -> None:
        self._playing = bool(checked)
        self._update_play_button()
        self.play_toggled.emit(self._playing)

    def _update_play_button(self) -> None:
        name = "pause" if self._playing else "play"
        self.play_button.setIcon(icon(name, theme.COLORS.on_accent))
        if self._playing:
            tip = translate("TrainingToolbar", "Pause training (Space)")
            spoken = translate("TrainingToolbar", "Pause training")
        else:
            tip = translate("TrainingToolbar", "Start training (Space)")
            spoken = translate("TrainingToolbar", "Start training")
        self.play_button.setToolTip(tip)
        self.play_button.setAccessibleName(spoken)
        blocked = self.play_button.blockSignals(True)
        self.play_button.setChecked(self._playing)
        self.play_button.blockSignals(blocked)

    def _user_changed(self, key: str, value: object) -> None:
        if self._settings.get(key) == value:
            return
        self._settings[key] = value
        self._update_dependent_controls()
        self.setting_changed.emit(key, value)

    def _update_dependent_controls(self) -> None:
        active = self._settings["regularization"] != "none"
        self.regularization_rate_combo.setEnabled(active)

    # -- setters (no signals) -------------------------------------------------------------
    def is_playing(self) -> bool:
        return self._playing

    def set_playing(self, playing: bool) -> None:
        """Show the Play or Pause state without emitting ``play_toggled``."""
        self._playing = bool(playing)
        self._update_play_button()

    def epoch(self) -> int:
        return self._epoch

    def set_epoch(self, epoch: int) -> None:
        self._epoch = int(epoch)
        self.epoch_label.setText(format_epoch(self._epoch))

    def set_epochs_per_second(self, rate: float | None) -> None:
        """Show the training speed; ``None`` (or not finite) shows a dash."""
        if rate is None or not math.isfinite(rate) or rate < 0:
            self.speed_label.setText("—")
        elif rate < 10:
            self.speed_label.setText(f"{rate:.1f}")
        else:
            self.speed_label.setText(format_count(rate))

    def settings(self) -> dict[str, object]:
        """A copy of the current settings, keyed as in :data:`DEFAULT_SETTINGS`."""
        return dict(self._settings)

    def set_setting(self, key: str, value: object) -> None:
        """Show a setting without emitting ``setting_changed``.

        ``KeyError`` for an unknown key, ``ValueError`` for a value the control cannot hold.
        """
        if key not in DEFAULT_SETTINGS:
            raise KeyError(f"unknown toolbar setting {key!r}; known: {', '.join(DEFAULT_SETTINGS)}")
        choice_sets = {"optimizer": OPTIMIZERS, "loss": LOSSES, "regularization": REGULARIZATIONS}
        if key in choice_sets:
            keys = [k for k, _, _ in choice_sets[key]]
            if value not in keys:
                raise ValueError(f"{key} must be one of {', '.join(keys)}, not {value!r}")
        elif key == "batch_size":
            lo, hi = BATCH_SIZE_RANGE
            if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
                raise ValueError(f"batch_size must be a whole number in {lo} … {hi}, not {value!r}")
        else:
            allow_zero = key == "regularization_rate"
            value = parse_rate(repr(float(value)), allow_zero=allow_zero, name=key)
        self._settings[key] = value
        self._show_settings()

    def set_settings(self, settings: dict[str, object]) -> None:
        """Several :meth:`set_setting` calls at once."""
        for key, value in settings.items():
            self.set_setting(key, value)

    def _show_settings(self) -> None:
        s = self._settings
        for combo, key in (
            (self.optimizer_combo, "optimizer"),
            (self.loss_combo, "loss"),
            (self.regularization_combo, "regularization"),
        ):
            blocked = combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(s[key]))
            combo.blockSignals(blocked)
        blocked = self.batch_size_spin.blockSignals(True)
        self.batch_size_spin.setValue(int(s["batch_size"]))
        self.batch_size_spin.blockSignals(blocked)
        self.learning_rate_combo.set_value(float(s["learning_rate"]))
        self.regularization_rate_combo.set_value(float(s["regularization_rate"]))
        self._update_dependent_controls()
