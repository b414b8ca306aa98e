"""Drawing your own data: the drawn data set and the controls beside it.

The engine needs at least one point, so drawing starts from :data:`DRAW_START`: one
orange point (class 0) and one blue point (class 1) facing each other. The previous data
set's points are not kept — clearing hundreds of points one by one is no way to start a
drawing — and two points of different classes give the network a well-posed two-class
problem from the first click. "Clear" returns to these two points; the last point cannot
be deleted. Drawn points all train (no test split) on Playground's plane.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QPushButton, QToolButton, QVBoxLayout, QWidget

from engine.datasets import MAX_CLASSES, PLAYGROUND_EXTENT, Dataset
from gui import theme
from gui.i18n import QT_TRANSLATE_NOOP, translate

from .widgets import hint, section_heading

#: Name of a drawn data set (how the panel recognises one after undo or a reload).
DRAWN_NAME = "drawn"
#: Where drawing starts: one point of class 0 (orange) and one of class 1 (blue).
DRAW_START = (np.array([[-2.5, -2.5], [2.5, 2.5]]), np.array([0, 1]))
#: Farthest a right click may be from a point to delete it, as a share of the plane's side.
DELETE_RADIUS = 0.08
DRAW_HINT = QT_TRANSLATE_NOOP("DrawControls", "Left-click the output plot to add a point of the chosen class; "
                              "right-click removes the nearest point.")


def drawn_dataset(X, y, n_classes: int, base: Dataset | None = None) -> Dataset:
    """A drawn data set: points ``X``/``y`` train; ``base`` lends its test points and plane."""
    names = tuple(str(k) for k in range(n_classes))
    if base is None:
        x_test, y_test, extent = np.empty((0, 2)), np.empty(0, np.int64), PLAYGROUND_EXTENT
    else:
        x_test, y_test, extent = base.x_test, base.y_test, base.extent
    return Dataset(DRAWN_NAME, "classification", np.asarray(X, float).reshape(-1, 2), np.asarray(y, np.int64),
                   x_test, y_test, n_classes, extent, names,
                   {"source": "points", "train_ratio": 1.0, "seed": 0})


def start_drawing(n_classes: int = 2) -> Dataset:
    """The two starting points, with ``n_classes`` classes to draw."""
    X, y = DRAW_START
    return drawn_dataset(X, y, n_classes)


def nearest_point(ds: Dataset, x: float, y: float) -> int | None:
    """Index of the training point nearest to (x, y) within :data:`DELETE_RADIUS`, or None."""
    if ds.n_train == 0:
        return None
    xmin, xmax, ymin, ymax = ds.extent
    d2 = ((ds.x_train[:, 0] - x) / (xmax - xmin)) ** 2 + ((ds.x_train[:, 1] - y) / (ymax - ymin)) ** 2
    i = int(np.argmin(d2))
    return i if d2[i] <= DELETE_RADIUS**2 else None


def _ink_on(color: QColor) -> str:
    """Black or white text, whichever reads better on ``color``."""
    lum = 0.2126 * color.redF() + 0.7152 * color.greenF() + 0.0722 * color.blueF()
    return "#263238" if lum > 0.55 else "#ffffff"  # on a data colour, in every theme


class DrawControls(QFrame):
    """Class buttons (2…8, in the class colours), add/remove a class, Clear, a hint."""

    def _color_buttons(self) -> None:
        """The class buttons in the live palette's colours."""
        for k, b in enumerate(self.buttons):
            color = theme.class_color(k)
            b.setStyleSheet(
                f"QToolButton {{ background: {color.name()}; color: {_ink_on(color)}; font-weight: bold;"
                f" border: 1px solid {color.darker(130).name()}; border-radius: 5px; }}"
                f"QToolButton:checked {{ border: 3px solid {theme.COLORS.ink}; }}"
            )

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[QToolButton] = []
        self._row = QHBoxLayout()
        self._row.setSpacing(4)
        self._row.setContentsMargins(0, 0, 0, 0)
        for k in range(MAX_CLASSES):
            b = QToolButton()
            b.setCheckable(True)
            b.setText(str(k))
            b.setFixedSize(34, 32)
            b.setToolTip(translate("DrawControls", "Draw points of class {k}").format(k=k))
            self.group.addButton(b, k)
            self.buttons.append(b)
            self._row.addWidget(b)
        self._color_buttons()
        theme.on_change(self._color_buttons)
        self.add_class = QToolButton()
        self.add_class.setText("+")
        self.add_class.setToolTip(translate("DrawControls", "Add a class (at most {n})").format(n=MAX_CLASSES))
        self.remove_class = QToolButton()
        self.remove_class.setText("−")
        self.remove_class.setToolTip(translate("DrawControls", "Remove the last class (only when it has no points)"))
        for b in (self.add_class, self.remove_class):
            b.setFixedSize(30, 32)
            self._row.addWidget(b)
        self._row.addStretch(1)
        self.clear = QPushButton(translate("DrawControls", "Clear"))
        self.clear.setToolTip(translate("DrawControls", "Remove the drawn points and start again from two points"))
        self.message = hint(translate("DrawControls", DRAW_HINT))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        top = QHBoxLayout()
        top.addWidget(section_heading(translate("DrawControls", "Draw")))
        top.addStretch(1)
        top.addWidget(self.clear)
        layout.addLayout(top)
        layout.addLayout(self._row)
        layout.addWidget(self.message)

    def set_classes(self, n: int, current: int) -> None:
        for k, b in enumerate(self.buttons):
            b.setVisible(k < n)
        with QSignalBlocker(self.group):
            self.buttons[min(current, n - 1)].setChecked(True)
        self.add_class.setEnabled(n < MAX_CLASSES)
