"""The FEATURES panel: which functions of the point (x₁, x₂) the network receives.

One toggle per feature of :data:`engine.features.FEATURES`, each with a thumbnail of the
feature over the data set's plane (orange negative, blue positive, as in Playground).
Checked means "used as an input": toggling calls ``editor.set_feature(name, on)`` — one
undo step that adds or removes the input neuron on the canvas. The last input cannot be
switched off: the click is refused, the editor reports why, and the toggle's tooltip says
so. The panel mirrors ``doc.structure_changed`` (and ``data_changed`` for the plane).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QGridLayout,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from engine.features import FEATURE_NAMES
from gui import theme
from gui.canvas.labels import feature_label
from gui.i18n import QT_TRANSLATE_NOOP, translate

from .thumbnails import feature_thumbnail

#: Playground's order, two per row: the pairs belong together.
ROWS = (("x1", "x2"), ("x1_sq", "x2_sq"), ("sin_x1", "sin_x2"), ("x1x2",))
THUMB = 40
LABEL_POINT_SIZE = 12.0

DESCRIPTIONS = {
    "x1": QT_TRANSLATE_NOOP("FeaturesPanel", "x₁, the horizontal coordinate"),
    "x2": QT_TRANSLATE_NOOP("FeaturesPanel", "x₂, the vertical coordinate"),
    "x1_sq": QT_TRANSLATE_NOOP("FeaturesPanel", "x₁², large on the left and right edges"),
    "x2_sq": QT_TRANSLATE_NOOP("FeaturesPanel", "x₂², large at the top and bottom"),
    "x1x2": QT_TRANSLATE_NOOP("FeaturesPanel", "x₁·x₂, positive in two opposite quadrants"),
    "sin_x1": QT_TRANSLATE_NOOP("FeaturesPanel", "sin x₁, stripes across x₁"),
    "sin_x2": QT_TRANSLATE_NOOP("FeaturesPanel", "sin x₂, stripes across x₂"),
}


class FeatureToggle(QAbstractButton):
    """A feature's thumbnail and label; checked = an input of the network."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.name = name
        self.extent = (-6.0, 6.0, -6.0, 6.0)
        self.setText(feature_label(name))
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setAccessibleName(translate("FeaturesPanel", "Input {feature}").format(feature=feature_label(name)))
        font = QFont(self.font())
        font.setPointSizeF(LABEL_POINT_SIZE)
        self.setFont(font)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(THUMB + 12)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(THUMB + 16 + self.fontMetrics().horizontalAdvance("sin x₁") + 12, THUMB + 12)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(THUMB + 50, THUMB + 12)

    def paintEvent(self, event):  # noqa: N802 (Qt override)
        c = theme.COLORS
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        on = self.isChecked()
        card = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        if self.underMouse():
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(c.accent_soft))
            p.drawRoundedRect(card, 6, 6)
        target = QRectF(6, 6, THUMB, THUMB)
        p.setOpacity(1.0 if on else 0.28)
        p.drawImage(target, feature_thumbnail(self.name, tuple(self.extent), THUMB))
        p.setOpacity(1.0)
        p.setBrush(Qt.BrushStyle.NoBrush)
        if on:
            p.setPen(QPen(QColor(c.accent), 3))
            p.drawRoundedRect(target.adjusted(-1.5, -1.5, 1.5, 1.5), 3, 3)
        else:
            p.setPen(QPen(QColor(c.disabled), 1.2, Qt.PenStyle.DashLine))
            p.drawRect(target.adjusted(-0.5, -0.5, 0.5, 0.5))
        font = QFont(self.font())
        font.setWeight(QFont.Weight.Bold if on else QFont.Weight.Normal)
        p.setFont(font)
        p.setPen(QColor(c.ink if on else c.muted))
        text_rect = QRectF(target.right() + 10, 0, self.width() - target.right() - 12, self.height())
        p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.text())
        if self.hasFocus():
            p.setPen(QPen(QColor(c.accent), 1.2, Qt.PenStyle.DashLine))
            p.drawRoundedRect(card, 6, 6)
        p.end()


class FeaturesPanel(QWidget):
    """The FEATURES dock's contents: seven toggles in two columns."""

    def __init__(self, doc, editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("featuresPanel")
        self.doc = doc
        self.editor = editor
        self.toggles: dict[str, FeatureToggle] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        for r, names in enumerate(ROWS):
            for col, name in enumerate(names):
                t = FeatureToggle(name)
                t.clicked.connect(lambda checked, n=name: self._toggled(n, checked))
                self.toggles[name] = t
                grid.addWidget(t, r, col)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 2, 10, 10)
        layout.setSpacing(6)
        layout.addLayout(grid)
        self.setMinimumWidth(220)
        # Nothing more to show when taller: leave the height to the DATA panel above.
        self.setMaximumHeight(layout.sizeHint().height() + 8)
        self.setToolTip(translate("FeaturesPanel", "What the network sees of each point. "
                                  "Click a feature to switch it on or off as an input."))
        doc.structure_changed.connect(self.sync_from_document)
        doc.data_changed.connect(self._sync_extent)
        self._sync_extent()
        self.sync_from_document()

    def used(self) -> tuple[str, ...]:
        return tuple(n for n in FEATURE_NAMES if self.toggles[n].isChecked())

    def _toggled(self, name: str, on: bool) -> None:
        features = self.doc.network.features
        if not on and features == (name,):
            self.toggles[name].setChecked(True)
            self.editor.set_feature(name, False)  # refused: the editor reports why
            t = self.toggles[name]
            QToolTip.showText(t.mapToGlobal(QPoint(0, t.height())), t.toolTip(), t)
            return
        self.editor.set_feature(name, on)
        self.sync_from_document()

    def sync_from_document(self) -> None:
        """Check exactly the network's inputs; explain the one that cannot go."""
        features = self.doc.network.features
        for name, t in self.toggles.items():
            on = name in features
            t.setChecked(on)
            description = translate("FeaturesPanel", DESCRIPTIONS[name])
            if on and len(features) == 1:
                tip = translate("FeaturesPanel", "{description}.\nThe only input: a network needs at least one, "
                                "so switch another feature on before switching this one off.")
            elif on:
                tip = translate("FeaturesPanel", "{description}.\nUsed as an input — click to switch it off.")
            else:
                tip = translate("FeaturesPanel", "{description}.\nNot used — click to add it as an input.")
            t.setToolTip(tip.format(description=description))
            t.update()

    def _sync_extent(self) -> None:
        extent = tuple(self.doc.dataset.extent)
        for t in self.toggles.values():
            t.extent = extent
            t.update()
