"""The timeline bar under the network canvas: a slider over the kept epochs.

A slim bar, like a video player's scrubber, right under the network it changes: the
slider's positions are the kept epochs in order (they are not evenly spaced: every epoch
of the recent past, sparser further back), the label says where the slider is, "Live"
returns to the latest state and "Resume from here" continues training from the epoch on
show. While a past epoch is on show the bar turns the accent colour, so the class sees
at a glance that the picture is not the live network.

It only shows what :class:`~gui.inside.timeline.TrainingTimeline` tells it and reports
what the user does (``position_chosen``, ``scrub_started``, ``live_requested``,
``resume_requested``); it knows nothing of training. Narrow (a 1024-pixel screen) it
puts the slider on a row of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QLayout, QSizePolicy, QSlider, QToolButton

from gui import theme
from gui.formatting import format_count
from gui.i18n import translate
from gui.live_label import LiveLabel

#: the slider is never shorter than this on the one-row bar; when the row would not fit
#: the slider gets a row of its own, and when even the words and buttons do not fit
#: beside each other they get shorter ("Epoch 20", "Resume")
SLIDER_MIN = 200


def epoch_text(epoch: int) -> str:
    return format_count(epoch)


#: keys the focused slider keeps for itself (the window uses the arrows for stepping)
SLIDER_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home,
               Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


class TimelineSlider(QSlider):
    """A horizontal slider that keeps its navigation keys while it has the focus (else
    the window's Right = "Step one epoch" shortcut would take them)."""

    def __init__(self, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)

    def event(self, event):  # noqa: D102 (Qt override)
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in SLIDER_KEYS \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            event.accept()
            return True
        return super().event(event)


class TimelineBar(QFrame):
    #: the user moved the slider to ``position`` (an index into the kept epochs)
    position_chosen = Signal(int)
    #: the user grabbed the slider (training pauses before anything moves)
    scrub_started = Signal()
    live_requested = Signal()
    resume_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("timelineBar")
        self._setting = False  # the slider is being set from here, not by the user
        self._previewing: int | None = None
        self._mode: str | None = None  # "wide", "two_rows" or "short"
        self._state = (0, None, None, None, None, False)

        self.caption = QLabel(translate("TimelineBar", "TIMELINE"))
        self.caption.setObjectName("timelineCaption")
        self.caption.setFont(theme.heading_font())
        self.slider = TimelineSlider()
        self.slider.setObjectName("timelineSlider")
        self.slider.setMinimumWidth(160)
        self.slider.setPageStep(10)
        self.slider.setToolTip(translate(
            "TimelineBar", "Drag to look back at the network at an earlier epoch (training pauses). "
            "Each position is one kept epoch: every recent one, sparser further back."))
        self.slider.setAccessibleName(translate("TimelineBar", "Training timeline"))
        self.label = LiveLabel()
        self.label.setObjectName("timelineLabel")
        bold = self.label.font()
        bold.setWeight(bold.Weight.DemiBold)
        self.label.setFont(bold)
        self.kept_label = LiveLabel(sample=translate("TimelineBar", "{kept} snapshots kept").format(kept="000"))
        self.kept_label.setObjectName("timelineKept")
        self.kept_label.setToolTip(translate(
            "TimelineBar", "Memory stays bounded: all recent epochs are kept, older ones at wider and "
            "wider intervals."))
        self.live_button = QToolButton()
        self.live_button.setObjectName("timelineLive")
        self.live_button.setText(translate("TimelineBar", "Live"))
        self.live_button.setToolTip(translate("TimelineBar", "Back to the latest state of training"))
        self.resume_button = QToolButton()
        self.resume_button.setObjectName("timelineResume")
        self.resume_button.setText(translate("TimelineBar", "Resume from here"))
        self.resume_button.setToolTip(translate(
            "TimelineBar", "Go back to this epoch and continue training from it, exactly as the run "
            "went on from here (Edit › Undo returns to where you were)"))
        for label in (self.label, self.kept_label):  # sized by their samples; the slider takes the rest
            label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        for button in (self.live_button, self.resume_button):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

        self.grid = QGridLayout(self)
        # never wider than the canvas lets it be: narrow, it re-arranges (see _arrange)
        self.grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.grid.setContentsMargins(14, 6, 12, 6)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(4)
        self._arrange("wide")

        self.slider.valueChanged.connect(self._value_changed)
        self.slider.sliderPressed.connect(self.scrub_started)
        self.live_button.clicked.connect(self.live_requested)
        self.resume_button.clicked.connect(self.resume_requested)
        self.restyle()
        theme.on_change(self.restyle, owner=self)
        self.set_state(0, None, None, None, None)

    def _short(self) -> bool:
        return self._mode == "short"

    # ------------------------------------------------------------------ state
    def set_state(self, kept: int, latest: int | None, live: int | None, previewing: int | None,
                  position: int | None, can_resume: bool = False) -> None:
        """``kept`` epochs kept, the latest of them, the live epoch, the epoch previewed
        (None: live) and the slider position to show (None: the end)."""
        self._state = (kept, latest, live, previewing, position, can_resume)
        self._setting = True
        try:
            self.slider.setEnabled(kept > 1)
            self.slider.setRange(0, max(0, kept - 1))
            self.slider.setValue(max(0, kept - 1) if position is None else position)
        finally:
            self._setting = False
        newest = epoch_text(max(latest or 0, live or 0))
        if previewing is not None:
            text = (translate("TimelineBar", "Epoch {epoch}") if self._short() else
                    translate("TimelineBar", "Previewing epoch {epoch} of {latest}")).format(
                epoch=epoch_text(previewing), latest=newest)
        elif kept:
            text = (translate("TimelineBar", "Epoch {epoch}") if self._short() else
                    translate("TimelineBar", "Epoch {epoch} (latest)")).format(epoch=epoch_text(live or latest or 0))
        else:
            text = (translate("TimelineBar", "Press Play") if self._short() else
                    translate("TimelineBar", "Train to fill the timeline"))
        self.label.setText(text)
        kept_text = translate("TimelineBar", "{kept} snapshots kept").format(kept=format_count(kept)) if kept else ""
        self.kept_label.setText(kept_text)
        self.label.setToolTip(kept_text)
        self.live_button.setEnabled(previewing is not None)
        self.resume_button.setEnabled(previewing is not None and can_resume)
        if (previewing is not None) != (self._previewing is not None):
            self._previewing = previewing
            self.setProperty("previewing", previewing is not None)
            self.restyle()
        self._previewing = previewing

    def position(self) -> int:
        return self.slider.value()

    def _value_changed(self, value: int) -> None:
        if not self._setting:
            self.position_chosen.emit(value)

    # ------------------------------------------------------------------ look
    def restyle(self) -> None:
        c = theme.COLORS
        line = max(1, round(c.line_scale))
        preview = self._previewing is not None
        back = c.accent_soft if preview else c.surface
        ink = c.accent_pressed if preview else c.ink
        self.setStyleSheet(
            f"QFrame#timelineBar {{ background: {back}; border-top: {line}px solid "
            f"{c.accent if preview else c.border}; }}"
            f"QLabel#timelineCaption {{ color: {c.muted}; }}"
            f"QLabel#timelineLabel {{ color: {ink}; }}"
            f"QLabel#timelineKept {{ color: {c.muted}; }}"
            f"QToolButton {{ padding: 5px 12px; border-radius: 5px; border: {line}px solid {c.button_border};"
            f" background: {c.button}; color: {c.ink}; }}"
            f"QToolButton:hover {{ background: {c.accent_soft}; }}"
            f"QToolButton:disabled {{ color: {c.disabled}; border-color: {c.midlight}; }}"
            f"QToolButton#timelineResume:enabled {{ background: {c.accent}; color: {c.on_accent};"
            f" border-color: {c.accent}; font-weight: 600; }}"
            f"QToolButton#timelineResume:enabled:hover {{ background: {c.accent_hover}; }}"
        )

    def _arrange(self, mode: str) -> None:
        if mode == self._mode:
            return
        self._mode = mode
        two_rows = mode != "wide"
        short = mode == "short"
        self.resume_button.setText(translate("TimelineBar", "Resume") if short else
                                   translate("TimelineBar", "Resume from here"))
        sample = (translate("TimelineBar", "Epoch {epoch}") if short else
                  translate("TimelineBar", "Previewing epoch {epoch} of {latest}")).format(
            epoch="00,000", latest="00,000")
        self.label.set_sample(sample)
        self.set_state(*self._state)
        g = self.grid
        for w in (self.caption, self.slider, self.label, self.kept_label, self.live_button, self.resume_button):
            g.removeWidget(w)
        for column in range(6):
            g.setColumnStretch(column, 0)
        if two_rows:  # the slider on a row of its own; the words and buttons under it
            self.caption.setVisible(not short)
            self.kept_label.hide()  # (the label's tooltip says it)
            if short:
                g.addWidget(self.slider, 0, 0, 1, 5)
            else:
                g.addWidget(self.caption, 0, 0)
                g.addWidget(self.slider, 0, 1, 1, 4)
            g.addWidget(self.label, 1, 0, 1, 2)
            g.addWidget(self.live_button, 1, 3)
            g.addWidget(self.resume_button, 1, 4)
            g.setColumnStretch(2, 1)
        else:
            self.caption.show()
            self.kept_label.show()
            g.addWidget(self.caption, 0, 0)
            g.addWidget(self.slider, 0, 1)
            g.addWidget(self.label, 0, 2)
            g.addWidget(self.kept_label, 0, 3)
            g.addWidget(self.live_button, 0, 4)
            g.addWidget(self.resume_button, 0, 5)
            g.setColumnStretch(1, 1)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(120, self.grid.minimumSize().height())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(400, self.grid.sizeHint().height())

    def _widths(self) -> tuple[int, int]:
        """Widths the one-row and the two-row arrangements need with the full texts
        (in the language on show, so that a longer translation re-arranges sooner)."""
        sample = translate("TimelineBar", "Previewing epoch {epoch} of {latest}").format(
            epoch="00,000", latest="00,000")
        label = self.label.fontMetrics().horizontalAdvance(sample) + 8
        bold = QFontMetrics(self.label.font())  # (DemiBold, as the Resume button's text)
        button_pad = 2 * 12 + 2 * 2 + 10  # the stylesheet's padding and border, and a margin
        resume = bold.horizontalAdvance(translate("TimelineBar", "Resume from here")) + button_pad
        live = bold.horizontalAdvance(self.live_button.text()) + button_pad
        kept = self.kept_label.fontMetrics().horizontalAdvance(
            translate("TimelineBar", "{kept} snapshots kept").format(kept="000")) + 8
        m = self.grid.contentsMargins()
        spacing = self.grid.horizontalSpacing()
        ends = m.left() + m.right()
        one_row = ends + self.caption.sizeHint().width() + SLIDER_MIN + label + kept + live + resume + 5 * spacing
        two_rows = ends + label + live + resume + 4 * spacing
        return one_row, two_rows

    def _short_width(self) -> int:
        """Width the short arrangement's second row needs (label, Live, Resume)."""
        bold = QFontMetrics(self.label.font())
        button_pad = 2 * 12 + 2 * 2 + 10
        label = bold.horizontalAdvance(translate("TimelineBar", "Epoch {epoch}").format(epoch="00,000")) + 8
        live = bold.horizontalAdvance(translate("TimelineBar", "Live")) + button_pad
        resume = bold.horizontalAdvance(translate("TimelineBar", "Resume")) + button_pad
        m = self.grid.contentsMargins()
        return m.left() + m.right() + label + live + resume + 3 * self.grid.horizontalSpacing()

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        width = event.size().width()
        one_row, two_rows = self._widths()
        self._arrange("wide" if width >= one_row else "two_rows" if width >= two_rows else "short")
        # narrower still (large presentation text beside the panels): the buttons keep their
        # words and the epoch, shown in the top bar anyway, gives way
        self.label.setVisible(self._mode != "short" or width >= self._short_width())
