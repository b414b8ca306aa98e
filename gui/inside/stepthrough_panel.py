"""The STEP-THROUGH dock's contents (#7): which point(s), which phase, and its numbers.

``StepThroughPanel`` only shows and asks; :class:`gui.inside.stepthrough.StepThrough`
owns the state and listens to its signals. Layout: the sample and action controls in a
column beside the phase navigation and the details when the dock is wide (under the
canvas), one above the other when it is narrow.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.i18n import translate
from gui.panels.widgets import FlowLayout, caption

from . import stepthrough_text as txt

#: wider than this, the controls sit beside the details
WIDE = 760


def _button(text: str, tip: str) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return button


class StepThroughPanel(QWidget):
    """See the module docstring."""

    previous_point = Signal()
    next_point = Signal()
    index_chosen = Signal(int)
    random_chosen = Signal()
    batch_mode_chosen = Signal(bool)
    batch_size_chosen = Signal(int)
    shown_chosen = Signal(int)  # position in the batch
    back = Signal()
    forward = Signal()
    phase_chosen = Signal(int)
    apply_requested = Signal()
    next_sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stepThroughPanel")
        self._updating = False

        # --- which point(s)
        self.prev_button = QToolButton()
        self.prev_button.setText("‹")
        self.prev_button.setToolTip(translate("StepThroughPanel", "The previous training point"))
        self.next_button = QToolButton()
        self.next_button.setText("›")
        self.next_button.setToolTip(translate("StepThroughPanel", "The next training point"))
        for b in (self.prev_button, self.next_button):
            f = b.font()
            f.setPointSizeF(f.pointSizeF() + 4)
            f.setWeight(QFont.Weight.Bold)
            b.setFont(f)
            b.setMinimumWidth(34)
        self.index_spin = QSpinBox()
        self.index_spin.setPrefix("#")
        self.index_spin.setToolTip(translate("StepThroughPanel", "The number of the training point (0 is the first)"))
        self.index_spin.setMinimumWidth(90)
        self.random_button = QPushButton(translate("StepThroughPanel", "Random"))
        self.random_button.setToolTip(translate("StepThroughPanel", "Pick a training point (or batch) at random"))
        point_row = QHBoxLayout()
        point_row.setSpacing(4)
        point_row.addWidget(self.prev_button)
        point_row.addWidget(self.index_spin, 1)
        point_row.addWidget(self.next_button)
        point_row.addSpacing(6)
        point_row.addWidget(self.random_button)

        self.one_radio = QRadioButton(translate("StepThroughPanel", "One point"))
        self.batch_radio = QRadioButton(translate("StepThroughPanel", "A mini-batch of"))
        self.one_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.one_radio)
        group.addButton(self.batch_radio)
        self.batch_spin = QSpinBox()
        self.batch_spin.setRange(2, 5000)
        self.batch_spin.setSuffix(" " + translate("StepThroughPanel", "points"))
        self.batch_spin.setToolTip(translate("StepThroughPanel", "How many training points the step averages over"))
        mode_row = QHBoxLayout()
        mode_row.setSpacing(8)
        mode_row.addWidget(self.one_radio)
        mode_row.addWidget(self.batch_radio)
        mode_row.addWidget(self.batch_spin)
        mode_row.addStretch(1)

        self.shown_caption = caption(translate("StepThroughPanel", "Numbers shown for"))
        self.shown_combo = QComboBox()
        self.shown_combo.setToolTip(translate("StepThroughPanel", "Whose per-point numbers the canvas shows; the step uses the batch "
                                                 "mean"))
        shown_row = QHBoxLayout()
        shown_row.addWidget(self.shown_caption)
        shown_row.addWidget(self.shown_combo, 1)
        self.shown_row = QWidget()
        self.shown_row.setLayout(shown_row)
        shown_row.setContentsMargins(0, 0, 0, 0)

        self.pick_hint = QLabel(translate("StepThroughPanel", "or click one in the decision region"))
        theme.set_role(self.pick_hint, "control-label")

        self.apply_button = QPushButton(translate("StepThroughPanel", "Apply this step"))
        self.apply_button.setObjectName("applyStepButton")
        self.apply_button.setToolTip(translate("StepThroughPanel", "Take exactly this step for real: the weights become the "
                                                  "“after” values (Edit › Undo takes it back)"))
        self.apply_button.setStyleSheet(
            f"QPushButton#applyStepButton {{ background: {theme.COLORS.accent}; color: white; border: none;"
            f" border-radius: 6px; padding: 7px 14px; font-weight: 600; }}"
            f"QPushButton#applyStepButton:hover {{ background: {theme.COLORS.accent_hover}; }}"
            f"QPushButton#applyStepButton:disabled {{ background: {theme.COLORS.disabled}; }}"
        )
        self.next_sample_button = QPushButton(translate("StepThroughPanel", "Next sample"))
        self.next_sample_button.setToolTip(translate("StepThroughPanel", "Go on with the next training point (or batch), from the "
                                                        "first phase"))
        action_row = QHBoxLayout()
        action_row.addWidget(self.apply_button)
        action_row.addWidget(self.next_sample_button)
        action_row.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("stepThroughStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.controls = QWidget()
        left = QVBoxLayout(self.controls)
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(6)
        head = QHBoxLayout()
        head.addWidget(caption(translate("StepThroughPanel", "Training point")))
        head.addStretch(1)
        head.addWidget(self.pick_hint)
        left.addLayout(head)
        left.addLayout(point_row)
        left.addLayout(mode_row)
        left.addWidget(self.shown_row)
        left.addStretch(1)

        # --- which phase
        self.back_button = _button("◀  " + translate("StepThroughPanel", "Back"), translate("StepThroughPanel", "The previous phase (← key)"))
        self.forward_button = _button(translate("StepThroughPanel", "Next") + "  ▶", translate("StepThroughPanel", "The next phase (→ key)"))
        self.phase_label = QLabel()
        self.phase_label.setObjectName("phaseLabel")
        self.phase_label.setWordWrap(True)
        font = theme.base_font()
        font.setPointSizeF(font.pointSizeF() + 4)
        font.setWeight(QFont.Weight.Bold)
        self.phase_label.setFont(font)
        self.phase_label.setMinimumWidth(40)
        self.phase_label.setStyleSheet(f"#phaseLabel {{ color: {theme.COLORS.accent_pressed}; }}")
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addWidget(self.forward_button)
        nav.addStretch(1)
        self.chips_box = QWidget()
        self.chips_row = FlowLayout(self.chips_box, h_spacing=4, v_spacing=4)
        self.chips: list[QToolButton] = []
        self.chip_group = QButtonGroup(self)
        self.chip_group.setExclusive(True)
        self.chip_group.idClicked.connect(self.phase_chosen)

        self.details = QTextBrowser()
        self.details.setObjectName("stepThroughDetails")
        self.details.setOpenLinks(False)
        self.details.setFrameShape(QFrame.Shape.StyledPanel)
        dfont = theme.base_font()
        dfont.setPointSizeF(max(11.0, dfont.pointSizeF() + 1))
        self.details.document().setDefaultFont(dfont)
        self.details.setMinimumHeight(120)
        self.message = QLabel()
        self.message.setObjectName("stepThroughMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(
            f"#stepThroughMessage {{ background: {theme.COLORS.error_soft}; color: {theme.COLORS.error};"
            " border-radius: 6px; padding: 10px; font-size: 11pt; }"
        )
        self.message.hide()

        self.phases = QWidget()
        right = QVBoxLayout(self.phases)
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(6)
        right.addWidget(self.phase_label)
        right.addLayout(nav)
        right.addWidget(self.chips_box)
        right.addWidget(self.message)
        right.addWidget(self.details, 1)
        right.addLayout(action_row)
        right.addWidget(self.status)

        self.box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.box.setContentsMargins(12, 4, 12, 10)
        self.box.setSpacing(10)
        self.box.addWidget(self.controls, 0)
        self.box.addWidget(self.phases, 1)

        # --- wiring
        self.prev_button.clicked.connect(self.previous_point)
        self.next_button.clicked.connect(self.next_point)
        self.random_button.clicked.connect(self.random_chosen)
        self.index_spin.valueChanged.connect(lambda v: self._updating or self.index_chosen.emit(v))
        self.batch_radio.toggled.connect(lambda on: self._updating or self.batch_mode_chosen.emit(on))
        self.batch_spin.valueChanged.connect(lambda v: self._updating or self.batch_size_chosen.emit(v))
        self.shown_combo.currentIndexChanged.connect(lambda k: self._updating or k < 0 or self.shown_chosen.emit(k))
        self.back_button.clicked.connect(self.back)
        self.forward_button.clicked.connect(self.forward)
        self.apply_button.clicked.connect(self.apply_requested)
        self.next_sample_button.clicked.connect(self.next_sample_requested)

    # ------------------------------------------------------------------ layout
    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        wide = event.size().width() >= WIDE
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.box.direction() != direction:
            self.box.setDirection(direction)
            self.controls.setMaximumWidth(360 if wide else 16777215)

    # ------------------------------------------------------------------ state from the controller
    def show_selection(self, n_train: int, start: int, batch: bool, batch_size: int, indices, shown: int) -> None:
        self._updating = True
        try:
            self.index_spin.setRange(0, max(0, n_train - 1))
            self.index_spin.setValue(start)
            self.batch_radio.setChecked(batch)
            self.one_radio.setChecked(not batch)
            self.batch_spin.setRange(2, max(2, min(n_train, 5000)))
            self.batch_spin.setValue(batch_size)
            self.batch_spin.setEnabled(batch)
            for w in (self.prev_button, self.next_button, self.index_spin, self.random_button, self.one_radio,
                      self.batch_radio):
                w.setEnabled(n_train > 0)
            self.batch_radio.setEnabled(n_train > 1)
            self.shown_row.setVisible(batch)
            if batch:
                items = [translate("StepThroughPanel", "#{i} ({k} of {n})").format(i=int(i), k=k + 1, n=len(indices))
                         for k, i in enumerate(indices)]
                if [self.shown_combo.itemText(k) for k in range(self.shown_combo.count())] != items:
                    self.shown_combo.clear()
                    self.shown_combo.addItems(items)
                self.shown_combo.setCurrentIndex(shown)
        finally:
            self._updating = False

    def show_phases(self, phases: list[tuple], current: int, n_layers: int) -> None:
        chips = [txt.phase_chip(p) for p in phases]
        if [b.text() for b in self.chips] != chips:
            for b in self.chips:
                self.chip_group.removeButton(b)
                self.chips_row.removeWidget(b)
                b.deleteLater()
            self.chips = []
            for k, (p, text) in enumerate(zip(phases, chips)):
                b = QToolButton()
                b.setText(text)
                b.setCheckable(True)
                b.setToolTip(txt.phase_tooltip(p, n_layers))
                b.setMinimumWidth(36)
                b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                b.setStyleSheet(
                    "QToolButton { border: 1px solid %s; border-radius: 12px; padding: 3px 8px; }"
                    "QToolButton:checked { background: %s; color: white; border-color: %s; font-weight: bold; }"
                    % (theme.COLORS.border, theme.COLORS.accent, theme.COLORS.accent)
                )
                self.chip_group.addButton(b, k)
                self.chips_row.addWidget(b)
                self.chips.append(b)
            self.chips_row.invalidate()
        for k, b in enumerate(self.chips):
            b.setChecked(k == current)
        if phases:
            title = txt.phase_title(phases[current], n_layers)
            self.phase_label.setText(f"{current + 1}/{len(phases)} · {title}")
        else:
            self.phase_label.setText("")
        self.back_button.setEnabled(current > 0)
        self.forward_button.setEnabled(bool(phases) and current < len(phases) - 1)

    def show_details(self, html: str) -> None:
        bar = self.details.verticalScrollBar()
        self.details.setHtml(html)
        bar.setValue(0)

    def show_message(self, text: str | None) -> None:
        self.message.setText(text or "")
        self.message.setVisible(bool(text))
        self.details.setVisible(not text)
        self.apply_button.setEnabled(not text)

    def show_status(self, text: str) -> None:
        self.status.setText(text)
