"""Small widgets shared by the panels: captions, section headings, captioned sliders.

They follow the type scale of :mod:`gui.theme` (small-caps captions in the muted ink,
values in the base font) with one change for the back of a classroom: nothing in the
panels is smaller than 10 pt, captions included (:data:`CAPTION_POINT_SIZE`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QSizePolicy, QSlider, QWidget

from gui import theme


#: Captions in the panels: the theme's small-caps label font, one point larger.
CAPTION_POINT_SIZE = max(10.0, theme.LABEL_POINT_SIZE)


def caption_font():
    font = theme.label_font()
    font.setPointSizeF(CAPTION_POINT_SIZE)
    return font


def caption(text: str, parent: QWidget | None = None) -> QLabel:
    """A small-caps caption ("Noise", "Train loss") in the muted ink."""
    label = QLabel(text, parent)
    theme.set_role(label, "control-label")
    label.setFont(caption_font())
    return label


def section_heading(text: str, parent: QWidget | None = None) -> QLabel:
    """A heading inside a panel: bold small caps, a step below the dock title."""
    label = QLabel(text, parent)
    theme.set_role(label, "control-label")
    font = theme.label_font()
    font.setPointSizeF(theme.BASE_POINT_SIZE)
    font.setWeight(QFont.Weight.Bold)
    label.setFont(font)
    return label


def hint(text: str, parent: QWidget | None = None) -> QLabel:
    """A short explanation in the muted ink, wrapped."""
    label = QLabel(text, parent)
    theme.set_role(label, "control-label")
    label.setWordWrap(True)
    return label


class SliderRow(QWidget):
    """``Caption  ━━━━●━━━  value``: an integer slider with its value written beside it.

    ``scale`` multiplies the slider position into the value shown and returned (a ratio
    slider moves in steps of 1 over 1…9 and means 10 … 90 %). ``value_changed`` fires on
    every move; ``released`` when the mouse lets go.
    """

    value_changed = Signal(int)
    released = Signal()

    def __init__(self, text: str, lo: int, hi: int, *, scale: int = 1,
                 fmt: Callable[[int], str] = str, tooltip: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._scale = scale
        self._fmt = fmt
        self.label = caption(text)
        self.label.setMinimumWidth(64)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(lo // scale, hi // scale)
        self.slider.setPageStep(max(1, (hi - lo) // scale // 10))
        self.slider.setMinimumWidth(60)
        self.slider.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.readout = QLabel()
        self.readout.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.readout.setMinimumWidth(self.readout.fontMetrics().horizontalAdvance(fmt(hi)) + 6)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.label)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.readout)
        self._tooltip = tooltip
        self.set_reason(None)
        self.slider.valueChanged.connect(self._moved)
        self.slider.sliderReleased.connect(self.released)
        self._show(self.value())

    def value(self) -> int:
        return self.slider.value() * self._scale

    def set_value(self, value: int) -> None:
        """Show ``value`` (clamped to the range) without emitting anything."""
        blocked = self.slider.blockSignals(True)
        self.slider.setValue(round(value / self._scale))
        self.slider.blockSignals(blocked)
        self._show(self.value())

    def set_reason(self, reason: str | None) -> None:
        """Tooltip ``reason`` (why the row is disabled), or the normal tooltip for None."""
        for w in (self, self.label, self.slider, self.readout):
            w.setToolTip(reason or self._tooltip)

    def is_dragging(self) -> bool:
        return self.slider.isSliderDown()

    def _moved(self, position: int) -> None:
        self._show(position * self._scale)
        self.value_changed.emit(position * self._scale)

    def _show(self, value: int) -> None:
        self.readout.setText(self._fmt(value))


class FlowLayout(QLayout):
    """Lays widgets out left to right and wraps to a new row when the width runs out.

    Qt's "flow layout" example, for rows of check boxes that must not be clipped in a
    narrow dock.
    """

    def __init__(self, parent: QWidget | None = None, h_spacing: int = 14, v_spacing: int = 4):
        super().__init__(parent)
        self._items: list = []
        self._h, self._v = h_spacing, v_spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:  # noqa: N802 (Qt override)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802 (Qt override)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802 (Qt override)
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):  # noqa: N802 (Qt override)
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt override)
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        width = sum(i.sizeHint().width() for i in self._items) + self._h * max(0, len(self._items) - 1)
        height = max((i.sizeHint().height() for i in self._items), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt override)
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, apply: bool) -> int:
        x, y, row_h = rect.x(), rect.y(), 0
        for item in self._items:
            if item.widget() is not None and not item.widget().isVisibleTo(self.parentWidget()):
                continue
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y = rect.x(), y + row_h + self._v
                row_h = 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._h
            row_h = max(row_h, hint.height())
        return y + row_h - rect.y()


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" instead of being cut when the panel is narrow."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""
        self.setMinimumWidth(10)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override)
        self._full = text
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(10, self.width()))
        if shown != super().text():
            super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")
